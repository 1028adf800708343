"""Records someone else wrote that the vendor makes its own request.

A CC or a supplier cannot ask for a record: what they write is shown, never drafted. But the
vendor's agent may take it up: "Yes, please do exactly what Harriet wrote for the two
CNAMEs", "The records Priya pasted are right except the TXT", "Go with Tom's table". Then those
records are the vendor's request, said when the other person's comment said them (so the
vendor's own later words, "About the CAA record: please leave it out", still apply to them).
`endorsement` reads which author a vendor comment endorses and for which record types.
Pure; every pattern is bounded, linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TYPES = ("CNAME", "TXT", "CAA")
# "do exactly what Harriet wrote", "go with what Tom suggested", "as Priya pasted"
_WHAT_THEY_WROTE = re.compile(
    r"\b(?:(?:do|follow|use|go[ \t]+with|add|apply|publish|create)[ \t]+"
    r"(?:exactly[ \t]+|just[ \t]+)?what|(?:exactly[ \t]+)?as)[ \t]+"
    r"(?P<name>[A-Z][\w'-]{1,30})[ \t]+(?:has[ \t]+)?"
    r"(?:wrote|written|said|suggested|pasted|posted|listed|sent|proposed|described|gave|shared)\b"
)
# "Harriet's records are right", "the records Priya pasted are correct", "Tom's table is fine"
_THEIRS_RIGHT = re.compile(
    r"\b(?:(?P<name>[A-Z][\w-]{1,30})['\u2019]s[ \t]+(?:two[ \t]+|three[ \t]+|the[ \t]+)?"
    r"(?P<what>records?|values?|table|list|entries|CNAMEs?|TXTs?|block|lines?|suggestion)|"
    r"the[ \t]+(?P<what2>records?|values?|table|list|entries|CNAMEs?|lines?|block)[ \t]+"
    r"(?P<name2>[A-Z][\w'-]{1,30})[ \t]+(?:pasted|posted|listed|wrote|sent|gave|shared|proposed))"
    r"[ \t]+(?:is|are|look|looks)[ \t]+(?:all[ \t]+)?(?:right|correct|good|fine|spot[ \t]+on)\b"
)
_REFUSED = re.compile(
    r"\b(?:don['\u2019]?t|do[ \t]+not|never|not|no[ \t]+need[ \t]+to)\b[^.]{0,20}$", re.I
)
_EXCEPT = re.compile(r"\b(?:except|apart[ \t]+from|but[ \t]+not|other[ \t]+than)\b", re.I)


@dataclass(frozen=True)
class Endorsement:
    name: str  # the first name the vendor gives ("Harriet")
    types: frozenset[str]  # the record types endorsed (all when the words name none)


def endorsement(text: str, names: set[str]) -> Endorsement | None:
    """Which earlier author's records (by first name, one of `names`) a vendor comment takes
    up as its own request, and of which types; None when it takes up none."""
    if not names or not any(name in text for name in names):
        return None  # the common case, cheaply
    for line in text.split("\n"):
        for sentence in re.split(r"(?<=[.!?])[ \t]+", line[:2000]):
            found = _WHAT_THEY_WROTE.search(sentence) or _THEIRS_RIGHT.search(sentence)
            if found is None:
                continue
            name = found.group("name") or found.group("name2")
            before = sentence[max(0, found.start() - 30) : found.start()]
            if name not in names or _REFUSED.search(before):
                continue
            return Endorsement(name, _types_endorsed(sentence))
    return None


def _types_endorsed(sentence: str) -> frozenset[str]:
    """ "… for the two CNAMEs": those; "… right except the TXT": all but that; else all."""
    cut = _EXCEPT.search(sentence)
    head, tail = (sentence[: cut.start()], sentence[cut.end() :]) if cut else (sentence, "")
    named = {t for t in _TYPES if re.search(rf"\b{t}s?\b", head, re.I)}
    excluded = {t for t in _TYPES if re.search(rf"\b{t}s?\b", tail, re.I)}
    return frozenset((named or set(_TYPES)) - excluded)
