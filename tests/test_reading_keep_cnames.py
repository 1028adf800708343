"""Records a lead-in says stay ("the two challenge records stay as they are:") are there now,
never adds: only lead-ins that began "keep"/"leave" or said "these should stay:" were taken so,
and the kept CNAMEs below any other such lead-in were drafted as adds, silently."""

import pytest

from bot.reading import read
from tests.test_reading import changes, conversation, vendor

_CNAMES = (
    "_acme-challenge.apply.dft.gov.uk  CNAME  k2j3h4g5f6.fastly-validations.com\n"
    "_acme-challenge.www.apply.dft.gov.uk  CNAME  q9w8e7r6t5.fastly-validations.com\n"
)
_TXT = 'dft.gov.uk.  TXT  "globalsign-domain-verification=AbCdEf0123456789xyz"'


def _tidy_up(lead_in: str) -> str:
    return (
        "The new certificate for apply.dft.gov.uk went out yesterday. The old GlobalSign "
        f"token can be removed now:\n\n{_TXT}\n\n{lead_in}\n\n{_CNAMES}\nCheers,\nPriya"
    )


@pytest.mark.parametrize(
    "lead_in",
    [
        "Just so it's clear, both ACME records stay exactly as they are:",
        "The two _acme-challenge CNAMEs should be left in place:",
        "These two are staying put:",
        "No change to the challenge CNAMEs, they stay:",
        "To be clear, the validation CNAMEs aren't going anywhere:",
        "The challenge records below remain unchanged:",
    ],
)
def test_records_a_lead_in_says_stay_are_observed_not_added(lead_in: str) -> None:
    """(each kept CNAME used to be drafted as an add, with no flag)"""
    ticket = conversation(vendor(_tidy_up(lead_in), 1))
    assert [(a, t) for a, _, t, _, _ in changes(ticket)] == [("delete", "TXT")]
    assert {o.type for o in read(ticket).observed} == {"TXT", "CNAME"}
