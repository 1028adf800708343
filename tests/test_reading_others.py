"""Other people in the loop: a supplier's own records, a department's own wishes beside the
vendor's mail, a vendor's word on a record someone else published. Small tickets written here."""

from __future__ import annotations

from bot.config import AppConfig
from bot.models import Ticket
from bot.reading import read
from bot.render import to_json
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.test_reading import conversation, us, vendor

ACME = "_acme-challenge.apply-for-a-thing.service.gov.uk."
FASTLY = "qwe12rty34uio56pas.fastly-validations.com."
ACM = (
    "_1a2b3c4d5e6f708192a3b4c5d6e7f809.apply-for-a-thing.service.gov.uk. CNAME "
    "_9f8e7d6c5b4a39281706f5e4d3c2b1a0.xlkjqwerty.acm-validations.aws."
)
ACM_API = (
    "_2a2b3c4d5e6f708192a3b4c5d6e7f809.api.apply-for-a-thing.service.gov.uk. CNAME "
    "_8f8e7d6c5b4a39281706f5e4d3c2b1a0.xlkjqwerty.acm-validations.aws."
)


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def _vendor_asks(ticket: Ticket) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (c.action, c.name, c.value, c.old_value)
        for c in read(ticket).changes
        if c.source is None or c.source.role != "other"
    ]


def test_a_suppliers_records_said_to_be_no_part_of_the_certificate_are_not_asked() -> None:
    # (a supplier's AWS validation CNAMEs shown beside the vendor's one had been drafted)
    after = _text(
        f"Please add this CNAME for the renewal:\n\n{ACME} CNAME {FASTLY}\n\n"
        f"The supplier's mail also listed these:\n\n{ACM}\n{ACM_API}\n\n"
        "Those are unrelated to this renewal - they are for the supplier's own load balancer, "
        "so check with them first.\n\nThanks,\nFastly Support"
    )
    lead_in = _text(
        "Kainos also sent you this one, but it has nothing to do with the Fastly certificate:"
        f"\n\n{ACM}\n\nWhat we need is this one:\n\n{ACME} CNAME {FASTLY}\n\nThanks,\nFastly"
    )
    for ticket in (after, lead_in):
        result = read(ticket)
        assert [(c.action, c.name, c.value) for c in result.changes] == [("add", ACME, FASTLY)]
        assert not [f for f in result.flags if f.severity != "info"]


def test_a_word_on_someone_elses_request_leaves_the_record_above_it_asked() -> None:
    ticket = _text(
        f"The earlier value won't work any more. Please use this one:\n\n{ACME} CNAME {FASTLY}"
        "\n\n(On Deepa's request: that's not something we can action here, as it's not part "
        "of your Fastly certificate.)\n\nSam\nFastly Support"
    )
    assert [c.name for c in read(ticket).changes] == [ACME]


def test_records_said_to_be_there_by_mistake_are_no_count_left_unread() -> None:
    # ("Just so nobody adds them by mistake: those two CNAMEs are …" counted two records asked)
    ticket = _text(
        "So that nobody adds them by mistake: those two CNAMEs are the supplier's own "
        f"validation records.\n\n{ACM}\n{ACM_API}\n\nThey're nothing to do with this "
        f"certificate.\n\nWe only need:\n\n{ACME} CNAME {FASTLY}\n\nThanks,\nFastly Support"
    )
    result = read(ticket)
    assert [c.name for c in result.changes] == [ACME]
    assert [f.code for f in result.flags] == []


_DEPARTMENT_MAIL = (
    "Hello GOV.UK Platform,\n\n{said}. While you're at it, please add a TXT record on "
    "apply-for-a-thing.service.gov.uk with the value MS=ms90817263 for our tenant.\n\n"
    "Cheers,\nAlex Morgan\nPlatform Engineering | DfT\n\n"
    "From: Fastly Support <support@fastly.zendesk.com>\nSent: 3 June 2025 09:12\n"
    "Subject: Domain validation needed\n\nHi Alex,\n\nPlease create this record:\n\n"
    f"Name:  {ACME}\nType:  CNAME\nValue: {FASTLY}\nTTL:   300\n\nRegards,\nTariq\n"
)


def test_a_department_that_got_the_vendors_mail_passes_it_on_with_asks_of_its_own() -> None:
    # (the vendor's CNAME below "Fastly sent us the below" went unread, the TXT drafted)
    for said in (
        "Fastly sent us the below; the zone is yours",
        "We got the below from Fastly this morning",
        "Fastly sent the below to us because we're a contact on the service",
    ):
        ticket = _text(_DEPARTMENT_MAIL.format(said=said))
        result = read(ticket)
        assert [(c.name, c.ttl) for c in result.changes if c.source.role != "other"] == [
            (ACME, 300)
        ], said
        theirs = [c.value for c in result.changes if c.source and c.source.role == "other"]
        assert theirs == ["MS=ms90817263"], said


_REPLY_ABOVE = (
    "Hi Anders,\n\nhostmaster@education.gov.uk is our team's mailbox, so I'll approve it "
    "today.\n\nGOV.UK - {aside}: could you add this TXT at education.gov.uk for our own "
    "GlobalSign account?\n\n"
    '  education.gov.uk.  TXT  "globalsign-domain-verification=Zq9xWv8uT7sR6qP5oN4mL3kJ2"\n\n'
    "Thanks,\nHarriet\nDepartment for Education\n\n"
    "On Mon, 15 Sept 2025 at 17:20, Anders Holm (Fastly Support) "
    "<support@fastly.zendesk.com> wrote:\n"
    "> Hello,\n>\n> We have switched the education.gov.uk renewal to approver email. GlobalSign "
    "have sent the approval request to hostmaster@education.gov.uk, so there is nothing for "
    'GOV.UK to change in DNS.\n>\n> Could whoever reads hostmaster@ click "I Approve"?\n>\n'
    "> Anders\n> Fastly Support\n"
)


def test_a_department_replying_above_the_vendors_mail_asks_as_a_cc_would(app: AppConfig) -> None:
    # (its own GlobalSign TXT had been drafted as the vendor's, and the ticket read as DNS work)
    for aside in ("separate thing, nothing to do with Fastly", "not related to Fastly at all"):
        ticket = _text(_REPLY_ABOVE.format(aside=aside))
        result = read(ticket)
        assert [c.source.role for c in result.changes if c.source] == ["other"], aside
        whole = to_json(triage(ticket, DirectoryZones(app.owners(), app.suffixes), app))
        assert whole["classification"] == "email_validation", aside


_OWN_ASKS_ABOVE = (
    "Hi Ahmed, hi GOV.UK team,\n\nThanks for the heads-up. {lead}\n\n"
    "While you're in the zone we need one of our own records. {aside}:\n\n"
    "census.example-dept.gov.uk  TXT  google-site-verification=Ab3Cd4Ef5Gh6Ij7Kl8Mn9Op0Qr1St2\n\n"
    "Many thanks,\nPriyanka\nDepartment of Examples\n\n"
    "From: Ahmed Karim (Fastly Support) <support@fastly.zendesk.com>\n"
    "Sent: Tuesday, April 15, 2025 8:52 AM\nSubject: Re: certificate renewal\n\n"
    "Hello,\n\nThe certificate is up for renewal. Please add:\n\n"
    f"{ACME}   CNAME   {FASTLY}\n\nBest,\nAhmed\nFastly Support\n"
)


def test_a_department_replying_above_the_vendors_mail_leaves_the_vendors_ask_read() -> None:
    # (with a record of its own above, the vendor's CNAME in the mail below went unread: silent)
    for lead, aside in [
        ("We'll leave the CNAME below with you.", "These are nothing to do with Fastly"),
        ("The record below is yours to add.", "This one is not related to Fastly"),
        ("", "Separate from Fastly"),
    ]:
        result = read(_text(_OWN_ASKS_ABOVE.format(lead=lead, aside=aside)))
        vendors = [(c.action, c.name, c.value) for c in result.changes if c.source.role != "other"]
        assert vendors == [("add", ACME, FASTLY)], aside
        # (the department's own record: shown as theirs, or noted; never the vendor's ask)
        assert all(c.source.role == "other" for c in result.changes if c.type == "TXT"), aside


CAA_FIRST = (
    "For the renewal please add:\n\n"
    f"- {ACME} CNAME {FASTLY}\n"
    '- apply-for-a-thing.service.gov.uk. CAA 0 issue "letsencrypt.org"\n\nRegards,\nSofia'
)


def test_a_request_withdrawn_with_a_removal_verb_is_no_removal() -> None:
    # ("please scrap the CAA I asked for" withdrew the add and was read as a delete of it too)
    for later in (
        "Please scrap the CAA I asked for in my first message, it isn't needed.",
        "Also, please drop the CAA from my earlier message - no CAA is inherited there.",
    ):
        ticket = conversation(vendor(CAA_FIRST, 1), us("Is the CAA needed?", 2), vendor(later, 3))
        result = read(ticket)
        assert [(c.action, c.type) for c in result.changes] == [("add", "CNAME")], later
        assert "retracted" in [f.code for f in result.flags], later
        assert result.observed == (), later


SECTIGO = "_0f1e2d3c4b5a69788796a5b4c3d2e1f0.www.apply-for-a-thing.service.gov.uk."
OLD_TARGET = "11112222333344445555666677778888.aaaabbbbccccddddeeeeffff00001111.comodoca.com."
NEW_TARGET = (
    "11112222333344445555666677778888.aaaabbbbccccddddeeeeffff00001111.x7yt2qpl.sectigo.com."
)


def test_a_corrected_target_for_the_record_in_place_updates_it() -> None:
    # (read as an add of the new target beside the published one, the old value never shown)
    for asked in (
        "Please change the existing CNAME so it reads:",
        "Sorry for the trouble. Could you update the published CNAME to:",
    ):
        ticket = conversation(
            vendor(f"Please create this CNAME:\n\n{SECTIGO}  CNAME  {OLD_TARGET}\n\nThanks", 1),
            us("Done - it is published and resolving.", 2),
            vendor(
                "The record I sent on Monday has the wrong target: Sectigo want the new "
                f"suffix. {asked}\n\n{SECTIGO}  CNAME  {NEW_TARGET}\n\nRadhika",
                3,
            ),
        )
        result = read(ticket)
        assert _vendor_asks(ticket) == [("update", SECTIGO, NEW_TARGET, OLD_TARGET)], asked
        assert [(o.name, o.value) for o in result.observed] == [(SECTIGO, OLD_TARGET)], asked


def test_a_departments_records_led_in_as_nothing_to_do_with_fastly_are_never_asked() -> None:
    # (the department's mail quoted again under a reply: its Google and Azure TXT records had
    # been read as the vendor's, and one drafted)
    body = _OWN_ASKS_ABOVE.format(lead="", aside="These are nothing to do with Fastly")
    quoted = "\n".join(f"> {line}" if line else ">" for line in body.split("\n"))
    ticket = _text(
        "Thanks, forwarding this to our DNS team now.\n\n"
        f"On Mon, 23 Nov 2026 at 10:00, Fastly Support <support@fastly.com> wrote:\n{quoted}\n"
    )
    assert not [c for c in read(ticket).changes if c.type == "TXT"]
