"""Reader behaviour for record layouts and wordings that were misread silently (holdout186-192):
a swap written as a removal and an add, and others below."""

from __future__ import annotations

from bot.models import Comment
from bot.reading import read
from tests.test_reading import _text, changes, codes, conversation, us, vendor

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


GOOGLE = "7c2e91d0-5b3a-4f1e-9d8c-0a6b2e4f8c11.4.authorize.certificatemanager.goog."
FASTLY = "m4x8qz2r7vkp1tn6wd.fastly-validations.com."
CHALLENGE = "_acme-challenge.stats.dfe.gov.uk."


def test_repoint_from_a_named_target_to_a_new_one_is_one_update() -> None:
    """ "Please repoint NAME from OLD to NEW" (no type word) was not read at all."""
    body = f"Please repoint {CHALLENGE.rstrip('.')} from {GOOGLE} to {FASTLY}\n"
    assert _asked(body) == [("update", CHALLENGE, "CNAME", FASTLY, GOOGLE)]


def test_repoint_from_the_google_target_updates_the_record_a_department_showed() -> None:
    """An add asked first, then "repoint NAME from the Google target to NEW" after the
    department showed its Google CNAME there: read as the add, silently (no old value)."""
    department = Comment(
        id=2,
        role="other",
        author="Department cloud team",
        body=(
            "Careful - that name already has the DNS authorization for our Google-managed "
            f"certificate on it:\n\n{CHALLENGE}  CNAME  {GOOGLE}\n"
        ),
    )
    ticket = conversation(
        vendor(f"Please add:\n\n{CHALLENGE}  CNAME  {FASTLY}\n", 1),
        department,
        vendor(
            "Once your per-project authorization is live, could you change "
            f"{CHALLENGE.rstrip('.')} from the Google record to {FASTLY} please?",
            3,
        ),
    )
    vendors = [
        (c.action, c.name, c.type, c.value, c.old_value)
        for c in read(ticket).changes
        if c.source and c.source.role == "vendor"
    ]
    assert vendors == [("update", CHALLENGE, "CNAME", FASTLY, GOOGLE)]


def test_update_from_their_authorization_after_our_dig_of_the_old_target_is_an_update_of_it() -> (
    None
):
    """ "update NAME from their authorization to NEW" to our dig of the Google target was not
    read at all."""
    ticket = conversation(
        us(f"The name already has a CNAME:\n\n$ dig +short CNAME {CHALLENGE}\n{GOOGLE}\n", 1),
        vendor(
            f"Thanks - please update {CHALLENGE.rstrip('.')} from their authorization to "
            f"{FASTLY} once they confirm.",
            2,
        ),
    )
    assert changes(ticket) == [("update", CHALLENGE, "CNAME", FASTLY, GOOGLE)]


def test_an_update_our_dig_then_shows_done_is_settled_by_nothing_further_needed() -> None:
    """Once "update NAME from OLD to NEW" was read, our dig of NEW and the vendor's "issued …
    nothing further needed" had left the update asked for, silently."""
    ticket = conversation(
        vendor(f"Please update {CHALLENGE.rstrip('.')} from {GOOGLE} to {FASTLY}\n", 1),
        us(f"Done:\n\n$ dig +short CNAME {CHALLENGE}\n{FASTLY}\n", 2),
        vendor(
            "Confirmed, it validated and the certificate has been issued. Nothing further needed.",
            3,
        ),
    )
    got = read(ticket)
    assert got.changes == ()
    assert "unread_value" not in [f.code for f in got.flags]


CAA_SET = (
    "$ dig +noall +answer CAA dvla.gov.uk\n"
    'dvla.gov.uk.  3600  IN  CAA  0 issue "digicert.com"\n'
    'dvla.gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n'
)


def _removals(*comments: Comment) -> list[tuple[str, str, str | None, str]]:
    return [(c.name, c.type, c.value, c.when) for c in read(conversation(*comments)).changes]


def test_the_ca_named_caa_entry_is_the_one_of_the_set_we_showed() -> None:
    """ "delete the DigiCert CAA entry" after our dig of a two-value CAA set was dropped,
    silently (the set's values were taken one per name, the DigiCert one lost)."""
    got = _removals(
        us(f"Here is the CAA set as it stands:\n\n{CAA_SET}", 1),
        vendor("Thanks. Please delete the DigiCert CAA entry too, after issuance.", 2),
    )
    assert got == [("dvla.gov.uk.", "CAA", '0 issue "digicert.com"', "after_issuance")]


def test_the_issuer_domain_before_caa_names_the_entry_not_the_owner() -> None:
    """ "remove the digicert.com CAA" was read as a CAA record owned by digicert.com."""
    got = _removals(
        us(f"Here is the CAA set as it stands:\n\n{CAA_SET}", 1),
        vendor("Could you also remove the digicert.com CAA record once the new cert is issued?", 2),
    )
    assert got == [("dvla.gov.uk.", "CAA", '0 issue "digicert.com"', "after_issuance")]


def test_a_yes_to_should_it_go_or_stay_asks_for_the_removal() -> None:
    """ "Yes please, …" to our "Can we remove the digicert.com CAA as well, or should it
    stay?" was read as nothing, silently."""
    got = _removals(
        us(f"Added. The CAA set now reads:\n\n{CAA_SET}", 1),
        us("Can we remove the digicert.com CAA as well, or should it stay?", 2),
        vendor("Yes please, once the new certificate is issued.", 3),
    )
    assert got == [("dvla.gov.uk.", "CAA", '0 issue "digicert.com"', "after_issuance")]


def test_do_not_remove_anything_from_a_named_zone_withdraws_its_removals() -> None:
    """ "please do not remove anything from x.gov.uk's CAA set" was not read as withdrawing
    the removal asked there before (the name's dots ended the words read)."""
    got = _removals(
        vendor(
            "Please remove these two entries:\n\n"
            'dvla.gov.uk.  IN CAA 0 issue "digicert.com"\n'
            'dft.gov.uk.   IN CAA 0 issue "digicert.com"\n',
            1,
        ),
        us("Is dft.gov.uk's one really yours?", 2),
        vendor("No - please do not remove anything from dft.gov.uk's CAA set.", 3),
    )
    assert got == [("dvla.gov.uk.", "CAA", '0 issue "digicert.com"', "now")]


def test_a_removal_our_dig_shows_is_not_there_is_said_before_the_correction() -> None:
    """A removal of a CAA line our dig then showed absent, followed by the vendor's other line
    at that name ("it's the wildcard one I meant"), left both removals asked, silently."""
    got = read(
        conversation(
            vendor('Please remove:\n\ndvla.gov.uk.  IN CAA 0 issue "sectigo.com"\n', 1),
            us(
                "There's no such line:\n\n$ dig +noall +answer CAA dvla.gov.uk\n"
                'dvla.gov.uk.  3600  IN  CAA  0 issuewild "sectigo.com"\n'
                'dvla.gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n',
                2,
            ),
            vendor(
                "Sorry, it's the wildcard one I meant. The line to remove is\n\n"
                'dvla.gov.uk.  IN CAA 0 issuewild "sectigo.com"\n',
                3,
            ),
        )
    )
    right = [c.value for c in got.changes] == ['0 issuewild "sectigo.com"']
    assert right or {f.severity for f in got.flags} & {"warn", "block"}


def test_a_record_said_to_be_needed_after_a_told_past_is_asked_for() -> None:
    # ("… its challenge record was never created. That one we do need:" had shown the record
    # below as published, silently: the past tense of the sentence before won)
    record = "_acme-challenge.www.find-a-grant.service.gov.uk.  CNAME  vbx335yel2fxn92bgum0.fastly-validations.com."
    for lead in (
        "www was added to the subscription last week but its challenge record was never "
        "created. That one we do need:",
        "The apex one is done. This one is still needed:",
        "The apex is validated; we do need this one though:",
    ):
        got = changes(conversation(vendor(f"Hi,\n\n{lead}\n\n{record}\n\nTakeshi\nFastly", 1)))
        assert [(c[0], c[1]) for c in got] == [
            ("add", "_acme-challenge.www.find-a-grant.service.gov.uk.")
        ], lead


def test_a_caa_in_field_form_that_is_not_read_is_said() -> None:
    # (octoDNS's CAA at the apex key '' as flags/tag/value fields had been left out, silently)
    for block in (
        "'':\n  - type: CAA\n    values:\n      - flags: 0\n        tag: issue\n"
        "        value: certainly.com\n",
        '{"": {"type": "CAA", "values": [{\n  "flags": 0,\n  "tag": "issuewild",\n'
        '  "value": "certainly.com"\n}]}}\n',
    ):
        ticket = conversation(vendor(f"Please add this to the zone config:\n\n{block}\nThanks", 1))
        got = read(ticket)
        caa = [c for c in got.changes if c.type == "CAA" and "certainly.com" in (c.value or "")]
        assert caa or "unread_value" in codes(ticket), block


def test_a_record_weighed_or_wondered_about_is_not_asked_for() -> None:
    # ("if we add 0 issue "certainly.com" on its own it would lock out Let's Encrypt" and "I was
    # wondering whether we should also put … CAA 0 issue "certainly.com" in now" had been read
    # as asking for that CAA)
    for words in (
        'publishing.service.gov.uk has no CAA today; if we add 0 issue "certainly.com" on its '
        "own it would lock out Let's Encrypt for every other app under there.",
        "I was wondering whether we should also put publishing.service.gov.uk CAA 0 issue "
        '"certainly.com" in now, in case they move us to Certainly next year. Thoughts?',
    ):
        got = read(conversation(vendor(f"Hi,\n\n{words}\n\nMarek\nFastly", 1)))
        assert not [c for c in got.changes if c.type == "CAA"], words
    polite = (
        "I was wondering if you could add publishing.service.gov.uk CAA 0 issue "
        '"certainly.com" for us.'
    )
    got = read(conversation(vendor(f"Hi,\n\n{polite}\n\nMarek\nFastly", 1)))
    assert [c.action for c in got.changes if c.type == "CAA"] == ["add"]


def test_a_host_the_vendor_is_dropping_withdraws_its_record() -> None:
    # ("UKHSA have asked us to drop data.x from the subscription …, so please ignore the record
    # for data - only the www one is needed now" had left the data CNAME in the draft, silently)
    asked = (
        "Please add:\n\n"
        "_acme-challenge.www.ukhsa.gov.uk CNAME k3v9m2x7q1w8e5r4t6.fastly-validations.com\n"
        "_acme-challenge.data.ukhsa.gov.uk CNAME p0o9i8u7y6t5r4e3w2.fastly-validations.com\n\n"
        "Ines\nFastly"
    )
    for words in (
        "The customer asked us to drop data.ukhsa.gov.uk from the certificate, so the "
        "data record is not wanted.",
        "We're removing data.ukhsa.gov.uk from the order; please don't create its record.",
        "Please ignore the record for data - www is the only one we need.",
        "Please disregard the CNAME for data, www alone is enough.",
    ):
        ticket = conversation(
            vendor(asked, 1), us("Thanks, passing both on.", 2), vendor(f"Hi,\n\n{words}", 3)
        )
        assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.ukhsa.gov.uk."], words
        assert "retracted" in codes(ticket), words


def test_a_host_leaving_the_certificate_keeps_the_delete_of_its_old_record() -> None:
    # (a guard: reading "we are dropping www.x from the certificate" as a withdrawal must not
    # take back the delete of www's old validation record asked for in the next breath; it
    # passes either way, holdout130 13705 in the corpus is the case that told them apart)
    body = (
        "Hi,\n\nPassing on the CA's mail below; please add its TXT record.\n\n"
        "Also: we are removing www.cargo.service.gov.uk from the certificate this year. Its "
        "old record, _dnsauth.www.cargo.service.gov.uk (TXT, value "
        "m1n2b3v4c5x6z7l8k9j0h1g2f3d4s5a6), can be deleted once the new certificate is "
        "issued.\n\nOla\n\n---------- Forwarded message ---------\nFrom: CA <no-reply@ca.example>"
        "\nSubject: DCV for cargo.service.gov.uk\n\nCreate a TXT record:\n\n"
        "  Record host:   _dnsauth.cargo.service.gov.uk\n  Record type:   TXT\n"
        "  Random value:  r5t6y7u8i9o0p1a2s3d4f5g6h7j8k9l0\n"
    )
    got = changes(conversation(vendor(body, 1)))
    assert ("delete", "_dnsauth.www.cargo.service.gov.uk.") in {(c[0], c[1]) for c in got}


def test_an_old_token_we_can_also_still_see_is_observed_not_asked_for() -> None:
    # ("We can also still see last year's verification token published on dft.gov.uk:" had
    # read the old token below it as an add, silently: "also still" was one word too many)
    old = "globalsign-domain-verification=Q7wErTy_uI0pAsDfGhJkL9zXcVbNm2345qWeRtYuIo"
    for lead in (
        "We can also still see last year's verification token published on the apex:",
        "I can still also see the old token at transport.gov.uk:",
        "We can now also see the previous token there:",
    ):
        body = (
            "Hello,\n\nPlease add this TXT at transport.gov.uk:\n\n"
            "transport.gov.uk. TXT globalsign-domain-verification=Zx9Cv8Bn7Mm6Ll5Kk4Jj3Hh2Gg1Ff0Dd\n\n"
            f'{lead}\n\ntransport.gov.uk. TXT "{old}"\n\n'
            "Please leave that one in place for now; it can be removed once the new certificate "
            "is issued.\n\nInes\nFastly"
        )
        got = read(conversation(vendor(body, 1)))
        assert not [c for c in got.changes if c.action == "add" and c.value == old], lead
        assert old in {o.value for o in got.observed}, lead


def test_a_record_a_help_box_shows_for_some_host_is_not_asked_for() -> None:
    # ("For example, a certificate for www.example.gov.uk would use:" above an illustrative
    # record, in a notification's "Why a CNAME?" box, had drafted it as an add, silently)
    asked = (
        "Please create this record:\n\n"
        "_acme-challenge.static.tax.service.gov.uk CNAME z8x7c6v5b4n3m2l1kq.fastly-validations.com\n\n"
    )
    for lead in (
        "For example, a certificate for shop.sample.gov.uk would use:",
        "For instance, the record for www.demo.gov.uk would look like this:",
        "The name is always _acme-challenge. plus the hostname, e.g. for app.sample.gov.uk you "
        "would add:",
    ):
        body = (
            f"Hi,\n\n{asked}Why a CNAME? We publish the TXT values ourselves. {lead}\n\n"
            "_acme-challenge.x.sample.gov.uk. CNAME 9q8w7e6r5t4y3u2i1o.fastly-validations.com.\n\n"
            "Kind regards,\nFastly Support"
        )
        got = changes(conversation(vendor(body, 1)))
        assert [c[1] for c in got] == ["_acme-challenge.static.tax.service.gov.uk."], lead


def test_a_string_below_a_lead_in_for_the_apex_goes_at_the_apex_of_the_names_said() -> None:
    """("… re-validate ofsted.gov.uk before they reissue www.ofsted.gov.uk. Could you publish
    the following as a TXT at the apex. Value:" then the string: nothing was read, flagged)"""
    token = "globalsign-domain-verification=Tq8Wm3Zr5Yx7Cv2Bn4Lk6Hj9Gf1Ds0Pa"
    for lead in [
        "Could you please publish the following as a TXT at the apex. Value:",
        "Please add a TXT record on the zone apex, value:",
        "Kindly create this TXT at the apex:",
    ]:
        body = (
            "Hi,\n\nGlobalSign have asked us to re-validate ofsted.gov.uk before they reissue "
            f"the certificate for www.ofsted.gov.uk. {lead}\n\n{token}\n\nThanks,\nLena\n"
        )
        assert changes(_text(body)) == [("add", "ofsted.gov.uk.", "TXT", token, None)], lead
    # (a www host alone says no apex: where its zone starts, the words do not say)
    body = f"The certificate for www.ofsted.gov.uk is due. Please add this TXT at the apex:\n\n{token}\n"
    assert changes(_text(body)) == []


def test_a_status_mails_key_value_lines_are_records_with_their_status() -> None:
    """("record_name=_acme-challenge.gov.uk" / "record_type=CNAME" / "record_value=…" /
    "status=PENDING" blocks of an automated mail: nothing was read, every value flagged)"""
    block = (
        "--- domain {n} of 2 ---\nrecord_name={name}\nrecord_type=CNAME\nrecord_value={value}\n"
        "status={status}\n\n"
    )
    body = (
        "This is an automated message from the Fastly TLS platform.\n\n"
        "subscription_id=Zq8Xw7Cv6Bn5Lk4Jh3Gf\nstate=processing\n\n"
        + block.format(
            n=1,
            name="_acme-challenge.www.gov.uk",
            value="mn4bv5cx6z7lk8jh9g.fastly-validations.com",
            status="VALIDATED",
        )
        + block.format(
            n=2,
            name="_acme-challenge.gov.uk",
            value="qw1er2ty3ui4op5as6.fastly-validations.com",
            status="PENDING",
        )
        + "For every domain with status=PENDING, create the record shown.\n"
    )
    result = read(_text(body))
    assert [(c.action, c.name, c.value) for c in result.changes] == [
        ("add", "_acme-challenge.gov.uk.", "qw1er2ty3ui4op5as6.fastly-validations.com.")
    ]
    assert [o.name for o in result.observed] == ["_acme-challenge.www.gov.uk."]
    assert not [f for f in result.flags if f.severity != "info"]
