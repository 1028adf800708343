"""A "DONE" heading over the records that are finished, in a mail set in as a whole (an
indented or quoted copy: "    DONE" / "      _acme-challenge.x  CNAME  y"). Only list items
under the heading were taken as done, so the finished CNAME was drafted again, with no flag
(a rewrite of holdout203's 20765 found it)."""

from __future__ import annotations

from tests.test_reading import _text, changes

DONE_NAME = "_acme-challenge.www.ons.gov.uk"
ASKED = (
    "add",
    "_acme-challenge.beta.ons.gov.uk.",
    "CNAME",
    "v8yqgdt7giuo9g6euh.fastly-validations.com.",
    None,
)


def _recap(indent: str) -> str:
    return (
        f"Hi,\n\n{indent}DONE\n"
        f"{indent}  {DONE_NAME}  CNAME  vejeopizyp0875sa2157.fastly-validations.com\n"
        f"{indent}  -> validated yesterday afternoon, thank you. Leave it as is.\n\n"
        f"{indent}STILL NEEDED NOW\n"
        f"{indent}  _acme-challenge.beta.ons.gov.uk  CNAME  v8yqgdt7giuo9g6euh.fastly-validations.com\n\n"
        "Thanks,\nHana (Fastly Support)"
    )


def test_records_set_in_under_a_done_heading_are_done_at_any_indent() -> None:
    for indent in ("", "  ", "    ", "\t"):
        assert changes(_text(_recap(indent))) == [ASKED], repr(indent)


def test_done_ending_a_wrapped_sentence_is_no_heading() -> None:
    ticket = _text(
        "Here are the steps, numbered in the order we'd like them\ndone.\n\n"
        "1. Add a new challenge record for www.gov.uk:\n"
        "   _acme-challenge.www.gov.uk CNAME rh60qwjzr015ldbjwm.fastly-validations.com\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]
