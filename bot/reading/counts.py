"""The net for records counted and not read.

A vendor who writes "please add the following three records" and lists them has said how many
there are. When fewer were read from that comment (or, for a comment that lists none of its
own - "we'd like all three records in place by the 22nd" - from the whole ticket), one was
misread: taken for a published record, for an example, or skipped. That is a `warn` flag at
the line that counts them. A count that introduces a list (the line ends with a colon) is of
the records in that comment; one in a sentence ("We need both records before the certificate
can be issued") is of the whole ticket. Records the comment says are already in place ("Already
in place (no action)") count as read when shown there. A ticket that already carries a warn or
block reading flag is left to it. Pure: lines, changes, published facts and flags in, flags out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from bot.models import DnsChange, Flag, Observed, Source
from bot.reading.mentions import excerpt

_NUMBERS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
# "the following three records", "all 3 DNS records", "these two CNAMEs", "both TXT records"
# (never "two records were already there", "one of the two records": counted by what follows)
_COUNTED = re.compile(
    r"\b(?:the[ ]+following|these|those|all|both(?=[ ]))[ ]+(?:of[ ]+the[ ]+)?"
    r"(?:(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[2-9]|1[0-2])[ ]+)?"
    r"(?:new[ ]+)?(?:DNS[ ]+)?(?:validation[ ]+)?(?:(?:TXT|CNAME|CAA)[ ]+)?"
    r"(?:records|entries|CNAMEs|TXTs)\b",
    re.I,
)
_NOT_ASKED = re.compile(
    r"\b(?:already|currently|existing|were|was|had|have[ ]+been|has[ ]+been|stay|remain|"
    r"keep|leave|no[ ]+need|don['\u2019]?t|do[ ]+not|example|e\.g\.|such[ ]+as|"
    r"see|seen|shows?|returns?|today|belong|done|verified|validated|still|"
    # "Just so nobody adds them by mistake: those two CNAMEs are the supplier's own"
    r"by[ ]+(?:mistake|accident)|unrelated)\b",
    re.I,
)
# the comment says some of its records need nothing: those shown there are accounted for
_IN_PLACE = re.compile(
    r"\balready[ ]+(?:in[ ]+place|live|published|exists?)\b|\bno[ ]+action\b", re.I
)
MAX_FLAGS = 2


def count_flags(
    lines: Iterable[tuple[int | None, int, str]],
    vendor_comments: set[int | None],
    changes: Iterable[DnsChange],
    observed: Iterable[Observed],
    flags: Iterable[Flag],
) -> list[Flag]:
    """`lines`: (comment id, line number, text) of what was read; `vendor_comments`: the ids
    of the vendor's comments; `changes`: every request read, dropped ones too; `observed`: the
    published facts read; `flags`: the reading flags so far."""
    if any(f.severity in ("warn", "block") for f in flags):
        return []
    lines = list(lines)
    changes = list(changes)
    lines_of: dict[int | None, list[str]] = {}
    for c, _, text in lines:
        lines_of.setdefault(c, []).append(text.lower())
    text_of = {c: "\n".join(texts) for c, texts in lines_of.items()}
    in_place = {c for c, text in text_of.items() if _IN_PLACE.search(text)}

    @cache
    def in_comment(comment_id: int | None) -> int:
        """The records read from that comment, or shown there and read from another (a
        reminder repeating the first mail's records)."""
        shown = text_of.get(comment_id, "")
        mine = sum(_comment(c.source) == comment_id or c.name.rstrip(".") in shown for c in changes)
        if comment_id in in_place:
            mine += sum(_comment(o.source) == comment_id for o in observed)
        return mine

    out: list[Flag] = []
    for comment_id, number, text in lines:
        if comment_id not in vendor_comments or len(out) == MAX_FLAGS:
            continue
        for m in _COUNTED.finditer(text[:2000]):
            word = (m.group(1) or ("2" if m.group().lower().startswith("both") else "")).lower()
            if not word:
                continue
            said = _NUMBERS.get(word) or int(word)
            around = text[max(0, m.start() - 60) : m.end() + 60]
            if _NOT_ASKED.search(around):
                continue
            lists = text.rstrip().endswith(":")
            read = in_comment(comment_id) if lists else len(changes)
            if read < said:
                out.append(_flag(comment_id, number, text, said, read))
                break
    return out


def _comment(source: Source | None) -> int | None:
    return source.comment_id if source else None


def _flag(comment_id: int | None, number: int, text: str, said: int, read: int) -> Flag:
    where = f"Comment {comment_id}, line" if comment_id is not None else "Line"
    line = excerpt(text)
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"{where} {number} counts {said} records, but {read} were read: {line!r}. "
        "Read the records there by hand: one may have been taken for something else.",
        source=Source(comment_id=comment_id, first_line=number, last_line=number, excerpt=line),
    )
