"""Nothing vanishes: a ticket that fails or runs out of time is posted once as unreadable,
with its link, subject and the flags so far, and read again when it changes.

The poll cycle is the one `run` uses (`make_poll`): real zenpy against the fake Zendesk, real
slack_sdk against the fake Slack, triage in worker processes with a small budget.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import AppConfig
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import FakeZendesk
from tests.hostile import shapes
from tests.poll_bot import Bot

CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."
KEY = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"
HOSTILE = KEY + shapes(2_000_000)["open cells"]  # about 2 s to read: past a 0.5 s budget
URL = "https://fastly.zendesk.com/hc/requests/{}"
NOW = datetime.now(UTC)


@pytest.fixture
def bot(app: AppConfig, fake_slack: FakeSlack, tmp_path: Path) -> Iterator[Bot]:
    b = Bot(app, fake_slack, tmp_path, budget=0.5)
    yield b
    b.close()


def parents(slack: FakeSlack) -> dict[str, list[dict]]:
    """Parent messages Slack holds, by ticket id."""
    found: dict[str, list[dict]] = {}
    for m in slack.messages:
        if m.get("metadata") and not m.get("thread_ts"):
            found.setdefault(m["metadata"]["event_payload"]["ticket_id"], []).append(m)
    return found


def shown(slack: FakeSlack, rid: int) -> str:
    """The blocks last shown on a ticket's parent message (posted or updated)."""
    last = ""
    for call in slack.calls:
        meta = call.body.get("metadata") or {}
        parent = call.method in ("chat.postMessage", "chat.update") and not call.body.get(
            "thread_ts"
        )
        if parent and meta.get("event_payload", {}).get("ticket_id") == str(rid):
            last = json.dumps(call.body["blocks"], ensure_ascii=False)
    return last


def test_a_ticket_past_its_budget_is_posted_once_and_read_again_when_it_changes(
    bot: Bot, fake_zendesk: FakeZendesk, fake_slack: FakeSlack
) -> None:
    fake_zendesk.add_request(56001, "Certificate renewal", CNAME, NOW - timedelta(minutes=30))
    fake_zendesk.add_request(
        66001, "TLS certificate for <!channel>", HOSTILE, NOW - timedelta(minutes=20), html=HOSTILE
    )
    report = bot.poll()
    assert sorted(report.handled) == [56001, 66001]
    posts = parents(fake_slack)
    assert sorted(posts) == ["56001", "66001"] and len(posts["66001"]) == 1
    said = shown(fake_slack, 66001)
    assert "Certificate ticket 66001: TLS certificate for ‹!channel›" in said
    assert "*Could not read this ticket:* it took longer than its 0.5 s budget" in said
    assert f"read it on Zendesk: <{URL.format(66001)}|Zendesk request 66001>" in said
    assert "*private_key*" in said and "MIIEvQ" not in said
    assert "k4v7qh2m9xw3zt8pld" in shown(fake_slack, 56001)  # the other ticket is read

    calls = len(fake_slack.calls)
    assert bot.poll().handled == [] and len(fake_slack.calls) == calls  # posted once, done

    fake_zendesk.add_comment(66001, f"Please also add:\n{CNAME}", NOW - timedelta(minutes=5))
    assert bot.poll().handled == [66001]  # changed: read again
    assert [c.method for c in fake_slack.calls[calls:]] == ["chat.update"]
    assert len(parents(fake_slack)["66001"]) == 1


def test_a_ticket_slack_keeps_refusing_is_posted_as_unreadable_after_three_tries(
    bot: Bot, fake_zendesk: FakeZendesk, fake_slack: FakeSlack
) -> None:
    fake_zendesk.add_request(56001, "Certificate renewal", CNAME, NOW - timedelta(minutes=30))
    fake_slack.fail("chat.postMessage", *["invalid_blocks"] * 3)  # the triage message, refused
    reports = [bot.poll() for _ in range(3)]
    assert [r.failed for r in reports] == [[56001], [56001], []]
    assert reports[2].unreadable == [56001] and reports[2].given_up == []
    (post,) = parents(fake_slack)["56001"]
    text = json.dumps(post["blocks"])
    assert "Could not read this ticket:* handling it failed 3 times (SlackApiError" in text
    assert "invalid_blocks" in text and URL.format(56001) in text
    assert bot.poll().unreadable == [] and len(parents(fake_slack)["56001"]) == 1
