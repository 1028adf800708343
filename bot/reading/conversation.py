"""A ticket as the reader sees it: its comments in order, each as plain-text lines, with the
author's role and where the new text ends and quoted history begins."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from bot.models import AuthorRole, Comment, Ticket
from bot.reading.notification import split_notification, unfold_headers
from bot.reading.quoted import history_start, strip_marker
from bot.text import ATTACHED, visible_and_hidden

MAX_GAP = 16
# No certificate request needs more lines than this; a longer comment is read this far and
# the rest is flagged, so a hostile ticket costs bounded time.
MAX_LINES = 5_000
MAX_RECORDS = 200  # records read from one comment; certificate tickets ask for a handful
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})
_LONG_SPACE = re.compile(f" {{{MAX_GAP + 1},}}")


# A record type spelled out before "record" or "entry": "a canonical name record at x",
# "the text record on y that reads z", "a certification authority authorisation record".
_TYPE_IN_WORDS = re.compile(
    r"\b(canonical[ -]name|text|certifi(?:cation|cate)[ -]authority[ -]authori[sz]ation)"
    r"(?=[ ](?:records?|entry|entries)\b)",
    re.I,
)
_TYPE_OF_WORDS = {"c": "CNAME", "t": "TXT"}  # (by first letter; the rest are CAA)


def types_in_words(text: str) -> str:
    """Record types said in words read as their mnemonics ("a text record" is "a TXT
    record"), as the reader's patterns name them."""
    if "record" not in text.lower() and "entr" not in text.lower():
        return text
    return _TYPE_IN_WORDS.sub(
        lambda m: (
            "CAA" if m.group(1)[:5].lower() == "certi" else _TYPE_OF_WORDS[m.group(1)[0].lower()]
        ),
        text,
    )


@dataclass(frozen=True)
class Part:
    """One comment's text: `lines[:history]` is new, the rest quoted history."""

    comment_id: int | None
    role: AuthorRole
    author: str | None
    lines: tuple[str, ...]
    history: int
    single: bool  # the whole ticket is this one text (a file, not a conversation)
    hidden: tuple[str, ...] = ()  # lines of HTML a reader would not see (never requests)
    first_line: int = 1  # number of `lines[0]` in the text shown (a notification's comments)
    continues: bool = False  # the same comment as the part before it, further down the text
    inline: int = 0  # place of this piece in a reply written between our quoted lines (1, 2 …)

    @property
    def new_lines(self) -> tuple[str, ...]:
        return self.lines[: self.history]


def parts_of(ticket: Ticket) -> list[Part]:
    comments = ticket.comments or (Comment(body=ticket.text),)
    single = not ticket.comments
    parts = []
    for comment in comments:
        # Runs of spaces are kept up to a width that aligned tables use, and no wider: a long
        # run is no table, and shortening it keeps every pattern on the line linear.
        visible, hidden = visible_and_hidden(comment.body)
        # Typographic apostrophes read as the plain one: "please don’t add it" is "don't".
        visible = types_in_words(visible.translate(_APOSTROPHES))
        lines = _LONG_SPACE.sub(" " * MAX_GAP, visible).split("\n")
        hidden_lines = tuple(_LONG_SPACE.sub(" " * MAX_GAP, hidden).split("\n")) if hidden else ()
        # A text file attached to the mail follows its body: never the body's quoted history.
        cut = next((i for i, line in enumerate(lines) if line.startswith(ATTACHED)), len(lines))
        lines, attached = lines[:cut], lines[cut:]
        lines = unfold_headers(lines) if single else lines
        blocks = split_notification(lines) if single else None
        if single and blocks is None and any(line.lstrip().startswith(">") for line in lines):
            # a notification quoted whole under a reply or forward: its comments all the same
            unquoted = unfold_headers([strip_marker(line) for line in lines])
            blocks = split_notification(unquoted)
            lines = unquoted if blocks else lines
        if blocks:  # a Zendesk notification saved whole: its comments, oldest first
            parts += [
                Part(
                    comment_id=None,
                    role=b.role,
                    author=b.author,
                    lines=tuple(lines[b.start : b.end]),
                    history=history_start(lines[b.start : b.end]),
                    single=False,
                    hidden=hidden_lines if i == 0 else (),
                    first_line=b.start + 1,
                    continues=b.continues,
                )
                for i, b in enumerate(blocks)
            ]
        else:
            parts.append(
                Part(
                    comment_id=comment.id,
                    role=comment.role,
                    author=comment.author,
                    lines=tuple(lines),
                    history=history_start(lines),
                    single=single,
                    hidden=hidden_lines,
                )
            )
        if attached:  # read as the rest of the comment it came with (the newest, in a notification)
            parts.append(
                replace(
                    parts[-1],
                    lines=tuple(attached),
                    history=len(attached),
                    hidden=(),
                    first_line=cut + 1,
                    continues=True,
                )
            )
    return parts


def role_of(
    user: dict[str, Any] | None,
    requester_id: Any,
    organization_id: Any,
    vendor_organizations: tuple[int, ...] = (),
) -> AuthorRole:
    """The vendor's agents; us (the requester and its organisation); anyone else.

    With `vendor_organizations` (app.yaml trust.vendor_organization_ids), an agent whose
    organisation Zendesk gives and that is not listed counts as anyone else."""
    if user is None:
        return "other"
    if user.get("agent") is True:
        org = user.get("organization_id")
        if vendor_organizations and org is not None and org not in vendor_organizations:
            return "other"
        return "vendor"
    if user.get("id") == requester_id:
        return "us"
    if organization_id is not None and user.get("organization_id") == organization_id:
        return "us"
    return "other"


def from_requests_api(
    doc: dict[str, Any], url: str | None = None, vendor_organizations: tuple[int, ...] = ()
) -> Ticket:
    """A Ticket from `{"request": ..., "comments": [...], "users": [...]}` as the Zendesk
    Requests API returns them (GET requests/{id}.json and requests/{id}/comments.json)."""
    request = doc.get("request") or {}
    users = {u.get("id"): u for u in doc.get("users") or [] if isinstance(u, dict)}
    requester, org = request.get("requester_id"), request.get("organization_id")
    comments = []
    raw_comments = [c for c in doc.get("comments") or [] if isinstance(c, dict)]
    for raw in sorted(
        raw_comments, key=lambda c: (str(c.get("created_at") or ""), c.get("id") or 0)
    ):
        if raw.get("public") is False:
            continue
        user = users.get(raw.get("author_id"))
        comments.append(
            Comment(
                id=raw.get("id") if isinstance(raw.get("id"), int) else None,
                role=role_of(user, requester, org, vendor_organizations),
                author=str(user.get("name")) if user and user.get("name") else None,
                body=str(raw.get("html_body") or raw.get("body") or raw.get("plain_body") or ""),
                created_at=_when(raw.get("created_at")),
            )
        )
    return Ticket(
        id=str(request.get("id", "")),
        subject=str(request.get("subject") or ""),
        url=url,
        comments=tuple(comments),
        status=request.get("status"),
        created_at=_when(request.get("created_at")),
        updated_at=_when(request.get("updated_at")),
        comment_ids=tuple(c.id for c in comments if c.id is not None),
    )


def _when(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
