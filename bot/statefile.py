"""Is the state file this bot's, whole and usable? Checked before anything is read or posted.

Never a silent fresh start: that would post every ticket of the look-back window again. Each
problem is a StateError (exit status 2) with one line naming the file and what to do.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from bot.config import ConfigError


class StateError(ConfigError):
    """The state file cannot be used; one line naming it, what is wrong and what to do."""


SQLITE_HEADER = b"SQLite format 3\x00"


def check_state_file(path: Path, lookback_days: int) -> None:
    """Refuse, before anything is read or handed on, a state file that is not this bot's.

    A new file is fine. Never a silent fresh start: that would post every ticket of the
    look-back window again.
    """
    fresh = (
        f"delete it to start afresh (tickets of the last {lookback_days} days will be posted again)"
    )
    if path.is_dir():
        raise StateError(f"state file {path}: is a directory; give a file path (--state)")
    if not path.exists():
        parent = path.parent if str(path.parent) else Path(".")
        if parent.exists() and not _can(parent, os.W_OK | os.X_OK):
            raise StateError(f"state file {path}: cannot be created in {parent} (permission)")
        return
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise StateError(
            f"state file {path}: cannot be read ({exc.strerror}); fix its permissions"
        ) from None
    if not header:
        raise StateError(f"state file {path}: is empty (0 bytes), not cert-ticket state; {fresh}")
    if header != SQLITE_HEADER:
        raise StateError(f"state file {path}: is not a SQLite database; {fresh}")
    if not _can(path, os.W_OK) or not _can(path.parent, os.W_OK | os.X_OK):
        raise StateError(
            f"state file {path}: cannot be written; fix its permissions (nothing is posted "
            "until the state that records it can be written)"
        )


def _can(path: Path, mode: int) -> bool:
    """Access as the running process has it (effective ids, as the bot's service user)."""
    effective = os.access in os.supports_effective_ids
    return os.access(path, mode, effective_ids=effective)


def _afresh(days: int) -> str:
    return f"delete it to start afresh (tickets of the last {days} days will be posted again)"


def check_database(db: sqlite3.Connection, path: str, known: int, lookback_days: int) -> None:
    """An open state database that is whole and of a schema version this code knows."""
    fresh = _afresh(lookback_days)
    try:
        ok = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise StateError(f"state file {path}: is corrupt ({exc}); {fresh}") from None
    if ok != "ok":
        raise StateError(f"state file {path}: is corrupt ({ok}); {fresh}")
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version > known:
        raise StateError(
            f"state file {path}: was written by a newer cert-ticket (schema {version}; "
            f"this version knows up to {known}); upgrade cert-ticket, or {fresh}"
        )
