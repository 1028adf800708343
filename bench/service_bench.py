"""`python -m bot run`: time from start to ready (/healthz ok after a first poll) and RSS."""

from __future__ import annotations

import os
import signal
import statistics
import tempfile
import time
from pathlib import Path

from bot.config import AppConfig
from tests import fake_slack, fake_zendesk
from tests.bot_process import free_port, start_bot, wait_healthy

RUNS = 3


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(app: AppConfig) -> list[tuple[str, str, str, bool]]:
    slack, zendesk = fake_slack.FakeSlack(), fake_zendesk.FakeZendesk()
    servers = [fake_slack.start(slack), fake_zendesk.start(zendesk)]
    ready, rss = [], []
    try:
        for _ in range(RUNS):
            with tempfile.TemporaryDirectory() as tmp:
                port = free_port()
                start = time.perf_counter()
                proc = start_bot(slack, zendesk, Path(tmp), port, log=Path(os.devnull))
                wait_healthy(port, timeout=60)
                ready.append(time.perf_counter() - start)
                time.sleep(1.0)  # a few poll cycles
                rss.append(rss_mib(proc.pid))
                proc.send_signal(signal.SIGTERM)
                proc.wait(timeout=20)
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    return [
        (
            "start to ready (/healthz ok), median of 3",
            f"{statistics.median(ready):.2f} s",
            "(info)",
            True,
        ),
        ("RSS after start, median of 3", f"{statistics.median(rss):.0f} MiB", "(info)", True),
    ]
