"""`Label: value` lists ("Name: …", "Points to: …"), read into one record at a time; what
each label means is in bot/reading/fieldnames.py."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.reading.actions import AFTER_ISSUANCE
from bot.reading.fieldnames import (
    CNAME_LABELS,
    LABEL_KEYS,
    PENDING,
    SNAKE_KEY,
    action_word,
    caa_data,
    keeps,
    state_done,
)
from bot.reading.mentions import (
    Mention,
    clean_data,
    is_owner_token,
    is_type_word,
    strip_list_marker,
    ttl_of,
)

_LABEL = re.compile(
    r"(?:^|(?<=\s))(?P<label>"
    + "|".join(sorted((re.escape(k) for k in LABEL_KEYS), key=len, reverse=True))
    + r")\s*(?::-|[:=])\s*",  # "Record Name :-  _acme-challenge.www.gov.uk" too
    re.IGNORECASE,
)


# "Host/Name:" or "Value / Target:": the first of the two names is the label.
_SLASHED_LABEL = re.compile(
    r"^([A-Za-z][A-Za-z ]{0,30}?)[ ]?/[ ]?[A-Za-z][A-Za-z ]{0,30}?(?=[ ]?[:=])"
)


# Machine output: `"Name": "x",` (JSON), `"name" = "x"` (Terraform, aligned or not), `- name: x`
# (YAML).
_KEYED = re.compile(r"""^[ ]*(?:-[ ]+)?["']([A-Za-z][A-Za-z _]{0,30})["'][ ]{0,8}[:=][ ]{0,8}""")


# Machine output unquoted: `record_name=x`, `record_type: CNAME` (a status mail's key=value lines)
_SNAKE_KEY = re.compile(rf"^[ ]*({SNAKE_KEY})[ ]{{0,8}}[:=][ ]{{0,8}}")


_PLAN_MARK = re.compile(r"^[ \t]*[~+-][ \t]+(?=[a-z_]{2,30}[ \t]*=)")
_LEADER = re.compile(r"^([ \t]*[A-Za-z][A-Za-z /()_-]{0,40}?)[ \t]*\.{3,}[ \t]*(?:[:=][ \t]*)?")


def read_labels(line: str) -> list[tuple[str, str, str]] | None:
    """[(role, label, value)] when the line starts with a known label, else None."""
    if ":" not in line and "=" not in line and "..." not in line:
        return None  # every label ends in one of these (a leader's dots become ": ")
    line = _LEADER.sub(r"\1: ", line, count=1)  # "TTL ........ 300": a label and its value
    line = mend_label(line)
    if "(" in line[:80]:  # "Current value (what's published now): x": the label without its aside
        line = _LABEL_ASIDE.sub(r"\1", line, count=1)
    line = _PLAN_MARK.sub("", line, count=1)  # Terraform plan: "~ name = ..." / "+ ttl = 300"
    keyed = _KEYED.match(line)
    text = line
    if keyed:
        value = line[keyed.end() :].strip().rstrip(",").strip()
        if len(value) > 1 and value[0] == value[-1] == '"':
            value = value[1:-1]  # a JSON or HCL string: its quotes are syntax, not TXT quotes
        text = f"{keyed.group(1).replace('_', ' ')}: {value}"  # "txt_name": "txt name"
    elif "_" in line[:40]:
        snake = _SNAKE_KEY.match(line)  # "record_name=_acme-challenge.gov.uk" (key=value output)
        if snake:
            text = f"{snake.group(1).replace('_', ' ')}: {line[snake.end() :].strip()}"
    text = _SLASHED_LABEL.sub(r"\1", strip_list_marker(text), count=1)
    matches = list(_LABEL.finditer(text))
    if not matches or matches[0].start() != 0:
        return _unlisted_label(text)
    pairs = []
    for m, nxt in zip(matches, [*matches[1:], None], strict=True):
        value = text[m.end() : nxt.start() if nxt else len(text)].strip().rstrip(",;")
        label = re.sub(r"\s+", " ", m["label"].lower())
        role = LABEL_KEYS[label]
        if pairs and pairs[-1][0] == "type" and not pairs[-1][2] and " " in label:
            # "Type: CNAME Name: x" read as "Type:" and "CNAME Name: x": the type word is the
            # type's value, the rest the next label.
            word, rest = label.split(" ", 1)
            if is_type_word(word) and rest in LABEL_KEYS:
                pairs[-1] = ("type", "type", word.upper())
                label, role = rest, LABEL_KEYS[rest]
        pairs.append((role, label, value))
    return pairs


# A label we have no entry for, at the start of a line: a few words and a colon ("CNAME Host:",
# "Target Address:", "Validation record value:"). Its role comes from its head words.
_UNLISTED = re.compile(
    r"^[ \t]*([A-Za-z][A-Za-z]{0,20}(?:[ ][A-Za-z]{1,20}){0,3})[ \t]*:[ \t]+(\S.*)$"
)
_VALUE_WORDS = frozenset(
    ("target", "value", "points", "address", "data", "content", "destination", "rdata")
)
_NAME_WORDS = frozenset(("host", "hostname", "name", "owner", "fqdn", "alias", "subdomain"))
_DATA_LIKE = re.compile(r"[\d.=_]")  # a token, a host name, a `name=value` string, a CAA flag


def _unlisted_label(text: str) -> list[tuple[str, str, str]] | None:
    """[(role, label, value)] for a label not in our vocabulary whose words say it names a
    record's owner or data, with a value of that shape; a type word before it ("CNAME
    Host:") gives the type too. Else None."""
    m = _UNLISTED.match(text)
    if m is None:
        return None
    words = m.group(1).lower().split()
    typed = is_type_word(words[0]) and len(words) > 1
    heads = set(words[1:] if typed else words)
    value = m.group(2).strip().rstrip(",;")
    first = value.split()[0].strip("`'\"“”")
    if heads & _VALUE_WORDS and _DATA_LIKE.search(first) and len(value.split()) <= 6:
        role = "value"  # "Target Address: b114….sectigo.com." (not "For context: if a …")
    elif heads & _NAME_WORDS and is_owner_token(first):
        role = "name"
    else:
        return None
    label = " ".join(words)
    return (
        [("type", "type", words[0].upper()), (role, label, value)]
        if typed
        else [(role, label, value)]
    )


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

    def pending(self) -> bool:
        """The block's status says its record is still to be published."""
        status = self.fields.get("status", "").upper().split()
        return bool(status) and status[0].strip(".,;()") in PENDING

    def to_mention(self) -> Mention | None:
        if self.method.startswith("managed-http"):
            return None  # Fastly lists its HTTP alternative beside every DNS challenge
        mention = self._mention()
        status = self.fields.get("status", "").upper()
        # ACM "ValidationStatus": "SUCCESS", "Status: VALIDATED 12/11/2026", "Status: OK –
        # record already in place, nothing to do": it is in place
        if mention is not None and state_done(status):
            mention.mode = "observed"
        return mention

    def _mention(self) -> Mention | None:
        name, value = self.fields.get("name", ""), self.fields.get("value", "")
        action = action_word(self.fields["action"]) if "action" in self.fields else None
        # "When: only after we've confirmed … the renewed certificate has been issued",
        # "Action: delete - only after the frontend certificate has been issued"
        later = bool(
            AFTER_ISSUANCE.search(f"{self.fields.get('when', '')} {self.fields.get('action', '')}")
        )
        if name and not value and action == "delete" and "type" in self.fields:
            rdtype = self.fields["type"].upper()
            if is_type_word(rdtype):  # "Value: (whatever is there)": the whole record set
                return Mention(
                    name,
                    rdtype,
                    None,
                    self.line,
                    action="delete",
                    after_issuance=later,
                    last_line=self.last_line,
                    excerpt=" / ".join(self.lines),
                )
        if not name or not value:
            return None
        said = " ".join(self.fields.get("type", "").upper().strip("`'\" ").split())
        # "Record type : text record", "Type: CNAME record", "Type: TXT (text)"
        said = _TYPE_SAID.get(said, said.removesuffix(" RECORD").split(" (")[0])
        rdtype = said or self._infer_type(value)
        if not rdtype or not is_type_word(rdtype):
            return None
        ttl = self.fields.get("ttl", "")
        old = self.fields.get("old") or None
        kept = "action" in self.fields and keeps(self.fields["action"])
        if rdtype == "CAA" and "caa_tag" in self.fields:
            # "Flags: 0" / "Tag: issue" / "Value: letsencrypt.org": one CAA record
            value = (
                caa_data(self.fields.get("caa_flags", ""), self.fields["caa_tag"], value) or value
            )
        return Mention(
            name,
            rdtype,
            clean_data(rdtype, value),
            self.line,
            ttl=ttl_of(ttl),
            old_value=old,
            action=action or ("update" if old else None),
            after_issuance=later,
            last_line=self.last_line,
            excerpt=" / ".join(self.lines),
            mode="observed" if kept else "request",
        )

    def _infer_type(self, value: str) -> str:
        label = self.labels.get("value", "")
        if label.startswith(("txt", "cname")):
            return label.split()[0].upper()
        if label in CNAME_LABELS:
            return "CNAME"
        if label in ("records", "values") and is_owner_token(value) and "." in value:
            return "CNAME"  # a host name as a record's data: a CNAME target
        if value.startswith('"') or "=" in value:
            return "TXT"
        owner = self.fields.get("name", "").lstrip().lower()
        if owner.startswith(_TXT_OWNERS) and " " not in value.strip() and "." not in value:
            return "TXT"  # a bare token at `_dnsauth.x`: no host name, so no CNAME target
        if owner.startswith("_") and is_owner_token(value) and value.rstrip(".").count(".") >= 2:
            return "CNAME"  # "Answer: x.fastly-validations.com." at `_acme-challenge`: a target
        return ""


_TYPE_SAID = {"TEXT": "TXT", "TEXT RECORD": "TXT", "TXT RECORD": "TXT", "CNAME RECORD": "CNAME"}


_LABEL_ASIDE = re.compile(r"^([ \t]*[A-Za-z][A-Za-z ]{1,30}?)[ \t]*\([^()\n]{0,60}\)(?=[ \t]*[:=])")


# Label words a hurried writer mistyped ("Recrod name", "Vaule", "Tagret"): one swap of two
# letters side by side, one letter changed, added or lost, in a word of five letters or more.
_LABEL_WORDS = frozenset(w for k in LABEL_KEYS for w in k.split() if len(w) >= 4)
_LABEL_HEAD = re.compile(
    r"^([ \t]*(?:[-*\u2022][ \t]+)?)([A-Za-z][A-Za-z ]{2,30}?)([ \t]*(?::-|[:=]))"
)


def mend_label(line: str) -> str:
    """The line with its label's mistyped words mended ("Recrod name : @" -> "record name :
    @"); any other line as it is."""
    m = _LABEL_HEAD.match(line)
    if m is None:
        return line
    words = m.group(2).split()
    mended = [w if w.lower() in _LABEL_WORDS else _nearest(w.lower()) or w for w in words]
    if mended == words:
        return line
    return m.group(1) + " ".join(mended) + m.group(3) + line[m.end() :]


def _nearest(word: str) -> str | None:
    if len(word) < 5:
        return None
    near = [w for w in _LABEL_WORDS if abs(len(w) - len(word)) <= 1 and _one_edit(word, w)]
    return near[0] if len(near) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """a and b differ by one swap of neighbours, one change, one insertion or one loss."""
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        swap = len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
        return len(diff) == 1 or (swap and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


# Owners whose data, when it is a bare token rather than a host name, can only be TXT.
_TXT_OWNERS = ("_dnsauth.", "_acme-challenge.", "_globalsign-domain-verification.")
