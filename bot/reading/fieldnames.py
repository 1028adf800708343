"""The vocabulary of record fields: what a label or a table header means ("Record name" ->
name, "Points to" -> value, "Current value" -> old), and the words of action and status
cells ("Delete record", "Keep", "Success")."""

from __future__ import annotations

import re

from bot.models import Action

_HEADERS: dict[str, tuple[str, ...]] = {
    "name": (
        "name",
        "host",
        "hostname",
        "host name",
        "record name",
        "owner",
        "record",
        "alias",
        "subdomain",
        "label",
        "fqdn",
        "cname name",
        "txt name",
        "record host",
        "domain name",
        "entry",
        "dns record name",
        "dns name",
        "resource record name",
        "record fqdn",
        "record to create",  # "| Hostname | Record to create | Type | Points to |"
        "record to add",
        "record to publish",
        "challenge record",
        "validation record",
    ),
    "type": ("type", "record type", "rr type", "rrtype"),
    "value": (
        "value",
        "values",
        "records",
        "data",
        "content",
        "target",
        "points to",
        "point to",
        "pointing to",
        "record value",
        "answer",
        "destination",
        "canonical name",
        "alias of",
        "record data",
        "value to add",
        "expected value",
        "new value",
        "txt value",
        "cname value",
        "cname target",
        "txt record value",
        "required value",
        "required",  # "Current: x" / "Required: y"
        "desired value",
        "proposed value",
        "replacement value",
        "random value",  # DigiCert's word for the TXT data it generates
        "target host",
        "target name",
        "alias target",
        "replace with",
        "change to",
        "change it to",
        "changes to",
        "to be",
        "becomes",
        "should point to",
        "should point at",
        "must point to",
        "needs to point to",
        "new target",
        "point it to",
        "repoint to",
        "dns record value",
        "resource record value",
        "rdata",
        "record content",
        "put new value",  # hurried: "now it have: X" / "put new value: Y"
        "put value",
        "set it to",
        "should be",
        "new",  # "| Host | Current | New | TTL |": the value it is to have
    ),
    "ttl": ("ttl", "time to live", "time to live ttl", "ttl seconds", "ttl in seconds"),
    # a CAA record split over fields: "| Flags | 0 |" / "| Tag | issue |" / "| Value | x |"
    "caa_flags": ("flag", "flags", "caa flag", "caa flags", "flag byte"),
    "caa_tag": ("tag", "caa tag", "property", "caa property"),
    "action": (
        "action",
        "operation",
        "change",
        "what to do",
        "step",
        "do",
        "keep remove",  # "| Keep / Remove |": the column says which
        "keep or remove",
        "remove keep",
        "keep delete",
        "action required",
        "recommended action",
        "please",  # "| Record name | Type | Value | Please… |": what is asked of us
        "to do",
        "todo",
    ),
    # "| When |" beside an action: "after the new cert is issued" puts the row after issuance
    "when": ("when", "timing", "when to do it", "when to apply", "schedule"),
    "old": (
        "old value",
        "current value",
        "existing value",
        "previous value",
        "current",
        "currently points to",
        "currently points at",
        "current target",
        "old target",
        "existing target",
        "points to now",
        "now it have",
        "now it has",
        "it now has",
        "currently has",
        "currently is",
        "currently",  # "| Record name | Type | Currently | Change it to |"
        "value today",  # "| Value today (remove) | Replace with |"
        "today",
        "value now",
        "live value",
        "published value",
        "existing",
        "old",
    ),
}
# Labels that are not part of a record but end or give context to a block.
_CONTEXT_LABELS: dict[str, tuple[str, ...]] = {
    "domain": ("domain", "domains", "common name", "san", "sans"),
    "zone": ("zone", "dns zone", "zone name", "hosted zone"),
    "other": ("ticket", "priority", "expires", "expiry", "issuer", "ca"),
    # ("last_check : 2026-01-21 07:02:55 UTC  -> FOUND (matches)": an admin tool's status)
    "status": ("status", "validation status", "validationstatus", "renewal status", "last check"),
}
# A key of machine output written in snake case: "record_value", "txt_name", "last_check"
SNAKE_KEY = r"[A-Za-z]{2,20}(?:_[A-Za-z]{1,20}){1,3}"
LABEL_KEYS = {
    phrase: role
    for table in (_HEADERS, _CONTEXT_LABELS)
    for role, phrases in table.items()
    for phrase in phrases
}
_ACTION_WORDS = {
    "add": "add",
    "create": "add",
    "new": "add",
    "delete": "delete",
    "remove": "delete",
    "update": "update",
    "change": "update",
    "replace": "update",
    "modify": "update",
}


def header_phrase(text: str) -> str | None:
    """The role of a table header or label ("Record name" -> "name"), if it is one we know."""
    role = _phrase_role(re.sub(r"\([^()]{0,40}\)", " ", text))  # "Host name (CNAME)": no aside
    if role is None and "(" in text:
        # "Time of life (TTL)": a header in other words, its usual name in brackets
        aside = re.search(r"\(([^()]{1,40})\)", text)
        role = _phrase_role(aside.group(1)) if aside else None
    return role


def _phrase_role(text: str) -> str | None:
    key = _key(text)
    role = LABEL_KEYS.get(key) or _to_be_done_role(key)
    if role is None and "/" in text:  # "Host name/ Record": the first of the two names
        first = re.sub(r"\s+", " ", re.sub(r"[^a-z ]", "", text.split("/")[0].lower())).strip()
        role = LABEL_KEYS.get(first)
    return role if role in _HEADERS or role in ("status", "zone", "domain") else None


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z ]", "", text.lower())).strip()


# A column named for what is to be done with what it holds: "| Host | Record to remove | Type |",
# "| Name | Type | Value to delete |", "| Records to be removed |", "| To remove |".
_TO_BE_DONE = re.compile(
    r"^(?:(?:the )?(records?|entry|entries|values?|data|tokens?|targets?) )?to (?:be )?"
    r"(remove|removed|delete|deleted|drop|dropped|add|added|create|created|publish|published)$"
)
_VALUE_NOUNS = frozenset(("value", "values", "data", "token", "tokens", "target", "targets"))


def _to_be_done_role(key: str) -> str | None:
    """ "value to delete" -> value; "record to remove", "to remove" -> name (the value, when
    another column names the record: `Table.read_header` decides)."""
    m = _TO_BE_DONE.match(key)
    if m is None:
        return None
    return "value" if m.group(1) in _VALUE_NOUNS else "name"


def header_action(text: str) -> Action | None:
    """The action a column's header gives its rows: "Record to remove" -> delete."""
    m = _TO_BE_DONE.match(_key(text))
    if m is None:
        return None
    return "delete" if m.group(2).startswith(("remove", "delete", "drop")) else "add"


# Actions that leave a record as it is: the block describes it, it asks nothing.
KEEP_WORDS = frozenset(("keep", "leave", "retain", "no change", "unchanged", "none"))


def action_word(text: str) -> Action | None:
    """The action a cell or label value names: its first word ("Delete record" -> delete)."""
    words = text.strip().lower().split()
    if len(words) > 1 and words[0].rstrip(".):").isdigit():
        words = words[1:]  # "1. Remove", "2) Add": a numbered step
    # ("REMOVE*", "Delete†": a mark that a footnote says more of)
    first = words[0].rstrip(_FOOTNOTE_MARKS) if words else ""
    return _ACTION_WORDS.get(first.rstrip("s:,.")) if first else None  # type: ignore[return-value]


_FOOTNOTE_MARKS = "*\u2020\u2021\u00b9\u00b2\u00b3"  # *, dagger, double dagger, ¹ ² ³


def keeps(text: str) -> bool:
    words = text.strip().lower().split()
    return bool(words) and (
        words[0].rstrip(":,.!") in KEEP_WORDS or " ".join(words[:2]) in KEEP_WORDS  # ("leave!")
    )


CNAME_LABELS = frozenset(
    ("points to", "point to", "pointing to", "target", "canonical name", "alias of")
)


# Status values saying a record is in place (ACM's console and API).
DONE = frozenset(("SUCCESS", "ISSUED", "VALID", "VALIDATED", "ACTIVE", "VERIFIED"))
# ACM "Validation status: PENDING_VALIDATION", "Status: Pending": still to be published
PENDING = frozenset(("PENDING", "PENDING_VALIDATION", "AWAITING_VALIDATION"))


# A value given by pointing at the one before: "(same as above)", "ditto", "identical to the
# gov.uk one above", "the same as the previous one".
_SAME_AS_ABOVE = re.compile(
    r"^[ \t(]*(?:(?:identical|(?:the[ \t]+)?same)[ \t]+(?:to|as)\b[^\n]{0,60}?"
    r"\b(?:above|before|previous|earlier)\b|ditto\b|as[ \t]+above\b|\"[ \t]*$)",
    re.I,
)


def same_as_above(value: str) -> bool:
    return bool(_SAME_AS_ABOVE.match(value))


def state_done(state: str) -> bool:
    """A status cell or label saying the record is in place: ACM's "Success", "✔ Present - no
    action", "OK – record already in place"; never "Pending validation" or "✖ Missing - please
    add"."""
    words = re.sub(r"[^a-z ]", " ", state.lower()).split()
    if _NOTHING_TO_DO.search(" ".join(words)):
        return True  # "⏳ Pending – record is in place … (nothing for you to do)"
    if not words or _PENDING_WORDS & set(words):
        return False
    found = "found" in words and "not" not in words  # "✔ Done – found in DNS"; never "not found"
    # "in place, no action", "already there": never "not in place yet"
    placed = bool(_IN_PLACE.search(" ".join(words))) and "not" not in words
    return state.strip().upper() in DONE or bool(_DONE_WORDS & set(words)) or found or placed


_NOTHING_TO_DO = re.compile(
    r"\bnothing (?:for you |more |else )?to do\b|\brecord is (?:already )?in place\b|"
    r"\bno action (?:needed|required)\b"
)
_IN_PLACE = re.compile(r"\b(?:in place|no action|already|unchanged|exists|existing)\b")


_DONE_WORDS = frozenset(
    (
        "success",
        "present",
        "published",
        "valid",
        "validated",
        "verified",
        "issued",
        "active",
        "live",
        "ok",
        "done",
        "complete",
        "completed",
        "resolving",
    )
)
_PENDING_WORDS = frozenset(("pending", "missing", "add", "required", "failed", "absent", "todo"))


_CAA_TAGS = frozenset(("issue", "issuewild", "iodef", "issuemail", "issuevmc"))


def caa_data(flags: str, tag: str, value: str) -> str | None:
    """CAA data put back together from its fields ("0", "issue", "letsencrypt.org" ->
    `0 issue "letsencrypt.org"`); None when they are not CAA's."""
    flags, tag = (flags.strip() or "0"), tag.strip().lower()
    value = value.strip().strip("\"'`\u201c\u201d")
    if not flags.isdigit() or int(flags) > 255 or tag not in _CAA_TAGS or not value:
        return None
    return f'{int(flags)} {tag} "{value}"'
