"""Table rows (Markdown pipes, or HTML tables turned into pipes) that describe records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.models import Action
from bot.reading.actions import AFTER_ISSUANCE, action_cue
from bot.reading.candidates import candidates, is_validation_host
from bot.reading.fieldnames import (
    DONE,
    action_word,
    caa_data,
    header_action,
    header_phrase,
    keeps,
    same_as_above,
    state_done,
)
from bot.reading.mentions import (
    Mention,
    Mode,
    clean_data,
    domain_in,
    is_owner_token,
    is_type_word,
    safe_name,
    ttl_of,
)


def table_cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if stripped.count("|") < 2 and not (stripped.startswith("|") and stripped.count("|") >= 1):
        return None
    cells = [c.strip().replace("`", "") for c in stripped.strip("|").split("|")]
    return cells if len(cells) >= 2 else None


_GAP = re.compile(r"[ ]{2,}")
_REMARK = re.compile(r"\([^()]{0,200}\)")
_CURRENT = re.compile(
    # ("new code, valid 30 days from today": a new record's remark, not what is there)
    r"\b(?:current|existing|published|live|(?<!from )(?<!until )(?<!by )today)\b",
    re.I,
)
_NEW_REMARK = re.compile(r"\bnew\b", re.I)
_REMARK_OLD = re.compile(r"\((?:currently|was|now)[ \t]*[:=]?[ \t]*([^\s,;()]+)", re.I)
# "Current: OLD Replace with: NEW" in one cell (Outlook tables with line breaks in cells).
_OLD_LABEL = re.compile(
    r"\b(?:current|currently|existing|old|now|today)(?:\s+value)?\s?:\s?(\S+)", re.I
)
_NEW_LABEL = re.compile(
    r"\b(?:replace\s+with|new(?:\s+value)?|change\s+to|should\s+be|create|add)\s?:\s?(\S+)",
    re.I,
)
# "Now: no record found Create: x": nothing there yet, so the new value is an add
_NONE_YET = frozenset(("no", "none", "nothing", "-", "n/a", "(none)", "missing", "absent"))


def split_old_new(cell: str) -> tuple[str | None, str | None]:
    """ "Current: X New: Y" in one cell: (X, Y); "Now: no record found Create: Y": (None, Y)."""
    old, new = _OLD_LABEL.search(cell), _NEW_LABEL.search(cell)
    if old and new and old.start() < new.start():
        found = old.group(1).strip(".,;").lower()
        return (None if found in _NONE_YET else old.group(1)), new.group(1)
    return None, None


def aligned_cells(line: str, least: int = 3) -> list[str] | None:
    """Cells of a space-aligned row: separated by two or more spaces, at least `least`."""
    stripped = line.strip()
    if "  " not in stripped:
        return None
    cells = [c.strip().replace("`", "") for c in _GAP.split(stripped)]
    return cells if len(cells) >= least else None


# First cells that say which side of an update a row is (Current | name | CNAME | old).
_ROW_SIDES = {
    "current": "observed",
    "existing": "observed",
    "old": "observed",
    "present": "observed",
    "today": "observed",
    "new": "update",
    "proposed": "update",
    "required": "update",
    "replacement": "update",
}


_BEFORE_AFTER = {"before": "old", "after": "value"}


def _bare(cell: str) -> str:
    """A cell's words without Markdown's emphasis ("_unchanged_", "**remove**") or code marks."""
    return cell.strip().strip("_*`").strip()


_NOTHING = frozenset(("-", "--", "\u2013", "\u2014", "none", "n/a", "na", "nil", "(none)"))


def _column_role(cell: str) -> str | None:
    """A header cell's role; "STATE" (Fastly's TLS page: Issued / Pending) is a status column
    in a table's header, though "state" is no label of a record's own."""
    return header_phrase(cell) or ("status" if cell.strip().lower() == "state" else None)


_NAME_THEN_VALUE = re.compile(r"(?<=\bname)[ \t]+(?=\S)", re.I)
_HEADER_TYPE = re.compile(r"\b(CNAME|TXT|CAA)\b", re.I)


@dataclass
class Table:
    """Column roles of the table being read, from its header row."""

    columns: dict[str, int] = field(default_factory=dict)
    # The type the header names when no column holds it: "Host name (CNAME)", "TXT value".
    type_hint: str | None = None
    published: bool = False  # the value column says what is there now, not what to set
    status_columns: list[int] = field(default_factory=list)
    # "_acme-challenge.www.gov.uk (CNAME)" on the line above a "| Current value | New value |"
    # table: the record its rows are about.
    owner: str | None = None
    owner_type: str | None = None
    ttl_unit: int = 1  # "TTL (mins)": seconds per unit of the TTL column
    width: int = 0  # cells in the header row
    later: bool = False  # a full-width row said the rows below wait for issuance
    section: Action | None = None  # "| REMOVE - only after … |" across the table: rows below
    header_action: Action | None = None  # "| Record to remove |": what is done with each row
    last_value: str | None = None  # the row above's value, for "(same as above)"
    both: int | None = None  # "| Record name / Value |": one column holding the name, then data
    # The TTL column of a header that names no value column ("| Hostname | Record | TTL |",
    # each record whole in its cell)
    ttl_column: int | None = None

    def read_header(self, cells: list[str]) -> bool:
        roles: dict[str | None, int] = {}
        # "| Host | Type | Before | After |": what is published now, and what it is to become
        sides = {_bare(c).lower() for c in cells} >= {"before", "after"}
        for i, c in enumerate(cells):  # the last column of a role ("Domain name", "Record name")
            role = _column_role(c) or (_BEFORE_AFTER.get(_bare(c).lower()) if sides else None)
            if role == "name" and "name" in roles and c.strip().lower() == "alias":
                continue  # Route 53's "Alias" (Yes/No) beside its "Record name"
            # "Record name / Value", "CNAME name<br>CNAME value" (one header cell, two lines)
            halves = c.split("/") if "/" in c else _NAME_THEN_VALUE.split(c.strip(), maxsplit=1)
            if role is None and len(halves) == 2 and header_phrase(halves[0]) == "name":
                role = "name"
            if role == "name" and len(halves) == 2 and header_phrase(halves[1]) == "value":
                self.both = i  # "Record name / Value": the name and its data in one cell
            roles[role] = i
        roles.pop(None, None)
        self._header_action(cells, roles)
        self.ttl_column = roles.get("ttl")
        if self.owner and "old" in roles and "value" in roles:
            self.columns = {k: v for k, v in roles.items() if k}
            return True
        if self.both is not None and "value" not in roles:
            roles["value"] = self.both
        if "old" in roles and "value" not in roles and "name" in roles:
            # "| Host name | Currently points to |": records as published, asking nothing.
            roles["value"] = roles.pop("old")
            self.published = True
        if "value" in roles and ("name" in roles or "type" in roles):
            self.columns = {k: v for k, v in roles.items() if k}
            self.width = len(cells)
            if "ttl" in roles:
                self.ttl_unit = _unit_of(cells[roles["ttl"]])
            self.status_columns = [i for i, c in enumerate(cells) if _column_role(c) == "status"]
            named = {t.upper() for c in cells for t in _HEADER_TYPE.findall(c)}
            self.type_hint = named.pop() if len(named) == 1 else None
            return True
        return False

    def _positional(self) -> bool:
        """May a row be read by position ("name | TYPE | value")? Only when the header gives
        no column for its name and none that says what to do with it, which that would lose
        ("| … | Status |" saying "Validated - no action", "| … | Action / notes |")."""
        said = {"name", "action", "when", "old"} & set(self.columns)
        return not said and not self.status_columns

    def _header_action(self, cells: list[str], roles: dict[str | None, int]) -> None:
        """ "| Host | Record to remove | Type |": the column named for what is to be done holds
        the records' data when another column names them, one gives their type and none holds
        data; and its rows are removals. ("| Record to remove | Type | Value |": it names them;
        "| Hostname | Record to create | Notes |": it holds each record whole.)"""
        done = [i for i, c in enumerate(cells) if header_action(c) is not None]
        if len(done) != 1:
            return
        self.header_action = header_action(cells[done[0]])
        names = [i for i, c in enumerate(cells) if i != done[0] and _column_role(c) == "name"]
        if roles.get("name") == done[0] and "value" not in roles and "type" in roles and names:
            roles["value"], roles["name"] = done[0], names[-1]

    def _done(self, cells: list[str]) -> bool:
        """ACM's "Success" in every status column: published, nothing to ask ("Validation
        status: Success" beside "Renewal status: Pending validation" still asks)."""
        states = [cells[i].strip() for i in self.status_columns if i < len(cells)]
        said = [s for s in states if s and s.lower() not in _NOTHING]
        return bool(said) and all(state_done(s) for s in said)

    def read_row(self, cells: list[str], number: int) -> Mention | None:
        if all(re.fullmatch(r":?-{2,}:?", c) or not c for c in cells):
            return None
        short = self.width > 2 and len(cells) == self.width - 1
        if short and self.ttl_column == self.width - 1 and self.columns:
            # "| gov.uk | @ | TXT | globalsign-… |" under "… | Data | TTL (s) |": no TTL cell
            mention = self._by_header([*cells, ""], number)
            if mention is not None:
                return mention
        if short and self.columns.get("name", 1) > 0:
            cells = ["", *cells]  # the first cell spans this row too (rowspan): it is not repeated
        if self.columns and len(cells) > max(self.columns.values()) + 1 and not cells[0]:
            cells = cells[len(cells) - max(self.columns.values()) - 1 :]  # a leading empty cell
        side = _ROW_SIDES.get(cells[0].strip().lower().rstrip(":")) if cells else None
        mention = self._by_header(cells, number) if self.columns else None
        if mention is None and self._positional():
            # "| Domain | Verification record | Type | Value |": no column the header names holds
            # the record's name, but the cell before its type does
            mention = _by_position(cells, number)
        if mention is None or side is None:
            return mention
        if side == "observed":
            mention.mode = "observed"
        elif mention.action is None:
            mention.action = "update"
        return mention

    def _said_update(self, cells: list[str]) -> bool:
        """ "| x | CNAME |  | NEW | Update to the new target |": a row whose current value is
        blank (or that has no column for it) but whose note (a cell under no header we read)
        says it replaces one."""
        read = set(self.columns.values())
        notes = [c for i, c in enumerate(cells) if i not in read]
        if "old" not in self.columns:
            # "| V | CNAME | _acme-challenge.www | There's already a CNAME here – overwrite it
            # with this value, don't add a second one |": a note that says it replaces one
            return any(len(c.split()) > 3 and action_cue(c) == "update" for c in notes)
        return any(action_word(c) == "update" for c in notes)

    def _by_header(self, cells: list[str], number: int) -> Mention | None:
        def raw(role: str) -> str:
            i = self.columns.get(role)
            return cells[i].strip() if i is not None and i < len(cells) else ""

        def cell(role: str) -> str:
            bare = _REMARK.sub(" ", raw(role)).strip()  # "300 (5 min)", "name (host field: _x)"
            if _bare(bare).lower() in _NOTHING:  # ("_none_": Markdown's emphasis)
                return ""  # "- (no record today)": an empty cell, said in words
            return bare or raw(role)

        name, rdtype, value = cell("name") or self.owner or "", cell("type").upper(), cell("value")
        if self.both is not None and self.columns.get("name") == self.columns.get("value"):
            words = raw("name").split()  # "_acme-challenge.gov.uk 2gabsvc….fastly-validations.com"
            name, value = (words[0], words[-1]) if len(words) == 2 else ("", "")
        name, value = _unbroken(name), _unlinked(value)
        if same_as_above(raw("value")) and self.last_value:
            value = self.last_value  # "(same as above)", "ditto", "as above"
        self.last_value = value or self.last_value
        if not rdtype and "type" not in self.columns:
            # The header names it ("Host name (CNAME)"), or a cell of the row does ("DNS CNAME"
            # under "Method").
            in_row = {t.upper() for c in cells for t in _HEADER_TYPE.findall(c)}
            rdtype = self.type_hint or self.owner_type or (in_row.pop() if len(in_row) == 1 else "")
        if not rdtype and "type" not in self.columns and is_validation_host(value.strip("`'\"")):
            rdtype = "CNAME"  # "| Point to | Host name |": a CA's validation host is a target
        if (
            not rdtype
            and "type" not in self.columns
            and _HOSTS.match(value)
            and _HOSTS.match(cell("old"))
        ):
            rdtype = "CNAME"  # "| Host | Current | New |" with a host name in each: CNAME targets
        # "| x | CNAME | OLD | _unchanged_ |", "| x | TXT | OLD | **remove** (see note 2) |":
        # what the row's new value says of the record there now
        said_new = _bare(value).lower() if "old" in self.columns else ""
        kept = bool(said_new) and keeps(said_new)
        deleting = action_word(cell("action")) == "delete" or (
            bool(said_new) and action_word(said_new) == "delete"
        )
        if (kept or deleting) and said_new and cell("old"):
            value = ""  # the new value's cell holds words, not data
        if (deleting or kept) and not value and cell("old"):
            # "Current value X, Required value -, Delete after issue": what goes is what is there
            value, cells_old = cell("old"), True
        else:
            cells_old = False
        if not name or not value or not rdtype or not is_type_word(rdtype):
            return None
        ttl = _scaled(ttl_of(cell("ttl")), self.ttl_unit)
        trailing = _TRAILING_TTL.search(value)
        if trailing and rdtype != "CAA":
            # "globalsign-domain-verification=X<br>TTL 3600" in one cell: the TTL is no data
            value = value[: trailing.start()].rstrip()
            ttl = ttl if ttl is not None else int(trailing.group(1))
        if rdtype == "CAA" and cell("caa_tag"):
            # "| Name | Type | Flag | Tag | Value |": CAA data put back together
            value = caa_data(cell("caa_flags"), cell("caa_tag"), value) or value
        old, new = split_old_new(value)
        remarks = " ".join(_REMARK.findall(raw("value")))
        # "NEW (currently OLD, please update)": the remark says what the record holds now
        was = _REMARK_OLD.search(remarks) if not old and not cell("old") else None
        if was and candidates(number, was.group(1)) and was.group(1).lower() != value.lower():
            old = was.group(1)
        said = _REMARK_TTL.search(remarks) if ttl is None else None
        ttl = int(said.group(1)) if said else ttl  # "ptk7….fastly-validations.com (TTL: 300)"
        # ("| x | CNAME | y | None (published last year) |": the "None" that blanks the cell
        # still says the row asks nothing, as "NONE - already in place" does)
        row_mode = _row_mode(cell("action") or _worded(raw("action")))
        mention = Mention(
            name,
            rdtype,
            clean_data(rdtype, new or value),
            number,
            ttl=ttl,
            old_value=None if cells_old else (cell("old") or old),
            action="delete"
            if deleting
            else action_word(cell("action"))
            if cell("action")
            # "| WHEN |" saying "remove after issuance": the row's action and its time
            else action_word(cell("when"))
            or (
                "update"
                if cell("old") or old or self._said_update(cells)
                else "add"
                if new
                else self.section or self.header_action
            ),
            after_issuance=self.later
            or bool(AFTER_ISSUANCE.search(raw("action") + " " + raw("when"))),
            # "x (current value)", never "x (new code, …)"
            described=bool(_CURRENT.search(remarks) and not _NEW_REMARK.search(remarks))
            or cells_old,
            mode="observed" if self.published or self._done(cells) or kept else row_mode,
            kept=kept or row_mode == "observed",
            zone=cell("zone") or None,  # "| Zone | Host |": the host is relative to this zone
            # "| Domain | Record name |" with "gov.uk (apex / @)" and "@": the row's own domain
            origin_hint=safe_name(cell("domain")) if " " not in cell("domain") else None,
        )
        if mention.origin_hint is None:  # "@ (publishing.service.gov.uk)": the name's domain
            mention.origin_hint = safe_name(domain_in(" ".join(_REMARK.findall(raw("name")))) or "")
        return mention


_HOSTS = re.compile(r"^[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+\.?$", re.I)  # a host name, alone
# A TTL written after the data in the value's cell ("… TTL 3600", "… (TTL: 300)")
_TRAILING_TTL = re.compile(
    r"[ \t]+\(?TTL[ \t]*[:=]?[ \t]*(\d{1,10})[ \t]*(?:s|secs?|seconds)?\)?[ \t]*$", re.I
)


def _worded(cell: str) -> str:
    """A cell said in words ("None", "n/a (covered)"), or "" for a bare dash."""
    return cell if any(c.isalpha() for c in cell) else ""


def _row_mode(action: str) -> Mode:
    """What a row's action cell says of it: an action asks; "No change" describes what is
    there; anything else ("Covered by wildcard", "Out of scope", "N/A") asks nothing."""
    if not action or action_word(action) is not None:
        return "request"
    return "observed" if keeps(action) or _NO_CHANGE.search(action) else "aside"


_NO_CHANGE = re.compile(r"\b(?:no[ ]change|unchanged|in[ ]place|already|done|valid)", re.I)


_UNITS = (("min", 60), ("hour", 3600), ("hr", 3600), ("day", 86400))


def _unit_of(header: str) -> int:
    """Seconds per unit a TTL header names: "TTL (mins)" -> 60; "TTL (s)" or none -> 1."""
    low = header.lower()
    return next((seconds for word, seconds in _UNITS if word in low), 1)


_REMARK_TTL = re.compile(r"\bTTL\b[ \t]*[:=]?[ \t]*(\d{1,7})\b", re.I)


def _scaled(ttl: int | None, unit: int) -> int | None:
    return ttl * unit if ttl is not None else None


def _unbroken(name: str) -> str:
    """ "_acme-challenge. gov.uk" (a no-break space after a dot, as a mail client put it): the
    one name the cell holds, when closing the gap makes one."""
    if ". " not in name:
        return name
    joined = _GAP_AFTER_DOT.sub(".", name)
    return joined if is_owner_token(joined) else name


_GAP_AFTER_DOT = re.compile(r"(?<=[\w-])\.[ ]{1,3}(?=[\w-])")


def _unlinked(value: str) -> str:
    """ "http://cvju….fastly-validations.com/" in a target cell: the CA's validation host the
    link names (a mail client or Safe Links made it a link)."""
    if "://" not in value:
        return value
    host = value.split("://", 1)[1].rstrip("/")
    return host if "/" not in host and is_validation_host(host) else value


def _by_position(cells: list[str], number: int) -> Mention | None:
    """A header-less row: `name | TYPE | value` with the type in a cell of its own."""
    for i, c in enumerate(cells[1:-1], start=1):
        if is_type_word(c) and is_owner_token(cells[i - 1]):
            rdtype = c.upper()
            data, ttl = cells[i + 1], None
            if data.isdigit() and i + 2 < len(cells) and cells[i + 2]:
                data, ttl = cells[i + 2], int(data)  # `name | CNAME | 3600 | target`
            mention = Mention(cells[i - 1], rdtype, clean_data(rdtype, data), number, ttl=ttl)
            if any(c.strip().upper() in DONE for c in cells[: i - 1]):
                # `aws acm describe-certificate --output table`: "| x | SUCCESS | _a.x. | CNAME |
                # _b.acm-validations.aws. |": validated, so published - nothing to ask
                mention.mode = "observed"
            return mention
    return None
