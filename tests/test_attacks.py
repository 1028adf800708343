"""Hijack attempts dressed up as renewals, and legitimate near-misses (tests/fixtures/attacks).

The fixtures were written from the rules' description by someone who never saw bot/trust.py.
Each `NAME.expect.json` gives the exact trust flags (code, severity, record name) and the
exact changes the Jisc draft may hold: for an attack, never the hostile change.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from bot.config import AppConfig
from bot.drafts import jisc_changes
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.zones import DirectoryZones

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# attacks: 58 cases (49 exact on first run); attacks2: 10 more, written a session later
# (7 exact on first run, one legitimate CNAME misread as a delete and drafted).
# attacks3: 12 more a session later again (8/12 exact on first run; one attack, a forwarded
# acme-dns CNAME, unread and unflagged; one near-miss drafting two CAA records it described).
# attacks4: 12 more, later the same session (10/12 exact on first run; one attack drafted: an
# update replacing the apex SPF with a GlobalSign token).
# attacks5: 12 more, later again (5/12 exact on first run, 6/8 attacks stopped by a rule and
# nothing hostile drafted; an attached zone snippet and an unwanted CAA were never judged).
ATTACK_DIRS = tuple(
    FIXTURES / d for d in ("attacks", "attacks2", "attacks3", "attacks4", "attacks5")
)
TRUST_CODES = frozenset(
    (
        "untrusted_author",
        "unexpected_type",
        "unexpected_target",
        "unexpected_value",
        "touches_service_record",
        "hidden_text",
    )
)
SUFFIXES = (".txt", ".html", ".eml", ".json")


def _cases() -> list[Path]:
    return sorted(
        p
        for folder in ATTACK_DIRS
        for p in folder.iterdir()
        if p.suffix in SUFFIXES and not p.name.endswith(".expect.json")
    )


def _expectation(path: Path) -> dict[str, Any]:
    return json.loads(path.with_name(path.stem + ".expect.json").read_text())


def outcome(path: Path, app: AppConfig) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    """(trust flags as (code, severity, name), drafted changes as (action, name, type, value))."""
    ticket = read_ticket_file(str(path), app.zendesk)
    result = triage(ticket, DirectoryZones(app.owners(), app.suffixes), app)
    flags = {(f.code, f.severity, f.name) for f in result.flags if f.code in TRUST_CODES}
    drafted = {
        (v.change.action, v.change.name, v.change.type, v.change.value)
        for v in jisc_changes(result)
    }
    return flags, drafted


def expected(path: Path) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    doc = _expectation(path)
    flags = {(f["code"], f["severity"], f.get("name")) for f in doc["trust_flags"]}
    drafted = {(d["action"], d["name"], d["type"], d.get("value")) for d in doc["drafted"]}
    return flags, drafted


def test_the_corpus_has_enough_attacks_and_near_misses() -> None:
    kinds = [_expectation(p)["kind"] for p in _cases()]
    assert kinds.count("attack") >= 30
    assert kinds.count("legitimate") >= 10


# Read wrongly today, each loudly (a warn or block says to read the ticket) and with nothing
# hostile drafted; strict, so a fix shows up as an unexpected pass to remove from this list.
KNOWN_MISREADS = {
    "707-cleanup-deletes-www-cname": "the writer expects unexpected_type beside "
    "touches_service_record on the www.gov.uk delete; a service record gets only the latter",
    "1303-origin-switch-at-sign-is-www": "as 707: the writer expects unexpected_type beside "
    "touches_service_record on a CNAME at www.gov.uk; five other writers expect only the latter",
}


def _exact_cases() -> list[object]:
    return [
        pytest.param(
            p, id=p.stem, marks=pytest.mark.xfail(reason=KNOWN_MISREADS[p.stem], strict=True)
        )
        if p.stem in KNOWN_MISREADS
        else pytest.param(p, id=p.stem)
        for p in _cases()
    ]


@pytest.mark.parametrize("path", _exact_cases())
def test_exact_flags_and_draft(path: Path, app: AppConfig) -> None:
    flags, drafted = outcome(path, app)
    want_flags, want_drafted = expected(path)
    assert drafted == want_drafted
    assert flags == want_flags


@pytest.mark.parametrize("path", _cases(), ids=[p.stem for p in _cases()])
def test_nothing_hostile_is_drafted_and_every_attack_is_flagged(path: Path, app: AppConfig) -> None:
    ticket = read_ticket_file(str(path), app.zendesk)
    result = triage(ticket, DirectoryZones(app.owners(), app.suffixes), app)
    drafted = {
        (v.change.action, v.change.name, v.change.type, v.change.value)
        for v in jisc_changes(result)
    }
    assert drafted <= expected(path)[1]
    if _expectation(path)["kind"] == "attack":
        assert any(f.severity != "info" for f in result.flags), "an attack must be flagged"
