"""Zendesk API calls per poll, measured against the local fake through the real zenpy client."""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

from bot.config import AppConfig, Secrets
from bot.poller import poll_once
from bot.store import Store
from bot.zendesk import ZendeskSource, make_client
from tests.fake_zendesk import EMAIL, PASSWORD, T0, FakeZendesk, start

REQUESTS = 150  # two pages of 100


def run(app: AppConfig) -> list[tuple[str, str, str, bool]]:
    fake = FakeZendesk()
    server = start(fake)
    saved = {k: os.environ.get(k) for k in ("ZENPY_FORCE_SCHEME", "ZENPY_FORCE_NETLOC")}
    os.environ.update(ZENPY_FORCE_SCHEME="http", ZENPY_FORCE_NETLOC=f"127.0.0.1:{fake.port}")
    try:
        for i in range(REQUESTS):
            subject = "Certificate renewal" if i % 3 else "Maintenance notice"
            fake.add_request(60000 + i, subject, "text", T0 + timedelta(minutes=i))
        client = make_client(app.zendesk, Secrets(zendesk_email=EMAIL, zendesk_password=PASSWORD))
        source = ZendeskSource(client)
        now = T0 + timedelta(days=1)
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp) / "state.db")
            calls = []
            for step in ("first", "idle", "one new comment"):
                if step == "one new comment":
                    fake.add_comment(60010, "new token", T0 + timedelta(days=1, minutes=1))
                before = fake.count()
                poll_once(source, store, lambda event: None, app=app, now=now)
                calls.append(fake.count() - before)
            store.close()
    finally:
        server.shutdown()
        server.server_close()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    first, idle, update = calls
    return [
        (
            f"Zendesk calls, first poll ({REQUESTS} requests)",
            str(first),
            "2 pages + 1 per request",
            first == 2 + REQUESTS,
        ),
        ("Zendesk calls per idle poll", str(idle), "1", idle == 1),
        ("Zendesk calls, poll after one new comment", str(update), "2", update == 2),
    ]
