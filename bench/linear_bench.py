"""Seconds per MB of ticket text on the hostile shapes (tests/hostile.py): the worst one.

`python -m bench.linear_bench` prints every shape's figure, worst first. Goal: <= 1 s/MB.
"""

from __future__ import annotations

import sys
import time

from bot.config import DEFAULT_CONFIG, AppConfig, load_app_config
from bot.models import Ticket
from bot.reading import forget
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.hostile import shapes

SIZE = 250_000  # characters per shape: big enough to time, small enough for ~1 minute in all


def seconds_per_mb(app: AppConfig) -> list[tuple[float, str]]:
    finder = DirectoryZones(app.owners(), app.suffixes)
    figures = []
    for name, text in shapes(SIZE).items():
        forget()
        started = time.perf_counter()
        triage(Ticket(id="1", subject="certificate", text=text), finder, app)
        elapsed = time.perf_counter() - started
        figures.append((elapsed / (len(text.encode("utf-8")) / 1e6), name))
    return sorted(figures, reverse=True)


def run(app: AppConfig) -> list[tuple[str, str, str, bool]]:
    worst, name = seconds_per_mb(app)[0]
    return [
        (
            f"hostile shapes, worst seconds per MB ({name})",
            f"{worst:.2f} s/MB",
            "<= 1 s/MB",
            worst <= 1.0,
        )
    ]


def main() -> int:
    figures = seconds_per_mb(load_app_config(DEFAULT_CONFIG))
    for per_mb, name in figures:
        print(f"{per_mb:8.3f} s/MB  {name}")
    return 0 if figures[0][0] <= 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
