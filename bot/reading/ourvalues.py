"""Another value for a requested record, given in our own comment, and the vendor's choice.

"We were copied on GlobalSign's own email and the token in it is different from yours: X.
Which one should go in?" answered "use the one from GlobalSign's email, I mistyped mine": the
value our comment gave (of the same shape as the one the vendor asked for: the same `name=`
prefix, the same validation domain) is the vendor's request now, and the vendor's own value is
superseded. Answered "use mine" / "yours is the old one", the vendor's stands. Not answered,
or answered in words not read, which value goes in is for a person.

Only a value no record was read from counts (a dig paste of what we published is read as
such), and only in a comment that says the values differ or asks which one. Pure; every
pattern is bounded, linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.models import DnsChange
from bot.reading import cues
from bot.reading.candidates import candidates, is_consumed
from bot.reading.corrections import targets

# "is different from yours", "doesn't match", "which one should go in?", "should it be X?"
_COMPARES = re.compile(
    r"\b(?:differ(?:s|ent|ence)?|doesn['\u2019]?t[ \t]+match|does[ \t]+not[ \t]+match|"
    r"mismatch|not[ \t]+the[ \t]+same|which[ \t]+(?:one|value|token|target|record)|"
    r"should[ \t]+it[ \t]+(?:be|read)|instead[ \t]+of[ \t]+yours)\b",
    re.I,
)
# The vendor takes our value: "use the one from GlobalSign's email", "use yours", "yours is
# right", "go with the value you quoted", "the one you found is correct"
_OURS = re.compile(
    r"\b(?:use|go[ \t]+with|take|add|publish|put[ \t]+in)[ \t]+(?:the[ \t]+)?"
    r"(?:one|value|token|target|string|record)[ \t]+(?:from|in)[ \t]+(?!my\b|our\b|the[ \t]+"
    r"ticket\b)[^.\n]{0,40}?(?:e-?mail|mail|message|notification|portal|console|dashboard)\b|"
    r"\b(?:use|go[ \t]+with|take)[ \t]+(?:yours|your[ \t]+(?:one|value|token|version))\b|"
    r"\b(?:yours|your[ \t]+(?:one|value|token|version))[ \t]+(?:is|looks)[ \t]+"
    r"(?:the[ \t]+)?(?:right|correct|good|valid)\b|"
    r"\b(?:use|go[ \t]+with|take)[ \t]+(?:the[ \t]+)?(?:one|value|token)[ \t]+you[ \t]+"
    r"(?:quoted|pasted|sent|found|gave|have|posted|mentioned)\b|"
    r"\bthe[ \t]+(?:one|value|token)[ \t]+you[ \t]+(?:quoted|pasted|sent|found|gave|posted)"
    r"[ \t]+is[ \t]+(?:the[ \t]+)?(?:right|correct|good|valid)\b|"
    r"\bI[ \t]+(?:mistyped|mis-?pasted|typo['\u2019]?d|got[ \t]+it[ \t]+wrong)\b",
    re.I,
)
# The vendor keeps its own: "use mine", "mine is right", "stick with the one I sent", "yours is
# the old one"
_THEIRS = re.compile(
    r"\b(?:use|keep|stick[ \t]+with|go[ \t]+with)[ \t]+(?:mine|my[ \t]+(?:one|value|token)|"
    r"the[ \t]+(?:one|value|token)[ \t]+I[ \t]+(?:sent|gave|posted))\b|"
    r"\b(?:mine|my[ \t]+(?:one|value|token))[ \t]+is[ \t]+(?:the[ \t]+)?(?:right|correct|"
    r"current|valid)\b|"
    r"\b(?:yours|your[ \t]+(?:one|value|token))[ \t]+is[ \t]+(?:the[ \t]+)?(?:old|stale|expired|"
    r"previous|wrong|out[ \t]+of[ \t]+date)\b",
    re.I,
)


@dataclass(frozen=True)
class Offered:
    line: int  # where our comment gives the value
    value: str  # as written
    request: DnsChange  # the vendor's request it is another value for


def offered(
    numbered: Sequence[tuple[int, str]], used: list[str], asked: Sequence[DnsChange]
) -> list[Offered]:
    """Values our comment gives, read into no record, of the shape of a value the vendor asked
    for (and not that value), in a comment that compares them or asks which one."""
    if not asked or not any(_COMPARES.search(text) for _, text in numbered):
        return []
    found = []
    for number, text in numbered:
        for candidate in candidates(number, text):
            if candidate.text.startswith("ttl ") or is_consumed(candidate, used):
                continue
            for request in targets(candidate.shown, asked):
                found.append(Offered(number, candidate.shown, request))
    return found


Choice = Literal["ours", "theirs"]


def choice(text: str) -> Choice | None:
    """Which value a later vendor comment says goes in: ours, the vendor's own, or unsaid."""
    for sentence in re.split(r"(?<=[.!?])[ \t]+|\n", text[:20_000]):
        if len(sentence) > 2000:
            continue  # (no answer is that long; bounded per sentence)
        for pattern, said in ((_THEIRS, "theirs"), (_OURS, "ours")):
            found = pattern.search(sentence)
            if found and not cues.is_negated(sentence[max(0, found.start() - 30) : found.start()]):
                return said  # type: ignore[return-value]
    return None
