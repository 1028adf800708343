"""TTLs said as durations: "set the TTL to one hour", "TTL 5 minutes", "a 1h TTL".

Digits with seconds (or no unit) are read where the record is; this module reads the other
ways a person writes a TTL in a sentence, into seconds. Bounded quantifiers only, so every
search is linear in the sentence.
"""

from __future__ import annotations

import re

_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "sixty": 60,
    "half an": 0.5,
}
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}  # by the unit's first letter
_UNIT = r"(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)"
_COUNT = (
    r"(?:(?P<digits>\d{1,6})[ -]?|(?P<words>half[ ]an|an?|one|two|three|four|five|six|ten|"
    r"twelve|fifteen|twenty|thirty|sixty)[ -])"
)
# "TTL to one hour", "TTL of 5 minutes", "TTL: 1h", "TTL (one hour)"
_AFTER = re.compile(
    rf"\bTTL\b(?:[ ]{{1,3}}(?:to|of|at|=|:|should[ ]be|is))?[ ]{{0,3}}[(:=]?[ ]{{0,3}}"
    rf"{_COUNT}{_UNIT}\b",
    re.I | re.ASCII,
)
# "a 1h TTL", "one-hour TTL", "5 minute TTL"
_BEFORE = re.compile(rf"\b{_COUNT}{_UNIT}[ ]{{1,3}}TTL\b", re.I | re.ASCII)


def ttl_said(sentence: str) -> tuple[str, int] | None:
    """(the words, seconds) of the first TTL said with a unit, else None."""
    if "ttl" not in sentence.lower():
        return None  # the common case, cheaply
    match = _AFTER.search(sentence) or _BEFORE.search(sentence)
    if match is None:
        return None
    digits, words = match["digits"], match["words"]
    number = int(digits) if digits else _WORDS[" ".join(words.lower().split())]
    return match.group(0), int(number * _UNITS[match["unit"][0].lower()])
