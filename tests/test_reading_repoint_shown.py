"""The vendor shows what a challenge name resolves to now and says where it has to point
("$ dig … CNAME OLD" then "It needs to point to NEW"): an update of the record shown. Only
"repoint it to" / "change it to" were read, so "needs to point" and "should point … instead"
left NEW unread and nothing drafted. A TTL "fine as it is" is what is published, not asked."""

from __future__ import annotations

from bot.reading import read
from tests.test_reading import _text, changes, codes

NAME = "_acme-challenge.publish.data.gov.uk."
OLD, NEW = (
    "rdzasxs89322easfgdif.fastly-validations.com.",
    "f01797t9o4hgd4sox3czdufh.fastly-validations.com.",
)
DIG = (
    "Hi,\n\npublish.data.gov.uk is still failing. Our checker is getting the old target:\n\n"
    "  $ dig _acme-challenge.publish.data.gov.uk CNAME +noall +answer\n"
    f"  {NAME} 300 IN CNAME {OLD}\n\n"
)


def test_needs_to_point_after_a_dig_is_an_update_of_the_record_shown() -> None:
    for said in [
        f"It needs to point to {NEW.rstrip('.')}.",
        f"It should point to {NEW.rstrip('.')} instead.",
        f"That one should be pointing at {NEW.rstrip('.')}.",
        f"It has to point at {NEW.rstrip('.')} (the value in my first message).",
    ]:
        ticket = _text(f"{DIG}{said}\n\nThanks,\nFastly Support")
        assert changes(ticket) == [("update", NAME, "CNAME", NEW, OLD)], said
        assert not {"no_changes_found", "unread_value"} & set(codes(ticket)), said


def test_pointing_where_it_already_points_asks_for_nothing() -> None:
    ticket = _text(f"{DIG}It should point to {OLD.rstrip('.')}, which it does.\n\nThanks")
    assert changes(ticket) == []


def test_a_ttl_fine_as_it_is_is_not_asked_for() -> None:
    for said in ["The TTL of 300 is fine as it is.", "Please leave the TTL as is (300)."]:
        ticket = _text(f"{DIG}It needs to point at {NEW.rstrip('.')} instead. {said}\n\nThanks")
        assert [c.ttl for c in read(ticket).changes] == [None], said
