"""Reading DNS answers: what a reply says about zone cuts, record data and addresses."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import dns.flags
import dns.message
import dns.name
import dns.rdata
import dns.rdatatype

from bot.dnsquery import QueryFailed
from bot.zones import in_suffixes

Reply = dns.message.Message | QueryFailed


@dataclass(frozen=True)
class Cut:
    """What one answer says about the zone of a name."""

    kind: str  # apex | referral | inside | cname | failed
    apex: str | None = None
    ns: tuple[str, ...] = ()
    note: str | None = None


def read_cut(name: str, reply: Reply, suffixes: Sequence[str]) -> Cut:
    """The closest enclosing zone of `name`, from the answer to `CNAME name` or `NS name`.

    We ask for type CNAME because no resolver chases a CNAME for that type: asking NS through a
    recursive resolver follows the chain, and a dead validation target turns into SERVFAIL.
    NS at the name in the answer: the name is an apex. A CNAME there: the name is data in its
    parent's zone (an apex never holds a CNAME). No AA, no answer and NS in the authority
    section at or above the name: a referral, so the cut is at that NS owner (this is what
    dnspython's zone_for_name misses). SOA in the authority section: the name is inside that
    zone. Works against authoritative servers (RD ignored) and recursive resolvers alike.
    """
    if isinstance(reply, QueryFailed):
        return Cut("failed", note=str(reply))
    qname = dns.name.from_text(name)
    for rrset in reply.answer:
        if rrset.name == qname and rrset.rdtype == dns.rdatatype.NS:
            return Cut("apex", name, tuple(rd.target.to_text().lower() for rd in rrset))
        if rrset.name == qname and rrset.rdtype == dns.rdatatype.CNAME:
            return Cut("cname")
    authoritative = bool(reply.flags & dns.flags.AA)
    for rrset in reply.authority:
        owner = rrset.name.to_text().lower()
        if rrset.rdtype == dns.rdatatype.SOA and qname.is_subdomain(rrset.name):
            return Cut("inside", owner)
        if (
            rrset.rdtype == dns.rdatatype.NS
            and not authoritative
            and not reply.answer
            and qname.is_subdomain(rrset.name)
            and in_suffixes(owner, suffixes)
        ):
            return Cut("referral", owner, tuple(rd.target.to_text().lower() for rd in rrset))
    return Cut("failed", note="the answer said nothing about the zone")


def value_of(rdata: dns.rdata.Rdata) -> str:
    """Record data in the same canonical form as `records.to_value`."""
    if rdata.rdtype == dns.rdatatype.TXT:
        return b"".join(rdata.strings).decode("utf-8", "replace")
    if rdata.rdtype in (dns.rdatatype.CNAME, dns.rdatatype.NS, dns.rdatatype.MX):
        return rdata.to_text().lower()
    return rdata.to_text()


def records_at(name: str, reply: dns.message.Message) -> dict[str, tuple[str, ...]]:
    """Data the reply holds at exactly `name`, by type (a CNAME shows up under CNAME)."""
    qname = dns.name.from_text(name)
    found: dict[str, tuple[str, ...]] = {}
    for rrset in reply.answer:
        if rrset.name == qname:
            found[dns.rdatatype.to_text(rrset.rdtype)] = tuple(sorted(value_of(rd) for rd in rrset))
    return found


def addresses_in(replies: Iterable[Reply]) -> dict[str, list[str]]:
    """Host name -> addresses, from every answer and additional (glue) section seen."""
    book: dict[str, list[str]] = {}
    for reply in replies:
        if isinstance(reply, QueryFailed):
            continue
        for rrset in (*reply.answer, *reply.additional):
            if rrset.rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
                owner = rrset.name.to_text().lower()
                book.setdefault(owner, []).extend(rd.address for rd in rrset)
    return book
