"""The poll cycle exactly as `run` wires it (`bot.run.make_poll`), against the local fakes."""

from __future__ import annotations

from pathlib import Path

from bot.budget import TriageRunner
from bot.config import AppConfig, Secrets
from bot.run import make_poll
from bot.slack_post import SlackPoster, make_web_client
from bot.store import Store
from bot.worker import FinderSpec
from bot.zendesk import ZendeskSource, make_client
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import EMAIL, PASSWORD
from tests.slack_harness import CHANNEL, settings_for


class Bot:
    """The poll cycle as `run` wires it, on a state file in tmp_path."""

    def __init__(self, app: AppConfig, slack: FakeSlack, tmp_path: Path, budget: float) -> None:
        self.store = Store(tmp_path / "state.db")
        poster = SlackPoster(make_web_client(settings_for(app, slack)), self.store, CHANNEL)
        client = make_client(
            app.zendesk, Secrets(zendesk_email=EMAIL, zendesk_password=PASSWORD), timeout=5
        )
        zendesk = ZendeskSource(client, attempts=2, backoff=0.0, sleep=lambda s: None)
        self.runner = TriageRunner(app, FinderSpec(offline=True), timeout=budget)
        self.poll = make_poll(zendesk, self.store, poster, self.runner, app)

    def close(self) -> None:
        self.runner.close()
        self.store.close()
