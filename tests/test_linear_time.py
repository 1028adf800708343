"""Reading runs in linear time on hostile shapes: doubling the input at most ~doubles the time.

Each shape (tests/hostile.py) is read at n and 2n characters, through the whole triage and
through the ticket-file reader (plain text and HTML), and the ratio of the best-of-five CPU
times must stay at or below 2.5. A ratio, never an absolute time, so a slow machine passes
and a quadratic pattern (ratio ~4) fails. CPU time of this process, not wall time, so other
work on a busy machine cannot decide the result: CI once saw a wall-time ratio of 2.77 for
a shape whose steady ratio is 1.7; with three copies of this check racing on two cores the
worst CPU-time ratio is 1.99. `python -m bench` prints seconds per MB.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bot.config import AppConfig
from bot.models import Ticket
from bot.reading import forget
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.hostile import ratio, shapes

N = 40_000
SMALL, BIG = shapes(N), shapes(2 * N)
MAX_RATIO = 2.5


def _triage_time(app: AppConfig, text: str) -> float:
    finder = DirectoryZones(app.owners(), app.suffixes)
    forget()  # nothing remembered from the smaller input's reading
    started = time.process_time()
    triage(Ticket(id="1", subject="certificate", text=text), finder, app)
    return time.process_time() - started


@pytest.mark.parametrize("shape", list(SMALL))
def test_triage_is_linear(shape: str, app: AppConfig) -> None:
    found = ratio(lambda text: _triage_time(app, text), SMALL[shape], BIG[shape])
    assert found <= MAX_RATIO, f"{shape}: time x{found:.2f} when the input doubles"


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_ticket_files_are_read_in_linear_time(suffix: str, app: AppConfig, tmp_path: Path) -> None:
    def read(text: str) -> float:
        path = tmp_path / f"ticket{suffix}"
        path.write_text(text, encoding="utf-8")
        started = time.process_time()
        read_ticket_file(str(path), app.zendesk)
        return time.process_time() - started

    slow = {
        shape: found
        for shape in SMALL
        if (found := ratio(read, SMALL[shape], BIG[shape])) > MAX_RATIO
    }
    assert not slow, f"time per doubling above {MAX_RATIO}: {slow}"
