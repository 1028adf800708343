"""The poll loop under faults: it survives, good tickets go out once, the operator is told."""

from __future__ import annotations

import logging
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import AppConfig, Dns, Secrets
from bot.dnscheck import LiveZones, make_resolver_config
from bot.poller import TicketEvent, poll_once
from bot.run import retry_later
from bot.service import Health, run_poller
from bot.slack_post import SlackPoster, make_web_client
from bot.store import Store
from bot.triage import triage
from bot.zendesk import ZendeskSource, make_client
from bot.zones import DirectoryZones
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import EMAIL, PASSWORD, FakeZendesk
from tests.slack_harness import CHANNEL, settings_for

CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."
NOW = datetime.now(UTC)


class Loop:
    """The real poll loop in a thread, with a poster and finder like `run` builds."""

    def __init__(
        self,
        app: AppConfig,
        slack: FakeSlack,
        tmp_path: Path,
        finder=None,
        poison: int | None = None,
    ) -> None:
        self.store = Store(tmp_path / "state.db")
        self.poster = SlackPoster(make_web_client(settings_for(app, slack)), self.store, CHANNEL)
        client = make_client(
            app.zendesk, Secrets(zendesk_email=EMAIL, zendesk_password=PASSWORD), timeout=2
        )
        self.zendesk = ZendeskSource(client, attempts=2, backoff=0.0, sleep=lambda s: None)
        finder = finder or DirectoryZones(app.owners(), app.suffixes)

        def handle(event: TicketEvent) -> None:
            if event.request.id == poison:
                raise ValueError("poison ticket")
            self.poster.publish(event.ticket, triage(event.ticket, finder, app))

        self.stop = threading.Event()
        self.health = Health(interval=0.05)
        self.cycles = 0

        def poll():
            self.cycles += 1
            return poll_once(
                self.zendesk,
                self.store,
                handle,
                app=app,
                now=datetime.now(UTC),
                is_transient=retry_later,
            )

        self.thread = threading.Thread(
            target=run_poller,
            kwargs={"poll": poll, "interval": 0.05, "stop": self.stop, "health": self.health},
        )

    def __enter__(self) -> Loop:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=10)

    def until(self, predicate, timeout: float = 20) -> None:
        import time

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not predicate():
            time.sleep(0.05)
        assert predicate(), f"not reached after {self.cycles} cycles"


def parents(slack: FakeSlack) -> list[str]:
    """Ticket ids of the parent messages Slack really holds (not attempts it refused)."""
    return [
        m["metadata"]["event_payload"]["ticket_id"]
        for m in slack.messages
        if m.get("metadata") and not m.get("thread_ts")
    ]


def seed(zendesk: FakeZendesk, *ids: int) -> None:
    for i, rid in enumerate(ids):
        zendesk.add_request(rid, "Certificate renewal", CNAME, NOW - timedelta(minutes=30 - i))


@pytest.mark.parametrize(
    ("where", "path", "kinds", "log_text"),
    [
        ("zendesk", "/requests.json", ["429"], None),
        ("zendesk", "/requests.json", ["500"] * 4, "poll failed, will retry"),
        ("zendesk", "/comments", ["slow"] * 2, "will retry next poll"),
        ("zendesk", "/requests.json", ["badjson"] * 4, "unreadable answer"),
        ("zendesk", "/requests.json", ["401"], "Zendesk rejected the credentials"),
        ("slack", "chat.postMessage", ["ratelimited"], None),
        ("slack", "chat.postMessage", ["500"] * 3, "will retry next poll"),
        ("slack", "chat.postMessage", ["channel_not_found"], "will retry next poll: SlackApiError"),
        ("slack", "chat.postMessage", ["drop"] * 3, "will retry next poll"),
    ],
)
def test_loop_survives_and_posts_each_ticket_once(
    app: AppConfig,
    fake_slack: FakeSlack,
    fake_zendesk: FakeZendesk,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    where: str,
    path: str,
    kinds: list[str],
    log_text: str | None,
) -> None:
    seed(fake_zendesk, 56001, 56002)
    for kind in kinds:
        if where == "zendesk":
            fake_zendesk.fail(path, kind, delay=3.0)
        else:
            fake_slack.fail(path, kind)
    caplog.set_level(logging.INFO)
    with Loop(app, fake_slack, tmp_path) as loop:
        loop.until(lambda: sorted(parents(fake_slack)) == ["56001", "56002"])
        loop.until(lambda: loop.health.last_ok is not None)
        seed(fake_zendesk, 56003)
        loop.until(lambda: "56003" in parents(fake_slack))
    assert sorted(parents(fake_slack)) == ["56001", "56002", "56003"]
    if log_text:
        assert log_text in caplog.text


def test_poison_ticket_among_good_ones(
    app: AppConfig,
    fake_slack: FakeSlack,
    fake_zendesk: FakeZendesk,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    seed(fake_zendesk, 56001, 56002, 56003)
    with Loop(app, fake_slack, tmp_path, poison=56002) as loop:
        version = datetime.fromisoformat(
            fake_zendesk.requests[56002]["updated_at"].replace("Z", "+00:00")
        )
        loop.until(lambda: loop.store.is_done(56002, version))
    assert sorted(parents(fake_slack)) == ["56001", "56003"]
    assert "giving up on this version after 3 attempts" in caplog.text


def test_dns_timeouts_and_servfail_still_post_with_the_zone_unverified(
    app: AppConfig,
    fake_slack: FakeSlack,
    fake_zendesk: FakeZendesk,
    tmp_path: Path,
    silent_server: str,
) -> None:
    from bot.__main__ import parse_nameserver

    seed(fake_zendesk, 56001)
    finder = LiveZones(
        make_resolver_config(parse_nameserver(silent_server), Dns(timeout=0.2, lifetime=1.0)),
        DirectoryZones(app.owners(), app.suffixes),
    )
    with Loop(app, fake_slack, tmp_path, finder=finder):
        (post,) = fake_slack.wait_for("chat.postMessage")
    assert "zone_unverified" in str(post.body["blocks"]) and "needs Jisc" in str(
        post.body["blocks"]
    )
