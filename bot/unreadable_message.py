"""The message for a ticket cert-ticket could not read, as pure Block Kit and answer text.

The ticket's subject, the reason (which may quote an error about the ticket's text) and the
flags are untrusted: escaped as in `bot.blocks`, so nothing can ping or make a link. The
only link is the ticket's own, built from `zendesk.request_url`.
"""

from __future__ import annotations

from typing import Any

from slack_sdk.models.blocks import (
    Block,
    ContextBlock,
    HeaderBlock,
    MarkdownTextObject,
    SectionBlock,
)

from bot.blocks import escape, plain
from bot.budget import Unreadable
from bot.models import Ticket

MAX_SECTION = 3000
MAX_FLAGS = 20
_SEVERITY = {"block": "⛔", "warn": "⚠️", "info": "ℹ️"}
AGAIN = "cert-ticket reads it again when the ticket changes, or on `/cert-ticket {id}`."


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(markdown: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=_cut(markdown, MAX_SECTION)))


def _link(ticket: Ticket) -> str:
    if ticket.url:
        return f"<{ticket.url}|Zendesk request {escape(ticket.id)}>"
    return f"Zendesk request {escape(ticket.id)}"


def could_not_read(
    ticket: Ticket, outcome: Unreadable, lead: str = "could not read this ticket:"
) -> str:
    """The sentence "could not read this ticket: <reason>; read it on Zendesk: <link>"."""
    return f"{lead} {escape(outcome.reason)}; read it on Zendesk: {_link(ticket)}"


def unreadable_message(ticket: Ticket, outcome: Unreadable) -> dict[str, Any]:
    """The ticket's message in the channel: subject, link, why it could not be read, and the
    flags known so far. No buttons: there is no triage to act on."""
    blocks: list[Block] = [
        HeaderBlock(text=_cut(plain(f"Certificate ticket {ticket.id}: {ticket.subject}"), 150)),
        _section("⚠️ " + could_not_read(ticket, outcome, "*Could not read this ticket:*")),
    ]
    flags = outcome.flags_so_far
    blocks += [
        _section(f"{_SEVERITY[f.severity]} *{escape(f.code)}* {escape(f.message)}")
        for f in flags[:MAX_FLAGS]
    ]
    if len(flags) > MAX_FLAGS:
        blocks.append(_section(f"… and {len(flags) - MAX_FLAGS} more flags."))
    blocks.append(
        ContextBlock(elements=[MarkdownTextObject(text=AGAIN.format(id=escape(ticket.id)))])
    )
    text = f"Certificate ticket {escape(ticket.id)}: {could_not_read(ticket, outcome)}"
    return {"text": _cut(text, 3000), "blocks": [b.to_dict() for b in blocks]}


def unreadable_answer(ticket: Ticket, outcome: Unreadable, channel: str) -> str:
    """What `/cert-ticket <id>` answers about such a ticket (ephemeral)."""
    return f"Ticket {escape(ticket.id)}: {could_not_read(ticket, outcome)}. Posted in <#{channel}>."
