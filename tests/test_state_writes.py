"""Intent, post, done: a state write that fails stops the cycle with that error, and never
causes a second post.

The disk is made full for real: with RLIMIT_FSIZE at 0 (and SIGXFSZ ignored) every write to
a file fails with EFBIG, which SQLite reports as an I/O error, exactly where a full disk
would stop it; lifting the limit is the disk having room again. The poll cycle is the one
`run` uses, against the fake Zendesk and the fake Slack.
"""

from __future__ import annotations

import resource
import signal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot.config import AppConfig
from bot.store import StateWriteError
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import FakeZendesk
from tests.poll_bot import Bot
from tests.slack_harness import CHANNEL

CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."


@contextmanager
def full_disk() -> Iterator[Callable[[], None]]:
    """A switch that fills the disk for this process, until the block ends."""
    ignored = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # fail the write, not the process
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    try:
        yield lambda: resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, ignored)


@pytest.fixture
def bot(
    app: AppConfig, fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> Iterator[Bot]:
    fake_zendesk.add_request(
        56001, "Certificate renewal", CNAME, datetime.now(UTC) - timedelta(minutes=30)
    )
    b = Bot(app, fake_slack, tmp_path, budget=10)
    yield b
    b.close()


def test_disk_full_right_after_slack_took_the_post_never_posts_it_again(
    bot: Bot, fake_slack: FakeSlack
) -> None:
    with full_disk() as fill:
        # Slack has stored the message; before its answer arrives the disk is full.
        fake_slack.on_call = lambda method, body: fill() if method == "chat.postMessage" else None
        with pytest.raises(StateWriteError, match=f"state file {bot.store.path}: cannot be"):
            bot.poll()
        fake_slack.on_call = None
    reports = [bot.poll() for _ in range(3)]  # room again: the cycle goes on
    (post,) = fake_slack.of("chat.postMessage")  # the one post, never a second
    assert reports[0].handled == [56001] and reports[1].handled == []
    assert bot.store.post_of(56001) == (CHANNEL, fake_slack.messages[0]["ts"])
    assert post.body["metadata"]["event_payload"]["ticket_id"] == "56001"


def test_a_full_disk_posts_nothing_and_the_error_names_the_file(
    bot: Bot, fake_slack: FakeSlack
) -> None:
    with full_disk() as fill:
        fill()
        with pytest.raises(StateWriteError) as raised:
            bot.poll()
    assert str(raised.value).startswith(f"state file {bot.store.path}: cannot be written")
    assert fake_slack.of("chat.postMessage") == []
    assert bot.poll().handled == [56001] and len(fake_slack.of("chat.postMessage")) == 1
