"""Persistent state in SQLite: the poll watermark, what was seen and handled, what was posted."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from bot.schema import MIGRATIONS
from bot.statefile import StateError, check_database, check_state_file

DONE = ("handled", "skipped", "given_up", "unreadable")


class StateWriteError(StateError):
    """The state file cannot be written now (read-only, disk full, locked): the cycle stops,
    and nothing is posted until it can be written."""


class Store:
    """All reads and writes of the state file; every write is one transaction."""

    def __init__(self, path: str | Path, lookback_days: int = 14) -> None:
        if str(path) != ":memory:":
            check_state_file(Path(path), lookback_days)
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.path = str(path)
        try:
            self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
            check_database(self._db, self.path, len(MIGRATIONS), lookback_days)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
        except sqlite3.DatabaseError as exc:
            raise StateError(
                f"state file {self.path}: unusable ({exc}); fix or delete it"
            ) from None
        self._lock = threading.Lock()
        self._migrate()

    def _migrate(self) -> None:
        with self._lock:
            version = self._db.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for statement in filter(str.strip, script.split(";")):
                        self._db.execute(statement)
                    self._db.execute(f"PRAGMA user_version = {number}")
                    self._db.execute("COMMIT")
                except BaseException:
                    self._db.execute("ROLLBACK")
                    raise

    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _write(self, statements: Iterable[tuple[str, tuple[object, ...]]]) -> None:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
                try:
                    for sql, args in statements:
                        self._db.execute(sql, args)
                    self._db.execute("COMMIT")
                except BaseException:
                    if self._db.in_transaction:
                        self._db.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise StateWriteError(
                    f"state file {self.path}: cannot be written ({exc}); nothing more is posted "
                    "until it can be"
                ) from exc

    def _one(self, sql: str, args: tuple[object, ...] = ()) -> tuple | None:
        with self._lock:
            return self._db.execute(sql, args).fetchone()

    # --- the poll watermark ---------------------------------------------------------------

    def watermark(self) -> datetime | None:
        row = self._one("SELECT value FROM state WHERE key = 'watermark'")
        return datetime.fromisoformat(row[0]) if row else None

    def set_watermark(self, when: datetime) -> None:
        self._write([("INSERT OR REPLACE INTO state VALUES ('watermark', ?)", (when.isoformat(),))])

    # --- request versions and comments ------------------------------------------------------

    def is_done(self, request_id: int, updated_at: datetime) -> bool:
        row = self._one(
            "SELECT outcome FROM versions WHERE request_id = ? AND updated_at = ?",
            (request_id, updated_at.isoformat()),
        )
        return row is not None and row[0] in DONE

    def seen_comments(self, request_id: int) -> set[int]:
        with self._lock:
            rows = self._db.execute(
                "SELECT comment_id FROM comments WHERE request_id = ?", (request_id,)
            ).fetchall()
        return {r[0] for r in rows}

    def finish(
        self, request_id: int, updated_at: datetime, outcome: str, comment_ids: Iterable[int]
    ) -> None:
        """Record a version as done and its comments as seen, in one transaction."""
        self._write(
            [
                (
                    "INSERT OR REPLACE INTO versions (request_id, updated_at, outcome, attempts) "
                    "VALUES (?, ?, ?, COALESCE((SELECT attempts FROM versions "
                    "WHERE request_id = ? AND updated_at = ?), 0))",
                    (
                        request_id,
                        updated_at.isoformat(),
                        outcome,
                        request_id,
                        updated_at.isoformat(),
                    ),
                ),
                *(
                    ("INSERT OR IGNORE INTO comments VALUES (?, ?)", (request_id, cid))
                    for cid in comment_ids
                ),
            ]
        )

    def record_failure(self, request_id: int, updated_at: datetime, error: str) -> int:
        """Count one more failed attempt at a version; returns the attempts so far."""
        key = (request_id, updated_at.isoformat())
        self._write(
            [
                (
                    "INSERT INTO versions (request_id, updated_at, outcome, attempts, error) "
                    "VALUES (?, ?, 'failed', 1, ?) ON CONFLICT (request_id, updated_at) "
                    "DO UPDATE SET attempts = attempts + 1, error = excluded.error",
                    (*key, error),
                )
            ]
        )
        row = self._one(
            "SELECT attempts FROM versions WHERE request_id = ? AND updated_at = ?", key
        )
        return int(row[0]) if row else 0

    # --- what Slack shows: posts, the last triage, people's actions --------------------------

    def post_of(self, request_id: int) -> tuple[str, str] | None:
        """(channel, ts) of the ticket's parent message, if it was posted."""
        row = self._one("SELECT channel, ts FROM posts WHERE request_id = ?", (request_id,))
        return (row[0], row[1]) if row else None

    def begin_post(self, request_id: int, updated_at: str, at: datetime) -> None:
        """Record the intent to post a ticket's parent message, before it is handed to Slack."""
        self._write(
            [
                (
                    "INSERT OR REPLACE INTO intents VALUES (?, ?, ?)",
                    (request_id, updated_at, at.isoformat()),
                )
            ]
        )

    def pending_post(self, request_id: int) -> datetime | None:
        """When a parent post was begun and never recorded as done (it may be in Slack)."""
        row = self._one("SELECT at FROM intents WHERE request_id = ?", (request_id,))
        return datetime.fromisoformat(row[0]) if row else None

    def record_post(
        self, request_id: int, channel: str, ts: str, updated_at: str, at: datetime
    ) -> None:
        """The parent post is done: recorded, and its intent (if any) cleared, at once."""
        self._write(
            [
                (
                    "INSERT OR REPLACE INTO posts VALUES (?, ?, ?, ?, ?)",
                    (request_id, channel, ts, updated_at, at.isoformat()),
                ),
                ("DELETE FROM intents WHERE request_id = ?", (request_id,)),
            ]
        )

    def posts(self) -> list[tuple[int, str, str]]:
        with self._lock:
            rows = self._db.execute(
                "SELECT request_id, channel, ts FROM posts ORDER BY posted_at DESC"
            ).fetchall()
        return [(int(r[0]), r[1], r[2]) for r in rows]

    def save_ticket(
        self, request_id: int, ticket_json: str, triage_json: str, at: datetime
    ) -> None:
        self._write(
            [
                (
                    "INSERT OR REPLACE INTO tickets VALUES (?, ?, ?, ?)",
                    (request_id, ticket_json, triage_json, at.isoformat()),
                )
            ]
        )

    def forget_ticket(self, request_id: int) -> None:
        """Drop the saved triage (its ticket changed and could not be read again)."""
        self._write([("DELETE FROM tickets WHERE request_id = ?", (request_id,))])

    def load_ticket(self, request_id: int) -> tuple[str, str] | None:
        """(ticket_json, triage_json) last saved for a request."""
        row = self._one(
            "SELECT ticket_json, triage_json FROM tickets WHERE request_id = ?", (request_id,)
        )
        return (row[0], row[1]) if row else None

    def add_action(
        self, request_id: int, kind: str, user_id: str, at: datetime, detail: str = ""
    ) -> None:
        self._write(
            [
                (
                    "INSERT INTO actions (request_id, kind, user_id, at, detail) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (request_id, kind, user_id, at.isoformat(), detail),
                )
            ]
        )

    def last_action(self, request_id: int, kind: str) -> tuple[str, datetime] | None:
        """(user_id, at) of the latest action of this kind on a request."""
        row = self._one(
            "SELECT user_id, at FROM actions WHERE request_id = ? AND kind = ? "
            "ORDER BY id DESC LIMIT 1",
            (request_id, kind),
        )
        return (row[0], datetime.fromisoformat(row[1])) if row else None

    def close(self) -> None:
        with self._lock:
            self._db.close()
