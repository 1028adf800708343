"""The message for a ticket that could not be read: what it says, and that ticket text in it
can neither ping nor make a link."""

from __future__ import annotations

import json

from bot.budget import Unreadable
from bot.models import Flag, Ticket
from bot.unreadable_message import unreadable_answer, unreadable_message

URL = "https://fastly.zendesk.com/hc/requests/66001"
EVIL = "Hi <!channel> and <@U123>, see <https://evil.example|gov.uk> & <!here>"


def ticket(subject: str = "Certificate renewal for www.gov.uk") -> Ticket:
    return Ticket(id="66001", subject=subject, url=URL)


def test_says_why_with_the_link_subject_and_flags() -> None:
    flag = Flag(code="private_key", severity="block", message="The ticket contains a key.")
    outcome = Unreadable(
        reason="it took longer than its 10 s budget (stopped while reading the ticket)",
        flags_so_far=(flag,),
    )
    message = unreadable_message(ticket(), outcome)
    header, said, shown_flag, note = message["blocks"]
    assert header["text"]["text"] == "Certificate ticket 66001: Certificate renewal for www.gov.uk"
    assert said["text"]["text"] == (
        "⚠️ *Could not read this ticket:* it took longer than its 10 s budget (stopped while "
        f"reading the ticket); read it on Zendesk: <{URL}|Zendesk request 66001>"
    )
    assert shown_flag["text"]["text"] == "⛔ *private_key* The ticket contains a key."
    assert "/cert-ticket 66001" in note["elements"][0]["text"]
    assert message["text"].startswith("Certificate ticket 66001: could not read this ticket: it")
    assert not any(b["type"] == "actions" for b in message["blocks"])


def test_ticket_text_cannot_ping_or_spoof_links() -> None:
    outcome = Unreadable(
        reason=f"triage failed (ValueError: {EVIL})",
        flags_so_far=(Flag(code="unread_value", severity="warn", message=EVIL),),
    )
    message = unreadable_message(ticket(f"Certificate {EVIL}"), outcome)
    shown = json.dumps(message)
    for raw in ("<!channel>", "<@U123>", "<https://evil.example|gov.uk>", "<!here>"):
        assert raw not in shown
    assert "‹!channel›" in message["blocks"][0]["text"]["text"]  # header: plain text look-alikes
    assert "&lt;!channel&gt;" in message["blocks"][1]["text"]["text"]  # mrkdwn: escaped
    assert shown.count("<http") == 2 and shown.count(f"<{URL}|") == 2  # our link only


def test_many_flags_are_cut_to_fit_a_message() -> None:
    flags = tuple(
        Flag(code="unread_value", severity="warn", message=f"line {i}") for i in range(60)
    )
    message = unreadable_message(ticket(), Unreadable(reason="x", flags_so_far=flags))
    assert len(message["blocks"]) <= 50
    assert "40 more flags" in json.dumps(message)


def test_the_command_answer_says_the_same() -> None:
    outcome = Unreadable(reason="triage failed (<!here>)")
    answer = unreadable_answer(ticket(), outcome, "C0CERT")
    assert answer == (
        "Ticket 66001: could not read this ticket: triage failed (&lt;!here&gt;); "
        f"read it on Zendesk: <{URL}|Zendesk request 66001>. Posted in <#C0CERT>."
    )
