"""Records given as copies of one written out above: "same value as for www, TXT on the bare
gov.uk", "ditto, TXT at service.gov.uk itself".

GlobalSign hands out one token per order, so a vendor writes it out once and says the other
names take the same. `resolve` writes each such line as the record it means (the name the line
gives, its type, the one value written out above it), so the walker reads it as it reads the
record above. When the lines above hold more than one value, which one is meant is not guessed:
the line is left as it is (and the completeness net has nothing to say of it, so the reader
says so: `copies_unread` lists it). Pure: numbered lines in, numbered lines out.
"""

from __future__ import annotations

import re

from bot.reading.candidates import candidates

Lines = list[tuple[int, str]]

# "ditto", "same again", "same value", "same token": the words that say data is a copy
_COPY_WORDS = r"(?:ditto|same[ \t]+again|same[ \t]+(?:value|token|string|record|data|code))"
# "same value as for www", "ditto", "same token as the first", "(same string)"
_COPY = re.compile(rf"\b{_COPY_WORDS}(?:[ \t]+as\b)?", re.I)
# "www TXT same value as @", "driving-licence TXT same again": a zone-file line whose data is
# a copy (the name as written: relative names are read against the zone as any line's are)
_ZONE_COPY = re.compile(
    rf"^([ \t*\->]*)(@|[a-z0-9_*][a-z0-9_.-]{{0,200}})[ \t]+(TXT|CNAME)[ \t]+{_COPY_WORDS}\b",
    re.I,
)
_TYPE = re.compile(r"\b(TXT|CNAME|CAA)\b", re.I)
_NAME = re.compile(r"(?<![\w.-])((?:[a-z0-9_-]{1,63}\.)*gov\.uk)\b", re.I)  # the name it goes on
MAX_LOOK = 60  # lines above a copy looked at for the value it copies


def resolve(numbered: Lines) -> Lines:
    """The lines, each copy of a value above written as the record it means."""
    if not any(_COPY.search(text) for _, text in numbered[:200]):
        return numbered  # the common case
    out = list(numbered)
    for k, (number, text) in enumerate(numbered):
        zone_line = _ZONE_COPY.match(text)
        if not (_COPY_LINE.match(text) or zone_line) or candidates(number, text):
            continue
        rdtype = _TYPE.search(text)
        names = list(dict.fromkeys(n.lower() for n in _NAME.findall(text)))
        if zone_line:
            names = [zone_line.group(2).lower()]
        values = {
            c.shown
            for _, above in numbered[max(0, k - MAX_LOOK) : k]
            for c in candidates(0, above)
            if not c.text.startswith("ttl ")
        }
        if rdtype is None or len(names) != 1 or len(values) != 1:
            continue
        (value,) = values
        shown = f'"{value}"' if rdtype.group(1) == "TXT" else value
        name = names[0] if zone_line else f"{names[0].rstrip('.')}."
        prefix = zone_line.group(1) if zone_line else ""  # ("> www TXT same value as @")
        out[k] = (number, f"{prefix}{name} {rdtype.group(1).upper()} {shown}")
    return out


def copies_unread(numbered: Lines) -> list[tuple[int, str]]:
    """The lines that say they copy a value above but could not be written as a record."""
    return [
        (number, text)
        for number, text in numbered[:200]
        if _COPY.search(text)
        and _TYPE.search(text)
        and not candidates(number, text)
        and (
            (len(set(_NAME.findall(text))) == 1 and _COPY_LINE.match(text))
            or _ZONE_COPY.match(text)
        )
    ]


# a line that is a copy and nothing more: "same value as for www, TXT on the bare gov.uk"
_COPY_LINE = re.compile(
    r"^[ \t*\-]*(?:ditto|same[ \t]+(?:value|token|string|record|data|code))\b", re.I
)
