"""A record set given as it should end up ("so that the set ends up as:", "the final CAA set
should be:") beside the set shown as published: the changes are the difference between them.

"Please change those two records as follows … so that the set ends up as: 0 issue
"certainly.com" / 0 issuewild "certainly.com"", after a dig of `0 issue "letsencrypt.org"` and
`0 issuewild "letsencrypt.org"`, asks for two updates, not two adds beside what is there.
Pure: mentions in, mentions out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.reading.mentions import Mention

# The lead-in of a set as it should end up
DESIRED = re.compile(
    r"\b(?:(?:set|records?|zone|result)\s+(?:(?:should|will|must)\s+)?(?:ends?\s+up|end)\s+"
    r"(?:as|like|with)|(?:set|records?)\s+(?:should|must|will)\s+(?:then\s+)?(?:look|read|be)"
    r"(?:\s+like)?|(?:final|desired|target|resulting)\s+(?:CAA\s+|TXT\s+)?(?:set|state|records?)|"
    # "What it should be after the change:" (after "What you have now:")
    r"what\s+(?:it|they|the\s+(?:set|records?|zone))\s+(?:should|must|will)\s+(?:then\s+)?"
    r"(?:be|look\s+like)|"
    # "and this is what DfE want it to look like when you are done:"
    r"(?:want|would\s+like|need)s?\s+(?:it|them|the\s+(?:set|records?|zone))\s+to\s+"
    r"(?:look\s+like|be|end\s+up(?:\s+as)?|read)\s+(?:when|once|after)\b)"
    r"\b[^.\n]{0,60}:\s*$",
    re.I,
)


def _key(mention: Mention) -> tuple[str, str]:
    return mention.name.lower().rstrip("."), mention.rdtype.upper()


def _data(value: str | None) -> str:
    return " ".join((value or "").lower().replace("'", '"').split()).rstrip(".")


def _tag(value: str | None) -> str:
    """A CAA record's tag ("issue", "issuewild", "iodef"); "" for other data."""
    words = _data(value).split()
    return words[1] if len(words) >= 3 and words[0].isdigit() else ""


def resolved(mentions: list[Mention]) -> list[Mention]:
    """The mentions with each desired set turned into the changes that reach it from the set
    shown as published at that name and type (in the same comment). A desired set with
    nothing shown beside it is asked for as written."""
    desired = [m for m in mentions if m.mode == "desired"]
    if not desired:
        return mentions
    out = [m for m in mentions if m.mode != "desired"]
    for key in dict.fromkeys(_key(m) for m in desired):
        wanted = [m for m in desired if _key(m) == key]
        shown = _set_shown_before(
            [m for m in out if m.mode == "observed" and _key(m) == key], wanted[0].line
        )
        if not shown:
            out += [replace(m, mode="request") for m in wanted]
            continue
        have = {_data(m.value) for m in shown}
        want = {_data(m.value) for m in wanted}
        new = [m for m in wanted if _data(m.value) not in have]
        gone = [m for m in shown if _data(m.value) not in want]
        for m in new:
            pair = [g for g in gone if _tag(g.value) == _tag(m.value)]
            if len(pair) == 1 and (len(new) == 1 or _tag(m.value)):
                gone.remove(pair[0])
                out.append(replace(m, mode="request", action="update", old_value=pair[0].value))
            else:
                out.append(replace(m, mode="request", action="add"))
        out += [replace(g, mode="request", action="delete") for g in gone]
    return out


def _set_shown_before(shown: list[Mention], wanted_at: int) -> list[Mention]:
    """The set shown as published that a desired set is the "after" of: the block of records
    just above it ("Here is what the CAA set looks like today: … and this is what DfE want it
    to look like when you are done: …"), not another account of it elsewhere (a dig pasted
    below); with none above, every record shown."""
    above = sorted((m for m in shown if m.line < wanted_at), key=lambda m: m.line)
    if not above:
        return shown
    block = [above[-1]]
    for m in reversed(above[:-1]):
        if block[-1].line - (m.last_line or m.line) > _BLOCK_GAP:
            break
        block.append(m)
    return block


_BLOCK_GAP = 2  # lines between two records of one block (a blank line, a wrapped line)
