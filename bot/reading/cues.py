"""Words around records that say how they are meant, which domain, which zone.

Every pattern here is applied to one line or sentence of untrusted text, so each is written to
run in linear time: alternations of literals, bounded gaps, no nested quantifiers.
"""

from __future__ import annotations

import re

from bot.reading.mentions import Mode
from bot.reading.prose import action_cue

# "Please do not add ...", "ignore the TXT record", "you don't need to create ..."
_NEGATED = re.compile(
    r"\b(?:do\s+not|don't|dont|doesn't|does\s+not|no\s+need\s+to|not\s+need\s+to|never|"
    r"should\s+not|shouldn't|must\s+not)\s+(?:\w+\s+){0,3}?"
    r"(?:add|adding|create|creating|publish|set\s+up|put|use|change|update|touch)\b"
    r"|\b(?:ignore|disregard|disregarding|ignoring)\b"
    r"|\b(?:withdraw|cancel|retract)(?:s|ed|ing)?\b",
    re.I,
)
# What is published now: a description, not a request.
_DESCRIBES = re.compile(
    r"\b(?:currently|at\s+the\s+moment|right\s+now|presently|exists?\s+today|existing|"
    r"we\s+(?:can\s+)?(?:still\s+)?see|i\s+(?:can\s+)?see|is\s+(?:still\s+)?(?:live|published|"
    r"in\s+place|present|set\s+to)|are\s+(?:still\s+)?(?:live|published|in\s+place|present)|"
    r"already\s+(?:has|have|exists?|published|in\s+place|there|contains?)|"
    r"(?:dig|lookup|query|resolver)\s+(?:shows?|returns?|gives?)|shows?\s+the\s+following|"
    r"returns?\s+the\s+following|what\s+(?:we|i)\s+see|is\s+what\s+(?:we|i)\s+see|"
    r"current\s+(?:state|records?|values?|entry|entries|dns)|as\s+it\s+stands|for\s+reference)\b",
    re.I,
)

_NAME = r"[`\"']?([A-Za-z0-9*][A-Za-z0-9_.-]{0,252}\.[A-Za-z]{2,63}\.?)"
_DOMAIN_CUE = re.compile(
    r"\b(?:domains?|hostnames?|common\s+name|SANs?|certificates?\s+for|"
    r"(?:re)?validat(?:e|ing|ion\s+for|ion\s+of)|verify|verifying|ownership\s+of|"
    r"(?:records?|entr(?:y|ies)|changes?)\s+(?:for|on|under|in)|renewal\s+(?:for|of))"
    r"[ ]?(?:name)?[ ]?(?:is|:|=)?[ ]?(?:the[ ])?(?:domain[ ])?" + _NAME,
    re.I,
)
_ZONE_CUE = re.compile(
    rf"\bzone\s?[:=]\s?{_NAME}|\b(?:in|to|into|from)\s+the\s+{_NAME}\s+zone\b", re.I
)


def mode_of(text: str) -> Mode | None:
    """How the records this line introduces are meant, when it says.

    A negation ("do not add", "ignore") wins; then any request verb makes a request; a
    description of what is published ("we currently see", "dig returns") without a request
    verb makes the records observed facts.
    """
    if _NEGATED.search(text):
        return "negated"
    if action_cue(text) is not None:
        return "request"
    if _DESCRIBES.search(text):
        return "observed"
    return None


def is_negated(text: str) -> bool:
    return bool(_NEGATED.search(text))


def domains_named(line: str) -> list[str]:
    """Domains the line says are being validated ("certificate for www.gov.uk")."""
    return [m.group(1) for m in _DOMAIN_CUE.finditer(line)]


def zone_named(line: str) -> str | None:
    m = _ZONE_CUE.search(line)
    return (m.group(1) or m.group(2)) if m else None


_WITHDRAW_EARLIER = re.compile(
    r"\b(?:ignore|disregard)\b[^.\n]{0,60}?\b(?:previous|earlier|last|prior|above|first)\b"
    r"[^.\n]{0,30}?\b(?:message|e-?mail|comment|request|reply|update|instructions?|note)\b"
    r"[^.\n]{0,80}",
    re.I,
)
_TYPE_WORDS = re.compile(r"\b(CNAME|TXT|CAA|AAAA|MX|NS|DS)\b", re.I)


def withdraws_earlier(text: str) -> tuple[bool, frozenset[str] | None]:
    """Does this comment withdraw what an earlier one asked for ("please ignore my previous
    message")? With the record types it names (None: everything)."""
    m = _WITHDRAW_EARLIER.search(text)
    if not m:
        return False, None
    types = frozenset(t.upper() for t in _TYPE_WORDS.findall(m.group(0)))
    return True, types or None
