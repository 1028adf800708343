"""A running Slack app over HTTP for tests: real Bolt, real WebClient, local fakes behind."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.budget import TriageRunner
from bot.config import AppConfig, Secrets, Settings, Slack
from bot.deps import Deps
from bot.http_mode import EVENTS_PATH, serve
from bot.slack_app import create_app
from bot.slack_post import SlackPoster, make_web_client
from bot.store import Store
from bot.worker import FinderSpec
from bot.zendesk import ZendeskSource, make_client
from bot.zones import DirectoryZones, ZoneFinder
from tests.fake_slack import FakeSlack, start
from tests.fake_zendesk import EMAIL, PASSWORD, FakeZendesk

SECRET = "test-signing-secret"
CHANNEL = "C0CERT"
USER = "U0SECOND"


def sign(raw: str, ts: str, secret: str = SECRET) -> str:
    return SignatureVerifier(secret).generate_signature(timestamp=ts, body=raw)


@dataclass
class Harness:
    slack: FakeSlack
    zendesk: FakeZendesk
    url: str
    store: Store
    poster: SlackPoster
    deps: Deps

    def send(
        self,
        raw: str,
        content_type: str = "application/x-www-form-urlencoded",
        *,
        ts: str | None = None,
        secret: str = SECRET,
    ) -> tuple[int, str]:
        ts = ts or str(int(time.time()))
        request = urllib.request.Request(
            self.url,
            data=raw.encode(),
            headers={
                "Content-Type": content_type,
                "X-Slack-Request-Timestamp": ts,
                "X-Slack-Signature": sign(raw, ts, secret),
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def command(
        self, text: str, *, channel: str = CHANNEL, user: str = USER, **kw: Any
    ) -> tuple[int, str]:
        form = {
            "token": "legacy",
            "team_id": "T1",
            "team_domain": "gds",
            "channel_id": channel,
            "channel_name": "cert-tickets",
            "user_id": user,
            "user_name": "someone",
            "command": "/cert-ticket",
            "text": text,
            "api_app_id": "A1",
            "response_url": self.slack.response_url(),
            "trigger_id": "1.2.3",
        }
        return self.send(urlencode(form), **kw)

    def _interaction(self, kind: str, user: str, **fields: Any) -> tuple[int, str]:
        """An interactivity payload as Slack sends it (form field `payload`, JSON)."""
        payload = {
            "type": kind,
            "team": {"id": "T1"},
            "user": {"id": user},
            "api_app_id": "A1",
            "token": "legacy",
            **fields,
        }
        return self.send(urlencode({"payload": json.dumps(payload)}))

    def click(
        self, action_id: str, request_id: int | str, *, channel: str = CHANNEL, user: str = USER
    ) -> tuple[int, str]:
        post = self.store.post_of(int(request_id))
        ts = post[1] if post else "1.1"
        return self._interaction(
            "block_actions",
            user,
            trigger_id="trigger-1",
            response_url=self.slack.response_url(2),
            channel={"id": channel},
            container={"type": "message", "channel_id": channel, "message_ts": ts},
            message={"ts": ts},
            actions=[
                {
                    "action_id": action_id,
                    "block_id": "b",
                    "type": "button",
                    "value": str(request_id),
                    "action_ts": "1",
                }
            ],
        )

    def submit(
        self, callback_id: str, values: dict[str, str], metadata: dict[str, str], user: str = USER
    ) -> tuple[int, str]:
        state = {
            block: {"value": {"type": "plain_text_input", "value": v}}
            for block, v in values.items()
        }
        view = {
            "id": "V1",
            "type": "modal",
            "callback_id": callback_id,
            "private_metadata": json.dumps(metadata),
            "state": {"values": state},
            "hash": "h",
        }
        return self._interaction("view_submission", user, trigger_id="trigger-2", view=view)


def finder_for(app: AppConfig) -> ZoneFinder:
    return DirectoryZones(app.owners(), app.suffixes)


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    fake = FakeSlack()
    server = start(fake)
    yield fake
    server.shutdown()
    server.server_close()


def settings_for(app: AppConfig, fake: FakeSlack, **slack: Any) -> Settings:
    cfg = app.model_copy(update={"slack": Slack(channel=CHANNEL, **slack)})
    secrets = Secrets(
        slack_bot_token="xoxb-test-token",
        slack_signing_secret=SECRET,
        slack_api_url=fake.base_url,
        zendesk_email=EMAIL,
        zendesk_password=PASSWORD,
    )
    return Settings(config_path="app.yaml", app=cfg, secrets=secrets)


def harness(
    settings: Settings,
    fake_slack: FakeSlack,
    fake_zendesk: FakeZendesk,
    tmp_path: Path,
    finder: Callable[[], ZoneFinder] | None = None,
    runner: TriageRunner | None = None,
) -> Iterator[Harness]:
    client = make_web_client(settings)
    store = Store(tmp_path / "state.db")
    poster = SlackPoster(client, store, CHANNEL)
    zendesk = ZendeskSource(
        make_client(settings.app.zendesk, settings.secrets, timeout=5),
        attempts=2,
        backoff=0,
        sleep=lambda s: None,
    )
    cfg = settings.app
    runner = runner or TriageRunner(cfg, FinderSpec(offline=True))
    deps = Deps(
        app_config=cfg,
        poster=poster,
        zendesk=zendesk,
        finder=finder or (lambda: finder_for(cfg)),
        runner=runner,
    )
    server = serve(create_app(settings, deps, client), health=lambda: {"ok": True}, port=0)
    url = f"http://127.0.0.1:{server.server_address[1]}{EVENTS_PATH}"
    yield Harness(fake_slack, fake_zendesk, url, store, poster, deps)
    deps.work.shutdown(wait=True)  # let background work finish before the fakes go
    runner.close()
    server.shutdown()
    server.server_close()
