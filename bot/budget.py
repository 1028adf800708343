"""A time budget per ticket: triage runs in worker processes that are killed at the deadline.

Python's `re` holds the GIL while it matches, so a slow ticket read in the bot's own process
would stall every thread: the poll loop and each Slack ack. Here the calling thread only
waits on a pipe, for at most the budget; the work happens in a worker process
(`bot.worker`). A ticket past its budget, one whose triage raises, or one that kills its
worker becomes an `Unreadable` outcome (never an exception that loses it); a worker that ran
out of time or died is killed and replaced.
"""

from __future__ import annotations

import logging
import multiprocessing
import threading
import time
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from bot.config import AppConfig
from bot.models import Flag, Frozen, Ticket, Triage
from bot.worker import READING, FinderSpec, serve

log = logging.getLogger(__name__)
START_LIMIT = 60.0  # seconds a new worker may take to be ready (imports), not the ticket's


class Unreadable(Frozen):
    """A ticket that could not be triaged: why, and the flags known before it stopped."""

    reason: str
    flags_so_far: tuple[Flag, ...] = ()


class WorkerError(OSError):
    """A worker process could not be started: the machine's fault, not the ticket's."""


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection


class TriageRunner:
    """`triage(ticket)` in up to `workers` worker processes, each ticket within `timeout`
    seconds (default: `triage_timeout_seconds` from app.yaml). Thread-safe; callers beyond
    `workers` wait for a free worker. Workers start on first use and are kept.

    A Triage handed back carries the ticket as it is kept (`bot.worker.redacted`: plain
    text, private keys removed), so the caller can store it without parsing it again.
    """

    def __init__(
        self,
        app: AppConfig,
        spec: FinderSpec,
        *,
        timeout: float | None = None,
        workers: int = 2,
        start_method: str = "forkserver",
    ) -> None:
        self.app = app
        self.spec = spec
        self.timeout = app.triage_timeout_seconds if timeout is None else timeout
        self._context = multiprocessing.get_context(start_method)
        if start_method == "forkserver":
            self._context.set_forkserver_preload(["bot.worker"])  # new workers start warm
        self._slots = threading.BoundedSemaphore(workers)
        self._idle: list[_Worker] = []
        self._lock = threading.Lock()
        self._closed = False

    def triage(self, ticket: Ticket) -> Triage | Unreadable:
        """The ticket's Triage, or Unreadable (past its budget, failed, or its worker died).
        Raises WorkerError, an OSError (an outage: retried later), only if no worker starts."""
        with self._slots:
            worker = self._take()
            outcome, reusable = self._run(worker, ticket)
            with self._lock:
                if reusable and not self._closed:
                    self._idle.append(worker)
                    worker = None
            if worker is not None:
                _stop(worker)
            return outcome

    def _run(self, worker: _Worker, ticket: Ticket) -> tuple[Triage | Unreadable, bool]:
        """Send the ticket and wait for its outcome until the deadline."""
        flags: tuple[Flag, ...] = ()
        stage = READING
        try:
            worker.conn.send(ticket)
            deadline = time.monotonic() + self.timeout
            while worker.conn.poll(max(0.0, deadline - time.monotonic())):
                kind, value = worker.conn.recv()
                if kind == "done":
                    return value, True
                if kind == "error":
                    return Unreadable(reason=f"triage failed ({value})", flags_so_far=flags), True
                if kind == "flags":
                    flags = value
                elif kind == "stage":
                    stage = value
        except (EOFError, OSError):
            worker.process.join(1)
            code = worker.process.exitcode
            log.error("triage worker died", extra={"ticket": ticket.id, "exitcode": code})
            reason = f"the process reading it stopped (exit code {code}) while {stage}"
            return Unreadable(reason=reason, flags_so_far=flags), False
        log.warning(
            "triage over its budget: worker stopped",
            extra={"ticket": ticket.id, "event": "over_budget", "stage": stage},
        )
        reason = f"it took longer than its {self.timeout:g} s budget (stopped while {stage})"
        return Unreadable(reason=reason, flags_so_far=flags), False

    def _take(self) -> _Worker:
        with self._lock:
            if self._closed:
                raise WorkerError("the triage runner is closed")
            while self._idle:
                worker = self._idle.pop()
                if worker.process.is_alive():
                    return worker
                _stop(worker)
        return self._start()

    def _start(self) -> _Worker:
        parent, child = self._context.Pipe()
        process = self._context.Process(
            target=serve, args=(child, self.app, self.spec), name="triage-worker", daemon=True
        )
        process.start()
        child.close()
        worker = _Worker(process, parent)
        try:
            ready = parent.poll(START_LIMIT) and parent.recv() == ("ready", None)
        except (EOFError, OSError):
            ready = False
        if not ready:
            _stop(worker)
            raise WorkerError(f"a triage worker did not start (exit code {process.exitcode})")
        return worker

    def close(self) -> None:
        """Stop the idle workers; busy ones are stopped when their ticket is done."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for worker in idle:
            _stop(worker)


def _stop(worker: _Worker) -> None:
    worker.conn.close()
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(5)
