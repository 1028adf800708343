"""A winter's tickets: a removal held for the new certificate in a hurried paragraph that
ends "nothing else to change" ..."""

from __future__ import annotations

import pytest

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import changes, conversation, us, vendor

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


# The vendor's lookup after our "done" shows last year's value at the name, and asks to swap it
# for the value of their first message: one update, old to new (the lookup's line had been
# read as an add of the old value, at the lookup's TTL, silently)

NEW_GS = "globalsign-domain-verification=Tq7Lw2Xe9Rb4Nc6Vm1Kd8Pz3Hs5Jf0Ga"
OLD_GS = "globalsign-domain-verification=Yc3Fp8Ur1Wn6Qb9Ek2Mx7Lt4Dv0Zh5S"


def _asked_then_swapped(lookup: str, swap: str) -> Ticket:
    return conversation(
        vendor(f"Hello, please add this TXT on dvla.gov.uk itself:\n\n{NEW_GS}\n\nMarta", 1),
        us("Added.", 2),
        vendor(
            f'hi - validation still fails. {lookup}\n\ndvla.gov.uk. 600 IN TXT "{OLD_GS}"\n\n{swap}',
            3,
        ),
    )


@pytest.mark.parametrize(
    ("lookup", "swap"),
    [
        ("from here i get", "that's the old token. can you swap it for the one in my first msg?"),
        (
            "on my end I'm getting:",
            "This is last year's. Please replace it with the token from my original message.",
        ),
        ("we still get:", "Old one - could you change it to the value I sent you earlier?"),
    ],
)
def test_a_value_shown_then_swapped_for_the_first_messages_is_an_update(
    lookup: str, swap: str
) -> None:
    assert changes(_asked_then_swapped(lookup, swap)) == [
        ("update", "dvla.gov.uk.", "TXT", NEW_GS, OLD_GS)
    ]
    # (never when the words refuse that value: "but not with the one in my first message")
    refused = _asked_then_swapped(
        lookup, "It needs replacing, but not with the one in my first msg."
    )
    assert ("update", "dvla.gov.uk.", "TXT", NEW_GS, OLD_GS) not in changes(refused)


def test_a_lookup_answer_ending_its_line_is_published_not_asked() -> None:
    ticket = _text(
        "morning, from here i get\n\n"
        "_acme-challenge.www.dvla.gov.uk. 300 IN CNAME 8cq2ns7vx0pk4mt1ra.fastly-validations.com.\n\n"
        "so that one's fine, thanks.\n"
    )
    assert read(ticket).changes == ()


# A vendor's note that the challenge record we added has validated, records shown inline:
# in place, no request (it had been read as an add of the record, silently)


@pytest.mark.parametrize(
    "said",
    [
        "Thanks for publishing it - _acme-challenge.beta.dvla.gov.uk (CNAME to "
        "3kd8wq0zn5vr2ty7mx.fastly-validations.com) has now validated and the certificate is on "
        "its way.",
        "_acme-challenge.beta.dvla.gov.uk CNAME 3kd8wq0zn5vr2ty7mx.fastly-validations.com "
        "validated fine overnight, thanks.",
        "Good news: _acme-challenge.beta.dvla.gov.uk (CNAME 3kd8wq0zn5vr2ty7mx.fastly-validations.com) "
        "is verified, so nothing more is needed there.",
    ],
)
def test_a_record_said_to_have_validated_is_published_not_asked(said: str) -> None:
    got = read(_text(f"Hello,\n\n{said}\n\nRegards,\nElena\n"))
    assert got.changes == ()
    assert [(o.name, o.type) for o in got.observed] == [
        ("_acme-challenge.beta.dvla.gov.uk.", "CNAME")
    ]


# Two challenge CNAMEs asked, both "added"; the vendor says one validated (by its first label)
# and shows the other published without its final dot, asking to fix it so it points at the
# right target: one update, old to new, and the validated one done (the repair had been
# unread, and the validated add drafted again)

APEX_CNAME = "_acme-challenge.dft.gov.uk CNAME 5hq2mz8wk1rv7xp3nd.fastly-validations.com"
WWW_TARGET = "w6tk0ys3bq9ln4cv2e.fastly-validations.com"


def _fixed_after_validating(done: str, fix: str) -> Ticket:
    return conversation(
        vendor(
            f"Hello, please add:\n\n{APEX_CNAME}\n_acme-challenge.www.dft.gov.uk CNAME "
            f"{WWW_TARGET}\n\nNoor",
            1,
        ),
        us("Both in.", 2),
        vendor(
            f"{done} the www one has not - it's resolving as\n\n_acme-challenge.www.dft.gov.uk. CNAME "
            f"{WWW_TARGET}.dft.gov.uk.\n\n{fix} {WWW_TARGET}. please\n\nNoor",
            3,
        ),
    )


@pytest.mark.parametrize(
    ("done", "fix"),
    [
        ("Cheers - apex one validated, but", "can you fix it so it points at"),
        (
            "The dft one has verified now, however",
            "Could you correct that record so that it resolves to",
        ),
        ("Apex one went through fine. Sadly", "make it point to"),
    ],
)
def test_a_record_shown_wrong_is_fixed_and_the_validated_one_is_done(done: str, fix: str) -> None:
    assert changes(_fixed_after_validating(done, fix)) == [
        (
            "update",
            "_acme-challenge.www.dft.gov.uk.",
            "CNAME",
            f"{WWW_TARGET}.",
            f"{WWW_TARGET}.dft.gov.uk.",
        )
    ]
