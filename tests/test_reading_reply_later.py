"""A reply asking to remove, once the new certificate is issued, a value the ticket also shows
published (a dig paste quoted under it): being shown published had accounted for the value, so
the request to delete it, read as nothing, left no flag (holdout204 20792, silent)."""

from __future__ import annotations

from bot.reading.safety import shown_removal_flags

TOKEN = "globalsign-domain-verification=Qw8rT2zLp0XnV5bK7cHs3YdF9gJm1AeU4iOt6"
SHOWN = [TOKEN.lower()]


def _warned(*lines: str, requested: tuple[str, ...] = ()) -> list[int]:
    numbered = [(None, n, text) for n, text in enumerate(lines, 1)]
    return [
        f.source.first_line
        for f in shown_removal_flags(numbered, list(requested), SHOWN)
        if f.source and f.severity == "warn"
    ]


def test_the_value_under_a_line_asking_to_take_it_out_is_warned_of() -> None:
    """(the value alone under "take the old GlobalSign token out" was accounted by the dig)"""
    assert _warned("2. After issuance, take the old GlobalSign token out:", f"   {TOKEN}") == [2]


def test_the_value_on_a_line_saying_it_can_be_deleted_is_warned_of() -> None:
    assert _warned(f"{TOKEN} can be deleted once the new cert is live.") == [1]


def test_a_value_said_to_be_no_longer_needed_is_warned_of() -> None:
    assert _warned("The GlobalSign string is no longer needed after the cutover:", TOKEN) == [2]


def test_a_removal_read_or_a_value_only_shown_is_no_warning() -> None:
    """(a delete read holds the value; a dig line asks nothing)"""
    assert (
        _warned("please remove the GlobalSign TXT,", TOKEN, requested=(f'"{TOKEN}"'.lower(),)) == []
    )
    assert _warned("Here's the apex now:", f'"{TOKEN}"') == []
