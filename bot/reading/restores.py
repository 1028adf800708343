"""The net for values asked to be put back and never read.

"Could you please: 1) put the SPF value back to what it was: v=spf1 include:_spf.google.com
-all" asks for a record's data to be restored, in words no record reader takes (no type, no
name: the record the ticket spoke of). A line like that from which no change was read is a
request the reader did not understand; dropping it would be a silent error, so it becomes a
`warn` flag quoting the line. Pure: lines, changes and flags in, flags out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.models import DnsChange, Flag, Source
from bot.reading.mentions import excerpt

# "put the SPF value back to what it was: v=spf1 …", "revert the TXT to: X", "set it back to
# X", "restore the original value: X": a value given after the words that ask for it back
_PUT_BACK = re.compile(
    r"\b(?:put|set|change|turn|correct)[ \t]+(?:[\w'-]+[ \t]+){0,4}?back[ \t]+to\b[^:\n]{0,40}:"
    r"[ \t]*\S|"
    r"\b(?:revert|restore)[ \t]+(?:[\w'-]+[ \t]+){0,4}?(?:to|value)\b[^:\n]{0,40}:[ \t]*\S",
    re.I,
)
MAX_FLAGS = 2


def unread_restore_flags(
    lines: Iterable[tuple[int | None, int, str]],
    vendor_comments: set[int | None],
    changes: Iterable[DnsChange],
    flags: Iterable[Flag],
) -> list[Flag]:
    """`lines`: (comment id, line number, text) of what was read; `vendor_comments`: the ids
    of the vendor's comments among them; `changes`: what was read (dropped requests too);
    `flags`: the flags raised so far (a line one already points at is left to it)."""
    read_at = {
        (c.source.comment_id, n)
        for c in changes
        if c.source is not None
        for n in range(c.source.first_line, min(c.source.last_line, c.source.first_line + 50) + 1)
    }
    pointed = {
        (f.source.comment_id, f.source.first_line)
        for f in flags
        if f.source is not None and f.severity != "info"
    }
    out: list[Flag] = []
    for comment_id, number, text in lines:
        if comment_id not in vendor_comments or len(text) > 2_000:
            continue
        if (comment_id, number) in read_at or (comment_id, number) in pointed:
            continue
        if _PUT_BACK.search(text):
            out.append(_flag(comment_id, number, text))
            if len(out) == MAX_FLAGS:
                break
    return out


def _flag(comment_id: int | None, number: int, text: str) -> Flag:
    where = f"Comment {comment_id}, line" if comment_id is not None else "Line"
    line = excerpt(text)
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"{where} {number} asks for a record's value to be put back, but no change was "
        f"read from it: {line!r}. Read that part of the ticket by hand: which record, and "
        "what it should hold.",
        source=Source(comment_id=comment_id, first_line=number, last_line=number, excerpt=line),
    )
