"""Threads read half done: only what is still to do at the end is a change; what the vendor
says is validated or in place is observed."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import changes, conversation, us, vendor

CHALLENGE = "_acme-challenge.www.kew.gov.uk  CNAME  p0q9r8s7t6u5v4w3x2.fastly-validations.com"
SECTIGO_CAA = 'kew.gov.uk  CAA  0 issue "sectigo.com"'


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def test_the_value_a_lead_in_says_is_there_is_not_asked_for() -> None:
    """The CAA value in brackets that a lead-in says is published had been added, silently."""
    for lead_in in (
        'Since kew.gov.uk has a CAA record that only allows DigiCert (0 issue "digicert.com"), '
        "please add next to it:",
        'Your CAA set at kew.gov.uk currently lists just DigiCert (0 issue "digicert.com"), '
        "so please add:",
        'The existing CAA on kew.gov.uk (0 issue "digicert.com") stays; please add this one '
        "beside it:",
    ):
        got = read(_text(f"Hello,\n\n{lead_in}\n\n  {SECTIGO_CAA}\n\nThanks"))
        assert [(c.action, c.value) for c in got.changes] == [("add", '0 issue "sectigo.com"')]
        assert [o.value for o in got.observed] == ['0 issue "digicert.com"']


def test_a_host_whose_challenge_has_passed_is_done() -> None:
    """ "the www challenge has passed" had left the CNAME an add, silently."""
    for passed in (
        "Thanks - the www challenge has passed, so only the CAA is left.",
        "The challenge for www.kew.gov.uk has now succeeded. The CAA is the one remaining item.",
        "Quick update: the www check went through. Still waiting on the CAA though.",
    ):
        ticket = conversation(
            vendor(f"Please add both of these:\n\n{CHALLENGE}\n\n{SECTIGO_CAA}", 1),
            us("Both should be in by this afternoon.", 2),
            vendor(passed, 3),
        )
        assert changes(ticket) == [("add", "kew.gov.uk.", "CAA", '0 issue "sectigo.com"', None)]
        assert [o.name for o in read(ticket).observed] == ["_acme-challenge.www.kew.gov.uk."]
    # (a condition is not a report)
    ticket = conversation(
        vendor(f"Please add:\n\n{CHALLENGE}", 1),
        us("Added.", 2),
        vendor("Once the www challenge has passed we will issue the certificate.", 3),
    )
    assert [c.action for c in read(ticket).changes] == ["add"]


def test_a_ca_entry_the_vendor_sees_in_place_is_done() -> None:
    """A CAA the copied-in department added itself, which the vendor then saw, had stayed an
    add, silently."""
    for seen in (
        "Thanks Priya - confirmed, the sectigo.com CAA is visible now.",
        "Good news: the CAA entry for sectigo.com is now in place.",
        "The sectigo.com CAA record has been published, thank you.",
    ):
        ticket = conversation(
            vendor(f"Two changes, please:\n\n{CHALLENGE}\n\n{SECTIGO_CAA}", 1),
            us("We'll get to these this week.", 2),
            vendor(f"{seen} That leaves only the www CNAME.", 3),
        )
        assert [c.type for c in read(ticket).changes] == ["CNAME"]
        assert [o.type for o in read(ticket).observed] == ["CAA"]


def test_a_record_a_status_update_says_is_fine_is_not_asked_for() -> None:
    """A status update's "X CNAME Y is resolving correctly" and "which has a single CAA record,
    V" had been read as adds, silently."""
    text = (
        "Status as of this morning:\n\n"
        "kew.gov.uk - the challenge record is okay (_acme-challenge.kew.gov.uk CNAME "
        "h7g6f5e4d3c2b1a0z9.fastly-validations.com is working fine).\n\n"
        'The CA looks at kew.gov.uk, which holds one CAA record, 0 issue "digicert.com", '
        "and that blocks Sectigo. Please add this beside it:\n\n"
        f"  {SECTIGO_CAA}\n\nRegards"
    )
    got = read(_text(text))
    assert [(c.action, c.type, c.value) for c in got.changes] == [
        ("add", "CAA", '0 issue "sectigo.com"')
    ]
    assert sorted(o.type for o in got.observed) == ["CAA", "CNAME"]


APEX = "_acme-challenge.kew.gov.uk  CNAME  k1l2m3n4o5p6q7r8s9.fastly-validations.com"


def _notification(dot: str, done: str) -> str:
    return (
        "##- Please type your reply above this line -##\n\n"
        'Ana Ruiz (Fastly) replied to your request #5012 "Renewal: kew.gov.uk".\n\n'
        f"Ana Ruiz {dot} 3 Jun 2025, 11:02\n\n"
        "Both challenges validated and the certificate is live. The old DigiCert record can go "
        "now, please delete:\n\n_acme-challenge.old.kew.gov.uk CNAME dcv.digicert.com\n\n"
        "Leave the new ones as they are.\n\nAna\n\nPrevious comments\n\n"
        f"Tom Reed {dot} 2 Jun 2025, 16:40\n\n{done}\n\n"
        "_acme-challenge.kew.gov.uk. 300 IN CNAME k1l2m3n4o5p6q7r8s9.fastly-validations.com.\n"
        "_acme-challenge.www.kew.gov.uk. 300 IN CNAME p0q9r8s7t6u5v4w3x2.fastly-validations.com."
        f"\n\nTom\n\nAna Ruiz {dot} 2 Jun 2025, 09:15\n\n"
        f"Hello, please add:\n\n{APEX}\n{CHALLENGE}\n\nThanks, Ana\n\n"
        "This email is a service from Fastly Support.\n"
    )


def test_a_notification_whose_headers_use_a_middle_dot_is_read_as_its_comments() -> None:
    """Headers written "Name · 21 May 2025, 10:44" were not seen: the notification was read as
    one text, and the adds its newest comment reports validated were drafted again, silently."""
    for dot in ("\u00b7", "\u2013", "\u2022"):
        for done in ("Both in:", "Both added now:"):
            got = read(_text(_notification(dot, done)))
            assert [(c.action, c.name) for c in got.changes] == [
                ("delete", "_acme-challenge.old.kew.gov.uk.")
            ]


def test_a_www_host_called_by_the_label_after_www_is_done() -> None:
    """ "Staging has validated" of www.staging.x had left its CNAME an add (a host by its first
    label only, "www")."""
    staging = (
        "_acme-challenge.www.staging.kew.gov.uk CNAME s1t2u3v4w5x6y7z8a9.fastly-validations.com"
    )
    for done in ("Staging has validated.", "Confirmed: staging validated on the retry."):
        ticket = conversation(
            vendor(f"Please add:\n\n{staging}\n\n{CHALLENGE}", 1),
            us("Both added.", 2),
            vendor(f"Thanks. {done} The other one is still pending, I'll retry it.", 3),
        )
        assert [c.name for c in read(ticket).changes] == ["_acme-challenge.www.kew.gov.uk."]
