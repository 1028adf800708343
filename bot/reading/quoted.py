"""Where the new text of an email-like comment ends and quoted history begins.

A vendor's reply usually carries the whole earlier thread under its own text: `>` lines, a
Gmail "On ... wrote:" line, an Outlook "From: / Sent: / To: / Subject:" block, "-----Original
Message-----". That history is context, never a new request. Finding it is what
`mail-parser-reply` does (maintained, many languages); we only map its answer back to line
numbers so every record keeps its place in the comment.
"""

from __future__ import annotations

import logging
import re

from mailparser_reply import EmailReplyParser

log = logging.getLogger(__name__)

# Zendesk notification mails put this above the new comment: history follows further down.
ZENDESK_DELIMITER = "##- Please type your reply above this line -##"
MAX_PARSED = 200_000  # the parser is linear, but no comment needs more than this read for quotes
_SEPARATOR = re.compile(r"^-{10,}$")
# Lines above a Zendesk delimiter that are not a reply: mail headers, "On ... wrote:".
_HEADER = re.compile(r"^\s*(?:(?:Subject|From|To|Cc|Date|Sent)\s*:|On\s.{0,200}\swrote:\s*$)", re.I)


def history_start(lines: list[str]) -> int:
    """Index of the first line of quoted history (len(lines) when there is none)."""
    end = min(_quoted_tail(lines), _zendesk_history(lines))
    text = "\n".join(lines[:end])
    if len(text) > MAX_PARSED:
        return end
    try:
        replies = EmailReplyParser(languages=["en"]).read(text=text).replies
    except Exception as exc:  # the library failing on odd mail must not lose the comment
        log.warning("quoted-history detection failed (%s): reading the whole comment", exc)
        return end
    if len(replies) < 2:
        return end
    header = next((h for h in (r.headers.strip() for r in replies[1:]) if h), "")
    first = header.splitlines()[0].strip() if header else ""
    if not first:
        body = replies[1].body.strip().splitlines()
        first = body[0].strip() if body else ""
    if not first:
        return end
    for i in range(end):
        if lines[i].strip() and (lines[i].strip() == first or lines[i].strip().startswith(first)):
            return i if i > 0 else end
    return end


def leading_headers(lines: list[str]) -> int:
    """How many lines at the top are blank, an attribution or mail headers."""
    count = 0
    for line in lines:
        if line.strip() and not _HEADER.match(line):
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
    separators = [i for i in range(marker, len(lines)) if _SEPARATOR.match(lines[i].strip())]
    return separators[1] if len(separators) > 1 else len(lines)


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
    stripped = line.lstrip()
    while stripped.startswith(">"):
        stripped = stripped[1:].lstrip(" ")
    return stripped if line.lstrip().startswith(">") else line
