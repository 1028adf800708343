"""The state file fails loudly, at once, naming itself: never a silent fresh start.

Permission cases run as an unprivileged user (root reads and writes anything), in a
subprocess, so they test what the bot would meet on a real host.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from bot.store import MIGRATIONS, StateError, Store
from tests.conftest import ROOT

NOBODY = 65534


def test_a_new_file_is_created(tmp_path: Path) -> None:
    store = Store(tmp_path / "state" / "cert-ticket.sqlite3")
    assert store.schema_version() == len(MIGRATIONS)


def test_an_existing_store_opens_again(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store(path)
    assert Store(path).schema_version() == len(MIGRATIONS)


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda p: p.write_bytes(b""), "is empty (0 bytes)"),
        (lambda p: p.write_text("watermark=2026-11-20\n"), "is not a SQLite database"),
        (lambda p: p.mkdir(), "is a directory"),
    ],
)
def test_unusable_files_are_refused(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "s.sqlite3"
    make(path)
    with pytest.raises(StateError) as err:
        Store(path, lookback_days=14)
    message = str(err.value)
    assert str(path) in message and expected in message and "\n" not in message
    if "afresh" in message:
        assert "last 14 days will be posted again" in message


def test_a_corrupt_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store(path)
    raw = bytearray(path.read_bytes())
    raw[100:4096] = b"\xff" * (4096 - 100)  # keep the header, wreck the first page
    path.write_bytes(bytes(raw))
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    with pytest.raises(StateError, match=r"corrupt|unusable"):
        Store(path)


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    Store(path)
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    with pytest.raises(StateError, match="schema 99"):
        Store(path)


def _as_nobody(path: Path) -> str:
    """Open the store in a forked child that has become an unprivileged user; its error."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: drop root for good, then try
        os.close(read)
        message = "opened"
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            Store(path)
        except BaseException as exc:
            message = f"{type(exc).__name__}: {exc}"
        os.write(write, message.encode())
        os._exit(0)
    os.close(write)
    with os.fdopen(read) as pipe:
        message = pipe.read()
    os.waitpid(pid, 0)
    return message


@pytest.fixture
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder an unprivileged user can reach (pytest's tmp folders are root's only)."""
    folder = Path(tmp_path_factory.mktemp("state", numbered=True))
    for part in (folder, *folder.parents):
        if str(part).startswith("/tmp/"):
            part.chmod(0o777)
    return folder


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a check as another user")
@pytest.mark.parametrize(
    ("mode", "expected"),
    [(0o000, "cannot be read"), (0o444, "cannot be written")],
)
def test_permissions_are_checked_as_an_unprivileged_user(
    shared: Path, mode: int, expected: str
) -> None:
    path = shared / "s.sqlite3"
    Store(path)
    path.chmod(mode)
    message = _as_nobody(path)
    assert message.startswith("StateError") and expected in message and str(path) in message


def test_the_cli_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"")
    env = {**os.environ, "ZENDESK_EMAIL": "x@example.com", "ZENDESK_PASSWORD": "p"}
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "poll", "--once", "--dry-run", "--state", str(path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and str(path) in proc.stderr and "empty" in proc.stderr
