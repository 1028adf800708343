"""Reader behaviour for record layouts and wordings that were misread silently (holdout186-192):
a swap written as a removal and an add, and others below."""

from __future__ import annotations

from bot.reading import read
from tests.test_reading import _text

OLD_TOKEN = "globalsign-domain-verification=Hq3kW9xPzT5mN2vB7cR4yL8jF6dS1aE0"
NEW_TOKEN = "globalsign-domain-verification=Zt7uY4iO9pK2lJ5hG8fD3sA6qW1eR0cV"


def _asked(body: str) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(c.action, c.name, c.type, c.value, c.old_value) for c in read(_text(body)).changes]


def test_replace_the_old_token_with_the_new_one_over_remove_and_add_is_one_update() -> None:
    """The removal and the add listed under "replace the old token with the new one" were read
    as a delete and an add."""
    body = (
        "Hi,\n\nPlease replace the old token with the new one.\n\n"
        f'Remove:\ndft.gov.uk. 300 IN TXT "{OLD_TOKEN}"\n\n'
        f'Add:\ndft.gov.uk. 300 IN TXT "{NEW_TOKEN}"\n\nThanks\n'
    )
    assert _asked(body) == [("update", "dft.gov.uk.", "TXT", NEW_TOKEN, OLD_TOKEN)]


def test_the_new_token_needs_to_replace_the_expired_one_is_one_update() -> None:
    """Numbered "1. Delete … 2. Add …" under "the new token needs to replace the expired one"
    was read as a delete and an add."""
    body = (
        "The new token needs to replace the expired one on dft.gov.uk.\n\n"
        f'1. Delete dft.gov.uk. TXT "{OLD_TOKEN}"\n2. Add dft.gov.uk. TXT "{NEW_TOKEN}"\n'
    )
    assert _asked(body) == [("update", "dft.gov.uk.", "TXT", NEW_TOKEN, OLD_TOKEN)]


def test_a_swap_in_zone_file_comments_is_one_update() -> None:
    """ "swap the existing record for the new one" over "; remove" / "; add" zone-file lines
    was read as a delete and an add."""
    body = (
        "Please swap the existing verification record for the new one. In zone-file terms:\n"
        "$ORIGIN dft.gov.uk.\n"
        f'; remove\n@ IN TXT "{OLD_TOKEN}"\n; add\n@ IN TXT "{NEW_TOKEN}"\n'
    )
    assert _asked(body) == [("update", "dft.gov.uk.", "TXT", NEW_TOKEN, OLD_TOKEN)]
