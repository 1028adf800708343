"""Fuzzing the whole path, ticket text to Slack message, and a 5 MB ticket's time and memory."""

from __future__ import annotations

import json
import time
import tracemalloc

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bench.triage_bench import adversarial_text
from bot.blocks import MAX_BLOCKS, Status, triage_message
from bot.config import AppConfig
from bot.models import Ticket
from bot.render import to_json, to_terminal
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.test_properties import HTML, TEXT

PIECES = st.one_of(TEXT, HTML, st.text(alphabet=st.characters(codec="utf-8"), max_size=300))


@pytest.mark.fuzz
@settings(max_examples=10_000, deadline=None, suppress_health_check=list(HealthCheck))
@given(subject=st.text(max_size=200), text=PIECES)
def test_whole_path_never_raises_and_stays_valid(subject: str, text: str, app: AppConfig) -> None:
    result = triage(
        Ticket(id="1", subject=subject, text=text, url="https://x/1"),
        DirectoryZones(app.owners(), app.suffixes),
        app,
    )
    json.dumps(to_json(result))
    to_terminal(result)
    message = triage_message(result, Status())  # slack_sdk validates every block it builds
    assert len(message["blocks"]) <= MAX_BLOCKS and message["text"]
    for raw in ("<!channel>", "<!here>", "<!everyone>"):
        assert raw not in json.dumps(message)


def test_five_megabyte_ticket_in_bounded_time_and_memory(app: AppConfig) -> None:
    text = adversarial_text(5_000_000)
    tracemalloc.start()
    started = time.perf_counter()
    result = triage(
        Ticket(id="1", subject="certificate", text=text),
        DirectoryZones(app.owners(), app.suffixes),
        app,
    )
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert result.classification in ("dns_change", "http_validation")  # read, not crashed
    assert elapsed < 30, f"{elapsed:.1f} s"  # linear: ~2 s here; the bound catches a blow-up
    assert peak < 100 * 2**20, f"{peak / 2**20:.0f} MiB"  # measured ~10 MiB
