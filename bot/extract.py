"""Ticket text to requested DNS changes: walks the lines, keeps context, normalises mentions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot import prose
from bot.changes import to_change, unparsed_flag, validated_domain
from bot.labels import LabelBlock, read_labels
from bot.mentions import Mention, is_owner_token, read_zone_line
from bot.models import Action, DnsChange, Extraction, Flag
from bot.records import RecordError, to_name
from bot.tables import Table, table_cells
from bot.text import PRIVATE_KEY_PLACEHOLDER

MAX_LINE = 4000  # longer lines are read only this far: no record is that long

_DIRECTIVE = re.compile(r"^\s*\$(ORIGIN|TTL)\s+(\S+)", re.I)
_NAME = r"[`\"']?([A-Za-z0-9*][A-Za-z0-9_.-]{0,252}\.[A-Za-z]{2,63}\.?)"
_DOMAIN_CUE = re.compile(
    r"\b(?:domains?|hostnames?|common name|SANs?|certificate for"
    r"|(?:re)?validat(?:e|ing|ion for|ion of)|verify|verifying|ownership of)\b"
    r"(?:\s+name)?\s*(?:is|:|=)?\s*(?:the\s+)?(?:domain\s+)?" + _NAME,
    re.I,
)
_ZONE_CUE = re.compile(
    rf"\bzone\s*[:=]\s*{_NAME}|\b(?:in|to|into|from)\s+the\s+{_NAME}\s+zone\b", re.I
)
_FIRST_WORD = re.compile(r"[^\s,;]+")
PRIVATE_KEY_RULE = "never transfer a private key outside the system it was generated on"


@dataclass
class _Context:
    zone: str | None = None
    ttl: int | None = None
    domain: str | None = None
    action: Action | None = None
    after_issuance: bool = False


@dataclass
class _Reader:
    """Feeds lines one at a time; structured lines are read at once, prose per paragraph."""

    ctx: _Context = field(default_factory=_Context)
    mentions: list[Mention] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    table: Table | None = None
    block: LabelBlock = field(default_factory=LabelBlock)
    paragraph: list[tuple[int, str]] = field(default_factory=list)

    def feed(self, number: int, line: str) -> None:
        line = line[:MAX_LINE]
        if self._directive(line):
            return
        cells = table_cells(line)
        if cells is not None:
            self._end_prose()
            self._row(cells, number)
            return
        self.table = None
        zone_line = read_zone_line(line, number)
        if zone_line is not None:
            self._end_prose()
            self._end_block()
            self._add(zone_line)
            return
        labels = read_labels(line)
        if labels is not None:
            self._end_prose()
            self._labels(labels, number)
            return
        if line.strip():
            self._end_block()
            self._context_from(line)
            self.paragraph.append((number, line))
        else:
            self._end_prose()

    def finish(self) -> None:
        self._end_prose()
        self._end_block()

    def _add(self, mention: Mention) -> None:
        ctx = self.ctx
        self.mentions.append(
            replace(
                mention,
                action=mention.action or ctx.action,
                after_issuance=mention.after_issuance or ctx.after_issuance,
                ttl=mention.ttl if mention.ttl is not None else ctx.ttl,
                zone=ctx.zone,
                domain=mention.origin_hint or ctx.domain,
            )
        )

    def _directive(self, line: str) -> bool:
        m = _DIRECTIVE.match(line)
        if not m:
            return False
        if m.group(1).upper() == "ORIGIN":
            self.ctx.zone = _safe_name(m.group(2))
        elif m.group(2).isdigit():
            self.ctx.ttl = int(m.group(2))
        return True

    def _row(self, cells: list[str], number: int) -> None:
        if self.table is None:
            self.table = Table()
            if self.table.read_header(cells):
                return
        mention = self.table.read_row(cells, number)
        if mention is not None:
            self._add(mention)

    def _labels(self, labels: list[tuple[str, str, str]], number: int) -> None:
        for role, label, value in labels:
            first = _FIRST_WORD.match(value)
            if role == "domain":
                self._set_domain(first.group() if first else "")
            elif role == "zone":
                self.ctx.zone = _safe_name(first.group()) if first else None
            elif role != "other":
                if self.block.has(role):
                    self._end_block()
                self.block.add(role, label, value, number)

    def _end_block(self) -> None:
        mention = self.block.to_mention()
        if mention is not None:
            self._add(mention)
        self.block = LabelBlock()

    def _context_from(self, line: str) -> None:
        action = prose.action_cue(line)
        if action is not None:
            self.ctx.action = action
            self.ctx.after_issuance = bool(prose.AFTER_ISSUANCE.search(line))
        for m in _DOMAIN_CUE.finditer(line):
            self._set_domain(m.group(1))
        zone = _ZONE_CUE.search(line)
        if zone:
            self.ctx.zone = _safe_name(zone.group(1) or zone.group(2))

    def _set_domain(self, text: str) -> None:
        name = _safe_name(text.strip("`'\".,;:()"))
        if name and not name.startswith("_"):
            self.ctx.domain = name
            self.domains.append(name)

    def _end_prose(self) -> None:
        if not self.paragraph:
            return
        first = self.paragraph[0][0]
        text = "\n".join(line for _, line in self.paragraph)
        self.paragraph = []
        last_owner: str | None = None
        mention = None
        for sentence in prose.split_sentences(text):
            for clause in prose.split_clauses(sentence):
                mention = prose.read_sentence(clause, first, last_owner)
                if mention is not None:
                    self._add(mention)
            owners = [w.strip("`'\",;:()") for w in sentence.split()]
            underscored = [w for w in owners if w.startswith("_") and is_owner_token(w)]
            last_owner = underscored[-1] if underscored else last_owner
        if mention is not None:
            # The paragraph ended with a whole request: its action does not reach further.
            self.ctx.action, self.ctx.after_issuance = None, False


def _safe_name(text: str) -> str | None:
    try:
        return to_name(text) if text else None
    except RecordError:
        return None


def extract(text: str, *, default_zone: str = "gov.uk.") -> Extraction:
    """All DNS changes a ticket's plain text asks for, with flags for what could not be read."""
    reader = _Reader()
    for number, line in enumerate(text.split("\n"), start=1):
        reader.feed(number, line)
    reader.finish()
    changes: dict[tuple[object, ...], DnsChange] = {}
    flags: list[Flag] = []
    if PRIVATE_KEY_PLACEHOLDER in text:
        flags.append(
            Flag(
                code="private_key",
                severity="block",
                message="The ticket contains a private key. It has been left out of everything "
                f"cert-ticket shows. Treat it as compromised: {PRIVATE_KEY_RULE}.",
            )
        )
    for mention in reader.mentions:
        try:
            change = to_change(mention, default_zone)
        except RecordError as exc:
            flags.append(unparsed_flag(mention, exc))
            continue
        key = (change.action, change.name, change.type, change.value, change.when)
        kept = changes.get(key)
        if kept is None or (kept.ttl is None and change.ttl is not None):
            changes[key] = change if kept is None else kept.model_copy(update={"ttl": change.ttl})
    domains = dict.fromkeys(
        [*reader.domains, *(validated_domain(c.name) for c in changes.values())]
    )
    return Extraction(changes=tuple(changes.values()), flags=tuple(flags), domains=tuple(domains))
