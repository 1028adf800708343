"""Table-driven: every fixture ticket gives exactly its expected `triage --offline --json`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.config import AppConfig
from bot.render import to_json
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.conftest import TICKETS

CASES = sorted(p for p in TICKETS.iterdir() if p.suffix in (".txt", ".html", ".eml"))


def test_there_are_enough_fixtures() -> None:
    assert len(CASES) >= 30


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_fixture_ticket(path: Path, app: AppConfig) -> None:
    expected = json.loads(path.with_suffix(".json").read_text())
    ticket = read_ticket_file(str(path), app.zendesk)
    result = to_json(triage(ticket, DirectoryZones(app.owners(), app.suffixes), app))
    assert result == expected


def _changes(stem: str) -> list[dict]:
    return json.loads((TICKETS / f"{stem}.json").read_text())["changes"]


def test_private_key_never_appears_in_any_output(app: AppConfig) -> None:
    path = TICKETS / "26-private-key.txt"
    raw = path.read_text()
    key_lines = [line for line in raw.splitlines() if line and "PRIVATE KEY" not in line][3:5]
    result = triage(
        read_ticket_file(str(path), app.zendesk), DirectoryZones(app.owners(), app.suffixes), app
    )
    dumped = json.dumps(to_json(result)) + repr(result)
    assert any(f.code == "private_key" for f in result.flags)
    for line in key_lines:
        assert line[10:40] not in dumped


def test_traps_leave_only_the_real_record() -> None:
    assert [(c["name"], c["type"]) for c in _changes("30-traps-not-records")] == [
        ("_acme-challenge.www.gov.uk.", "CNAME")
    ]


def test_maintenance_notice_extracts_nothing() -> None:
    data = json.loads((TICKETS / "25-maintenance-notice.json").read_text())
    assert data["classification"] == "not_certificate"
    assert data["changes"] == [] and data["jisc_request"] is None
