"""Triage as the JSON contract (DESIGN.md §3) and as a readable terminal view."""

from __future__ import annotations

from typing import Any

from bot.models import ChangeVerdict, Draft, Triage

_MARK = {"missing": "·", "present": "✓", "different": "≠", "partial": "~", "unknown": "?"}


def to_json(triage: Triage) -> dict[str, Any]:
    """The `triage --json` document. Keys beyond the contract are additions, never renames."""
    ticket = triage.ticket
    signals = triage.signals
    return {
        "ticket": {"id": ticket.id, "subject": ticket.subject, "url": ticket.url},
        "classification": triage.classification,
        "summary": triage.summary,
        "certificate_authorities": list(signals.certificate_authorities),
        "vendor": signals.vendor,
        "deadline": signals.deadline.isoformat() if signals.deadline else None,
        "changes": [_change(v) for v in triage.verdicts],
        "observed": [o.model_dump() for o in triage.observed],
        "flags": [f.model_dump() for f in triage.flags],
        "jisc_request": _draft(triage.jisc_request),
        "hostmaster_warning": _draft(triage.hostmaster_warning),
    }


def _change(v: ChangeVerdict) -> dict[str, Any]:
    return {
        **v.change.model_dump(),
        "zone": v.zone,
        "zone_source": v.zone_source,
        "owner": v.owner,
        "owner_name": v.owner_name,
        "change_via": v.change_via,
        "needs_jisc": v.needs_jisc,
        "blocked": v.blocked,
        "current": v.current,
        "current_values": list(v.current_values),
    }


def _draft(draft: Draft | None) -> dict[str, Any] | None:
    if draft is None:
        return None
    data = draft.model_dump()
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items()}


def to_terminal(triage: Triage) -> str:
    """Records with zone, owner and state; flags; then the drafts, ready to copy."""
    t = triage.ticket
    out = [f"Ticket {t.id}: {t.subject}"]
    if t.url:
        out.append(f"  {t.url}")
    out += [f"  {triage.classification}: {triage.summary}", ""]
    if triage.verdicts:
        out.append("Changes:")
        for v in triage.verdicts:
            out += _terminal_change(v)
        out.append("")
    if triage.observed:
        out.append("Described as published now (not requested):")
        out += [
            f"  {o.name} {o.type} {o.value}" + (f"  ({o.source.where()})" if o.source else "")
            for o in triage.observed
        ]
        out.append("")
    if triage.flags:
        out.append("Flags:")
        out += [f"  [{f.severity.upper()}] {f.code}: {f.message}" for f in triage.flags]
        out.append("")
    for title, draft in (
        ("Jisc request", triage.jisc_request),
        ("Hostmaster warning", triage.hostmaster_warning),
    ):
        if draft is not None:
            out += _terminal_draft(title, draft)
    return "\n".join(out).rstrip() + "\n"


def _terminal_change(v: ChangeVerdict) -> list[str]:
    c = v.change
    later = " (after issuance)" if c.when == "after_issuance" else ""
    lines = [
        f"  {_MARK[v.current]} {c.action.upper():6} {c.name} {c.type} {c.value or '(any)'}{later}"
    ]
    if c.old_value:
        lines.append(f"           replacing {c.old_value}")
    who = "needs Jisc" if v.needs_jisc else (v.owner_name or "no owner known")
    if v.change_via and not v.needs_jisc:
        who += f" ({v.change_via})"
    lines.append(
        f"           zone {v.zone or '?'} ({v.zone_source}) · {who} · current: {v.current}"
    )
    if v.current_values:
        lines.append(f"           published now: {'; '.join(v.current_values)}")
    if c.source is not None:
        lines.append(f"           read from {c.source.where()}: {c.source.excerpt}")
    if v.blocked:
        lines.append("           BLOCKED: see flags")
    return lines


def _terminal_draft(title: str, draft: Draft) -> list[str]:
    lines = [f"{title}:", f"  To: {', '.join(draft.to)}"]
    if draft.cc:
        lines.append(f"  Cc: {', '.join(draft.cc)}")
    lines += [f"  Subject: {draft.subject}"]
    lines += [f"  Before sending: {note}" for note in draft.before_sending]
    lines += ["", *(f"    {line}" if line else "" for line in draft.body.splitlines()), ""]
    return lines
