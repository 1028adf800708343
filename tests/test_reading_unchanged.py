"""A record repeated with "nothing has changed" ("Same record as in my first message, nothing
has changed:") is still asked for: the words say the record is the same, not that nothing is
to be done. "nothing … chang…" was read as a refusal, so the repeated CNAME was dropped as
retracted and the ticket said no changes were found."""

from __future__ import annotations

from tests.test_reading import _text, changes, codes

RECORD = "  _acme-challenge.www.tax.service.gov.uk  CNAME  z3ey0qfjbn1p39ivzri8l7v1.fastly-validations.com"
ADD = (
    "add",
    "_acme-challenge.www.tax.service.gov.uk.",
    "CNAME",
    "z3ey0qfjbn1p39ivzri8l7v1.fastly-validations.com.",
    None,
)


def test_a_record_repeated_as_unchanged_is_still_asked_for() -> None:
    for said in [
        "Same record as in my first message, nothing has changed:",
        "Same record as before, nothing changed:",
        "The CNAME from my first email is still required though, nothing has changed there:",
    ]:
        ticket = _text(
            f"Hi,\n\nWe're still waiting for the www one though. {said}\n\n{RECORD}\n\nKwame"
        )
        assert changes(ticket) == [ADD], said
        assert "retracted" not in codes(ticket), said


def test_nothing_to_change_still_refuses() -> None:
    ticket = _text(f"Hi,\n\nNothing needs to be changed:\n\n{RECORD}\n\nKwame")
    assert changes(ticket) == []
