"""The net for removals asked and never read.

A vendor sentence that asks for a DNS record to be removed ("once issued you can take both of
those TXT records out again", "you can delete the GlobalSign TXT record from step 4") in a
ticket from which no delete or update was read, and at which no flag already points, is a
request the reader did not understand. Dropping it would be a silent error (a stale validation
record left published, or worse, a removal scheduled at the wrong time), so it becomes a `warn`
flag quoting the line. Pure: lines, changes and flags in, flags out.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.models import DnsChange, Flag, Source
from bot.reading.actions import action_cue
from bot.reading.mentions import excerpt

# What a removal must be of to be a DNS request: a record, its type or its data ("remove the
# old token"), never a certificate, a domain from an order or a subscription
_RECORD = re.compile(
    r"\b(?:records?|entr(?:y|ies)|TXTs?|CNAMEs?|CAA|tokens?|(?:verification|validation|"
    r"challenge)[ ]+(?:strings?|values?|codes?))\b|_acme-challenge|_dnsauth|"
    # "the GlobalSign string Marta found can be deleted from hse.gov.uk"
    r"\b(?:globalsign|digicert|sectigo)[ ]+(?:strings?|tokens?|values?|codes?)\b|"
    # "please delete the one at the doubled name": a record named by where it sits
    r"\b(?:the|that)[ ]+(?:other[ ]+|old[ ]+|stray[ ]+|extra[ ]+)?ones?[ ]+(?:at|under|on)[ ]",
    re.I,
)
_NOT_DNS = re.compile(
    r"\b(?:remov\w*|delet\w*)[ ]+(?:[\w.-]+[ ]+){0,3}?(?:from|off)[ ]+"
    r"(?:the|your|our|this|that)?[ ]*"
    r"(?:certificates?|certs?|subscriptions?|orders?|SANs?|accounts?|services?|CDN|config\w*)\b",
    re.I,
)
# "When DigiCert has verified your domain control, you may delete the TXT record", "no DNS
# records need to be added, changed or removed": leave, not a request
_OPTIONAL = re.compile(
    r"\b(?:may|might|could)[ ]+(?:\w+[ ]+)?(?:remov|delet|clean)|"
    r"\bno[ ]+(?:DNS[ ]+)?(?:records?|changes?)[ ]+(?:\w+[ ]+){0,3}?(?:added|changed|removed)\b|"
    # "any request to add, update or delete records": what a kind of request may do
    r"\b(?:add|create|change|update)\w*,?[ ]+(?:\w+,?[ ]+)?(?:or|and/or)[ ]+(?:delet|remov)",
    re.I,
)
# "if and when it can be removed", "we'll raise a separate ticket to have the CNAME taken out",
# "please disregard the TXT … it is no longer needed": a removal told of, or a request withdrawn
_ELSEWHERE = re.compile(
    r"\bif[ ]+and[ ]+when\b|\bseparate[ ]+(?:ticket|request|change)\b|"
    r"\b(?:we|I)['\u2019]?(?:ll|[ ]+will)[ ]+(?:let[ ]+you[ ]+know|tell[ ]+you|update|confirm)\b|"
    r"\b(?:disregard|ignore|cancel(?:led)?|withdraw[ns]?|scrap)\b|"
    r"\bnot[ ]+harmful\b|\bharmless\b|\bno[ ]+harm\b|\boptional(?:ly)?\b|"
    # "The record can be removed after issuance, or left in place": a choice, no request
    r"\bor[ ]+(?:be[ ]+)?(?:left|leave|kept|keep)\b|"
    # "If you already have TXT records at either name …, they will need to go": a condition
    r"\bif[ ]+(?:you|there)[ ]+(?:already[ ]+|still[ ]+)?(?:have|has|are|is|find|see)\b|"
    # "the CNAME was removed from the zone", "adding issuers doesn't remove amazon.com": told
    r"\b(?:was|were|been|got)[ ]+(?:removed|deleted|taken[ ]+out)\b|"
    # "I think they went in the service.gov.uk tidy-up", "sorry if the columns come out
    # wonky": a clean-up named, a paste's look
    r"\b(?:the|a|an|last|our|that)[ ]+(?:[\w.-]+[ ]+){0,2}?(?:tidy|clean)[ -]?ups?\b|"
    r"\bcomes?[ ]+out[ ]+(?:wonky|garbled|mangled|oddly|badly|strangely|weird|wrong)\b|"
    r"\b(?:doesn['\u2019]?t|does[ ]+not|won['\u2019]?t|will[ ]+not)[ ]+(?:remove|delete)\b",
    re.I,
)
# "(I'll update this thread when it is), the GlobalSign string Marta found can be deleted from
# hse.gov.uk": a removal asked, beside a notice of when
_REMOVED_FROM = re.compile(
    r"\b(?:can|should|must)[ \t]+(?:now[ \t]+|then[ \t]+)?be[ \t]+(?:deleted|removed)[ \t]+"
    r"from[ \t]+[a-z0-9-]+\.[a-z0-9.-]+",
    re.I,
)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*\u2022]|\d{1,2}[.)]|\(?[a-z][.)])[ \t]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[ ]+(?=[A-Z(\"'\u201c])")
MAX_FLAGS = 3  # a ticket full of such lines needs one reading by a person, not a flag each


def unasked_removal_flags(
    lines: Iterable[tuple[int | None, int, str]],
    vendor_comments: set[int | None],
    changes: Iterable[DnsChange],
    flags: Iterable[Flag],
    dropped: Iterable[DnsChange] = (),
) -> list[Flag]:
    """`lines`: (comment id, line number, text) of what was read; `vendor_comments`: the ids
    of the vendor's comments among them; `changes`: what was read (dropped requests too);
    `flags`: the flags raised so far; `dropped`: the requests withdrawn or replaced."""
    if any(c.action in ("delete", "update") for c in changes):
        return []  # a removal was read: the reader saw this ticket remove something
    pointed = {
        (f.source.comment_id, n)
        for f in flags
        # (a request withdrawn is pointed at too: "… is no longer needed; please don't create it")
        if f.source is not None and (f.severity != "info" or f.code in ("retracted", "superseded"))
        for n in range(f.source.first_line, min(f.source.last_line, f.source.first_line + 50) + 1)
    }
    # ("So the _acme-challenge.assets… record from my first message is no longer needed; please
    # don't create it": the sentence that withdrew a request)
    withdrawn = {w.lower().rstrip(".") for c in dropped for w in (c.name, c.value) if w}
    out: list[Flag] = []
    for comment_id, number, sentence in _sentences(lines, vendor_comments):
        if (comment_id, number) in pointed or not _RECORD.search(sentence):
            continue
        if any(w in sentence.lower() for w in withdrawn):
            continue
        elsewhere = _ELSEWHERE.search(sentence) and not _REMOVED_FROM.search(sentence)
        if _NOT_DNS.search(sentence) or _OPTIONAL.search(sentence) or elsewhere:
            continue
        if action_cue(sentence) == "delete":
            out.append(_flag(comment_id, number, sentence))
            if len(out) == MAX_FLAGS:
                break
    return out


def _sentences(
    lines: Iterable[tuple[int | None, int, str]], vendor_comments: set[int | None]
) -> Iterable[tuple[int | None, int, str]]:
    """The vendor's sentences, each with its comment and the number of its first line (a
    paragraph's lines joined, so that a sentence wrapped over two is one)."""
    paragraph: list[tuple[int | None, int, str]] = []
    for item in [*lines, (None, -1, "")]:
        comment_id, _, text = item
        # (a list item starts a sentence of its own: "* Ask: please add that TXT record")
        item_starts = bool(_LIST_ITEM.match(text))
        ends = not text.strip() or item_starts or (paragraph and paragraph[-1][0] != comment_id)
        if ends and paragraph:
            yield from _split(paragraph)
            paragraph = []
        if text.strip() and comment_id in vendor_comments:
            paragraph.append(item)


def _split(
    paragraph: list[tuple[int | None, int, str]],
) -> Iterable[tuple[int | None, int, str]]:
    joined = ""
    starts: list[tuple[int, int]] = []  # (offset, line number) of each line
    for _, number, text in paragraph[:40]:  # (a paragraph of 40 lines is a block, not prose)
        starts.append((len(joined), number))
        joined += text.strip() + " "
    at = 0
    for sentence in _SENTENCE_END.split(joined[:8000]):
        line = next((s for s in reversed(starts) if s[0] <= at), starts[0])
        at += len(sentence) + 1
        yield paragraph[0][0], line[1], sentence


def _flag(comment_id: int | None, number: int, text: str) -> Flag:
    where = f"Comment {comment_id}, line" if comment_id is not None else "Line"
    line = excerpt(text)
    return Flag(
        code="unread_value",
        severity="warn",
        message=f"{where} {number} asks for a record to be removed, but no delete was read from "
        f"the ticket: {line!r}. Read that part of the ticket by hand: which record, and when.",
        source=Source(comment_id=comment_id, first_line=number, last_line=number, excerpt=line),
    )
