"""Tickets written in a hurry: a list item taken back below the list by its bullet or its type,
"point 1" of a numbered list withdrawn in a later comment."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import changes, codes, conversation, us, vendor

TOKEN = "globalsign-domain-verification=Hq3vN8xR2kW7mT5pL9cB4zJ6yF1sD0gA"
CNAME = ("_acme-challenge.apply-licence.service.gov.uk.", "CNAME")
TXT = ("apply-licence.service.gov.uk.", "TXT")


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def _listed_then(edit: str) -> Ticket:
    """A CNAME and a TXT as two bullets, then `edit` on its own line below them."""
    return _text(
        "Hi, two records for the apply-licence renewal please:\n\n"
        "- _acme-challenge.apply-licence.service.gov.uk CNAME "
        "r7kq2mxw9zt4vb8pnd.fastly-validations.com\n"
        f"- apply-licence.service.gov.uk TXT {TOKEN}\n\n"
        f"{edit}\n\nPriya\nFastly Support\n"
    )


def _read_types(ticket: Ticket) -> list[tuple[str, str]]:
    return sorted((c.name, c.type) for c in read(ticket).changes)


def test_a_bullet_withdrawn_by_its_place_below_the_list_is_left_out() -> None:
    # (the TXT had still been asked for, with no flag: "bullet" was not a list place)
    for edit in (
        "Update: please disregard the last bullet, that order was cancelled.",
        "edit - skip bullet 2, we're going with the CNAME only",
        "EDIT: drop the 2nd bullet point, not needed after all",
    ):
        ticket = _listed_then(edit)
        assert _read_types(ticket) == [CNAME], edit
        assert "retracted" in codes(ticket), edit


def test_a_record_withdrawn_by_its_type_below_the_list_is_left_out() -> None:
    # (a type withdrawn in the same comment as the list had been read as nothing: both added)
    for edit in (
        "EDIT: you can ignore the TXT, GlobalSign cancelled the order.",
        "Correction: the TXT line above isn't needed any more.",
        "Edit before sending - please don't add the TXT, we're moving this to Let's Encrypt.",
    ):
        ticket = _listed_then(edit)
        assert _read_types(ticket) == [CNAME], edit
        assert "retracted" in codes(ticket), edit
    # (never a type said of another name or of an earlier mail: "no TXT change is needed at
    # www" is about www; "the TXT I sent yesterday" is not the one listed above)
    for edit in (
        "No TXT change is needed at www.apply-licence.service.gov.uk.",
        "Please ignore the TXT I sent you yesterday - this one replaces it.",
    ):
        assert _read_types(_listed_then(edit)) == sorted([CNAME, TXT]), edit


def test_point_one_of_a_numbered_list_is_its_first_item_not_the_line_above_it() -> None:
    # ("ignore point 1" took the first record said, above the list: the CNAME the error line
    # named, and left the removal of item 1)
    ask = vendor(
        "Validation is failing: Please remove the record(s) and add the following CNAME "
        "record: 9fz3kq1vwm2xn7rt4b.fastly-validations.com\n\n"
        "1. delete the TXT record at _acme-challenge.pay-fine.service.gov.uk\n"
        "2. add _acme-challenge.pay-fine.service.gov.uk CNAME 9fz3kq1vwm2xn7rt4b."
        "fastly-validations.com\n",
        1,
    )
    reply = us("There is no TXT at that name, nothing to remove.", 2)
    later = vendor("Apologies, our tool was out of date. Please ignore point 1.", 3)
    assert changes(conversation(ask, reply, later)) == [
        (
            "add",
            "_acme-challenge.pay-fine.service.gov.uk.",
            "CNAME",
            "9fz3kq1vwm2xn7rt4b.fastly-validations.com.",
            None,
        )
    ]


def _added_then(later: str) -> Ticket:
    """A TXT asked for at the apex, our "done", then the vendor's `later` words."""
    ask = vendor(f"Could you publish this at the apex please:\n\nofgem.gov.uk  TXT  {TOKEN}\n", 1)
    return conversation(ask, us("Done.", 2), vendor(later, 3))


def test_the_record_added_then_removed_after_issuance_is_a_removal_of_its_value() -> None:
    # (the add had stayed beside a delete with no value, held for a person)
    for later in (
        "Cert got issued this morning. That TXT is still at ofgem.gov.uk - feel free to delete "
        "it now.",
        "Certificate issued, thanks. You can now remove the TXT record from ofgem.gov.uk.",
        "GlobalSign have issued the new certificate, so please delete the TXT at ofgem.gov.uk.",
    ):
        got = read(_added_then(later))
        assert [(c.action, c.name, c.value) for c in got.changes] == [
            ("delete", "ofgem.gov.uk.", TOKEN)
        ], later
        assert [(o.name, o.value) for o in got.observed] == [("ofgem.gov.uk.", TOKEN)], later
    # (never when the words call it another record: "the old TXT" is not the one added)
    later = "The new certificate has been issued; please delete the old TXT at ofgem.gov.uk now."
    assert ("add", "ofgem.gov.uk.", "TXT", TOKEN, None) in changes(_added_then(later))
