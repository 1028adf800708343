"""Table rows (Markdown pipes, or HTML tables turned into pipes) that describe records."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.labels import action_word, header_phrase
from bot.mentions import Mention, clean_data, is_owner_token, is_type_word


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
        if not name or not value or not rdtype or not is_type_word(rdtype):
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
        if is_type_word(c) and is_owner_token(cells[i - 1]):
            rdtype = c.upper()
            return Mention(cells[i - 1], rdtype, clean_data(rdtype, cells[i + 1]), number)
    return None
