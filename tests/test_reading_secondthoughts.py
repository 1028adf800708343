"""The vendor thinking again: a CAA tag corrected, a record skipped, a value taken back in the
same message, a removal withdrawn below it, a record said to be a mistake."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import changes, codes, conversation, us, vendor

CAA_ASK = vendor(
    "Hello,\n\nFor the wildcard on *.digital.gov.uk (moving to Certainly) please add:\n\n"
    'digital.gov.uk.  CAA  0 issue "certainly.com"\n'
    "_acme-challenge.digital.gov.uk.  CNAME  w8q2lmx0ty7ucv3rbn5k.fastly-validations.com.\n\n"
    "Thanks,\nFastly Support",
    1,
)


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def _caas(ticket: Ticket) -> list[str | None]:
    return sorted(value for _, _, rdtype, value, _ in changes(ticket) if rdtype == "CAA")


def test_a_caa_tag_corrected_replaces_the_record_of_the_wrong_tag() -> None:
    """(the issue record stood beside the issuewild one that corrects it, with no flag)"""
    for reply in [
        "Sorry, my mistake: that should have been issuewild rather than issue, since it's the "
        'wildcard. Please add this one:\n\ndigital.gov.uk.  CAA  0 issuewild "certainly.com"',
        "Quick fix - it needs to be an issuewild, not an issue:\n\n"
        'digital.gov.uk. CAA 0 issuewild "certainly.com"\n\nThe CNAME stays as it was.',
        'Instead of the issue line, please publish:\ndigital.gov.uk. CAA 0 issuewild "certainly.com"',
        "Could you change the issue record to issuewild? i.e.\n"
        'digital.gov.uk. CAA 0 issuewild "certainly.com"',
    ]:
        ticket = conversation(CAA_ASK, vendor(reply, 2))
        assert _caas(ticket) == ['0 issuewild "certainly.com"'], reply
        assert "superseded" in codes(ticket), reply
    # (never both tags asked for together, nor "the issue" of plain English)
    both = (
        "Please add both of these - the wildcard needs issuewild as well as issue:\n\n"
        'digital.gov.uk. CAA 0 issue "certainly.com"\n'
        'digital.gov.uk. CAA 0 issuewild "certainly.com"\n'
    )
    assert len(_caas(_text(both))) == 2
    ticket = conversation(CAA_ASK, us("Done.", 2), vendor("Thanks, the issue is resolved.", 3))
    assert _caas(ticket) == ['0 issue "certainly.com"']


def test_a_caa_tag_corrected_in_words_alone_retags_the_one_record() -> None:
    """(the issue record stood, the correction in words unread)"""
    ticket = conversation(
        CAA_ASK,
        vendor("Apologies, the CAA should be issuewild, not issue. Nothing else changes.", 2),
    )
    assert _caas(ticket) == ['0 issuewild "certainly.com"']
    assert "superseded" in codes(ticket)


CAA_SET = vendor(
    "Hi,\n\nPlease lock down the apex with these:\n\n"
    'gov.uk. CAA 0 issue "letsencrypt.org"\n'
    'gov.uk. CAA 0 issuewild "certainly.com"\n'
    'gov.uk. CAA 0 iodef "mailto:caa-reports@fastly.com"\n\n'
    "Fastly Support",
    1,
)


def test_a_tag_skipped_by_its_name_alone_is_withdrawn() -> None:
    """(the iodef, named without "line" or "record" after it, was still drafted, no flag)"""
    for reply in [
        "Fair point - skip the iodef, nobody reads those reports.",
        "We don't need the iodef. The other two please.",
        "No need for the iodef, sorry for the noise.",
        "Please leave out the iodef entirely.",
        "Actually the iodef isn't needed; just the two issue ones.",
    ]:
        ticket = conversation(CAA_SET, us("Do you need the iodef one too?", 2), vendor(reply, 3))
        assert [v for v in _caas(ticket) if "iodef" in str(v)] == [], reply
        assert len(_caas(ticket)) == 2, reply
        assert "retracted" in codes(ticket), reply
    # ("skip the issue" is English, not a CAA tag: nothing withdrawn)
    ticket = conversation(CAA_SET, vendor("Let's skip the issue of timing, any day is fine.", 2))
    assert len(_caas(ticket)) == 3


def _given_then_corrected(words: str, rdtype: str = "CNAME") -> Ticket:
    first, second = (
        ("p3k8s0vxq2mzl7wd9a.fastly-validations.com", "h6tr2bn0yq8wlx4c1e.fastly-validations.com")
        if rdtype == "CNAME"
        else ('0 issue "sectigo.com"', '0 issue "certainly.com"')
    )
    name = "_acme-challenge.www.dvla.gov.uk" if rdtype == "CNAME" else "dvla.gov.uk"
    return _text(
        "Hi,\n\nfor the new cert on www.dvla.gov.uk please add:\n\n"
        f"{name} {rdtype} {first}\n\n{words}\n\n{name} {rdtype} {second}\n\n"
        "thanks\nFastly Support\n"
    )


def test_a_value_taken_back_in_the_same_message_gives_way_to_the_next() -> None:
    """(both were drafted and flagged ambiguous, or the right one refused: "ignore it" before
    "The live one is:" read as refusing the record below)"""
    for words in [
        "wait, no, that's the one for the test environment, ignore it. The live one is:",
        "scratch that - wrong token. Use this:",
        "oops, not that one! The right value is:",
        "Sorry, mis-pasted. The correct target is as below:",
        "hmm, ignore that. should be:",
    ]:
        ticket = _given_then_corrected(words)
        assert [c[3] for c in changes(ticket)] == ["h6tr2bn0yq8wlx4c1e.fastly-validations.com."], (
            words
        )
        assert "superseded" in codes(ticket), words
    ticket = _given_then_corrected("Oops, wrong CA, my mistake. It should be:", "CAA")
    assert _caas(ticket) == ['0 issue "certainly.com"']
    # ("sorry" alone takes nothing back: a second token is a second record)
    text = (
        "Hi,\n\nplease add this TXT:\n\ngov.uk TXT globalsign-domain-verification=AAAAbbbbCCCC11\n\n"
        "Sorry, there is a second token too:\n\n"
        "gov.uk TXT globalsign-domain-verification=ZZZZyyyyXXXX22\n\nFastly Support\n"
    )
    assert len(changes(_text(text))) == 2


def _add_and_remove(afterthought: str) -> Ticket:
    return _text(
        "Hi both,\n\nFor the renewal please add a CAA record allowing GlobalSign:\n\n"
        'hmrc.gov.uk.  CAA  0 issue "globalsign.com"\n\n'
        'You can also remove the existing hmrc.gov.uk. CAA 0 issue "digicert.com" and the old '
        "token hmrc.gov.uk. TXT globalsign-domain-verification=Qw3rTy7uIoP9aSdF2gHjK4lZ\n\n"
        f"{afterthought}\n\nThanks,\nFemi\nFastly"
    )


def _deletes(ticket: Ticket) -> list[str | None]:
    return sorted(value for action, _, _, value, _ in changes(ticket) if action == "delete")


def test_a_removal_taken_back_below_it_in_the_same_mail_is_left_out() -> None:
    """(the delete stood: the afterthought below it in the same mail was not read)"""
    for afterthought, kept in [
        ("Edit before sending: on second thoughts, leave the DigiCert one alone.", "digicert"),
        ("Actually, keep the digicert.com line - MoJ still use it elsewhere.", "digicert"),
        ("Correction: don't remove the GlobalSign token, it is still checked.", "globalsign"),
        ("Wait - on second thoughts, don't remove anything.", "*"),
        ("Change of plan: nothing to remove this time, just the add.", "*"),
    ]:
        ticket = _add_and_remove(afterthought)
        assert all(kept not in str(v) for v in _deletes(ticket)) and (
            kept != "*" or not _deletes(ticket)
        ), afterthought
        assert len(_deletes(ticket)) == (0 if kept == "*" else 1), afterthought
        assert "retracted" in codes(ticket), afterthought
        assert read(ticket).observed, afterthought  # (what it would remove is there, and stays)
    # (a removal only put off is still asked for)
    later = _add_and_remove("Actually, leave the DigiCert one until the new cert is out.")
    assert len(_deletes(later)) == 2


TWO_ITEMS = vendor(
    "Hello,\n\nTo renew archive.nhs-digital.gov.uk please add the following:\n\n"
    "1. CNAME record\n   _acme-challenge.archive.nhs-digital.gov.uk -> "
    "r4nd0mq8wlx2c7vbt3.fastly-validations.com\n\n"
    "2. TXT record at nhs-digital.gov.uk\n   globalsign-domain-verification=Zx8cVb7nMq2wEr5tYu1iOp4a\n\n"
    "Fastly Support",
    1,
)


def test_a_record_said_to_be_a_mistake_is_withdrawn() -> None:
    """(the TXT "generated by mistake" was still drafted, with no flag)"""
    for reply in [
        "Correction from engineering: the TXT in item 2 was generated by mistake, please don't "
        "add it. Only the CNAME is needed.",
        "The GlobalSign TXT was raised in error - this name is on Certainly now.",
        "Sorry, the TXT at nhs-digital.gov.uk is a mistake; our tooling added it.",
        "Apologies: the TXT record was requested by mistake.",
    ]:
        ticket = conversation(TWO_ITEMS, vendor(reply, 2))
        assert [c[2] for c in changes(ticket)] == ["CNAME"], reply
        assert "retracted" in codes(ticket), reply
    # (a record of ours said to be in error is no withdrawal of the vendor's request)
    ours = vendor("The TXT you published was added in error to the wrong zone, please move it.", 2)
    assert "TXT" in [c[2] for c in changes(conversation(TWO_ITEMS, ours))]
