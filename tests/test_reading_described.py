"""What the vendor's own books say is published: described, never asked for."""

from __future__ import annotations

from tests.test_reading import _text, changes


def test_what_the_vendors_records_show_is_no_request() -> None:
    """("Our records show www.gov.uk is a CNAME to …map.fastly.net, so no DNS changes are
    needed" was read as an add of a CNAME at www.gov.uk)"""
    for said in [
        "Our records show www.gov.uk is a CNAME to www-gov-uk.map.fastly.net, so no DNS "
        "changes are needed on your side.",
        "According to our records, www.gov.uk is currently pointing to "
        "www-gov-uk.map.fastly.net - nothing to do.",
        "Our records indicate that www.gov.uk is an alias of www-gov-uk.map.fastly.net.",
    ]:
        assert changes(_text(f"Hello,\n\n{said}\n\nRegards,\nFastly")) == [], said


def test_records_the_vendor_says_were_removed_are_still_asked_back() -> None:
    body = (
        "Our records show the challenge CNAME was removed from your zone, so we'll need it "
        "back before the renewal can validate:\n\n"
        "_acme-challenge.www.gov.uk CNAME qa1ws2ed3rf4tg5yh6.fastly-validations.com\n"
    )
    assert [c[0] for c in changes(_text(body))] == ["add"]
