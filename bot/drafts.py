"""Drafted words: the Jisc change request, the hostmaster warning, the one-line summary."""

from __future__ import annotations

from collections.abc import Sequence

from bot.checks import is_done
from bot.config import AppConfig
from bot.models import ChangeVerdict, Draft, Flag, Triage
from bot.records import zone_line

_ACTION_HEADINGS = (
    ("add", "Please add:"),
    ("update", "Please replace (current record, then the new one):"),
    ("delete", "Please delete:"),
)


def jisc_changes(triage: Triage) -> list[ChangeVerdict]:
    """The changes the registry must make: they need Jisc, nothing blocks them, and live DNS
    does not already show them done."""
    return [v for v in triage.verdicts if v.needs_jisc and not v.blocked and not is_done(v)]


def jisc_request(triage: Triage, app: AppConfig) -> Draft | None:
    """The email to the gov.uk registry, or None when no change needs it.

    Every record is written exactly, as a zone-file line; updates show the record being
    replaced; changes for after the certificate is issued come in a separate "later" part.
    """
    verdicts = jisc_changes(triage)
    if not verdicts:
        return None
    ttl = app.jisc.default_ttl
    zones = sorted({v.zone for v in verdicts if v.zone})
    now = [v for v in verdicts if v.change.when == "now"]
    later = [v for v in verdicts if v.change.when == "after_issuance"]
    ticket = triage.ticket
    lines = ["Hello,", "", f"Please make the following change(s) to the {_plain(zones)} zone."]
    lines += _record_sections(now, ttl)
    if later:
        lines += ["", "Later, once the new certificate has been issued (we will confirm):"]
        lines += _record_sections(later, ttl)
    lines += ["", "Reason: " + _reason(triage)]
    if triage.signals.deadline:
        lines.append(f"Deadline: please make the change by {triage.signals.deadline.isoformat()}.")
    if any(v.change.ttl is None and v.change.action != "delete" for v in verdicts):
        lines.append(f"(TTL {ttl} is our default where the vendor gave none.)")
    tell = "; ".join(app.jisc.tell_first)
    sender = app.jisc.sender
    contact = f"{sender.name} <{sender.email}>" if sender.email else sender.name
    lines += [
        "",
        f"The following have been told about this request: {tell}.",
        "",
        f"This request comes from {contact}, an approved contact for the gov.uk registry. "
        "Please reply to this email with any questions.",
        "",
        "Thank you,",
        sender.name,
    ]
    names = ", ".join(dict.fromkeys(v.change.name for v in verdicts))
    return Draft(
        to=app.jisc.to,
        cc=app.jisc.cc,
        subject=f"DNS change request for the {_plain(zones)} zone: {names} "
        f"(certificate validation, ticket {ticket.id})",
        body="\n".join(lines),
        before_sending=(
            f"Tell first: {tell}.",
            f"Only an approved contact may send this ({sender.name}).",
        ),
        left_out=left_out(triage),
    )


def blocking_codes(flags: Sequence[Flag], name: str) -> list[str]:
    """The codes of the block flags at a name, each once: why a change there is held."""
    return list(dict.fromkeys(f.code for f in flags if f.severity == "block" and f.name == name))


def left_out(triage: Triage) -> tuple[str, ...]:
    """The Jisc changes a draft leaves out: blocked (with the flags that block them) or
    already live."""
    lines = []
    for v in triage.verdicts:
        c = v.change
        if not v.needs_jisc or not (v.blocked or is_done(v)):
            continue
        record = " ".join(x for x in (c.action, c.name, c.type, c.value) if x)
        if v.blocked:
            why = "blocked: " + (
                ", ".join(blocking_codes(triage.flags, c.name)) or "see the triage"
            )
        else:
            why = "already live"
        lines.append(f"{record} ({why})")
    return tuple(lines)


def _plain(names: Sequence[str]) -> str:
    return ", ".join(n.rstrip(".") for n in names)


def _record_sections(verdicts: Sequence[ChangeVerdict], ttl: int) -> list[str]:
    lines: list[str] = []
    for action, heading in _ACTION_HEADINGS:
        chosen = [v.change for v in verdicts if v.change.action == action]
        if not chosen:
            continue
        lines += ["", heading]
        for c in chosen:
            # A record to delete is matched by its name, type and data: no TTL is asked for.
            record_ttl = None if action == "delete" else c.ttl or ttl
            if action == "update":
                lines.append(f"  current: {zone_line(c.name, record_ttl, c.type, c.old_value)}")
                lines.append(f"  new:     {zone_line(c.name, record_ttl, c.type, c.value)}")
            elif action == "delete" and c.value is None:
                lines.append(f"  every {c.type} record at {c.name}")
            else:
                lines.append(f"  {zone_line(c.name, record_ttl, c.type, c.value)}")
    return lines


def _reason(triage: Triage) -> str:
    signals = triage.signals
    vendor = signals.vendor or "Our certificate vendor"
    authorities = ", ".join(signals.certificate_authorities)
    ca = f" so that {authorities} can" if authorities else " to"
    ticket = triage.ticket
    link = f" ({ticket.url})" if ticket.url else ""
    return (
        f"{vendor} needs these records{ca} validate control of the domain(s) for a TLS "
        f"certificate renewal. Support ticket {ticket.id}: {ticket.subject}{link}."
    )


def hostmaster_warning(triage: Triage, domains: Sequence[str], app: AppConfig) -> Draft | None:
    """For email validation: warn hostmaster first, naming the domains and the CA."""
    if triage.classification != "email_validation":
        return None
    signals = triage.signals
    mail_domains = [m.split("@", 1)[1] + "." for m in signals.validation_emails]
    shown = (d.rstrip(".") for d in [*domains, *mail_domains])
    named = ", ".join(dict.fromkeys(shown)) or "(domains: see the ticket)"
    ca = ", ".join(signals.certificate_authorities) or "the certificate authority"
    mailboxes = ", ".join(signals.validation_emails) or "the domain's admin mailboxes"
    body = "\n".join(
        [
            "Hello,",
            "",
            f"{ca} will send a domain validation email to {mailboxes} for: {named}.",
            f"It is for a TLS certificate requested through {signals.vendor or 'our vendor'} "
            f"(support ticket {triage.ticket.id}).",
            "Please expect it and approve it, or tell us if anything about it looks wrong.",
            "",
            "Thank you,",
            "GOV.UK Technical 2nd Line",
        ]
    )
    return Draft(
        to=app.hostmaster.to,
        subject=f"Expected certificate validation email from {ca} for {named}",
        body=body,
    )


def summary(triage: Triage) -> str:
    """One line a person reads first."""
    s = triage.signals
    who = s.vendor or "The vendor"
    ca = f" ({', '.join(s.certificate_authorities)})" if s.certificate_authorities else ""
    if triage.classification == "not_certificate":
        return "Not a certificate ticket: nothing to do."
    if triage.classification == "http_validation":
        return f"{who}{ca} validates over HTTP: no DNS change needed."
    if triage.classification == "email_validation":
        return f"{who}{ca} validates by email: warn hostmaster before approving."
    total = len(triage.verdicts)
    jisc = sum(v.needs_jisc for v in triage.verdicts)
    blocked = sum(v.blocked for v in triage.verdicts)
    done = sum(v.current == "present" and v.change.action != "delete" for v in triage.verdicts)
    parts = [f"{who}{ca} asks for {total} DNS change{'s' if total != 1 else ''}"]
    parts.append(f"{jisc} need{'s' if jisc == 1 else ''} Jisc")
    if blocked:
        parts.append(f"{blocked} blocked")
    if done:
        parts.append(f"{done} already published")
    return ", ".join(parts) + "."


def fastly_reply(triage: Triage, jisc_sent: bool, live: bool) -> str:
    """A reply to the vendor: what is published, what has been asked of the registry."""
    lines = ["Hello,", ""]
    published = [
        v for v in triage.verdicts if v.current == "present" and v.change.action != "delete"
    ]
    waiting = [v for v in triage.verdicts if v not in published and not v.blocked]
    if live or (published and not waiting):
        lines.append(
            "The records you asked for are now published on all authoritative name servers:"
        )
        chosen = published or waiting
    elif jisc_sent:
        lines.append(
            "We have asked the gov.uk registry to make these changes "
            "and will confirm when they are live:"
        )
        chosen = waiting
    else:
        lines.append("We are arranging these changes and will confirm when they are live:")
        chosen = waiting
    for v in chosen:
        c = v.change
        ttl = None if c.action == "delete" else c.ttl or 3600
        lines.append(f"  {c.action}: {zone_line(c.name, ttl, c.type, c.value)}")
    blocked = [v for v in triage.verdicts if v.blocked]
    if blocked:
        lines += ["", "We cannot make these as requested (see our notes):"]
        lines += [f"  {v.change.name} {v.change.type}" for v in blocked]
    lines += ["", "Thank you,", "GOV.UK Technical 2nd Line"]
    return "\n".join(lines)
