"""Runs every benchmark in the project and prints one table: `python -m bench`."""

from __future__ import annotations

import platform
import sys
from datetime import UTC, datetime

from bot.config import DEFAULT_CONFIG, load_app_config


def main() -> int:
    from bench import (
        attack_bench,
        dns_bench,
        hostile_ack_bench,
        linear_bench,
        service_bench,
        slack_bench,
        triage_bench,
        trust_bench,
        zendesk_bench,
    )

    app = load_app_config(DEFAULT_CONFIG)
    rows = [
        *trust_bench.run(app),
        *attack_bench.run(app),
        *triage_bench.run(app),
        *linear_bench.run(app),
        *dns_bench.run(app),
        *zendesk_bench.run(app),
        *slack_bench.run(app),
        *hostile_ack_bench.run(app),
        *service_bench.run(app),
    ]
    print(f"cert-ticket benchmarks, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC")
    python = platform.python_version()
    print(f"machine: {platform.machine()}, {platform.processor() or 'cpu'}, Python {python}")
    print()
    header = ("benchmark", "result", "goal", "met")
    table = [header, *((n, v, g, "yes" if m else "NO") for n, v, g, m in rows)]
    widths = [max(len(r[i]) for r in table) for i in range(4)]
    for i, row in enumerate(table):
        print("| " + " | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
