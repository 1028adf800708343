"""The triage worker process: builds its own DNS finder, triages each ticket sent to it.

It runs apart from the bot so that a slow ticket holds only this process's GIL, and so that
it can be killed at its deadline (`bot.budget.TriageRunner`). What it needs comes in as
plain data (the config and a `FinderSpec`), never as live sockets or clients. While it
works it reports what it knows so far: the flags it can tell at once, and the stage.
"""

from __future__ import annotations

import signal
from collections.abc import Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from bot.config import AppConfig
from bot.models import DnsChange, DnsFacts, Flag, Ticket
from bot.text import redact_private_keys, to_plain_text
from bot.triage import triage
from bot.zones import DirectoryZones, ZoneFinder

READING = "reading the ticket"
MAX_ERROR = 300  # characters of an exception's text passed on (it may quote the ticket)


@dataclass(frozen=True)
class FinderSpec:
    """How to build the DNS finder: the directory alone (`offline`), or live DNS from
    `server` (None: the system resolver) with the directory as fallback."""

    server: tuple[str, int] | None = None
    offline: bool = False

    def build(self, app: AppConfig) -> ZoneFinder:
        directory = DirectoryZones(app.owners(), app.suffixes)
        if self.offline:
            return directory
        from bot.dnscheck import LiveZones, make_resolver_config

        return LiveZones(make_resolver_config(self.server, app.dns), directory)


def flags_at_once(ticket: Ticket) -> tuple[Flag, ...]:
    """What can be told of a ticket before reading it: whether it holds a private key."""
    bodies = [ticket.text, *(c.body for c in ticket.comments)]
    if not any(redact_private_keys(body)[1] for body in bodies):
        return ()
    message = (
        "The ticket contains a private key. Treat it as compromised: never transfer a private "
        "key outside the system it was generated on."
    )
    return (Flag(code="private_key", severity="block", message=message),)


def redacted(ticket: Ticket) -> Ticket:
    """The ticket as it is kept: every body as plain text, private keys removed."""
    comments = tuple(c.model_copy(update={"body": to_plain_text(c.body)}) for c in ticket.comments)
    return ticket.model_copy(update={"text": to_plain_text(ticket.text), "comments": comments})


class _Reporting:
    """The finder, telling the parent when reading is over and DNS lookups begin."""

    def __init__(self, finder: ZoneFinder, conn: Connection) -> None:
        self.finder = finder
        self.conn = conn

    def gather(self, changes: Sequence[DnsChange], validated: Sequence[str]) -> DnsFacts:
        count = len(changes)
        self.conn.send(("stage", f"looking up DNS for {count} record{'s' * (count != 1)}"))
        return self.finder.gather(changes, validated)

    def inspect(self, *args: Any, **kwargs: Any) -> DnsFacts:
        return self.finder.inspect(*args, **kwargs)


def outcome_of(ticket: Ticket, finder: ZoneFinder, app: AppConfig) -> tuple[str, object]:
    """("done", Triage), or ("error", what went wrong) when triage raises. The Triage carries
    the ticket `redacted`, parsed here too, so the bot's process never parses ticket HTML."""
    try:
        result = triage(ticket, finder, app)
        return "done", result.model_copy(update={"ticket": redacted(ticket)})
    except Exception as exc:
        return "error", f"{type(exc).__name__}: {str(exc)[:MAX_ERROR]}"


def serve(conn: Connection, app: AppConfig, spec: FinderSpec) -> None:
    """The worker's main loop: one ticket in, progress and one outcome out, until the pipe
    closes (the bot stopped, died, or gave up on this worker at a deadline)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the bot, which stops us
    finder = spec.build(app)
    try:
        conn.send(("ready", None))
        while True:
            ticket = conn.recv()
            conn.send(("flags", flags_at_once(ticket)))
            conn.send(outcome_of(ticket, _Reporting(finder, conn), app))  # type: ignore[arg-type]
    except (EOFError, OSError):
        return  # nobody is waiting for an answer any more
