"""Records a comment offers as alternatives: "Option A - DNS TXT record (recommended)" /
"Option B - DNS CNAME record", "either of these works and you only need to do one of them".

Only one option is to be done. The one the comment recommends is asked for and the others
are left out, saying so; with no recommendation every option stays and the reading is
blocked for a person to choose (adding both would be wrong). Pure; linear in the comment.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.models import Flag, Source
from bot.reading.mentions import Mention, excerpt

# "Option A - DNS TXT record (recommended)", "Method 2: CNAME", "Alternative B"
_HEADING = re.compile(
    r"^[\W_]{0,6}(?:option|method|alternative|choice)[ \t]+([A-D1-4]|one|two|three)\b[^\n]{0,120}$",
    re.I,
)
_PREFERRED = re.compile(r"\b(?:recommended|preferred|preferable|recommend(?:ation)?)\b", re.I)
# "Our recommendation is Option A", "We recommend Option A", "Option A is preferred"
_NAMES_PREFERRED = re.compile(
    r"\b(?:recommend(?:ation|ed)?|prefer(?:red|ence)?)\b[^.\n]{0,40}?\b(?:option|method)[ \t]+"
    r"([A-D1-4]|one|two|three)\b|\b(?:option|method)[ \t]+([A-D1-4]|one|two|three)[ \t]+is[ \t]+"
    r"(?:(?:the|our)[ \t]+)?(?:recommended|preferred)\b",
    re.I,
)
# A heading is "recommended" only in its own words, never "not recommended".
_NOT_PREFERRED = re.compile(r"\bnot[ \t]+(?:\w+[ \t]+)?(?:recommended|preferred)\b", re.I)


def offered(
    mentions: Sequence[Mention], numbered: Sequence[tuple[int, str]]
) -> tuple[list[Mention], list[Flag]]:
    """The records of options not recommended (to leave out), and the flags that say what
    was done: `alternative` (info) for each left out, `ambiguous_request` (block) for each
    option's records when none is recommended."""
    headings = [
        (n, found.group(1).lower(), text) for n, text in numbered if (found := _HEADING.match(text))
    ]
    if len({key for _, key, _ in headings}) < 2:
        return [], []
    groups: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.mode != "request" or mention.action not in (None, "add") or not mention.value:
            continue
        above = [(n, key) for n, key, _ in headings if n <= mention.line]
        if above:
            groups.setdefault(above[-1][1], []).append(mention)
    if len(groups) < 2:
        return [], []
    preferred = _preferred(headings, numbered)
    if preferred in groups:
        chosen = groups[preferred]
        gone = [m for key, group in groups.items() if key != preferred for m in group]
        return gone, [_left_out(m, chosen[0]) for m in gone]
    named = {m.name.lower(): m for group in groups.values() for m in group}
    return [], [_choose(m, groups) for m in named.values()]


def _preferred(headings: list[tuple[int, str, str]], numbered: Sequence[tuple[int, str]]) -> str:
    """The option the comment recommends, by its heading or its words; "" if none or two."""
    marked = {
        key
        for _, key, text in headings
        if _PREFERRED.search(text) and not _NOT_PREFERRED.search(text)
    }
    for _, text in numbered:
        for m in _NAMES_PREFERRED.finditer(text):
            if not _NOT_PREFERRED.search(text):
                marked.add((m.group(1) or m.group(2)).lower())
    return marked.pop() if len(marked) == 1 else ""


def _record(m: Mention) -> str:
    return f"{m.rdtype} {m.name} {m.value}"


def _left_out(m: Mention, chosen: Mention) -> Flag:
    return Flag(
        code="alternative",
        severity="info",
        name=m.name,
        message=f"Left out {_record(m)} (line {m.line}): the ticket offers it as an alternative "
        f"to {_record(chosen)}, the option it recommends. Only one option is to be done.",
        source=Source(first_line=m.line, last_line=m.last_line or m.line, excerpt=m.excerpt),
    )


def _choose(m: Mention, groups: dict[str, list[Mention]]) -> Flag:
    options = "; ".join(
        f"option {key.upper()}: " + ", ".join(_record(x) for x in group)
        for key, group in groups.items()
    )
    return Flag(
        code="ambiguous_request",
        severity="block",
        name=m.name,
        message=f"The ticket offers its records as alternatives, only one of which is to be "
        f"done, and recommends none ({excerpt(options, 300)}). A person chooses; nothing is "
        "drafted until then.",
        source=Source(first_line=m.line, last_line=m.last_line or m.line, excerpt=m.excerpt),
    )
