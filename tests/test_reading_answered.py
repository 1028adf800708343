"""GOV.UK asks, the Fastly agent answers: the answer decides what is drafted."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import _text, conversation, us, vendor

CNAME_60 = vendor(
    "To validate the renewal please create:\n\n"
    "_acme-challenge.apply.service.gov.uk. 60 IN CNAME kq3v8mzt0wdl5xpbyhrf.fastly-validations.com."
    "\n\nThanks",
    1,
)


def _ttls(ticket: Ticket) -> list[int | None]:
    return [c.ttl for c in read(ticket).changes]


def test_the_ttl_said_not_to_be_needed_gives_way_to_the_one_the_answer_gives() -> None:
    """("60 not required. 300 is fine" to our "Is 60 required?" kept the 60, silently)"""
    for question, answer, ttl in [
        ("Is the TTL of 60 actually required? We'd prefer 300.", "60 not required. Use 300.", 300),
        ("Does the TTL have to be 60? Our minimum is 300.", "60 isn't needed, 300 is fine.", 300),
        ("Is a 60 second TTL really needed?", "The 60 isn't required - please go with 300.", 300),
        ("Do you need the TTL to be 60? We use 3600.", "TTL 60 not necessary; 3600 is fine.", 3600),
        ("Is the TTL of 60 actually required?", "60 is not needed, any TTL is fine.", None),
    ]:
        ticket = conversation(CNAME_60, us(question, 2), vendor(f"Hi Tom,\n\n{answer}\n\nK", 3))
        assert _ttls(ticket) == [ttl], answer
    # (a yes keeps it)
    asked = us("Is the TTL of 60 actually required?", 2)
    assert _ttls(conversation(CNAME_60, asked, vendor("Yes, 60 is required.", 3))) == [60]


BARE_CHALLENGE = vendor(
    "For the renewal please add a CNAME for _acme-challenge pointing at "
    "r7tq2mvx9kzp4wl0sd.fastly-validations.com.\n\nThanks",
    1,
)
WHERE = us(
    "Before I do this: should the CNAME go at _acme-challenge.ofqual.gov.uk or at "
    "_acme-challenge.www.ofqual.gov.uk? The certificate covers both.",
    2,
)


def test_a_yes_to_our_either_or_question_drafts_neither_name() -> None:
    """("Yes please." to our "at X or at Y?" drafted the record at the first name, silently)"""
    for answer in ["Yes please.\n\nThanks", "Sure, go ahead.", "Yep, that one.", "Correct."]:
        ticket = Ticket(
            id="1",
            subject="Renewal - ofqual.gov.uk",
            comments=(BARE_CHALLENGE, WHERE, vendor(answer, 3)),
        )
        got = read(ticket)
        assert got.changes == (), answer
        assert "ambiguous_request" in [f.code for f in got.flags], answer


def test_a_yes_then_the_name_it_picks_moves_the_record_there() -> None:
    """("Yes - the www one please." left the record at the apex, silently)"""
    for answer in ["Yes - the www one please.", "Yes please. The www one.", "Sure, www."]:
        ticket = Ticket(
            id="1",
            subject="Renewal - ofqual.gov.uk",
            comments=(BARE_CHALLENGE, WHERE, vendor(answer, 3)),
        )
        got = read(ticket).changes
        assert [c.name for c in got] == ["_acme-challenge.www.ofqual.gov.uk."], answer


def test_both_names_to_our_either_or_question_is_held_for_a_person() -> None:
    """("Both please." to our "at X or at Y?" drafted one record, silently)"""
    for answer in ["Both please.", "The apex and www, thanks."]:
        ticket = Ticket(
            id="1",
            subject="Renewal - ofqual.gov.uk",
            comments=(BARE_CHALLENGE, WHERE, vendor(answer, 3)),
        )
        assert "ambiguous_request" in [f.code for f in read(ticket).flags], answer


CAA_ASK = vendor(
    "We are moving ofsted.gov.uk to Certainly. Please add, if it isn't there already:\n\n"
    'ofsted.gov.uk. CAA 0 issue "certainly.com"\n',
    1,
)
CAA_SHOWN = us(
    "certainly.com is there already. The CAA set on ofsted.gov.uk right now:\n\n"
    'ofsted.gov.uk.  3600  IN  CAA  0 issue "digicert.com"\n'
    'ofsted.gov.uk.  3600  IN  CAA  0 issue "certainly.com"\n'
    'ofsted.gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n\n'
    "Can the old digicert.com entry be removed now?",
    2,
)


def test_a_yes_to_removing_the_ca_our_question_names_removes_that_entry() -> None:
    """("Yes, digicert.com can come out, but only after …" to our question under three CAA
    entries removed nothing, and the add of the one shown there stayed, silently)"""
    for answer, when in [
        (
            "Thanks - the certainly.com record is all we needed, nothing to add.\n\n"
            "Yes, digicert.com can come out, but only once the new certificate is live.",
            "after_issuance",
        ),
        (
            "As certainly.com is already in the set, there is nothing to add.\n\n"
            "Yes, digicert.com can go now.",
            "now",
        ),
    ]:
        got = read(conversation(CAA_ASK, CAA_SHOWN, vendor(answer, 3))).changes
        assert [(c.action, c.value, c.when) for c in got] == [
            ("delete", '0 issue "digicert.com"', when)
        ], answer


def _reply_over_the_thread(reply: str) -> Ticket:
    return _text(
        f"Hi Sam,\n\n{reply}\n\nBen\nFastly Support\n\n"
        "> On 24 Oct 2025, at 10:14, Sam Okafor <sam.okafor@digital.cabinet-office.gov.uk> wrote:\n"
        ">\n> Hi Ben,\n>\n> Is the 3600 TTL required? Our zone sets one TTL for every record.\n"
        ">\n> Sam\n>\n"
        ">> On 23 Oct 2025, at 17:40, Ben Castellano <support@fastly.zendesk.com> wrote:\n"
        ">>\n>> Could you add the following, please:\n>>\n"
        ">> _acme-challenge.apply.service.gov.uk.  3600  IN  CNAME  "
        "k2v9wq7zr4mxt1pl0s.fastly-validations.com.\n>>\n>> Ben\n"
    )


def test_the_earlier_record_said_to_stand_without_its_ttl_is_asked_without_it() -> None:
    """("same name and target as before, just drop the TTL bit" read no record at all)"""
    for reply in [
        "Nope, not required! So same name and target as before, just drop the TTL bit.",
        "No. Same record as in my first mail - whatever TTL your zone uses is fine.",
        "Not needed. The CNAME itself is unchanged; drop the TTL line.",
    ]:
        got = read(_reply_over_the_thread(reply)).changes
        assert [(c.action, c.value, c.ttl) for c in got] == [
            ("add", "k2v9wq7zr4mxt1pl0s.fastly-validations.com.", None)
        ], reply


def test_a_request_for_this_record_reads_the_value_under_it() -> None:
    """("Could you add this TXT record at the apex of gov.uk for me?" over the token read no
    record, only an unread value)"""
    token = "globalsign-domain-verification=Hq7Rt2Vx9Kp4Lm8Nw3Zc6Bd1Fg5Js0Ya"
    for lead in [
        "Could you add this TXT record at the apex of ofgem.gov.uk for me?",
        "Please add this TXT record at ofgem.gov.uk.",
        "Can you publish the following TXT at ofgem.gov.uk?",
    ]:
        got = read(conversation(vendor(f"Hi,\n\n{lead}\n\n{token}\n\nThanks", 1))).changes
        assert [(c.action, c.name, c.value) for c in got] == [("add", "ofgem.gov.uk.", token)], lead


def test_the_row_a_status_table_shows_missing_is_still_to_add() -> None:
    """("Pending - record not found" in a status table was read as published, silently left
    out; "only the assets one is outstanding" then set it aside)"""
    asked = us("We've added all three. Which, if any, are still outstanding?", 2)
    for status, after in [
        ("Pending - record not found", "So only the assets one is outstanding."),
        ("Missing", "Could you add the missing one?"),
        ("NXDOMAIN", "Everything else is done."),
    ]:
        table = vendor(
            "Here's where they stand this morning:\n\n"
            "| Domain | Challenge record | Status |\n|---|---|---|\n"
            "| www.ofwat.gov.uk | _acme-challenge.www.ofwat.gov.uk CNAME "
            "p3kq8v2m7xz1lw5tn9.fastly-validations.com | Validated |\n"
            "| assets.ofwat.gov.uk | _acme-challenge.assets.ofwat.gov.uk CNAME "
            f"h6rt0y4u8i2o5pa1sd.fastly-validations.com | {status} |\n\n{after}\n",
            3,
        )
        got = read(conversation(asked, table)).changes
        assert [(c.action, c.name) for c in got] == [
            ("add", "_acme-challenge.assets.ofwat.gov.uk.")
        ], status
