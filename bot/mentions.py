"""Record mentions in structured lines: zone-file lines, table rows and `Label: value` lists."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.models import Action

# Types as they may appear in a structured line. A lone lower-case "a" is an article, not a type.
TYPE_WORD = r"(?:CNAME|TXT|CAA|AAAA|A|NS|DS|MX|cname|txt|caa|aaaa|ns|mx|Cname|Txt)"
_TYPE_ONLY = re.compile(rf"^{TYPE_WORD}$")

# A DNS owner as written by a vendor: @, or labels with at least one dot or a leading underscore.
OWNER = r"(?:@|\*?\.?[A-Za-z0-9_*](?:[A-Za-z0-9_.*-]{0,252}[A-Za-z0-9_.])?)"
_OWNER_TOKEN = re.compile(rf"^{OWNER}$")

_LIST_MARKER = re.compile(r"^\s*(?:[-*+\u2022]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")
_ZONE_LINE = re.compile(
    rf"^(?P<name>{OWNER})\s+(?:(?P<ttl>\d{{1,10}})\s+)?(?:IN\s+)?(?:(?P<ttl2>\d{{1,10}})\s+)?"
    rf"(?P<type>{TYPE_WORD})\s+(?P<rdata>[^;]*?)\s*(?:;.*)?$"
)
# What a whole zone-file line's data looks like, per type; anything else is prose.
_DATA_SHAPES = {
    "CNAME": re.compile(r"^\S+$"),
    "NS": re.compile(r"^\S+$"),
    "A": re.compile(r"^\S+$"),
    "AAAA": re.compile(r"^\S+$"),
    "TXT": re.compile(r'^(?:"(?:[^"\\]|\\.)*"(?:\s+"(?:[^"\\]|\\.)*")*|[^\s"]+)$'),
    "CAA": re.compile(r'^\d{1,3}\s+[A-Za-z]+\s+(?:"[^"]*"|\S+)$'),
    "MX": re.compile(r"^\d{1,5}\s+\S+$"),
    "DS": re.compile(r"^\d+\s+\d+\s+\d+\s+[0-9A-Fa-f\s]+$"),
}


@dataclass
class Mention:
    """A record as written in the ticket, before dnspython has checked it."""

    name: str
    rdtype: str
    value: str | None
    line: int
    ttl: int | None = None
    old_value: str | None = None
    action: Action | None = None
    after_issuance: bool = False
    origin_hint: str | None = None
    zone: str | None = None
    domain: str | None = None


def strip_list_marker(line: str) -> str:
    return _LIST_MARKER.sub("", line, count=1).replace("`", "").strip()


def is_owner_token(token: str) -> bool:
    return bool(_OWNER_TOKEN.match(token)) and ("." in token or token[0] in "@_*")


def clean_data(rdtype: str, data: str) -> str:
    """Drop sentence punctuation that trails record data (a comma, a full stop after a quote)."""
    data = data.strip().rstrip(",;")
    if rdtype in ("TXT", "CAA") and data.endswith('".'):
        data = data[:-1]
    return data


def read_zone_line(line: str, number: int) -> Mention | None:
    """`name [ttl] [IN] [ttl] TYPE data` when the whole line is that and nothing else."""
    match = _ZONE_LINE.match(strip_list_marker(line))
    if not match or not is_owner_token(match["name"]):
        return None
    rdtype = match["type"].upper()
    data = clean_data(rdtype, match["rdata"])
    if not _DATA_SHAPES[rdtype].match(data):
        return None
    ttl = match["ttl"] or match["ttl2"]
    return Mention(match["name"], rdtype, data, number, ttl=int(ttl) if ttl else None)


# --- tables ----------------------------------------------------------------------------------

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
        "record host",
        "domain name",
        "entry",
    ),
    "type": ("type", "record type", "rr type", "rrtype"),
    "value": (
        "value",
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
    ),
    "ttl": ("ttl",),
    "action": ("action", "operation", "change", "what to do"),
    "old": ("old value", "current value", "existing value", "previous value"),
}
# Labels that are not part of a record but end or give context to a block.
_CONTEXT_LABELS: dict[str, tuple[str, ...]] = {
    "domain": ("domain", "domains", "common name", "san", "sans"),
    "zone": ("zone",),
    "other": ("status", "ticket", "priority", "expires", "expiry", "issuer", "ca"),
}
_LABEL_KEYS = {
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
    key = re.sub(r"\s+", " ", re.sub(r"[^a-z ]", "", text.lower())).strip()
    role = _LABEL_KEYS.get(key)
    return role if role in _HEADERS else None


def action_word(text: str) -> Action | None:
    return _ACTION_WORDS.get(text.strip().lower().rstrip("s:"))  # type: ignore[return-value]


def table_cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if stripped.count("|") < 2 and not (stripped.startswith("|") and stripped.count("|") >= 1):
        return None
    cells = [c.strip().replace("`", "") for c in stripped.strip("|").split("|")]
    return cells if len(cells) >= 2 else None


@dataclass
class Table:
    """Column roles of the table being read, from its header row."""

    columns: dict[str, int] = field(default_factory=dict)

    def read_header(self, cells: list[str]) -> bool:
        roles = {header_phrase(c): i for i, c in enumerate(cells) if header_phrase(c)}
        if "value" in roles and ("name" in roles or "type" in roles):
            self.columns = {k: v for k, v in roles.items() if k}
            return True
        return False

    def read_row(self, cells: list[str], number: int) -> Mention | None:
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            return None
        if self.columns:
            return self._by_header(cells, number)
        return _by_position(cells, number)

    def _by_header(self, cells: list[str], number: int) -> Mention | None:
        def cell(role: str) -> str:
            i = self.columns.get(role)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        name, rdtype, value = cell("name"), cell("type").upper(), cell("value")
        if not name or not value or not rdtype or not _TYPE_ONLY.match(rdtype):
            return None
        ttl = cell("ttl")
        return Mention(
            name,
            rdtype,
            clean_data(rdtype, value),
            number,
            ttl=int(ttl) if ttl.isdigit() else None,
            old_value=cell("old") or None,
            action=action_word(cell("action")) if cell("action") else None,
        )


def _by_position(cells: list[str], number: int) -> Mention | None:
    """A header-less row: `name | TYPE | value` with the type in a cell of its own."""
    for i, c in enumerate(cells[1:-1], start=1):
        if _TYPE_ONLY.match(c) and is_owner_token(cells[i - 1]):
            rdtype = c.upper()
            return Mention(cells[i - 1], rdtype, clean_data(rdtype, cells[i + 1]), number)
    return None


# --- "Label: value" lists --------------------------------------------------------------------

_CNAME_LABELS = frozenset(
    ("points to", "point to", "pointing to", "target", "canonical name", "alias of")
)
_LABEL = re.compile(
    r"(?:^|(?<=\s))(?P<label>"
    + "|".join(sorted((re.escape(k) for k in _LABEL_KEYS), key=len, reverse=True))
    + r")\s*[:=]\s*",
    re.IGNORECASE,
)


def read_labels(line: str) -> list[tuple[str, str, str]] | None:
    """[(role, label, value)] when the line starts with a known label, else None."""
    text = strip_list_marker(line)
    matches = list(_LABEL.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    pairs = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        value = text[m.end() : nxt.start() if nxt else len(text)].strip().rstrip(",;")
        label = re.sub(r"\s+", " ", m["label"].lower())
        pairs.append((_LABEL_KEYS[label], label, value))
    return pairs


@dataclass
class LabelBlock:
    """Consecutive `Label: value` lines describing one record."""

    fields: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    line: int = 0

    def has(self, role: str) -> bool:
        return role in self.fields

    def add(self, role: str, label: str, value: str, number: int) -> None:
        if not self.fields:
            self.line = number
        self.fields[role] = value
        self.labels[role] = label

    def to_mention(self) -> Mention | None:
        name, value = self.fields.get("name", ""), self.fields.get("value", "")
        if not name or not value:
            return None
        rdtype = self.fields.get("type", "").upper() or self._infer_type(value)
        if not rdtype or not _TYPE_ONLY.match(rdtype):
            return None
        ttl = self.fields.get("ttl", "")
        old = self.fields.get("old") or None
        action = action_word(self.fields["action"]) if "action" in self.fields else None
        return Mention(
            name,
            rdtype,
            clean_data(rdtype, value),
            self.line,
            ttl=int(ttl) if ttl.isdigit() else None,
            old_value=old,
            action=action or ("update" if old else None),
        )

    def _infer_type(self, value: str) -> str:
        if self.labels.get("value") in _CNAME_LABELS:
            return "CNAME"
        return "TXT" if value.startswith('"') or "=" in value else ""
