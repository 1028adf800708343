"""Shared fixtures: the repository's own app.yaml, and a real NSD on loopback (see nsd.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import AppConfig, load_app_config
from tests.fake_zendesk import FakeZendesk, start

ROOT = Path(__file__).resolve().parent.parent
TICKETS = Path(__file__).resolve().parent / "fixtures" / "tickets"

pytest_plugins = ["tests.nsd"]


@pytest.fixture(scope="session")
def app() -> AppConfig:
    return load_app_config(ROOT / "app.yaml")


@pytest.fixture
def fake_zendesk(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeZendesk]:
    """A fresh fake Zendesk; zenpy is pointed at it the documented way (ZENPY_FORCE_*)."""
    fake = FakeZendesk()
    server = start(fake)
    monkeypatch.setenv("ZENPY_FORCE_SCHEME", "http")
    monkeypatch.setenv("ZENPY_FORCE_NETLOC", f"127.0.0.1:{fake.port}")
    yield fake
    server.shutdown()
    server.server_close()


pytest_plugins = [*pytest_plugins, "tests.slack_harness"]
