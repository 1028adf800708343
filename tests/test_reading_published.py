"""What a ticket shows as published already: records a vendor reports done, table rows that
need nothing."""

from __future__ import annotations

from bot.reading import read
from tests.test_reading import changes, conversation, us, vendor

APEX = "_acme-challenge.ofsted.gov.uk"
WWW = "_acme-challenge.www.ofsted.gov.uk"
ASK = vendor(
    "Could you publish these two for the renewal?\n\n"
    f"{APEX} CNAME 7hq2mzk4v9xw3tpl8d.fastly-validations.com\n"
    f"{WWW} CNAME k2n8vq5x7rm3ztw4ph.fastly-validations.com\n",
    1,
)
ADDED = us("Both are in now, TTL 3600.", 2)


def test_both_records_validating_fine_is_done() -> None:
    """ "Both records are validating fine on our end" had left both adds standing, silently."""
    for said in (
        "Both records are validating fine on our end and the cert went out this morning.",
        "Thanks! Both CNAMEs are now validating correctly, so we're all set.",
        "Both are validating without any issues - I'll close this one.",
    ):
        got = read(conversation(ASK, ADDED, vendor(said, 3)))
        assert got.changes == (), said
        assert sorted(o.name for o in got.observed) == [f"{APEX}.", f"{WWW}."], said
    # (a bare "are validating" is under way, not done: the adds stand)
    for said in (
        "Both are validating now, should be through within the hour.",
        "Once both are validating fine the certificate will issue.",
    ):
        ticket = conversation(ASK, ADDED, vendor(said, 3))
        assert [c[0] for c in changes(ticket)] == ["add", "add"], said
