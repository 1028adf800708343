"""A ticket read from a file or stdin: plain text, HTML, or an .eml message."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bot.config import Zendesk
from bot.mailauth import forged_sender
from bot.models import Comment, Ticket
from bot.reading.conversation import from_requests_api
from bot.text import from_email, looks_like_email, to_plain_text

_ID_IN_SUBJECT = re.compile(r"#[ ]?([0-9]{3,12})\b")
# Applied to text whose white space is collapsed to single spaces: every gap is `[ ]?`, so no
# two optional gaps can trade characters (the earlier `\s*` version was cubic on long runs).
_ID_IN_TEXT = re.compile(
    r"\b(?:ticket|request|case)[ ]?(?:number|no\.?|id)?[ ]?[:#]?[ ]?#?([0-9]{3,12})\b", re.I
)
_SUBJECT_LINE = re.compile(r"^[ \t]*Subject:[ \t]*(\S.{0,300})", re.I | re.M)
_WHITESPACE = re.compile(r"\s+")


def read_ticket_file(
    path: str,
    zendesk: Zendesk,
    stdin_text: str | None = None,
    vendor_organizations: tuple[int, ...] = (),
) -> Ticket:
    """`path` is a file, or "-" for `stdin_text`. The id comes from the subject or text
    ("#56002", "ticket 56002"), else the file name; the URL is the Zendesk request page."""
    raw = stdin_text if path == "-" else Path(path).read_text(encoding="utf-8", errors="replace")
    raw = raw or ""
    conversation = _conversation(raw)
    if conversation is not None:
        ticket = from_requests_api(conversation, vendor_organizations=vendor_organizations)
        return ticket.model_copy(
            update={"url": zendesk.url_for(ticket.id) if ticket.id.isdigit() else None}
        )
    subject = ""
    text = raw
    forged = None
    if path.endswith(".eml") or looks_like_email(raw):
        subject, text = from_email(raw)
        forged = forged_sender(raw)
    visible = to_plain_text(text[:20000])
    if not subject:
        m = _SUBJECT_LINE.search(visible[:5000])
        first = next((line.strip() for line in visible.splitlines() if line.strip()), "")
        subject = m.group(1).strip() if m else first[:120]
    found = _ID_IN_SUBJECT.search(subject) or _ID_IN_TEXT.search(_WHITESPACE.sub(" ", visible))
    ticket_id = found.group(1) if found else ("stdin" if path == "-" else Path(path).stem)
    url = zendesk.url_for(ticket_id) if ticket_id.isdigit() else None
    if forged is not None:
        # Not the vendor's, whatever it says: its requests are someone else's (trust blocks them)
        comment = Comment(role="other", author=forged, body=text)
        return Ticket(id=ticket_id, subject=subject, url=url, text=text, comments=(comment,))
    return Ticket(id=ticket_id, subject=subject, url=url, text=text)


def _conversation(raw: str) -> dict[str, object] | None:
    """A conversation file: `{"request": {...}, "comments": [...], "users": [...]}` as the
    Zendesk Requests API returns them. Anything else is read as a ticket's text."""
    if not raw.lstrip().startswith("{"):
        return None
    try:
        doc = json.loads(raw)
    except ValueError:
        return None
    if isinstance(doc, dict) and isinstance(doc.get("request"), dict) and "comments" in doc:
        return doc
    return None
