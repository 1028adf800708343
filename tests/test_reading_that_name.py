"""A record the vendor says is already at "that name", the host it has just asked for a record
at ("Please add a TXT record on licensing.service.gov.uk with the value: V … I can see there's a
google-site-verification TXT on that name already (W) - please leave that where it is"). Only an
underscored owner used to be remembered as "that name", so W was left unread (unread_value)."""

from __future__ import annotations

from bot.reading import read
from tests.test_reading import _text, changes, codes

ASK = (
    "Hi,\n\nPlease add a TXT record on licensing.service.gov.uk itself with the value:\n\n"
    "globalsign-domain-verification=pN6lKGAa4lOFPdblsTPaQ4pgQOMsSA-c\n\n"
)
TOKEN = "globalsign-domain-verification=pN6lKGAa4lOFPdblsTPaQ4pgQOMsSA-c"
GOOGLE = "google-site-verification=KIM2u4vl7jRmXzqnL73WfbzSsv2-UIh18GiQhJdqilw"


def test_a_record_already_at_that_name_is_observed_at_the_host_just_named() -> None:
    for said in [
        f"I can see there's a google-site-verification TXT on that name already ({GOOGLE}) - "
        "please leave that where it is, it won't interfere.",
        f"I can see there's a TXT on that name already ({GOOGLE}).",
        f"There is already a TXT record on that name: {GOOGLE} - please leave it.",
    ]:
        ticket = _text(f"{ASK}{said}\n\nthanks\nBen (Fastly Support)")
        assert changes(ticket) == [("add", "licensing.service.gov.uk.", "TXT", TOKEN, None)], said
        observed = [(o.name, o.type, o.value) for o in read(ticket).observed]
        assert observed == [("licensing.service.gov.uk.", "TXT", GOOGLE)], said
        assert "unread_value" not in codes(ticket), said


def test_a_host_name_is_never_the_owner_of_a_disclaimer_s_pointing_at() -> None:
    # "that name" may be a host name; a sentence with no "there"/"that name" never takes it
    ticket = _text(
        "Please add these two CAA records at publishing.service.gov.uk:\n\n"
        '    0 issue "letsencrypt.org"\n    0 issuewild "letsencrypt.org"\n\n'
        "Best wishes,\nFastly\n\n--\nFastly will never ask you to add DNS records pointing at "
        "anything other than fastly.com, fastly.net or fastly-validations.com hostnames."
    )
    assert len(changes(ticket)) == 2
    assert "retracted" not in codes(ticket)
