"""One comment's text to record mentions: walks the lines and keeps the context they need.

Context is what a careful reader carries from line to line: the zone ($ORIGIN, "Zone:"), the
domain being validated, the default TTL, the action the prose asked for, and the *mode* of the
records that follow - requested, described as already published (a dig paste, "we currently
see"), or explicitly not wanted ("please do not add"). Structured lines (zone-file lines, tables,
label blocks) are read at once; prose is read a paragraph at a time. A failure while reading a
block never stops the rest: it becomes an `unparsed_record` flag for that block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from bot.models import Action, Flag, Observed, Source
from bot.reading import actions, cues, prose
from bot.reading.labels import LabelBlock, header_phrase, read_labels
from bot.reading.mentions import (
    Mention,
    Mode,
    excerpt,
    is_owner_token,
    is_type_word,
    read_zone_line,
    strip_list_marker,
)
from bot.reading.references import References, unread_request
from bot.reading.spread import SpreadRecords
from bot.reading.tables import Table, aligned_cells, table_cells
from bot.records import RecordError, to_name

MAX_LINE = 4000  # longer lines are read only this far: no record is that long

_DIRECTIVE = re.compile(r"^\s*\$(ORIGIN|TTL)\s+(\S+)", re.I)
_FIRST_WORD = re.compile(r"[^\s,;()]+")
# JSON/HCL punctuation lines: `{`, `},`, `"ResourceRecord": {`.
_STRUCTURAL = re.compile(r"""^[ ]*(?:["'][\w ]{1,40}["'][ ]?[:=][ ]?)?[\[\]{}(),]*[ ]*$""")
_INLINE_DIG = re.compile(
    r"\bdig[ ]+(?:[+@]\S+[ ]+)*(?:(CNAME|TXT|CAA)[ ]+(\S+\.\S+)|(\S+\.\S+)[ ]+(CNAME|TXT|CAA))",
    re.I,
)
_LISTING = re.compile(r"\b(TXT|CAA)\s+(?:records?|entries|values?)\s*:?\s*$", re.I)
_BRACKETED = re.compile(r"\(([^()]{0,200})\)|\[([^\[\]]{0,200})\]")


@dataclass
class _Context:
    zone: str | None = None
    ttl: int | None = None
    domain: str | None = None
    action: Action | None = None
    after_issuance: bool = False
    mode: Mode = "request"
    zone_said: str | None = None  # "in the gov.uk zone": a hint, weaker than $ORIGIN


@dataclass
class Walker(SpreadRecords, References):
    """Feeds lines one at a time; collects mentions, domains and per-block failures."""

    ctx: _Context = field(default_factory=_Context)
    mentions: list[Mention] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    table: Table | None = None
    aligned: Table | None = None
    csv: tuple[Table, int] | None = None  # a CSV header read, and its number of cells
    lead_type: str | None = None  # the one type a lead-in line named ("these TXT records:")
    block: LabelBlock = field(default_factory=LabelBlock)
    paragraph: list[tuple[int, str]] = field(default_factory=list)
    dig: tuple[str | None, str | None] | None = None  # in a dig paste: (name, type) asked
    recent: list[int] = field(default_factory=list)  # mentions of the last structured block
    after_prose: bool = True  # the next structured line starts a new block
    loose: dict[str, str] = field(default_factory=dict)  # a record spread over bare lines
    lead_ttl: int | None = None  # "please give it a TTL of 300" before the record
    last_owner: str | None = None  # the last validation name a sentence named ("the record")
    heading_name: tuple[str, int] | None = None  # a validation name alone on a (list) line
    heading_type: str | None = None  # and its type beside it ("_acme-challenge.www  CNAME")
    open_label: tuple[str, str] | None = None  # a label whose value is on the next line
    earlier_types: frozenset[str] = frozenset()  # types read from earlier vendor comments
    # Records earlier comments (ours included) showed as published: "delete that TXT record".
    earlier_observed: tuple[Observed, ...] = ()
    listing: tuple[str, str] | None = None  # a lead-in named the owner and type of bare lines
    pending: list[tuple[int, str, str]] = field(default_factory=list)  # requests, no record yet

    def feed(self, number: int, line: str) -> None:
        line = line[:MAX_LINE]
        try:
            self._feed(number, line)
        except Exception as exc:  # one unreadable line never stops the rest of the ticket
            self.flags.append(failed_block(number, number, line, exc))

    def finish(self) -> None:
        for end in (self._end_prose, self._end_block):
            try:
                end()
            except Exception as exc:
                self.flags.append(failed_block(0, 0, "", exc))
        self.flags += [unread_request(*p) for p in self.pending]

    def _feed(self, number: int, line: str) -> None:
        if not line or line.isspace():  # a blank line: the common case, kept cheap
            if self.dig is None:
                self.aligned = self.csv = None
                self._end_prose()
            return
        if _STRUCTURAL.match(line):
            return  # JSON/HCL punctuation (`{`, `},`, `"ResourceRecord": {`): no text to read
        if self._directive(line) or self._dig_line(number, line):
            return
        cells = table_cells(line)
        if cells is not None:
            self._end_prose()
            self._row(cells, number, line)
            return
        if line.strip():
            self.table = None  # a table ends at text; a blank line between rows does not end it
        if self._csv_row(number, line) or self._aligned_row(number, line):
            return
        zone_line = read_zone_line(line, number)
        if zone_line is not None:
            self._end_prose()
            self._end_block()
            # "Please do not add gov.uk. TXT "…" that we sent; instead add:" - the words before
            # the record say how it is meant, whatever the lead-in at the end of the line says.
            before = line[: max(line.find(zone_line.name), 0)]
            negated = before.strip() and cues.mode_of(before, lead_in=False) == "negated"
            self._add(zone_line, mode="negated" if negated else None)
            return
        if self._arrow_pair(number, line):
            return
        labels = read_labels(line)
        if labels is None and self.heading_type is not None:
            labels = _from_to(line)  # "from: x" / "to: y" under "_acme-challenge.www  CNAME"
        if labels is None and self.open_label is not None:
            role, label = self.open_label  # "Record Value:" on one line, the value on the next
            labels = [(role, label, line.strip())]
        self.open_label = None
        if labels is not None:
            self._end_prose()
            if len(labels) == 1 and not labels[0][2]:
                self.open_label = (labels[0][0], labels[0][1])  # its value comes next
            else:
                self._labels(labels, number, line)
            return
        if line.strip() and self._bare_line(number, line):
            return
        if self._listed(number, line):
            return
        heading = strip_list_marker(line).split()
        typed = len(heading) == 2 and is_type_word(heading[1].rstrip(":"))
        if (
            (len(heading) == 1 or typed)
            and heading[0].startswith("_")
            and is_owner_token(heading[0])
        ):
            self._end_prose()
            self._end_block()
            self.heading_name = (heading[0].rstrip(":"), number)  # "1. _dnsauth.hmrc.gov.uk"
            if typed:  # "_acme-challenge.www.gov.uk   CNAME", its values on the lines below
                self.heading_type = heading[1].rstrip(":").upper()
                self.block.add("type", "type", self.heading_type, number, line)
            return
        if line.strip():
            self._end_block()
            self._context_from(line, number)
            self.paragraph.append((number, line))
            if len(line.split()) > 3:  # a heading ("1) assets.example", "For gov.uk:") is no break
                self.after_prose = True
        else:
            self.aligned = None
            self._end_prose()

    def _add(self, mention: Mention, mode: Mode | None = None, structured: bool = True) -> None:
        ctx = self.ctx
        if structured:
            if self.after_prose:
                self.recent, self.after_prose = [], False
            self.recent.append(len(self.mentions))
            if mention.ttl is None and self.lead_ttl is not None:
                mention = replace(mention, ttl=self.lead_ttl)
        self.mentions.append(
            replace(
                mention,
                action=mention.action or ctx.action,
                after_issuance=mention.after_issuance or ctx.after_issuance,
                ttl=mention.ttl if mention.ttl is not None else ctx.ttl,
                zone=mention.zone or ctx.zone,
                zone_said=ctx.zone_said,
                domain=mention.origin_hint or ctx.domain,
                mode=mode or (mention.mode if mention.mode != "request" else ctx.mode),
                excerpt=mention.excerpt.strip(),
            )
        )
        self._answered(self.mentions[-1])
        if mention.described and mention.value is not None:
            self.mentions.append(replace(self.mentions[-1], mode="observed", described=False))

    def _directive(self, line: str) -> bool:
        m = _DIRECTIVE.match(line)
        if not m:
            return False
        if m.group(1).upper() == "ORIGIN":
            self.ctx.zone = safe_name(m.group(2))
        else:
            self.ctx.ttl = (
                int(m.group(2)) if m.group(2).isascii() and m.group(2).isdigit() else None
            )
        return True

    def _row(self, cells: list[str], number: int, line: str) -> None:
        filled = [c for c in cells if c.strip()]
        # "| Time to live (TTL) | 3600 |": the label without its parenthesis.
        label = _PAREN.sub("", filled[0]) if len(filled) == 2 else ""
        # ... unless both cells are field names: the header of a two-column table.
        two = len(filled) == 2 and header_phrase(filled[1]) is None
        labels = read_labels(f"{label}: {filled[1]}") if two else None
        if labels is not None and len(labels) == 1:  # a two-column table: | Name | x |
            self._labels(labels, number, line)
            return
        self._end_block()
        # "| gov.uk | Type: CNAME Name: _acme-challenge.gov.uk Value: x |": a whole record
        # written as labels inside one cell (an Outlook table with <br> between the fields).
        labelled = [
            found
            for c in filled
            if (found := read_labels(c)) and {"value", "name"} <= {r for r, _, _ in found}
        ]
        if labelled:
            for found in labelled:
                self._labels(found, number, line)
                self._end_block()
            return
        if self.table is None:
            self.table = Table()
            if self.table.read_header(cells):
                return
        mention = self.table.read_row(cells, number)
        if mention is not None:
            # A row with old and new values is a request, whatever the lead-in described.
            self._add(replace(mention, excerpt=line), mode="request" if mention.old_value else None)

    def _arrow_pair(self, number: int, line: str) -> bool:
        """`_acme-challenge.x -> TOKEN` under "Please create the following TXT records:"
        (Posh-ACME, hand-written lists): a name and its data, the type from the lead-in."""
        m = _ARROW_PAIR.match(line)
        if m is None or self.lead_type is None or not is_owner_token(m.group(1)):
            return False
        rdtype, data = self.lead_type, m.group(2).strip("`'\"")
        if rdtype == "CNAME" and not (is_owner_token(data) and "." in data.rstrip(".")):
            return False
        self._end_prose()
        self._end_block()
        value = f'"{data}"' if rdtype == "TXT" else data
        self._add(Mention(m.group(1).strip("`'\""), rdtype, value, number, excerpt=line))
        return True

    def _csv_row(self, number: int, line: str) -> bool:
        """A CSV export ("Domain Name,Record Name,Record Type,Record Value" and its rows), as
        ACM's "Export to CSV" writes it: a header of field names, then rows of as many cells."""
        if line.count(",") < 2:
            self.csv = None
            return False
        cells = [c.strip().strip('"') for c in line.split(",")]
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
            self._add(replace(mention, excerpt=line))
        return True

    def _aligned_row(self, number: int, line: str) -> bool:
        """Space-aligned columns: a header row of field names, then rows split the same way."""
        cells = aligned_cells(line)
        if cells is None:
            return False
        if self.aligned is None:
            header = Table()
            if header.read_header(cells):
                self._end_prose()
                self._end_block()
                self.aligned = header
                return True
            return False
        mention = self.aligned.read_row(cells, number)
        if mention is not None:
            self._add(replace(mention, excerpt=line))
        return True

    def _labels(self, labels: list[tuple[str, str, str]], number: int, line: str) -> None:
        for role, label, raw in labels:
            value, remark = _remark(raw)
            if role == "domain" and value.strip("'\"`").startswith("_"):
                role = "name"  # acme.sh: "Domain: '_acme-challenge.example'" is the record's name
            first = _FIRST_WORD.match(value)
            if role == "domain":
                self._set_domain(first.group() if first else "")
            elif role == "zone":
                self.ctx.zone = safe_name(first.group()) if first else None
            elif role == "action":
                if self.block.has(role) or self.block.has("name"):
                    self._end_block()
                self.block.add(role, label, value, number, line)
            elif role != "other":
                if self.block.has(role):
                    self._end_block()
                if role == "name" and remark:
                    self.block.hint = _domain_in(remark)
                self.block.add(role, label, value, number, line)
                ttl = prose.ttl_in(remark) if remark else None
                if ttl is not None and not self.block.has("ttl"):  # "(TTL: 1800, ...)"
                    self.block.add("ttl", "ttl", str(ttl), number, line)

    def _end_block(self) -> None:
        block, self.block = self.block, LabelBlock()
        if block.fields and not block.has("name") and self.heading_name is not None:
            name, number = self.heading_name  # the name stood alone above its fields
            block.fields["name"], block.labels["name"] = name, "name"
            block.line, block.lines = number, [name, *block.lines]
        if block.fields:
            self.heading_name = self.heading_type = None
        mention = block.to_mention()
        if mention is not None:
            hint = block.hint
            mention = replace(mention, origin_hint=hint) if hint else mention
            # Current and new values together ask for an update, whatever the lead-in said.
            self._add(mention, mode="request" if mention.old_value else None)

    def _context_from(self, line: str, number: int) -> None:
        if any(c.isalpha() for c in line):  # a rule of dashes keeps the lead-in's type
            typed = {w.strip(",;:()").upper() for w in line.split()} & {"TXT", "CNAME"}
            lead = line.rstrip().endswith(":") and len(typed) == 1
            self.lead_type = typed.pop() if lead else None
        intro = cues.introduces(line)
        if intro:
            words = line.replace(",", " ").split()
            rdtype = next((w.upper() for w in words if is_type_word(w)), None)
            if rdtype and rdtype != self.loose.get("type"):
                self.loose = {"type": rdtype}
            self.loose["expect"] = intro
            named = [w.strip("`'\",;:()") for w in words if w.startswith(("_", "`_", "'_", '"_'))]
            if intro == "value" and named and is_owner_token(named[0]):
                self.loose["name"] = named[0]  # "update the _acme-challenge CNAME ... to:"
                self.loose["first"] = str(number)
                self.loose["excerpt"] = " ".join(line.split())
                self.loose["said"] = "yes"  # the excerpt is the sentence that names it
        mode = cues.mode_of(line)
        action = actions.action_cue(line)
        words = [w.strip(",;:()`'\"") for w in line.split()]
        # A line holding a record (a type word and a name), not prose that names a type.
        record_line = any(is_type_word(w) for w in words) and any(
            is_owner_token(w) and "." in w.rstrip(".") for w in words
        )
        heading = len(line.split()) <= 3  # "1) assets.example", "For gov.uk:"
        if not self.paragraph and not record_line and not heading:  # lists keep their lead-in
            self.lead_ttl = None
            if mode is None:
                self.ctx.mode = "request"  # a new paragraph that says nothing: back to requests
            if action is None:  # nor does an earlier paragraph's verb reach past this one
                self.ctx.action, self.ctx.after_issuance = None, False
        if mode is not None:
            self.ctx.mode = mode
        if action is not None:
            self.ctx.action = action
            self.ctx.after_issuance = bool(actions.AFTER_ISSUANCE.search(line))
        for name in cues.domains_named(line):
            self._set_domain(name)
        listed = _LISTING.search(line)
        if listed and not _INLINE_DIG.search(line):  # "gov.uk currently has these TXT records:"
            names = [w.strip("`'\",;:()") for w in line[: listed.start()].split()]
            owners = [n for n in names if is_owner_token(n) and "." in n.rstrip(".")]
            if owners:
                self.listing = (owners[-1], listed.group(1).upper())
        inline = _INLINE_DIG.search(line)
        if inline:  # "(from `dig +short CAA hmrc.gov.uk`):" - the lines below are its answer
            rdtype = (inline.group(1) or inline.group(4)).upper()
            self.dig = ((inline.group(2) or inline.group(3)).strip("`'\"(),:"), rdtype)
        zone = cues.zone_named(line)
        if zone:
            self.ctx.zone_said = safe_name(zone)

    def _set_domain(self, text: str) -> None:
        name = safe_name(text.strip("`'\".,;:()"))
        if name and not name.startswith("_") and not name.startswith("*"):
            self.ctx.domain = name
            self.domains.append(name)

    def _end_prose(self) -> None:
        if not self.paragraph:
            return
        lines, self.paragraph = self.paragraph, []
        first, last = lines[0][0], lines[-1][0]
        try:
            self._read_paragraph(lines)
        except Exception as exc:
            text = " ".join(line.strip() for _, line in lines)
            self.flags.append(failed_block(first, last, text, exc))

    def _read_paragraph(self, lines: list[tuple[int, str]]) -> None:
        text = "\n".join(line for _, line in lines)
        starts = [0]
        for _, line in lines[:-1]:
            starts.append(starts[-1] + len(line) + 1)
        last_owner: str | None = None
        mention = None
        offset = 0
        previous = ""
        for sentence in prose.split_sentences(text):
            at = text.find(sentence, offset)
            offset = at + len(sentence) if at >= 0 else offset
            first = _line_at(lines, starts, max(at, 0))
            last = _line_at(lines, starts, max(at, 0) + max(len(sentence) - 1, 0))
            mode = cues.mode_of(sentence, lead_in=False)
            read_here = False
            for clause in prose.split_clauses(sentence):
                mention = prose.read_sentence(clause, first, last_owner, self.last_owner)
                if (
                    mention is not None
                    and mention.value is None
                    and sentence.rstrip().endswith(":")
                ):
                    mention = None  # "the old TXT on gov.uk can now be deleted:" leads in
                if mention is not None:
                    read_here = True
                    excerpt = " ".join(sentence.split())
                    # "do not add the TXT …; instead add a CNAME …": a negation just before a
                    # record speaks for it, whatever the sentence goes on to ask.
                    start = max(at, 0) + max(sentence.find(clause), 0)
                    where = clause.find(mention.name)
                    end = start + (where if where > 0 else len(clause))
                    near = cues.mode_of(text[max(0, end - _NEAR) : end], lead_in=False)
                    own = near if near == "negated" else None
                    self._add(
                        replace(mention, last_line=last, excerpt=excerpt),
                        mode=own or mode or mention.mode,
                        structured=False,
                    )
            if not read_here:
                read_here = self._replace_pair(sentence, first, last)
            self._note_request(sentence, first, typed=not read_here)
            if not read_here and self.recent and cues.refers_back(sentence):
                self._refer_back(sentence, first, last, previous)
            elif not read_here and not self.recent and self.earlier_observed:
                self._refer_to_earlier(sentence, first, last)
            owners = [w.strip("`'\",;:()") for w in sentence.split()]
            underscored = [w for w in owners if w.startswith("_") and is_owner_token(w)]
            last_owner = underscored[-1] if underscored else last_owner
            self.last_owner = last_owner
            previous = sentence
        if mention is not None:
            # The paragraph ended with a whole request: its action does not reach further.
            self.ctx.action, self.ctx.after_issuance = None, False
        elif not any(m.line >= lines[0][0] for m in self.mentions[-1:]):
            said = " ".join(text.split())
            ttl = prose.ttl_in(said)
            self.lead_ttl = ttl  # "give it a TTL of 300:"
            if ttl is not None and self.recent and prose.BOTH.search(said):
                # "keep the TTL short on both, 120 seconds": for the records just shown.
                for i in self.recent:
                    if i < len(self.mentions) and self.mentions[i].ttl is None:
                        self.mentions[i] = replace(self.mentions[i], ttl=ttl)


_FROM_TO_LINE = re.compile(
    r"^[ \t]*(from|to|old|new|was|now|currently)[ \t]*:[ \t]*(\S+)[ \t]*$", re.I
)


def _from_to(line: str) -> list[tuple[str, str, str]] | None:
    """ "from: x" / "to: y" as the current and new value of the record named above."""
    m = _FROM_TO_LINE.match(line)
    if not m:
        return None
    word = m.group(1).lower()
    role = "old" if word in ("from", "old", "was", "currently") else "value"
    return [(role, word, m.group(2))]


_ARROW_PAIR = re.compile(r"^[ \t]*(\S{3,253})[ \t]*(?:->|=>|\u2192)[ \t]*(\S{1,300})[ \t]*$")
_PAREN = re.compile(r"[ ]?\([^()]{0,40}\)")
_NEAR = 400  # characters before a record in which its cue is looked for (bounded: linear)


def _line_at(lines: list[tuple[int, str]], starts: list[int], pos: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= pos:
            index = i
    return lines[index][0]


def _remark(value: str) -> tuple[str, str]:
    """A label's value without remarks in brackets, and the remarks ("(zone www.gov.uk)")."""
    remarks = [m.group(1) or m.group(2) or "" for m in _BRACKETED.finditer(value)]
    return _BRACKETED.sub(" ", value).strip(), " ".join(remarks)


def _domain_in(remark: str) -> str | None:
    for word in remark.replace(",", " ").split():
        word = word.strip("`'\".;:")
        if "." in word and not word.startswith("_") and is_owner_token(word):
            return word
    return None


def safe_name(text: str) -> str | None:
    try:
        return to_name(text) if text else None
    except RecordError:
        return None


def failed_block(first: int, last: int, text: str, exc: Exception) -> Flag:
    where = f"Line {first}" if first == last else f"Lines {first}-{last}"
    shown = excerpt(text)
    return Flag(
        code="unparsed_record",
        severity="warn",
        message=f"{where}: cert-ticket could not read this part of the ticket "
        f"({type(exc).__name__}): {shown!r}. Read it by hand.",
        source=Source(first_line=first, last_line=last, excerpt=shown),
    )
