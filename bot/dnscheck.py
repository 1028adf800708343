"""Live DNS behind the zone interface: referral-aware zone cuts, published data, CAA."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdatatype

from bot.config import Dns
from bot.dnsanswers import Cut, Reply, addresses_in, read_cut, records_at
from bot.dnsquery import Querier, QueryFailed, ResolverConfig, Server
from bot.models import CaaSet, DnsChange, DnsFacts, ServerAnswer, ZoneFact
from bot.records import parent
from bot.zones import DirectoryZones, in_suffixes, names_to_locate

COMMON_TYPES = ("A", "AAAA", "CNAME", "TXT", "CAA", "MX", "NS")
# Asked too when a CNAME is requested: any data of these types there is a conflict.
CNAME_NEIGHBOURS = frozenset(("TXT", "A", "AAAA", "CAA", "MX"))


def make_resolver_config(server: Server | None, settings: Dns) -> ResolverConfig:
    return ResolverConfig(
        server=server,
        timeout=settings.timeout,
        lifetime=settings.lifetime,
        workers=settings.workers,
    )


class LiveZones:
    """The zone interface answered by live DNS, with the directory where DNS cannot answer.

    Round trips: (1) `CNAME name` for every name, `NS apex` for every apex the directory expects
    and CAA up the tree, all at once; (2) every authoritative server of each zone for the
    requested data. A CNAME owner, or a zone the directory does not know, costs one more.
    """

    def __init__(self, config: ResolverConfig, directory: DirectoryZones) -> None:
        self.config = config
        self.directory = directory
        self.last_querier: Querier | None = None

    def gather(self, changes: Sequence[DnsChange], validated: Sequence[str]) -> DnsFacts:
        wanted: dict[str, set[str]] = {}
        targets = [
            c.value for c in changes if c.type == "CNAME" and c.action != "delete" and c.value
        ]
        for change in changes:
            types = wanted.setdefault(change.name, set())
            types.add(change.type)
            if change.type == "CNAME" and change.action != "delete":
                types |= CNAME_NEIGHBOURS
        return self.inspect(names_to_locate(changes), wanted, validated, targets)

    def inspect(
        self,
        names: Sequence[str],
        wanted: Mapping[str, Iterable[str]],
        validated: Sequence[str],
        targets: Sequence[str] = (),
    ) -> DnsFacts:
        suffixes = self.directory.suffixes
        names = [n for n in names if in_suffixes(n, suffixes)]
        querier = Querier(self.config)
        self.last_querier = querier
        try:
            first = querier.first_server
        except QueryFailed as exc:
            return DnsFacts(zones={n: self._fallback(n, str(exc)) for n in names}, live=True)
        caa_names = _ancestors_within(validated, suffixes)
        guesses = {self.directory.locate(n).apex for n in names} - {None}
        # A name the directory expects to be an apex is asked NS only (an apex holds no CNAME).
        replies = querier.ask_many(
            [(first, n, "CNAME", True) for n in names if n not in guesses]
            + [(first, n, "NS", True) for n in sorted(guesses)]
            + [(first, n, "CAA", True) for n in caa_names]
            + [(first, t, "TXT", True) for t in targets]
        )
        cuts = self._cuts(querier, first, names, replies)
        zones, servers = self._servers(querier, first, cuts, replies)
        answers = self._data(querier, wanted, zones, servers)
        caa = {v: c for v in validated if (c := _caa_for(v, suffixes, first, replies)) is not None}
        dangling = tuple(
            t for t in dict.fromkeys(targets) if _nxdomain(replies.get((first, t, "TXT", True)))
        )
        return DnsFacts(zones=zones, answers=answers, caa=caa, live=True, dangling=dangling)

    def _fallback(self, name: str, note: str) -> ZoneFact:
        apex = self.directory.locate(name).apex
        return ZoneFact(apex=apex, source="config", note=note)

    def _cuts(
        self, querier: Querier, first: Server, names: Sequence[str], replies: dict
    ) -> dict[str, Cut]:
        """Cuts for every name; CNAME owners take their parent's zone (asked if not known)."""
        suffixes = self.directory.suffixes
        cuts: dict[str, Cut] = {}
        todo = list(names)
        for _ in range(8):  # a CNAME chain of parents deeper than this is not worth following
            questions = {n: _zone_question(first, n, replies) for n in todo}
            asked = querier.ask_many(questions.values())
            replies.update(asked)
            for n in todo:
                cuts[n] = read_cut(n, asked[questions[n]], suffixes)
            todo = [
                p
                for n in todo
                if cuts[n].kind == "cname"
                and (p := parent(n)) not in cuts
                and in_suffixes(p, suffixes)
            ]
            if not todo:
                break
        for n in names:
            chain = n
            while cuts.get(chain, Cut("failed")).kind == "cname" and in_suffixes(
                parent(chain), suffixes
            ):
                chain = parent(chain)
            cuts[n] = cuts.get(chain, Cut("failed", note="zone not found"))
        return {n: cuts[n] for n in names}

    def _servers(
        self, querier: Querier, first: Server, cuts: Mapping[str, Cut], replies: dict
    ) -> tuple[dict[str, ZoneFact], dict[str, list[Server]]]:
        """Each zone's authoritative servers: NS names from the cut or an `NS apex` answer,
        addresses from glue seen so far or asked for."""
        ns_of: dict[str, tuple[str, ...]] = {c.apex: c.ns for c in cuts.values() if c.apex and c.ns}
        missing = {c.apex for c in cuts.values() if c.apex and c.apex not in ns_of}
        asked = querier.ask_many((first, a, "NS", True) for a in missing)
        replies.update(asked)
        for apex in missing:
            cut = read_cut(apex, asked[(first, apex, "NS", True)], self.directory.suffixes)
            ns_of[apex] = cut.ns if cut.kind in ("apex", "referral") else ()
        book = addresses_in(replies.values())
        unknown = {ns for hosts in ns_of.values() for ns in hosts if ns not in book}
        more = querier.ask_many((first, ns, "A", True) for ns in unknown)
        book.update({k: v for k, v in addresses_in(more.values()).items() if k not in book})
        servers: dict[str, list[Server]] = {}
        for apex, hosts in ns_of.items():
            found = [(ip, querier.port) for h in hosts for ip in book.get(h, [])]
            servers[apex] = list(dict.fromkeys(found)) or [first]
        zones = {}
        for name, cut in cuts.items():
            if cut.apex is None:
                zones[name] = self._fallback(name, cut.note or "no answer")
            else:
                shown = tuple(f"{ip}:{port}" for ip, port in servers[cut.apex])
                zones[name] = ZoneFact(apex=cut.apex, source="dns", servers=shown)
        return zones, servers

    def _data(
        self,
        querier: Querier,
        wanted: Mapping[str, Iterable[str]],
        zones: Mapping[str, ZoneFact],
        servers: Mapping[str, list[Server]],
    ) -> dict[str, tuple[ServerAnswer, ...]]:
        """Ask every authoritative server of the name's zone for each wanted type."""
        plan = {
            name: [(s, name, t, False) for s in servers[zones[name].apex] for t in sorted(types)]
            for name, types in wanted.items()
            if name in zones and zones[name].source == "dns"
        }
        replies = querier.ask_many(q for qs in plan.values() for q in qs)
        answers = {}
        for name, questions in plan.items():
            per_server: dict[Server, ServerAnswer] = {}
            for q in questions:
                server = q[0]
                label = f"{server[0]}:{server[1]}"
                previous = per_server.get(server, ServerAnswer(server=label))
                per_server[server] = _merge(previous, name, replies[q])
            answers[name] = tuple(per_server.values())
        return answers


def _zone_question(first: Server, name: str, replies: Mapping) -> tuple[Server, str, str, bool]:
    """The question that tells the zone of `name`: an NS answer already in hand, else CNAME."""
    ns = (first, name, "NS", True)
    return ns if ns in replies else (first, name, "CNAME", True)


def _merge(previous: ServerAnswer, name: str, reply: Reply) -> ServerAnswer:
    if previous.error is not None:
        return previous
    if isinstance(reply, QueryFailed):
        return ServerAnswer(server=previous.server, error=str(reply))
    if not reply.flags & dns.flags.AA:
        return ServerAnswer(server=previous.server, error="not authoritative for the name")
    return ServerAnswer(
        server=previous.server, records={**previous.records, **records_at(name, reply)}
    )


def _ancestors_within(names: Iterable[str], suffixes: Sequence[str]) -> list[str]:
    """Each name and its ancestors down to (and including) the watched suffix."""
    found: list[str] = []
    for name in names:
        current = name
        while in_suffixes(current, suffixes):
            found.append(current)
            if current in suffixes:
                break
            current = parent(current)
    return list(dict.fromkeys(found))


def _caa_for(name: str, suffixes: Sequence[str], first: Server, replies: Mapping) -> CaaSet | None:
    """The CAA set at the closest ancestor that has one (RFC 8659), or None if unknown."""
    for node in _ancestors_within([name], suffixes):
        reply = replies.get((first, node, "CAA", True))
        if reply is None or isinstance(reply, QueryFailed):
            return None
        caa = records_at(node, reply).get("CAA")
        if caa:
            return CaaSet(owner=node, records=caa)
    return CaaSet(owner=None)


def _nxdomain(reply: Reply | None) -> bool:
    """The name does not exist (a timeout or SERVFAIL says nothing either way)."""
    return isinstance(reply, dns.message.Message) and reply.rcode() == dns.rcode.NXDOMAIN
