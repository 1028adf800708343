"""A whole Zendesk notification mail saved as one text: its comments, oldest first.

Zendesk's notification ("##- Please type your reply above this line -##") lists the request's
comments newest first, each under a header naming its author and time: "Lena Hoffmann (Fastly
Support), Dec 1, 2026, 10:15 GMT" on one line, or the name on one line and the time on the
next. Read as one text, a corrected value and the value it replaces would be two requests;
split into comments, the reader sees which came later (`superseded`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from bot.models import AuthorRole
from bot.reading.quoted import COMMENT_TIME, ZENDESK_DELIMITER

_WHEN = COMMENT_TIME.pattern
# "Lena Hoffmann (Fastly Support), Dec 1, 2026, 10:15 GMT", "Mei Lin Chua · 21 May 2025, 10:44"
_ONE_LINE = re.compile(
    rf"^[ |]*(?P<name>[^,|:<>\u00b7\u2022]{{2,80}}?)(?:,|[ ][\u00b7\u2022\u2013\u2014-])[ ]"
    rf"{_WHEN}[ |]*$"
)
_TIME_ONLY = re.compile(rf"^[ |]*{_WHEN}[ |]*$")
_NAME_ONLY = re.compile(r"^[ |]*(?P<name>[^,|:<>!?]{2,80}?)[ |]*$")
_ENCODED_ID = re.compile(r"^\[[A-Z0-9]{4,8}-[A-Z0-9]{4,8}\]$")  # Zendesk's "[P9TN4C-W3KX]"
_FOOTER = re.compile(r"This email is a service from|Delivered by Zendesk", re.I)
_FORMATS = tuple(
    form
    for month in ("%b", "%B")
    for comma in (",", "")
    for clock in ("%H:%M", "%I:%M %p", "%I:%M%p")
    for form in (f"{month} %d, %Y{comma} {clock}", f"%d {month} %Y{comma} {clock}")
)


@dataclass(frozen=True)
class Block:
    """One comment of the notification: its author, role, and its lines' place in the text."""

    author: str
    role: AuthorRole
    start: int  # index of the comment's first line (after its header) in the whole text
    end: int
    when: datetime | None
    continues: bool = False  # more of the comment before it (text under the footer)


def unfold_headers(lines: list[str]) -> list[str]:
    """A notification's lines with each comment header that a layout table flattened onto one
    line with its text ("| | Lindiwe M (Fastly Support) 27 May 2025, 10:03 BST Yes to both.
    Lindiwe | |") as the header's two lines and the text's own."""
    if not any(ZENDESK_DELIMITER in line for line in lines[:200]):
        return lines  # not a notification
    out: list[str] = []
    for line in lines:
        m = _INLINE_HEADER.match(line) if len(line) <= 2_000 and "(" in line else None
        out += [m["name"].strip(), m["when"], m["rest"]] if m else [line]
    return out


_INLINE_HEADER = re.compile(
    rf"^[ |]*(?P<name>[^,|:<>()]{{2,60}}\([^()|]{{2,60}}\))[ |]+{_WHEN}[ |]+(?P<rest>\S.*?)[ |]*$"
)


def split_notification(lines: list[str]) -> list[Block] | None:
    """The comments of a notification, oldest first; None when the text is not one (no
    delimiter, or fewer than two comment headers)."""
    if not any(ZENDESK_DELIMITER in line for line in lines[:200]):
        return None
    headers: list[tuple[int, int, str, str]] = []  # (header line, first body line, name, when)
    for i, line in enumerate(lines):
        if len(line) > 200:
            continue
        one = _ONE_LINE.match(line)
        if one:
            headers.append((i, i + 1, one["name"].strip(), one["when"]))
            continue
        # The time on the next line, or after one blank line (plain-text notifications).
        gap = 2 if i + 2 < len(lines) and not lines[i + 1].strip() else 1
        nxt = lines[i + gap] if i + gap < len(lines) and len(lines[i + gap]) <= 200 else ""
        name, time = _NAME_ONLY.match(line), _TIME_ONLY.match(nxt)
        if name and time and line.strip():
            headers.append((i, i + gap + 1, name["name"].strip(), time["when"]))
    if len(headers) < 2:
        return None
    footer = next(
        (i for i in range(headers[-1][1], len(lines)) if _FOOTER.search(lines[i][:200])), None
    )
    last = footer if footer is not None else len(lines)
    blocks = []
    # "Marcus Lindqvist (Fastly Support)": where agents carry their organisation, an author
    # with none, who is not us, is someone else on the ticket (a CC), not the vendor.
    marked = any(_ORGANISATION.search(name) for _, _, name, _ in headers)
    for (_, body, name, when), following in zip(headers, [*headers[1:], None], strict=True):
        end = following[0] if following else last
        role = _role(name)
        if marked and role == "vendor" and not _ORGANISATION.search(name):
            role = "us" if _signed_by_us(lines[body:end]) else "other"
        blocks.append(Block(name, role, body, end, _parse(when)))
    if all(b.when is not None for b in blocks):
        ordered = sorted(blocks, key=lambda b: b.when)  # type: ignore[arg-type, return-value]
    else:
        ordered = blocks[::-1]  # newest first, as Zendesk writes them
    tail = [line.strip() for line in lines[footer + 1 :]] if footer is not None else []
    if footer is not None and any(line and not _ENCODED_ID.match(line) for line in tail):
        # Text added under Zendesk's footer (a pasted dig, a signature) belongs to whoever
        # saved or forwarded the mail last: read as part of the newest comment.
        newest = ordered[-1]
        ordered.append(Block(newest.author, newest.role, footer + 1, len(lines), None, True))
    return ordered


_ORGANISATION = re.compile(r"\([^()]{2,60}\)\s*$")
# the brand, as our team signs ("GOV.UK 2nd line"), or its organisation ("GDS Platform
# Engineering", "Government Digital Service")
_OUR_TEAM = re.compile(r"\bGOV\.UK\b|\bGDS\b|\bGovernment Digital Service\b")


def _signed_by_us(body: list[str]) -> bool:
    """Does a comment end with our team's signature ("Tom A.", "GOV.UK 2nd line support")?
    An author Zendesk shows without an organisation is the requester (us) or a CC."""
    signature = [line for line in body if line.strip()][-3:]
    return any(len(line) < 100 and _OUR_TEAM.search(line) for line in signature)


def _role(name: str) -> AuthorRole:
    """Our own replies are never requests; everyone else in a notification file counts as the
    vendor (the file has no other sign of who is an agent)."""
    return "us" if _OUR_NAMES.search(name) else "vendor"


# Our team as Zendesk shows its organisation: "(GOV.UK)", "(Government Digital Service)"
_OUR_NAMES = re.compile(r"gov\.uk|\bgovernment[ ]digital[ ]service\b|\bGDS\b", re.I)


def _parse(when: str) -> datetime | None:
    # the zone: GMT, BST, UTC, "GMT+1" (the times of one notification share it)
    text = re.sub(r" [A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?$", "", when.replace(".", ""))
    for form in _FORMATS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    return None
