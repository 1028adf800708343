"""The decision core: a ticket plus zone facts becomes verdicts, flags and drafts."""

from __future__ import annotations

from bot import checks, drafts
from bot.config import AppConfig
from bot.models import (
    ChangeVerdict,
    Current,
    DnsChange,
    DnsFacts,
    Extraction,
    Flag,
    Signals,
    Ticket,
    Triage,
    ZoneOwner,
    ZoneSource,
)
from bot.reading import parts_of, read_parts, visible_text
from bot.signals import read_signals
from bot.trust import trust_flags
from bot.zones import ZoneFinder, in_suffixes, owner_of, zone_for_change

_SEVERITY_ORDER = {"block": 0, "warn": 1, "info": 2}


def read_ticket(ticket: Ticket, app: AppConfig) -> tuple[Extraction, Signals]:
    """Extract requested changes and classify the ticket (pure)."""
    parts = parts_of(ticket)  # once: the HTML of every comment is parsed a single time
    extraction = read_parts(parts, default_zone=app.suffixes[0], subject=ticket.subject)
    signals = read_signals(ticket.subject, visible_text(parts), extraction)
    if signals.classification == "not_certificate":
        extraction = Extraction(
            flags=tuple(f for f in extraction.flags if f.code in ("private_key", "unread_value"))
        )
    return extraction, signals


def validated_names(extraction: Extraction, app: AppConfig) -> tuple[str, ...]:
    """The certificate names the ticket is about, where a CAA check applies."""
    # extract() already lists the domain each validation record is for among the domains.
    return tuple(n for n in extraction.domains if in_suffixes(n, app.suffixes))


def triage(ticket: Ticket, finder: ZoneFinder, app: AppConfig) -> Triage:
    """Read the ticket, gather zone facts through `finder`, decide. The only I/O is `finder`."""
    extraction, signals = read_ticket(ticket, app)
    in_scope = [c for c in extraction.changes if in_suffixes(c.name, app.suffixes)]
    facts = finder.gather(in_scope, validated_names(extraction, app))
    return decide(ticket, extraction, signals, facts, app)


def decide(
    ticket: Ticket, extraction: Extraction, signals: Signals, facts: DnsFacts, app: AppConfig
) -> Triage:
    """Join changes with zones, owners and live data; collect flags; draft the requests."""
    flags = list(extraction.flags)
    verdicts = []
    owners = app.owners()
    # A reading flag that blocks (ambiguous_request) holds back every change at its name.
    held = {f.name for f in extraction.flags if f.severity == "block" and f.name}
    for change in extraction.changes:
        if not in_suffixes(change.name, app.suffixes):
            flags.append(_outside(change, app.suffixes))  # someone else's zone: said, not listed
            continue
        verdict, change_flags = judge(change, extraction.changes, facts, owners, app, signals)
        if change.name in held:
            verdict = verdict.model_copy(update={"blocked": True})
        verdicts.append(verdict)
        flags.extend(change_flags)
    for refused in extraction.refused:  # data unreadable; name and type still judged
        if in_suffixes(refused.name, app.suffixes):
            flags.extend(
                f for f in trust_flags(refused, signals, app.trust) if f.severity == "block"
            )
    flags.extend(ticket_flags(extraction, signals, facts, owners))
    flags = sorted(dict.fromkeys(flags), key=lambda f: _SEVERITY_ORDER[f.severity])
    partial = Triage(
        ticket=ticket.model_copy(update={"text": ""}),
        classification=signals.classification,
        summary="",
        verdicts=tuple(verdicts),
        flags=tuple(flags),
        signals=signals,
        jisc_request=None,
        hostmaster_warning=None,
        observed=tuple(o for o in extraction.observed if in_suffixes(o.name, app.suffixes)),
    )
    return partial.model_copy(
        update={
            "summary": drafts.summary(partial),
            "jisc_request": drafts.jisc_request(partial, app),
            "hostmaster_warning": drafts.hostmaster_warning(partial, extraction.domains, app),
        }
    )


def _outside(change: DnsChange, suffixes: tuple[str, ...]) -> Flag:
    """A record the ticket asks for in a zone outside the watched suffixes (another customer's
    domain on a shared certificate): not GOV.UK's change, so not listed, looked up or drafted."""
    record = " ".join(x for x in (change.action, change.name, change.type, change.value) if x)
    watched = ", ".join(x.rstrip(".") for x in suffixes)
    return Flag(
        code="outside_suffix",
        severity="info",
        name=change.name,
        message=f"The ticket also asks to {record}: outside {watched}, so not ours "
        "to change; not listed among the changes, looked up or drafted.",
        source=change.source,
    )


def judge(
    change: DnsChange,
    all_changes: tuple[DnsChange, ...],
    facts: DnsFacts,
    owners: tuple[ZoneOwner, ...],
    app: AppConfig,
    signals: Signals,
) -> tuple[ChangeVerdict, list[Flag]]:
    """Who must make one change (a name under the watched suffixes), what DNS holds now, and
    what stands in its way."""
    fact = zone_for_change(change, facts)
    owner = owner_of(fact.apex, owners)
    if owner is None and fact.apex is not None:
        owner = ZoneOwner(apex=fact.apex, kind="other", name=f"owner of {fact.apex}", change_via="")
    flags = trust_flags(change, signals, app.trust)
    if facts.live and fact.source == "config":
        flags.append(_unverified(change, fact.note, fact.apex))
    if owner is not None and owner.kind in ("department", "other"):
        flags.append(_department(change, owner))
    answers = facts.answers.get(change.name)
    deleted = frozenset(
        c.type for c in all_changes if c.name == change.name and c.action == "delete"
    )
    flags.extend(checks.conflict_flags(change, fact.apex, answers, deleted))
    current, values = checks.current_state(change, answers)
    verdict = _verdict(change, owner, fact.source, fact.apex, current, values)
    flags.extend(checks.live_flags(verdict, facts.dangling))
    blocked = any(f.severity == "block" and f.name == change.name for f in flags)
    return verdict.model_copy(update={"blocked": blocked}), flags


def _verdict(
    change: DnsChange,
    owner: ZoneOwner | None,
    source: ZoneSource,
    apex: str | None,
    current: Current,
    values: tuple[str, ...],
) -> ChangeVerdict:
    return ChangeVerdict(
        change=change,
        zone=apex,
        zone_source=source,
        owner=owner.kind if owner else None,
        owner_name=owner.name if owner else None,
        change_via=owner.change_via if owner else None,
        needs_jisc=bool(owner and owner.kind == "jisc"),
        current=current,
        current_values=values,
    )


def _unverified(change: DnsChange, note: str | None, apex: str | None) -> Flag:
    return Flag(
        code="zone_unverified",
        severity="warn",
        name=change.name,
        message=f"DNS could not confirm the zone of {change.name} ({note or 'no answer'}); "
        f"using the directory in app.yaml ({apex or 'no match'}). Check with dig before acting.",
    )


def _department(change: DnsChange, owner: ZoneOwner) -> Flag:
    how = f" ({owner.change_via})" if owner.change_via else ""
    return Flag(
        code="department_zone",
        severity="info",
        name=change.name,
        message=f"{change.name} is in {owner.apex}, run by {owner.name}: forward this change "
        f"to them{how}. It is not part of the Jisc request.",
    )


def ticket_flags(
    extraction: Extraction, signals: Signals, facts: DnsFacts, owners: tuple[ZoneOwner, ...]
) -> list[Flag]:
    """Flags about the ticket as a whole rather than one change."""
    flags = checks.caa_flags(signals.certificate_authorities, facts.caa)
    jisc_apexes = {o.apex for o in owners if o.kind == "jisc"}
    for change in extraction.changes:
        if change.type == "CAA" and change.name in jisc_apexes and change.action != "delete":
            flags.append(
                Flag(
                    code="caa_wide_impact",
                    severity="warn",
                    name=change.name,
                    message=f"A CAA record at {change.name} applies to every name under it that "
                    "has no CAA of its own, including other departments' domains. Escalate to "
                    "the Head of Tech and #team-domains before requesting it.",
                )
            )
    for mailbox in signals.validation_emails:
        if mailbox.endswith(".service.gov.uk") or mailbox.endswith("@service.gov.uk"):
            flags.append(
                Flag(
                    code="service_gov_uk_email",
                    severity="block",
                    name=mailbox.split("@", 1)[1] + ".",
                    message=f"Validation mail to {mailbox} cannot be handled: nobody receives "
                    "mail for service.gov.uk addresses. Ask the vendor for DNS validation.",
                )
            )
    if signals.classification == "http_validation":
        where = ", ".join(signals.http_urls) or "a /.well-known/ path on the domain"
        flags.append(
            Flag(
                code="http_validation",
                severity="info",
                message=f"The vendor validates over HTTP: it needs {where} to serve its token. "
                "No DNS change is needed; check that the domain is served by the vendor.",
            )
        )
    if signals.classification == "dns_change" and not extraction.changes and extraction.done:
        # Records were read, and a later comment says they are done ("both validated"): the
        # ticket asks nothing more. (Withdrawn or replaced alone: still a warning below.)
        asked = ", ".join(dict.fromkeys(f"{c.name} {c.type}" for c in extraction.done))
        flags.append(
            Flag(
                code="nothing_left",
                severity="info",
                message=f"The records this ticket asked for ({asked}) are done, a later comment "
                "says: nothing is left to change.",
            )
        )
    elif (
        signals.classification == "dns_change"
        and not extraction.changes
        # (a record read and held back, "which one is meant?", says more than "none read")
        and not any(f.code == "ambiguous_request" for f in extraction.flags)
    ):
        flags.append(
            Flag(
                code="no_changes_found",
                severity="warn",
                message="A certificate ticket, but no DNS record could be read from it. "
                "Read it by hand.",
            )
        )
    return flags
