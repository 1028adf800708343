"""The reading corpus (tests/corpus.py): tickets written by hand, independently of the reader.

Every ticket must be read either exactly right or with a warn/block flag that tells a person to
check it: a silent error fails here. How many are exactly right is a figure, printed by
`python -m bench` (bench/trust_bench.py), not a threshold hidden in a test.
"""

from __future__ import annotations

import json

import pytest

from bot.config import AppConfig
from tests.corpus import (
    READING_FOLDERS,
    TICKET_SUFFIXES,
    Case,
    is_silent_error,
    load_cases,
    read_path,
    reading_view,
)

CASES = load_cases()


def test_corpus_is_complete() -> None:
    tickets = [
        p
        for folder in READING_FOLDERS
        for p in folder.iterdir()
        if p.suffix in TICKET_SUFFIXES and not p.name.endswith(".expect.json")
    ]
    missing = [p.name for p in tickets if not p.with_name(p.stem + ".expect.json").exists()]
    assert not missing, f"tickets without an .expect.json: {missing}"
    conversations = [p for p in tickets if p.suffix == ".json"]
    assert len(CASES) >= 140 and len(conversations) >= 15


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_no_silent_error(case: Case, app: AppConfig) -> None:
    got = reading_view(read_path(case.path, app))
    assert not is_silent_error(case.expected, got), json.dumps(
        {"expected": case.expected, "got": got}, indent=1, default=str
    )
