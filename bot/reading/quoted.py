"""Where the new text of an email-like comment ends and quoted history begins.

A vendor's reply usually carries the whole earlier thread under its own text: `>` lines, a
Gmail "On ... wrote:" line, an Outlook "From: / Sent: / To: / Subject:" block, "-----Original
Message-----", a Zendesk notification's delimiter. That history is context, never a new
request.

Measured before choosing: `mail-parser-reply` and `quotequail` both find these markers, but
their patterns backtrack on hostile text (mail-parser-reply's header pattern takes 4x the
time per doubling of a "From:" line padded with spaces; its signature pattern is worse), and
ticket text is hostile input. So the markers they know are checked here line by line, with
plain string tests: linear by construction.
"""

from __future__ import annotations

import re

# Zendesk notification mails put this above the new comment: history follows further down.
ZENDESK_DELIMITER = "##- Please type your reply above this line -##"
_SEPARATOR = re.compile(r"^-{10,}$")
# The time in a Zendesk comment's header: "Nov 24, 2026, 14:07 UTC", "December 1, 2026 10:15",
# "23 Apr 2027, 16:12 BST" (as a UK locale writes it)
COMMENT_TIME = re.compile(
    r"(?P<when>(?:[A-Z][a-z]{2,8}\.? \d{1,2},|\d{1,2} [A-Z][a-z]{2,8}\.?) \d{4},? "
    r"\d{1,2}:\d{2}(?: ?[AP]M)?(?: [A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?)"  # ("GMT+1")
)
# Any other header's time: "12 Feb 2027, 14:02 GMT", "2027-02-12 14:02" (a year and a clock)
_DATED = re.compile(r"\b(?:19|20)\d{2}\b\D{1,12}\b\d{1,2}:\d{2}\b")
_HEADER_REACH = 5  # a separator, blank lines, the author's name, a blank line, the time
# Lines above a Zendesk delimiter that are not a reply: mail headers, "On ... wrote:".
_HEADER = re.compile(r"^\s*(?:(?:Subject|From|To|Cc|Date|Sent)\s*:|On\s.{0,200}\swrote:\s*$)", re.I)
_MAIL_FIELDS = ("from:", "sent:", "to:", "subject:", "date:", "cc:")
_SEPARATORS = ("-----original message-----", "----- original message -----", "-----ursprüngliche")
_MARKERS = re.compile(r"[ \t]*(?:>[ \t]?)+")  # "> > " at the start of a quoted line
MAX_ATTRIBUTION = 400  # an "On ... wrote:" line is short; a longer line is text


def history_start(lines: list[str]) -> int:
    """Index of the first line of quoted history (len(lines) when there is none). The first
    non-blank line never starts history: something new must stand above it."""
    end = min(_quoted_tail(lines), _zendesk_history(lines))
    seen_text = False
    # A printed message starts with its own From:/Sent:/To:/Subject: block: not history.
    top = leading_headers(lines[:end]) if _headed(lines) else 0
    for i in range(top, end):
        stripped = lines[i].strip()
        if not stripped:
            continue
        if seen_text and _starts_history(lines, i, stripped.lower()):
            return i
        seen_text = True
    return end


def _headed(lines: list[str]) -> bool:
    """Does the text start with mail header fields (a printed or forwarded message)?"""
    first = next((line.strip().lower() for line in lines if line.strip()), "")
    return first.startswith(_MAIL_FIELDS)


def _starts_history(lines: list[str], i: int, low: str) -> bool:
    if len(low) <= MAX_ATTRIBUTION and low.startswith("on ") and low.endswith("wrote:"):
        return True  # Gmail, Apple Mail: "On Mon, 23 Nov 2026 at 10:00, X <x@y> wrote:"
    said = strip_marker(low) if low.startswith(">") else ""
    if len(said) <= MAX_ATTRIBUTION and said.startswith("on ") and said.endswith("wrote:"):
        return True  # "> On 14 Oct 2027, at 11:02, X wrote:": the attribution quoted too
    if len(low) <= MAX_ATTRIBUTION and low.startswith("on ") and _next_text(lines, i) == "wrote:":
        return True  # the same, wrapped
    if low.startswith(_SEPARATORS) or (len(low) >= 20 and set(low) == {"_"}):
        return True  # Outlook's "-----Original Message-----" and its line of underscores
    if len(low) >= 3 and set(low) == {"-"}:
        # "-----" over "Zainab Idowu (GOV.UK Platform Engineering), 21 Oct 2025, 16:02": an
        # earlier comment, as a help desk's plain-text mail lists them
        author = _next_text(lines, i)
        return len(author) <= MAX_ATTRIBUTION and _dated(author)
    if low.startswith(_MAIL_FIELDS) and not _host_field(low):  # an Outlook header block:
        following = _next_text(lines, i)  # two fields in a row
        return following.startswith(_MAIL_FIELDS) and not _host_field(following)
    return False


def _host_field(low: str) -> bool:
    """ "from:  9g29n0lxiqmyfmpdo9ehxe.fastly-validations.com" / "to:    …": a change's old
    and new data, never a mail's sender or recipient (a name or an address)."""
    value = low.split(":", 1)[1].strip()
    if not value or " " in value or "@" in value:
        return False
    # a host, or a TXT token ("from:  iet7gus89ckd8sjniitn0vuzaq6w21f3")
    return "." in value or bool(_TOKEN_VALUE.fullmatch(value))


_TOKEN_VALUE = re.compile(r"[\"']?(?=[^\s]*\d)[a-z0-9_=+/-]{16,200}[\"']?")


def _next_text(lines: list[str], i: int) -> str:
    for line in lines[i + 1 : i + 3]:
        if line.strip():
            return line.strip().lower()
    return ""


def leading_headers(lines: list[str]) -> int:
    """How many lines at the top are blank, an attribution or mail headers."""
    count = 0
    for line in lines:
        low = line.strip().lower()
        separator = low.startswith(_SEPARATORS) or (len(low) >= 20 and set(low) <= {"_", "-"})
        if low and not separator and "forwarded message" not in low and not _HEADER.match(line):
            break
        count += 1
    return count


def _zendesk_history(lines: list[str]) -> int:
    """Zendesk's notification: a reply typed above the delimiter is new and all below it is
    history; with nothing above it, the newest comment is the first block between the
    `-----` separators below it, and older comments follow."""
    marker = next((i for i, line in enumerate(lines) if ZENDESK_DELIMITER in line), None)
    if marker is None:
        return len(lines)
    if any(line.strip() and not _HEADER.match(line) for line in lines[:marker]):
        return marker
    # A comment starts under a separator with its author and time ("Daniel (Fastly Support),
    # Nov 24, 2026, 14:07 UTC"); a rule of dashes inside a comment (certbot prints one
    # between its prompts) starts nothing.
    first = next((i for i in range(marker, len(lines)) if _dated(lines[i])), None)
    later = (
        (
            i
            for i in range(first + 1, len(lines))
            if _SEPARATOR.match(lines[i].strip()) and _header_at(lines, i + 1)
        )
        if first is not None
        else iter(())
    )
    return next(later, len(lines))


def _header_at(lines: list[str], i: int) -> bool:
    """Does a Zendesk comment header (a time, on the line or one or two below the author's
    name) stand within the next few lines from `i`?"""
    return any(_dated(line) for line in lines[i : i + _HEADER_REACH])


def _dated(line: str) -> bool:
    return bool(COMMENT_TIME.search(line[:200]) or _DATED.search(line[:200]))


def _quoted_tail(lines: list[str]) -> int:
    """Start of the trailing run of `>` lines (blank lines between allowed), else len(lines)."""
    start = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        stripped = lines[i].lstrip()
        if stripped.startswith(">"):
            start = i
        elif stripped:
            break
    return start


def strip_marker(line: str) -> str:
    """A quoted line without its `>` markers."""
    marker = _MARKERS.match(line)
    return line[marker.end() :] if marker else line
