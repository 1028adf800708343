"""Slack messages and modals as pure functions of plain data, built with slack_sdk's models.

Every string that came from a ticket goes through `escape`, so nothing a vendor writes can
mention a channel or a person or make a link: `<!channel>` arrives as the text "<!channel>".
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import quote

from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    ContextBlock,
    DividerBlock,
    HeaderBlock,
    InputBlock,
    MarkdownTextObject,
    PlainTextInputElement,
    SectionBlock,
)
from slack_sdk.models.views import View

from bot.drafts import blocking_codes
from bot.models import ChangeVerdict, Draft, Flag, Source, Triage

# Shared ids: the listeners in slack_app.py register exactly these.
DRAFT_JISC = "draft_jisc"
JISC_SENT = "jisc_sent"
RECHECK_DNS = "recheck_dns"
REPLY_FASTLY = "reply_fastly"
JISC_VIEW = "jisc_draft"
REPLY_VIEW = "fastly_reply"
INPUT = "value"
EVENT_TYPE = "cert_ticket_triaged"

MAX_BLOCKS = 50  # Slack's limit per message; slack_sdk does not check it
MAX_SECTION = 3000
MAX_INPUT = 3000
_ICON = {"missing": "⚪", "present": "✅", "different": "🟠", "partial": "🟡", "unknown": "❔"}
_SEVERITY = {"block": "⛔", "warn": "⚠️", "info": "ℹ️"}


def escape(text: str) -> str:
    """Slack mrkdwn escaping of untrusted text (Slack's own rule: only &, < and >)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def plain(text: str) -> str:
    """Untrusted text for plain_text fields. Slack does not parse mentions there, but angle
    brackets become look-alikes anyway, so no rendering of the text can ever ping or link."""
    return text.replace("<", "‹").replace(">", "›")


def _code(text: str) -> str:
    """Untrusted text shown as inline code (backticks inside would end the span)."""
    return "`" + escape(text).replace("`", "'") + "`"


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(markdown: str) -> SectionBlock:
    return SectionBlock(text=MarkdownTextObject(text=_cut(markdown, MAX_SECTION)))


@dataclass(frozen=True)
class Status:
    """What people have done about a ticket, shown on its message."""

    jisc_sent_by: str | None = None
    jisc_sent_at: datetime | None = None
    checked_at: datetime | None = None


def triage_message(triage: Triage, status: Status) -> dict[str, Any]:
    """The parent message: what the vendor wants, where each record lives, what blocks it."""
    t = triage.ticket
    blocks: list[Block] = [
        HeaderBlock(text=_cut(plain(f"Certificate ticket {t.id}: {t.subject}"), 150))
    ]
    link = f"<{t.url}|Zendesk request {escape(t.id)}>" if t.url else f"Request {escape(t.id)}"
    blocks.append(_section(f"{link} · {escape(triage.summary)}"))
    blocks.append(ContextBlock(elements=[MarkdownTextObject(text=_context(triage, status))]))
    # Flags come first, blocks at the top: what stops a change is read before the change.
    rows = [_flag(f) for f in triage.flags] + [_change(v, triage.flags) for v in triage.verdicts]
    room = MAX_BLOCKS - len(blocks) - 2  # the divider and the actions around the rows
    if len(rows) > room:
        hidden = len(rows) - (room - 1)
        more = f"… and {hidden} more: `python -m bot triage` on the ticket shows all of them."
        rows = [*rows[: room - 1], _section(more)]
    if rows:
        blocks.append(DividerBlock())
        blocks.extend(rows)
    blocks.append(ActionsBlock(elements=_buttons(triage, status)))
    text = f"Certificate ticket {t.id}: {triage.summary}"
    return {"text": escape(_cut(text, 3000)), "blocks": [b.to_dict() for b in blocks]}


def _context(triage: Triage, status: Status) -> str:
    s = triage.signals
    parts = [triage.classification.replace("_", " ")]
    if s.certificate_authorities:
        parts.append("CA " + escape(", ".join(s.certificate_authorities)))
    if s.deadline:
        parts.append(f"deadline *{s.deadline.isoformat()}*")
    if status.jisc_sent_by:
        when = f" at {status.jisc_sent_at:%Y-%m-%d %H:%M} UTC" if status.jisc_sent_at else ""
        parts.append(f"Jisc request sent by <@{status.jisc_sent_by}>{when}")
    if status.checked_at:
        parts.append(f"DNS checked {status.checked_at:%Y-%m-%d %H:%M} UTC")
    return " · ".join(parts)


def _flag(flag: Flag) -> SectionBlock:
    text = f"{_SEVERITY[flag.severity]} *{flag.code}* {escape(flag.message)}"
    if flag.source is not None:
        text += f"\n{_where(flag.source)}"
    return _section(text)


def _where(source: Source) -> str:
    """Where to check it in the ticket, in a few words."""
    excerpt = source.excerpt if len(source.excerpt) <= 80 else source.excerpt[:77] + "..."
    return f"_read from {escape(source.where())}:_ {_code(excerpt)}"


def _change(v: ChangeVerdict, flags: tuple[Flag, ...] = ()) -> SectionBlock:
    c = v.change
    record = " ".join(x for x in (c.name, c.type, c.value or "(any value)") if x)
    later = " · _after issuance_" if c.when == "after_issuance" else ""
    who = "*needs Jisc*" if v.needs_jisc else escape(v.owner_name or "owner unknown")
    lines = [f"{_ICON[v.current]} *{c.action.upper()}* {_code(record)}{later}"]
    if c.old_value:
        lines.append(f"replacing {_code(c.old_value)}")
    zone = _code(v.zone or "?")
    lines.append(f"zone {zone} ({v.zone_source}) · {who} · {v.current}")
    if v.current_values:
        lines.append("published now: " + ", ".join(_code(x) for x in v.current_values[:5]))
    if c.source is not None:
        lines.append(_where(c.source))
    if v.blocked:
        codes = blocking_codes(flags, c.name)
        why = f" by {', '.join(codes)}" if codes else ""
        lines.append(f"⛔ blocked{why}: left out of every draft")
    return _section("\n".join(lines))


def _buttons(triage: Triage, status: Status) -> list[ButtonElement]:
    rid = triage.ticket.id
    buttons = []
    if triage.jisc_request is not None:
        buttons.append(
            ButtonElement(text="Draft Jisc email", action_id=DRAFT_JISC, value=rid, style="primary")
        )
        if not status.jisc_sent_by:
            buttons.append(ButtonElement(text="Jisc request sent", action_id=JISC_SENT, value=rid))
    buttons.append(ButtonElement(text="Re-check DNS", action_id=RECHECK_DNS, value=rid))
    buttons.append(ButtonElement(text="Reply to Fastly", action_id=REPLY_FASTLY, value=rid))
    return buttons


def _input(
    block_id: str, label: str, value: str, *, multiline: bool = False, optional: bool = False
) -> InputBlock:
    element = PlainTextInputElement(
        action_id=INPUT,
        initial_value=_cut(value, MAX_INPUT) or None,
        multiline=multiline,
        max_length=MAX_INPUT,
    )
    return InputBlock(block_id=block_id, label=label, element=element, optional=optional)


def _modal(
    callback_id: str, title: str, submit: str, metadata: dict[str, str], blocks: list[Block]
) -> dict[str, Any]:
    view = View(
        type="modal",
        callback_id=callback_id,
        title=title,
        submit=submit,
        close="Cancel",
        private_metadata=json.dumps(metadata),
        blocks=blocks,
    )
    return view.to_dict()


def _note(text: str) -> ContextBlock:
    return ContextBlock(elements=[MarkdownTextObject(text=_cut(text, 3000))])


def jisc_modal(draft: Draft, metadata: dict[str, str]) -> dict[str, Any]:
    """An editable draft of the Jisc email; the bot never sends it."""
    notes = " ".join(escape(n) for n in draft.before_sending)
    fields = [_note(notes or "Check before sending.")]
    if draft.left_out:
        shown = "\n".join(f"• {_code(line)}" for line in draft.left_out[:10])
        more = f"\n… and {len(draft.left_out) - 10} more" if len(draft.left_out) > 10 else ""
        fields.append(_note(f"⛔ *Left out of this draft* (see the triage):\n{shown}{more}"))
    fields += [
        _input("to", "To", ", ".join(draft.to)),
        _input("cc", "Cc", ", ".join(draft.cc), optional=True),
        _input("subject", "Subject", draft.subject),
        _input("body", "Body", draft.body, multiline=True),
    ]
    return _modal(JISC_VIEW, "Draft Jisc email", "Post draft", metadata, fields)


def reply_modal(body: str, metadata: dict[str, str]) -> dict[str, Any]:
    fields = [
        _note("This is added as a public comment on the Zendesk request."),
        _input("body", "Reply", body, multiline=True),
    ]
    return _modal(REPLY_VIEW, "Reply to Fastly", "Add to Zendesk", metadata, fields)


def mailto(to: list[str], cc: list[str], subject: str, body: str) -> str:
    """A mailto: link; the body is left out when the link would pass Slack's URL limit."""
    link = f"mailto:{','.join(quote(a, safe='@') for a in to)}?subject={quote(subject)}"
    if cc:
        link += f"&cc={','.join(quote(a, safe='@') for a in cc)}"
    with_body = f"{link}&body={quote(body)}"
    return with_body if len(with_body) <= 3000 else link


def draft_posted(
    to: list[str], cc: list[str], subject: str, body: str, user: str
) -> dict[str, Any]:
    """The final draft in the thread, copyable, with a mailto: button."""
    head = [
        "To: " + ", ".join(to),
        *(["Cc: " + ", ".join(cc)] if cc else []),
        "Subject: " + subject,
        "",
    ]
    text = _cut(escape("\n".join(head) + body).replace("```", "'''"), MAX_SECTION - 6)
    said = (
        f"Jisc email drafted by <@{user}>. Copy it into your mail client; "
        "cert-ticket never sends email."
    )
    blocks: list[Block] = [
        _section(said),
        _section(f"```{text}```"),
        ActionsBlock(
            elements=[ButtonElement(text="Open in mail client", url=mailto(to, cc, subject, body))]
        ),
    ]
    return {"text": f"Jisc email drafted by <@{user}>", "blocks": [b.to_dict() for b in blocks]}


def notice(text: str) -> dict[str, Any]:
    """A one-section message of our own words (callers escape anything untrusted)."""
    return {"text": text, "blocks": [_section(text).to_dict()]}
