"""A winter's tickets: a removal held for the new certificate in a hurried paragraph that
ends "nothing else to change" ..."""

from __future__ import annotations

import pytest

from bot.models import Ticket
from bot.reading import read

OLD_CNAME = (
    "_acme-challenge.old-portal.dwp.gov.uk   CNAME   p4q8r2s6t0u3v7w1xy.fastly-validations.com"
)


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def _timed(ticket: Ticket) -> list[tuple[str, str, str, str]]:
    return sorted((c.action, c.name, c.type, c.when) for c in read(ticket).changes)


# A removal held for the new certificate, in a paragraph that closes by saying nothing more
# is to change (lowercase sentences: one sentence to the reader, which "nothing … change"
# had refused whole, leaving the record the lead-in dropped as a removal "now", silently)


@pytest.mark.parametrize(
    "closing",
    [
        "nothing else to change.",
        "nothing more to remove on your side.",
        "nothing further needs adding.",
        "nothing else to delete or add.",
    ],
)
def test_a_held_removal_stays_held_when_nothing_else_is_to_change(closing: str) -> None:
    ticket = _text(
        "hi, old-portal.dwp.gov.uk has been dropped from the renewal, but its challenge "
        f"record is still in your zone:\n\n{OLD_CNAME}\n\n"
        "leave it in for now pls - the live cert still covers that name. when i tell you "
        f"the replacement cert has been issued you can remove it. {closing}\n\nta\nSam\n"
    )
    assert _timed(ticket) == [
        ("delete", "_acme-challenge.old-portal.dwp.gov.uk.", "CNAME", "after_issuance")
    ]
