"""What a comment says of its own records, besides the records: a row to skip ("please skip
the first row (www.gov.uk)"), a TTL for the records of one type ("For the two new CNAMEs we'd
like a TTL of 600 seconds"), a TTL in place of the one a pasted snippet gives ("they suggest a
TTL of 3600, but could you please use 300 instead?"). Pure: mentions in, mentions out.
"""

from __future__ import annotations

from dataclasses import replace

from bot.reading import threadcues
from bot.reading.mentions import Mention


def applied(words: str, mentions: list[Mention]) -> tuple[list[Mention], list[str]]:
    """The comment's `mentions` as its `words` say they are meant, and the values those words
    account for (for the completeness check: "ttl 600")."""
    used: list[str] = []
    for host, in_place in threadcues.skipped_rows(words):
        mentions = skipped(mentions, host, in_place)
    for rdtype, ttl in threadcues.ttls_for_types(words).items():
        mentions = [
            replace(m, ttl=ttl) if m.rdtype == rdtype and _asked(m) and m.ttl is None else m
            for m in mentions
        ]
        used.append(f"ttl {ttl}")
    instead = threadcues.ttl_instead(words)
    if instead is not None:
        used += [f"ttl {m.ttl}" for m in mentions if m.ttl is not None]  # the one it replaces
        mentions = [replace(m, ttl=instead) if _asked(m) else m for m in mentions]
        used.append(f"ttl {instead}")
    return mentions, used


def skipped(mentions: list[Mention], host: str, in_place: bool) -> list[Mention]:
    """ "Please skip the first row (www.gov.uk). That record is already in place": the records
    for that host are not asked for (and, when it says so, are published)."""
    found: list[Mention] = []
    for m in mentions:
        name = m.name.lower().rstrip(".")
        mine = name == host or (name.startswith("_") and name.split(".", 1)[-1] == host)
        if mine and m.mode == "request" and m.action in (None, "add"):
            found.append(replace(m, mode="negated"))
            found += [replace(m, mode="observed")] if in_place else []
        else:
            found.append(m)
    return found


def _asked(m: Mention) -> bool:
    """A record asked for that keeps a TTL (a record being removed has none)."""
    return m.mode == "request" and m.action != "delete"
