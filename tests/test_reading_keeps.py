"""The vendor taking back a removal by saying the record must stay ("please keep X - it's live")."""

from __future__ import annotations

from bot.reading import read
from tests.test_reading import _text, changes, codes, conversation, vendor

STALE = "_acme-challenge.assets.publishing.service.gov.uk."
LIVE = "_acme-challenge.www.gov.uk."
REMOVE_BOTH = vendor(
    "Hi,\n\nAs part of the renewal please remove these stale records:\n\n"
    "_acme-challenge.assets.publishing.service.gov.uk CNAME k3j4h5g6f7d8s9a0q1w2.fastly-validations.com\n"
    "_acme-challenge.www.gov.uk CNAME p0o9i8u7y6t5r4e3w2q1.fastly-validations.com\n\n"
    "Thanks,\nFastly Support",
    1,
)


def _deleted(ticket: object) -> list[str]:
    return [name for action, name, *_ in changes(ticket) if action == "delete"]  # type: ignore[arg-type]


def test_a_later_keep_withdraws_the_removal_of_that_name() -> None:
    """(each of these left the delete of the www challenge standing, with no flag)"""
    for reply in [
        "Sorry, correction: please keep _acme-challenge.www.gov.uk (pointing to "
        "p0o9i8u7y6t5r4e3w2q1.fastly-validations.com) - it's live.\n\nFastly Support",
        "Please keep _acme-challenge.www.gov.uk - it's still in use. Only the assets one should go.",
        "Scratch the www one, that record is still needed: _acme-challenge.www.gov.uk",
        "On second thoughts, _acme-challenge.www.gov.uk must stay - we still validate with it.",
        "Apologies - _acme-challenge.www.gov.uk is still required by the current certificate.",
    ]:
        ticket = conversation(REMOVE_BOTH, vendor(reply, 2))
        assert _deleted(ticket) == [STALE], reply
        assert "retracted" in codes(ticket), reply


def test_a_removal_put_off_or_chased_is_not_withdrawn() -> None:
    # "keep it until …" says when, not whether; "is still live" is said of a record still to go
    for reply in [
        "Please keep _acme-challenge.www.gov.uk until the new certificate has been issued.",
        "We can see _acme-challenge.www.gov.uk is still live. Could you remove it?",
        "_acme-challenge.www.gov.uk is still there on our side.",
    ]:
        ticket = conversation(REMOVE_BOTH, vendor(reply, 2))
        assert LIVE in _deleted(ticket), reply


def _removal(keep: str) -> object:
    return _text(
        "Hello,\n\nAfter the move to Certainly please remove these CAA records from "
        'justice.gov.uk:\n\njustice.gov.uk. CAA 0 issue "globalsign.com"\n'
        f'justice.gov.uk. CAA 0 issue "digicert.com"\n\n{keep}\n\nThanks,\nFastly Support\n'
    )


def test_a_ca_said_to_stay_below_its_removal_in_the_same_mail_is_held() -> None:
    """("Please leave the DigiCert one alone" below a list removing it: both deleted, no flag)"""
    for keep in [
        "Please leave the DigiCert one alone, another team uses it.",
        "The digicert.com one should stay though.",
        "Keep the digicert.com entry as it is.",
    ]:
        ticket = _removal(keep)
        held = {f.name for f in read(ticket).flags if f.code == "ambiguous_request"}
        assert "justice.gov.uk." in held, keep
    # (the globalsign.com CAA kept says nothing of the GlobalSign TXT token's removal)
    ticket = _text(
        "Please leave the globalsign.com entry in place for now.\n\nYou can delete the old TXT:\n"
        '\ngov.uk. IN TXT "globalsign-domain-verification=Ow8xjlcdIXeanI3O9tnGLsLTc1k7zLQGaz"\n'
    )
    assert "ambiguous_request" not in codes(ticket)
