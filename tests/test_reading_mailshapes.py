"""How the mail looked: MIME parts, HTML shapes and mail-client layouts the reader must see through."""

from __future__ import annotations

from bot.models import Ticket
from bot.text import from_email
from tests.test_reading import changes

TARGET = "q7rkw2zm8x4hd9pnvt.fastly-validations.com"


def _mail(plain: str, html: str) -> Ticket:
    """A ticket from a multipart/alternative message, as `cert-ticket triage x.eml` reads it."""
    raw = (
        "From: Fastly Support <support@fastly.com>\nTo: govuk@example.gov.uk\n"
        "Subject: Validate your TLS subscription #4242\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="alt"\n\n--alt\n'
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{plain}\n--alt\n"
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{html}\n--alt--\n"
    )
    subject, text = from_email(raw)
    return Ticket(id="4242", subject=subject, text=text)


# The records only in the HTML part


def test_a_plain_part_that_only_says_view_in_a_browser_gives_way_to_the_html_one() -> None:
    """The plain stand-in had been read alone: no changes, the HTML's CNAME unseen."""
    html = (
        "<p>Please add this record so we can validate agency.service.gov.uk:</p><table><tr>"
        "<th>Name</th><th>Type</th><th>Target</th></tr><tr><td>_acme-challenge.agency.serv=\n"
        f"ice.gov.uk</td><td>CNAME</td><td>{TARGET[:20]}=\n{TARGET[20:]}</td></tr></table>"
    )
    for plain in (
        "View this email in your browser: https://fastly.example/m/4242",
        "Your mail client cannot show this message. Please open the HTML version.",
        "Fastly TLS: action required.\n\nSign in to the control panel to see what is needed.",
    ):
        assert changes(_mail(plain, html)) == [
            ("add", "_acme-challenge.agency.service.gov.uk.", "CNAME", TARGET + ".", None)
        ]

    # a plain part with the records is still the one read, whatever the HTML says
    plain = f"Please add:\n_acme-challenge.agency.service.gov.uk CNAME {TARGET}"
    other = "<p>Please add the record in the plain-text version of this mail.</p><p>CNAME</p>"
    assert changes(_mail(plain, other)) == [
        ("add", "_acme-challenge.agency.service.gov.uk.", "CNAME", TARGET + ".", None)
    ]
