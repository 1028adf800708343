"""Property tests: arbitrary text and HTML never make the triage core raise."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.config import AppConfig
from bot.models import Extraction, Ticket
from bot.reading import read
from bot.triage import triage
from bot.zones import DirectoryZones

VOCAB = st.sampled_from(
    [
        "CNAME",
        "TXT",
        "CAA",
        "A",
        "NS",
        "IN",
        "300",
        "@",
        "$ORIGIN",
        "gov.uk.",
        "_acme-challenge",
        "www.gov.uk",
        "x.fastly-validations.com",
        '"v=1"',
        '"',
        "|",
        "Name:",
        "Type:",
        "Value:",
        "remove",
        "add",
        "now has to point at",
        "->",
        "\n",
        " ",
        "<td>",
        "</tr>",
        "&quot;",
        "0 issue",
        "-----BEGIN PRIVATE KEY-----",
        "once issued",
        ".",
        ",",
        "\u201c",
        "Domain:",
        "$TTL",
    ]
)
TEXT = st.one_of(st.text(max_size=400), st.lists(VOCAB, max_size=80).map(" ".join))
HTML = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<table>",
            "<tr>",
            "<td>",
            "</td>",
            "<br>",
            "&nbsp;",
            "&#x1F600;",
            "<script>",
            "x",
        ]
    )
    | TEXT,
    max_size=40,
).map("".join)


def extract(text: str) -> Extraction:
    """What the reader makes of one vendor comment's text."""
    return read(Ticket(id="t", subject="", text=text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_never_raises(text: str) -> None:
    extract(text)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HTML)
def test_html_never_raises(html: str) -> None:
    extract(html)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject=st.text(max_size=80), text=TEXT)
def test_whole_triage_never_raises(subject: str, text: str, app: AppConfig) -> None:
    result = triage(
        Ticket(id="1", subject=subject, text=text), DirectoryZones(app.owners(), app.suffixes), app
    )
    assert result.classification in (
        "dns_change",
        "http_validation",
        "email_validation",
        "not_certificate",
    )
