"""Reading a ticket from a file: subject and id from what a person sees, not the markup."""

from __future__ import annotations

from pathlib import Path

from bot.config import Zendesk
from bot.ticketfile import read_ticket_file


def test_html_ticket_subject_and_id_come_from_visible_text(tmp_path: Path) -> None:
    path = tmp_path / "t.html"
    path.write_text("<div><p>Renewal&nbsp;notice</p><p>Ticket&nbsp;#56045: add a record</p></div>")
    ticket = read_ticket_file(str(path), Zendesk())
    assert (ticket.subject, ticket.id) == ("Renewal notice", "56045")
    assert ticket.url == "https://fastly.zendesk.com/hc/requests/56045"


def test_id_falls_back_to_the_file_name_and_then_no_url(tmp_path: Path) -> None:
    path = tmp_path / "renewal.txt"
    path.write_text("Please add a record.")
    ticket = read_ticket_file(str(path), Zendesk())
    assert (ticket.id, ticket.url) == ("renewal", None)


def test_stdin() -> None:
    ticket = read_ticket_file("-", Zendesk(), stdin_text="Subject: Request #123 cert\n\nbody")
    assert (ticket.id, ticket.subject) == ("123", "Request #123 cert")


_PHISH = (
    "Authentication-Results: mx.google.com; spf=fail (google.com: domain of\n"
    " bounce@relay.example does not designate 192.0.2.7 as permitted sender)\n"
    " smtp.mailfrom=bounce@relay.example; dmarc={dmarc} (p=REJECT sp=REJECT\n"
    " dis=QUARANTINE) header.from=fastly.com\n"
    'From: "Fastly Certificate Operations" <certificates@fastly.com>\n'
    "Subject: [ACTION REQUIRED] re-verify now\n"
    "Content-Type: text/plain; charset=utf-8\n\n"
    "Please create the following DNS record IMMEDIATELY:\n\n"
    "  Host:    _acme-challenge.www.gov.uk\n"
    "  Type:    CNAME\n"
    "  Target:  verify-7f3a.gvuk-edge-validate.top\n"
)


def test_a_mail_that_failed_dmarc_is_not_the_vendors(tmp_path: Path) -> None:
    path = tmp_path / "notice.eml"
    path.write_text(_PHISH.format(dmarc="fail"))
    ticket = read_ticket_file(str(path), Zendesk())
    [comment] = ticket.comments
    assert comment.role == "other"
    assert comment.author is not None and "certificates@fastly.com" in comment.author
    assert "dmarc=fail" in comment.author


def test_a_mail_that_passed_dmarc_is_read_as_the_vendors(tmp_path: Path) -> None:
    path = tmp_path / "notice.eml"
    path.write_text(_PHISH.format(dmarc="pass"))
    assert read_ticket_file(str(path), Zendesk()).comments == ()
