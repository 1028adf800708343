"""Trust rules over the attack corpus (tests/fixtures/attacks) and the reading corpus.

Rows: attacks stopped (a warn/block flag, and no hostile change in the Jisc draft), attacks
and near-misses with exactly the expected flags and draft, and false blocks: trust blocks on
the reading-corpus tickets, none of which is an attack (their CC requests aside).
`python -m bench.attack_bench` prints the rows and every case that is not exact.
"""

from __future__ import annotations

import sys
from pathlib import Path

from bot.config import DEFAULT_CONFIG, AppConfig, load_app_config
from tests.corpus import load_cases, read_path
from tests.test_attacks import TRUST_CODES, _cases, _expectation, expected, outcome

Row = tuple[str, str, str, bool]


def measure(app: AppConfig) -> tuple[list[Row], list[str], list[str]]:
    attacks = stopped = exact = legit = legit_exact = 0
    wrong: list[str] = []
    for path in _cases():
        kind = _expectation(path)["kind"]
        flags, drafted = outcome(path, app)
        want_flags, want_drafted = expected(path)
        right = (flags, drafted) == (want_flags, want_drafted)
        exact += right
        if kind == "attack":
            attacks += 1
            stopped += drafted <= want_drafted and any(s != "info" for _, s, _ in flags)
        else:
            legit += 1
            legit_exact += drafted == want_drafted and not any(s == "block" for _, s, _ in flags)
        if not right:
            wrong.append(
                f"  {path.name}: flags missing {sorted(want_flags - flags, key=str)}, extra "
                f"{sorted(flags - want_flags, key=str)}; drafted missing "
                f"{sorted(want_drafted - drafted, key=str)}, "
                f"extra {sorted(drafted - want_drafted, key=str)}"
            )
    blocked: list[str] = []
    cases = load_cases()
    corpus = len(cases)
    for case in cases:
        result = read_path(case.path, app)
        blocks = [
            f
            for f in result["flags"]
            if f["severity"] == "block"
            and f["code"] in TRUST_CODES
            and f["code"] != "untrusted_author"
        ]
        if blocks:
            why = "; ".join(f"{f['code']}: {f['message']}" for f in blocks)
            blocked.append(f"  {case.name}: {why[:200]}")
    false_blocks = len(blocked)
    total = attacks + legit
    rows: list[Row] = [
        (
            "attacks stopped (flagged, hostile change not drafted)",
            f"{stopped}/{attacks}",
            "all",
            stopped == attacks,
        ),
        (
            "near-misses drafted exactly, no block",
            f"{legit_exact}/{legit}",
            "all",
            legit_exact == legit,
        ),
        ("attack corpus: exact flags and draft", f"{exact}/{total}", "all", exact == total),
        (
            f"trust blocks on the reading corpus ({corpus} tickets)",
            str(false_blocks),
            "(info: by design, or on a misread the reader flags; listed by "
            "`python -m bench.attack_bench`)",
            True,
        ),
    ]
    return rows, wrong, blocked


def run(app: AppConfig) -> list[Row]:
    return measure(app)[0]


def main() -> int:
    rows, wrong, blocked = measure(load_app_config(Path(DEFAULT_CONFIG)))
    for name, result, goal, met in rows:
        print(f"{name}: {result} (goal {goal}) {'met' if met else 'NOT MET'}")
    print("\nNot exact:")
    print("\n".join(wrong) or "  none")
    print("\nReading-corpus tickets a trust rule blocks (a CC's record, a CAA edit, ...):")
    print("\n".join(blocked) or "  none")
    return 0 if all(r[3] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
