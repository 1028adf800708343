"""Table rows (Markdown pipes, or HTML tables turned into pipes) that describe records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.reading.labels import action_word, header_phrase
from bot.reading.mentions import Mention, clean_data, is_owner_token, is_type_word, ttl_of


def table_cells(line: str) -> list[str] | None:
    stripped = line.strip()
    if stripped.count("|") < 2 and not (stripped.startswith("|") and stripped.count("|") >= 1):
        return None
    cells = [c.strip().replace("`", "") for c in stripped.strip("|").split("|")]
    return cells if len(cells) >= 2 else None


_GAP = re.compile(r"[ ]{2,}")
_REMARK = re.compile(r"\([^()]{0,200}\)")


def aligned_cells(line: str) -> list[str] | None:
    """Cells of a space-aligned row: separated by two or more spaces, at least three."""
    stripped = line.strip()
    if "  " not in stripped:
        return None
    cells = [c.strip().replace("`", "") for c in _GAP.split(stripped)]
    return cells if len(cells) >= 3 else None


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
        side = _ROW_SIDES.get(cells[0].strip().lower().rstrip(":")) if cells else None
        mention = self._by_header(cells, number) if self.columns else _by_position(cells, number)
        if mention is None or side is None:
            return mention
        if side == "observed":
            mention.mode = "observed"
        elif mention.action is None:
            mention.action = "update"
        return mention

    def _by_header(self, cells: list[str], number: int) -> Mention | None:
        def cell(role: str) -> str:
            i = self.columns.get(role)
            text = cells[i].strip() if i is not None and i < len(cells) else ""
            bare = _REMARK.sub(" ", text).strip()  # "300 (5 min)", "name (host field: _x)"
            return bare or text

        name, rdtype, value = cell("name"), cell("type").upper(), cell("value")
        if not name or not value or not rdtype or not is_type_word(rdtype):
            return None
        ttl = cell("ttl")
        return Mention(
            name,
            rdtype,
            clean_data(rdtype, value),
            number,
            ttl=ttl_of(ttl),
            old_value=cell("old") or None,
            action=action_word(cell("action")) if cell("action") else None,
        )


def _by_position(cells: list[str], number: int) -> Mention | None:
    """A header-less row: `name | TYPE | value` with the type in a cell of its own."""
    for i, c in enumerate(cells[1:-1], start=1):
        if is_type_word(c) and is_owner_token(cells[i - 1]):
            rdtype = c.upper()
            return Mention(cells[i - 1], rdtype, clean_data(rdtype, cells[i + 1]), number)
    return None
