"""`check NAME...`: zone verdict, owner and currently published records for names."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bot.checks import existing_types
from bot.config import AppConfig
from bot.dnscheck import COMMON_TYPES
from bot.records import RecordError, to_name
from bot.zones import ZoneFinder, in_suffixes, owner_of


def check_names(names: Sequence[str], finder: ZoneFinder, app: AppConfig) -> list[dict[str, Any]]:
    """One plain dict per name, in the order given."""
    results: list[dict[str, Any]] = []
    wanted: dict[str, tuple[str, ...]] = {}
    for raw in names:
        try:
            name = to_name(raw)
        except RecordError as exc:
            results.append({"name": raw, "error": str(exc)})
            continue
        wanted[name] = COMMON_TYPES
        results.append({"name": name})
    facts = finder.inspect(list(wanted), wanted, [])
    owners = app.owners()
    for result in results:
        name = result["name"]
        if "error" in result:
            continue
        if not in_suffixes(name, app.suffixes):
            result.update(error=f"outside the watched suffixes {', '.join(app.suffixes)}")
            continue
        fact = facts.zones[name]
        owner = owner_of(fact.apex, owners)
        answers = facts.answers.get(name, ())
        result.update(
            zone=fact.apex,
            zone_source=fact.source,
            note=fact.note,
            owner=owner.kind if owner else "other",
            owner_name=owner.name if owner else None,
            needs_jisc=bool(owner and owner.kind == "jisc"),
            servers=list(fact.servers),
            records={t: list(v) for t, v in existing_types(answers).items()},
            errors=[f"{a.server}: {a.error}" for a in answers if a.error],
        )
    return results


def render_check(results: Sequence[dict[str, Any]]) -> str:
    lines: list[str] = []
    for r in results:
        if "error" in r:
            lines.append(f"{r['name']}: {r['error']}")
            continue
        jisc = "needs Jisc" if r["needs_jisc"] else (r["owner_name"] or r["owner"])
        lines.append(f"{r['name']}  zone {r['zone'] or '?'} ({r['zone_source']}) · {jisc}")
        if r["note"]:
            lines.append(f"  note: {r['note']}")
        if r["servers"]:
            lines.append(f"  asked: {', '.join(r['servers'])}")
        for rdtype, values in r["records"].items():
            lines += [f"  {rdtype:5} {v}" for v in values]
        if not r["records"] and r["zone_source"] == "dns":
            lines.append("  (no records of the common types)")
        lines += [f"  error: {e}" for e in r["errors"]]
    return "\n".join(lines) + "\n"
