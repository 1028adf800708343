"""Crash test: the real `python -m bot run`, killed with SIGKILL at random moments, restarted.

Tickets and comments arrive over time. At the end every certificate ticket must have exactly
one parent post, showing every record asked for, verified from the fake Slack's record.
"""

from __future__ import annotations

import json
import random
import signal
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.bot_process import free_port, start_bot, wait_healthy
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import FakeZendesk
from tests.hostile import shapes

ROUNDS = 24
SEED = 20261124


def arrive(zendesk: FakeZendesk, rng: random.Random, expected: dict[int, set[str]], n: int) -> None:
    """Something happens on the vendor's side: a new ticket, a new comment, or noise."""
    now = datetime.now(UTC)
    choice = rng.random()
    if choice < 0.45 or not expected:
        rid = 57000 + n
        name = f"_acme-challenge.host{n}.gov.uk."
        zendesk.add_request(
            rid,
            f"Certificate renewal {n}",
            f"Please add:\n{name} CNAME t{n}.fastly-validations.com.",
            now,
        )
        expected[rid] = {name}
    elif choice < 0.8:
        rid = rng.choice(sorted(expected))
        name = f"_acme-challenge.extra{n}.gov.uk."
        zendesk.add_comment(
            rid, f"One more record please:\n{name} CNAME e{n}.fastly-validations.com.", now
        )
        expected[rid].add(name)
    else:
        zendesk.add_request(59000 + n, "Scheduled maintenance", "Nothing to do.", now)


def parents(slack: FakeSlack) -> dict[str, list[str]]:
    """Parent messages Slack really holds, by ticket id (not attempts it refused)."""
    found: dict[str, list[str]] = {}
    for message in slack.messages:
        meta = message.get("metadata")
        if meta and not message.get("thread_ts"):
            found.setdefault(meta["event_payload"]["ticket_id"], []).append(message["ts"])
    return found


def latest_view(slack: FakeSlack) -> dict[str, str]:
    """The last blocks shown for each ticket's parent message."""
    shown: dict[str, str] = {}
    for call in slack.calls:
        meta = call.body.get("metadata")
        if (
            call.method in ("chat.postMessage", "chat.update")
            and meta
            and not call.body.get("thread_ts")
        ):
            shown[meta["event_payload"]["ticket_id"]] = json.dumps(call.body.get("blocks"))
    return shown


def test_sigkill_at_random_moments_never_loses_or_duplicates(
    fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    fake_slack.delay = 0.3  # Slack has stored a post for 0.3 s before the bot hears back
    expected: dict[int, set[str]] = {}
    port = free_port()
    arrive(fake_zendesk, rng, expected, 0)
    for n in range(1, ROUNDS + 1):
        proc = start_bot(fake_slack, fake_zendesk, tmp_path, port)
        time.sleep(rng.uniform(0.2, 2.5))
        if rng.random() < 0.7:
            arrive(fake_zendesk, rng, expected, n)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    final = start_bot(fake_slack, fake_zendesk, tmp_path, port)
    try:
        wait_healthy(port)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            shown = latest_view(fake_slack)
            if all(
                str(rid) in shown and all(n in shown[str(rid)] for n in names)
                for rid, names in expected.items()
            ):
                break
            time.sleep(0.2)
    finally:
        final.send_signal(signal.SIGTERM)
        assert final.wait(timeout=20) == 0
    posts = parents(fake_slack)
    assert sorted(posts) == sorted(str(rid) for rid in expected), (
        "every certificate ticket posted, nothing else"
    )
    assert all(len(p) == 1 for p in posts.values()), {
        k: len(v) for k, v in posts.items() if len(v) > 1
    }
    shown = latest_view(fake_slack)
    for rid, names in expected.items():
        missing = [n for n in names if n not in shown[str(rid)]]
        assert not missing, f"ticket {rid}: {missing} never shown"


POISON_ROUNDS = 12
# Every ticket has 1 s; a poisoned one takes about 2.6 s to read (the "open cells" shape of
# tests/hostile.py at 2 MB, as the comment's HTML), so it always runs out of time.
BUDGET = {"triage_timeout_seconds": "1.0"}
HOSTILE = shapes(2_000_000)["open cells"]


def arrive_or_poison(
    zendesk: FakeZendesk,
    rng: random.Random,
    expected: dict[int, set[str]],
    poisoned: set[int],
    n: int,
) -> None:
    """A poisoned ticket arrives, one changes (a new comment: read again), or a good one."""
    now = datetime.now(UTC)
    choice = rng.random()
    if choice < 0.4 or not poisoned:
        rid = 68000 + n
        zendesk.add_request(rid, f"Certificate renewal {n} <!channel>", HOSTILE, now, html=HOSTILE)
        poisoned.add(rid)
    elif choice < 0.65:
        zendesk.add_comment(rng.choice(sorted(poisoned)), f"Any news? ({n})", now)
    else:
        arrive(zendesk, rng, expected, n)


def test_sigkill_never_loses_or_reposts_a_poisoned_ticket(
    fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> None:
    rng = random.Random(SEED + 1)
    fake_slack.delay = 0.3  # Slack has stored a post for 0.3 s before the bot hears back
    expected: dict[int, set[str]] = {}
    poisoned: set[int] = set()
    port = free_port()
    arrive_or_poison(fake_zendesk, rng, expected, poisoned, 0)
    for n in range(1, POISON_ROUNDS + 1):
        proc = start_bot(fake_slack, fake_zendesk, tmp_path, port, config=BUDGET)
        time.sleep(rng.uniform(1.0, 4.0))
        if rng.random() < 0.7:
            arrive_or_poison(fake_zendesk, rng, expected, poisoned, n)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
    final = start_bot(fake_slack, fake_zendesk, tmp_path, port, config=BUDGET)
    unread = "Could not read this ticket:* it took longer than its 1 s budget"
    try:
        wait_healthy(port)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            shown = latest_view(fake_slack)
            if all(unread in shown.get(str(rid), "") for rid in poisoned) and all(
                all(name in shown.get(str(rid), "") for name in names)
                for rid, names in expected.items()
            ):
                break
            time.sleep(0.2)
    finally:
        final.send_signal(signal.SIGTERM)
        assert final.wait(timeout=20) == 0
    posts = parents(fake_slack)
    assert sorted(posts) == sorted(str(rid) for rid in [*poisoned, *expected]), "none lost"
    assert all(len(p) == 1 for p in posts.values()), {
        k: len(v) for k, v in posts.items() if len(v) > 1
    }
    shown = latest_view(fake_slack)
    for rid in poisoned:
        assert unread in shown[str(rid)] and "<!channel>" not in shown[str(rid)], rid
    for rid, names in expected.items():
        assert all(name in shown[str(rid)] for name in names), f"ticket {rid} not read"
