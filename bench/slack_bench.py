"""`/cert-ticket <id>` ack latency over HTTP while Zendesk takes 2 s to answer anything."""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import AppConfig
from tests import fake_slack, fake_zendesk
from tests.fake_zendesk import T0
from tests.slack_harness import harness, settings_for

REQUESTS = 200
ZENDESK_DELAY = 2.0


def run(app: AppConfig) -> list[tuple[str, str, str, bool]]:
    slack, zendesk = fake_slack.FakeSlack(), fake_zendesk.FakeZendesk()
    servers = [fake_slack.start(slack), fake_zendesk.start(zendesk)]
    saved = {k: os.environ.get(k) for k in ("ZENPY_FORCE_SCHEME", "ZENPY_FORCE_NETLOC")}
    os.environ.update(ZENPY_FORCE_SCHEME="http", ZENPY_FORCE_NETLOC=f"127.0.0.1:{zendesk.port}")
    zendesk.add_request(
        56001, "Certificate renewal", "_acme-challenge.gov.uk. CNAME a.fastly-validations.com.", T0
    )
    zendesk.delay = ZENDESK_DELAY
    timings = []
    try:
        with tempfile.TemporaryDirectory() as tmp:
            gen = harness(settings_for(app, slack), slack, zendesk, Path(tmp))
            h = next(gen)
            h.command("help")  # warm up: first request builds Bolt's middleware
            for _ in range(REQUESTS):
                start = time.perf_counter()
                status, body = h.command("56001")
                timings.append(time.perf_counter() - start)
                assert status == 200 and "Looking up ticket" in body
            next(gen, None)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
        for key, value in saved.items():
            os.environ.pop(key, None) if value is None else os.environ.__setitem__(key, value)
    timings.sort()
    p50 = statistics.median(timings) * 1000
    p99 = timings[int(len(timings) * 0.99) - 1] * 1000
    return [
        (
            f"/cert-ticket ack p50 ({REQUESTS} signed HTTP requests, Zendesk +2 s)",
            f"{p50:.1f} ms",
            "(info)",
            True,
        ),
        ("/cert-ticket ack p99", f"{p99:.1f} ms", "<= 50 ms", p99 <= 50),
    ]
