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
