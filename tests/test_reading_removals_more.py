"""Removals said in other words: records named by their data alone under a request to delete
them, removals put off to a cut-over, a kept record beside a removed one, and a removal of
"one of them" that never says which."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import us, vendor

CAA_SET = (
    'dvla.gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n'
    'dvla.gov.uk.  3600  IN  CAA  0 issue "sectigo.com"\n'
    'dvla.gov.uk.  3600  IN  CAA  0 issuewild "sectigo.com"\n'
)


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def _read(ticket: Ticket) -> list[tuple[str, str, str, str | None, str]]:
    return sorted((c.action, c.name, c.type, c.value, c.when) for c in read(ticket).changes)


def test_caa_data_without_a_name_under_a_removal_is_the_published_record() -> None:
    # ("CAA 0 issue comodoca.com" under "delete below 2 records": the dig above had been read
    # as three adds, and the two removals not at all, silently)
    ticket = _text(
        "At this moment the CAA set of dvla.gov.uk is as following:\n\n"
        f"{CAA_SET}\n"
        "Sectigo is not used anymore. Kindly remove these 2 entries:\n\n"
        "  - CAA 0 issue sectigo.com\n"
        "  - CAA 0 issuewild sectigo.com\n\n"
        "The letsencrypt.org one must stay.\n"
    )
    assert _read(ticket) == [
        ("delete", "dvla.gov.uk.", "CAA", '0 issue "sectigo.com"', "now"),
        ("delete", "dvla.gov.uk.", "CAA", '0 issuewild "sectigo.com"', "now"),
    ]


def test_caa_data_alone_under_a_removal_is_the_published_record() -> None:
    # ("0 issuewild sectigo.com" with no type word had been left unread)
    ticket = _text(
        "We currently see these on dvla.gov.uk:\n\n"
        f"{CAA_SET}\n"
        "Please delete:\n"
        "0 issue sectigo.com\n"
        "0 issuewild sectigo.com\n"
    )
    assert _read(ticket) == [
        ("delete", "dvla.gov.uk.", "CAA", '0 issue "sectigo.com"', "now"),
        ("delete", "dvla.gov.uk.", "CAA", '0 issuewild "sectigo.com"', "now"),
    ]


def test_txt_data_without_a_name_under_a_later_removal_waits_for_issuance() -> None:
    # (the two published TXT records had been read as adds, silently)
    token = "globalsign-domain-verification=Hq3Zt8mW2nR5vK9pX1cL7bJ4dF6gS0yTuA2eE5rN1o"
    ticket = _text(
        "Hello,\n\nAt this moment dvla.gov.uk has these TXT records:\n\n"
        f'dvla.gov.uk. 300 IN TXT "{token}"\n'
        'dvla.gov.uk. 300 IN TXT "v=spf1 include:_spf.google.com -all"\n\n'
        "After the new certificate is issued please remove only this one:\n\n"
        f"    TXT {token}\n"
    )
    assert _read(ticket) == [("delete", "dvla.gov.uk.", "TXT", token, "after_issuance")]


def test_data_without_a_name_matching_no_published_record_is_never_guessed() -> None:
    # (no record shown: the owner is not guessed, the removal is flagged for a person)
    got = read(_text("Please delete the following from dvla.gov.uk:\n\nCAA 0 issue sectigo.com\n"))
    assert not got.changes or {f.severity for f in got.flags} & {"warn", "block"}


ACM = (
    "_5d1c0a9e3b7f4c2d8e6a1b0c9d8e7f6a.apply-for-a-licence.service.gov.uk.  CNAME  "
    "_0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e.xqzvhtlkmp.acm-validations.aws."
)


def test_a_removal_once_the_service_is_cut_over_waits() -> None:
    # ("Once the service is fully cut over to Fastly …, it can be removed": "cut over" in two
    # words had been no time at all, and the delete drafted for now, silently)
    for lead in (
        "Once the service has been cut over to Fastly, the ACM record below can be removed:",
        "When traffic is switched over to us and looks healthy, please delete this record:",
        "After we cut over on Thursday, remove the CloudFront validation record:",
    ):
        ticket = _text(f"Hello,\n\n{lead}\n\n{ACM}\n\nThanks\n")
        assert [(c.action, c.when) for c in read(ticket).changes] == [
            ("delete", "after_issuance")
        ], lead


OLD_TOKEN = "globalsign-domain-verification=Wq7Ls2Xk9Vb4Nm1Pz8Rt5Yc3Hd6Jf0Ga-Ue2Io4Kl7M"
LIVE_TOKEN = "globalsign-domain-verification=Bt5Ry8Qw2Ez6Xc9Vn3Mk1Lp4Hj7Gf0Da-So2Ui4Yt6N"


def _tokens_asked(answer: str) -> list[tuple[str, str, str]]:
    ticket = Ticket(
        id="1",
        subject="dvla.gov.uk token clean-up",
        comments=(
            vendor(
                "Hi,\n\nThe renewal for dvla.gov.uk is ordered. When it is installed, the old "
                "GlobalSign token on dvla.gov.uk can be deleted.\n\nRegards",
                1,
            ),
            us(
                "Hi,\n\nWe have two on the apex right now:\n\n$ dig +short TXT dvla.gov.uk\n"
                f'"{OLD_TOKEN}"\n"{LIVE_TOKEN}"\n\nWhich one goes?',
                2,
            ),
            vendor(answer, 3),
        ),
    )
    return [(c.action, c.value or "", c.when) for c in read(ticket).changes]


def test_the_token_a_later_sentence_keeps_is_not_removed_with_the_other() -> None:
    # ("… then delete only the muYi... token. The OfxH... one please keep": both tokens had
    # been deleted, silently)
    for answer in (
        "Right. After the certificate is installed please delete only the Wq7L... token. "
        "The Bt5R... one must stay, we use it for the next renewal.",
        "Yes. Once the new cert is live remove the Wq7L... token and keep Bt5R... as it is.",
        "Correct: after the renewal is installed delete Wq7Ls2Xk9Vb4Nm1Pz8Rt5Yc3Hd6Jf0Ga-Ue2Io4Kl7M."
        " Bt5Ry8Qw... is still needed.",
    ):
        assert _tokens_asked(answer) == [("delete", OLD_TOKEN, "after_issuance")], answer


def test_a_name_without_data_in_a_list_of_removals_is_removed_too() -> None:
    # ("  _acme-challenge.old-draft.x (not sure what it points at now …)" under "can you drop
    # them:" and two records: that third removal had been lost, silently)
    ticket = _text(
        "These hosts left our platform last month, please remove their challenge records:\n\n"
        "  _acme-challenge.beta.dvla.gov.uk      -> p2x8k4m6n1q9r3t5v7.fastly-validations.com\n"
        "  _acme-challenge.preview.dvla.gov.uk   (no idea what it points at these days)\n"
        "  _acme-challenge.staging.dvla.gov.uk   -> h5j7l9n2p4r6t8v1x3.fastly-validations.com\n\n"
        "Thanks!\n"
    )
    assert [(c.action, c.name, c.type, c.value) for c in read(ticket).changes] == [
        (
            "delete",
            "_acme-challenge.beta.dvla.gov.uk.",
            "CNAME",
            "p2x8k4m6n1q9r3t5v7.fastly-validations.com.",
        ),
        ("delete", "_acme-challenge.preview.dvla.gov.uk.", "CNAME", None),
        (
            "delete",
            "_acme-challenge.staging.dvla.gov.uk.",
            "CNAME",
            "h5j7l9n2p4r6t8v1x3.fastly-validations.com.",
        ),
    ]


def test_records_not_to_be_touched_because_they_are_live_are_shown_as_published() -> None:
    # ("please DON'T touch these two, they're live and in use:" had been two adds refused)
    ticket = _text(
        "Please delete the stale CNAME at _acme-challenge.beta.dvla.gov.uk.\n\n"
        "Do not touch these ones - they are still in use:\n"
        "  _acme-challenge.dvla.gov.uk -> w3e5r7t9y1u2i4o6p8.fastly-validations.com\n"
    )
    got = read(ticket)
    assert [(c.action, c.name) for c in got.changes] == [
        ("delete", "_acme-challenge.beta.dvla.gov.uk.")
    ]
    assert [(o.name, o.value) for o in got.observed] == [
        ("_acme-challenge.dvla.gov.uk.", "w3e5r7t9y1u2i4o6p8.fastly-validations.com.")
    ]


def _paused(answer: str) -> list[tuple[str, str, str]]:
    """A removal asked, our question of which record, and the vendor's answer."""
    ticket = Ticket(
        id="1",
        subject="Stale challenge record - dvla.gov.uk",
        comments=(
            vendor("Hello,\n\nPlease delete the stale _acme-challenge CNAME for dvla.gov.uk.\n", 1),
            us(
                "Hi, which one? We have two:\n\n$ dig +short CNAME _acme-challenge.dvla.gov.uk\n"
                "k8d2m4p6r1t3v5x7z9.fastly-validations.com.\n"
                "$ dig +short CNAME _acme-challenge.www.dvla.gov.uk\n"
                "b2c4e6g8j1l3n5q7s9.fastly-validations.com.\n",
                2,
            ),
            vendor(answer, 3),
        ),
    )
    got = read(ticket)
    return [(c.action, c.name, c.when) for c in got.changes] + [
        ("flag", f.code, f.severity) for f in got.flags if f.code == "ambiguous_request"
    ]


def test_a_removal_put_on_hold_while_the_vendor_checks_is_not_drafted() -> None:
    # ("I think it's the apex one … Actually, hold on: … Let me check with our TLS team and
    # come back to you": the apex CNAME's delete had been drafted, silently)
    held = [("flag", "ambiguous_request", "block")]
    for answer in (
        "Probably the apex one. Hang on though - the redirect certificate may still use it. "
        "I'll check with the certificates team and get back to you.",
        "Please don't delete anything yet, I need to double-check which one is stale.",
        "Hmm, good question. Please wait - let me confirm with TLS ops which of the two it is.",
    ):
        assert _paused(answer) == held, answer
    # (a removal held until the certificate is issued still waits for it, as before)
    later = "Please hold off on removing it until the new certificate has been issued."
    assert _paused(later) == [("delete", "_acme-challenge.dvla.gov.uk.", "after_issuance")]
