"""What the Slack listeners need from outside, passed in; and the pool slow work runs on."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.budget import TriageRunner
from bot.config import AppConfig
from bot.slack_post import SlackPoster
from bot.zendesk import ZendeskSource
from bot.zones import ZoneFinder

log = logging.getLogger(__name__)


@dataclass
class Deps:
    """What the listeners need from outside, passed in (tests give local fakes)."""

    app_config: AppConfig
    poster: SlackPoster
    zendesk: ZendeskSource | None
    finder: Callable[[], ZoneFinder]
    runner: TriageRunner  # every triage goes through it: a worker process, within a budget
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    # Slow work (Zendesk, DNS) runs here, never on Bolt's own threads: Bolt runs every ack
    # on a small shared pool, and work queued there would delay other requests' acks.
    work: Executor = field(default_factory=lambda: ThreadPoolExecutor(4, thread_name_prefix="work"))
    usergroup_cache: dict[str, tuple[float, set[str]]] = field(default_factory=dict)
    in_flight: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def later(self, fn: Callable[..., None], *args: Any) -> None:
        """Run `fn` on the work pool; a failure is logged with its traceback."""

        def run() -> None:
            try:
                fn(*args)
            except Exception:
                log.exception("background work %s failed", getattr(fn, "__name__", fn))

        self.work.submit(run)
