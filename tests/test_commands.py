"""`/cert-ticket` arguments are parsed strictly: anything odd gets the usage, never an error."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.commands import parse_command

SITE = "fastly.zendesk.com"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("56002", ("triage", ["56002"])),
        ("#56002", ("triage", ["56002"])),
        ("https://fastly.zendesk.com/hc/requests/56002", ("triage", ["56002"])),
        ("<https://fastly.zendesk.com/hc/en-gb/requests/56002|ticket>", ("triage", ["56002"])),
        ("https://fastly.zendesk.com/api/v2/requests/56002.json", ("triage", ["56002"])),
        ("list", ("list", [])),
        ("", ("help", [])),
        ("check www.gov.uk", ("check", ["www.gov.uk"])),
    ],
)
def test_good_arguments(text: str, expected: tuple[str, list[str]]) -> None:
    assert parse_command(text, SITE) == expected


@pytest.mark.parametrize(
    "text",
    [
        "\u00b2",  # superscript two: str.isdigit() says yes, int() says no
        "\u0665\u0666",  # Arabic-Indic digits
        "\uff15\uff16",  # full-width digits
        "1" * 13,
        "56002 56003",
        "https://evil.example/hc/requests/56002",
        "https://fastly.zendesk.com.evil.example/hc/requests/56002",
        "javascript://fastly.zendesk.com/hc/requests/1",
        "https://fastly.zendesk.com/hc/requests/56002/../../admin",
        "https://[::1/hc/requests/1",
        "-1",
    ],
)
def test_anything_else_is_bad(text: str) -> None:
    assert parse_command(text, SITE)[0] == "bad"


@settings(max_examples=2000, derandomize=True, database=None)
@given(st.text(max_size=60))
def test_never_raises_and_ticket_ids_are_ascii(text: str) -> None:
    verb, args = parse_command(text, SITE)
    assert verb in ("help", "bad", "list", "check", "triage")
    if verb == "triage":
        assert args[0].isascii() and args[0].isdigit() and int(args[0]) >= 0
