"""Progress reports and clean-up: removals said in other words, held and released, records
shown as they stand, a wrong record to put right, one of several removals kept after all."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import changes, codes, conversation, us, vendor

TOKEN = "globalsign-domain-verification=Qm4xT7pL2vR9sK1wZ8yH3nB6cD0fG5jE"
OLD_TOKEN = "globalsign-domain-verification=Zk8rW2qN5tY7uP1mX4vB9cL3hJ6gF0sA"


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def _timed(ticket: Ticket) -> list[tuple[str, str, str, str]]:
    return sorted((c.action, c.name, c.type, c.when) for c in read(ticket).changes)


def _warned(ticket: Ticket) -> bool:
    return any(f.severity in ("warn", "block") for f in read(ticket).flags)


def test_a_record_that_can_go_where_it_is_published_is_a_delete() -> None:
    # ("the GlobalSign verification record on dvsa.gov.uk can go now:" had been an add)
    ticket = _text(
        "Now that hmrc.gov.uk is off GlobalSign, the old TXT at hmrc.gov.uk can go now:\n\n"
        f'hmrc.gov.uk. TXT "{TOKEN}"\n'
    )
    assert changes(ticket) == [("delete", "hmrc.gov.uk.", "TXT", TOKEN, None)]


def test_a_record_that_can_go_then_held_until_issued_is_a_delete_after_issuance() -> None:
    # (the first mail's "can go" had been read as an add now, the hold after it no help)
    first = vendor(
        "Validation passed. The verification token on ofsted.gov.uk can go:\n\n"
        f'ofsted.gov.uk TXT "{TOKEN}"\n',
        1,
    )
    hold = vendor(
        "Sorry, my mistake - please don't delete the GlobalSign TXT yet. Remove it only after "
        "I confirm the new certificate has been issued.",
        2,
    )
    assert _timed(conversation(first, hold)) == [
        ("delete", "ofsted.gov.uk.", "TXT", "after_issuance")
    ]


def test_the_caa_set_as_it_looks_today_is_observed_not_asked_for() -> None:
    # ("Looking at the apex CAA set today:" over the set had made every entry an add)
    ticket = _text(
        "Looking at your gov.uk CAA records this morning:\n\n"
        'gov.uk.  3600  IN  CAA  0 issue "sectigo.com"\n'
        'gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n\n'
        "The sectigo.com line is from a certificate we retired, so it is no longer needed and "
        "can be removed. Please keep the Let's Encrypt one.\n"
    )
    got = read(ticket)
    assert [(c.action, c.value) for c in got.changes] == [("delete", '0 issue "sectigo.com"')]
    assert {o.value for o in got.observed} == {'0 issue "sectigo.com"', '0 issue "letsencrypt.org"'}


def test_each_record_under_a_lettered_removal_keeps_its_verb() -> None:
    # ("(b) add X" above "(c) … remove the old tokens:" and two records: the second had been
    # read without (c)'s verb, as an add now)
    ticket = _text(
        "Could you please:\n\n"
        "(1) add  _acme-challenge.defra.gov.uk  CNAME  p3k9w2m7x4q8z1v6b5n0.fastly-validations.com\n"
        "(2) once the new certificate has been issued, delete the old GlobalSign tokens:\n"
        f"    defra.gov.uk      TXT  {TOKEN}\n"
        f"    www.defra.gov.uk  TXT  {OLD_TOKEN}\n"
    )
    assert _timed(ticket) == [
        ("add", "_acme-challenge.defra.gov.uk.", "CNAME", "now"),
        ("delete", "defra.gov.uk.", "TXT", "after_issuance"),
        ("delete", "www.defra.gov.uk.", "TXT", "after_issuance"),
    ]


_HELD = vendor(
    "Please remove these two old tokens, but only after the new certificate has been issued:\n"
    f"defra.gov.uk TXT {TOKEN}\n"
    f"www.defra.gov.uk TXT {OLD_TOKEN}\n",
    1,
)


def test_removals_held_for_issuance_are_due_once_the_certificate_is_reported_issued() -> None:
    # (the removals had stayed "after issuance" when the vendor said the certificate was out
    # and asked for them)
    for words in (
        "The new cert has been issued, so you can go ahead and delete the old tokens now.",
        "GlobalSign has issued the renewed certificate. The two old TXT records can be removed.",
        "Certificate was issued at 07:10 today, so the removals are now due.",
    ):
        ticket = conversation(_HELD, us("Noted, holding them.", 2), vendor(words, 3))
        assert _timed(ticket) == [
            ("delete", "defra.gov.uk.", "TXT", "now"),
            ("delete", "www.defra.gov.uk.", "TXT", "now"),
        ], words
        assert not _warned(ticket), words
    # (never when the report says something still waits)
    words = "The certificate for www has been issued; the apex one is still pending, remove later."
    ticket = conversation(_HELD, vendor(words, 2))
    assert {when for *_, when in _timed(ticket)} == {"after_issuance"}


def test_a_wrong_token_published_is_updated_to_the_one_asked_for() -> None:
    # ("That record needs changing to the value from my first message" after our dig of last
    # year's token had left an add of a second TXT)
    ask = vendor(f"Please publish this TXT record at the apex of dfe.gov.uk:\n\n{TOKEN}\n", 1)
    dig = us(f'Done, this is what we see:\n\n$ dig +short TXT dfe.gov.uk\n"{OLD_TOKEN}"\n', 2)
    for words in (
        "That's last year's token. The TXT you added has to be updated to the new value.",
        "That's the old one. Please just overwrite it with the token from my first message.",
    ):
        ticket = conversation(ask, dig, vendor(words, 3))
        assert changes(ticket) == [("update", "dfe.gov.uk.", "TXT", TOKEN, OLD_TOKEN)], words
    # (never when the overwrite is refused)
    words = "Please don't overwrite it - add the new one as a second record alongside."
    got = changes(conversation(ask, dig, vendor(words, 3)))
    assert [c[0] for c in got] == ["add"]


def test_one_of_several_removals_kept_by_its_label_is_withdrawn() -> None:
    # ("Please leave the content-publisher one exactly where it is!" had left its delete in)
    ask = vendor(
        "These challenge CNAMEs are orphaned, could you delete them?\n\n"
        "- _acme-challenge.find-a-court.service.gov.uk -> a8k2m5x9w3q7z1v4.fastly-validations.com\n"
        "- _acme-challenge.pay-fees.service.gov.uk -> n6b3c9d2f5g8h1j4.fastly-validations.com\n",
        1,
    )
    query = us("pay-fees is still live, are you sure?", 2)
    keep = vendor("You're right, sorry! Don't remove the pay-fees record, it is still used.", 3)
    got = read(conversation(ask, query, keep))
    assert [(c.action, c.name) for c in got.changes] == [
        ("delete", "_acme-challenge.find-a-court.service.gov.uk.")
    ]
    assert "retracted" in codes(conversation(ask, query, keep))
    assert "_acme-challenge.pay-fees.service.gov.uk." in {o.name for o in got.observed}


def test_an_overwrite_said_only_if_the_record_is_published_keeps_the_correction_an_add() -> None:
    # ("If you have already published the old value, just overwrite it with the one above" had
    # made the corrected CNAME an update of a value nothing showed published, silently)
    first = (
        "_acme-challenge.admin.forms.service.gov.uk CNAME p8rsku8mvqhgwjenu4.fastly-validations.com"
    )
    fixed = (
        "_acme-challenge.admin.forms.service.gov.uk CNAME 53l9nnhvvc9in9f3ui.fastly-validations.com"
    )
    ask = vendor(f"Please add:\n\n{first}\n", 1)
    raised = us("Thanks, we've raised it with the team that owns the zone.", 2)
    for words in (
        "If you have already published the old value, just overwrite it with the one above.",
        "In case you've added it already, overwrite it with this one.",
    ):
        ticket = conversation(
            ask, raised, vendor(f"Correction, please use:\n\n{fixed}\n\n{words}", 3)
        )
        assert changes(ticket) == [
            (
                "add",
                "_acme-challenge.admin.forms.service.gov.uk.",
                "CNAME",
                "53l9nnhvvc9in9f3ui.fastly-validations.com.",
                None,
            )
        ], words
        assert "superseded" in codes(ticket)
