"""Mentions to normalised DNS changes: owner names resolved, data checked by dnspython."""

from __future__ import annotations

from bot.mentions import Mention
from bot.models import DnsChange, Flag
from bot.records import RecordError, parent, to_name, to_value


def to_change(mention: Mention, default_zone: str) -> DnsChange:
    rdtype = mention.rdtype
    value = to_value(rdtype, mention.value) if mention.value is not None else None
    old = to_value(rdtype, mention.old_value) if mention.old_value else None
    action = mention.action or "add"
    if action == "update" and old is None:
        action = "add"
    return DnsChange(
        action=action,
        name=resolve_owner(mention, default_zone),
        type=rdtype,
        value=value,
        old_value=old,
        ttl=mention.ttl,
        when="after_issuance" if mention.after_issuance else "now",
    )


def resolve_owner(mention: Mention, default_zone: str) -> str:
    """The owner as an FQDN.

    Relative names are relative to the zone when the ticket names one ($ORIGIN, "Zone:").
    Otherwise, with a domain being validated D: only `_` labels (`_acme-challenge`) are
    relative to D; a name ending in D's first label (`_acme-challenge.www` for www.gov.uk)
    is relative to D's parent; anything else is relative to the default zone.
    """
    raw = mention.name.strip()
    if mention.zone:
        return to_name(raw, mention.zone)
    domain = mention.domain
    labels = raw.rstrip(".").lower().split(".")
    if domain is None or raw == "@":
        return to_name(raw, domain or default_zone)
    if all(label.startswith("_") for label in labels):
        return to_name(raw, domain)
    if labels[-1] == domain.split(".")[0]:
        return to_name(raw, parent(domain))
    return to_name(raw, default_zone)


def validated_domain(name: str) -> str:
    """The domain a validation record proves control of: its owner without `_` labels."""
    labels = name.split(".")
    while labels and labels[0].startswith("_"):
        labels.pop(0)
    return ".".join(labels) or "."


def unparsed_flag(mention: Mention, exc: RecordError) -> Flag:
    shown = f"{mention.name} {mention.rdtype} {mention.value or ''}".strip()
    if len(shown) > 160:
        shown = shown[:157] + "..."
    return Flag(
        code="unparsed_record",
        severity="warn",
        message=f"Line {mention.line}: looks like a record ({mention.rdtype}) but could not be "
        f"read: {shown!r} ({exc}). Check the ticket by hand.",
    )
