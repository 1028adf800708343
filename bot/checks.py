"""Rules over what DNS holds now: current state of a change, CNAME conflicts, CAA that blocks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from bot.models import CaaSet, ChangeVerdict, Current, DnsChange, Flag, ServerAnswer
from bot.signals import CERTIFICATE_AUTHORITIES

# Types that hold one value per name: any other value there competes with the requested one.
_SINGLE_VALUED = frozenset(("CNAME",))


def current_state(
    change: DnsChange, answers: Sequence[ServerAnswer] | None
) -> tuple[Current, tuple[str, ...]]:
    """Compare a change with every authoritative server's answer.

    present: the requested value (for deletes: the record) is on every server; partial: on
    some; different: on none, but a competing value is (shown); missing: nothing there;
    unknown: no server answered. Servers that failed are left out of the comparison.
    """
    usable = [a for a in answers or () if a.error is None]
    if not usable:
        return "unknown", ()
    held = [set(a.records.get(change.type, ())) for a in usable]
    if change.action == "delete":
        has = [change.value in values if change.value else bool(values) for values in held]
    else:
        has = [change.value in values for values in held]
    if all(has):
        return "present", ()
    if any(has):
        return "partial", ()
    competing = sorted({v for values in held for v in values if _competes(change, v)})
    if change.action != "delete" and competing:
        return "different", tuple(competing)
    return "missing", ()


def is_done(v: ChangeVerdict) -> bool:
    """Published everywhere (add/update), or gone everywhere (delete)."""
    return v.current == ("missing" if v.change.action == "delete" else "present")


def live_flags(v: ChangeVerdict, dangling: Sequence[str]) -> list[Flag]:
    """What live DNS says of a request: already done everywhere (left out of the draft), or a
    CNAME pointing at a name that does not exist (nothing there for the CA to ask)."""
    change = v.change
    flags = []
    if is_done(v):
        done = "gone from" if change.action == "delete" else "published on"
        flags.append(
            Flag(
                code="already_live",
                severity="info",
                name=change.name,
                message=f"{change.name} {change.type} {change.value or ''} is already {done} "
                "every authoritative server: nothing to request, left out of the draft.",
                source=change.source,
            )
        )
    elif change.type == "CNAME" and change.action != "delete" and change.value in dangling:
        flags.append(
            Flag(
                code="target_not_resolving",
                severity="warn",
                name=change.name,
                message=f"The CNAME target {change.value} does not exist in DNS (NXDOMAIN): the "
                "CA could not validate through it. Ask the vendor to confirm the target "
                "before requesting the record.",
                source=change.source,
            )
        )
    return flags


def _competes(change: DnsChange, value: str) -> bool:
    """Whether an existing value is an older version of the one requested.

    CNAME: any value. TXT: one with the same `key=` prefix (an old verification token), or any
    value at an `_` name (a validation name holds only validation data). Others: any value.
    """
    if change.type == "TXT":
        if change.name.startswith("_"):
            return True
        key = (change.value or "").partition("=")[0]
        return bool(key) and "=" in (change.value or "") and value.startswith(key + "=")
    return True


def existing_types(answers: Sequence[ServerAnswer] | None) -> dict[str, tuple[str, ...]]:
    """Every type with data at the name on any server that answered, with its values."""
    found: dict[str, set[str]] = {}
    for answer in answers or ():
        if answer.error is None:
            for rdtype, values in answer.records.items():
                if values:
                    found.setdefault(rdtype, set()).update(values)
    return {t: tuple(sorted(v)) for t, v in sorted(found.items())}


def conflict_flags(
    change: DnsChange,
    zone_apex: str | None,
    answers: Sequence[ServerAnswer] | None,
    deleted_types: frozenset[str],
) -> list[Flag]:
    """CNAME rules (RFC 1034 §3.6.2, RFC 1912 §2.4), from the zone and live data.

    A CNAME cannot be at a zone apex; no other type can be where a CNAME is; a CNAME cannot be
    added where other data is (unless the same ticket deletes that data).
    """
    if change.action == "delete":
        return []
    if change.type == "CNAME" and zone_apex == change.name:
        return [
            Flag(
                code="apex_cname",
                severity="block",
                name=change.name,
                message=f"{change.name} is the apex of its zone, so it cannot hold a CNAME. "
                "Ask the vendor for a TXT record at the apex or a CNAME at "
                f"_acme-challenge.{change.name} instead.",
            )
        ]
    held = existing_types(answers)
    if change.type != "CNAME" and "CNAME" in held:
        return [_cname_conflict(change, zone_apex, f"is a CNAME to {', '.join(held['CNAME'])}")]
    others = {t: v for t, v in held.items() if t not in {"CNAME", *deleted_types}}
    if change.type == "CNAME" and others:
        shown = "; ".join(f"{t} {' '.join(v)}" for t, v in others.items())
        return [_cname_conflict(change, zone_apex, f"already holds {shown}")]
    return []


def _cname_conflict(change: DnsChange, zone_apex: str | None, why: str) -> Flag:
    if change.type == "CNAME":
        advice = "The existing data must be removed first, or the vendor must use another name."
    else:
        apex_txt = f" or a TXT record at the zone apex {zone_apex}" if zone_apex else ""
        advice = f"Ask the vendor for a CNAME at _acme-challenge.{change.name}{apex_txt} instead."
    return Flag(
        code="cname_conflict",
        severity="block",
        name=change.name,
        message=f"{change.type} requested at {change.name}, which {why}: a CNAME cannot share "
        f"its name with other data. Left out of the Jisc request. {advice}",
    )


def caa_flags(authorities: Sequence[str], caa: Mapping[str, CaaSet]) -> list[Flag]:
    """A CA the ticket names that the applicable CAA set does not authorise (RFC 8659)."""
    flags = []
    for name, caa_set in caa.items():
        issuers = _issuers(caa_set)
        if issuers is None:
            continue
        for ca in authorities:
            domains = CERTIFICATE_AUTHORITIES[ca][1]
            if not issuers & set(domains):
                flags.append(
                    Flag(
                        code="caa_blocks_issuer",
                        severity="block",
                        name=name,
                        message=f"The CAA records at {caa_set.owner} "
                        f"({'; '.join(caa_set.records)}) apply to {name} and do not allow "
                        f"{ca} ({domains[0]}): issuance will fail until a CAA record allows it.",
                    )
                )
    return flags


def _issuers(caa_set: CaaSet) -> set[str] | None:
    """Issuer domains allowed by `issue` records, or None when no `issue` record restricts."""
    issue = [r for r in caa_set.records if r.split()[1:2] == ["issue"]]
    if not issue:
        return None
    return {r.split(None, 2)[2].strip('"').split(";")[0].strip().lower() for r in issue}
