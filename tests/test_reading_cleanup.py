"""Progress reports and clean-up: removals said in other words, held and released, records
shown as they stand, a wrong record to put right, one of several removals kept after all."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import changes, conversation, vendor

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
