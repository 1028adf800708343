"""Structured lines of a comment: table rows (pipe, CSV, space-aligned), label blocks
("Name: x" / "Type: CNAME" / "Value: y", two-column tables, labels inside one cell) and
`name -> value` lists. A mixin of `Walker` (bot/reading/walker.py), whose state it reads and
changes.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from bot.models import Flag, Source
from bot.reading import actions, cues, prose
from bot.reading.candidates import is_validation_host
from bot.reading.fieldnames import header_phrase, same_as_above
from bot.reading.labels import LabelBlock, read_labels
from bot.reading.mentions import (
    Mention,
    Mode,
    domain_in,
    excerpt,
    is_owner_token,
    is_type_word,
    read_zone_line,
    safe_name,
    ttl_of,
)
from bot.reading.tables import Table, aligned_cells

_FIRST_WORD = re.compile(r"[^\s,;()]+")
_BRACKETED = re.compile(r"\(([^()]{0,200})\)|\[([^\[\]]{0,200})\]")


_ARROW_PAIR = re.compile(
    r"^[ \t]*(?:[-*+\u2022][ \t]+|\d{1,3}[.)][ \t]+)?"  # "* name -> value", "1. name -> value"
    r"(\S{3,253})[ \t]*(?:->|=>|\u2192)[ \t]*(\S{1,300})"
    r"(?:[ \t]+\(([^()\n]{1,80})\))?[ \t]*$"  # "… (CNAME, TTL 300s)": what the record is
)
_REMARK_TYPE = re.compile(r"\b(CNAME|TXT)\b", re.I)
_REMARK_TTL = re.compile(r"\bTTL[ \t:=]*(\d{1,10})[ \t]*(?:s|secs?|seconds)?\b", re.I)
# "VALUE — that's for _acme-challenge.gov.uk", "VALUE – the www one, i.e. _acme-challenge.www…"
_VALUE_FOR_NAME = re.compile(
    r"^[ \t]*(\S{3,300})[ \t]+[\u2014\u2013-]{1,2}[ \t]+[^\n]{0,80}?"
    r"[ \t`'\"(](_[\w.-]{3,253})[ \t.`'\")]*$"
)
_LIST_ITEM = re.compile(r'^[ \t]*([+-]?)[ \t]*"([^"]{1,300})",?[ \t]*$')
_COUNTER = re.compile(r"(?:#|no\.?[ ]?|record[ ]|item[ ])?\d{1,3}[.):]?", re.I)
_PAREN = re.compile(r"[ ]?\([^()]{0,40}\)")


# "(DNS zone: service.gov.uk)", "(zone service.gov.uk)" after a relative name in a cell
_ZONE_REMARK = re.compile(
    r"\((?:dns[ ]+)?zone:?[ ]*([a-z0-9][a-z0-9.-]{0,250}\.[a-z]{2,24})\.?\)", re.I
)


class Rows:
    if TYPE_CHECKING:
        from bot.reading.walker import Context

        ctx: Context
        table: Table | None
        aligned: Table | None
        csv: tuple[Table, int] | None
        lead_type: str | None
        block: LabelBlock
        heading_name: tuple[str, int] | None
        heading_delete: Mention | None
        section_later: bool
        prose_before: tuple[int, str] | None
        heading_type: str | None
        open_list: tuple[str, str, list[tuple[str, str]]] | None
        mentions: list[Mention]
        flags: list[Flag]
        row_number: str | None

        def _add(
            self, mention: Mention, mode: Mode | None = None, structured: bool = True
        ) -> None: ...

        def _end_prose(self) -> None: ...

        def _hold_removals(self, sentence: str, timing: bool = False) -> bool: ...

        def _set_domain(self, text: str) -> None: ...

    def _row(self, cells: list[str], number: int, line: str) -> None:
        filled = [c for c in cells if c.strip()]
        if len(filled) == 3 and _COUNTER.fullmatch(filled[0]) and read_labels(f"{filled[1]}: x"):
            # "| 1 | Host | x |" (a record number spanning the record's rows): a new number
            # starts the next record, and the rest of the row is a label and its value.
            if self.block.fields and filled[0] != self.row_number:
                self._end_block()
            self.row_number, filled = filled[0], filled[1:]
        # "| Time to live (TTL) | 3600 |": the label without its parenthesis.
        label = _PAREN.sub("", filled[0]) if len(filled) == 2 else ""
        # ... unless both cells are field names: the header of a two-column table.
        two = len(filled) == 2 and header_phrase(filled[1]) is None
        zone = _ZONE_REMARK.search(filled[1]) if two else None
        if zone:  # "| Record name | _dnsauth.x (DNS zone: service.gov.uk) |": name, and its zone
            filled = [filled[0], _ZONE_REMARK.sub("", filled[1]).strip()]
        labels = read_labels(f"{label}: {filled[1]}") if two else None
        if labels is not None and len(labels) == 1 and zone:
            labels = [*labels, ("zone", "zone", zone.group(1))]
            self._labels(labels, number, line)
            return
        if labels is not None and len(labels) == 1:  # a two-column table: | Name | x |
            self._labels(labels, number, line)
            return
        owner, owner_type = self.heading_name, self.heading_type  # the line above the table
        self.heading_delete = None  # the name heads the table: no record of its own
        self._end_block()
        # "| gov.uk | Type: CNAME Name: _acme-challenge.gov.uk Value: x |": a whole record
        # written as labels inside one cell (an Outlook table with <br> between the fields).
        labelled = [
            found
            for c in filled
            if (found := read_labels(c)) and {"value", "name"} <= {r for r, _, _ in found}
        ]
        if labelled:
            ttl_cell = self._ttl_cell(cells, filled)
            # "| 2. Remove after the new certificate is issued | Host: … Value: … |": the cell
            # beside the record says what to do with it
            notes = " ".join(c for c in filled if not read_labels(c))
            step = actions.action_cue(notes) is not None and not cues.is_negated(notes)
            for found in labelled:
                if ttl_cell and not any(role == "ttl" for role, _, _ in found):
                    found = [*found, ("ttl", "ttl", ttl_cell)]
                if step and not any(role == "action" for role, _, _ in found):
                    found = [("action", "action", notes), *found]
                self._labels(found, number, line)
                self._end_block()
            return
        if self.table is None:
            self.table = Table(owner=owner[0] if owner else None, owner_type=owner_type)
            if self.table.read_header(cells):
                return
        mention = self.table.read_row(cells, number)
        if mention is None:
            # "| gov.uk | _acme-challenge.gov.uk<br>CNAME<br>x.fastly-validations.com | notes |":
            # a whole record as a zone line in one cell, beside cells saying what it is for
            # ("Already in place. No action needed.", "Please add.", "can wait until next month")
            whole = [(c, found) for c in filled if (found := read_zone_line(c, number))]
            if len(whole) == 1:
                notes = " ".join(c for c in filled if c != whole[0][0])
                said = _row_note(notes)
                if said == "request":
                    said = None
                elif said is None and _MISSING.search(notes):
                    # "| assets… | _acme-challenge.assets… CNAME x | Pending – record not found |"
                    # under "Here's where the three names stand": that one is still to add
                    said = "request"
                found = whole[0][1]
                # (the TTL column's cell only: a short number alone may be the row's number)
                ttl = ttl_of(self._ttl_cell(cells, [])) if found.ttl is None else found.ttl
                self._add(replace(found, ttl=ttl, excerpt=line), mode=said)
                return
            if not whole and len(filled) > 2:
                # "| Zone | Record | TTL (s) |" over "| Zone | Name | Type | Data | TTL (s) |": a
                # header of column groups, then the header the rows follow (or a new table)
                fresh = Table(owner=self.table.owner, owner_type=self.table.owner_type)
                if fresh.read_header(cells):
                    self.table = fresh
                    return
        if mention is not None:
            # A row with old and new values, or whose status says it is still to be done
            # ("Missing - please add"), is a request, whatever the lead-in described.
            pending = bool(self.table.status_columns) and mention.mode == "request"
            acts = "action" in self.table.columns and mention.action is not None
            # "| Before | After |" with nothing before: a record to add, whatever the lead-in
            # says the table describes
            sides = "old" in self.table.columns and mention.mode == "request"
            asks = mention.old_value or pending or acts or sides
            if acts and mention.action == "delete":  # "1. Remove": what is there now, to go
                mention = replace(mention, described=True)
            self._add(replace(mention, excerpt=line), mode="request" if asks else None)

    def _ttl_cell(self, cells: list[str], filled: list[str]) -> str:
        """ "| Record to create | TTL |": the row's TTL cell, for a record written whole in
        one cell (as labels or a zone line) that gives none; else the one short number of the
        `filled` cells ("| … | 300 |")."""
        ttl_at = self.table.columns.get("ttl", self.table.ttl_column) if self.table else None
        ttl_cell = cells[ttl_at].strip() if ttl_at is not None and ttl_at < len(cells) else ""
        numbers = [c.strip() for c in filled if c.strip().isdigit() and len(c.strip()) <= 7]
        return ttl_cell or (numbers[0] if len(numbers) == 1 else "")

    def _arrow_pair(self, number: int, line: str) -> bool:
        """`_acme-challenge.x -> TOKEN` under "Please create the following TXT records:"
        (Posh-ACME, hand-written lists): a name and its data, the type from the lead-in."""
        m = _ARROW_PAIR.match(line)
        name, data = (m.group(1).strip("`'\""), m.group(2)) if m else (None, None)
        remark = (m.group(3) or "") if m else ""
        said = _VALUE_FOR_NAME.match(line) if m is None else None
        if said:  # "x.fastly-validations.com — that's for _acme-challenge.gov.uk"
            name, data = said.group(2).rstrip(".,;)"), said.group(1)
        if name is None or data is None or not is_owner_token(name):
            return False
        typed = {t.upper() for t in _REMARK_TYPE.findall(remark)}
        # With no type said before the list, a host under a CA's validation domain is a
        # CNAME's target whatever words follow ("They're all CNAME records").
        rdtype = (typed.pop() if len(typed) == 1 else None) or self.lead_type
        rdtype = rdtype or ("CNAME" if is_validation_host(data.strip("`'\"")) else None)
        ttl_said = _REMARK_TTL.search(remark)
        ttl = int(ttl_said.group(1)) if ttl_said else None
        if rdtype is None:
            return False
        data = data.strip("`'\"")
        if rdtype == "CNAME" and not (is_owner_token(data) and "." in data.rstrip(".")):
            return False
        self._end_prose()
        self._end_block()
        value = f'"{data}"' if rdtype == "TXT" else data
        self._add(Mention(name, rdtype, value, number, ttl=ttl, excerpt=line))
        return True

    def _csv_row(self, number: int, line: str) -> bool:
        """A CSV export ("Domain Name,Record Name,Record Type,Record Value" and its rows), as
        ACM's "Export to CSV" writes it: a header of field names, then rows of as many cells."""
        # A spreadsheet pasted as text is separated by tabs: its empty cells are kept.
        sep = "\t" if line.count("\t") >= 2 else ","
        if line.count(sep) < 2:
            self.csv = None
            return False
        cells = [c.strip().strip('"') for c in line.split(sep)]
        if self.csv is None:
            header = Table()
            if header.read_header(cells):
                self._end_prose()
                self._end_block()
                self.csv = (header, len(cells))
                return True
            return False
        table, width = self.csv
        if len(cells) != width:
            self.csv = None
            return False
        mention = table.read_row(cells, number)
        if mention is not None:
            self._add(replace(mention, excerpt=line), mode=_own_mode(mention))
        return True

    def _aligned_row(self, number: int, line: str) -> bool:
        """Space-aligned columns: a header row of field names, then rows split the same way."""
        cells = aligned_cells(line, 2)
        if cells is None and self.aligned is not None:
            # a row whose long name pushed every column out, one space apart: its words are its
            # cells when there are as many as the header has
            words = line.split()
            cells = words if len(words) == self.aligned.width > 2 else None
        if cells is None:
            return False
        # two columns only under a header of two field names ("Point to   Host name")
        two = len(cells) == 2 and (self.aligned is None or self.aligned.width != 2)
        if two and (self.aligned is not None or not all(header_phrase(c) for c in cells)):
            return False
        if self.aligned is None:
            header = Table()
            if header.read_header(cells):
                self._end_prose()
                self._end_block()
                self.aligned = header
                return True
            return False
        if len(cells) == self.aligned.width - 1:
            cells = _unglued(cells)  # a name as long as its column: one space before the type
        mention = self.aligned.read_row(cells, number)
        if mention is not None:
            # as in a `|` table: a status saying it is still to be done ("Renewal status:
            # Pending validation") asks for it, whatever the lead-in described
            pending = bool(self.aligned.status_columns) and mention.mode == "request"
            mode = _own_mode(mention) or ("request" if pending else None)
            self._add(replace(mention, excerpt=line), mode=mode)
        return True

    def _same_as_above(self, raw: str) -> str:
        """ "Target: identical to the gov.uk one above": the data of the record just read, when
        it is of the type this block names (else the words stay, and are not a value)."""
        if not same_as_above(raw) or not self.mentions:
            return raw
        above = self.mentions[-1]
        rdtype = self.block.fields.get("type", "").upper()
        return above.value if above.value and above.rdtype == rdtype else raw

    def _labels(self, labels: list[tuple[str, str, str]], number: int, line: str) -> None:
        for role, label, raw in labels:
            if role == "value" and raw.strip() == "[":
                self.open_list = (role, label, [])  # Terraform: records = [ ... ] below
                continue
            if raw.strip().startswith("(known after apply)"):
                continue  # Terraform plan: not known yet, says nothing
            if role == "value":
                raw = _one_item(raw)  # "values": ["x.fastly-validations.com"] (Fastly's API)
                raw = self._same_as_above(raw)
            value, remark = _remark(raw)
            if role in ("name", "type", "ttl") and len(value) > 1 and value[0] == value[-1] == '"':
                value = value[1:-1]  # HCL: name = "x"; its quotes are syntax
            if role == "domain" and value.strip("'\"`").startswith("_"):
                role = "name"  # acme.sh: "Domain: '_acme-challenge.example'" is the record's name
            if role == "type" and not is_type_word(value.strip("'\"` ").upper()):
                # Fastly's API: "type": "managed-dns" names the method; "record_type" the type.
                # Each challenge object starts with it: the one before is complete.
                if self.block.fields:
                    self._end_block()
                self.block.method = value.strip("'\"` ").lower()
                continue
            first = _FIRST_WORD.match(value)
            if role == "domain":
                if self.block.has("value"):  # after a whole record, "Domain:" starts the next
                    self._end_block()
                self._set_domain(first.group() if first else "")
            elif role == "zone":
                self.ctx.zone = safe_name(first.group()) if first else None
            elif role == "when" and not self.block.fields and self._hold_removals(raw, True):
                continue  # "Timing: please hold off on the removals until it is issued"
            elif role == "action":
                # "Action: Delete" starts a record's block, unless it closes the one just
                # given ("HOST / TYPE / VALUE", then "ACTION: REMOVE" on the next line)
                # (or a record named by its owner and type only: "Action: delete - only after …")
                closes = (self.block.has("value") or self.block.has("type")) and (
                    self.block.last_line == number - 1
                )
                if self.block.has(role) or (self.block.has("name") and not closes):
                    self._end_block()
                self.block.add(role, label, value, number, line)
            elif role != "other":
                if self.block.has(role) and not _names_its_record(self.block, role, value):
                    self._end_block()
                if role == "name" and remark:
                    self.block.hint = domain_in(remark)
                self.block.add(role, label, value, number, line)
                ttl = prose.ttl_in(remark) if remark else None
                if ttl is not None and not self.block.has("ttl"):  # "(TTL: 1800, ...)"
                    self.block.add("ttl", "ttl", str(ttl), number, line)

    def _list_item(self, number: int, line: str) -> bool:
        """A line of a list a label opened (`records = [` in a Terraform plan): `- "old"`,
        `+ "new"` or `"value"`, until `]`; one new value (and one old) go to the block."""
        assert self.open_list is not None
        role, label, items = self.open_list
        if line.strip().startswith("]"):
            self.open_list = None
            new = [v for sign, v in items if sign != "-"]
            old = [v for sign, v in items if sign == "-"]
            if len(new) == 1:
                self.block.add(role, label, new[0], number, line)
            if len(old) == 1:
                self.block.add("old", label, old[0], number, line)
            return True
        item = _LIST_ITEM.match(line)
        if item is None:
            self.open_list = None  # not a list after all: read the line as usual
            return False
        items.append((item.group(1), item.group(2)))
        return True

    def _end_block(self) -> None:
        block, self.block = self.block, LabelBlock()
        alone, self.heading_delete = self.heading_delete, None
        if alone is not None and set(block.fields) <= {"type"}:
            self._add(alone)  # the item named a record to delete, and nothing followed it
            self.heading_name = self.heading_type = None
            return
        labelled = block.has("name")  # its name a field of its own, not a heading above it
        if block.fields and not block.has("name") and self.heading_name is not None:
            name, number = self.heading_name  # the name stood alone above its fields
            block.fields["name"], block.labels["name"] = name, "name"
            block.line, block.lines = number, [name, *block.lines]
        elif block.has("value") and not block.has("name") and self.prose_before is not None:
            # "pls modify the text record _acme-challenge.x" / "now it have: A" / "put new
            # value: B": the one record the line just above the fields names
            number, said = self.prose_before
            # (or a blank line or two above, under a lead-in: "Please add the following TXT
            # record at gov.uk:" / "" / "Value: …")
            near = number == block.line - 1 or (
                block.line - number <= _LEAD_IN_GAP and said.rstrip().endswith(":")
            )
            named = _one_record_named(said) if near else None
            if named is not None:
                block.fields["name"], block.labels["name"] = named[0], "name"
                if named[1] and not block.has("type"):
                    block.fields["type"], block.labels["type"] = named[1], "type"
                block.line, block.lines = number, [said.strip(), *block.lines]
        if block.fields:
            self.heading_name = self.heading_type = None
        if (
            {"name", "type"} <= set(block.fields)
            and not {"value", "action"} & set(block.fields)
            and self.ctx.action == "delete"
        ):
            # "REMOVE" / "HOST: _globalsign-domain-verification.x" / "TYPE: TXT" (and no value:
            # whatever is there): the lead-in's verb says what to do with the record it names
            block.fields["action"], block.labels["action"] = "delete", "action"
        if set(block.fields) == {"ttl"} and prose.BOTH.search(" ".join(block.lines)):
            self._ttl_for_requests(block.fields["ttl"])  # "TTL=60 on both, please"
            return
        mention = block.to_mention()
        if mention is None and labelled and _names_a_record(block):
            self.flags.append(_unread_block(block))  # said out loud, never dropped unsaid
        if mention is not None:
            hint = block.hint
            mention = replace(mention, origin_hint=hint) if hint else mention
            # Current and new values together ask for an update, whatever the lead-in said; so
            # does a status saying the record is still to be published ("PENDING_VALIDATION"
            # under "Below is the state of each domain name").
            asks = mention.old_value or (block.pending() and mention.mode == "request")
            self._add(mention, mode="request" if asks else None)

    def _ttl_for_requests(self, said: str) -> None:
        """ "TTL=60 on both, please": a TTL said on its own for the records this comment asks
        for, where they gave none (certbot prints each record in a block of its own)."""
        first = said.split()
        ttl = ttl_of(first[0].rstrip(",;")) if first else None
        for i, m in enumerate(self.mentions):
            if ttl is not None and m.mode == "request" and m.ttl is None and m.action != "delete":
                self.mentions[i] = replace(m, ttl=ttl)


_LEAD_IN_GAP = 3  # a lead-in and the fields it introduces: at most two blank lines apart


def _names_a_record(block: LabelBlock) -> bool:
    """Do a block's fields name a record (its owner and a record type) but give no data?"""
    rdtype = block.fields.get("type", "").strip("`'\" ").upper()
    # (a record named in an API's JSON or by a heading alone is no block of labels)
    labelled = len(block.lines) >= 2 and not any(
        line.lstrip().startswith(('"', "{")) for line in block.lines
    )
    return (
        labelled
        and bool(block.fields.get("name"))
        and rdtype in _VALIDATION_TYPES
        and not block.has("value")
        and not block.method
    )


_VALIDATION_TYPES = frozenset(("TXT", "CNAME", "CAA"))


def _unread_block(block: LabelBlock) -> Flag:
    shown = excerpt(" / ".join(block.lines))
    last = block.last_line or block.line
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"Lines {block.line}-{last} name a record but give no data, and nothing says "
        f"what to do with it: {shown!r}. Read that part of the ticket by hand.",
        source=Source(first_line=block.line, last_line=last, excerpt=shown),
    )


def _one_record_named(line: str) -> tuple[str, str | None] | None:
    """(owner, type or None) when a line names one validation owner ("_acme-challenge.x")
    and at most one record type ("text record" is TXT)."""
    words = [w.strip("`'\",;:()") for w in line.split()]
    owners = {w for w in words if w.startswith("_") and is_owner_token(w) and "." in w}
    said = " ".join(words).upper().replace("TEXT RECORD", "TXT")
    types = {w for w in said.split() if w in ("TXT", "CNAME")}
    if not owners and len(types) == 1:
        # "Please add the following TXT record at gov.uk:": the one host after "at"/"to"/"on"
        owners = {
            w.lower()
            for before, w in itertools.pairwise(words)
            if before.lower() in ("at", "to", "on", "for") and is_owner_token(w) and "." in w
        }
    if len(owners) != 1 or len(types) > 1:
        return None
    return owners.pop(), (types.pop() if types else None)


def _names_its_record(block: LabelBlock, role: str, value: str) -> bool:
    """ACM's "Domain name: x" / "Validation status: …" / "CNAME name: _h.x" / "CNAME value":
    the record's name after the domain's, in one block (the status is the record's)."""
    if role != "name" or block.has("value"):
        return False
    said = block.fields["name"].strip("`'\" ")
    return not said.startswith("_") and value.strip("`'\" ").startswith("_")


# What a row's note says of the record in it: in place already, or not for now.
_IN_PLACE = re.compile(
    r"\b(?:already|in[ ]place|verified|verifying|validated|published|fine[ ]as[ ]is|no[ ]action)\b",
    re.I,
)
# A status cell saying the record is not there: "Pending – record not found", "Missing",
# "NXDOMAIN", "not published" (never "not needed": `_NOT_NOW`, read first)
_MISSING = re.compile(
    r"\b(?:(?:record[ ]|CNAME[ ]|TXT[ ])?not[ ](?:yet[ ])?(?:found|published|present|visible|"
    r"there|in[ ]DNS)|missing|NXDOMAIN|no[ ]record(?:[ ]found)?)\b",
    re.I,
)
_NOT_NOW = re.compile(
    r"\b(?:can[ ]wait|nothing[ ](?:to[ ]do|needed)|(?:next|later[ ]this)[ ](?:week|month)|"
    r"separate[ ]ticket|not[ ](?:yet|now))\b",
    re.I,
)


_GLUED = re.compile(r"^(\S+) (CNAME|TXT|CAA|AAAA|A)$", re.I)


def _unglued(cells: list[str]) -> list[str]:
    """ "_acme-challenge.draft-origin.publishing.service.gov.uk CNAME" in one cell of a
    space-aligned row: the name filled its column, so one space stood before the type."""
    for i, cell in enumerate(cells):
        m = _GLUED.match(cell)
        if m:
            return [*cells[:i], m.group(1), m.group(2), *cells[i + 1 :]]
    return cells


def _row_note(notes: str) -> Mode | None:
    """The mode a row's note cell gives its record: a request verb wins ("Please add"); then
    "already in place, no action needed" (observed) or "can wait until next month" (aside)."""
    if actions.action_cue(notes) is not None and not cues.is_negated(notes):
        return "request"
    if _NOT_NOW.search(notes):
        return "noted"
    if _IN_PLACE.search(notes):
        return "observed"
    return None


_FROM_TO_LINE = re.compile(
    r"^[ \t]*(from|to|old|new|was|now|currently|current|existing|swap[ ]to|change[ ]to|"
    r"replace[ ]with|becomes|should[ ]be)[ \t]*:[ \t]*(\S+)[ \t]*$",
    re.I,
)
_OLD_WORDS = frozenset(("from", "old", "was", "currently", "current", "existing"))


def from_to(line: str) -> list[tuple[str, str, str]] | None:
    """ "from: x" / "to: y", "currently: x" / "swap to: y" as the current and new value of the
    record named above."""
    m = _FROM_TO_LINE.match(line)
    if not m:
        return None
    word = " ".join(m.group(1).lower().split())
    role = "old" if word in _OLD_WORDS else "value"
    return [(role, word, m.group(2))]


def _remark(value: str) -> tuple[str, str]:
    """A label's value without remarks in brackets, and the remarks ("(zone www.gov.uk)")."""
    remarks = [m.group(1) or m.group(2) or "" for m in _BRACKETED.finditer(value)]
    return _BRACKETED.sub(" ", value).strip(), " ".join(remarks)


def _one_item(value: str) -> str:
    """A JSON list of one string (`["x"]`) as that string; anything else as it is."""
    inner = value.strip().rstrip(",")
    if inner.startswith("[") and inner.endswith("]") and inner.count(",") == 0:
        return inner[1:-1].strip().strip("\"'")
    return value


def _own_mode(mention: Mention) -> Mode | None:
    """A table row with an action or status cell of its own is meant as it says, whatever a
    lead-in above the table said ("Out of scope -> ignore" in a legend is no negation)."""
    return mention.mode if mention.action is not None or mention.mode != "request" else None
