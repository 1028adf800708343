"""The fuzz grammar with fresh seeds: `python -m bench.fuzz_bench [--seconds N] [--seed S]`.

Runs rounds of `tests/fuzz_grammar.py` tickets (as text, and as .eml / .html / .txt files)
through the checks of `tests/test_fuzz_grammar.py` until N seconds have passed (a round that
has started finishes, shrinking included). Each distinct failure (exception type and where it
was raised, or the property an assertion names) is shrunk by Hypothesis once, then treated as
known so that later rounds look for others. Prints cases/s and every failure with its minimal
input, and exits 1 if there was any.
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, Phase, Verbosity, given, seed, settings
from hypothesis import strategies as st

from bot.config import DEFAULT_CONFIG, AppConfig, load_app_config
from tests.fuzz_grammar import subjects, ticket_files, tickets
from tests.test_fuzz_grammar import check_file, check_text

ROOT = Path(__file__).resolve().parent.parent
ROUND_EXAMPLES = 100
ROUND = settings(
    max_examples=ROUND_EXAMPLES,
    database=None,
    deadline=None,
    derandomize=False,
    phases=(Phase.generate, Phase.shrink),
    report_multiple_bugs=True,
    suppress_health_check=list(HealthCheck),
    verbosity=Verbosity.quiet,
)


@dataclass(frozen=True)
class TextCase:
    subject: str
    text: str


@dataclass(frozen=True)
class Target:
    """What a round generates and how each case is checked."""

    name: str
    strategy: st.SearchStrategy[Any]
    check: Callable[[Any], object]


@dataclass(frozen=True)
class Failure:
    key: str  # what makes two failures the same: exception type and where, or property code
    error: str  # the exception, one line
    case: object  # the minimal input, as Hypothesis shrank it


def failure_key(exc: BaseException) -> str:
    """`Type at bot/file.py:line (function)`, innermost frame in the project; for a property
    assertion, its code (the message up to the first colon)."""
    if isinstance(exc, AssertionError) and ":" in str(exc):
        return f"AssertionError {str(exc).split(':', 1)[0]}"
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f.filename.startswith(str(ROOT / "bot"))]
    frame = (ours or frames)[-1] if frames else None
    if frame is None:
        return type(exc).__name__
    where = f"{Path(frame.filename).relative_to(ROOT) if ours else frame.filename}:{frame.lineno}"
    inner = (
        f" -> {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames[-1] != frame else ""
    )
    return f"{type(exc).__name__} at {where} ({frame.name}){inner}"


_FAILURE_CLASSES: dict[str, type[Exception]] = {}


def failure_class(key: str) -> type[Exception]:
    """One exception class per failure key. Hypothesis tells failures apart by the type and
    the raise site, so raising this from one place makes its failures exactly our keys."""
    return _FAILURE_CLASSES.setdefault(key, type("FuzzFailure", (Exception,), {"key": key}))


class Hunt:
    """Rounds of generation against the checks; failures keyed by `failure_key`."""

    def __init__(self, targets: list[Target]) -> None:
        self.targets = targets
        self.cases = 0
        self.rounds = 0
        self.found: dict[str, Failure] = {}

    def run_round(self, target: Target, round_seed: int) -> None:
        latest: dict[str, Failure] = {}

        def body(case: Any) -> None:
            self.cases += 1
            try:
                target.check(case)
            except Exception as exc:
                key = failure_key(exc)
                if key in self.found:
                    return  # shrunk in an earlier round: look for other failures instead
                line = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
                latest[key] = Failure(key, line, case)  # Hypothesis replays the minimal last
                raise failure_class(key)(line) from exc

        test = seed(round_seed)(ROUND(given(target.strategy)(body)))
        with contextlib.suppress(Exception):  # Hypothesis's own report: `latest` has the cases
            test()
        self.found.update(latest)
        self.rounds += 1

    def run(self, seconds: float, master_seed: int) -> float:
        rng = random.Random(master_seed)
        started = time.perf_counter()
        while time.perf_counter() - started < seconds:
            target = self.targets[self.rounds % len(self.targets)]
            self.run_round(target, rng.getrandbits(64))
        return time.perf_counter() - started


def make_targets(app: AppConfig, directory: Path) -> list[Target]:
    text = Target(
        "text",
        st.builds(TextCase, subject=subjects, text=tickets()),
        lambda c: check_text(c.subject, c.text, app),
    )
    files = Target("file", ticket_files(), lambda f: check_file(f, directory, app))
    return [text, text, files]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.fuzz_bench", description=__doc__)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    master_seed = args.seed if args.seed is not None else random.SystemRandom().getrandbits(32)
    app = load_app_config(DEFAULT_CONFIG)
    print(f"fuzz_bench: seed {master_seed}, {args.seconds:g} s", flush=True)
    with tempfile.TemporaryDirectory(prefix="fuzz-bench-") as directory:
        hunt = Hunt(make_targets(app, Path(directory)))
        elapsed = hunt.run(args.seconds, master_seed)
    rate = hunt.cases / elapsed if elapsed else 0.0
    print(f"{hunt.cases} cases in {elapsed:.1f} s: {rate:.0f} cases/s ({hunt.rounds} rounds)")
    if not hunt.found:
        print("no failures")
        return 0
    print(f"{len(hunt.found)} distinct failures:")
    for i, failure in enumerate(sorted(hunt.found.values(), key=lambda f: f.key), start=1):
        print(f"\n{i}. {failure.key}\n   {failure.error}\n   minimal input: {failure.case!r}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
