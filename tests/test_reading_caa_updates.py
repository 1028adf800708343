"""A CAA record changed in one sentence: the old issue line and the new one ("change the CAA
from 0 issue "globalsign.com" to 0 issue "certainly.com""). Only the first CAA data of a
sentence used to be read, so the change came out as an update with no old value and the new
value lost (ambiguous_request), or as nothing at all (no_changes_found)."""

from __future__ import annotations

from tests.test_reading import _text, changes, codes

OLD, NEW = '0 issue "globalsign.com"', '0 issue "certainly.com"'
UPDATE = ("update", "nationalarchives.gov.uk.", "CAA", NEW, OLD)


def test_a_caa_changed_from_one_issuer_to_another_in_one_sentence_is_one_update() -> None:
    for sentence in [
        f"Please change the CAA on nationalarchives.gov.uk from {OLD} to {NEW}.",
        f"On nationalarchives.gov.uk, please replace the CAA {OLD} with {NEW}.",
        f"Please replace CAA {OLD} at nationalarchives.gov.uk with {NEW}.",
        f"The CAA record {OLD} on nationalarchives.gov.uk should become {NEW}.",
        f"Please swap the CAA at nationalarchives.gov.uk: {OLD} for {NEW}.",
        f"Please update the nationalarchives.gov.uk CAA: {OLD} -> {NEW}",
    ]:
        ticket = _text(f"Hi,\n\n{sentence}\n\nThanks,\nFastly Support")
        assert changes(ticket) == [UPDATE], sentence
        assert not {"ambiguous_request", "no_changes_found"} & set(codes(ticket)), sentence


def test_two_caa_records_added_in_one_sentence_are_both_added() -> None:
    ticket = _text(f"Hi,\n\nPlease add these CAA records at gov.uk: {OLD} and {NEW}.\n\nThanks")
    assert sorted(changes(ticket)) == [
        ("add", "gov.uk.", "CAA", NEW, None),
        ("add", "gov.uk.", "CAA", OLD, None),
    ]
