"""Zone data shown whole, with the lines that change marked.

Two ways of writing it: a unified diff of the zone ("--- live" / "+++ needed" / "@@ … @@", then
"+" for a line that appears, "-" for one that goes, " " for context), and an export or zone
excerpt with the new lines flagged at their start (">>> x CAA 0 issue …", "=> …", "[NEW] …")
among lines that are only there to be seen. `annotate` writes each such zone line as a plain
zone line with its remark ("; add", "; remove", "; published - leave as it is"), the form
the walker already reads as an annotated zone line. A "-" line followed by a "+" line for the
same name and type is the record being changed: the old one is shown as published, the new
one added (the decision turns that into an update of a CNAME, and flags a TXT added beside
another). A zone's SOA and NS lines are its frame, never a certificate's business: dropped.
A third: a record set as a config file holds it (YAML), its values marked by comments:
    education.gov.uk.:
      CAA:
        ttl: 3600          # unchanged
        values:
          - '0 issue "letsencrypt.org"'   # existing
          - '0 issue "certainly.com"'     # NEW
Each value is written as the zone line it is, "; add" for one marked new, "; remove" for one
marked to go, shown as published otherwise; the keys around them (owner, type, `ttl:`,
`values:`) are left blank: they say nothing a zone line does not.
Pure: numbered lines in, numbered lines out; each line is looked at a bounded number of times.
"""

from __future__ import annotations

import re

from bot.reading.mentions import comment_at, read_zone_line

Lines = list[tuple[int, str]]

# "--- gov.uk (live, …)", "+++ gov.uk (needed)", "@@ -1,8 +1,8 @@"
_DIFF_HEADER = re.compile(
    r"^(?:---|\+\+\+)[ \t]+\S|^@@[ \t]+-\d+(?:,\d+)?[ \t]+\+\d+(?:,\d+)?[ \t]+@@"
)
# ">>> ", "=> ", "--> ", "-> ", "[NEW] ", "(new) " at the start of a zone line (a bare "add" is a
# table's action column, "new:" the second of an "old:"/"new:" pair: both read elsewhere)
_FLAG = re.compile(
    r"^[ \t]*(?:>{3,}|=+>|-+>|\u2192|\[(?:new|add(?:ed)?)\]|\((?:new|add(?:ed)?)\))[ \t]+(?=\S)",
    re.I,
)
# "  - '0 issue "certainly.com"'   # NEW": a value of a YAML list, its remark after "#"
_CONFIG_VALUE = re.compile(
    r"""^[ \t]*-[ \t]+(?P<q>['"]?)(?P<data>[^\s#].{0,600}?)(?P=q)"""
    r"""(?:[ \t]+#[ \t]*(?P<note>.{1,80}))?[ \t]*$"""
)
# "education.gov.uk.:", "  CAA:", "  type: CAA", "    ttl: 3600   # unchanged"
_CONFIG_KEY = re.compile(
    r"""^(?P<indent>[ \t]*)(?:-[ \t]+)?['"]?(?P<key>[\w.@*-]{0,253})['"]?[ \t]*:"""
    r"""[ \t]*(?P<rest>[^#\n]{0,253}?)[ \t]*(?:#[ \t]*(?P<note>.{0,200}))?$"""
)
# "# - globalsign-domain-verification=iYu1…   <- REMOVE, 2024 token": a value taken out
_COMMENTED_VALUE = re.compile(
    r"""^[ \t]*#[ \t]*-[ \t]+(?P<q>['"]?)(?P<data>[^\s'"]{1,600})(?P=q)[ \t]+"""
    r"""(?:#[ \t]*)?(?P<note>(?:<-|->|\u2190)?[ \t]*[A-Za-z].{0,80})$"""
)
# "'_acme-challenge.assets.publishing':   # NEW", "  _acme-challenge.www:   # <- NEW key"
_MARKED_KEY = re.compile(
    r"""^[ \t]*['"]?[\w.@*-]{0,253}['"]?:[ \t]*#[ \t]*(?:<-|->)?[ \t]*(?:new|add)\b""", re.I
)
_LIST_KEY = re.compile(r"^[ \t]*-[ \t]+[a-z]{1,12}:(?:[ \t]|$)")
_ZONE_FILE = re.compile(r"\b((?:[a-z0-9-]{1,63}\.){1,8}gov\.uk)\.ya?ml\b", re.I)
_OWNER_KEY = re.compile(r"^(?:@|[\w*-]{1,63}(?:\.[\w-]{1,63}){0,10}\.?)?$")
_FIELDS = frozenset(("type", "value", "values", "ttl", "name", "flags", "tag", "octodns"))
_CAA_FIELDS = ("flags", "tag", "value")
_NOTE_ADD = re.compile(r"^(?:new|add(?:ed|ing)?|to[ \t]+add|\+)\b", re.I)
_NOTE_REMOVE = re.compile(
    r"^(?:remove[ds]?|delete[ds]?|drop(?:ped)?|to[ \t]+(?:go|remove|delete)|-)\b", re.I
)
_RECORD_TYPES = frozenset(("CAA", "CNAME", "TXT", "A", "AAAA"))
_FRAME = frozenset(("SOA", "NS"))
_ADD = "add"
_REMOVE = "remove"
_SHOWN = "published - leave as it is"
MAX_SCAN = 200  # lines looked at for a diff header or a flagged line


def annotate(numbered: Lines) -> Lines:
    """The lines, a diff's or a flagged export's zone lines written with their remarks."""
    head = numbered[:MAX_SCAN]
    # (a "--- config/x.gov.uk.yaml ---" banner alone is no diff: a diff has "+++" or "@@")
    if any(_DIFF_HEADER.match(text) and not text.startswith("---") for _, text in head):
        return _diff(numbered)
    flagged = [k for k, (_, text) in enumerate(head) if _flagged(text) is not None]
    if flagged:
        return _export(numbered, flagged)
    if any(_noted_value(text) or _MARKED_KEY.match(text) for _, text in head):
        return _config(numbered)
    return numbered


def _config(numbered: Lines) -> Lines:
    """The values of marked YAML record sets written as zone lines with their remarks."""
    head = " ".join(text for _, text in numbered[:MAX_SCAN] if ".y" in text)
    named = _ZONE_FILE.search(head)  # "config/service.gov.uk.yaml": the zone of its keys
    zone = named.group(1).lower() if named else None
    out = list(numbered)
    owner: str | None = None
    rdtype: str | None = None
    owner_note = _SHOWN  # "'_acme-challenge.publishing':   # NEW": said of all its values
    ttl = ""
    caa: dict[str, str] = {}  # octoDNS's CAA value as fields ("flags: 0", "tag: issue", …)
    keys: list[int] = []  # the lines of the set's keys: blank once a marked value is read
    blank: set[int] = set()
    written: set[int] = set()  # the lines written as records (never blanked)

    def record(k: int, number: int, data: str, note: str) -> None:
        line = f"{_absolute(owner or '@', zone)} {ttl}{rdtype} {data}"
        if read_zone_line(line, number) is not None:
            out[k] = (number, f"{line} ; {note}")
            written.add(k)
            blank.update(keys if note != _SHOWN else ())

    for k, (number, text) in enumerate(numbered):
        listed_key = _LIST_KEY.match(text)  # "- type: TXT", "- flags: 0": keys, not values
        value = None if listed_key else _CONFIG_VALUE.match(text) or _COMMENTED_VALUE.match(text)
        if value and owner is not None and rdtype is not None:
            note = _note(value["note"].strip()) if value["note"] else owner_note
            if value.re is _CONFIG_VALUE or note == _REMOVE:  # (a commented-out value: gone)
                record(k, number, value["data"], note)
                continue
        key = _CONFIG_KEY.match(text) if not value else None
        if key is None:
            if text.strip() and not text.lstrip().startswith("#"):
                owner, rdtype, keys = None, None, []
            continue
        name, rest = key["key"], key["rest"].strip().strip("'\"")
        field = name.lower()
        if name.upper() in _RECORD_TYPES and not rest:
            rdtype, keys = name.upper(), [*keys, k]  # "  CAA:"
        elif field == "type" and rest.upper() in _RECORD_TYPES:
            rdtype, keys, caa = rest.upper(), [*keys, k], {}  # "  type: CAA", "- type: TXT"
        elif field == "name" and rest:
            owner, keys = rest, [*keys, k]  # "  name: education.gov.uk."
        elif field in _CAA_FIELDS and owner is not None and rdtype == "CAA" and rest:
            caa[field] = rest  # "- flags: 0" / "tag: issue" / "value: globalsign.com"
            keys.append(k)
            if len(caa) == len(_CAA_FIELDS):
                data = f'{caa["flags"]} {caa["tag"]} "{caa["value"]}"'
                record(k, number, data, _note(key["note"] or "") if key["note"] else owner_note)
                caa = {}
        elif field == "value" and rest and owner is not None and rdtype is not None:
            keys.append(k)  # "  value: x.fastly-validations.com."
            record(k, number, rest, _note(key["note"]) if key["note"] else owner_note)
        elif field == "ttl" and owner is not None:
            said = rest.isdigit() and not (key["note"] and _note(key["note"]) == _SHOWN)
            ttl, keys = (f"{rest} " if said else ""), [*keys, k]  # (never "3600  # unchanged")
        elif field in ("values", "value") and owner is not None:
            keys.append(k)
        elif not rest and field not in _FIELDS and _OWNER_KEY.match(name):
            # "education.gov.uk.:", "'_acme-challenge.www':  # NEW", "'':" (the apex)
            owner, rdtype, keys, ttl = name or "@", None, [k], ""
            owner_note = _note(key["note"]) if key["note"] else _SHOWN
        else:
            owner, rdtype, keys = None, None, []
    if not blank:
        return numbered  # no value marked new or to go: a set only shown, read elsewhere
    blank -= written
    return [(number, "" if k in blank else text) for k, (number, text) in enumerate(out)]


def _noted_value(text: str) -> bool:
    value = _CONFIG_VALUE.match(text) if "#" in text else None
    return value is not None and value["note"] is not None


def _absolute(owner: str, zone: str | None) -> str:
    """A config key as a name: relative keys under the zone its file is named for."""
    if zone is None or owner.endswith("."):
        return owner
    if owner in ("", "@"):
        return f"{zone}."
    return owner if owner.lower().endswith(zone) else f"{owner}.{zone}."


def _note(note: str) -> str:
    """The remark for a value marked "# NEW", "<- REMOVE", anything else ("# existing")."""
    note = note.lstrip("<-=>\u2190\u2192 \t")  # "# <- NEW", "-> remove"
    if _NOTE_ADD.match(note):
        return _ADD
    return _REMOVE if _NOTE_REMOVE.match(note) else _SHOWN


def _diff(numbered: Lines) -> Lines:
    out: Lines = []
    in_hunk = False
    for k, (number, text) in enumerate(numbered):
        if _DIFF_HEADER.match(text):
            in_hunk = text.startswith("@@")
            out.append((number, ""))
            continue
        sign = text[:1]
        record = read_zone_line(text[1:], number) if in_hunk and sign in "+- " and text else None
        if not in_hunk or record is None:
            in_hunk = in_hunk and (not text.strip() or sign in "+- ")
            out.append((number, text))
            continue
        if record.rdtype.upper() in _FRAME:
            out.append((number, ""))
            continue
        note = _ADD if sign == "+" else _SHOWN
        if sign == "-":
            note = _SHOWN if _replaced(numbered, k, record.name, record.rdtype) else _REMOVE
        out.append((number, _with_note(text[1:], note)))
    return out


def _replaced(numbered: Lines, k: int, name: str, rdtype: str) -> bool:
    """Is the "-" line at k followed, after its run of "-" lines, by a "+" line of the same
    name and type (the record changed, not removed)?"""
    at = k + 1
    while at < len(numbered) and numbered[at][1].startswith("-") and at - k < MAX_SCAN:
        at += 1
    while at < len(numbered) and numbered[at][1].startswith("+") and at - k < MAX_SCAN:
        record = read_zone_line(numbered[at][1][1:], 0)
        if record and record.name.lower() == name.lower() and record.rdtype == rdtype:
            return True
        at += 1
    return False


def _export(numbered: Lines, flagged: list[int]) -> Lines:
    """The flagged lines added; the other zone lines of the block they stand in (zone lines,
    comments and blank lines around them, up to the first line of prose) shown as published."""
    start, end = flagged[0], flagged[-1] + 1
    while start > 0 and _in_block(numbered[start - 1][1]):
        start -= 1
    while end < len(numbered) and _in_block(numbered[end][1]):
        end += 1
    out = list(numbered)
    for k in range(start, end):
        number, text = numbered[k]
        marker = _flagged(text)
        line = text[marker:] if marker is not None else text
        record = read_zone_line(line, number)
        if record is None:
            continue
        if record.rdtype.upper() in _FRAME:
            out[k] = (number, "")
        else:
            out[k] = (number, _with_note(line, _ADD if marker is not None else _SHOWN))
    return out


def _flagged(text: str) -> int | None:
    """Where the zone line starts after its flag, when the line is a flagged zone line."""
    m = _FLAG.match(text)
    return m.end() if m and read_zone_line(text[m.end() :], 0) is not None else None


def _in_block(text: str) -> bool:
    stripped = text.strip()
    return (
        not stripped
        or stripped.startswith((";", "#", "$"))
        or read_zone_line(text, 0) is not None
        or _flagged(text) is not None
    )


def _with_note(line: str, note: str) -> str:
    """The zone line with `note` as its comment, before any comment it had ("; cf_tags=…")."""
    record = read_zone_line(line, 0)
    text = line.rstrip()
    cut = comment_at(text) if record is not None else None
    if cut is None:
        return f"{text} ; {note}"
    return f"{text[:cut].rstrip()} ; {note} {text[cut:]}"
