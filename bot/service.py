"""`run`: the poll loop and the Slack app in one process, with health, logs and shutdown."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from bot.poller import PollReport
from bot.zendesk import ZendeskAuthError, ZendeskError

log = logging.getLogger(__name__)


@dataclass
class Health:
    """What /healthz reports: the last successful poll and how old it is."""

    interval: float
    started: datetime = field(default_factory=lambda: datetime.now(UTC))
    last_ok: datetime | None = None
    last_error: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)

    def succeeded(self, when: datetime) -> None:
        with self.lock:
            self.last_ok, self.last_error = when, None

    def failed(self, error: str) -> None:
        with self.lock:
            self.last_error = error

    def report(self, now: datetime) -> dict[str, Any]:
        with self.lock:
            age = (now - self.last_ok).total_seconds() if self.last_ok else None
            return {
                "ok": age is not None and age <= 3 * self.interval + 60,
                "last_poll": self.last_ok.isoformat() if self.last_ok else None,
                "age_seconds": round(age, 1) if age is not None else None,
                "last_error": self.last_error,
                "started": self.started.isoformat(),
            }


def run_poller(
    poll: Callable[[], PollReport],
    *,
    interval: float,
    stop: threading.Event,
    health: Health,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> None:
    """Poll every `interval` seconds until `stop` is set. A failed cycle is logged and retried
    next time; rejected credentials back off (up to an hour) instead of hammering Zendesk."""
    delay = interval
    while not stop.is_set():
        try:
            report = poll()
        except ZendeskAuthError as exc:
            health.failed(str(exc))
            log.error("poll failed: %s", exc, extra={"event": "zendesk_auth"})
            delay = min(delay * 2, 3600)
        except ZendeskError as exc:
            health.failed(str(exc))
            log.warning("poll failed, will retry: %s", exc, extra={"event": "zendesk_down"})
            delay = interval
        except Exception as exc:
            health.failed(f"{type(exc).__name__}: {exc}")
            log.exception("poll cycle failed", extra={"event": "poll_error"})
            delay = interval
        else:
            health.succeeded(clock())
            delay = interval
            log.info(
                "poll done",
                extra={
                    "event": "poll",
                    "listed": report.listed,
                    "handled": report.handled,
                    "failed": report.failed,
                    "unreadable": report.unreadable,
                    "given_up": report.given_up,
                },
            )
        stop.wait(delay)


class JsonLines(logging.Formatter):
    """One JSON object per line; `extra` fields (ticket, event, ...) become keys.
    Secret values are replaced wherever they appear."""

    _STANDARD = set(logging.makeLogRecord({}).__dict__) | {"message", "asctime"}

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self.secrets = [s for s in secrets if s and len(s) >= 6]

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        entry.update({k: v for k, v in record.__dict__.items() if k not in self._STANDARD})
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        line = json.dumps(entry, default=str)
        for secret in self.secrets:
            line = line.replace(secret, "[secret]")
        return line


def setup_logging(level: int, secrets: Iterable[str]) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(JsonLines(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    for noisy in ("urllib3", "slack_bolt", "slack_sdk", "zenpy"):
        logging.getLogger(noisy).setLevel(max(level, logging.WARNING))
