"""Values that look like validation data, found by their shape alone, wherever they stand.

The completeness check uses these: every one of them in a vendor's comment must end up in a
change, an observed fact or a dropped (superseded/retracted) request, or a human is told.
Shapes (domain.md §5): a host under a validation domain (Fastly, ACM, Google CM, Sectigo,
DigiCert, Akamai), a `*-verification=` string, a long random token (ACME TXT is 43 base64url
characters, DigiCert's 32, GlobalSign's 42), and the issuer in CAA data.
Lines are split into words first, so every check is linear in the line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.reading import durations
from bot.reading.fieldnames import SNAKE_KEY

MAX_LINE = 4000  # as far as the reader reads a line

VALIDATION_SUFFIXES = (
    ".fastly-validations.com",
    ".acm-validations.aws",
    ".certificatemanager.goog",
    ".sectigo.com",
    ".comodoca.com",
    ".digicert.com",  # (DigiCert's CNAME method points _<random>.host at dcv.digicert.com)
    ".validate-akdv.net",
)
_BARE_SUFFIXES = tuple(s[1:] for s in VALIDATION_SUFFIXES)  # the suffix alone is no value
_STRIP = "`'\"()[]{}<>,;:!?*"


def is_bare_validation_domain(text: str) -> bool:
    """ "the fastly-validations.com target in my first message": a CA's validation domain
    itself names where the data is, and is never a CNAME's target."""
    return text.strip(_STRIP).lower().rstrip(".") in _BARE_SUFFIXES


_MOVED = re.compile(
    r"\b(?:belongs?\s+on|wrong\s+(?:host|name|record)|should\s+(?:be|go)\s+(?:on|at)|"
    r"move\s+it\s+to|not\s+on)\b",
    re.I,
)
_VALIDATION_NAME = re.compile(
    r"(?<![\w.-])(_(?:acme-challenge|dnsauth)(?:\.[a-z0-9-]{1,63}){2,})", re.I
)
_ID_KEY = re.compile(r"""^[ ]*["']?(?:[a-z]+_)?id["']?[ ]?[:=]""", re.I)
# "(ID 3vQ8mN0kLx2Rt7YpZc4Wd1)", "order ref K2x9...": an identifier, named as one.
# ("Subscription 4kQ9xRz2TmA1pLbV7wYc - action required": Fastly's id of a TLS subscription)
_ID_WORDS = frozenset(("id", "ref", "reference", "subscription"))  # a bare token only
_SNAKE_KEY = re.compile(SNAKE_KEY)
_TOKEN = re.compile(r"^[A-Za-z0-9_-]{20,100}$")
# "TTL: 300", "TTL ........ 300" (dot leaders), never across a sentence's full stop.
# A number with a unit after it ("1h", "5 minutes") is a duration: durations.py reads it.
_TTL = re.compile(
    r"\bTTL\b(?:\.{2,}|[^0-9.\n]){0,40}?(\d{1,20})"
    r"(?![0-9]|[ ]?(?:[mhd]\b|mins?\b|minutes?\b|hours?\b|hrs?\b|days?\b))",
    re.I | re.ASCII,
)
# CAA data: its text is the tag and the issuer ('issue "sectigo.com'), which only CAA data
# holds (never a Sectigo CNAME's target that ends in sectigo.com)
_CAA = re.compile(r"\b\d{1,3}[ ]+(issue|issuewild)[ ]+\"?([A-Za-z0-9.-]{3,100})", re.I)


@dataclass(frozen=True)
class Candidate:
    line: int
    text: str  # lower case, as it should appear inside some value
    shown: str  # as written


def candidates(number: int, line: str) -> list[Candidate]:
    if _ID_KEY.match(line):
        return []  # "id": "ea2d5eee-…": an API object's identifier, never a record's data
    found = []
    before = ""
    # a DigiCert token in hex ("Delete _dnsauth.x (value 532e8d3e…)") is no digest of a CSR
    dnsauth = "_dnsauth" in line[:MAX_LINE].lower()
    for word in line[:MAX_LINE].replace(",", " ").split():  # CSV cells are words too
        key, equals, data = word.partition("=")
        if equals and _SNAKE_KEY.fullmatch(key):
            word = data  # "record_value=x.fastly-validations.com": the data after its key
        shown = word.strip(_STRIP + ".")
        text = shown.lower()
        named_id = before in _ID_WORDS and "=" not in text and "." not in text
        if (_is_candidate(shown, text) or (dnsauth and _hex_token(shown))) and not named_id:
            found.append(Candidate(number, text, shown))
        elif "://" in text:  # "http://cvju….fastly-validations.com/": a link to a target
            # (never a CA's own site: "https://www.digicert.com" names no record's target)
            host = text.split("://", 1)[1].split("/", 1)[0]
            label = host.split(".", 1)[0]
            target = is_validation_host(host) and len(label) >= _WRAPPED_LABEL and label.isalnum()
            found += [Candidate(number, host, shown)] if target else []
        elif word.endswith("-") and "." in text:  # "tgoxk07ph50yur0t5r.fastly-" / "validations
            label = text.split(".", 1)[0]  # .com": a host a PDF's export broke at a hyphen; its
            if len(label) >= _WRAPPED_LABEL and label.isalnum() and _looks_random(label):
                found.append(Candidate(number, label, shown))  # random label must be read
        before = text
    if "_" in line and _MOVED.search(line):  # "it belongs on _acme-challenge.www.gov.uk, not
        found += [  # on …": a name correction; it must end up in a record, else a person reads it
            Candidate(number, name.lower().rstrip("."), name)
            for name in _VALIDATION_NAME.findall(line)
        ]
    low = line.lower()  # the patterns below need these words: skip the line cheaply without
    if "issue" in low:
        found += [
            Candidate(number, f'{m.group(1)} "{m.group(2)}'.lower(), m.group(0))
            for m in _CAA.finditer(line)
        ]
    if "ttl" in low and not durations.left_open(line) and not durations.ttl_disowned(line):
        # (neither "anything up to 3600 will work" nor "the TTL column is only what dig showed")
        found += [
            Candidate(number, f"ttl {m.group(1)}", m.group(0))
            for m in _TTL.finditer(line)
            # ("Currently resolves to the old one, TTL 86400.": the TTL it has now)
            if not durations.ttl_has_now(line[: m.start()])
        ]
        said = durations.ttl_said(line[:MAX_LINE])  # "set the TTL to one hour"
        found += [Candidate(number, f"ttl {said[1]}", said[0])] if said else []
    if (" on " in low or " for " in low) and not durations.left_open(line):
        on_record = durations.duration_on_record(line[:MAX_LINE])  # "300 seconds on the record"
        found += [Candidate(number, f"ttl {on_record[1]}", on_record[0])] if on_record else []
    return found


def _is_candidate(shown: str, text: str) -> bool:
    if "/" in text or "@" in text:
        return False
    if is_validation_host(text):
        return True

    if "verification=" in text and len(text.split("=", 1)[1]) >= 8:
        return True
    return bool(_TOKEN.match(shown)) and _looks_random(shown)


_WRAPPED_LABEL = 12  # the shortest random first label of a wrapped host worth a flag
_HASH_LENGTHS = frozenset((32, 40, 64))  # MD5, SHA-1, SHA-256 in hex: a CSR's or key's digest


def _hex_token(token: str) -> bool:
    """32 hex digits with letters and digits both: a DigiCert random value, at `_dnsauth`."""
    return (
        len(token) == 32
        and all(c in "0123456789abcdefABCDEF" for c in token)
        and sum(c.isdigit() for c in token) >= 2
        and sum(c.isalpha() for c in token) >= 4
    )


def _looks_random(token: str) -> bool:
    """A token with letters and digits mixed, not a word-like identifier or a digest."""
    if len(token) in _HASH_LENGTHS and all(c in "0123456789abcdefABCDEF" for c in token):
        return False
    digits = sum(c.isdigit() for c in token)
    letters = sum(c.isalpha() for c in token)
    return digits >= 2 and letters >= 4 and "--" not in token and not _generated_name(token)


def _generated_name(token: str) -> bool:
    """`hfh-tls-1-2917550032-3620518824` (a Kubernetes object), `order-12345-renewal`: words
    and numbers joined by hyphens, no part mixing the two as a random token's parts do."""
    parts = re.split(r"[-_]", token)
    return len(parts) > 1 and all(p.isalpha() or p.isdigit() for p in parts if p)


def is_validation_host(text: str) -> bool:
    """A host name under a CA's validation domain (not the domain itself)."""
    host = text.strip(_STRIP).lower().rstrip(".")
    return (
        " " not in host
        and host.endswith(VALIDATION_SUFFIXES)
        and not host.startswith(_BARE_SUFFIXES)
    )


def field_caa(previous: str, number: int, line: str) -> list[Candidate]:
    """A CAA datum in field form, its tag on the line before its value (octoDNS YAML:
    "        tag: issue" / "        value: certainly.com"; JSON: `"tag": "issue",` /
    `"value": "certainly.com"`): it must end up in a record like a zone line's "0 issue …"."""
    if "tag" not in previous or "value" not in line:
        return []  # the common case, cheaply
    tag = _FIELD_TAG.match(previous)
    value = _FIELD_VALUE.match(line) if tag else None
    if tag is None or value is None:
        return []
    return [Candidate(number, f'{tag.group(1)} "{value.group(1)}'.lower(), line.strip())]


_FIELD_TAG = re.compile(
    r"""^[ \t]*(?:-[ \t]+)?["']?tag["']?[ \t]*[:=][ \t]*["']?(issue|issuewild)["']?,?[ \t]*$""",
    re.I,
)
_FIELD_VALUE = re.compile(
    r"""^[ \t]*(?:-[ \t]+)?["']?value["']?[ \t]*[:=][ \t]*["']?([A-Za-z0-9.-]{3,100})["']?,?"""
    r"[ \t]*$",
    re.I,
)


def is_consumed(candidate: Candidate, used: list[str]) -> bool:
    return any(candidate.text in value for value in used)
