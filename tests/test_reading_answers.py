"""The vendor answering our questions: "yes", "the first", "not needed", "still remove it"."""

from __future__ import annotations

from bot.models import Comment
from bot.reading import read
from tests.test_reading import _text, changes, conversation, us, vendor

TOKEN = "globalsign-domain-verification=Qm7rT2vX9kLp4sWz8nYc3bHd6fJg1aE5"
REPOINT = vendor(
    "Please repoint the challenge record:\n\n"
    "_acme-challenge.find-a-grant.service.gov.uk CNAME\n"
    "  old: q8w7e6r5t4y3u2i1o0p.fastly-validations.com\n"
    "  new: z1x2c3v4b5n6m7l8k9j.fastly-validations.com\n",
    1,
)
REPOINTED = (
    "update",
    "_acme-challenge.find-a-grant.service.gov.uk.",
    "CNAME",
    "z1x2c3v4b5n6m7l8k9j.fastly-validations.com.",
    "q8w7e6r5t4y3u2i1o0p.fastly-validations.com.",
)
TXT_GONE = ("delete", "find-a-grant.service.gov.uk.", "TXT", TOKEN, None)


def _we_ask(question: str) -> Comment:
    return us(
        "Done. There's also an old GlobalSign record at find-a-grant.service.gov.uk, the TXT "
        f"value is {TOKEN}\n\n{question}\n\nJo",
        2,
    )


def test_a_yes_to_whether_the_record_shown_should_go_removes_it() -> None:
    """("Should that go as well?" was not read as asking to remove: the yes removed nothing)"""
    for question, answer in [
        ("Should that go as well, now you're on Let's Encrypt?", "yes\n\nK."),
        ("Could it also go?", "Yes please."),
        ("OK to bin it?", "Yep."),
        ("Shall we take it out too?", "Yes, thanks."),
        ("Should that record be removed as well?", "yes"),
    ]:
        ticket = conversation(REPOINT, _we_ask(question), vendor(answer, 3))
        assert sorted(changes(ticket)) == sorted([REPOINTED, TXT_GONE]), question

    # (and "Should that go in …?" asks where it goes, not whether)
    ticket = conversation(
        REPOINT, _we_ask("Should that go in the service.gov.uk zone too?"), vendor("Yes.", 3)
    )
    assert changes(ticket) == [REPOINTED]


def _ttls(ticket: object) -> list[int | None]:
    from bot.reading import read

    return [c.ttl for c in read(ticket).changes]  # type: ignore[arg-type]


TXT_300 = vendor(
    "For the renewal please add this at the apex, TTL 300:\n\n"
    "Host:  ofsted.gov.uk\nType:  TXT\nTTL:   300\n"
    "Value: globalsign-domain-verification=Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Jh1Gf0Ed\n",
    1,
)


def test_a_no_to_whether_the_ttl_is_needed_leaves_it_to_us() -> None:
    """("Not needed." to our "Is the 300 TTL needed?" still drafted the record at 300)"""
    for question, answer in [
        ("Is the 300 TTL actually needed, or can we leave it at the default?", "Not needed.\n\nD"),
        ("Do you need the TTL to be 300? We default to 3600.", "No - only the value is checked."),
        ("Does it have to be TTL 300?", "Nope."),
        ("Is the 300 TTL required for validation?", "It isn't, thanks for checking."),
    ]:
        ticket = conversation(TXT_300, us(question, 2), vendor(answer, 3))
        assert _ttls(ticket) == [None], question
    # (a yes keeps it)
    ticket = conversation(TXT_300, us("Is the 300 TTL required?", 2), vendor("Yes please.", 3))
    assert _ttls(ticket) == [300]


def test_the_ttl_said_to_make_no_difference_is_no_request() -> None:
    """("the TTL makes no difference … Leave it at your default." kept the 300)"""
    for answer in [
        "GlobalSign only check the value is there, the TTL makes no difference to them.",
        "Leave it at your default, that's fine.",
        "The TTL is irrelevant for validation.",
        "Stick with your usual TTL.",
    ]:
        ticket = conversation(TXT_300, us("Can we use 3600?", 2), vendor(answer, 3))
        assert _ttls(ticket) == [None], answer


APEX_TOKEN = "globalsign-domain-verification=Ap3xT0k3nAp3xT0k3nAp3xT0k3n1"
WWW_TOKEN = "globalsign-domain-verification=WwwT0k3nWwwT0k3nWwwT0k3nWw22"
TWO_REMOVALS = vendor(
    "Both GlobalSign tokens are redundant now the renewal is on Let's Encrypt. Please remove:\n\n"
    f"  ofgem.gov.uk      TXT  {APEX_TOKEN}\n"
    f"  www.ofgem.gov.uk  TXT  {WWW_TOKEN}\n",
    1,
)
APEX_GONE = ("delete", "ofgem.gov.uk.", "TXT", APEX_TOKEN, None)
WWW_GONE = ("delete", "www.ofgem.gov.uk.", "TXT", WWW_TOKEN, None)


def test_one_removal_said_to_be_gone_leaves_the_other_to_do() -> None:
    """("Confirmed the apex token is gone" had dropped the www removal too, silently)"""
    asked = us("I've taken the apex one out; the www one needs another team. Still needed?", 2)
    for answer, left in [
        (
            "Confirmed the apex token is gone, thanks. Yes, please still remove the www one.",
            WWW_GONE,
        ),
        ("I can see the root TXT has been removed. The www one please, when you can.", WWW_GONE),
        ("The ofgem.gov.uk TXT is gone, thanks. Please still do the www one.", WWW_GONE),
        ("The www TXT is no longer there, thanks - please do the apex one.", APEX_GONE),
    ]:
        assert changes(conversation(TWO_REMOVALS, asked, vendor(answer, 3))) == [left], answer


STRAY_WWW = vendor(
    "apply-for-a-licence.service.gov.uk is now on the Certainly subscription. To validate it, "
    "please add:\n\n_acme-challenge.www.apply-for-a-licence.service.gov.uk CNAME "
    "h7g6f5d4s3a2p1o0i9u.fastly-validations.com\n",
    1,
)
WHICH_NAME = us(
    "There's no www host for this service. Should the CNAME be at "
    "_acme-challenge.apply-for-a-licence.service.gov.uk or at "
    "_acme-challenge.www.apply-for-a-licence.service.gov.uk?",
    2,
)


def test_the_name_our_question_offered_that_the_answer_picks_is_the_one_asked() -> None:
    """("The first one – no www." to our "at X or at Y?" left the record at the www name)"""
    for answer in [
        "The first one – no www. Same target.",
        "First, please - my template added the www.",
        "Without the www, sorry.",
        "Hi Sam, _acme-challenge.apply-for-a-licence.service.gov.uk - the target is unchanged.",
        "The former.",
    ]:
        ticket = conversation(STRAY_WWW, WHICH_NAME, vendor(answer, 3))
        assert [(a, n) for a, n, *_ in changes(ticket)] == [
            ("add", "_acme-challenge.apply-for-a-licence.service.gov.uk.")
        ], answer


def test_our_quoted_reply_saying_a_record_is_added_shows_it_published() -> None:
    # ("Hi Keiko, that's added and visible on all four of our authoritative nameservers:" in
    # our mail quoted under the vendor's had been read as the vendor asking for that record)
    old = 'ons.gov.uk. 3600 IN TXT "globalsign-domain-verification=kDw5mSiMYXiCi73CKG48n6J2cbtQ"'
    for said in (
        "Hi Keiko, that's added and visible on all four of our authoritative nameservers:",
        "That's added now:",
        "It's in and resolving:",
    ):
        text = (
            "Hi Hamza,\n\nThanks, GlobalSign will check it within a few hours.\n\nKeiko\n"
            f"Fastly Support\n\nOn Mon, 20 Oct 2025, Hamza (GOV.UK) wrote:\n\n> {said}\n>\n"
            f"> {old}\n>\n> Hamza\n"
        )
        got = read(_text(text))
        assert not got.changes, said
        assert [o.value for o in got.observed] == [
            "globalsign-domain-verification=kDw5mSiMYXiCi73CKG48n6J2cbtQ"
        ], said


def test_a_token_below_talk_of_a_verification_code_is_never_taken_for_a_files_content() -> None:
    # ("… the re-submitted order has its own verification code. The token for the live order
    # is:" above a GlobalSign value no record was read from: it was not said, silently)
    text = (
        "Sorry, wrong token. The re-submitted order has its own verification code.\n"
        "The token for the live order is:\n\n"
        "globalsign-domain-verification=2eutKVLP6WE2U5VvWEM__AVXOCIyNoLuVSgx-qPt\n\n"
        "Please publish it as a TXT record at the zone apex, as a separate record.\n\nKeiko\nFastly"
    )
    got = read(conversation(vendor(text, 1)))
    tokens = [c.value for c in got.changes]
    said = [f.message for f in got.flags if f.code == "unread_value"]
    right = ["globalsign-domain-verification=2eutKVLP6WE2U5VvWEM__AVXOCIyNoLuVSgx-qPt"]
    assert tokens == right or any("2eutKVLP" in m for m in said), said


def test_a_removal_asked_while_another_record_is_added_is_a_removal() -> None:
    # ("please take it back out while you're adding the CNAME": the removal was read as an add,
    # the TXT it names (only in our quoted mail) left unread, silently)
    for words in (
        "please take it back out while you're adding the CNAME.",
        "please remove it while you are adding the CNAME.",
        "could you take that out again when you're adding the new record?",
    ):
        text = (
            "The globalsign-domain-verification TXT you added on Monday is from last year's "
            f"order, so {words}\n\nAleksander\nFastly Support\n\n"
            "On Tue, 8 Apr 2025 at 09:14, Tom Bright <tom.bright@digital.cabinet-office.gov.uk> wrote:\n"
            "> I've gone ahead and re-added the GlobalSign TXT from last year:\n>\n"
            '>   flood.service.gov.uk. 300 IN TXT "globalsign-domain-verification=ptiDE8J5BZ6Bv4"\n'
        )
        got = read(_text(text))
        deleted = [c for c in got.changes if c.action == "delete"]
        warned = {f.severity for f in got.flags} & {"warn", "block"}
        assert not [c for c in got.changes if c.action == "add" and c.type == "TXT"], words
        assert deleted or warned, words


def test_the_vendors_mail_quoted_below_ours_keeps_its_requests() -> None:
    # (our questions quoted first, the vendor's request quoted below them: only our mail's
    # records are ours; the vendor's had been dropped too, silently)
    text = (
        "Hi Jo,\n\n1) yes, both\n\nCheers\nPavel\n--\nFastly Support\n\n"
        "On Wed, 12 Feb 2025 at 14:06, Jo <jo@digital.cabinet-office.gov.uk> wrote:\n"
        "> 1) Do you need records for both dft.gov.uk and www.dft.gov.uk?\n>\n> Jo\n>\n"
        "> On Wed, 12 Feb 2025 at 11:31, Pavel <support@fastly.com> wrote:\n"
        ">> For the dft.gov.uk certificate renewal please add:\n>>\n"
        ">> _acme-challenge.dft.gov.uk      CNAME  aa3h2vznur49dsc4omn0.fastly-validations.com\n"
        ">> _acme-challenge.www.dft.gov.uk  CNAME  bb6fj3p2tjrv1v72svtx.fastly-validations.com\n"
    )
    got = read(_text(text))
    read_right = {c.name for c in got.changes} == {
        "_acme-challenge.dft.gov.uk.",
        "_acme-challenge.www.dft.gov.uk.",
    }
    said = " ".join(f.message for f in got.flags if f.severity in ("warn", "block"))
    assert read_right or ("aa3h2vznur49dsc4omn0" in said and "bb6fj3p2tjrv1v72svtx" in said)


def _warned(ticket_or_text: object) -> bool:
    got = read(ticket_or_text)  # type: ignore[arg-type]
    return any(f.severity in ("warn", "block") for f in got.flags)


def test_a_record_wrapped_inside_the_sentence_that_removes_it_is_not_an_add() -> None:
    # ("the record" / "_acme-challenge.x CNAME y" / "looks stale to me - please delete it.": the
    # record line, read alone, was drafted as an add; the vendor's later "do NOT remove it"
    # then left that add standing, silently)
    record = (
        "_acme-challenge.docs.example-service.gov.uk CNAME p2k9vmx4tq7wz1lr.fastly-validations.com"
    )
    for above, below in (
        (
            "Separately, while you're in the zone, the record",
            "looks stale to me - please delete it.",
        ),
        ("One more thing: I think the old entry", "is no longer used, so please remove it."),
        ("And could you also get rid of the CNAME", "- it belongs to the old subscription."),
    ):
        ticket = conversation(
            vendor(f"Hi,\n\nThanks for the add earlier.\n\n{above}\n{record}\n{below}\n\nDan", 1)
        )
        assert [c.action for c in read(ticket).changes] == ["delete"], above
        withdrawn = conversation(
            vendor(f"Hi,\n\n{above}\n{record}\n{below}\n\nDan", 1),
            us("Will do this afternoon.", 2),
            vendor("Sorry - please don't remove that CNAME after all, it is still live.", 3),
        )
        assert not [c for c in read(withdrawn).changes if c.action == "add"], above


def test_what_our_resolvers_return_is_published_not_asked_for() -> None:
    # ("For the bare domain our resolvers return" / the old record / "which is last year's
    # target … update it so it points to X": the old value was drafted as an add, silently)
    for said in (
        "For the apex our resolvers return",
        "Our resolvers still return this for the apex",
        "The lookups now show",
    ):
        ticket = conversation(
            vendor(
                f"Please add:\n\n_acme-challenge.example-archive.gov.uk CNAME {NEW_TARGET}\n", 1
            ),
            us("Done this morning.", 2),
            vendor(
                f"{said}\n\n_acme-challenge.example-archive.gov.uk. CNAME {OLD_TARGET}\n\n"
                f"which is last year's target. Could you update it so it points to {NEW_TARGET}?",
                3,
            ),
        )
        got = read(ticket)
        assert OLD_TARGET not in [c.value for c in got.changes if c.action == "add"], said
        assert OLD_TARGET in [o.value for o in got.observed], said


NEW_TARGET = "n3wvq8z2k7m4x1r9t5.fastly-validations.com."
OLD_TARGET = "0ldp4s7y9w2e6u8i3o.fastly-validations.com."


def test_not_yet_to_our_removal_question_is_a_removal_later_never_nothing() -> None:
    # (our "should we remove the globalsign.com CAA now?" answered "Not yet … after that it can
    # come out": no removal read and no flag, silently)
    for answer in (
        'Not yet please. Keep 0 issue "globalsign.com" until the new certificate is issued; '
        "after that it can come out.",
        "Not yet - leave it until the new certificate has been issued.",
        "Not quite yet. Once the new certificate has been issued you can remove it.",
        "No, please wait: it can be removed once the new certificate is live.",
    ):
        ticket = conversation(
            vendor(
                'The zone publishes:\n\nexample-house.gov.uk. CAA 0 issue "globalsign.com"\n'
                'example-house.gov.uk. CAA 0 issue "letsencrypt.org"\n\nPlease add:\n\n'
                'example-house.gov.uk. CAA 0 issue "certainly.com"\n',
                1,
            ),
            us("Adding it today. Should we remove the globalsign.com entry now as well?", 2),
            vendor(answer, 3),
        )
        got = read(ticket)
        deleted = [c for c in got.changes if c.action == "delete"]
        later = deleted and all(c.when == "after_issuance" for c in deleted)
        assert later or _warned(ticket), answer


def test_not_yet_in_a_whole_thread_notification_is_a_removal_later_never_nothing() -> None:
    # (the thread as one notification, newest first: the "not yet" reply read nothing, silently)
    text = (
        "Priya, Fastly Support - 3 Feb 2025, 15:02\n\n"
        "Not yet - please hold off on that until the new certificate is live.\n\n"
        "Sam, GOV.UK Platform - 3 Feb 2025, 12:40\n\n"
        "Added. Can we also take out the globalsign.com entry while we're there?\n\n"
        "Priya, Fastly Support - 3 Feb 2025, 09:15\n\n"
        'Today example-house.gov.uk publishes:\n\nexample-house.gov.uk. CAA 0 issue "globalsign.com"\n\n'
        'Please add:\n\nexample-house.gov.uk. CAA 0 issue "certainly.com"\n'
    )
    got = read(_text(text))
    deleted = [c for c in got.changes if c.action == "delete"]
    assert (deleted and all(c.when == "after_issuance" for c in deleted)) or _warned(_text(text))


def test_a_no_that_gives_another_ttl_sets_it() -> None:
    """("No, but please use 600." to "Is the 300 TTL required?" left the record at 300)"""
    for answer in ["No, but please use 600.", "No - 600 is fine too.", "Nope, but 600 please"]:
        ticket = conversation(TXT_300, us("Is the 300 TTL required?", 2), vendor(answer, 3))
        assert _ttls(ticket) == [600], answer
    # (a no that negates the number gives none: "No, 300 is not needed.")
    ticket = conversation(
        TXT_300, us("Is the 300 TTL required?", 2), vendor("No, 300 is not needed.", 3)
    )
    assert _ttls(ticket) == [None]
