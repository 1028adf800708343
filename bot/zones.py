"""Zone rules: the owner of a zone, the zone of a name by the directory, the zone interface."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

import dns.name

from bot.models import DnsChange, DnsFacts, ZoneFact, ZoneOwner
from bot.records import parent

PARENT_SIDE_TYPES = frozenset(("NS", "DS"))


class ZoneFinder(Protocol):
    """Gathers what the core needs to know from DNS about a ticket's changes.

    `DirectoryZones` answers from app.yaml alone (`--offline`); `bot.dnscheck.LiveZones`
    asks live DNS and falls back to the directory where DNS does not answer.
    """

    def gather(self, changes: Sequence[DnsChange], validated: Sequence[str]) -> DnsFacts: ...

    def inspect(
        self,
        names: Sequence[str],
        wanted: Mapping[str, Iterable[str]],
        validated: Sequence[str],
        targets: Sequence[str] = (),
    ) -> DnsFacts:
        """Zones of `names`, the `wanted` record types at each, CAA for `validated` names,
        and which CNAME `targets` do not exist."""
        ...


@functools.lru_cache(maxsize=4096)
def _parsed(name: str) -> dns.name.Name:
    """A name parsed once (names are immutable; the directory's apexes are asked of per
    change)."""
    return dns.name.from_text(name)


def closest_apex(name: str, apexes: Iterable[str]) -> str | None:
    """The longest apex that `name` is at or below (the closest enclosing known zone)."""
    target = _parsed(name)
    best: dns.name.Name | None = None
    for apex in apexes:
        candidate = _parsed(apex)
        if target.is_subdomain(candidate) and (best is None or len(candidate) > len(best)):
            best = candidate
    return best.to_text() if best is not None else None


def owner_of(apex: str | None, owners: Sequence[ZoneOwner]) -> ZoneOwner | None:
    """The directory entry for exactly this apex."""
    return next((o for o in owners if o.apex == apex), None)


def is_parent_side(change: DnsChange) -> bool:
    return change.type in PARENT_SIDE_TYPES


def zone_for_change(change: DnsChange, facts: DnsFacts) -> ZoneFact:
    """The zone a change must be made in.

    The zone of the owner name, except NS/DS at a zone apex: those belong to the parent zone,
    so changing a department's delegation is a change to the zone above it.
    """
    fact = facts.zones.get(change.name, ZoneFact(apex=None, source="config"))
    if is_parent_side(change) and fact.apex == change.name and change.name != ".":
        return facts.zones.get(parent(change.name), ZoneFact(apex=None, source=fact.source))
    return fact


def names_to_locate(changes: Sequence[DnsChange]) -> tuple[str, ...]:
    """Every name whose zone must be known: owners, plus parents for NS/DS changes."""
    names = []
    for change in changes:
        names.append(change.name)
        if is_parent_side(change) and change.name != ".":
            names.append(parent(change.name))
    return tuple(dict.fromkeys(names))


def in_suffixes(name: str, suffixes: Sequence[str]) -> bool:
    target = _parsed(name)
    return any(target.is_subdomain(_parsed(s)) for s in suffixes)


class DirectoryZones:
    """The zone interface answered from the directory alone: no DNS queries at all.

    The zone of a name is the longest known apex it sits under (`zone_source: config`).
    """

    def __init__(self, owners: Sequence[ZoneOwner], suffixes: Sequence[str]) -> None:
        self.owners = tuple(owners)
        self.suffixes = tuple(suffixes)

    def locate(self, name: str) -> ZoneFact:
        if not in_suffixes(name, self.suffixes):
            return ZoneFact(apex=None, source="config", note="outside the watched suffixes")
        return ZoneFact(apex=closest_apex(name, (o.apex for o in self.owners)), source="config")

    def gather(self, changes: Sequence[DnsChange], validated: Sequence[str]) -> DnsFacts:
        return self.inspect(names_to_locate(changes), {}, validated)

    def inspect(
        self,
        names: Sequence[str],
        wanted: Mapping[str, Iterable[str]],
        validated: Sequence[str],
        targets: Sequence[str] = (),
    ) -> DnsFacts:
        return DnsFacts(zones={n: self.locate(n) for n in names})
