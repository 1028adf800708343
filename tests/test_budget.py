"""A time budget per ticket: triage runs in a worker process that is stopped at its deadline.

Hostile text is the "open cells" shape of tests/hostile.py at 2 MB: reading it takes about
2 s on the CI machine kind (more under load), well past the budgets given here.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import signal
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from multiprocessing.process import BaseProcess
from pathlib import Path

import pytest

from bot.budget import TriageRunner, Unreadable
from bot.config import AppConfig, Dns
from bot.models import Comment, Ticket, Triage
from bot.worker import FinderSpec
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import FakeZendesk
from tests.hostile import shapes
from tests.nsd import Nsd
from tests.poll_bot import Bot

HOSTILE = shapes(2_000_000)["open cells"]
KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"
CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."


def ticket(text: str, rid: str = "66001") -> Ticket:
    return Ticket(id=rid, subject="certificate renewal", text=text)


def workers() -> list[BaseProcess]:
    return [p for p in multiprocessing.active_children() if p.name == "triage-worker"]


@pytest.fixture
def runner(app: AppConfig) -> Iterator[TriageRunner]:
    r = TriageRunner(app, FinderSpec(offline=True), timeout=0.5)
    yield r
    r.close()


def test_a_ticket_past_its_budget_is_unreadable_and_its_worker_replaced(
    runner: TriageRunner,
) -> None:
    assert isinstance(runner.triage(ticket(CNAME, "1")), Triage)
    (first,) = workers()
    started = time.monotonic()
    outcome = runner.triage(ticket(KEY + HOSTILE))
    elapsed = time.monotonic() - started
    assert isinstance(outcome, Unreadable)
    assert "0.5 s budget" in outcome.reason and "while reading the ticket" in outcome.reason
    assert [f.code for f in outcome.flags_so_far] == ["private_key"]  # known before reading
    assert "MIIEvQ" not in outcome.model_dump_json()
    assert elapsed < 1.5  # stopped at its budget, not when the reading would have ended
    assert not first.is_alive()
    after = runner.triage(ticket(CNAME, "2"))
    assert isinstance(after, Triage) and after.verdicts[0].needs_jisc
    assert first not in workers()


def test_one_slow_ticket_does_not_hold_up_another(app: AppConfig) -> None:
    runner = TriageRunner(app, FinderSpec(offline=True), timeout=30)
    try:
        slow = threading.Thread(target=runner.triage, args=(ticket(HOSTILE),))
        slow.start()
        time.sleep(0.3)
        started = time.monotonic()
        quick = runner.triage(ticket(CNAME, "2"))
        assert isinstance(quick, Triage) and time.monotonic() - started < 1.0
        assert slow.is_alive()  # still reading the hostile ticket meanwhile
        slow.join()
    finally:
        runner.close()


def test_the_callers_process_does_not_do_the_reading(runner: TriageRunner) -> None:
    """The work, and the GIL it holds, are the worker's: this process only waits."""
    runner.triage(ticket(CNAME, "1"))
    cpu = time.process_time()
    outcome = runner.triage(ticket(HOSTILE))
    assert isinstance(outcome, Unreadable)
    assert time.process_time() - cpu < 0.3


def test_a_worker_killed_mid_ticket_is_unreadable_not_an_exception(app: AppConfig) -> None:
    runner = TriageRunner(app, FinderSpec(offline=True), timeout=30)
    try:
        runner.triage(ticket(CNAME, "1"))
        (worker,) = workers()
        threading.Timer(0.5, os.kill, (worker.pid, signal.SIGKILL)).start()  # the OOM killer
        outcome = runner.triage(ticket(HOSTILE))
        assert isinstance(outcome, Unreadable)
        assert "stopped (exit code -9) while reading the ticket" in outcome.reason
        assert isinstance(runner.triage(ticket(CNAME, "2")), Triage)
    finally:
        runner.close()


def test_a_triage_that_fails_is_unreadable_with_the_error(runner: TriageRunner) -> None:
    """A worker short of memory (an address-space limit) fails on the hostile ticket."""
    runner.timeout = 30
    runner.triage(ticket(CNAME, "1"))
    (worker,) = workers()
    with open(f"/proc/{worker.pid}/status") as status:
        size = int(status.read().split("VmSize:")[1].split()[0]) * 1024
    resource.prlimit(worker.pid, resource.RLIMIT_AS, (size + 100_000_000, resource.RLIM_INFINITY))
    outcome = runner.triage(ticket(HOSTILE))
    assert isinstance(outcome, Unreadable) and outcome.reason.startswith("triage failed (")
    assert worker.is_alive()  # an error, not a stuck worker: it is kept
    resource.prlimit(worker.pid, resource.RLIMIT_AS, (resource.RLIM_INFINITY,) * 2)  # lifted
    assert isinstance(runner.triage(ticket(CNAME, "2")), Triage)


@pytest.mark.nsd
def test_the_worker_asks_live_dns(nsd: Nsd, app: AppConfig) -> None:
    fast = app.model_copy(update={"dns": Dns(timeout=0.3, lifetime=4.0)})
    host, port = nsd.nameserver.split(":")
    runner = TriageRunner(fast, FinderSpec(server=(host, int(port))), timeout=10)
    try:
        outcome = runner.triage(
            ticket("_acme-challenge.new.gov.uk. CNAME abc.fastly-validations.com.")
        )
    finally:
        runner.close()
    assert isinstance(outcome, Triage)
    (verdict,) = outcome.verdicts
    assert (verdict.zone, verdict.zone_source, verdict.current) == ("gov.uk.", "dns", "missing")


def test_a_budget_spent_on_dns_says_so(silent_server: str, app: AppConfig) -> None:
    slow = app.model_copy(update={"dns": Dns(timeout=2.0, lifetime=8.0)})
    host, port = silent_server.split(":")
    runner = TriageRunner(slow, FinderSpec(server=(host, int(port))), timeout=1.0)
    try:
        outcome = runner.triage(ticket(CNAME))
    finally:
        runner.close()
    assert isinstance(outcome, Unreadable)
    assert "1 s budget (stopped while looking up DNS for 1 record)" in outcome.reason


def test_the_worker_hands_back_the_ticket_redacted(runner: TriageRunner) -> None:
    html = f"<div><p>{KEY}</p><p>{CNAME}</p></div>"
    sent = Ticket(id="66002", subject="certificate", comments=(Comment(id=1, body=html),))
    outcome = runner.triage(sent)
    assert isinstance(outcome, Triage) and outcome.verdicts[0].needs_jisc
    (kept,) = outcome.ticket.comments
    assert CNAME in kept.body and "<p>" not in kept.body
    assert "MIIEvQ" not in outcome.model_dump_json()


def test_no_private_key_reaches_the_state_file(
    app: AppConfig, fake_zendesk: FakeZendesk, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    when = datetime.now(UTC) - timedelta(minutes=30)
    fake_zendesk.add_request(56001, "Certificate renewal", f"{KEY}\n{CNAME}", when)
    bot = Bot(app, fake_slack, tmp_path, budget=10)
    try:
        assert bot.poll().handled == [56001]
        assert "k4v7qh2m9xw3zt8pld" in bot.store.load_ticket(56001)[1]
    finally:
        bot.close()
    for path in tmp_path.glob("state.db*"):
        assert b"MIIEvQ" not in path.read_bytes(), path
