"""Focused extraction cases: one shape or trap each."""

from __future__ import annotations

import pytest

from bot.models import Extraction, Ticket
from bot.reading import read


def extract(text: str) -> Extraction:
    """What the reader makes of one vendor comment's text."""
    return read(Ticket(id="t", subject="", text=text))


def changes(text: str) -> list[tuple[str, str, str, str | None]]:
    return [(c.action, c.name, c.type, c.value) for c in extract(text).changes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "_acme-challenge.www.gov.uk CNAME abc.fastly-validations.com",
            [("add", "_acme-challenge.www.gov.uk.", "CNAME", "abc.fastly-validations.com.")],
        ),
        (
            "$ORIGIN gov.uk.\n_acme-challenge.www 300 IN CNAME abc.fastly-validations.com.",
            [("add", "_acme-challenge.www.gov.uk.", "CNAME", "abc.fastly-validations.com.")],
        ),
        (
            'gov.uk. 300 IN TXT "part-one" "part-two"',
            [("add", "gov.uk.", "TXT", "part-onepart-two")],
        ),
        (
            "Please remove the TXT record at gov.uk.",
            [("delete", "gov.uk.", "TXT", None)],
        ),
        ("www.gov.uk -> _acme-challenge.www.gov.uk -> x.fastly-validations.com", []),
        ("See https://www.gov.uk/ and mail admin@gov.uk about 151.101.0.0/16.", []),
        ("Domain: www.gov.uk\nStatus: pending", []),
        ("We use TXT records for validation.", []),
        (
            "We currently see a CNAME at _acme-challenge.www.gov.uk pointing to old.fastly-validations.com.",
            [],
        ),
        (
            "Please do not remove anything. Add a CNAME called _acme-challenge.gov.uk with the value a.b.com",
            [("add", "_acme-challenge.gov.uk.", "CNAME", "a.b.com.")],
        ),
    ],
)
def test_shapes(text: str, expected: list) -> None:
    assert changes(text) == expected


def test_two_records_in_one_sentence() -> None:
    text = (
        "Please create a CNAME called _acme-challenge.gov.uk with the value a.fastly-validations.com "
        'and add a TXT record to gov.uk with the value "globalsign-domain-verification=x".'
    )
    assert [c[2] for c in changes(text)] == ["CNAME", "TXT"]


def test_action_context_does_not_leak_past_a_whole_request() -> None:
    text = (
        'Once issued, please remove the TXT record gov.uk. TXT "old=1".\n\n'
        "| Name | Type | Value |\n|---|---|---|\n| _acme-challenge.www.gov.uk | CNAME | a.b.com |\n"
    )
    result = extract(text).changes
    assert [(c.action, c.when) for c in result] == [("delete", "after_issuance"), ("add", "now")]


def test_section_heading_sets_action_for_following_records() -> None:
    text = "Once the certificate has been issued, delete these:\n\n_acme-challenge.gov.uk. CNAME a.b.com."
    (change,) = extract(text).changes
    assert (change.action, change.when) == ("delete", "after_issuance")


def test_unparsed_record_becomes_a_flag() -> None:
    result = extract("gov.uk. 300 IN AAAA not-an-address")
    assert result.changes == ()
    assert [f.code for f in result.flags] == ["unparsed_record"]


def test_long_txt_value_is_kept_whole() -> None:
    value = "k=" + "x" * 400
    (change,) = extract(f'gov.uk. TXT "{value}"').changes
    assert change.value == value
