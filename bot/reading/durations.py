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
_TTL = r"(?:TTL|time[ -]to[ -]live)\b"  # "a time-to-live of one hour"
_UNIT = r"(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?)"
_COUNT = (
    r"(?:(?P<digits>\d{1,6})[ -]?|(?P<words>half[ ]an|an?|one|two|three|four|five|six|ten|"
    r"twelve|fifteen|twenty|thirty|sixty)[ -])"
)
# "TTL to one hour", "TTL of 5 minutes", "TTL: 1h", "TTL (one hour)", "TTL:      ten minutes"
_AFTER = re.compile(
    # ("TTL for this one 5 minutes is better")
    rf"\b{_TTL}(?:[ ](?:for|on)[ ](?:this|that|the[ ]\w{{1,20}})[ ](?:one|record))?"
    rf"(?:[ ]{{1,3}}(?:to|of|at|=|:|should[ ]be|is))?[ \t]{{0,3}}[(:=]?[ \t]{{0,20}}"
    rf"{_COUNT}{_UNIT}\b",
    re.I | re.ASCII,
)
# "a 1h TTL", "one-hour TTL", "5 minute TTL"
_BEFORE = re.compile(rf"\b{_COUNT}{_UNIT}[ ]{{1,3}}{_TTL}", re.I | re.ASCII)
# A number (digits: seconds unless a unit follows) said to be the TTL: "300s would be an
# ideal TTL for it", "five minutes is a good TTL" (never "3600 is our default TTL", which
# says what is there)
_NUMBER = (
    r"(?:(?P<digits>\d{1,7})|(?P<words>half[ ]an|an?|one|two|three|four|five|six|ten|twelve|"
    rf"fifteen|twenty|thirty|sixty))(?:[ -]?{_UNIT}\b)?"
)
_IS_THE_TTL = re.compile(
    rf"\b{_NUMBER}[ ]+(?:is|would[ ]be|should[ ]be|will[ ]be|makes|as)[ ]+"
    r"(?:(?!default\b|current\b|existing\b|old\b|usual\b|normal\b|present\b)[a-z']+[ ]+){0,3}"
    rf"{_TTL}",
    re.I | re.ASCII,
)
# A sentence about the TTL, then the number it settles on: "Keep the TTL on NAME low please;
# 60 is fine", "a long TTL is fine here - one day is what we'd suggest", "Any TTL is OK, 300
# like your others is perfect"
_TTL_THEN_NUMBER = re.compile(
    # ("Could you use the lowest TTL you allow? 60 would be ideal.")
    rf"\b{_TTL}(?:[^.\n?]|\.(?=\w)){{0,100}}?[-\u2013\u2014,;:(?][ \n]*"
    rf"{_NUMBER}(?:[ ]+(?!is\b)[a-z']{{1,20}}){{0,3}}?[ ]+(?:is|would[ ]be|should[ ]be|will[ ]be|"
    r"works|sounds)[ ]+"
    r"(?:[a-z]+[ ]+){0,2}?(?:fine|ok|okay|good|great|ideal|best|perfect|plenty|enough|"
    r"what[ ]we(?:'d|[ ]would)[ ](?:suggest|recommend|like|prefer))\b",
    re.I,
)


# A duration said of a record, with no "TTL": "300 seconds on the new record", "five minutes
# for both CNAMEs" (the answer to our "any TTL preference?")
_ON_RECORD = re.compile(
    # ("a day is too long for us, five minutes please on the CNAME")
    rf"\b{_COUNT}{_UNIT}\b(?:[ ]{{1,3}}please)?[ ]{{1,3}}(?:on|for)[ ]{{1,3}}"
    r"(?:(?:the|this|that|each|both|all|these|"
    r"those|your|our|new|old|validation|challenge)[ ]{1,3}){0,3}(?:records?|entry|entries|"
    r"cnames?|txts?|caas?|ones?)\b",
    re.I | re.ASCII,
)


def duration_on_record(sentence: str) -> tuple[str, int] | None:
    """(the words, seconds) of a duration said to be a record's ("300 seconds on the new
    record"), else None."""
    match = _ON_RECORD.search(sentence)
    if match is None or (match["words"] and not match["unit"]):
        return None
    return match.group(0), _seconds(match)


def ttl_said(sentence: str) -> tuple[str, int] | None:
    """(the words, seconds) of the first TTL said with a unit, else None."""
    low = sentence.lower()
    if "ttl" not in low and "live" not in low:
        return None  # the common case, cheaply
    for pattern in (_AFTER, _BEFORE, _IS_THE_TTL, _TTL_THEN_NUMBER):
        match = pattern.search(sentence)
        if match is None:
            continue
        if match["words"] and not match["unit"]:
            continue  # "one is fine": a count, not a duration
        return match.group(0), _seconds(match)
    return None


def _seconds(match: re.Match[str]) -> int:
    """The seconds a match of `_COUNT`/`_NUMBER` and `_UNIT` says (digits alone: seconds)."""
    digits, words, unit = match["digits"], match["words"], match["unit"]
    number = int(digits) if digits else _WORDS[" ".join(words.lower().split())]
    return int(number * (_UNITS[unit[0].lower()] if unit else 1))


# A cell or label value that starts with its duration: "two minutes if your provider allows
# it", "1h (the default)", "ten minutes"
_LEADING = re.compile(rf"[ \t]*{_NUMBER}(?=[ \t,;(]|$)", re.I | re.ASCII)
# what after the duration says it is no one record's TTL: a second number, a range, or more
# records ("3600 for both.": a TTL for several, read as an instruction about them)
_ANOTHER = re.compile(
    r"\d|^[ \t]*(?:or|to|-|–|/)(?![\w])|\b(?:both|all|each|every|them|these|those)\b", re.I
)


def leading_duration(text: str) -> int | None:
    """The seconds a value starts with, when what follows gives no second number ("300 or
    3600", "5 to 10 minutes": no one TTL) nor speaks of several records ("3600 for both"),
    and words have their unit ("one" alone is a count)."""
    match = _LEADING.match(text)
    if (
        match is None
        or (match["words"] and not match["unit"])
        or _ANOTHER.search(text[match.end() :])
    ):
        return None
    return _seconds(match)


# "please ask for five minutes rather than the hour I suggested": a duration in place of
# another (in a later comment about the records' TTL)
_INSTEAD = re.compile(
    rf"\b{_COUNT}{_UNIT}\b[ ]{{1,3}}(?:rather[ ]than|instead[ ]of|not)[ ]{{1,3}}"
    r"(?:the[ ]|an?[ ]|one[ ]|\d{1,6}[ ]?)?(?:hours?|minutes?|mins?|days?|seconds?|secs?)\b",
    re.I | re.ASCII,
)


def duration_instead(sentence: str) -> int | None:
    """The seconds of a duration said in place of another ("five minutes rather than the
    hour"), else None."""
    match = _INSTEAD.search(sentence)
    return None if match is None else _seconds(match)


# A TTL left to the reader: "anything up to 3600", "or higher", "between 300 and 3600", "TTL
# is up to you (300 is fine)"
_LEFT_OPEN = re.compile(
    r"\b(?:is|are)[ \t]+(?:entirely[ \t]+)?up[ \t]+to[ \t]+you\b|"
    # "A TTL of 300 or 3600 is fine - whatever your DNS team prefers"
    r"\b\d{1,7}[ \t]*(?:s|seconds?)?[ \t]+or[ \t]+\d{1,7}\b|"
    r"\bwhatever[ \t]+(?:you|your(?:[ \t]+[a-z]{1,12}){0,3})[ \t]+(?:prefer|like|want|choose)|"
    # "300 is fine but anything works" (not "300 would be ideal, but anything works": a
    # preference), "we'd suggest an hour, but use whatever fits your process"
    r"\bis[ \t]+fine,?[ \t]+but[ \t]+anything[ \t]+(?:works|will[ \t]+do|is[ \t]+fine)\b|"
    r"\bwhatever[ \t]+(?:fits|suits)\b|"
    # "On TTL: the hostname's current 300s is fine": the TTL published now, no change asked
    r"\bcurrent[ \t]+(?:TTL[ \t]+(?:of[ \t]+)?)?\d{1,7}[ \t]*(?:s|secs?|seconds?)?[ \t]+"
    r"(?:TTL[ \t]+)?(?:is|are)[ \t]+(?:fine|ok|okay|good)\b|"
    r"\b(?:anything|any[ \t]+(?:value|ttl)|whatever)[ \t]+(?:up[ \t]+to|(?:below|under|above|over)|"
    r"you[ \t]+(?:like|prefer|want))\b|\bor[ \t]+(?:higher|lower|longer|shorter|more|less)\b|"
    r"\bbetween[ \t]+\d{1,10}[ \t]*(?:s|seconds?)?[ \t]+and[ \t]+\d|"
    # "The TTL of 300 is fine as it is", "leave the TTL as is": what is published, kept
    r"\b(?:fine|ok|okay|good)[ \t]+as[ \t]+(?:it|they)[ \t]+(?:is|are|stands?)\b|"
    r"\b(?:leave|keep)[ \t]+the[ \t]+TTLs?[ \t]+(?:as[ \t]+(?:it[ \t]+)?is|alone|unchanged)\b",
    re.I,
)


# The TTL a record was written with, disowned: "(The 300 is only what I had in my test zone -
# use whatever TTL you normally do.)", "ignore the TTL in those lines, use your usual one"
_DISOWNED = re.compile(
    r"\bwhatever[ \t]+TTL[ \t]+you[ \t]+(?:normally|usually)\b|"
    # (never "it can go back to your usual TTL later": asked for now, ours again after)
    r"(?<!back to )\byour[ \t]+(?:usual|normal|default|standard)[ \t]+(?:TTL|one|default)\b|"
    r"\b(?:ignore|disregard|don't[ \t]+copy|do[ \t]+not[ \t]+copy)[ \t]+the[ \t]+\$?TTLs?\b|"
    # "i'm not asking for any particular ttl", "Fastly don't care about TTL on these", "the
    # ttl column is only what dig showed"
    r"\bnot[ \t]+asking[ \t]+for[ \t]+(?:a|any)[ \t]+(?:particular|specific)[ \t]+TTL\b|"
    # "Forget the TTL, I shouldn't have put it in … no special TTL"
    # (never "drop the TTL to 60": lowered)
    r"\bforget[ \t]+(?:about[ \t]+)?the[ \t]+TTLs?\b|\b(?:scrap|skip)[ \t]+the[ \t]+TTLs?\b|"
    # "just drop the TTL bit.", "drop the TTL line" (never "drop the TTL to 60", "drop the TTL
    # on that record to 60": lowered)
    r"\bdrop[ \t]+the[ \t]+TTLs?(?:[ \t]+(?:bit|part|line|field|value))?(?=[ \t]*(?:[.,;!)]|$))|"
    # "Whatever TTL your Terraform sets for the zone is grand"
    r"\bwhatever[ \t]+TTL[ \t]+your?\b[^.\n]{0,60}?\b(?:is|are|will[ \t]+be)[ \t]+(?:fine|grand|"
    r"ok|okay|good|great|perfect)\b|"
    r"\bno[ \t]+(?:special|particular|specific)[ \t]+TTLs?\b|"
    # "no, the TTL is not important for this record, you can keep your default. 3600 is fine"
    r"\bTTLs?[ \t]+(?:is[ \t]+not|isn't|are[ \t]+not|aren't|doesn't|does[ \t]+not|don't|"
    r"do[ \t]+not)[ \t]+(?:important|matter|critical|relevant)\b|"
    r"\b(?:keep|use)[ \t]+your[ \t]+(?:own[ \t]+|usual[ \t]+|normal[ \t]+|standard[ \t]+)?"
    r"default\b|"
    # "Leave it at your default.", "stick with your usual TTL", "keep the TTL at your standard"
    r"\b(?:leave|keep|stick|go)[ \t]+(?:(?:it|them|the[ \t]+TTLs?)[ \t]+)?(?:at|with|on)[ \t]+"
    r"your[ \t]+(?:own[ \t]+)?(?:usual|normal|standard|default)\b|"
    # "the TTL makes no difference to them", "the TTL is irrelevant for validation"
    r"\bTTLs?[ \t]+(?:makes?[ \t]+no|(?:doesn't|does[ \t]+not|don't|do[ \t]+not)[ \t]+make"
    r"[ \t]+(?:any|a))[ \t]+difference\b|\bTTLs?[ \t]+(?:is|are)[ \t]+(?:irrelevant|unimportant)\b|"
    # "The ttl is just a placeholder so the block is valid HCL"
    r"\bTTLs?[ \t]+(?:is|are)[ \t]+(?:just|only)[ \t]+(?:a[ \t]+|there[ \t]+as[ \t]+a[ \t]+)?"
    r"placeholders?\b|"
    # "The TTLs are only in there because Route 53 won't take a change without one; we don't
    # mind what you use."
    r"\bTTLs?[ \t]+(?:is|are)[ \t]+only[ \t]+(?:in[ \t]+)?there[ \t]+(?:because|since|so)\b|"
    r"\b(?:don't|do[ \t]+not)[ \t]+mind[ \t]+(?:what|which)[ \t]+(?:TTL[ \t]+)?you[ \t]+use\b|"
    r"\b(?:don't|doesn't|do[ \t]+not|does[ \t]+not)[ \t]+care[ \t]+(?:about|what)[ \t]+"
    r"(?:the[ \t]+)?TTLs?\b|"
    r"\bTTLs?(?:[ \t]+(?:column|values?|numbers?))?[ \t]+(?:is|are)[ \t]+(?:only|just)[ \t]+"
    r"(?:what|as)\b",
    re.I,
)


def ttl_disowned(text: str) -> bool:
    """Does the text say the TTL written on records is no request ("use whatever TTL you
    normally do")?"""
    return _DISOWNED.search(text) is not None


def left_open(text: str) -> bool:
    """Does the text leave the TTL to the reader ("300 is fine; anything up to 3600 will
    work")? Then the number it gives is no TTL asked for."""
    return _LEFT_OPEN.search(text) is not None


# "Currently resolves to the old one, TTL 86400": words just before a TTL that say it is the one
# the record has now (not one asked for)
_NOW_BEFORE = re.compile(
    r"\b(?:currently|resolves|resolving|existing|at[ ]the[ ]moment|right[ ]now)\b[^.;]*$", re.I
)


def ttl_has_now(before: str) -> bool:
    """Do the words before a TTL (up to it, on its line or in its sentence) say it is the TTL
    the record has now?"""
    return bool(_NOW_BEFORE.search(before[-60:]))
