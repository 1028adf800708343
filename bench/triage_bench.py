"""Triage throughput on the fixture tickets (offline, one core) and adversarial-size scaling."""

from __future__ import annotations

import time
from pathlib import Path

from bot.config import AppConfig
from bot.models import Ticket
from bot.reading import forget
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.zones import DirectoryZones

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "tickets"

# Pieces that each look a little like a record, a table, a label list or a URL: the worst
# food for a reader with backtracking regexes.
_ADVERSARIAL = [
    "_acme-challenge.www.gov.uk CNAME ",
    '"' * 3,
    "| Name | Type | Value |\n",
    "|" * 40 + "\n",
    "Name: Type: Value: Points to: ",
    "a." * 120,
    " CNAME TXT CAA A ",
    "https://www.gov.uk/.well-known/pki-validation/" + "x" * 60 + " ",
    "remove add update once issued ",
    "-----BEGIN CERTIFICATE----- ",  # not a key: a key marker would redact the rest away
    "gov.uk. 300 IN TXT " + '"v"' * 30 + "\n",
    "x" * 500 + "\n",
    "For www.gov.uk, create a CNAME called _acme-challenge with the value ",
]


def adversarial_text(size: int) -> str:
    """About `size` characters made of whole repetitions of the pieces, so that texts of
    different sizes have the same content in proportion and their times compare fairly."""
    cycle = "".join(_ADVERSARIAL)
    return cycle * max(1, round(size / len(cycle)))


def throughput(app: AppConfig, seconds: float = 2.0) -> tuple[float, int]:
    finder = DirectoryZones(app.owners(), app.suffixes)
    tickets = [
        read_ticket_file(str(p), app.zendesk)
        for p in sorted(FIXTURES.iterdir())
        if p.suffix in (".txt", ".html", ".eml")
    ]
    count = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        for ticket in tickets:
            forget()  # each ticket read as if it were the first
            triage(ticket, finder, app)
        count += len(tickets)
    return count / (time.perf_counter() - start), len(tickets)


def time_for_size(app: AppConfig, size: int) -> float:
    finder = DirectoryZones(app.owners(), app.suffixes)
    ticket = Ticket(id="1", subject="certificate", text=adversarial_text(size))
    best = float("inf")
    for _ in range(3):
        forget()
        start = time.perf_counter()
        triage(ticket, finder, app)
        best = min(best, time.perf_counter() - start)
    return best


def run(app: AppConfig) -> list[tuple[str, str, str, bool]]:
    rate, n = throughput(app)
    one = time_for_size(app, 1_000_000)
    half, four = time_for_size(app, 500_000), time_for_size(app, 4_000_000)
    per_doubling = (four / half) ** (1 / 3)
    return [
        (
            f"triage throughput, offline ({n} fixture tickets)",
            f"{rate:,.0f} tickets/s",
            ">= 500/s",
            rate >= 500,
        ),
        ("1 MB adversarial ticket", f"{one:.3f} s", "<= 1 s", one <= 1.0),
        (
            "time ratio per size doubling (0.5 -> 4 MB)",
            f"{per_doubling:.3f}x",
            "<= 2x (linear)",
            per_doubling <= 2.0,
        ),
    ]
