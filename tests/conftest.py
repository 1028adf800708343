"""Shared fixtures: the repository's own app.yaml, and a real NSD on loopback (see nsd.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import AppConfig, load_app_config

ROOT = Path(__file__).resolve().parent.parent
TICKETS = Path(__file__).resolve().parent / "fixtures" / "tickets"

pytest_plugins = ["tests.nsd"]


@pytest.fixture(scope="session")
def app() -> AppConfig:
    return load_app_config(ROOT / "app.yaml")
