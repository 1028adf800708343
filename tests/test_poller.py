"""Polling against the fake Zendesk: exactly the new and updated certificate tickets, once each."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import AppConfig, Secrets
from bot.poller import TicketEvent, poll_once
from bot.store import MIGRATIONS, Store
from bot.zendesk import ZendeskAuthError, ZendeskSource, make_client
from tests.conftest import ROOT
from tests.fake_zendesk import EMAIL, PASSWORD, T0, FakeZendesk

NOW = T0 + timedelta(days=1)
CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."


def make_source(app: AppConfig) -> ZendeskSource:
    client = make_client(
        app.zendesk, Secrets(zendesk_email=EMAIL, zendesk_password=PASSWORD), timeout=5
    )
    return ZendeskSource(client, attempts=2, backoff=0.0, sleep=lambda s: None)


class Recorder:
    def __init__(self, fail_for: set[int] | None = None) -> None:
        self.events: list[TicketEvent] = []
        self.fail_for = fail_for or set()

    def __call__(self, event: TicketEvent) -> None:
        if event.request.id in self.fail_for:
            raise RuntimeError(f"downstream failed for {event.request.id}")
        self.events.append(event)

    def ids(self) -> list[int]:
        return [e.request.id for e in self.events]


@pytest.fixture
def seeded(fake_zendesk: FakeZendesk) -> FakeZendesk:
    fake_zendesk.add_request(
        56001, "New challenge token for www.gov.uk", f"Please add:\n{CNAME}", T0
    )
    fake_zendesk.add_request(
        56002, "Scheduled maintenance", "Maintenance on 3 December.", T0 + timedelta(minutes=5)
    )
    fake_zendesk.add_request(
        56003, "GlobalSign certificate renewal", "We will be in touch.", T0 + timedelta(minutes=10)
    )
    return fake_zendesk


def poll(app: AppConfig, store: Store, handler: Callable[[TicketEvent], None], now=NOW):
    return poll_once(make_source(app), store, handler, app=app, now=now)


def test_first_poll_delivers_certificate_tickets_only(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    recorder = Recorder()
    report = poll(app, Store(tmp_path / "s.db"), recorder)
    assert recorder.ids() == [56001, 56003]
    assert report.skipped == [56002]
    first = recorder.events[0]
    assert first.first_seen and CNAME in first.ticket.comments[0].body
    assert first.ticket.comments[0].role == "vendor"
    assert first.ticket.url == "https://fastly.zendesk.com/hc/requests/56001"
    # one listing, then comments for each of the three changed requests
    assert seeded.count("/requests.json") == 1 and seeded.count("/comments") == 3


def test_idle_poll_is_exactly_one_call(seeded: FakeZendesk, app: AppConfig, tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    poll(app, store, Recorder())
    before = seeded.count()
    recorder = Recorder()
    poll(app, store, recorder, now=NOW + timedelta(minutes=5))
    assert recorder.events == [] and seeded.count() - before == 1


def test_new_comment_is_an_update_and_only_that_request_is_refetched(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    store = Store(tmp_path / "s.db")
    poll(app, store, Recorder())
    new_id = seeded.add_comment(
        56001,
        "Sorry, new token: _acme-challenge.gov.uk. CNAME a.fastly-validations.com.",
        T0 + timedelta(hours=2),
    )
    before_comments = seeded.count("/comments")
    recorder = Recorder()
    poll(app, store, recorder)
    (event,) = recorder.events
    assert (event.request.id, event.first_seen, event.new_comment_ids) == (56001, False, (new_id,))
    assert seeded.count("/comments") - before_comments == 1


def test_restart_neither_loses_nor_repeats(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    path = tmp_path / "s.db"
    first = Recorder()
    poll(app, Store(path), first)
    again = Recorder()
    poll(app, Store(path), again)  # a new process on the same state file
    assert first.ids() == [56001, 56003] and again.ids() == []


def test_crash_between_fetch_and_handling_redelivers(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    path = tmp_path / "s.db"
    failing = Recorder(fail_for={56001})
    report = poll(app, Store(path), failing)
    assert failing.ids() == [56003] and report.failed == [56001]
    assert Store(path).watermark() is None  # cannot pass the version that failed
    retry = Recorder()
    poll(app, Store(path), retry)
    assert retry.ids() == [56001]  # redelivered; 56003 is not repeated
    assert Store(path).watermark() == T0 + timedelta(minutes=10)


def test_poison_ticket_is_given_up_after_three_attempts(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    store = Store(tmp_path / "s.db")
    poison = Recorder(fail_for={56001})
    reports = [poll(app, store, poison) for _ in range(3)]
    assert [r.failed for r in reports] == [[56001], [56001], []]
    assert reports[2].given_up == [56001]
    assert poison.ids() == [56003]
    assert store.watermark() == T0 + timedelta(minutes=10)
    before = seeded.count()
    poll(app, store, poison)
    assert seeded.count() - before == 1  # idle again: the poison ticket no longer costs calls


def test_one_malformed_request_does_not_stop_the_others(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    seeded.comments[56003][0]["created_at"] = "garbage"
    recorder = Recorder()
    poll(app, Store(tmp_path / "s.db"), recorder)
    assert recorder.ids() == [56001, 56003]  # the malformed comment is left out, the ticket not


def test_rejected_credentials_stop_the_cycle_without_losing_anything(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    store = Store(tmp_path / "s.db")
    seeded.fail("/requests.json", "401")
    with pytest.raises(ZendeskAuthError):
        poll(app, store, Recorder())
    recorder = Recorder()
    poll(app, store, recorder)
    assert recorder.ids() == [56001, 56003]


def test_organisation_filter(seeded: FakeZendesk, app: AppConfig, tmp_path: Path) -> None:
    other = app.model_copy(
        update={"tickets": app.tickets.model_copy(update={"organization_id": 1})}
    )
    recorder = Recorder()
    report = poll(other, Store(tmp_path / "s.db"), recorder)
    assert recorder.ids() == [] and sorted(report.skipped) == [56001, 56002, 56003]


def test_first_poll_only_looks_back_as_configured(
    fake_zendesk: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    fake_zendesk.add_request(1, "Old certificate ticket", "x", NOW - timedelta(days=30))
    fake_zendesk.add_request(2, "Recent certificate ticket", "x", NOW - timedelta(days=1))
    recorder = Recorder()
    poll(app, Store(tmp_path / "s.db"), recorder)
    assert recorder.ids() == [2]


def test_store_schema_is_versioned(tmp_path: Path) -> None:
    store = Store(tmp_path / "s.db")
    assert store.schema_version() == len(MIGRATIONS) == 3
    store.close()
    assert Store(tmp_path / "s.db").schema_version() == 3


def run_cli(fake: FakeZendesk, state: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "ZENPY_FORCE_SCHEME": "http",
        "ZENPY_FORCE_NETLOC": f"127.0.0.1:{fake.port}",
        "ZENDESK_EMAIL": EMAIL,
        "ZENDESK_PASSWORD": PASSWORD,
    }
    args = ["poll", "--once", "--dry-run", "--offline", "--state", str(state), *extra]
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


def test_cli_poll_dry_run_prints_new_tickets_then_nothing(
    seeded: FakeZendesk, tmp_path: Path
) -> None:
    # The tickets are dated relative to now so the first poll's look-back includes them.
    for rid, offset in ((56001, 3), (56002, 2), (56003, 1)):
        when = (datetime.now(UTC) - timedelta(hours=offset)).strftime("%Y-%m-%dT%H:%M:%SZ")
        seeded.requests[rid]["updated_at"] = when
    first = run_cli(seeded, tmp_path / "state.db", "--json")
    assert first.returncode == 0, first.stderr
    lines = [json.loads(line) for line in first.stdout.splitlines()]
    assert [(x["event"], x["request_id"]) for x in lines] == [("new", 56001), ("new", 56003)]
    assert lines[0]["triage"]["changes"][0]["name"] == "_acme-challenge.www.gov.uk."
    assert PASSWORD not in first.stderr
    before = seeded.count()
    second = run_cli(seeded, tmp_path / "state.db", "--json")
    assert second.returncode == 0 and second.stdout == ""
    assert seeded.count() - before == 1


def test_cli_poll_bad_credentials_exit_1_with_advice(seeded: FakeZendesk, tmp_path: Path) -> None:
    seeded.fail("/requests.json", "401")
    proc = run_cli(seeded, tmp_path / "state.db")
    assert proc.returncode == 1
    assert "Zendesk rejected the credentials" in proc.stderr and PASSWORD not in proc.stderr


def test_an_outage_longer_than_three_polls_never_gives_a_ticket_up(
    seeded: FakeZendesk, app: AppConfig, tmp_path: Path
) -> None:
    store = Store(tmp_path / "s.db")
    delivered: list[int] = []

    def slack_down(event: TicketEvent) -> None:
        raise ConnectionError("Slack is unreachable")

    for _ in range(5):
        report = poll(app, store, slack_down)
        assert report.given_up == [] and sorted(report.failed) == [56001, 56003]
    poll(app, store, lambda event: delivered.append(event.request.id))
    assert delivered == [56001, 56003]
