"""The state file: versioned migrations keep old data."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from bot.store import MIGRATIONS, Store


def test_a_version_1_file_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute("INSERT INTO state VALUES ('watermark', '2026-11-20T09:00:00+00:00')")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    store = Store(path)
    assert store.schema_version() == len(MIGRATIONS)
    assert store.watermark() == datetime(2026, 11, 20, 9, tzinfo=UTC)
    store.save_ticket(1, "{}", "{}", datetime.now(UTC))  # the version 2 tables exist
    assert store.load_ticket(1) == ("{}", "{}")
