"""Answers that changed nothing: a safety net over how a thread's questions were read.

When we ask the vendor something ("Both, or just the first?", "Replace it, or keep the old one
until issuance?") and the vendor's short answer chooses or conditions ("Just the www one",
"B please", "Yes, but only after Tuesday", "the one ending 9f2"), the answer is meant to
change what is done. If the changes read are exactly the same without that answer, the
reader did not understand it: a person must read it. Pure: the reader is passed in.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.models import DnsChange, Flag, Source
from bot.reading import prose
from bot.reading.candidates import candidates
from bot.reading.conversation import Part
from bot.reading.mentions import excerpt

MAX_ANSWER_WORDS = 60  # an answer longer than this says more than which one
MAX_ANSWERS = 3  # answers re-read per ticket, at most (each is one more reading)

# Words that pick out one thing or set a condition on it, which a confirmation ("just those
# two", "Correct, as written") never needs: a value's ends, a place, a letter, a host, a time
_CHOOSES = re.compile(
    r"\b(?:ending|ends|starting|starts|beginning)[ ]+(?:in|with)?[ ]*\S"  # "the one ending 9f2"
    r"|\b(?:second|third|2nd|3rd|latter|former)\b|\bthe[ ]+last[ ]+one\b"
    r"|(?:^|[.!?][ ]+)(?:the[ ]+)?first(?:[ ]+one)?[ ]*(?:[.!,]|please\b|$)"  # "The first."
    r"|\boption[ ]+[a-d1-4]\b|(?:^|[.!?][ ]+)\(?[a-d]\)?[ ]+(?:please|pls|thanks|is|it|-)\b"
    r"|\b(?:just|only)[ ]+(?:the[ ]+)?(?:www|apex|[a-z0-9-]+\.[a-z])\b"  # "Just the www one"
    r"|\b(?:just|only)[ ]+the[ ]+[\w-]+[ ]+(?:one|record)\b"
    # "Yes, but only after Tuesday"
    r"|\bbut[ ]+(?:only[ ]+)?(?:after|once|when|not[ ]+(?:before|until))\b",
    re.I,
)


def unapplied_answers(
    parts: Sequence[Part],
    changes: Sequence[DnsChange],
    reread: Callable[[list[Part]], Sequence[DnsChange]],
) -> list[Flag]:
    """A `warn` for each short vendor answer to our question that chooses or conditions, when
    the changes read without it are the same as with it."""
    flags: list[Flag] = []
    asked = False
    for part in parts:
        if part.continues:
            continue
        if part.role == "us":
            asked = any("?" in line for line in part.new_lines)
            continue
        if part.role != "vendor" or not asked or len(flags) >= MAX_ANSWERS:
            continue
        asked = False
        said = "\n".join(line for line in part.new_lines if line.strip())
        if not said or len(said.split()) > MAX_ANSWER_WORDS or not _CHOOSES.search(_lead(said)):
            continue
        if any(candidates(0, line) for line in part.new_lines):
            continue  # an answer with data of its own: what it gives is read, or flagged
        without = [p for p in parts if p.comment_id != part.comment_id]
        if _same(reread(without), changes):
            flags.append(_unapplied(part, said))
    return flags


def _lead(said: str) -> str:
    """The answer's first two sentences after any greeting: where a short answer chooses."""
    lines = said.split("\n")
    if lines and _GREETING.match(lines[0]):
        lines = lines[1:]
    return " ".join(prose.split_sentences("\n".join(lines))[:2])


_GREETING = re.compile(
    r"^\W*(?:hi|hello|hey|dear|morning|afternoon|good[ ]\w+)\b[^.!?]{0,40},?\s*$", re.I
)


def _same(a: Sequence[DnsChange], b: Sequence[DnsChange]) -> bool:
    def key(c: DnsChange) -> tuple[object, ...]:
        return (c.action, c.name, c.type, c.value, c.old_value, c.ttl, c.when)

    return sorted(map(key, a), key=repr) == sorted(map(key, b), key=repr)


def _unapplied(part: Part, said: str) -> Flag:
    shown = excerpt(said)
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"Comment {part.comment_id} answers our question ({shown!r}), but the records "
        "read are the same without that answer: check what it chooses or when it says.",
        source=Source(
            comment_id=part.comment_id,
            first_line=part.first_line,
            last_line=part.first_line + max(0, part.history - 1),
            excerpt=shown,
            role=part.role,
            author=part.author,
        ),
    )
