"""Live-DNS wall time and query count with 50 ms per answer, next to a zone_for_name baseline.

NSD serves the test zones on 127.0.0.11 and 127.0.0.12; a delaying UDP proxy listens where
the zones' NS records point (127.0.0.1 and 127.0.0.2, same port) and holds every answer for
50 ms. All traffic stays on loopback; the proxies stop when the benchmark ends.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path

import dns.resolver

from bot.config import AppConfig, Dns, ZoneEntry
from bot.dnscheck import LiveZones, make_resolver_config
from bot.models import DnsChange
from bot.zones import DirectoryZones
from tests.nsd import PRIMARY, SECONDARY, nsd_binary, running_nsd

DELAY = 0.050
BACKENDS = ("127.0.0.11", "127.0.0.12")

# Six names across three zones: gov.uk. (Jisc), service.gov.uk. and hosted.gov.uk.
TICKET = (
    DnsChange(
        action="add",
        name="_acme-challenge.gov.uk.",
        type="CNAME",
        value="r8d2kq7vn3hy6wz1mc.fastly-validations.com.",
    ),
    DnsChange(
        action="add",
        name="_acme-challenge.new.gov.uk.",
        type="CNAME",
        value="a.fastly-validations.com.",
    ),
    DnsChange(action="add", name="gov.uk.", type="TXT", value="globalsign-domain-verification=x"),
    DnsChange(
        action="add", name="_acme-challenge.signup.example.service.gov.uk.", type="TXT", value="t"
    ),
    DnsChange(action="add", name="_acme-challenge.other.service.gov.uk.", type="TXT", value="t"),
    DnsChange(
        action="add", name="_acme-challenge.www.hosted.gov.uk.", type="TXT", value="token-123"
    ),
)


class DelayProxy:
    """Forwards UDP queries to one backend and holds each answer for DELAY seconds."""

    def __init__(self, listen: tuple[str, int], backend: tuple[str, int]) -> None:
        self.backend = backend
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(listen)
        self.sock.settimeout(0.2)
        self.queries = 0
        self.running = True
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while self.running:
            try:
                data, client = self.sock.recvfrom(65535)
            except TimeoutError:
                continue
            except OSError:
                return
            self.queries += 1
            threading.Thread(target=self._answer, args=(data, client), daemon=True).start()

    def _answer(self, data: bytes, client: tuple[str, int]) -> None:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as up:
            up.settimeout(2)
            up.sendto(data, self.backend)
            try:
                reply, _ = up.recvfrom(65535)
            except OSError:
                return
        time.sleep(DELAY)
        with suppress(OSError):
            self.sock.sendto(reply, client)

    def close(self) -> None:
        self.running = False
        self.thread.join(timeout=1)
        self.sock.close()


@contextmanager
def delayed_nsd() -> Iterator[tuple[int, list[DelayProxy]]]:
    with (
        tempfile.TemporaryDirectory() as tmp,
        running_nsd(Path(tmp), BACKENDS) as nsd,
        ExitStack() as stack,
    ):
        proxies = []
        for front, back in ((PRIMARY, BACKENDS[0]), (SECONDARY, BACKENDS[1])):
            proxy = DelayProxy((front, nsd.port), (back, nsd.port))
            stack.callback(proxy.close)
            proxies.append(proxy)
        yield nsd.port, proxies


def run(app: AppConfig) -> list[tuple[str, str, str, bool]]:
    if nsd_binary() is None:
        return [("live DNS benchmark", "skipped: nsd missing", "apt-get install nsd", False)]
    hosted = ZoneEntry(apex="hosted.gov.uk.", kind="department", name="Hosted", change_via="-")
    app = app.model_copy(update={"zones": (*app.zones, hosted)})
    directory = DirectoryZones(app.owners(), app.suffixes)
    names = [c.name for c in TICKET]
    with delayed_nsd() as (port, proxies):
        config = make_resolver_config((PRIMARY, port), Dns(timeout=1.0, lifetime=5.0, workers=32))
        finder = LiveZones(config, directory)
        finder.gather(TICKET[:1], [])  # warm up threads and imports, not the cache
        before = sum(p.queries for p in proxies)
        start = time.perf_counter()
        zone_only = LiveZones(config, directory)
        zone_only.inspect(names, {}, [])
        zone_time = time.perf_counter() - start
        asked = zone_only.last_querier.asked()  # type: ignore[union-attr]
        per_name = sum(1 for _, name, _, _ in asked if name in names)
        start = time.perf_counter()
        facts = LiveZones(config, directory).gather(TICKET, [])
        ours = time.perf_counter() - start
        ours_queries = sum(p.queries for p in proxies) - before - len(asked)
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers, resolver.port, resolver.lifetime = [PRIMARY], port, 5.0
        base_before = sum(p.queries for p in proxies)
        start = time.perf_counter()
        baseline = {n: dns.resolver.zone_for_name(n, resolver=resolver).to_text() for n in names}
        base_zone_time = time.perf_counter() - start
        base_zone_queries = sum(p.queries for p in proxies) - base_before
        for change in TICKET:  # the naive next step: the record itself, one name at a time
            with suppress(dns.resolver.NXDOMAIN):
                resolver.resolve(change.name, change.type, raise_on_no_answer=False)
        base_time = time.perf_counter() - start
        base_queries = sum(p.queries for p in proxies) - base_before
        referral = "x.delegated.gov.uk."
        wrong = dns.resolver.zone_for_name(referral, resolver=resolver).to_text()
        right = LiveZones(config, directory).inspect([referral], {}, []).zones[referral].apex
    same = all(facts.zones[n].apex == baseline[n] for n in names)
    zones = len({facts.zones[n].apex for n in names})
    return [
        (
            f"zone detection: questions per name ({len(names)} names, {zones} zones)",
            f"{per_name / len(names):.2f} (+{len(asked) - per_name} for NS sets)",
            "<= 1",
            per_name <= len(names),
        ),
        (
            "zone detection wall time, 50 ms per answer",
            f"{zone_time * 1000:.0f} ms",
            "1 round trip",
            zone_time < 0.1,
        ),
        (
            "whole ticket (zones + state on 2 servers) wall",
            f"{ours * 1000:.0f} ms",
            "<= 150 ms",
            ours <= 0.150,
        ),
        ("whole ticket queries (all in parallel)", f"{ours_queries}", "(info)", True),
        (
            "baseline: zone_for_name, names in turn",
            f"{base_zone_time * 1000:.0f} ms, {base_zone_queries} q",
            "same zones",
            same,
        ),
        (
            "baseline + record lookup, names in turn",
            f"{base_time * 1000:.0f} ms, {base_queries} q",
            "(one server only)",
            True,
        ),
        (
            "speed-up, zone detection",
            f"{base_zone_time / zone_time:.1f}x",
            ">= 5x",
            base_zone_time / zone_time >= 5,
        ),
        (
            f"zone of {referral} (referral-only child)",
            f"ours {right}, zone_for_name {wrong}",
            "delegated.gov.uk.",
            right == "delegated.gov.uk.",
        ),
        ("speed-up, whole ticket", f"{base_time / ours:.1f}x", ">= 5x", base_time / ours >= 5),
    ]
