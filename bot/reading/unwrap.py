"""A sentence a mail client wrapped around the record it names, put back on one line.

"Also, while you're in that zone, the record" / "_acme-challenge.x CNAME y" / "looks stale to
me - please delete it.": the record line is a part of the sentence, not a record listed under
a lead-in. Read on its own it was drafted as an add (the sentence's "delete it" then fell on
another record). Put back together, the sentence reads as its writer meant it.
"""

from __future__ import annotations

import re

from bot.reading import prose
from bot.reading.mentions import read_zone_line


def _ends_with_a_word(line: str) -> bool:
    """A line of prose cut off mid-sentence ends with a word ("… the record", "… the zone's"),
    not with punctuation that ends a sentence or leads in to what follows (":", ".", ")").
    (Looked at from its end: a pattern searched for at the end of a line tries every letter
    of a long word, which a hostile line makes quadratic.)"""
    last = line.rstrip().rstrip("'\u2019")[-1:]
    return last.isascii() and last.isalpha()


# the sentence going on below the record: "looks stale …", "is no longer needed …", "- it …"
# (a plain word, not a name: "admin.x is not on the new certificate" under an item's record
# says something of its own)
_GOES_ON = re.compile(r"\s*(?:[-\u2013\u2014]\s+)?[a-z]+[,]?\s")
_MIN_PROSE_WORDS = 3  # ("Please add" above a record leads in to it; it is no sentence cut off)


def _is_record(line: str) -> bool:
    return read_zone_line(line, 0) is not None


def _in_the_sentence(line: str) -> bool:
    """A record line as a wrapped sentence has it: flush left (an indented one is set out
    under its lead-in or list item: "6. AFTER step 5 only: delete the leftover record" /
    "       _acme-challenge.admin.x  TXT  …")."""
    return line[:1] not in (" ", "\t") and _is_record(line)


def _cut_off_prose(line: str) -> bool:
    return (
        len(line.split()) >= _MIN_PROSE_WORDS
        and _ends_with_a_word(line)
        and prose.ITEM_START.match(line) is None  # ("[ ] 6. … delete the leftover record")
        and not line.lstrip().startswith("[")
        and not _is_record(line)
    )


def _goes_on(line: str) -> bool:
    return _GOES_ON.match(line) is not None and not _is_record(line)


def rejoin_wrapped_records(numbered: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The comment's lines, each record line that sits inside a wrapped sentence (the line
    above cut off mid-sentence, the line below going on in lower case) joined with them into
    one line, numbered as the first."""
    out: list[tuple[int, str]] = []
    k = 0
    while k < len(numbered):
        number, line = numbered[k]
        if (
            0 < k < len(numbered) - 1
            and out
            and out[-1][0] == numbered[k - 1][0]
            and _GOES_ON.match(numbered[k + 1][1]) is not None  # (cheap tests first)
            and _cut_off_prose(numbered[k - 1][1])
            and _in_the_sentence(line)
            and _goes_on(numbered[k + 1][1])
        ):
            above = out.pop()
            below = numbered[k + 1][1]
            out.append((above[0], f"{above[1].rstrip()} {line.strip()} {below.strip()}"))
            k += 2
            continue
        out.append((number, line))
        k += 1
    return out
