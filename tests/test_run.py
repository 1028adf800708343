"""`python -m bot run` as a real process: start-up checks, health, logs, clean shutdown."""

from __future__ import annotations

import json
import signal
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.bot_process import BOT_TOKEN, free_port, health, start_bot, wait_healthy
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import PASSWORD, FakeZendesk

CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."
SECRET_BODY = "internal-only-ticket-body-marker"


def recent(minutes: int = 60) -> datetime:
    return datetime.now(UTC) - timedelta(minutes=minutes)


def test_runs_posts_reports_health_and_stops_on_sigterm(
    fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> None:
    fake_zendesk.add_request(56001, "New challenge token", f"{CNAME}\n{SECRET_BODY}", recent())
    port = free_port()
    proc = start_bot(fake_slack, fake_zendesk, tmp_path, port)
    try:
        wait_healthy(port)
        (post,) = fake_slack.wait_for("chat.postMessage")
        assert post.body["metadata"]["event_payload"]["ticket_id"] == "56001"
        report = health(port)
        assert report["ok"] and report["age_seconds"] is not None and report["age_seconds"] < 5
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
    lines = [
        json.loads(line)
        for line in (tmp_path / "bot.log").read_text().splitlines()
        if line.startswith("{")
    ]
    assert any(entry.get("event") == "ready" for entry in lines)
    assert any(entry.get("event") == "stopping" for entry in lines)
    assert any(entry.get("ticket") == 56001 for entry in lines)
    text = (tmp_path / "bot.log").read_text()
    assert BOT_TOKEN not in text and PASSWORD not in text and SECRET_BODY not in text


@pytest.mark.parametrize(
    ("fault", "message"),
    [
        (("slack", "auth.test", "invalid_auth"), "Slack rejected SLACK_BOT_TOKEN (invalid_auth)"),
        (
            ("slack", "conversations.history", "channel_not_found"),
            "cannot be read (channel_not_found)",
        ),
        (("zendesk", "/requests.json", "401"), "Zendesk rejected the credentials"),
    ],
)
def test_start_up_fails_fast_with_a_clear_message(
    fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path, fault: tuple, message: str
) -> None:
    where, path, kind = fault
    if where == "slack":
        fake_slack.fail(path, kind)
    else:
        fake_zendesk.fail(path, kind, times=5)
    proc = start_bot(fake_slack, fake_zendesk, tmp_path, free_port())
    assert proc.wait(timeout=20) == 2
    assert message in (tmp_path / "bot.log").read_text()


def test_missing_secret_fails_fast(
    fake_slack: FakeSlack,
    fake_zendesk: FakeZendesk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import subprocess
    import sys

    from tests.bot_process import config_file
    from tests.conftest import ROOT

    monkeypatch.delenv("SLACK_BOT_TOKEN", raising=False)
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "run", "--http", "--config", str(config_file(tmp_path))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=20,
    )
    assert proc.returncode == 2 and "SLACK_BOT_TOKEN" in proc.stderr


def test_health_is_not_ok_while_zendesk_is_down(
    fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> None:
    port = free_port()
    proc = start_bot(fake_slack, fake_zendesk, tmp_path, port)
    try:
        wait_healthy(port)
        fake_zendesk.fail("/requests.json", "500", times=10_000)
        deadline = time.monotonic() + 30  # the adapter retries with backoff before giving up
        while time.monotonic() < deadline and not (health(port) or {}).get("last_error"):
            time.sleep(0.2)
        assert "HTTP 500" in (health(port)["last_error"] or "")
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0
