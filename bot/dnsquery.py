"""Sending DNS queries: one server or many, in parallel, with a shared cache and a deadline."""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdatatype
import dns.resolver

Server = tuple[str, int]


@dataclass(frozen=True)
class ResolverConfig:
    """Where the first questions go (`server`, or the system resolver) and how long to wait."""

    server: Server | None
    timeout: float = 2.0
    lifetime: float = 8.0
    workers: int = 16


class QueryFailed(Exception):
    """A server did not give a usable answer (timeout, SERVFAIL, REFUSED, bad reply)."""


@dataclass
class Querier:
    """Sends queries with a per-query timeout inside one overall deadline.

    Answers are cached per (server, name, type) for the life of the object (one ticket or
    one check), so the same question is never asked twice. `sent` counts real queries.
    """

    config: ResolverConfig
    clock: Callable[[], float] = time.monotonic
    sent: int = 0
    _cache: dict[tuple[Server, str, str, bool], dns.message.Message | QueryFailed] = field(
        default_factory=dict
    )
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _deadline: float = 0.0

    def __post_init__(self) -> None:
        self._deadline = self.clock() + self.config.lifetime

    @property
    def first_server(self) -> Server:
        """The configured server, or the system resolver's first nameserver."""
        if self.config.server is not None:
            return resolve_host(self.config.server)
        system = dns.resolver.Resolver()
        return (str(system.nameservers[0]), int(system.port))

    @property
    def port(self) -> int:
        """Port for authoritative servers found in DNS: the configured one (tests), else 53."""
        return self.config.server[1] if self.config.server else 53

    def ask(
        self, server: Server, name: str, rdtype: str, recurse: bool = True
    ) -> dns.message.Message:
        key = (server, name.lower(), rdtype, recurse)
        with self._lock:
            cached = self._cache.get(key)
        if cached is None:
            cached = self._send(server, name, rdtype, recurse)
            with self._lock:
                self._cache[key] = cached
        if isinstance(cached, QueryFailed):
            raise cached
        return cached

    def _send(
        self, server: Server, name: str, rdtype: str, recurse: bool
    ) -> dns.message.Message | QueryFailed:
        query = dns.message.make_query(name, rdtype)
        if not recurse:
            query.flags &= ~dns.flags.RD
        where = f"{server[0]}:{server[1]}"
        remaining = self._deadline - self.clock()
        if remaining <= 0:
            return QueryFailed(f"no time left to ask {where} (lifetime {self.config.lifetime}s)")
        with self._lock:
            self.sent += 1
        timeout = min(self.config.timeout, remaining)
        try:
            response, _ = dns.query.udp_with_fallback(
                query, server[0], timeout=timeout, port=server[1]
            )
        except dns.exception.Timeout:
            return QueryFailed(f"timeout from {where}")
        except (OSError, dns.exception.DNSException) as exc:
            return QueryFailed(f"{where}: {type(exc).__name__}: {exc}")
        rcode = response.rcode()
        if rcode not in (dns.rcode.NOERROR, dns.rcode.NXDOMAIN):
            return QueryFailed(f"{dns.rcode.to_text(rcode)} from {where}")
        return response

    def asked(self) -> list[tuple[Server, str, str, bool]]:
        """Every distinct question sent so far: (server, name, type, recursion desired)."""
        with self._lock:
            return list(self._cache)

    def ask_many(
        self, questions: Iterable[tuple[Server, str, str, bool]]
    ) -> dict[tuple[Server, str, str, bool], dns.message.Message | QueryFailed]:
        """Ask all questions at once; a failed one is returned as its QueryFailed."""
        unique = list(dict.fromkeys(questions))

        def one(q: tuple[Server, str, str, bool]) -> dns.message.Message | QueryFailed:
            try:
                return self.ask(*q)
            except QueryFailed as exc:
                return exc

        if len(unique) <= 1:
            return {q: one(q) for q in unique}
        with ThreadPoolExecutor(max_workers=min(self.config.workers, len(unique))) as pool:
            return dict(zip(unique, pool.map(one, unique), strict=True))


def resolve_host(server: Server) -> Server:
    """An IP address for the configured server (a host name is looked up once)."""
    host, port = server
    try:
        ipaddress.ip_address(host)
    except ValueError:
        try:
            host = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)[0][4][0]
        except OSError as exc:
            raise QueryFailed(f"cannot find the address of {host}: {exc}") from exc
    return host, port
