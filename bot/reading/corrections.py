"""A value the vendor corrects without restating the record: "Sorry, I pasted the wrong
token. The correct one is 64r5…fastly-validations.com", "ignore the first POINTS TO value
above … The right one, for BOTH rows, is: …", "s/qzuo8s1po3quoyqcod/uf1lhyauro1oev223t/".

The new value stands alone (no owner, no type): it replaces the value of the earlier
requests whose data has the same shape (the same validation domain, the same `name=` prefix,
a token of the same length), asked for higher up in the comment or in an earlier one. Only
when those requests all had one value: with two candidates the correction could mean
either, and the bare value is left for the completeness check to flag. Every pattern is
bounded: linear on any text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.models import DnsChange
from bot.reading.candidates import Candidate, candidates, is_consumed

# Somewhere in the comment the writer says the earlier value was a mistake.
_MISTAKE = re.compile(
    r"\b(?:sorry|apolog\w{0,6}|my[ \t]{1,3}(?:mistake|bad|error)|mistake|typo|"
    r"wrong|incorrect|ignore|disregard|oops|mis-?pasted|"
    # "That produced a fresh challenge, which means the answer I gave you yesterday is dead."
    r"(?:is|are)[ \t]{1,3}(?:now[ \t]{1,3})?(?:dead|stale|no[ \t]{1,3}longer[ \t]{1,3}valid))\b",
    re.I,
)
# "the correct one is", "the right value, for both rows, is:", "the actual token should be"
_CORRECT = re.compile(
    r"\b(?:correct(?:ed)?|right|proper|actual|real|valid)[ \t]{1,3}"
    r"(?:one|value|target|token|string|data|cname|txt|record|host(?:name)?)\b"
    r"(?:[^.\n]{0,40}?[ \t,](?:is|should[ \t]{1,3}(?:be|read)|reads)\b|[ \t]*[:=])"
    # "the target in her message is wrong … For production the record should point at:"
    r"|\bshould[ \t]{1,3}(?:point|resolve|go)[ \t]{1,3}(?:at|to)[ \t]*:"
    # "(that value won't validate any more.) The new token is:", "The one GlobalSign will
    # check for is:"
    r"|\bthe[ \t]{1,3}(?:new|updated|latest|replacement)[ \t]{1,3}(?:one|value|token|string)\b"
    r"(?:[^.\n]{0,40}?[ \t,](?:is|should[ \t]{1,3}be)\b|[ \t]*[:=])"
    # "Please point the CNAME at X instead."
    r"|\bpoint[ \t]{1,3}(?:the|that|your|it)[ \t]{1,3}(?:(?:CNAME|record|entry)[ \t]{1,3})?"
    r"(?:at|to)[ \t]{1,3}(?=\S{1,253}[ \t]{1,3}instead\b)"
    # "wait wrong val … correct is -> X pls use this only"
    r"|\bcorrect[ \t]{1,3}is\b(?:[ \t]*(?:->|=>|:))?"
    r"|\bthe[ \t]{1,3}one[ \t]{1,3}[^.\n]{0,40}?\b(?:check|look|validat|verif)\w{0,4}"
    r"(?:[ \t]{1,3}(?:for|against))?[ \t]{1,3}is[ \t]*:",
    re.I,
)
# "I need to correct my first message", "Please use this value and not the one above"
_CORRECTS_EARLIER = re.compile(
    r"\bcorrect[ \t]{1,3}my[ \t]{1,3}(?:first|earlier|previous|last|original)[ \t]{1,3}"
    r"(?:message|reply|comment|e-?mail|update)\b|"
    r"\b(?:and|but)[ \t]{1,3}not[ \t]{1,3}the[ \t]{1,3}one[ \t]{1,3}(?:above|before|I[ \t]{1,3}"
    r"(?:sent|gave))\b",
    re.I,
)


def corrects_earlier(text: str) -> bool:
    """Does the comment say the value it gives replaces one sent before ("… belongs to an order
    we cancelled. The correct record is: X. Please use this value and not the one above")?"""
    return bool(_CORRECTS_EARLIER.search(text)) or bool(
        _MISTAKE.search(text) and (_CORRECT.search(text) or _SHOULD_BE.search(text))
    )


def takes_back(line: str) -> bool:
    """Does a line say the value just given was a mistake ("wait, no, sorry, thats the one for
    their staging service, ignore it. the production one is:", "scratch that - wrong token",
    "oops, not that one")? (Never "sorry" alone: "Sorry, there's a second token too:".)"""
    return bool(_TAKEN_BACK.search(line))


_TAKEN_BACK = re.compile(
    r"\bwait,?[ \t]{1,3}no\b|\bno,?[ \t]{1,3}wait\b|\bscratch[ \t]{1,3}that\b|"
    r"\b(?:ignore|disregard|forget)[ \t]{1,3}(?:it|that|that[ \t]{1,3}one|this[ \t]{1,3}one|"
    r"the[ \t]{1,3}(?:one[ \t]{1,3})?above|the[ \t]{1,3}(?:first|previous)[ \t]{1,3}one)\b|"
    r"\bnot[ \t]{1,3}that[ \t]{1,3}one\b|\bmy[ \t]{1,3}(?:mistake|bad)\b|\boops\b|\btypo\b|"
    r"\bwrong[ \t]{1,3}(?:one|value|target|token|record|cname|txt|paste|environment)\b|"
    r"\bmis-?pasted\b|\bpasted[ \t]{1,3}the[ \t]{1,3}wrong\b",
    re.I,
)


# "I typed the issuer domain wrong. … The record should be account.gov.uk. CAA 0 issue …"
_SHOULD_BE = re.compile(
    r"\bthe[ \t]{1,3}(?:record|entry|line)[ \t]{1,3}should[ \t]{1,3}(?:be|read)\b", re.I
)


LOOKAHEAD = 3  # lines after the cue where the value may stand ("… is:", a blank, the value)


@dataclass(frozen=True)
class Correction:
    line: int  # where the new value stands
    value: str  # as written (of a substitution: the text that goes in)
    cue: int  # the line that says it is the correct one
    old: str | None = None  # "s/OLD/NEW/": the part of an earlier value that it replaces


# "s/qzuo8s1po3quoyqcod/uf1lhyauro1oev223t/": a sed substitution on the value sent before
_SED = re.compile(r"(?<![\w/])s/([A-Za-z0-9._=-]{4,253})/([A-Za-z0-9._=-]{1,253})/g?(?![\w/])")


def corrections(numbered: Sequence[tuple[int, str]], used: list[str]) -> list[Correction]:
    """Bare values a comment calls the correct ones, not read into any record (`used`), and
    sed-style substitutions of part of a value."""
    found = [
        Correction(number, m.group(2), number, old=m.group(1))
        for number, text in numbered
        if "s/" in text
        for m in _SED.finditer(text)
    ]
    if not any(_MISTAKE.search(text) for _, text in numbered):
        return found
    for at, (number, text) in enumerate(numbered):
        cue = _CORRECT.search(text)
        if cue is None:
            continue
        after = [(number, text[cue.end() :]), *numbered[at + 1 : at + 1 + LOOKAHEAD]]
        for line, rest in after:
            fresh = [c for c in candidates(line, rest) if _is_value(c, used)]
            if fresh:
                found.append(Correction(line, fresh[0].shown, number))
                break
            if rest.strip() and line != number:
                break  # a line of words between the cue and any value: not this cue's value
    return found


def _is_value(candidate: Candidate, used: list[str]) -> bool:
    return not candidate.text.startswith("ttl ") and not is_consumed(candidate, used)


def corrected(fix: Correction, requested: Sequence[DnsChange]) -> list[tuple[DnsChange, str]]:
    """(request, its corrected value as written) for each request the correction replaces."""
    if fix.old is None:
        return [(c, fix.value) for c in targets(fix.value, requested)]
    old = fix.old.lower()
    same = [
        c
        for c in requested
        if c.action in ("add", "update") and c.value is not None and old in c.value.lower()
    ]
    if len({c.value for c in same}) != 1:
        return []  # no earlier value holds it, or more than one: not guessed
    value = str(same[0].value)
    at = value.lower().index(old)
    new = value[:at] + fix.value + value[at + len(old) :]
    return [(c, new) for c in {(c.name, c.type): c for c in same}.values()]


def targets(value: str, requested: Sequence[DnsChange]) -> list[DnsChange]:
    """The requests (add or update) a corrected value replaces: those whose value has its
    shape, when they all had the same value; else none."""
    same = [
        c
        for c in requested
        if c.action in ("add", "update")
        and c.value is not None
        and c.value.lower().rstrip(".") != value.lower().rstrip(".")
        and same_shape(c.value, value)
    ]
    if len({c.value for c in same}) != 1:
        return []
    return list({(c.name, c.type): c for c in same}.values())


def same_shape(old: str, new: str) -> bool:
    """Could `new` be a corrected `old`: hosts under the same domain, strings with the same
    `name=` prefix, or random tokens of the same length."""
    old, new = old.strip('"').rstrip("."), new.strip('"').rstrip(".")
    if "=" in old or "=" in new:
        return old.split("=", 1)[0].lower() == new.split("=", 1)[0].lower()
    if "." in old or "." in new:
        return old.lower().split(".")[-2:] == new.lower().split(".")[-2:]
    return len(old) == len(new)
