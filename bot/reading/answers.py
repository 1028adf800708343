"""Answers keyed to our questions: a vendor reply whose "(a) …" / "2. …" answers our "(a) …" /
"2. …" question speaks of what that question named. "(a) No need for that one any more" to our
"(a) Do you need both names? … nothing points www.x.service.gov.uk at you today" withdraws the
records for www.x.service.gov.uk. Pure: lines in, the hosts whose records are withdrawn out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.reading import prose

MAX_ITEMS = 20  # items of a question list (a longer "list" is no set of questions)
MAX_ITEM = 2_000  # characters of one item that are read

# "(a) ", "a) ", "1. ", "2) ", "Q3: " at the start of a line (after any "> " quoting)
_LABEL = re.compile(r"^[ \t>]*(?:\(([a-h])\)|([a-h])\)|(\d{1,2})[.)]|q(\d{1,2})[:.)])[ \t]+", re.I)
# The answer withdraws what the question pointed at, without naming it: "No need for that one
# any more", "we don't need it after all", "that one isn't needed", "you can skip that one"
_DROPS_IT = re.compile(
    r"\bno[ \t]+(?:longer[ \t]+)?need(?:ed)?[ \t]+(?:for[ \t]+)?(?:that|this|it)\b|"
    r"\b(?:that|this)[ \t]+one[ \t]+(?:is[ \t]+not|isn['’]t|is[ \t]+no[ \t]+longer)[ \t]+"
    r"(?:needed|required)\b|"
    r"\b(?:do[ \t]+not|don['’]t|no[ \t]+longer)[ \t]+need[ \t]+(?:that|this|it)\b|"
    r"\b(?:skip|drop|ignore|disregard)[ \t]+(?:that|this)(?:[ \t]+one)?\b",
    re.I,
)


def withdrawn_hosts(answer: Iterable[str], asked: Iterable[str]) -> frozenset[str]:
    """ "~host" (`decide`'s scope for the records that validate a host) for each answer item
    that withdraws, by pronoun, what the question of the same label named: one host only."""
    questions = _items(asked)
    if not questions:
        return frozenset()  # the common case: we asked no list of questions
    found: set[str] = set()
    for label, text in _items(answer).items():
        question = questions.get(label)
        if question is None or not _DROPS_IT.search(text):
            continue
        hosts = prose.hosts_named(question)
        if len(hosts) == 1:
            found |= {f"~{h}" for h in hosts}
    return frozenset(found)


def _items(lines: Iterable[str]) -> dict[str, str]:
    """The text of each labelled item: its line and the lines under it, to a blank line."""
    items: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        m = _LABEL.match(line)
        if m and len(items) < MAX_ITEMS:
            label = next(g for g in m.groups() if g).lower()
            current = items.setdefault(label, [])
            current.append(line[m.end() :])
        elif current is not None and line.strip() and not line.lstrip().startswith(">"):
            current.append(line)
        else:
            current = None
    return {label: " ".join(text)[:MAX_ITEM] for label, text in items.items()}
