"""Metamorphic: rewrites of each corpus ticket that change only its form (tests/variants.py)
must read to the same changes, and no rewrite may become a silent error."""

from __future__ import annotations

import re

import pytest

from bench.trust_bench import (
    KINDS,
    Outcome,
    failure_table,
    owners_of,
    read_cases,
    read_variants,
    variant_cases,
)
from bot.config import AppConfig
from tests.corpus import CHANGE_KEYS, Case, load_cases
from tests.variants import DIG_INTRO, DIG_VALUES, DISCLAIMER, REPLY, SIGNATURE, variants

CASES = variant_cases(load_cases())
ALWAYS = ("reply-quoted", "crlf", "trailing-spaces", "signature-disclaimer", "dig-appended")


def _variants(case: Case) -> list[tuple[str, str]]:
    text = case.path.read_text(encoding="utf-8")
    return variants(text, KINDS[case.path.suffix], owners=owners_of(case.expected))


@pytest.fixture(scope="module")
def outcomes(app: AppConfig, tmp_path_factory: pytest.TempPathFactory) -> list[Outcome]:
    return read_variants(CASES, app, tmp_path_factory.mktemp("variants"))


@pytest.fixture(scope="module")
def written(app: AppConfig) -> list[Outcome]:
    """The tickets as written: only to say, on failure, which variants broke a right reading."""
    return read_cases(CASES, app)


def test_no_variant_is_a_silent_error(outcomes: list[Outcome], written: list[Outcome]) -> None:
    silent = [o for o in outcomes if o.silent]
    table = failure_table(silent, written=written)
    assert not silent, f"{len(silent)} of {len(outcomes)} variants are silent errors:\n{table}"


# How many variants keep exactly the same changes is a figure, not a pass/fail line: it is
# printed by `python -m bench` (bench/trust_bench.py) against its goal of 99%.


# The variants themselves: they must change only the form, or the test above measures nothing.


def test_the_corpus_has_text_and_html_tickets() -> None:
    assert {c.path.suffix for c in CASES} == {".txt", ".html"} and len(CASES) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_variants_change_only_the_form(case: Case) -> None:
    original = case.path.read_text(encoding="utf-8")
    made = dict(_variants(case))
    assert set(ALWAYS) <= set(made)
    first = original.split("\n", 1)[0]
    values = [c[CHANGE_KEYS.index("value")] for c in case.expected["changes"]]
    types = [c[CHANGE_KEYS.index("type")] for c in case.expected["changes"]]
    txt_values = [
        v for v, t in zip(values, types, strict=True) if t == "TXT" and v and v in original
    ]
    for name, text in made.items():
        if first.startswith("Subject:"):
            assert text.split("\n", 1)[0].rstrip("\r") == first, name
        for value in txt_values:  # tokens are case sensitive: no variant may touch one
            assert value in text, (name, value)


def test_added_text_holds_no_record() -> None:
    added = "\n".join((REPLY, SIGNATURE, DISCLAIMER, DIG_INTRO))
    assert not re.search(r"(?i)\b(?:cname|txt|caa|aaaa|mx|ns)\b|gov\.uk|_acme", added)


def test_dig_values_are_in_no_ticket() -> None:
    texts = [c.path.read_text(encoding="utf-8") for c in CASES]
    for value in DIG_VALUES.values():
        assert not any(value.strip('"') in text for text in texts), value


def test_recased_changes_names_and_types_only() -> None:
    text = (
        "Subject: x\n\nFor www.gov.uk add a CNAME _acme-challenge pointing at"
        ' k4v7.fastly-validations.com.\ngov.uk. IN TXT "Mixed.Case.token"\n'
        "Name: _dnsauth.gov.uk\nType: TXT\nValue: abc.def.ghi\n"
        "See https://www.gov.uk/x or mail admin@gov.uk.\n"
    )
    assert dict(variants(text))["recased"] == (
        "Subject: x\n\nFor WWW.GOV.UK add a cname _ACME-CHALLENGE pointing at"
        ' K4V7.FASTLY-VALIDATIONS.COM.\nGOV.UK. IN txt "Mixed.Case.token"\n'
        "Name: _DNSAUTH.GOV.UK\nType: txt\nValue: abc.def.ghi\n"
        "See https://www.gov.uk/x or mail admin@gov.uk.\n"
    )


def test_numbered_list_numbers_record_blocks_only() -> None:
    text = (
        "Please add:\n\n_a.gov.uk. CNAME x.fastly-validations.com.\n"
        'gov.uk. 300 IN TXT "t"\n\nName  Type  Value\n_b.gov.uk CNAME y.example.com.\n'
    )
    assert dict(variants(text))["numbered-list"] == (
        "Please add:\n\n1. _a.gov.uk. CNAME x.fastly-validations.com.\n"
        '2. gov.uk. 300 IN TXT "t"\n\nName  Type  Value\n_b.gov.uk CNAME y.example.com.\n'
    )


def test_html_variants_leave_markup_alone() -> None:
    markup = (
        '<p class="x">Add a TXT record to <b>gov.uk</b> with &quot;tok&quot; and'
        " &#8220;more&#8221;</p>\n"
    )
    made = dict(variants(markup, "html"))
    assert made["quotes-swapped"] == (
        '<p class="x">Add a TXT record to <b>gov.uk</b> with &#8220;tok&#8221; and'
        " &quot;more&quot;</p>\n"
    )
    assert made["recased"] == markup.replace("TXT", "txt")
    assert "html-pre" not in made and "numbered-list" not in made
