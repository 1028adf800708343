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

from bot.models import Action, Flag, Observed
from bot.reading import actions, cues, desired, durations, overrides, prose
from bot.reading.candidates import candidates, is_validation_host
from bot.reading.fieldnames import keeps
from bot.reading.labels import LabelBlock, read_labels
from bot.reading.mentions import (
    Mention,
    Mode,
    clean_data,
    comment_at,
    data_shaped,
    failed_block,
    is_owner_token,
    is_type_word,
    read_zone_line,
    safe_name,
    strip_list_marker,
    trailing_remark,
    unparsed,
    whole_values,
)
from bot.reading.paragraphs import Paragraphs, Unread
from bot.reading.references import ANY_DELETE, References, unread_request
from bot.reading.rows import Rows, from_to
from bot.reading.spread import SpreadRecords
from bot.reading.tables import Table, table_cells
from bot.reading.tokens import type_by_shape
from bot.records import RecordError, to_value

# "(currently x.fastly-validations.com)", "(was: x)", "(current value: "abc")" alone on a line
_CURRENTLY_ONLY = re.compile(
    r"^[ \t]*\([ \t]*(?:currently|current(?:[ \t]+value)?|was|now|today)[ \t]*:?[ \t]+"
    r"([^\s()]{3,300})[ \t]*\)[ \t]*$",
    re.I,
)
MAX_LINE = 4000  # longer lines are read only this far: no record is that long
_ITEM_REACH = 12  # lines of a paragraph looked at for the list item it is in

_PUBLISHED_NOTE = re.compile(
    r"\b(?:published|exists|existing|live|in\s+place|currently|already\s+there)\b", re.I
)
_KEEP_NOTE = re.compile(
    r"\b(?:leave|keep|retain)\b[^;]{0,20}?\b(?:as\s+it\s+is|as\s+is|in\s+place|alone)\b"
    r"|\bno\s+change\b|\bunchanged\b",
    re.I,
)
_RESTATED_NOTE = re.compile(
    r"\b(?:unchanged|same|as)\s+(?:from|in|since)\s+(?:\S+\s+){0,3}?"
    r"(?:message|e-?mail|mail|request|comment|ticket|note|post|update)s?\b",
    re.I,
)
MAX_NOTE = 600  # characters of a zone-file comment block kept as the note of a record


# "the existing CNAME record", "the current TXT": a record the sentence says is there now
_EXISTING = re.compile(r"\b(?:existing|current)\b", re.I)


# Tokens whose length is fixed: GlobalSign's verification string (42 characters after "="), an
# ACME dns-01 digest (43 base64url characters)
_FULL_TOKEN = re.compile(
    r"[\"']?(?:globalsign-domain-verification=[A-Za-z0-9_-]{42}|[A-Za-z0-9_-]{43})[\"']?"
)


# The two pieces of a token a mail broke under itself: a verification string or a long random
# token, then more of the same characters (never a host, never words)
_TOKEN_HEAD = re.compile(r"(?:^|=)[A-Za-z0-9_-]{16,}$")
_TOKEN_TAIL = re.compile(r"[A-Za-z0-9_-]{4,80}")
_MIXED = re.compile(r"(?=[^\d\n]{0,80}\d)(?=[^a-zA-Z\n]{0,80}[a-zA-Z])[A-Za-z0-9_-]{8,}")


_SUBJECT_LINE = re.compile(r"^[ \t]*subject[ \t]*:", re.I)
# A type word and the record's data, with no name: "CAA 0 issue comodoca.com", "TXT "x=y"";
# or CAA data alone ("0 issuewild comodoca.com"), whose shape says its type
_TYPED_DATA = re.compile(
    r"^(?:(CAA|TXT|CNAME)[ \t]+(\S[^\n]{0,500})|"
    r"(\d{1,3}[ \t]+(?:issue|issuewild|iodef)[ \t]+\S[^\n]{0,500}))$",
    re.I,
)


def _same_data(rdtype: str, shown: str, said: str) -> bool:
    """Is `said` the data `shown`, however quoted (a CAA value written without its quotes)?"""
    try:
        shown, said = to_value(rdtype, shown), to_value(rdtype, said)
    except RecordError:
        return False
    # (a TXT token is case-sensitive; names and CAA tags are not)
    return shown == said if rdtype == "TXT" else shown.lower() == said.lower()


def _trailing_comment(line: str) -> str | None:
    """The comment after a zone-file record (`; NEW`), outside any quoted string."""
    at = comment_at(line)
    return (line[at:].lstrip("; \t").strip()[:MAX_NOTE] or None) if at is not None else None


_ZONE_COMMENT = re.compile(r"^[ \t]*;+[ \t]*(\S.{0,300})$")
# A zone-file comment framed as a heading: "---- remove (stale) ----", "=== ADD ==="
# A zone-file comment of a word or two that heads the lines below it: "; keep", "; remove"
_RUN_NOTE = re.compile(
    r"^[ \t]*(?:keep|remove|delete|add|new|existing|unchanged|leave|no[ \t]+change|"
    r"(?:to[ \t]+)?(?:add|remove|delete|keep))[ \t]*[:.!]?[ \t]*$",
    re.I,
)
_ZONE_HEADING = re.compile(r"^[-=*#]{2,}[ \t]*([^-=*#\n]{1,80}?)[ \t]*[-=*#]{2,}[ \t]*$")
_HOST_SAYS = re.compile(r"^[ \t]*(\S{1,253}) has (CAA|TXT|caa|txt) record (\S.{0,500})$")
# `nslookup` answers: "x	text = "token"", "x	canonical name = y." - what is published.
_NSLOOKUP_SAYS = re.compile(
    r"^[ \t]*(\S{1,253})[ \t]{1,8}(text|canonical name)[ \t]{0,3}=[ \t]{0,3}(\S.{0,500})$"
)
# "old: _acme-challenge.www.gov.uk CNAME X" / "new: … CNAME Y": the two sides of an update
_SIDE = re.compile(
    r"^[ \t]*(old|current|existing|before|was|from|new|replacement|after|to|now)[ \t]*[:=][ \t]*",
    re.I,
)
_OLD_SIDES = frozenset(("old", "current", "existing", "before", "was", "from"))
# "from:" / "to:" beginning a line, the data after it or on the next (of the record the prose
# just above names)
_FROM_TO_ALONE = re.compile(
    r"^[ \t]*(from|to|old|new|was|now|current|existing|before|after|change[ ]to|replace[ ]with)"
    r"[ \t]*:[ \t]*(\S+)?[ \t]*$",
    re.I,
)
_RECORD_TYPES = frozenset(("TXT", "CNAME", "CAA"))
_OPEN_TXT = re.compile(r"\bTXT[ \t]+\"[A-Za-z0-9_=+/-]{8,}$", re.I)
# a config block's TTL field: `ttl = 3600` (Terraform), `ttl: 3600` (YAML), `"TTL": 3600` (JSON)
_FIELD_TTL = re.compile(r"\bttl\b[\"']?[ \t]{0,8}[:=][ \t]{0,8}(\d{1,10})\b", re.I)
# (never "Route 53": a DNS service's name)
_TTL_NUMBERS = re.compile(r"(?<![\w.])(?<!Route )(?<!route )(\d{2,6})(?![\w.])")


def _open_quote(number: int, line: str) -> Flag:
    """A TXT value whose quote does not close on its line, nor on the next: it may be cut."""
    why = "the quoted TXT value does not end on its line, so it may be cut short"
    return unparsed(number, number, line, why)


def _ttl_key(m: Mention) -> tuple[str, str, int]:
    return (m.name.lower().rstrip("."), m.rdtype.upper(), m.ttl or 0)


def _written_ttl(m: Mention) -> bool:
    """Was the mention's TTL written on its record: the TTL of a zone-file line, or a config
    block's `ttl = 3600` / `ttl: 3600` field?"""
    if m.ttl is None:
        return False
    line = read_zone_line(m.excerpt, 0)
    if line is not None:
        return line.ttl == m.ttl
    field = _FIELD_TTL.search(m.excerpt)
    return field is not None and int(field.group(1)) == m.ttl


# Windows nslookup: "hmrc.gov.uk     text =", a blank line, then the string indented
_NSLOOKUP_OPEN = re.compile(r"^[ \t]*(\S{1,253})[ \t]{1,8}text[ \t]{0,3}=[ \t]*$")
_NSLOOKUP_DATA = re.compile(r'^[ \t]+("[^"\n]{0,500}")[ \t]*$')
_DIRECTIVE = re.compile(r"^\s*\$(ORIGIN|TTL)\s+(\S+)", re.I)
# JSON/HCL punctuation lines: `{`, `},`, `"ResourceRecord": {`.
# "the GlobalSign verification TXT at the apex of x.gov.uk: V" (the name, then its data)
_APEX_OF = re.compile(
    r"\b(at|on)[ ]+the[ ]+(?:zone[ ]+)?(?:apex|root)[ ]+of[ ]+(?=[a-z0-9][a-z0-9.-]{1,250}:[ ]+\S)",
    re.I,
)
# `"values": [` (Fastly's API), `records = [` (Terraform): a list of record data follows.
_OPENS_VALUES = re.compile(
    r"""^[ ]*["']?(?:values|records|rrdatas)["']?[ ]?[:=][ ]?\[[ ]*$""", re.I
)
# A footnote mark after a word of a record's line ("REMOVE*", "Delete†"), and the footnote
# that says what it means ("* = please hold off …", "(*) only after …", "† after issuance")
_MARK = re.compile(r"(?<=\w)([*\u2020\u2021])(?=[ \t]|$)")
_FOOTNOTE = re.compile(r"^[ \t]*\(?([*\u2020\u2021])\)?[ \t]*[=:-]?[ \t]*(\S.{0,300})")
MAX_MARKED = 2000  # characters of a record's line searched for a mark

# "    ^ validated on 14 March, record already in place, nothing to do": a note on the line
# above; what it says of that record
_CARET_NOTE = re.compile(r"^[ \t]*[\^\u2191]+[ \t]*([^\s^].{0,300})$")
_DONE_NOTE = re.compile(
    r"\b(?:already[ \t]+(?:in[ \t]+place|there|published|live|added|done|valid(?:ated)?)|"
    r"nothing[ \t]+(?:to[ \t]+do|needed)|no[ \t]+(?:action|change)[ \t]+(?:is[ \t]+)?needed)\b",
    re.I,
)
# A line that is only bold text: a Markdown heading ("**Now**", "**After issuance**")
_BOLD_HEADING = re.compile(r"^[ \t]*\*\*[^*\n]{1,100}\*\*[ \t:]*$")
# A checklist item ticked as done: "[x] …", "- [X] …", "✓ …", "☑ …"
_TICKED = re.compile(
    r"^[ \t]*(?:[-*][ \t]+)?(?:\[[xX\u2713\u2714]\]|[\u2611\u2705\u2713\u2714])[ \t]"
)
_CHECK_ITEM = re.compile(r"^[ \t]*(?:[-*+][ \t]+)?(?:~~)?\[[ xX\u2713\u2714]\]")  # "- [ ] …"
# A name alone with its validation status in brackets: the status of the block below it
_STATUS_HEADING = re.compile(
    r"^[ \t]*[A-Za-z0-9*][A-Za-z0-9_.-]{0,252}\.[A-Za-z]{2,63}\.?[ \t]+"
    r"\((valid|validated|verified|issued|active|success|pending(?: validation)?)\)[ \t]*:?[ \t]*$",
    re.I,
)
# An ASCII table's rule: "+----+----+", or a psql/MySQL one under the header, with no
# frame or a pipe frame: "-----+------+-----", "|------+------|" (it keeps the table open)
_BORDER = re.compile(
    r"^[ \t]*(?:\+[-=+ ]{2,}\+?|[|+]?[ ]?[-=:]{2,}[ ]?(?:\+[ ]?[-=:]{2,}[ ]?)+[|+]?)[ \t]*$"
)
_NOTE_ROW = re.compile(r"^[ \t]*\|[^|]{1,400}\|[ \t]*$")  # one cell across a whole table
# A list item that is only a name and a remark: "1. gov.uk (the zone apex, "@")"
_ITEM_NAME = re.compile(
    r"^([A-Za-z0-9_][A-Za-z0-9_.-]{0,252}\.[A-Za-z]{2,63}\.?)(?:[ \t]+\([^()\n]{0,80}\))?[ \t:]*$"
)
_ITEM_REMARK = re.compile(r"[ \t]+\(|[ \t]+[-\u2013\u2014][ \t]+")
_STRUCTURAL = re.compile(r"""^[ ]*(?:["'][\w ]{1,40}["'][ ]?[:=][ ]?)?[\[\]{}(),]*[ ]*$""")


@dataclass
class Context:
    zone: str | None = None
    ttl: int | None = None
    domain: str | None = None
    action: Action | None = None
    by_type: tuple[tuple[str, Action], ...] = ()  # "add the CNAME and delete this TXT:"
    after_issuance: bool = False
    # the time was said by a lead-in of its own ("After the cut-over on Tuesday - please not
    # before:"): it reaches the list below it, verbs and all ("- remove X CAA Y")
    time_led: bool = False
    mode: Mode = "request"
    zone_said: str | None = None  # "in the gov.uk zone": a hint, weaker than $ORIGIN

    def drop_verb(self, *, keep_time: bool = False) -> None:
        """The lead-in's verb (and, unless kept, its time) reaches no further."""
        self.action, self.by_type = None, ()
        if not keep_time:
            self.after_issuance = self.time_led = False


# "also TTL 60.", "Same TTL as before, 900, please.", "(TTL 3600 or lower)"
_TTL_ONLY = re.compile(
    r"^[ \t]*\(?[ \t]*(?:also|and|with)?[ \t]*(?:a[ \t]+|the[ \t]+)?(?:same[ \t]+)?TTL"
    r"(?:[ \t]+as[ \t]+(?:before|above|the[ \t]+others))?[ \t]*(?:of|:|=|,)?[ \t]*(\d{1,7})[ \t]*"
    r"(?:s|secs?|seconds)?[ \t]*(?:or[ \t]+(?:lower|less|below|shorter))?[ \t]*"
    r"(?:,[ \t]*please)?[ \t]*[.,;)]?[ \t]*$",
    re.I,
)
_ACTION_VALUE_WORDS = 6  # at most, in an action or timing label's value on the line below it
# A two-word label alone on its line, with no colon: the ACM console's "CNAME name" /
# "CNAME value" headings, copied one above the other
_BARE_LABEL = re.compile(
    r"^[ \t]*(?:CNAME|TXT|record|DNS[ \t]+record)[ \t]+(?:name|value)[ \t]*$", re.I
)


@dataclass
class Walker(Rows, Paragraphs, SpreadRecords, References):
    """Feeds lines one at a time; collects mentions, domains and per-block failures."""

    ctx: Context = field(default_factory=Context)
    mentions: list[Mention] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    flags: list[Flag] = field(default_factory=list)
    table: Table | None = None
    aligned: Table | None = None
    csv: tuple[Table, int] | None = None  # a CSV header read, and its number of cells
    lead_type: str | None = None  # the one type a lead-in line named ("these TXT records:")
    item_later: bool = False  # this list item or paragraph said "after it is issued"
    waited: bool = False  # the paragraph before said so
    then_waits: bool = False  # this paragraph starts "Then …" after one that said so
    issued_steps: set[int] = field(default_factory=set)  # "5. Certificate issued …": its number
    section_later: bool = False  # under "Step 2 – after we confirm issuance", until the next step
    zone_note: str | None = None  # a zone-file comment, for the record line below it
    run_note: str | None = None  # "; keep" over a run of record lines: for each of them
    section_note: str | None = None  # the comment above the $ORIGIN the records are under
    open_list: tuple[str, str, list[tuple[str, str]]] | None = None  # `records = [` open
    block: LabelBlock = field(default_factory=LabelBlock)
    paragraph: list[tuple[int, str]] = field(default_factory=list)
    dig: tuple[str | None, str | None] | None = None  # in a dig paste: (name, type) asked
    dig_mode: Mode = "observed"  # what its answer shows: published, or "noted" (expected)
    recent: list[int] = field(default_factory=list)  # mentions of the last structured block
    after_prose: bool = True  # the next structured line starts a new block
    loose: dict[str, str] = field(default_factory=dict)  # a record spread over bare lines
    lead_ttl: int | None = None  # "please give it a TTL of 300" before the record
    carried_ttl: int | None = None  # the same, said before a lead-in block: the next record's
    # "a TTL of 60 on both", before any record: the TTL of each record that follows (of as many
    # as it counts, when it counts them)
    ttl_for_all: tuple[int, int | None] | None = None
    last_owner: str | None = None  # the last validation name a sentence named ("the record")
    para_host: str | None = None  # the one host the last paragraph named (paragraphs.py)
    para_before: str = ""  # the paragraph read so far, its last 2,000 characters
    observed_here: bool = False  # this comment has described a published record
    heading_name: tuple[str, int] | None = None  # a validation name alone on a (list) line
    # "- _dnsauth.x.gov.uk (TXT, old DigiCert record)" under "can be removed:": a delete by
    # owner and type, unless fields follow that make the name a heading
    heading_delete: Mention | None = None
    heading_type: str | None = None  # and its type beside it ("_acme-challenge.www  CNAME")
    open_label: tuple[str, str] | None = None  # a label whose value is on the next line
    earlier_types: frozenset[str] = frozenset()  # types read from earlier vendor comments
    # Records earlier comments (ours included) showed as published: "delete that TXT record".
    earlier_observed: tuple[Observed, ...] = ()
    earlier_asked: tuple[Observed, ...] = ()  # records earlier comments asked for
    # what our comment just before showed as published (the question this one answers)
    questioned: tuple[Observed, ...] = ()
    listing: tuple[str, str] | None = None  # a lead-in named the owner and type of bare lines
    listing_shaped: bool = False  # and only data whose shape says that type is listed
    pending: list[tuple[int, str, str]] = field(default_factory=list)  # requests, no record yet
    # (type, sentence): "once issued, please remove both TXT records" above the records
    # (type, sentence): "once issued, please remove both TXT records" above the records
    removes_ahead: list[tuple[str, str]] = field(default_factory=list)
    unnamed_deletes: list[Flag] = field(default_factory=list)  # "remove the record(s)", unread
    ticked: set[int] = field(default_factory=set)  # checklist lines ticked as done
    done_above: set[int] = field(default_factory=set)  # lines a "^ … in place" note says done
    # a removal said of "them" above the published records it means ("they can all go. This is
    # what's in the zone for them right now:"): (line, sentence, ANY_DELETE) of `pending`
    removal_below: tuple[int, str, str] | None = None
    # records whose line carries a footnote mark ("REMOVE*"), by mark: the footnote below
    # ("* = please hold off on this one until the new certificate has been issued") says when
    marked: dict[str, list[int]] = field(default_factory=dict)
    ticked_item: bool = False  # in a ticked checklist item (its indented lines are done too)
    done_section: bool = False  # in the items under a "Done ✅" heading (each one done)
    done_indent: int | None = None  # how far that heading is set in (deeper lines: its items)
    row_number: str | None = None  # "| 1 | Host | x |": the record number of the row
    # A list under a lead-in whose items stand a blank line apart ("can be removed:" / "1. …"
    # / "" / "2. …"): the lead-in's verb holds while the next paragraph is the next item.
    list_open: bool = False
    item_done: bool = False  # the list's last item said it needs nothing ("- no action")
    # a line of the list's current item, in its paragraph, said to keep records ("1. CAA … /
    # Keep the existing digicert.com entry."): the keep is that item's, not the next one's
    item_kept: bool = False
    in_item: bool = False  # a list item started since the last blank line
    item_title: bool = False  # the paragraph just read was an item's title, its record below
    asked_below: bool = False  # this paragraph asked for the records below it
    lead_open: bool = False  # a lead-in with a verb ended its paragraph with ":" (a list follows)
    next_item: bool = False  # this line is the next item of a list whose lead-in asked
    nslookup: tuple[str, int] | None = None  # Windows nslookup's "name  text =", its data below
    prose_before: tuple[int, str] | None = None  # the last line of prose read, and its number
    lead_in: Unread | None = None  # the last paragraph, if a lead-in ("… record to gov.uk:")
    last_text: int = 0  # the number of the last line that was not blank
    inherited: Mode | None = None  # the mode a lead-in gave the paragraph being read
    disowned_ttls: set[int | None] = field(default_factory=set)  # None: every zone line's TTL
    # (name, type, TTL) of records an earlier comment wrote with a TTL it disowned: a corrected
    # copy of the record written with that TTL again disowns it too
    ttls_disowned_before: frozenset[tuple[str, str, int]] = frozenset()
    ttls_dropped: set[tuple[str, str, int]] = field(default_factory=set)
    wrapped: tuple[int, str] | None = None  # a line ending inside a quoted TXT value
    raw_before: str = ""  # the line read before this one, as written (its indentation kept)

    def feed(self, number: int, line: str) -> None:
        line = line[:MAX_LINE]
        if "apex of" in line or "root of" in line:  # "the TXT at the apex of x.gov.uk: V" is
            line = _APEX_OF.sub(r"\1 ", line)  # at x.gov.uk (a record line, its name, its data)
        if self.wrapped is not None:
            # `x.gov.uk.  TXT  "t4jjfp…d5q` / `t1wE…CU"`: a quoted value a mail client broke
            # mid-token is one value, read on its first line
            first, head = self.wrapped
            self.wrapped = None
            tail = line.strip()
            if tail.endswith('"') and tail.count('"') == 1 and " " not in tail:
                self._feed_one(first, head.rstrip() + tail)
                return
            self._feed_one(first, head)
            self.flags.append(_open_quote(first, head))
        if line.count('"') == 1 and _OPEN_TXT.search(line.rstrip()):
            self.wrapped = (number, line)
            return
        self._feed_one(number, line)

    def _feed_one(self, number: int, line: str) -> None:
        try:
            self._feed(number, line)
        except Exception as exc:  # one unreadable line never stops the rest of the ticket
            self.flags.append(failed_block(number, number, line, exc))
        if line and not line.isspace():
            self.last_text = number
        self.raw_before = line

    def finish(self) -> None:
        if self.wrapped is not None:
            self._feed_one(*self.wrapped)
            self.flags.append(_open_quote(*self.wrapped))
            self.wrapped = None
        for end in (self._end_prose, self._end_block):
            try:
                end()
            except Exception as exc:
                self.flags.append(failed_block(0, 0, "", exc))
        self._drop_disowned_ttls()
        self.mentions = desired.resolved(self.mentions)  # "so that the set ends up as:"
        self.mentions = overrides.at_validation_names(self.mentions)
        self.mentions = overrides.deletes_of_records_above(self.mentions)
        self.mentions = overrides.older_shown_below(self.mentions)
        self.flags += [unread_request(*p) for p in self.pending]
        # "Please remove the record(s) and add …" with no delete read here: a later comment of
        # the thread may say which (read.py drops the flag then)
        self.unnamed_deletes = [unread_request(*p) for p in self.pending if p[2] == ANY_DELETE]

    def _drop_disowned_ttls(self) -> None:
        """Leave out the TTL written on a record that the comment disowns ("the ttl is just a
        placeholder"), or that an earlier comment disowned on the record this one corrects."""
        if not self.disowned_ttls and not self.ttls_disowned_before:
            return  # the common case
        out = []
        for m in self.mentions:
            before = _ttl_key(m) in self.ttls_disowned_before
            if ({None, m.ttl} & self.disowned_ttls or before) and _written_ttl(m):
                self.ttls_dropped.add(_ttl_key(m))
                m = replace(m, ttl=None)
            out.append(m)
        self.mentions = out

    def _noted_above(self, line: str) -> bool:
        """ "^ validated on 14 March, record already in place, nothing to do" under a record:
        a note on the line above, never a lead-in to the lines below: that line's records
        are published, not asked for. Any other note is read as it stands."""
        note = _CARET_NOTE.match(line)
        if note is None or self.last_text is None or not _DONE_NOTE.search(note.group(1)):
            return False  # (any other note is read as it stands)
        above = self.last_text
        self.done_above.add(above)
        self.mentions = [
            replace(m, mode="observed")
            if m.line == above and m.mode == "request" and m.action in (None, "add")
            else m
            for m in self.mentions
        ]
        return True

    def _feed(self, number: int, line: str) -> None:
        disowns = "ttl" in line.lower() and durations.ttl_disowned(line)
        if disowns and read_zone_line(line, 0) is None:
            # "(The 300 is only what I had in my test zone - use whatever TTL you normally
            # do.)": the TTLs of the zone-file lines (that number's, if it gives one) are none
            said = _TTL_NUMBERS.findall(line)
            self.disowned_ttls |= {int(n) for n in said} if said else {None}
        if "**" in line:
            if _BOLD_HEADING.match(line):
                # "**After the new certificate has been issued - not before**" / "**Now**": a
                # heading that says when, for its section (to the next heading)
                self.section_later = bool(actions.AFTER_ISSUANCE.search(line))
            line = line.replace("**", "")  # Markdown bold says nothing a reader needs
        indent = len(line) - len(line.lstrip())
        if cues.DONE_HEADING.match(line):
            self.done_section = True  # "Done ✅" over the list of what is finished
            # (a heading ends in no full stop: "… in the order we'd like them / done." ends a
            # sentence, and the lines set in below it are no items of a heading)
            self.done_indent = None if line.rstrip().endswith(".") else indent
        elif (
            self.done_section
            and line.strip()
            and not prose.ITEM_START.match(line)
            and (self.done_indent is None or indent <= self.done_indent)
        ):
            self.done_section = False  # ("Still to do ⏳": the next heading ends it)
        if (
            self.done_section
            and line.strip()
            and self.done_indent is not None
            and indent > self.done_indent
        ):
            # "    DONE" / "      _acme-challenge.x  CNAME  y": a line set in under the heading
            # is one of its items, whatever the whole mail's indent (a quoted or indented copy)
            self.ticked.add(number)
        elif self.done_section and prose.ITEM_START.match(line):
            self.ticked.add(number)  # "- _acme-challenge.x CNAME y – added 10 Sep, validated"
            line = _ITEM_REMARK.split(line.lstrip(), maxsplit=1)[0]
        elif _TICKED.match(line):
            self.ticked.add(number)  # "[x] _acme-challenge.gov.uk CNAME -> x": done already
            self.ticked_item = True
            # its remark ("(apex) - resolving correctly") is no part of the record
            line = _ITEM_REMARK.split(line.lstrip(), maxsplit=1)[0]
        elif self.ticked_item and line[:1] in (" ", "\t") and not _CHECK_ITEM.match(line):
            self.ticked.add(number)  # the ticked item goes on, indented, on this line
        else:
            self.ticked_item = False
        if self.marked and self._footnote(line):
            return
        if line.lstrip()[:1] in ("^", "\u2191") and self._noted_above(line):
            return
        if not line or line.isspace():  # a blank line: the common case, kept cheap
            self.run_note = None
            if self.dig is None:
                self.aligned = self.csv = None
                self._end_prose()
                # after the paragraph it spoke for is read ("2. Wait until we confirm the new
                # certificate has been issued." is what a "3. Then remove …" waits for)
                self.waited, self.item_later = self.item_later, False
            return
        self.next_item = False
        if self.lead_open and not self.paragraph:
            self.lead_open = False
            self.next_item = bool(prose.ITEM_START.match(line))  # its first item
        if self.list_open and not self.paragraph:
            self.list_open = False
            if not prose.ITEM_START.match(line):  # the list has ended: its verb with it
                self.ctx.drop_verb()
                self.ctx.mode = "request"
            else:
                self.next_item = True  # the list's next item: its lead-in's verb holds
        if line.lstrip().startswith("```"):
            return  # a Markdown code fence: what it holds is read, the fence says nothing
        if self._ttl_below(number, line) or self._current_below(number, line):
            return
        if _SUBJECT_LINE.match(line) and not self.mentions:
            # "Subject: Tidy-up: duplicate GlobalSign TXT at gov.uk": a title, never a request;
            # the domain it names is the ticket's
            for name in cues.domains_named(line):
                self._set_domain(name)
            return
        if self.open_list is not None and self._list_item(number, line):
            return
        if _STRUCTURAL.match(line) and not _OPENS_VALUES.match(line):
            return  # JSON/HCL punctuation (`{`, `},`, `"ResourceRecord": {`): no text to read
        if self._directive(line) or self._dig_line(number, line):
            return
        if self.table is not None and self.table.columns and _NOTE_ROW.match(line):
            # "| Only after the new certificate has been issued: |" across a table: the rows
            # below wait for issuance
            self.table.later = self.table.later or bool(actions.AFTER_ISSUANCE.search(line))
            # ("| ADD - now |", then "| REMOVE - only after … |": each heads its own rows)
            self.table.section = actions.action_cue(line)
            return
        if _BORDER.match(line):
            return  # "+------+-----+" (an ASCII table's rule): the table goes on below it
        cells = table_cells(line)
        if cells is not None:
            self._end_prose()
            self._row(cells, number, line)
            return
        if line.strip():
            self.table = None  # a table ends at text; a blank line between rows does not end it
        if self._csv_row(number, line) or self._aligned_row(number, line):
            return
        note = _ZONE_COMMENT.match(line)
        if note:  # "; published today - remove once issued": says how the next line is meant
            said = f"{self.zone_note} {note.group(1)}" if self.zone_note else note.group(1)
            self.zone_note = said[:MAX_NOTE]  # a comment block over several lines is one note
            heading = _ZONE_HEADING.match(note.group(1))
            if heading:  # "; ---- remove (stale) ----": every record line below, to the next
                self.section_note = heading.group(1)
            return
        if self.nslookup is not None:
            name, opened = self.nslookup
            self.nslookup = None
            data = _NSLOOKUP_DATA.match(line)
            if data and number - opened <= 2:
                self._end_prose()
                mention = Mention(name, "TXT", data.group(1), number, excerpt=line)
                self._add(mention, mode="observed")
                return
        opened = _NSLOOKUP_OPEN.match(line)
        if opened:
            self._end_prose()
            self.nslookup = (opened.group(1), number)
            return
        host = _HOST_SAYS.match(line) or _NSLOOKUP_SAYS.match(line)
        if host:  # `host -t CAA x` output: "x has CAA record 0 issue "y"" - what is published
            name, rdtype, data = host.group(1), host.group(2).upper(), host.group(3)
            rdtype = {"TEXT": "TXT", "CANONICAL NAME": "CNAME"}.get(rdtype, rdtype)
            self._end_prose()
            self._add(Mention(name, rdtype, data.strip(), number, excerpt=line), mode="observed")
            return
        side = _SIDE.match(line)  # "old: NAME CNAME X" / "new: NAME CNAME Y"
        zone_line = read_zone_line(line[side.end() :] if side else line, number)
        if zone_line is not None and side is not None:
            self._end_prose()
            self._end_block()
            zone_line = replace(zone_line, excerpt=line)
            if side.group(1).lower() in _OLD_SIDES:
                self._add(zone_line, mode="observed")  # what is there now, to be replaced
            else:
                self._add(replace(zone_line, action="update"), mode="request")
            return
        if zone_line is not None:
            self._end_prose()
            self._end_block()
            # ("1) the GlobalSign TXT" above it, under "these can both be removed:": the list
            # goes on, its verb with it, if the next paragraph is its next item)
            self.list_open = self.list_open or self.item_title
            self.item_title = False
            # Its own comment ("… CNAME x.  ; EXISTING - no change"), else the comment block
            # above it, else the one above its $ORIGIN ("; supplier zone: for reference only")
            note_text = (
                _trailing_comment(line) or self.zone_note or self.run_note or self.section_note
            )
            if self.zone_note is not None and _RUN_NOTE.match(self.zone_note):
                # "; keep" / "; remove" alone over the lines below it: said of each, to the
                # next blank line or note
                self.run_note = self.zone_note
            self.zone_note = None
            if note_text is not None:
                self._annotated(zone_line, note_text)
                return
            said = trailing_remark(line)
            remark = said.group(1) if said else None
            if remark is not None and (
                _PUBLISHED_NOTE.search(remark) or actions.action_cue(remark) == "delete"
            ):
                # "   (currently published - remove after issuance)": said of this record; a
                # remark that it is new or replaces an earlier value leaves it as asked
                self._annotated(zone_line, remark)
                return
            # "Please do not add gov.uk. TXT "…" that we sent; instead add:" - the words before
            # the record say how it is meant, whatever the lead-in at the end of the line says.
            before = line[: max(line.find(zone_line.name), 0)]
            negated = before.strip() and cues.mode_of(before, lead_in=False) == "negated"
            self._add(zone_line, mode="negated" if negated else None)
            return
        self.zone_note = self.run_note = None
        if self._arrow_pair(number, line):
            return
        if self._wrapped_value(number, line):
            return
        status = _STATUS_HEADING.match(line)
        if status:  # "www.x.service.gov.uk (Pending)" above that name's Host/Points to lines
            self._end_prose()
            self._end_block()
            self.block.add("status", "status", status.group(1).upper(), number, line)
            return
        if self._from_to_alone(number, line):
            return
        labels = read_labels(line)
        if labels is None and _BARE_LABEL.match(line):
            # "CNAME name" alone on its line, its value on the next (the ACM console, copied)
            labels = read_labels(f"{line.strip()}:")
        if labels is None and self.heading_type is not None:
            labels = from_to(line)  # "from: x" / "to: y" under "_acme-challenge.www  CNAME"
        elif labels is None and self.heading_name is not None:
            # "currently: x" / "swap to: y" under a validation name alone: a host under a CA's
            # validation domain is a CNAME's target
            labels = from_to(line)
            shaped = labels[0][2].strip("`'\"") if labels else ""
            if labels and is_validation_host(shaped):
                self.heading_type = "CNAME"
                self.block.add("type", "type", "CNAME", number, line)
            else:
                labels = None
        if labels is None and self.open_label is not None:
            role, label = self.open_label  # "Record Value:" on one line, the value on the next
            # (an action is a word or two: "Steps:" above "1. In the gov.uk zone, create a
            # CNAME with the name …" heads a list, it labels no value)
            if role not in ("action", "when") or len(line.split()) <= _ACTION_VALUE_WORDS:
                labels = [(role, label, line.strip())]
        self.open_label = None
        if labels is None and self._heading_value(number, line):
            return
        if labels is not None:
            self._end_prose()
            if len(labels) == 1 and not labels[0][2]:
                self.open_label = (labels[0][0], labels[0][1])  # its value comes next
            else:
                self._labels(labels, number, line)
            return
        if line.strip() and (
            self._bare_line(number, line)
            or self._shown_value(number, line)
            or self._shown_typed_value(number, line)
        ):
            return
        if self._listed(number, line):
            return
        bare = strip_list_marker(line)
        listed = bare != line.strip() and _ITEM_NAME.match(bare)  # "1. gov.uk (the zone apex)"
        run_type = self._removal_run_type(number)
        if run_type is not None and not listed:
            # "  _acme-challenge.old-draft.x.gov.uk   (not sure what it points at now)" under
            # "can you drop them:" and two "NAME -> TARGET" lines: one more of the same list
            listed = _ITEM_NAME.match(bare) if bare.startswith("_") else None
        heading = [listed.group(1)] if listed else bare.split()
        typed = len(heading) == 2 and is_type_word(heading[1].strip(":()"))
        # ("can u add / _acme-challenge / for assets.x.gov.uk / cname to / …", typed on a
        # phone: a relative name in the middle of a sentence is a word of it, no heading)
        mid_sentence = (
            bool(heading)
            and "." not in heading[0].strip(".")
            and bool(self.paragraph)
            and not self.paragraph[-1][1].rstrip().endswith((":", ".", "!", "?"))
        )
        if (
            (len(heading) == 1 or typed)
            and (heading[0].startswith("_") or listed)
            and is_owner_token(heading[0])
            and not mid_sentence
        ):
            self._end_prose()
            self._end_block()
            self.heading_name = (heading[0].rstrip(":"), number)  # "1. _dnsauth.hmrc.gov.uk"
            if typed:  # "_acme-challenge.www.gov.uk   CNAME", its values on the lines below
                self.heading_type = heading[1].strip(":()").upper()
                self.block.add("type", "type", self.heading_type, number, line)
            said = [w.strip("(),:;").upper() for w in bare.split()[1:]]
            rdtype = self.heading_type or next((w for w in said if is_type_word(w)), run_type)
            if self.ctx.action == "delete" and rdtype is not None and (listed or typed):
                self.heading_delete = Mention(
                    name=self.heading_name[0],
                    rdtype=rdtype,
                    value=None,
                    line=number,
                    action="delete",
                    after_issuance=self.ctx.after_issuance or self.section_later,
                    excerpt=line.strip(),
                )
            return
        if line.strip():
            self._end_block()
            if (
                self.paragraph
                and prose.ITEM_START.match(line)
                and any(prose.ITEM_START.match(text) for _, text in self.paragraph[-_ITEM_REACH:])
                and (
                    self.paragraph[-1][1].rstrip().endswith((".", "!", "?"))
                    or (actions.action_cue(line) is not None and self._item_holds_record())
                )
            ):
                # "1. X - … Remove now." / "2. Y - … KEEP." / "3. Z - remove once issued": each
                # item of a list written line under line says its own verb and time
                listed = self.ctx.action
                self._end_prose()
                if listed is not None and self.ctx.action is None:
                    self.next_item = True  # the list's lead-in verb holds for the next item
                # this line is the next item the item just read kept the list open for: the
                # list no longer waits for it ("(b) add X" / "(c) … remove the old tokens:" /
                # two records below: never the second read without (c)'s verb)
                self.next_item = self.next_item or self.list_open
                self.list_open = False
            self._resume_lead_in(number, line)
            self._context_from(line, number)
            self.paragraph.append((number, line))
            if len(line.split()) > 3:  # a heading ("1) assets.example", "For gov.uk:") is no break
                self.after_prose = True
        else:
            self.aligned = None
            self.in_item = False
            self._end_prose()

    def _removal_run_type(self, number: int) -> str | None:
        """The one type of the removals read from the lines just above this one, with no blank
        line between: the type of a name listed among them with no data of its own."""
        if self.ctx.action != "delete" or not self.mentions or self.last_text != number - 1:
            return None
        last = self.mentions[-1]
        if (last.last_line or last.line) != number - 1 or last.action != "delete":
            return None
        run = [self.mentions[i] for i in self.recent if i < len(self.mentions)]
        types = {m.rdtype for m in run if m.action == "delete"}
        return types.pop() if len(types) == 1 else None

    def _item_holds_record(self) -> bool:
        """Does a list item of the paragraph show record data ("- x: needs
        _acme-challenge.x CNAME V, still not visible")? A next item that says a verb says it of
        itself ("- y: removed from the certificate, nothing to do"), not of this record."""
        # (the lines the list-item check above looks at: a long paragraph is not rescanned
        # whole for each new item)
        recent = self.paragraph[-_ITEM_REACH:]
        start = next(
            (k for k, (_, text) in enumerate(recent) if prose.ITEM_START.match(text)), None
        )
        items = recent[start:] if start is not None else []
        return any(candidates(number, text) for number, text in items)

    def _footnote(self, line: str) -> bool:
        """ "  *  = please hold off on this one until the new certificate has been issued": the
        records marked so wait for issuance."""
        note = _FOOTNOTE.match(line)
        if note is None or note.group(1) not in self.marked:
            return False
        if actions.AFTER_ISSUANCE.search(note.group(2)):
            for i in self.marked.pop(note.group(1)):
                if i < len(self.mentions):
                    self.mentions[i] = replace(self.mentions[i], after_issuance=True)
        return True

    def _shown_value(self, number: int, line: str) -> bool:
        """ "- globalsign-domain-verification=OLD" alone on a line under "… can be removed:":
        the record shown as published with that value (one record only), to delete."""
        if self.ctx.action != "delete":
            return False
        words = strip_list_marker(line).split()
        if len(words) != 1:
            return False
        said = words[0].strip("`'\"“”,;").lower()
        shown = [
            m
            for m in self.mentions
            if m.mode == "observed" and m.value and m.value.strip('"').lower() == said
        ]
        if len({(m.name, m.rdtype) for m in shown}) != 1:
            return False
        self._end_prose()
        self._add(
            replace(shown[0], action="delete", line=number, last_line=None, excerpt=line.strip()),
            mode="request",
        )
        return True

    def _shown_typed_value(self, number: int, line: str) -> bool:
        """ "CAA 0 issue comodoca.com" alone on a line under "Kindly please delete below 2
        records:", the CAA set shown above it: the one published record of that type whose data
        is that (quoted or not), to delete. No name is written, so a record the ticket has not
        shown is never guessed at (the removal stays unread, and flagged)."""
        if self.ctx.action != "delete":
            return False
        said = _TYPED_DATA.match(strip_list_marker(line).strip("`"))
        if said is None:
            return False
        rdtype = (said.group(1) or "CAA").upper()
        data = clean_data(rdtype, (said.group(2) or said.group(3)).strip("`"))
        shown = [
            (m.name, m.value)
            for m in self.mentions
            if m.mode == "observed" and m.rdtype == rdtype and m.value
        ]
        shown += [(o.name, o.value) for o in self.earlier_observed if o.type == rdtype]
        match = {(n, v) for n, v in shown if _same_data(rdtype, v, data)}
        if len(match) != 1:
            return False
        ((name, value),) = match
        self._end_prose()
        self._add(
            Mention(name, rdtype, value, number, action="delete", excerpt=line.strip()),
            mode="request",
        )
        return True

    def _current_below(self, number: int, line: str) -> bool:
        """ "(currently bltsp4i91nhsyh6q3z.fastly-validations.com)" alone on a line under a
        Name / Type / Value block: the value it has now, which the block's value replaces."""
        said = _CURRENTLY_ONLY.match(line)
        if said is None or not self.block.has("value") or self.block.has("old"):
            return False
        self.block.add("old", "currently", said.group(1), number, line)
        return True

    def _ttl_below(self, number: int, line: str) -> bool:
        """ "also TTL 60." / "Same TTL as before, 900, please." alone on a line just under a
        record that gave none: its TTL."""
        said = _TTL_ONLY.match(line)
        if said is not None and self.block.has("value") and not self.block.has("ttl"):
            # "(TTL 3600 or lower)" under Name / Type / Value lines: the block's own TTL
            self.block.add("ttl", "ttl", said.group(1), number, line)
            return True
        if said is None or not self.mentions:
            return False
        last = self.mentions[-1]
        if not 0 < number - (last.last_line or last.line) <= 2 or last.ttl is not None:
            return False
        ttl = int(said.group(1))
        self.mentions[-1] = replace(last, ttl=ttl)
        return True

    def _from_to_alone(self, number: int, line: str) -> bool:
        """ "Please change the existing TXT value on gov.uk" / "from:" / X / "to:" / Y: the
        one record the prose just above names, its data now and its new data on the lines
        below the two words."""
        m = _FROM_TO_ALONE.match(line)
        if m is None or self.prose_before is None:
            return False
        word, data = " ".join(m.group(1).lower().split()), m.group(2)
        if word in _OLD_SIDES:
            before, said = self.prose_before
            names = prose.owners_in(said) or prose.hosts_named(said)
            types = {w.strip(",.;:()").upper() for w in said.split()} & _RECORD_TYPES
            if number - before > 2 or len(names) != 1 or len(types) != 1:
                return False
            self._end_block()
            self.block.add("name", "name", next(iter(names)), number, line)
            self.block.add("type", "type", next(iter(types)), number, line)
            role = "old"
        elif self.block.has("old") and not self.block.has("value"):
            role = "value"
        else:
            return False
        if data:
            self.block.add(role, word, data, number, line)  # "from:  9g29….fastly-validations.com"
        else:
            self.open_label = (role, word)  # its data on the next line
        return True

    def _heading_value(self, number: int, line: str) -> bool:
        """ "_7200F….gov.uk.  CNAME" and, on the next line, its data alone (a zone-file line a
        narrow mail broke after the type)."""
        words = line.split()
        if self.heading_name is None or self.block.has("value"):
            return False
        if len(words) != 1 or number - self.heading_name[1] > 2:
            return False
        alone = number - self.heading_name[1] == 1
        if self.heading_type is None and alone and words[0].upper() in ("TXT", "CNAME", "CAA"):
            # "- _acme-challenge.x.gov.uk" / "TXT" / "\"V\"": name, type, data a line each
            self.heading_type = words[0].upper()
            self.block.add("type", "type", self.heading_type, number, line)
            return True
        if self.heading_type is None:
            # "first line is the host, second is where it points": a validation name alone,
            # and right under it a value whose shape says its type (a host under a CA's
            # validation domain, a random token or verification string).
            shaped = words[0].strip("`'\"")
            rdtype = type_by_shape(shaped) if number - self.heading_name[1] == 1 else None
            if rdtype is None or (rdtype == "CNAME" and not is_validation_host(shaped)):
                return False
            self.heading_type = rdtype
            self.block.add("type", "type", rdtype, number, line)
        if not data_shaped(self.heading_type, words[0]):
            return False
        self.block.add("value", "value", words[0], number, line)
        return True

    def _wrapped_value(self, number: int, line: str) -> bool:
        """A value a narrow mail broke over two lines ("Target: C77A...6AC5D1048E5E7CA6" then
        "842B0513A54C8485.sectigo.com."): joined only when the two make a host under a CA's
        validation domain, or a token of its CA's exact length (a GlobalSign verification
        string, an ACME key authorisation digest), and the first alone does not, so no guess is
        ever made."""
        block, words = self.block, line.split()
        if len(words) != 1 or block.last_line != number - 1 or list(block.fields)[-1:] != ["value"]:
            return False
        value = block.fields["value"].strip()
        joined = value + words[0]
        if not (is_validation_host(joined) and not is_validation_host(value)) and not (
            _FULL_TOKEN.fullmatch(joined) and not _FULL_TOKEN.fullmatch(value)
        ):
            # ("Value: globalsign-domain-verification=CAyHesw93pVMfWlN-B7VGUKOp" over
            # "           lOjR8tOOFBVHJz6": the rest of a token, set under its first character)
            column = self.raw_before.find(value) if value else -1
            under = len(line) - len(line.lstrip(" ")) == column > 0
            if not (_TOKEN_TAIL.fullmatch(words[0]) and _TOKEN_HEAD.search(value)):
                return False
            if not under:  # (set elsewhere: maybe the rest of the token, maybe not)
                if _MIXED.search(words[0]):
                    why = "a token-like line stands under the value above it: it may be its rest"
                    self.flags.append(unparsed(number, number, line, why))
                return False
        block.fields["value"] = joined
        block.lines[-1] = f"{block.lines[-1]}{words[0]}"
        block.last_line = number
        return True

    def _add(
        self,
        mention: Mention,
        mode: Mode | None = None,
        structured: bool = True,
        listed: bool = False,
    ) -> None:
        if not listed:
            # "please add the following TXT record:" answered by a whole record (a zone line, a
            # block of labels): the lines below it are no more of its data ("Thanks,")
            self.listing = None
        values = whole_values(mention)
        if len(values) > 1:  # '"ACME-TOKEN-1" "ACME-TOKEN-2"': two records, not one of two strings
            for value in values:
                self._add(replace(mention, value=value), mode, structured, listed)
            return
        ctx = self.ctx
        last = self.mentions[-1] if self.mentions else None
        if (
            last is not None
            and last.action == "delete"
            and last.value is None
            and mention.value is not None
            and mention.action in (None, "delete")
            and last.line == mention.line
            and (last.name.lower().rstrip("."), last.rdtype)
            == (mention.name.lower().rstrip("."), mention.rdtype)
        ):
            # "1. Delete the existing CNAME record X which is pointing to" / "   V": the line
            # read alone named the record; with the next line it has its data.
            self.mentions.pop()
            existing = bool(_EXISTING.search(last.excerpt))
            mention = replace(mention, action="delete", described=existing or mention.described)
            mode = "request"
        if structured:
            if self.after_prose:
                self.recent, self.after_prose = [], False
            self.recent.append(len(self.mentions))
            if mention.ttl is None and self.lead_ttl is not None:
                mention = replace(mention, ttl=self.lead_ttl)
            elif (
                mention.ttl is None and self.carried_ttl is not None and mention.action != "delete"
            ):
                mention = replace(mention, ttl=self.carried_ttl)
            if self.ttl_for_all is not None and mention.action != "delete":
                ttl, left = self.ttl_for_all
                mention = replace(mention, ttl=ttl) if mention.ttl is None else mention
                self.ttl_for_all = None if left == 1 else (ttl, None if left is None else left - 1)
            self.carried_ttl = None
        mark = _MARK.search(mention.excerpt[:MAX_MARKED]) if mention.excerpt else None
        if mark:  # ("REMOVE*   check-mot.service.gov.uk   TXT …")
            self.marked.setdefault(mark.group(1), []).append(len(self.mentions))
        if (mention.line in self.ticked or mention.line in self.done_above) and (
            mention.mode == "request"
        ):
            mode = "observed"  # a ticked checklist item is in place, not asked for
        if (
            self.para_host
            and (ctx.domain is None or self.para_host.endswith("." + ctx.domain.strip(".")))
            and not mention.origin_hint
            and mention.name.startswith("_")
            and "." not in mention.name.strip(".")
        ):
            # "The second is the staff tool, x.service.gov.uk. … a CNAME on _acme-challenge":
            # the host the paragraph is about, when there is no domain or it is under it
            mention = replace(mention, origin_hint=self.para_host)
        said = mention.mode if mention.mode != "request" else ctx.mode
        if mode is None and said == "observed" and (mention.action or ctx.action) == "delete":
            # "Delete the TXT record at X. Its current value is: V": V is published, and the
            # request is to delete it. (A dig answer is only ever what is published.)
            mode, mention = "request", replace(mention, described=True)
        self.mentions.append(
            replace(
                mention,
                # (what is shown as published asks nothing, whatever verb the lead-in had:
                # "the records from last time can now go … we can still see them:" / a dig)
                action=mention.action
                or (
                    None
                    if mode == "observed" or mention.kept  # ("| … | Keep |": whatever the verb)
                    else dict(ctx.by_type).get(mention.rdtype or "", ctx.action)
                ),
                # A sentence that says its own verb says its own time: the context holds the
                # last line of the paragraph ("1. Now: add X. 2. After issuance: delete Y")
                after_issuance=mention.after_issuance
                or (ctx.after_issuance and (structured or mention.action is None or ctx.time_led))
                or self.section_later,
                ttl=mention.ttl if mention.ttl is not None else ctx.ttl,
                zone=mention.zone or ctx.zone,
                zone_said=ctx.zone_said,
                domain=mention.origin_hint or ctx.domain,
                mode=mode or (mention.mode if mention.mode != "request" else ctx.mode),
                excerpt=mention.excerpt.strip(),
            )
        )
        self._answered(self.mentions[-1])
        self.observed_here = self.observed_here or self.mentions[-1].mode == "observed"
        if self.removal_below is not None and self.mentions[-1].mode == "observed":
            self._removed_below(self.mentions[-1], self.removal_below)
        if mention.described and mention.value is not None:
            self.mentions.append(replace(self.mentions[-1], mode="observed", described=False))

    def _removed_below(self, shown: Mention, removal: tuple[int, str, str]) -> None:
        """A published record shown under the removal that named it by a pronoun: removed,
        when that sentence says (and the removal no longer waits unread)."""
        if not shown.value or shown.kept:
            return  # ("| … | Keep |": the row says of itself that it stays)
        sentence = removal[1]
        self.mentions.append(
            replace(
                shown,
                action="delete",
                mode="request",
                ttl=None,
                after_issuance=bool(actions.AFTER_ISSUANCE.search(sentence)),
                excerpt=f"{sentence} / {shown.excerpt}",
            )
        )
        self.pending = [p for p in self.pending if p != removal]

    def _annotated(self, mention: Mention, note: str) -> None:
        """A zone-file line under its comment: "; add now", "; published today - leave as it
        is", "; published today - remove once the certificate has been issued"."""
        # ("add alongside the existing globalsign.com entry, do not replace it": an add)
        adds = actions.action_cue(note) == "add"
        meant = cues.mode_of(note)
        if meant in ("negated", "noted") and not adds:
            self._add(mention, mode=meant)  # "; EXAMPLE ONLY - do not add": never asked for
            return
        # ("; unchanged from Marcus's message of 9 July": the request as sent before, asked again)
        restated = bool(_RESTATED_NOTE.search(note))
        keep = (keeps(note) or bool(_KEEP_NOTE.search(note))) and not adds and not restated
        published = keep or (bool(_PUBLISHED_NOTE.search(note)) and not adds)
        action = None if keep else actions.action_cue(note)
        if published:
            self._add(mention, mode="observed")
        if action == "delete":
            later = bool(actions.AFTER_ISSUANCE.search(note))
            self._add(replace(mention, action="delete", after_issuance=later), mode="request")
        elif not published:
            if action is not None:  # "; add now": its own verb says its own time
                self.ctx.after_issuance = bool(actions.AFTER_ISSUANCE.search(note))
            # ("; add" under "which values are already there and which are new": its own)
            asked = "request" if action in ("add", "update") else None
            self._add(replace(mention, action=action or mention.action), mode=asked)

    def _directive(self, line: str) -> bool:
        m = _DIRECTIVE.match(line)
        if not m:
            return False
        if m.group(1).upper() == "ORIGIN":
            self.ctx.zone = safe_name(m.group(2))
            self.section_note, self.zone_note = self.zone_note, None
        else:
            self.ctx.ttl = (
                int(m.group(2)) if m.group(2).isascii() and m.group(2).isdigit() else None
            )
        return True
