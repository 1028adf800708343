"""Can the reading be trusted: exact tickets and silent errors over the corpus, and whether the
reading survives form-only rewrites of each ticket (tests/variants.py).

`python -m bench.trust_bench` prints the rows and every failing case and variant.
"""

from __future__ import annotations

import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.config import DEFAULT_CONFIG, AppConfig, load_app_config
from tests.corpus import (
    CHANGE_KEYS,
    OBSERVED_KEYS,
    Case,
    changes_right,
    is_exact,
    is_silent_error,
    load_cases,
    read_path,
    reading_view,
)
from tests.variants import Kind, Owner, variants

KINDS: dict[str, Kind] = {".txt": "text", ".html": "html"}
_NAME, _TYPE = CHANGE_KEYS.index("name"), CHANGE_KEYS.index("type")


@dataclass(frozen=True)
class Outcome:
    """One ticket (variant "" is the ticket as written) and what the reader made of it."""

    case: str
    variant: str
    expected: dict[str, Any]
    got: dict[str, Any] | None  # the reading view; None when the reader raised
    error: str = ""

    @property
    def exact(self) -> bool:
        return self.got is not None and is_exact(self.expected, self.got)

    @property
    def invariant(self) -> bool:
        return self.got is not None and changes_right(self.expected, self.got)

    @property
    def silent(self) -> bool:
        return self.got is not None and is_silent_error(self.expected, self.got)

    def problem(self) -> str:
        if self.got is None:
            return f"reader raised {self.error}"
        want, got = Counter(self.expected["changes"]), Counter(self.got["changes"])
        parts = [
            f"missing {_short(want - got)}" if want - got else "",
            f"extra {_short(got - want)}" if got - want else "",
        ]
        if not any(parts) and not self.exact:
            parts = [f"expected {_view(self.expected)}, got {_view(self.got)}"]
        kind = "SILENT" if self.silent else "flagged" if not self.invariant else "inexact"
        return f"{kind}: " + "; ".join(p for p in parts if p)


def _short(changes: Counter[tuple[Any, ...]]) -> str:
    def one(change: tuple[Any, ...]) -> str:
        c = dict(zip(CHANGE_KEYS, change, strict=True))
        return " ".join(str(c[k]) for k in ("action", "name", "type", "value")) + "".join(
            (
                f" (was {c['old_value']})" if c["old_value"] else "",
                f" ttl={c['ttl']}" if c["ttl"] else "",
                f" {c['when']}" if c["when"] != "now" else "",
            )
        )

    return ", ".join(one(change) for change in changes.elements())


def _view(view: dict[str, Any]) -> str:
    return f"{view['classification']} flags={view['flags']} observed={len(view['observed'])}"


def owners_of(expected: dict[str, Any]) -> list[Owner]:
    """(name, type) of the case's own records, changes first: what a dig paste would show."""
    pairs = [(c[_NAME], c[_TYPE]) for c in expected["changes"]]
    pairs += [
        (o[OBSERVED_KEYS.index("name")], o[OBSERVED_KEYS.index("type")])
        for o in expected["observed"]
    ]
    return list(dict.fromkeys(p for p in pairs if p[0] and p[1]))[:2]


def variant_cases(cases: Iterable[Case]) -> list[Case]:
    """The cases whose ticket is a plain text or HTML body (not .eml, not a conversation)."""
    return [case for case in cases if case.path.suffix in KINDS]


def read_one(case: Case, variant: str, path: Path, app: AppConfig) -> Outcome:
    """The reading of one file; a reader that raises is one failing ticket, not a stopped run."""
    try:
        got = reading_view(read_path(path, app))
    except Exception as exc:  # one failing ticket, measured and reported like the others
        return Outcome(case.name, variant, case.expected, None, f"{type(exc).__name__}: {exc}")
    return Outcome(case.name, variant, case.expected, got)


def read_cases(cases: Iterable[Case], app: AppConfig) -> list[Outcome]:
    return [read_one(case, "", case.path, app) for case in cases]


def read_variants(cases: Iterable[Case], app: AppConfig, directory: Path) -> list[Outcome]:
    """Every variant of every text/HTML case, written next to nothing else under `directory`
    with the case's own file name, so that the subject and id are found the real way."""
    outcomes = []
    for case in variant_cases(cases):
        text = case.path.read_text(encoding="utf-8")
        made = variants(text, KINDS[case.path.suffix], owners=owners_of(case.expected))
        for name, variant in made:
            path = directory / name / case.path.name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(variant.encode("utf-8"))  # bytes: keep CRLF as written
            outcomes.append(read_one(case, name, path, app))
    return outcomes


def failure_table(
    outcomes: Sequence[Outcome], *, exact: bool = False, written: Sequence[Outcome] = ()
) -> str:
    """The failing (case, variant) pairs, one per line; `exact` also lists inexact readings.
    With `written` (the tickets as written), each line says whether the ticket itself is misread."""
    misread = {o.case for o in written if not o.invariant}
    failing = [o for o in outcomes if not (o.exact if exact else o.invariant) or o.silent]
    width = max((len(o.case) for o in failing), default=4)
    vwidth = max((len(o.variant or "(as written)") for o in failing), default=12)
    return "\n".join(
        f"{o.case.ljust(width)}  {(o.variant or '(as written)').ljust(vwidth)}  "
        + ("[ticket misread as written] " if o.variant and o.case in misread else "")
        + o.problem()[:240]
        for o in failing
    )


def by_variant(
    varied: Sequence[Outcome], written: Sequence[Outcome]
) -> list[tuple[str, int, int, int]]:
    """(variant, failing, failing although the ticket as written is read right, total) per
    variant kind, the most variant-caused failures first."""
    right = read_right(written)
    total = Counter(o.variant for o in varied)
    failing = Counter(o.variant for o in varied if not o.invariant)
    caused = Counter(o.variant for o in varied if not o.invariant and o.case in right)
    return sorted(
        ((v, failing[v], caused[v], n) for v, n in total.items()),
        key=lambda r: (-r[2], -r[1], r[0]),
    )


def _rate(hits: int, total: int) -> float:
    return hits / total if total else 1.0


def rows(tickets: Sequence[Outcome], varied: Sequence[Outcome]) -> list[tuple[str, str, str, bool]]:
    exact = sum(o.exact for o in tickets)
    silent = sum(o.silent for o in tickets)
    same = sum(o.invariant for o in varied)
    silent_v = sum(o.silent for o in varied)
    n_cases = len({o.case for o in varied})
    right = read_right(tickets)
    kept = sum(o.invariant for o in varied if o.case in right)
    right_variants = sum(o.case in right for o in varied)
    return [
        (
            f"exact reading ({len(tickets)} corpus tickets)",
            f"{exact}/{len(tickets)} = {_rate(exact, len(tickets)):.1%}",
            "100%",
            exact == len(tickets),
        ),
        ("silent errors (corpus tickets)", f"{silent}", "0", silent == 0),
        (
            f"same changes under rewrites ({len(varied)} variants of {n_cases} tickets)",
            f"{same}/{len(varied)} = {_rate(same, len(varied)):.1%}",
            ">= 99%",
            _rate(same, len(varied)) >= 0.99,
        ),
        (
            "rewrites of tickets read right that are read right too",
            f"{kept}/{right_variants} = {_rate(kept, right_variants):.1%}",
            ">= 99%",
            _rate(kept, right_variants) >= 0.99,
        ),
        ("silent errors (variants)", f"{silent_v}", "0", silent_v == 0),
    ]


def read_right(tickets: Sequence[Outcome]) -> frozenset[str]:
    """The cases whose ticket as written is read to the expected changes: what their rewrites
    keep or lose is the reader's invariance under rewriting, apart from its misreadings."""
    return frozenset(o.case for o in tickets if o.invariant)


def measure(app: AppConfig) -> tuple[list[Outcome], list[Outcome]]:
    cases = load_cases()
    with tempfile.TemporaryDirectory() as tmp:
        return read_cases(cases, app), read_variants(cases, app, Path(tmp))


def run(app: AppConfig) -> list[tuple[str, str, str, bool]]:
    return rows(*measure(app))


def main() -> int:
    tickets, varied = measure(load_app_config(DEFAULT_CONFIG))
    table = rows(tickets, varied)
    for name, result, goal, met in table:
        print(f"{name}: {result} (goal {goal}) {'met' if met else 'NOT MET'}")
    print("\nCorpus tickets not read exactly:")
    print(failure_table(tickets, exact=True) or "  none")
    print("\nVariant kind          failing  of which the ticket as written is read right  total")
    for variant, failing, caused, total in by_variant(varied, tickets):
        print(f"  {variant:22} {failing:5}  {caused:5}  {total:5}")
    print("\nVariants whose changes differ from the ticket's:")
    print(failure_table(varied, written=tickets) or "  none")
    return 0 if all(r[3] for r in table) else 1


if __name__ == "__main__":
    sys.exit(main())
