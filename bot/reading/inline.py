"""A vendor's reply written between the lines of our mail, read as the exchange it is.

"> 1. Today the record is X. Is that the one we're replacing?" / "Yes, that's the one." /
"> 3. … Can that go now?" / "Not yet, please. It can be removed once …": each quoted block
is our question (our words: what it shows is published, never a request), each block of
the reply's own lines under it is the vendor's answer to that question. `split` turns such a
comment into that sequence of parts, so every answer is read against the question above it
as if they had been separate comments. Only blocks whose lines we wrote (found in an earlier
comment of ours) count: a vendor quoting its own control panel's error is its own words.
Pure: parts in, parts out.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.reading.approvals import bare_verdict
from bot.reading.conversation import Part

_MIN_LINE = 12  # characters a quoted line needs to be recognised as ours (not "> Thanks,")
MAX_BLOCKS = 20  # question-and-answer pairs read from one reply
_OURS_SEARCHED = 20_000  # characters of our mail a cut quote's pieces are looked for in


def split(part: Part, ours: set[str]) -> list[Part]:
    """`part` as alternating vendor and "us" parts when it answers our mail inline; `ours`:
    the lines of our earlier comments, white space collapsed."""
    if part.role != "vendor":
        return [part]
    new = part.new_lines
    blocks = _blocks(new)
    text = "\n".join(ours)[:_OURS_SEARCHED] if ours else ""
    mine = [(start, end) for start, end in blocks if ours and _ours(new[start:end], ours, text)]
    if not mine and _verdict_under_each(new, blocks):
        mine = blocks  # "> 1. ADD x CNAME y" / "Yes." / "> 2. DEL z" / "No, keep that one."
    if not mine or not _answered(new, mine) or len(mine) > MAX_BLOCKS:
        return [part]
    pieces: list[Part] = []
    at = 0
    for start, end in mine:
        if start > at:
            pieces.append(_piece(part, at, start, "vendor", len(pieces) + 1))
        pieces.append(_piece(part, start, end, "us", len(pieces) + 1))
        at = end
    # the reply's last answer keeps the quoted history under it, as the whole reply did
    last = _piece(part, at, len(new), "vendor", len(pieces) + 1)
    pieces.append(replace(last, lines=part.lines[at:], history=part.history - at))
    return pieces


def split_all(parts: list[Part]) -> list[Part]:
    """Every part, each vendor reply that answers our mail inline split (`split`)."""
    out: list[Part] = []
    ours: set[str] = set()
    for part in parts:
        out += split(part, ours)
        if part.role == "us":
            ours |= our_lines([part])
    return out


def _blocks(lines: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of each run of quoted lines."""
    found: list[tuple[int, int]] = []
    start = None
    for i, line in enumerate(lines):
        quoted = line.lstrip().startswith(">")
        if quoted and start is None:
            start = i
        elif not quoted and start is not None:
            found.append((start, i))
            start = None
    if start is not None:
        found.append((start, len(lines)))
    return found


def _verdict_under_each(lines: tuple[str, ...], blocks: list[tuple[int, int]]) -> bool:
    """Is the text under every quoted block (two at least, the last may end the mail) an
    answer to it: its first line a yes, a no or their like? Then the blocks are the points of
    the mail the reply answers (ours), even when the thread does not hold that mail."""
    answers = 0
    for k, (_, end) in enumerate(blocks[:MAX_BLOCKS]):
        edge = blocks[k + 1][0] if k + 1 < len(blocks) else len(lines)
        first = next((line for line in lines[end:edge] if line.strip()), None)
        if first is None and k + 1 == len(blocks):
            continue  # the mail ends on a quote
        if first is None or bare_verdict(first) is None:
            return False
        answers += 1
    return answers >= 2 and len(blocks) <= MAX_BLOCKS


def _ours(block: tuple[str, ...], ours: set[str], text: str) -> bool:
    """Are most of the block's lines ours: a whole line of our mail, or pieces of one with
    the rest cut ("we still have X from the old setup [...] Should we remove the old one?")?"""
    said = [_plain(line) for line in block]
    long = [line for line in said if len(line) >= _MIN_LINE]
    return bool(long) and sum(line in ours or _cut_from(line, text) for line in long) * 2 >= len(
        long
    )


# "[...]", "[…]", "...", "…": where the quoting writer cut our words
_CUT = re.compile(r"\[(?:\.{3}|\u2026)\]|\.{3}|\u2026")


def _cut_from(line: str, text: str) -> bool:
    """Is a quoted line our words with parts cut out: each piece (of some length) in them?"""
    pieces = [p.strip() for p in _CUT.split(line)]
    if len(pieces) < 2:
        return False
    long = [p for p in pieces if len(p) >= _MIN_LINE]
    return bool(long) and all(p in text for p in long)


def _answered(lines: tuple[str, ...], mine: list[tuple[int, int]]) -> bool:
    """Does the reply say something of its own under one of our quoted blocks?"""
    edges = [start for start, _ in mine[1:]] + [len(lines)]
    return any(
        any(line.strip() for line in lines[end:edge])
        for (_, end), edge in zip(mine, edges, strict=True)
    )


def _piece(part: Part, start: int, end: int, role: str, place: int) -> Part:
    lines = part.new_lines[start:end]
    if role == "us":
        lines = tuple(_unquoted(line) for line in lines)
    return replace(
        part,
        role=role,  # type: ignore[arg-type]
        lines=lines,
        history=len(lines),
        first_line=part.first_line + start,
        hidden=part.hidden if start == 0 else (),
        continues=False,
        inline=place,
    )


def _unquoted(line: str) -> str:
    text = line.lstrip()
    return text[1:].lstrip() if text.startswith(">") else line


def _plain(line: str) -> str:
    return " ".join(_unquoted(line).split())


def our_lines(parts: list[Part]) -> set[str]:
    """The lines of our comments, white space collapsed, as `split` looks them up."""
    return {
        plain
        for p in parts
        if p.role == "us"
        for line in p.new_lines
        if len(plain := " ".join(line.split())) >= _MIN_LINE
    }
