"""`Label: value` lists ("Name: …", "Points to: …") and the vocabulary of record fields."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.models import Action
from bot.reading.mentions import (
    Mention,
    clean_data,
    is_owner_token,
    is_type_word,
    strip_list_marker,
    ttl_of,
)

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
        "target host",
        "target name",
        "alias target",
        "replace with",
        "change to",
        "should point to",
        "should point at",
        "must point to",
        "needs to point to",
        "new target",
        "point it to",
        "repoint to",
    ),
    "ttl": ("ttl", "time to live", "time to live ttl", "ttl seconds", "ttl in seconds"),
    "action": ("action", "operation", "change", "what to do"),
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
    ),
}
# Labels that are not part of a record but end or give context to a block.
_CONTEXT_LABELS: dict[str, tuple[str, ...]] = {
    "domain": ("domain", "domains", "common name", "san", "sans"),
    "zone": ("zone", "dns zone", "zone name", "hosted zone"),
    "other": ("ticket", "priority", "expires", "expiry", "issuer", "ca"),
    "status": ("status", "validation status", "validationstatus", "renewal status"),
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
    text = re.sub(r"\([^()]{0,40}\)", " ", text)  # "Host name (CNAME)": the label without its aside
    key = re.sub(r"\s+", " ", re.sub(r"[^a-z ]", "", text.lower())).strip()
    role = _LABEL_KEYS.get(key)
    return role if role in _HEADERS or role in ("status", "zone") else None


# Actions that leave a record as it is: the block describes it, it asks nothing.
KEEP_WORDS = frozenset(("keep", "leave", "retain", "no change", "unchanged", "none"))


def action_word(text: str) -> Action | None:
    """The action a cell or label value names: its first word ("Delete record" -> delete)."""
    words = text.strip().lower().split()
    return _ACTION_WORDS.get(words[0].rstrip("s:,.")) if words else None  # type: ignore[return-value]


def keeps(text: str) -> bool:
    words = text.strip().lower().split()
    return bool(words) and (
        words[0].rstrip(":,.") in KEEP_WORDS or " ".join(words[:2]) in KEEP_WORDS
    )


_CNAME_LABELS = frozenset(
    ("points to", "point to", "pointing to", "target", "canonical name", "alias of")
)
_LABEL = re.compile(
    r"(?:^|(?<=\s))(?P<label>"
    + "|".join(sorted((re.escape(k) for k in _LABEL_KEYS), key=len, reverse=True))
    + r")\s*[:=]\s*",
    re.IGNORECASE,
)


# "Host/Name:" or "Value / Target:": the first of the two names is the label.
_SLASHED_LABEL = re.compile(
    r"^([A-Za-z][A-Za-z ]{0,30}?)[ ]?/[ ]?[A-Za-z][A-Za-z ]{0,30}?(?=[ ]?[:=])"
)


# Machine output: `"Name": "x",` (JSON), `"name" = "x"` (Terraform), `- name: x` (YAML).
_KEYED = re.compile(r"""^[ ]*(?:-[ ]+)?["']([A-Za-z][A-Za-z _]{0,30})["'][ ]?[:=][ ]?""")


_PLAN_MARK = re.compile(r"^[ \t]*[~+-][ \t]+(?=[a-z_]{2,30}[ \t]*=)")
_LEADER = re.compile(r"^([ \t]*[A-Za-z][A-Za-z /()_-]{0,40}?)[ \t]*\.{3,}[ \t]*")


def read_labels(line: str) -> list[tuple[str, str, str]] | None:
    """[(role, label, value)] when the line starts with a known label, else None."""
    line = _LEADER.sub(r"\1: ", line, count=1)  # "TTL ........ 300": a label and its value
    line = _PLAN_MARK.sub("", line, count=1)  # Terraform plan: "~ name = ..." / "+ ttl = 300"
    keyed = _KEYED.match(line)
    text = line
    if keyed:
        value = line[keyed.end() :].strip().rstrip(",").strip()
        if len(value) > 1 and value[0] == value[-1] == '"':
            value = value[1:-1]  # a JSON or HCL string: its quotes are syntax, not TXT quotes
        text = f"{keyed.group(1).replace('_', ' ')}: {value}"  # "txt_name": "txt name"
    text = _SLASHED_LABEL.sub(r"\1", strip_list_marker(text), count=1)
    matches = list(_LABEL.finditer(text))
    if not matches or matches[0].start() != 0:
        return None
    pairs = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        value = text[m.end() : nxt.start() if nxt else len(text)].strip().rstrip(",;")
        label = re.sub(r"\s+", " ", m["label"].lower())
        role = _LABEL_KEYS[label]
        if pairs and pairs[-1][0] == "type" and not pairs[-1][2] and " " in label:
            # "Type: CNAME Name: x" read as "Type:" and "CNAME Name: x": the type word is the
            # type's value, the rest the next label.
            word, rest = label.split(" ", 1)
            if is_type_word(word) and rest in _LABEL_KEYS:
                pairs[-1] = ("type", "type", word.upper())
                label, role = rest, _LABEL_KEYS[rest]
        pairs.append((role, label, value))
    return pairs


DONE = frozenset(("SUCCESS", "ISSUED", "VALID", "VALIDATED", "ACTIVE", "VERIFIED"))


@dataclass
class LabelBlock:
    """Consecutive `Label: value` lines describing one record."""

    fields: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str] = field(default_factory=dict)
    line: int = 0
    last_line: int = 0
    lines: list[str] = field(default_factory=list)
    hint: str | None = None  # a domain named in a remark beside the name
    method: str = ""  # Fastly's API "type": "managed-dns" / "managed-http-a"

    def has(self, role: str) -> bool:
        return role in self.fields

    def add(self, role: str, label: str, value: str, number: int, text: str = "") -> None:
        if not self.fields:
            self.line = number
        self.fields[role] = value
        self.labels[role] = label
        if number != self.last_line:
            self.lines.append(text.strip())
        self.last_line = number

    def to_mention(self) -> Mention | None:
        if self.method.startswith("managed-http"):
            return None  # Fastly lists its HTTP alternative beside every DNS challenge
        mention = self._mention()
        if mention is not None and self.fields.get("status", "").upper() in DONE:
            mention.mode = "observed"  # ACM "ValidationStatus": "SUCCESS": it is in place
        return mention

    def _mention(self) -> Mention | None:
        name, value = self.fields.get("name", ""), self.fields.get("value", "")
        action = action_word(self.fields["action"]) if "action" in self.fields else None
        if name and not value and action == "delete" and "type" in self.fields:
            rdtype = self.fields["type"].upper()
            if is_type_word(rdtype):  # "Value: (whatever is there)": the whole record set
                return Mention(
                    name,
                    rdtype,
                    None,
                    self.line,
                    action="delete",
                    last_line=self.last_line,
                    excerpt=" / ".join(self.lines),
                )
        if not name or not value:
            return None
        rdtype = self.fields.get("type", "").upper() or self._infer_type(value)
        if not rdtype or not is_type_word(rdtype):
            return None
        ttl = self.fields.get("ttl", "")
        old = self.fields.get("old") or None
        kept = "action" in self.fields and keeps(self.fields["action"])
        return Mention(
            name,
            rdtype,
            clean_data(rdtype, value),
            self.line,
            ttl=ttl_of(ttl),
            old_value=old,
            action=action or ("update" if old else None),
            last_line=self.last_line,
            excerpt=" / ".join(self.lines),
            mode="observed" if kept else "request",
        )

    def _infer_type(self, value: str) -> str:
        label = self.labels.get("value", "")
        if label.startswith(("txt", "cname")):
            return label.split()[0].upper()
        if label in _CNAME_LABELS:
            return "CNAME"
        if label in ("records", "values") and is_owner_token(value) and "." in value:
            return "CNAME"  # a host name as a record's data: a CNAME target
        return "TXT" if value.startswith('"') or "=" in value else ""
