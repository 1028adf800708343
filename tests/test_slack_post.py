"""SlackPoster against the fake Web API: one parent post per ticket, ever; updates in the thread."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from slack_sdk.errors import SlackApiError

from bot import blocks
from bot.config import AppConfig
from bot.models import ChangeVerdict, DnsChange, Ticket, Triage
from bot.slack_post import SlackPoster, make_web_client
from bot.store import Store
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.fake_slack import FakeSlack
from tests.slack_harness import CHANNEL, settings_for

CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."


def ticket(text: str = CNAME, status: str = "open") -> Ticket:
    return Ticket(
        id="56001",
        subject="Certificate renewal",
        text=text,
        status=status,
        url="https://fastly.zendesk.com/hc/requests/56001",
    )


def make(app: AppConfig, fake: FakeSlack, path: Path) -> SlackPoster:
    return SlackPoster(make_web_client(settings_for(app, fake)), Store(path), CHANNEL)


def run(app: AppConfig, t: Ticket) -> Triage:
    return triage(t, DirectoryZones(app.owners(), app.suffixes), app)


def test_restart_updates_instead_of_posting_again(
    app: AppConfig, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    make(app, fake_slack, tmp_path / "s.db").publish(ticket(), run(app, ticket()))
    again = make(app, fake_slack, tmp_path / "s.db")  # a new process, same state file
    again.publish(ticket(), run(app, ticket()))
    assert len(fake_slack.of("chat.postMessage")) == 1 and len(fake_slack.of("chat.update")) == 1


def test_lost_state_is_rebuilt_from_channel_metadata(
    app: AppConfig, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    make(app, fake_slack, tmp_path / "a.db").publish(ticket(), run(app, ticket()))
    fresh = make(app, fake_slack, tmp_path / "b.db")  # the store was lost
    assert fresh.reconcile() == 1
    fresh.publish(ticket(), run(app, ticket()))
    assert len(fake_slack.of("chat.postMessage")) == 1
    assert fake_slack.of("conversations.history")[0].body["include_all_metadata"] in (
        True,
        "1",
        "true",
    )


def test_changed_requests_and_status_go_in_the_thread(
    app: AppConfig, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    poster = make(app, fake_slack, tmp_path / "s.db")
    ts = poster.publish(ticket(), run(app, ticket()))[1]
    newer = ticket(
        CNAME + "\n_acme-challenge.gov.uk. CNAME a.fastly-validations.com.", status="pending"
    )
    poster.publish(newer, run(app, newer))
    reply = fake_slack.of("chat.postMessage")[1]
    assert reply.body["thread_ts"] == ts
    assert (
        reply.body["text"] == "Ticket updated: 1 new or changed DNS request; status open → pending."
    )
    poster.publish(newer, run(app, newer))  # nothing changed: the parent is redrawn, no reply
    assert len(fake_slack.of("chat.postMessage")) == 2


def test_long_tickets_stay_within_fifty_blocks(app: AppConfig) -> None:
    lines = "\n".join(
        f"_acme-challenge.n{i}.gov.uk. CNAME t{i}.fastly-validations.com." for i in range(80)
    )
    message = blocks.triage_message(run(app, ticket(lines)), blocks.Status())
    assert len(message["blocks"]) == 50
    assert "… and 36 more" in json.dumps(message["blocks"], ensure_ascii=False)
    assert message["blocks"][-1]["type"] == "actions" and message["text"]


def verdict(name: str, current: str, action: str = "add") -> ChangeVerdict:
    change = DnsChange(action=action, name=name, type="CNAME", value="a.b.c.")
    return ChangeVerdict(
        change=change,
        zone="gov.uk.",
        zone_source="dns",
        owner="jisc",
        owner_name="x",
        change_via="y",
        needs_jisc=True,
        current=current,
    )


def test_live_everywhere_is_announced_once(
    app: AppConfig, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    poster = make(app, fake_slack, tmp_path / "s.db")
    base = run(app, ticket())
    pending = base.model_copy(
        update={"verdicts": (verdict("a.gov.uk.", "present"), verdict("b.gov.uk.", "partial"))}
    )
    poster.publish(ticket(), pending)
    assert len(fake_slack.of("chat.postMessage")) == 1
    done = base.model_copy(
        update={
            "verdicts": (
                verdict("a.gov.uk.", "present"),
                verdict("old.gov.uk.", "missing", "delete"),
            )
        }
    )
    poster.publish(ticket(), done)
    poster.publish(ticket(), done)
    live = [
        c
        for c in fake_slack.of("chat.postMessage")
        if "Live on all gov.uk nameservers" in c.body["text"]
    ]
    assert len(live) == 1


@pytest.mark.parametrize("fault", ["ratelimited", "500"])
def test_rate_limits_and_server_errors_are_retried(
    app: AppConfig, fake_slack: FakeSlack, tmp_path: Path, fault: str
) -> None:
    fake_slack.fail("chat.postMessage", fault)
    make(app, fake_slack, tmp_path / "s.db").publish(ticket(), run(app, ticket()))
    assert len(fake_slack.of("chat.postMessage")) == 2
    assert Store(tmp_path / "s.db").post_of(56001) is not None


def test_channel_not_found_is_an_error_and_nothing_is_recorded(
    app: AppConfig, fake_slack: FakeSlack, tmp_path: Path
) -> None:
    fake_slack.fail("chat.postMessage", "channel_not_found")
    with pytest.raises(SlackApiError, match="channel_not_found"):
        make(app, fake_slack, tmp_path / "s.db").publish(ticket(), run(app, ticket()))
    assert Store(tmp_path / "s.db").post_of(56001) is None


def test_cli_poll_posts_each_ticket_once_across_runs(
    fake_slack: FakeSlack, fake_zendesk, tmp_path: Path
) -> None:
    import os
    import subprocess
    import sys
    from datetime import UTC, datetime, timedelta

    from tests.conftest import ROOT
    from tests.fake_zendesk import EMAIL, PASSWORD

    recent = datetime.now(UTC) - timedelta(hours=1)
    fake_zendesk.add_request(56001, "New challenge token for www.gov.uk", CNAME, recent)
    fake_zendesk.add_request(56002, "Scheduled maintenance", "Nothing to do.", recent)
    config = tmp_path / "app.yaml"
    config.write_text(
        (ROOT / "app.yaml").read_text().replace('channel: ""', f'channel: "{CHANNEL}"')
    )
    env = {
        **os.environ,
        "ZENPY_FORCE_SCHEME": "http",
        "ZENPY_FORCE_NETLOC": f"127.0.0.1:{fake_zendesk.port}",
        "ZENDESK_EMAIL": EMAIL,
        "ZENDESK_PASSWORD": PASSWORD,
        "SLACK_BOT_TOKEN": "xoxb-test-token",
        "SLACK_API_URL": fake_slack.base_url,
    }
    args = [
        sys.executable,
        "-m",
        "bot",
        "poll",
        "--once",
        "--offline",
        "--config",
        str(config),
        "--state",
        str(tmp_path / "s.db"),
    ]
    for _ in range(2):
        proc = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
    (post,) = fake_slack.of("chat.postMessage")
    assert (
        post.body["channel"] == CHANNEL
        and post.body["metadata"]["event_payload"]["ticket_id"] == "56001"
    )
    assert "xoxb-test-token" not in proc.stderr
