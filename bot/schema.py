"""The state file's schema: each migration moves it one version up."""

from __future__ import annotations

# Each entry moves the schema one version up; PRAGMA user_version records where a file is.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE versions (
        request_id INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        outcome TEXT NOT NULL,          -- handled | skipped | failed | given_up
        attempts INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        PRIMARY KEY (request_id, updated_at)
    );
    CREATE TABLE comments (
        request_id INTEGER NOT NULL,
        comment_id INTEGER NOT NULL,
        PRIMARY KEY (request_id, comment_id)
    );
    CREATE TABLE posts (
        request_id INTEGER PRIMARY KEY,
        channel TEXT NOT NULL,
        ts TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        posted_at TEXT NOT NULL
    );
    """,
    """
    CREATE TABLE tickets (
        request_id INTEGER PRIMARY KEY,
        ticket_json TEXT NOT NULL,      -- the ticket with its text as redacted plain text
        triage_json TEXT NOT NULL,
        saved_at TEXT NOT NULL
    );
    CREATE TABLE actions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        request_id INTEGER NOT NULL,
        kind TEXT NOT NULL,             -- jisc_drafted | jisc_sent | rechecked | live | replied
        user_id TEXT NOT NULL,
        at TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT ''
    );
    """,
    """
    CREATE TABLE intents (
        request_id INTEGER PRIMARY KEY,  -- a parent post about to be made, not yet recorded
        updated_at TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
)
