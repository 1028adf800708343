"""Grammar fuzzing: record-like tickets through the whole path, and the crashes it found.

The tickets come from `tests/fuzz_grammar.py`. Every one goes through the public path
(`triage` with the offline directory, then the JSON, terminal and Slack renderings; files
through `read_ticket_file` first), which must never raise and must only ever produce DNS
names a zone file could hold. `bench/fuzz_bench.py` runs the same checks for longer.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from bot.blocks import MAX_BLOCKS, Status, triage_message
from bot.config import AppConfig
from bot.models import Ticket
from bot.render import to_json, to_terminal
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.fuzz_grammar import LAYOUTS, TicketFile, laid_out, subjects, ticket_files, tickets

MAX_TTL = 2**31 - 1  # RFC 2181 §8
NAME_VALUE_TYPES = frozenset(("CNAME", "NS"))
_FORBIDDEN_IN_NAMES = frozenset("()[]{}<>\\")

FUZZ = settings(
    derandomize=True,
    database=None,
    deadline=None,
    phases=(Phase.explicit, Phase.generate, Phase.shrink),  # no explain phase: it is slow
    report_multiple_bugs=False,  # shrink one failure per test; bench.fuzz_bench lists them all
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.large_base_example,
    ],
)


# ---------------------------------------------------------------------------------------------
# The properties, shared with bench/fuzz_bench.py. Each assertion message starts with a code.


def check_dns_name(name: object, what: str) -> None:
    """Absolute, lower case, labels of 1..63 octets, ≤ 255 octets in wire form, nothing odd."""
    assert isinstance(name, str), f"{what}_not_text: {name!r}"
    assert name.endswith("."), f"{what}_not_absolute: {name!r}"
    assert name == name.lower(), f"{what}_not_lower_case: {name!r}"
    odd = [c for c in name if c.isspace() or c in _FORBIDDEN_IN_NAMES]
    assert not odd, f"{what}_odd_character: {odd!r} in {name!r}"
    labels = name[:-1].split(".") if name != "." else []
    octets = [len(label.encode("utf-8", "surrogatepass")) for label in labels]
    assert all(1 <= n <= 63 for n in octets), f"{what}_label_length: {octets} in {name!r}"
    assert sum(n + 1 for n in octets) + 1 <= 255, f"{what}_over_255_octets: {name!r}"


def check_change(change: dict[str, Any]) -> None:
    check_dns_name(change["name"], "name")
    ttl = change["ttl"]
    assert ttl is None or (type(ttl) is int and 0 <= ttl <= MAX_TTL), f"ttl_range: {ttl!r}"
    for value in (change["value"], change["old_value"]):
        if value is None:
            continue
        if change["type"] in NAME_VALUE_TYPES:
            check_dns_name(value, "target")
        if change["type"] == "TXT":
            assert is_utf8(value), f"txt_not_utf8: {value!r}"


def is_utf8(text: str) -> bool:
    """False when `text` holds a lone surrogate, which no UTF-8 output (JSON, Slack, a
    terminal) can carry."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def check_triage(ticket: Ticket, app: AppConfig) -> dict[str, Any]:
    """The whole path from a ticket to every rendering; returns the JSON document."""
    result = triage(ticket, DirectoryZones(app.owners(), app.suffixes), app)
    doc = to_json(result)
    try:
        encoded = json.dumps(doc, ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise AssertionError(f"json_not_serialisable: {exc}") from exc
    assert is_utf8(encoded), f"json_not_utf8: {encoded[:300]!r}"
    terminal = to_terminal(result)
    assert is_utf8(terminal), f"terminal_not_utf8: {terminal[:300]!r}"  # the CLI prints it
    message = triage_message(result, Status())
    assert message["text"] and len(message["blocks"]) <= MAX_BLOCKS, "slack_message_shape"
    assert is_utf8(json.dumps(message, ensure_ascii=False)), "slack_not_utf8"
    for change in doc["changes"]:
        check_change(change)
    return doc


def check_text(subject: str, text: str, app: AppConfig) -> dict[str, Any]:
    return check_triage(Ticket(id="1", subject=subject, text=text, url="https://x/1"), app)


def check_file(file: TicketFile, directory: Path, app: AppConfig) -> dict[str, Any]:
    """`triage --offline FILE`: the file read as the CLI reads it, then the whole path."""
    path = directory / f"ticket{file.suffix}"
    path.write_bytes(file.to_bytes())
    ticket = read_ticket_file(str(path), app.zendesk)
    assert isinstance(ticket, Ticket), "read_not_a_ticket"
    return check_triage(ticket, app)


# ---------------------------------------------------------------------------------------------
# Generated tickets


@pytest.mark.fuzz
@settings(FUZZ, max_examples=1500)
@given(subject=subjects, text=tickets())
def test_generated_tickets_keep_the_properties(subject: str, text: str, app: AppConfig) -> None:
    check_text(subject, text, app)


@pytest.mark.fuzz
@pytest.mark.parametrize("layout", sorted(LAYOUTS))
@settings(FUZZ, max_examples=250)
@given(data=st.data())
def test_each_layout_keeps_the_properties(layout: str, data: st.DataObject, app: AppConfig) -> None:
    text = data.draw(laid_out(layout), label="text")
    check_text("Certificate validation", text, app)


@pytest.mark.fuzz
@settings(FUZZ, max_examples=600)
@given(file=ticket_files())
def test_ticket_files_keep_the_properties(
    file: TicketFile, app: AppConfig, tmp_path_factory: pytest.TempPathFactory
) -> None:
    check_file(file, tmp_path_factory.getbasetemp(), app)


# ---------------------------------------------------------------------------------------------
# Known crash inputs, each fed as a whole ticket (plain tests: they run without `-m fuzz` too)

FASTLY = "x.fastly-validations.com."
NAME = "_acme-challenge.www.gov.uk."
TABLE = "| Name | Type | Value | TTL |\n|---|---|---|---|\n| {name} | CNAME | {value} | {ttl} |"
LABELS = "Name: {name}\nType: CNAME\nValue: {value}\nTTL: {ttl}"
CRASHES = {
    "caa-quote-smart-quote": 'CAA " 0 issue CNAME \u201c',
    "zone-line-ttl-arabic-indic": f"{NAME} ٣٠٠ IN CNAME {FASTLY}",
    "zone-line-ttl-superscript": f"{NAME} ³⁰⁰ IN CNAME {FASTLY}",
    "dollar-ttl-arabic-indic": f"$TTL ٣٠٠\n{NAME} CNAME {FASTLY}",
    "dollar-ttl-superscript": f"$TTL ³⁰⁰\n{NAME} CNAME {FASTLY}",
    "table-ttl-arabic-indic": TABLE.format(name=NAME, value=FASTLY, ttl="٣٠٠"),
    "table-ttl-superscript": TABLE.format(name=NAME, value=FASTLY, ttl="³⁰⁰"),
    "label-ttl-arabic-indic": LABELS.format(name=NAME, value=FASTLY, ttl="٣٠٠"),
    "label-ttl-superscript": LABELS.format(name=NAME, value=FASTLY, ttl="³⁰⁰"),
    "apex-at-cname": "@ CNAME x.fastly-validations.com",
    "empty-label": f"a..b.gov.uk. CNAME {FASTLY}",
    "label-of-70-octets": f"{'a' * 70}.gov.uk. CNAME {FASTLY}",
    "target-label-of-70-octets": f"{NAME} CNAME {'a' * 70}.fastly-validations.com.",
    "txt-lone-surrogate": f'{NAME} TXT "abc\ud800def"',
}


# Failures the grammar found beyond those, minimised (bench/fuzz_bench.py at 0bf6e19).
LONG = "a" * 64
FOUND = {
    "at-takes-upper-case-hint": "Please create a CNAME record for @ pointing to GOV.UK.",
    "at-takes-relative-hint": "Please create a CNAME record for @ pointing to x.fastly-validations.com",
    "at-takes-wildcard-hint": '* @ 0s TXT "0"',
    "at-takes-empty-label-hint": 'Please add a CAA record at @ for gov..uk: 0 issue "letsencrypt.org"',
    "at-takes-long-label-hint": f'Please add a CAA record at @ for {LONG}.gov.uk: 0 issue "letsencrypt.org"',
    "empty-label-hint-parent": "gov.uk CNAME _0.0.acm-validations.aws. 0\nuk CNAME uk..gov.uk",
    "escaped-name": f"Name: gov\\032x.uk\nType: CNAME\nValue: {FASTLY}",
    "zone-line-ttl-2**31": f"{NAME} 2147483648 CNAME {FASTLY}",
    "label-ttl-10**13": LABELS.format(name=NAME, value=FASTLY, ttl="10000000000000"),
    "table-ttl-10**13": TABLE.format(name=NAME, value=FASTLY, ttl="10000000000000"),
}


@pytest.mark.parametrize("text", [*CRASHES.values(), *FOUND.values()], ids=[*CRASHES, *FOUND])
def test_known_crash_input(text: str, app: AppConfig) -> None:
    check_text("Certificate validation", text, app)


BOGUS_EML = (
    "From: Fastly Support <support@fastly.com>\n"
    "To: govuk-2ndline@digital.cabinet-office.gov.uk\n"
    "Subject: Re: #56046 Certificate renewal\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=x-bogus\n"
    "\n"
    f"{NAME} CNAME {FASTLY}\n"
)


@pytest.mark.parametrize("suffix", [".eml", ".txt"])
def test_email_with_a_bogus_charset(suffix: str, tmp_path: Path, app: AppConfig) -> None:
    check_file(TicketFile(suffix, BOGUS_EML), tmp_path, app)
