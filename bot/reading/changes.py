"""Mentions to normalised DNS changes: owner names resolved, data checked by dnspython."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.models import AuthorRole, DnsChange, Flag, Observed, Source
from bot.reading.mentions import Mention, excerpt
from bot.records import RecordError, is_absolute, parent, to_name, to_value

MAX_TTL = 2**31 - 1  # RFC 2181 §8


@dataclass(frozen=True)
class Author:
    """The comment a mention was read from, and who wrote it (None: not known)."""

    comment_id: int | None = None
    role: AuthorRole | None = None
    name: str | None = None


def source_of(mention: Mention, author: Author) -> Source:
    return Source(
        comment_id=author.comment_id,
        first_line=mention.line,
        last_line=mention.last_line or mention.line,
        excerpt=excerpt(mention.excerpt),
        role=author.role,
        author=author.name,
    )


def to_change(mention: Mention, default_zone: str, author: Author | None = None) -> DnsChange:
    """The change a mention asks for. An update keeps its action even without an old value:
    the consistency check says so, rather than this quietly turning it into an add."""
    rdtype = mention.rdtype
    shown = None if mention.action == "delete" and _is_placeholder(mention.value) else mention.value
    stand_in = _STAND_IN.search(shown or "") if mention.action != "delete" else None
    if stand_in:
        # "TXT Value globalsign-domain-verification=<token>": a template's blank, never data
        # to publish - whether the ticket gives the real value elsewhere is for a person
        raise RecordError(f"its value holds the stand-in {stand_in.group()!r}, not real data")
    value = to_value(rdtype, shown) if shown is not None else None
    old = to_value(rdtype, mention.old_value) if mention.old_value else None
    if mention.ttl is not None and not 0 <= mention.ttl <= MAX_TTL:
        raise RecordError(f"TTL {mention.ttl} is outside 0..{MAX_TTL}")
    name = resolve_owner(mention, default_zone)
    doubled = doubled_suffix(name)
    if doubled and (mention.action or "add") != "delete":
        # "_acme-challenge.www.gov.uk.gov.uk": the domain pasted twice. A record to remove may
        # really be published there (a form that appended the zone); one to create is a typo.
        raise RecordError(f"{name} ends in {doubled} twice: the domain looks pasted twice")
    return DnsChange(
        action=mention.action or "add",
        name=name,
        type=rdtype,
        value=value,
        old_value=old,
        ttl=mention.ttl,
        when="after_issuance" if mention.after_issuance else "now",
        source=source_of(mention, author or Author()),
    )


# "_acme-challenge.x.  TXT  <delete>", "<old value>", "<whatever is there>": a stand-in, no data
_PLACEHOLDER = re.compile(r"^[\"'`]?<[a-z][a-z _-]{0,40}>[\"'`]?$", re.I)


# a template's blank inside a value: "=<token>", "<your token" (cut), "{{token}}", "${TOKEN}"
_STAND_IN = re.compile(r"<[a-z][a-z0-9 _-]{0,40}(?:>|$)|\$?\{\{?[ ]*[a-z][a-z0-9_ -]{0,40}\}", re.I)


def _is_placeholder(value: str | None) -> bool:
    return value is not None and _PLACEHOLDER.match(value.strip()) is not None


def doubled_suffix(name: str) -> str | None:
    """The suffix a name repeats at its end ("gov.uk." in "x.gov.uk.gov.uk."), if any."""
    labels = name.lower().rstrip(".").split(".")
    for k in range(2, len(labels) // 2 + 1):
        if labels[-k:] == labels[-2 * k : -k]:
            return ".".join(labels[-k:]) + "."
    return None


def to_observed(mention: Mention, default_zone: str, author: Author) -> Observed | None:
    if mention.value is None or _is_placeholder(mention.value):
        return None
    return Observed(
        name=resolve_owner(mention, default_zone),
        type=mention.rdtype,
        value=to_value(mention.rdtype, mention.value),
        source=source_of(mention, author),
        ttl=mention.ttl if mention.ttl is not None and 0 <= mention.ttl <= MAX_TTL else None,
    )


def resolve_owner(mention: Mention, default_zone: str) -> str:
    """The owner as an FQDN.

    Relative names are relative to the zone when the ticket names one ($ORIGIN, "Zone:").
    Otherwise, with a domain being validated D: only `_` labels (`_acme-challenge`) are
    relative to D; a name ending in D's first label (`_acme-challenge.www` for www.gov.uk)
    is relative to D's parent; anything else is relative to the default zone.
    """
    raw = mention.name.strip()
    if mention.zone:  # $ORIGIN or "Zone:": names are relative to it, as in a zone file
        return to_name(raw, mention.zone)
    domain = mention.domain
    underscored = all(label.startswith("_") for label in raw.rstrip(".").split("."))
    if mention.zone_said and not (underscored and domain):  # `_acme-challenge` is the domain's
        return to_name(raw, mention.zone_said)
    labels = raw.rstrip(".").lower().split(".")
    # "asuid.admin": neither absolute nor under a domain the ticket names. Appending the
    # default zone would invent a name in it (asuid.admin.gov.uk) that a Jisc draft could carry.
    guessed = not is_absolute(raw.strip("'\"`")) and raw != "@"
    if domain is None and guessed:
        raise RecordError(f"{raw!r} is relative, and the ticket does not say to which domain")
    if raw == "@" and domain is None:
        # "Host: @" and no domain said anywhere: the zone the ticket means is not known (it is
        # not safe to assume the apex of gov.uk)
        raise RecordError("'@' is the zone itself, and the ticket does not say which zone")
    if domain is None or raw == "@":
        return to_name(raw, domain or default_zone)
    if all(label.startswith("_") for label in labels):
        return to_name(raw, domain)
    if labels[-1] == domain.split(".")[0]:
        return to_name(raw, parent(domain))
    if guessed:  # "asuid.admin" beside a domain it is not under: not guessed
        raise RecordError(f"{raw!r} is relative, and the ticket does not say to which domain")
    return to_name(raw, default_zone)


def validated_domain(name: str) -> str:
    """The domain a validation record proves control of: its owner without `_` labels."""
    labels = name.split(".")
    while labels and labels[0].startswith("_"):
        labels.pop(0)
    return ".".join(labels) or "."


def short_names(host: str, firsts: frozenset[str] = frozenset()) -> frozenset[str]:
    """The labels a person calls a host by: its first, or the one after "www" ("Staging has
    validated" of www.staging.publishing.service.gov.uk) - unless another host asked for
    (`firsts`: their first labels) starts with it ("apply validated" beside
    www.apply.x is apply.x)."""
    labels = host.lower().split(".")
    if labels[0] == "www" and len(labels) > 3 and labels[1] not in firsts:
        return frozenset(labels[:2])
    return frozenset(labels[:1])


def unparsed_flag(mention: Mention, exc: Exception, author: Author | None = None) -> Flag:
    shown = f"{mention.name} {mention.rdtype} {mention.value or ''}".strip()
    if len(shown) > 160:
        shown = shown[:157] + "..."
    return Flag(
        code="unparsed_record",
        severity="warn",
        message=f"Line {mention.line}: looks like a record ({mention.rdtype}) but could not be "
        f"read: {shown!r} ({exc}). Check the ticket by hand.",
        source=source_of(mention, author or Author()),
    )
