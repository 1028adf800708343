"""Focused behaviour of the reader (bot/reading/): one rule each, small tickets written here."""

from __future__ import annotations

import json

from bot.config import AppConfig
from bot.models import Comment, Ticket
from bot.reading import read
from bot.reading.actions import action_cue
from bot.reading.conversation import from_requests_api, role_of
from bot.reading.notification import split_notification, unfold_headers
from bot.render import to_json
from bot.triage import triage
from bot.zones import DirectoryZones

CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."
NEW = "_acme-challenge.www.gov.uk. 300 IN CNAME n3wt0k3nn3wt0k3n12.fastly-validations.com."


def vendor(body: str, cid: int) -> Comment:
    return Comment(id=cid, role="vendor", author="Fastly Support", body=body)


def us(body: str, cid: int) -> Comment:
    return Comment(id=cid, role="us", author="GOV.UK 2nd line", body=body)


def conversation(*comments: Comment) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", comments=comments)


def changes(ticket: Ticket) -> list[tuple[str, str, str, str | None, str | None]]:
    return [(c.action, c.name, c.type, c.value, c.old_value) for c in read(ticket).changes]


def codes(ticket: Ticket) -> list[str]:
    return [f.code for f in read(ticket).flags]


# Conversation: who asked


def test_roles_from_the_requests_api_users_sideload() -> None:
    users = {"agent": {"id": 7, "agent": True}, "us": {"id": 9, "agent": False}}
    assert role_of(users["agent"], 9, 1) == "vendor"
    assert role_of(users["us"], 9, 1) == "us"
    assert role_of({"id": 5, "agent": False, "organization_id": 1}, 9, 1) == "us"
    assert role_of({"id": 6, "agent": False, "organization_id": 2}, 9, 1) == "other"
    assert role_of(None, 9, 1) == "other"


def test_our_own_reply_quoting_a_record_is_not_a_request() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}", 1),
        us(f"We will ask Jisc for this, and also:\n\n{NEW}\n\nIs that right?", 2),
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "k4v7qh2m9xw3zt8pld.fastly-validations.com.",
            None,
        )
    ]


def test_conversation_file_is_read_with_roles_and_public_comments_only() -> None:
    doc = {
        "request": {"id": 57000, "subject": "Renewal", "requester_id": 9, "organization_id": 1},
        "comments": [
            {
                "id": 1,
                "body": f"Please add:\n\n{CNAME}",
                "author_id": 7,
                "public": True,
                "created_at": "2026-11-20T09:00:00Z",
            },
            {
                "id": 2,
                "body": f"Internal note:\n\n{NEW}",
                "author_id": 7,
                "public": False,
                "created_at": "2026-11-20T10:00:00Z",
            },
        ],
        "users": [{"id": 7, "agent": True, "name": "Fastly"}, {"id": 9, "agent": False}],
    }
    ticket = from_requests_api(doc)
    assert ticket.id == "57000" and [c.id for c in ticket.comments] == [1]
    assert changes(ticket)[0][3] == "k4v7qh2m9xw3zt8pld.fastly-validations.com."


def test_a_later_vendor_comment_supersedes_the_value() -> None:
    ticket = conversation(vendor(f"Please add:\n\n{CNAME}", 1), vendor(f"New token:\n\n{NEW}", 2))
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "n3wt0k3nn3wt0k3n12.fastly-validations.com.",
            None,
        )
    ]
    assert "superseded" in codes(ticket)


def test_ignore_my_previous_message_retracts_it() -> None:
    txt = 'gov.uk. IN TXT "globalsign-domain-verification=AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCd"'
    ticket = conversation(
        vendor(f"Please add both:\n\n{CNAME}\n{txt}", 1),
        vendor(
            "Please ignore my previous message about the TXT record, only the CNAME is needed.", 2
        ),
    )
    assert [c[2] for c in changes(ticket)] == ["CNAME"]
    assert "retracted" in codes(ticket)


def test_do_not_add_is_never_a_change() -> None:
    ticket = conversation(
        vendor(
            f'Please do not add the TXT we mentioned ({CNAME.split()[0]} TXT "abc123abc123"), only:\n\n{CNAME}',
            1,
        )
    )
    assert [c[2] for c in changes(ticket)] == ["CNAME"]


def test_quoted_history_in_a_vendor_reply_is_context() -> None:
    body = (
        f"Thanks, the new token is below.\n\n{NEW}\n\n"
        "On Mon, 23 Nov 2026 at 10:00, Fastly Support <support@fastly.com> wrote:\n"
        f"> Please add:\n> {CNAME}\n"
    )
    assert [c[3] for c in changes(conversation(vendor(body, 1)))] == [
        "n3wt0k3nn3wt0k3n12.fastly-validations.com."
    ]


# Observed, not requested


def test_a_dig_paste_is_observed_and_fills_a_delete() -> None:
    body = (
        "This is what DNS returns now:\n\n"
        ";; ANSWER SECTION:\n"
        '_acme-challenge.www.gov.uk. 300 IN TXT "LdzMVWQY3IMx4FEx8LAFlqIaNFw8-ZWr7fZuZV5hyeR"\n\n'
        "That TXT record should be removed. Then please add:\n\n"
        f"{CNAME}\n"
    )
    reading = read(conversation(vendor(body, 1)))
    assert sorted((c.action, c.type) for c in reading.changes) == [
        ("add", "CNAME"),
        ("delete", "TXT"),
    ]
    assert [o.value for o in reading.observed] == ["LdzMVWQY3IMx4FEx8LAFlqIaNFw8-ZWr7fZuZV5hyeR"]


def test_currently_has_is_not_a_request() -> None:
    body = f"We currently see:\n\n{CNAME}\n\nNothing needs to change."
    reading = read(conversation(vendor(body, 1)))
    assert reading.changes == () and len(reading.observed) == 1


# The safety net


def test_two_cnames_at_one_name_are_held_out_of_the_draft(app: AppConfig) -> None:
    ticket = conversation(vendor(f"Please add:\n\n{CNAME}\n{NEW}", 1))
    result = triage(ticket, DirectoryZones(app.owners(), app.suffixes), app)
    assert "ambiguous_request" in [f.code for f in result.flags]
    assert all(v.blocked for v in result.verdicts) and result.jisc_request is None


def test_an_update_without_the_current_value_is_ambiguous() -> None:
    ticket = conversation(
        vendor(
            "Please update the CNAME at _acme-challenge.www.gov.uk to point to "
            "n3wt0k3nn3wt0k3n12.fastly-validations.com.",
            1,
        )
    )
    assert changes(ticket)[0][0] == "update" and "ambiguous_request" in codes(ticket)


def test_a_value_nobody_read_is_said_out_loud() -> None:
    body = "The validation target is now n3wt0k3nn3wt0k3n12.fastly-validations.com for the apex."
    reading = read(conversation(vendor(body, 1)))
    flag = next(f for f in reading.flags if f.code == "unread_value")
    assert "n3wt0k3nn3wt0k3n12.fastly-validations.com" in flag.message
    assert flag.source is not None and flag.source.comment_id == 1


def test_remove_the_records_without_a_type_is_said_out_loud() -> None:
    body = (
        "Conflicting record(s) found at _acme-challenge.www.gov.uk. Please remove the record(s) "
        "and add the following CNAME record: 96ra25rkq3mz8xw1pt.fastly-validations.com"
    )
    ticket = conversation(vendor(body, 1))
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "96ra25rkq3mz8xw1pt.fastly-validations.com.",
            None,
        )
    ]
    assert "unread_value" in codes(ticket)


def test_a_relative_name_with_no_domain_is_not_guessed() -> None:
    ticket = conversation(
        vendor("HOST: _acme-challenge\nTYPE: CNAME\nPOINTS TO: x1y2z3.fastly-validations.com", 1)
    )
    assert changes(ticket) == [] and "unparsed_record" in codes(ticket)


def test_names_and_ttls_that_are_not_well_formed_become_flags() -> None:
    for line in (
        "_acme challenge.www.gov.uk. CNAME x1y2z3.fastly-validations.com.",
        "_acme-challenge.www.gov.uk. 99999999999 IN CNAME x1y2z3.fastly-validations.com.",
        "Name: gov\\032x.uk\nType: TXT\nValue: abcdefabcdef",
    ):
        reading = read(conversation(vendor(line, 1)))
        assert reading.changes == (), line
        assert {"unparsed_record", "unread_value"} & {f.code for f in reading.flags}, line


# Crash classes from the issue: each is read or flagged, never raised


def test_crash_inputs_are_read_or_flagged() -> None:
    for text in (
        'CAA " 0 issue CNAME \u201c',
        "$TTL \u2070\ngov.uk CNAME 0.fastly-validations.com",
        "Name: gov.uk\nType: CNAME\nValue: 0.fastly-validations.com\nTTL: \u00b3\u2070\u2070",
        "Name | Type | Value | TTL\n@ | CNAME | 0.fastly-validations.com | \u0663\u0660\u0660",
        'gov.uk TXT "\ud800abc"',
        'Please add a CAA record at @ for gov..uk: 0 issue "letsencrypt.org"',
        f"Please add a CNAME record for {'a' * 64}.gov.uk pointing to x.fastly-validations.com",
    ):
        reading = read(conversation(vendor(text, 1)))
        for change in reading.changes:
            assert (
                change.name.endswith(".") and change.ttl is None
            ) or 0 <= change.ttl <= 2**31 - 1


# Provenance


def test_every_change_says_where_it_was_read(app: AppConfig) -> None:
    ticket = conversation(vendor(f"Hello,\n\nPlease add:\n\n{CNAME}\n", 4242))
    result = to_json(triage(ticket, DirectoryZones(app.owners(), app.suffixes), app))
    (change,) = result["changes"]
    assert change["source"] == {
        "comment_id": 4242,
        "first_line": 5,
        "last_line": 5,
        "excerpt": CNAME,
        "role": "vendor",
        "author": "Fastly Support",
    }
    json.dumps(result)


def test_a_comment_past_the_reading_limits_says_so() -> None:
    long = read(conversation(vendor("Hello there.\n" * 6_000 + CNAME, 1)))
    assert long.changes == ()  # the record on line 6,001 is past the limit: said, not read
    assert any(f.code == "unparsed_record" and "6,001 lines" in f.message for f in long.flags)
    many = "\n".join(
        f"_acme-challenge.n{i}.gov.uk. CNAME t{i:017d}a.fastly-validations.com." for i in range(250)
    )
    reading = read(conversation(vendor(many, 2)))
    assert len(reading.changes) == 200
    assert any("250 records" in f.message for f in reading.flags)


NOTIFICATION = """##- Please type your reply above this line -##

Your request (61228) has been updated. To add additional comments, reply to this email.

Ines R. (Fastly Support)
Nov 27, 2026, 09:02 GMT
Please use this one instead of the earlier value:
_acme-challenge.www.gov.uk. CNAME v8momoev86mmpmsg7e.fastly-validations.com.

GOV.UK 2nd line, Nov 26, 2026, 4:40 PM GMT
Thanks, we have asked Jisc for _acme-challenge.www.gov.uk. CNAME 7kilm4sl7916radjhy.fastly-validations.com.

Ines R. (Fastly Support)
Nov 26, 2026, 14:18 GMT
Please create:
_acme-challenge.www.gov.uk. CNAME 7kilm4sl7916radjhy.fastly-validations.com.

This email is a service from Fastly. Delivered by Zendesk
[P9TN4C-W3KX]
"""


def test_a_saved_zendesk_notification_is_read_as_its_comments_oldest_first() -> None:
    blocks = split_notification(NOTIFICATION.split("\n"))
    assert blocks is not None
    assert [(b.author, b.role) for b in blocks] == [
        ("Ines R. (Fastly Support)", "vendor"),
        ("GOV.UK 2nd line", "us"),
        ("Ines R. (Fastly Support)", "vendor"),
    ]
    reading = read(Ticket(id="1", subject="TLS", text=NOTIFICATION))
    assert [c.value for c in reading.changes] == ["v8momoev86mmpmsg7e.fastly-validations.com."]
    assert reading.changes[0].source is not None and reading.changes[0].source.first_line == 8
    assert reading.changes[0].source.role == "vendor"
    assert "superseded" in [f.code for f in reading.flags]


def test_text_added_under_the_notification_footer_belongs_to_the_newest_comment() -> None:
    added = NOTIFICATION + "\nThanks,\nSam (forwarding for the team)\n"
    blocks = split_notification(added.split("\n"))
    assert blocks is not None and blocks[-1].continues and not blocks[-2].continues
    assert blocks[-1].author == blocks[-2].author == "Ines R. (Fastly Support)"
    reading = read(Ticket(id="1", subject="TLS", text=added))
    assert [c.value for c in reading.changes] == ["v8momoev86mmpmsg7e.fastly-validations.com."]
    not_one = NOTIFICATION.replace("##- Please type", "Please type")
    assert split_notification(not_one.split("\n")) is None


OUR_DIG = (
    "Our zone already has a TXT at that name:\n\n"
    '_acme-challenge.gov.uk. 120 IN TXT "hHei0k8gVy6M_xTb8MEca10Cu19qBX1ky9PRLvSyMYQ"\n'
)


def test_delete_that_record_refers_to_the_one_an_earlier_comment_showed() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}\n", 1),
        us(OUR_DIG, 2),
        vendor("Yes, please delete that TXT record first and then create the CNAME.", 3),
    )
    found = read(ticket).changes
    delete = next(c for c in found if c.action == "delete")
    assert (delete.name, delete.type, delete.value, delete.ttl) == (
        "_acme-challenge.gov.uk.",
        "TXT",
        "hHei0k8gVy6M_xTb8MEca10Cu19qBX1ky9PRLvSyMYQ",
        None,  # a delete asks for no TTL; the one our dig showed stays with the observed record
    )
    assert [o.ttl for o in read(ticket).observed if o.value == delete.value] == [120]
    assert delete.source is not None and delete.source.comment_id == 3


def test_delete_that_record_with_two_candidates_is_not_guessed() -> None:
    two = OUR_DIG + '_acme-challenge.gov.uk. 120 IN TXT "secondTokenSecondTokenSecondToken12345"\n'
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}\n", 1),
        us(two, 2),
        vendor("Yes, please delete that TXT record first.", 3),
    )
    reading = read(ticket)
    assert not any(c.action == "delete" for c in reading.changes)
    assert any(f.severity == "warn" for f in reading.flags)  # said, not guessed


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def test_a_value_named_by_a_field_of_pasted_output_is_that_field() -> None:
    ticket = _text(
        "Please create a TXT record named _acme-challenge.hfh.campaign.gov.uk whose value is\n"
        'the "Key" field in the challenge below (not the URL).\n\n'
        "Spec:\n"
        "  Dns Name:  hfh.campaign.gov.uk\n"
        "  Key:       zLIv53kpInA5kydBN-PB2Tn6wVGw4XZcpfM5osW1azc\n"
        "  URL:       https://acme-v02.api.letsencrypt.org/acme/chall/441893017265/Nq3xYg\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.hfh.campaign.gov.uk.",
            "TXT",
            "zLIv53kpInA5kydBN-PB2Tn6wVGw4XZcpfM5osW1azc",
            None,
        )
    ]
    assert codes(ticket) == []


def test_a_field_reference_with_two_values_is_not_guessed() -> None:
    ticket = _text(
        "Record name: _dnsauth.x.campaign.gov.uk\n"
        "Value: the validationToken in the output below\n\n"
        '  {"validationToken": "vmdcxqliqhqq5e031gihwhlr44agje4l"},\n'
        '  {"validationToken": "q8w7e6r5t4y3u2i1o0p9a8s7d6f5g4h3"}\n'
    )
    assert changes(ticket) == []
    assert "unread_value" in codes(ticket)  # a person picks, never the reader


def test_the_record_below_is_not_a_field_reference() -> None:
    ticket = _text(
        "Please add the record below.\n\n"
        "Record: _acme-challenge.www.gov.uk\n"
        "Type: CNAME\n"
        "Value: k4v7qh2m9xw3zt8pld.fastly-validations.com\n"
    )
    assert [c[3] for c in changes(ticket)] == ["k4v7qh2m9xw3zt8pld.fastly-validations.com."]


def test_a_ttl_said_in_words_applies_to_the_records_just_given() -> None:
    ticket = _text(
        "Record name: _dnsauth.get-ready.campaign.gov.uk\n"
        "Value: vmdcxqliqhqq5e031gihwhlr44agje4l\n\n"
        "The token expires on 12 December. Please set the TTL to one hour.\n"
    )
    (change,) = read(ticket).changes
    assert (change.type, change.ttl) == ("TXT", 3600)


def test_a_ttl_in_words_nobody_applied_is_said_out_loud() -> None:
    ticket = _text(
        f"{CNAME}\n\nWe would like a 10 minute TTL on the apex one when you get to it.\n"
    )
    assert "unread_value" in codes(ticket)


def test_the_random_value_of_a_forwarded_ca_notice_is_its_one_token() -> None:
    ticket = _text(
        "Please add the random value as a TXT record on _dnsauth.blog.gov.uk.\n\n"
        "________________________________\n"
        "From: DigiCert <noreply@digicert.com>\n"
        "Sent: 08 December 2026 07:15\n\n"
        "To validate the domain, create a DNS TXT record containing this random value:\n\n"
        "  0ela4xgjwchxm6hwff68liidvp020blh\n"
    )
    assert changes(ticket) == [
        ("add", "_dnsauth.blog.gov.uk.", "TXT", "0ela4xgjwchxm6hwff68liidvp020blh", None)
    ]


def test_a_record_the_vendor_moves_to_another_owner_is_asked_for_there() -> None:
    first = vendor(
        "Please create: _acme-challenge.gov.uk CNAME vkmi1ynbzc2bjf5lwb.fastly-validations.com",
        1,
    )
    second = vendor(
        "One correction: I put the record on the wrong host. It belongs on "
        "_acme-challenge.www.gov.uk, not on _acme-challenge.gov.uk. The target is the same.",
        2,
    )
    ticket = conversation(first, second)
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "vkmi1ynbzc2bjf5lwb.fastly-validations.com.",
            None,
        )
    ]
    (flag,) = read(ticket).flags
    assert flag.code == "superseded" and "moved" in flag.message
    (change,) = read(ticket).changes
    assert change.source is not None and change.source.comment_id == 2  # the move says where


def test_a_move_that_names_no_earlier_request_is_said_out_loud() -> None:
    ticket = _text(
        "The record belongs on _acme-challenge.www.gov.uk, not on _acme-challenge.gov.uk."
    )
    assert changes(ticket) == []
    assert "unread_value" in codes(ticket)


def test_a_corrected_target_on_its_own_line_supersedes_the_first() -> None:
    first = vendor(
        "Please create _acme-challenge.gov.uk as a CNAME pointing at "
        "mp21oarlnxeb2jabux.fastly-validations.com.",
        1,
    )
    second = vendor(
        "The value sent was for staging. The correct target for _acme-challenge.gov.uk is:\n\n"
        "  ahehfefugdwl41tlne.fastly-validations.com\n",
        2,
    )
    ticket = conversation(first, second)
    assert [c[3] for c in changes(ticket)] == ["ahehfefugdwl41tlne.fastly-validations.com."]
    assert codes(ticket) == ["superseded"]


def test_a_word_after_the_value_is_lead_in_is_no_record() -> None:
    ticket = _text("The correct target for _acme-challenge.gov.uk is:\n\nPending\n")
    assert changes(ticket) == []


def test_a_narrow_mail_that_wraps_a_target_and_says_same_as_above() -> None:
    ticket = _text(
        "  Host:   _431A4CBB33CC697E2B0DF63DDA09C6FF.gov.uk.\n"
        "  Type:   CNAME\n"
        "  Target: C77AF63B53331C89E1C2C5DAF2C2EBC7.6AC5D1048E5E7CA6\n"
        "842B0513A54C8485.sectigo.com.\n\n"
        "  Host:   _431A4CBB33CC697E2B0DF63DDA09C6FF.publishing.service.gov.uk.\n"
        "  Type:   CNAME\n"
        "  Target: identical to the gov.uk one above\n"
    )
    target = "c77af63b53331c89e1c2c5daf2c2ebc7.6ac5d1048e5e7ca6842b0513a54c8485.sectigo.com."
    assert sorted(c[1:4] for c in changes(ticket)) == [
        ("_431a4cbb33cc697e2b0df63dda09c6ff.gov.uk.", "CNAME", target),
        ("_431a4cbb33cc697e2b0df63dda09c6ff.publishing.service.gov.uk.", "CNAME", target),
    ]


def test_a_wrapped_value_is_joined_only_into_a_validation_host() -> None:
    ticket = _text(
        "Host: _acme-challenge.www.gov.uk\nType: CNAME\nTarget: k4v7qh2m9xw3zt8pld.fastly-validations.com\n"
        "thanks\n"
    )
    assert [c[3] for c in changes(ticket)] == ["k4v7qh2m9xw3zt8pld.fastly-validations.com."]


def test_a_zone_line_broken_after_its_type_is_one_record() -> None:
    ticket = _text(
        "Once the certificate has been issued, the CNAME from last\n"
        "year's order can be deleted:\n\n"
        "  _7200F6DF877F894AF24429996CAA64C2.gov.uk.  CNAME\n"
        "  1666450CDE23C5051993959A84B67DC5.C47C149E0DA16B7B1DDAF34FD94AF8BA.comodoca.com.\n"
    )
    (change,) = read(ticket).changes
    assert (change.action, change.when) == ("delete", "after_issuance")
    assert (
        change.value
        == "1666450cde23c5051993959a84b67dc5.c47c149e0da16b7b1ddaf34fd94af8ba.comodoca.com."
    )


def test_a_current_new_table_under_the_record_it_is_about_is_an_update() -> None:
    ticket = _text(
        "Please update them as below - the record names stay the same.\n\n"
        "_acme-challenge.www.gov.uk (CNAME)\n"
        "| Current value | New value |\n"
        "| rvhpsnyy4pjd92lwq7.fastly-validations.com | rxrzr1b37a3l5u7kul.fastly-validations.com |\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "rxrzr1b37a3l5u7kul.fastly-validations.com.",
            "rvhpsnyy4pjd92lwq7.fastly-validations.com.",
        )
    ]


def test_fastly_api_challenges_with_multi_line_values_are_read() -> None:
    ticket = _text(
        "Here is what the API returns:\n\n"
        "[\n  {\n"
        '    "type": "managed-dns",\n'
        '    "record_type": "CNAME",\n'
        '    "record_name": "_acme-challenge.www.hmrc.gov.uk",\n'
        '    "values": [\n'
        '      "pynvswtmokfakftkkq.fastly-validations.com"\n'
        "    ]\n  },\n  {\n"
        '    "type": "managed-http-a",\n'
        '    "record_type": "A",\n'
        '    "record_name": "www.hmrc.gov.uk",\n'
        '    "values": [\n'
        '      "151.101.2.30",\n'
        '      "151.101.66.30"\n'
        "    ]\n  }\n]\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.hmrc.gov.uk.",
            "CNAME",
            "pynvswtmokfakftkkq.fastly-validations.com.",
            None,
        )
    ]


def test_a_second_txt_value_alongside_the_first_and_both_removed_after_issuance() -> None:
    first = vendor(
        "Please deploy a DNS TXT record under the name:\n\n_acme-challenge.blog.gov.uk.\n\n"
        "with the following value:\n\nKmNC5yaTTew6yKLsln2Ta1PHmdJrAi-xp1ROtw9YtZU\n",
        1,
    )
    second = vendor(
        "Here's the second one, same name - please add it alongside the first record:\n\n"
        "Please deploy a DNS TXT record under the name:\n\n_acme-challenge.blog.gov.uk.\n\n"
        "with the following value:\n\nhcb2mUxPlccPGcQh6Gb2bg6Lxq2vKhvv6IPNB3nt2Pc\n\n"
        "Once the certificate has been issued both TXT records can come out again.\n",
        2,
    )
    got = read(conversation(first, second)).changes
    assert sorted((c.action, c.value, c.when) for c in got) == [
        ("add", "KmNC5yaTTew6yKLsln2Ta1PHmdJrAi-xp1ROtw9YtZU", "now"),
        ("add", "hcb2mUxPlccPGcQh6Gb2bg6Lxq2vKhvv6IPNB3nt2Pc", "now"),
        ("delete", "KmNC5yaTTew6yKLsln2Ta1PHmdJrAi-xp1ROtw9YtZU", "after_issuance"),
        ("delete", "hcb2mUxPlccPGcQh6Gb2bg6Lxq2vKhvv6IPNB3nt2Pc", "after_issuance"),
    ]


def test_a_relative_owner_is_never_placed_under_its_own_target() -> None:
    ticket = _text(
        "Your records live in the gov.uk zone:\n\n"
        "- `_acme-challenge`: CNAME to `fph1keklbckibu2zbv.fastly-validations.com`\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.gov.uk."]


def test_respectively_pairs_owners_and_values_in_order() -> None:
    ticket = _text(
        "I've checked public DNS: _acme-challenge.www.gov.uk and _acme-challenge.gov.uk already "
        "CNAME to tjbxth3d7scdoem4pp.fastly-validations.com and "
        "mqbqzy9fkyefydcr64.fastly-validations.com respectively.\n"
    )
    seen = {(o.name, o.value) for o in read(ticket).observed}
    assert seen == {
        ("_acme-challenge.www.gov.uk.", "tjbxth3d7scdoem4pp.fastly-validations.com."),
        ("_acme-challenge.gov.uk.", "mqbqzy9fkyefydcr64.fastly-validations.com."),
    }


def test_a_plain_text_notification_with_a_blank_line_under_each_author_is_split() -> None:
    ticket = _text(
        "##- Please type your reply above this line -##\n\n"
        "Marcus Webb (Fastly Support)\n\nNov 10, 2026, 14:22 GMT\n\n"
        "Sorry, the correct value is:\n\n"
        "_acme-challenge.www.gov.uk. CNAME n3wt0k3nn3wt0k3n12.fastly-validations.com.\n\n"
        "----------------------------------------------\n\n"
        "Aisha Patel (Fastly Support)\n\nNov 9, 2026, 17:03 GMT\n\n"
        f"Please add:\n\n{CNAME}\n"
    )
    assert [c[3] for c in changes(ticket)] == ["n3wt0k3nn3wt0k3n12.fastly-validations.com."]
    assert "superseded" in codes(ticket)


def test_a_relative_name_with_no_domain_said_is_never_put_in_the_default_zone() -> None:
    ticket = _text(
        "| Host | Type | Value |\n"
        "| asuid.admin | TXT | 67C6E3235438A20ECD2E04F159C60577015D18032E1CD86679EDDD75071A48BD |\n"
    )
    assert changes(ticket) == []  # never asuid.admin.gov.uk
    assert "unparsed_record" in codes(ticket)


def test_a_later_comment_names_relative_to_the_domain_the_thread_is_about() -> None:
    first = vendor(f"For www.gov.uk please add:\n\n{CNAME}\n", 1)
    second = vendor(
        "The token was regenerated:\n\n| Type | Name | Content |\n"
        "| CNAME | _acme-challenge.www | n3wt0k3nn3wt0k3n12.fastly-validations.com |\n",
        2,
    )
    assert changes(conversation(first, second)) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "n3wt0k3nn3wt0k3n12.fastly-validations.com.",
            None,
        )
    ]


def test_a_ttl_column_in_minutes_and_a_same_as_above_cell() -> None:
    ticket = _text(
        "HOST                                   TYPE    TTL (mins)   POINTS TO\n"
        "_5d7d589e547b201b4eb1cefd51a42b12.x.hmrc.gov.uk      CNAME   60           "
        "55b265d2a9d3cfdd045bf3e80a3fd313.26bd6a811029ed08742b8ade714aa923.sectigo.com.\n"
        "_5d7d589e547b201b4eb1cefd51a42b12.www.x.hmrc.gov.uk  CNAME   60           (same as above)\n"
    )
    got = read(ticket).changes
    assert {(c.value, c.ttl) for c in got} == {
        ("55b265d2a9d3cfdd045bf3e80a3fd313.26bd6a811029ed08742b8ade714aa923.sectigo.com.", 3600)
    }
    assert len(got) == 2


def test_records_written_into_sentences_in_unusual_orders() -> None:
    ticket = _text(
        "1) The value for _cf-custom-hostname.help.data.gov.uk is "
        "78ea58f6-795d-48d7-8d7f-46a30306b1de - it's a TXT record.\n\n"
        "2) fAsfdW4GR-T1UdUvTEwCMtcrmPpMw3CQyEsfGVBEWNs needs to go in as a TXT record at "
        "_acme-challenge.help.data.gov.uk.\n\n"
        "3) custom.deskpoint-edge.net should be the target of help.data.gov.uk (CNAME).\n"
    )
    assert sorted(c[1:4] for c in changes(ticket)) == [
        ("_acme-challenge.help.data.gov.uk.", "TXT", "fAsfdW4GR-T1UdUvTEwCMtcrmPpMw3CQyEsfGVBEWNs"),
        ("_cf-custom-hostname.help.data.gov.uk.", "TXT", "78ea58f6-795d-48d7-8d7f-46a30306b1de"),
        ("help.data.gov.uk.", "CNAME", "custom.deskpoint-edge.net."),
    ]


def test_a_table_row_naming_a_type_that_was_not_read_is_said_out_loud() -> None:
    ticket = _text(
        "| Admin site traffic | admin | CNAME | app-rard-admin-prod-uks.azurewebsites.net |\n"
    )
    assert changes(ticket) == []
    (flag,) = [f for f in read(ticket).flags if f.code == "unread_value"]
    assert flag.source is not None and flag.source.first_line == 1


def test_the_value_first_and_the_name_after_under_a_plural_lead_in() -> None:
    ticket = _text(
        "Right, two for you, both CNAMEs, TTL whatever suits you:\n\n"
        "jbf2aie5vrxval6yd3.fastly-validations.com \u2014 that's for _acme-challenge.gov.uk\n\n"
        "6rkgba2xgm0lhm22b4.fastly-validations.com \u2014 and that one's the www one, i.e. "
        "_acme-challenge.www.gov.uk\n"
    )
    assert sorted(c[1:4] for c in changes(ticket)) == [
        ("_acme-challenge.gov.uk.", "CNAME", "jbf2aie5vrxval6yd3.fastly-validations.com."),
        ("_acme-challenge.www.gov.uk.", "CNAME", "6rkgba2xgm0lhm22b4.fastly-validations.com."),
    ]


def test_an_outlook_step_table_with_a_spanning_cell_and_a_full_width_note() -> None:
    ticket = _text(
        "Please work through the table in order:\n\n"
        "| Domain | Step | Record name | Type | Value |\n"
        '| www.gov.uk | 1. Remove | _acme-challenge.www.gov.uk | TXT | "xrZkjXnjlSeG7W30TeIs8EthdYjhVjkWFLqeNaptoLI" |\n'
        "| 2. Add | _acme-challenge.www.gov.uk | CNAME | 6l1zujg8w1qbmqar0f.fastly-validations.com |\n"
        "| Only after the new certificate has been issued: |\n"
        '| gov.uk | 3. Remove | gov.uk | TXT | "globalsign-domain-verification=Uw4sRbj2MHYf0sOcYhK3oKAxE6hul_O5myy70p5ggT" |\n\n'
        "Please give the new CNAME record a TTL of 300.\n"
    )
    assert sorted((c.action, c.type, c.when, c.ttl) for c in read(ticket).changes) == [
        ("add", "CNAME", "now", 300),
        ("delete", "TXT", "after_issuance", None),
        ("delete", "TXT", "now", None),
    ]


def test_a_globalsign_string_on_a_name_with_no_type_word_is_txt() -> None:
    ticket = _text(
        "Same as last year but with the new value: "
        "globalsign-domain-verification=s9-veXVHBVJvC--uuULSQmEZAOJH0aHp23tsTSKW-P on gov.uk.\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "gov.uk.",
            "TXT",
            "globalsign-domain-verification=s9-veXVHBVJvC--uuULSQmEZAOJH0aHp23tsTSKW-P",
            None,
        )
    ]


def test_a_correction_said_as_the_target_for_a_name_with_no_type_word() -> None:
    first = vendor("_acme-challenge.www.gov.uk CNAME uowhd8j2t3hg3de121.fastly-validations.com", 1)
    second = vendor(
        "One correction: the www token was mistyped. The correct target for "
        "_acme-challenge.www.gov.uk is 5d8vzrrbu5wwag1rnn.fastly-validations.com - please use "
        "that one. The apex is right (i.e. unchanged).",
        2,
    )
    ticket = conversation(first, second)
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "5d8vzrrbu5wwag1rnn.fastly-validations.com.",
            None,
        )
    ]
    assert "superseded" in codes(ticket)


def test_a_bare_corrected_value_replaces_the_one_asked_for_higher_up() -> None:
    ticket = _text(
        "HOST                                   TYPE   POINTS TO\n"
        "_5d7d.secure-upload.hmrc.gov.uk        CNAME  aa11.bb22.ygatgdwo.sectigo.com.\n"
        "_5d7d.www.secure-upload.hmrc.gov.uk    CNAME  (same as above)\n\n"
        "Sorry - ignore the first POINTS TO value above, I pasted it from a cancelled order. "
        "The right one, for BOTH rows, is:\n\n"
        "aa11.bb22.cqpiiwuh.sectigo.com.\n"
    )
    assert [(c[1], c[3]) for c in changes(ticket)] == [
        ("_5d7d.secure-upload.hmrc.gov.uk.", "aa11.bb22.cqpiiwuh.sectigo.com."),
        ("_5d7d.www.secure-upload.hmrc.gov.uk.", "aa11.bb22.cqpiiwuh.sectigo.com."),
    ]
    assert codes(ticket) == ["superseded", "superseded"]


def test_a_bare_correction_after_we_published_the_first_value_is_an_update() -> None:
    first = vendor(f"Please add:\n\n{CNAME}", 1)
    done = us(
        "Done:\n\n$ dig +short CNAME _acme-challenge.www.gov.uk\n"
        "k4v7qh2m9xw3zt8pld.fastly-validations.com.",
        2,
    )
    fix = vendor(
        "argh, my mistake, that was the staging token. correct one is "
        "n3wt0k3nn3wt0k3n12.fastly-validations.com - can you change it over pls",
        3,
    )
    assert changes(conversation(first, done, fix)) == [
        (
            "update",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "n3wt0k3nn3wt0k3n12.fastly-validations.com.",
            "k4v7qh2m9xw3zt8pld.fastly-validations.com.",
        )
    ]


def test_a_bare_correction_that_could_mean_two_records_is_not_guessed() -> None:
    first = vendor(
        "_acme-challenge.gov.uk. CNAME aaaa1111bbbb2222cc.fastly-validations.com.\n"
        "_acme-challenge.www.gov.uk. CNAME dddd3333eeee4444ff.fastly-validations.com.",
        1,
    )
    fix = vendor(
        "Sorry, one token was wrong. The correct one is gggg5555hhhh6666ii.fastly-validations.com",
        2,
    )
    ticket = conversation(first, fix)
    assert len(changes(ticket)) == 2  # both as first asked: which one it corrects is unsaid
    assert "unread_value" in codes(ticket)


def test_a_correct_value_with_no_mistake_said_is_not_a_correction() -> None:
    ticket = _text(
        f"Please add:\n\n{CNAME}\n\nThe correct one is n3wt0k3nn3wt0k3n12.fastly-validations.com"
    )
    assert [c[3] for c in changes(ticket)] == ["k4v7qh2m9xw3zt8pld.fastly-validations.com."]
    assert "unread_value" in codes(ticket)


def test_it_after_several_published_records_names_none_of_them() -> None:
    ticket = _text(
        "Please add the CNAME _acme-challenge.gov.uk pointing to "
        "8iefi4ovpnz4dinlw1.fastly-validations.com.\n\n"
        "The apex returns three TXT strings today:\n\n"
        "  $ dig +short TXT gov.uk\n"
        '  "v=spf1 -all"\n'
        '  "google-site-verification=jjkHsKTY7G-H_Wz9hfsNNF33qxEo3EgYOGgSXhn9th7"\n'
        '  "globalsign-domain-verification=f29ddAWyjPTuIyCmlXPfvikQD7wQIcRoT_XBVZRxbD"\n\n'
        "It can be removed once the new certificate is live.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]
    assert codes(ticket) == ["ambiguous_request"]


def test_it_after_a_sentence_naming_the_kind_is_that_record() -> None:
    ticket = _text(
        "  $ dig +short TXT gov.uk\n"
        '  "v=spf1 -all"\n'
        '  "globalsign-domain-verification=f29ddAWyjPTuIyCmlXPfvikQD7wQIcRoT_XBVZRxbD"\n\n'
        "The globalsign-domain-verification string is only there for the old certificate. It "
        "can be cleaned up once the new certificate is live.\n"
    )
    assert changes(ticket) == [
        (
            "delete",
            "gov.uk.",
            "TXT",
            "globalsign-domain-verification=f29ddAWyjPTuIyCmlXPfvikQD7wQIcRoT_XBVZRxbD",
            None,
        )
    ]


def test_instead_of_a_description_of_the_shown_record_takes_its_published_value() -> None:
    ticket = _text(
        "That name currently holds this record:\n\n"
        "    _acme-challenge.chat.publishing.service.gov.uk. 300 IN CNAME "
        "d6fe9815-0203-4d34-b5e6-cbefac5904ad.11.authorize.certificatemanager.goog.\n\n"
        "Please point _acme-challenge.chat.publishing.service.gov.uk at "
        "0zdorsbeovsv76wnsq.fastly-validations.com instead of the certificatemanager.goog "
        "target shown above.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.chat.publishing.service.gov.uk.",
            "CNAME",
            "0zdorsbeovsv76wnsq.fastly-validations.com.",
            "d6fe9815-0203-4d34-b5e6-cbefac5904ad.11.authorize.certificatemanager.goog.",
        )
    ]


def test_a_reply_withdrawing_part_of_the_request_it_quotes() -> None:
    ticket = _text(
        "Quick correction to my note below. Please ignore item 1, the "
        "globalsign-domain-verification TXT on gov.uk; items 2 and 3 are still needed.\n\n"
        "On Thu, 19 Nov 2026 at 14:05, Tom Hollis <thollis@fastly.com> wrote:\n"
        "> TXT record at gov.uk:\n"
        "> globalsign-domain-verification=o75XsoLmgmmta-pg87vH5M-M-qH42XBOpfGvYfRYIw\n>\n"
        "> _acme-challenge.gov.uk. CNAME t9txkxxowz6wcyk84y.fastly-validations.com.\n"
        "> _acme-challenge.www.gov.uk. CNAME ydkfhp53ddxfjlcwzb.fastly-validations.com.\n"
    )
    assert [c[2] for c in changes(ticket)] == ["CNAME", "CNAME"]
    assert codes(ticket) == ["retracted"]


def test_no_caa_change_is_needed_withdraws_the_caa_asked_for() -> None:
    first = vendor(
        'gov.uk. IN CAA 0 issue "letsencrypt.org"\n'
        "_acme-challenge.www.gov.uk. IN CNAME 9ub37r6tqkglsexupl.fastly-validations.com.",
        1,
    )
    second = vendor("letsencrypt.org is already in your CAA set, so no CAA change is needed.", 2)
    ticket = conversation(first, second)
    assert [c[2] for c in changes(ticket)] == ["CNAME"]
    assert codes(ticket) == ["retracted"]


def test_a_caa_not_needed_if_something_is_not_a_withdrawal() -> None:
    first = vendor('gov.uk. IN CAA 0 issue "letsencrypt.org"', 1)
    second = vendor("The CAA record is not needed if you have no CAA records at all.", 2)
    assert [c[2] for c in changes(conversation(first, second))] == ["CAA"]


def test_an_at_sign_with_its_domain_in_brackets_in_a_table_cell() -> None:
    ticket = _text(
        "| Action | Host | Type | Value |\n"
        "|---|---|---|---|\n"
        "| Add | @ (gov.uk) | TXT | globalsign-domain-verification=F-38jnw17zBnJXD71OpSgvczJYCDihFZiM7mhu2Su1 |\n"
        "| Add | @ (publishing.service.gov.uk) | TXT | globalsign-domain-verification=FPnf5Sr_gDr5pGixKpB2ksFhysPjI3RiKLG86adsKZ |\n"
    )
    assert [c[1] for c in changes(ticket)] == ["gov.uk.", "publishing.service.gov.uk."]


def test_a_space_aligned_table_with_do_and_when_columns() -> None:
    ticket = _text(
        'Host names are relative to the publishing.service.gov.uk zone (so "@" is '
        "publishing.service.gov.uk itself).\n\n"
        " DO      HOST   TYPE   DATA                                       WHEN\n"
        " CREATE  _07b2  CNAME  aa11.bb22.sectigo.com.                     straight away\n"
        ' CREATE  @      CAA    0 issue "sectigo.com"                      straight away\n'
        " REMOVE  _bead  CNAME  cc33.dd44.comodoca.com.                    after the new cert is issued\n"
    )
    assert [(c.action, c.name, c.when) for c in read(ticket).changes] == [
        ("add", "_07b2.publishing.service.gov.uk.", "now"),
        ("add", "publishing.service.gov.uk.", "now"),
        ("delete", "_bead.publishing.service.gov.uk.", "after_issuance"),
    ]


def test_the_value_should_now_read_with_the_record_named_earlier_in_the_paragraph() -> None:
    ticket = _text(
        "The TXT record at _acme-challenge.assets-origin.publishing.service.gov.uk that we asked "
        "for\nback in the spring has to change for this renewal. The value should now read\n\n"
        "    Y5xur2BEiFY1UyC-BXqBY-P6oZKOC8oiNCIj2q_Xh6q\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.assets-origin.publishing.service.gov.uk.",
            "TXT",
            "Y5xur2BEiFY1UyC-BXqBY-P6oZKOC8oiNCIj2q_Xh6q",
            None,
        )
    ]
    assert codes(ticket) == ["ambiguous_request"]  # the current value is never said


def test_its_acme_challenge_belongs_to_the_domain_the_sentence_is_about() -> None:
    ticket = _text(
        "1) We need a certificate for draft-origin.publishing.service.gov.uk.\n\n"
        "origin-legacy.publishing.service.gov.uk was decommissioned last Friday. Its "
        "_acme-challenge TXT record is therefore orphaned; please delete it.\n"
    )
    assert [(c[0], c[1]) for c in changes(ticket)] == [
        ("delete", "_acme-challenge.origin-legacy.publishing.service.gov.uk.")
    ]


def test_no_longer_used_but_not_asked_to_change_is_no_delete() -> None:
    ticket = _text(
        "The apex TXT is no longer used for validation, but it does no harm where it is, and we "
        "are not asking for any change to it in this ticket.\n"
    )
    assert changes(ticket) == []


def test_the_code_an_http_validation_file_serves_is_no_unread_dns_value() -> None:
    ticket = _text(
        "Please make the following file available over plain HTTP:\n\n"
        "http://www.gov.uk/.well-known/pki-validation/gsdv.txt\n\n"
        "with exactly this content (one line, no HTML):\n\n"
        "46K37ATfz6hXpa4KJxEqAjg2cG-zTVNt6pCIRK54ScF\n\n"
        "The code is valid for 30 days.\n"
    )
    assert codes(ticket) == []


def test_a_token_under_a_txt_lead_in_is_still_said_out_loud() -> None:
    ticket = _text(
        "The TXT record must contain exactly this content:\n\n46K37ATfz6hXpa4KJxEqAjg2cG-zTVNt6pCIRK54ScF\n"
    )
    assert "unread_value" in codes(ticket)


def test_create_these_after_records_a_portal_currently_shows_asks_for_them() -> None:
    ticket = _text(
        "The TLS management page currently shows these domains as Pending with the following "
        "DNS validation records:\n\n"
        "| Record name | Type | Value |\n|---|---|---|\n"
        "| _acme-challenge.www.gov.uk | CNAME | y7i73cldjftg7ig0td.fastly-validations.com |\n\n"
        "Could you please create these?\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_the_named_record_is_no_longer_needed_withdraws_it() -> None:
    first = vendor(
        "_acme-challenge.www.gov.uk. CNAME y7i73cldjftg7ig0td.fastly-validations.com.\n"
        "_acme-challenge.assets.publishing.service.gov.uk. CNAME "
        "yom3bwmey1cieo3qn4.fastly-validations.com.",
        1,
    )
    second = vendor(
        "So the _acme-challenge.assets.publishing.service.gov.uk record from my first message is "
        "no longer needed; please don't create it.",
        2,
    )
    ticket = conversation(first, second)
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert codes(ticket) == ["retracted"]


def test_the_certificate_we_are_replacing_is_narration_not_an_update() -> None:
    ticket = _text(
        "The certificate we are replacing was validated through this record, which is still "
        "published in your zone:\n\n"
        "    _da1f.search.publishing.service.gov.uk.  CNAME  _5423.sbcizgdfmp.acm-validations.aws.\n\n"
        "Once the new certificate shows Issued, that record can be removed.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_instead_of_beside_another_verb_names_an_alternative_not_a_change() -> None:
    ticket = _text(
        "Please create the records under the _dnsauth label instead of at the base domain:\n\n"
        '_dnsauth.hmrc.gov.uk. 3600 IN TXT "y4d3285k3838ebo5gh1rtt3qyvnjwb0r"\n'
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_a_domain_pasted_twice_in_a_name_to_create_is_not_drafted() -> None:
    ticket = _text(
        "Please add:\n\n_acme-challenge.www.gov.uk.gov.uk. CNAME pijf5cyfaz0roy755g.fastly-validations.com.\n"
    )
    assert changes(ticket) == []
    assert codes(ticket) == ["unparsed_record"]


def test_the_random_value_told_as_history_is_no_request() -> None:
    ticket = _text(
        "The random value we issued for www.gov.uk in October was placed as a TXT record and\n"
        "has now expired, so we have switched to the CNAME method.\n\n"
        "Action,Hostname,Record Type,Value,TTL\n"
        "DELETE,_dnsauth.www.gov.uk,TXT,q2chf8p2hthot13hxfi2hd7opohuomlx,\n"
    )
    assert changes(ticket) == [
        ("delete", "_dnsauth.www.gov.uk.", "TXT", "q2chf8p2hthot13hxfi2hd7opohuomlx", None)
    ]


def test_nothing_needed_there_settles_a_record_the_vendor_now_sees() -> None:
    first = vendor(
        "Please create:\n\n_acme-challenge.www.gov.uk. CNAME 5kuuopojzsy9tic2t8.fastly-validations.com.\n"
        "_acme-challenge.assets.publishing.service.gov.uk. CNAME 7d5awym6aasi6i2pn8.fastly-validations.com.",
        1,
    )
    second = vendor(
        "The www record was already added by your colleague; our verification job now sees\n\n"
        "  _acme-challenge.www.gov.uk.  CNAME  5kuuopojzsy9tic2t8.fastly-validations.com.\n\n"
        "in public DNS, so nothing needed there.",
        2,
    )
    ticket = conversation(first, second)
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.assets.publishing.service.gov.uk."]
    assert codes(ticket) == ["retracted"]


def test_sub_items_under_a_remove_lead_in_are_all_deletes() -> None:
    ticket = _text(
        "  6. ONLY AFTER the certificate has been issued, remove from the zone:\n"
        "       a) _ff47.assets.publishing.service.gov.uk. 3600 IN CNAME\n"
        "          89ce41.a3447.sectigo.com.\n"
        '       b) assets.publishing.service.gov.uk. 300 IN CAA 0 issue "sectigo.com"\n'
    )
    assert [(c.action, c.type, c.ttl, c.when) for c in read(ticket).changes] == [
        ("delete", "CNAME", None, "after_issuance"),
        ("delete", "CAA", None, "after_issuance"),
    ]
    # The TTLs the lines give stay with the records, as published now.
    assert [(o.type, o.ttl) for o in read(ticket).observed] == [("CNAME", 3600), ("CAA", 300)]


def test_an_ascii_table_with_plus_borders_keeps_its_header() -> None:
    ticket = _text(
        "Please create the following records in the gov.uk zone:\n\n"
        "    +----------------------------+-------+-------+--------------------------------------------+\n"
        "    | Record name                | Type  | TTL   | Value                                      |\n"
        "    +----------------------------+-------+-------+--------------------------------------------+\n"
        "    | _acme-challenge.gov.uk     | CNAME | 3600  | td6sa4lgzbo145cixr.fastly-validations.com  |\n"
        "    +----------------------------+-------+-------+--------------------------------------------+\n"
    )
    assert [(c.value, c.ttl) for c in read(ticket).changes] == [
        ("td6sa4lgzbo145cixr.fastly-validations.com.", 3600)
    ]


def test_a_headerless_row_with_a_ttl_before_the_data() -> None:
    ticket = _text(
        "| _acme-challenge.gov.uk | CNAME | 3600 | td6sa4lgzbo145cixr.fastly-validations.com |\n"
    )
    assert [(c.value, c.ttl) for c in read(ticket).changes] == [
        ("td6sa4lgzbo145cixr.fastly-validations.com.", 3600)
    ]


def test_a_section_title_ends_the_action_of_the_section_before() -> None:
    ticket = _text(
        "2. JUSTIFICATION\n----------------\nThis removes the manual step.\n\n"
        "3. CURRENT STATE\n----------------\n"
        "The existing validation record for the GlobalSign certificate is:\n\n"
        '    gov.uk.   3600  IN  TXT  "globalsign-domain-verification=pMHwsWR9yyZEbCWM4agzCcBWglsWQ56qiLYTfAWHUg"\n'
    )
    assert changes(ticket) == []
    assert [o.type for o in read(ticket).observed] == ["TXT"]


def test_a_cname_target_that_is_no_host_under_a_domain_is_unparsed() -> None:
    ticket = _text("| _acme-challenge.gov.uk | CNAME | 3600 |\n")
    assert changes(ticket) == []
    assert "unparsed_record" in codes(ticket)


def test_a_validation_name_alone_and_its_target_on_the_next_line() -> None:
    ticket = _text(
        "its 2 cnames, first line is the host second is where it points\n\n"
        "_acme-challenge.gov.uk\nysin0hmmuzwmuexmtt.fastly-validations.com\n\n"
        "_acme-challenge.www.gov.uk\np9zxlp35scbv3odsgw.fastly-validations.com\n"
    )
    assert [(c[1], c[2]) for c in changes(ticket)] == [
        ("_acme-challenge.gov.uk.", "CNAME"),
        ("_acme-challenge.www.gov.uk.", "CNAME"),
    ]


def test_a_name_alone_above_a_word_that_is_no_value_reads_nothing() -> None:
    ticket = _text("_acme-challenge.gov.uk\nexample.org\n")
    assert changes(ticket) == []


def test_short_ttl_pls_applies_to_the_records_just_given() -> None:
    ticket = _text(
        '_acme-challenge.publishing.service.gov.uk  TXT  "H47Fp-SWu9eSykp6W6KqU6mgEMhApZYojGLR1SvUhk3"\n\n'
        "short ttl pls (60) so we can retry quick\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [60]


def test_challenge_strings_below_published_at_one_name_are_txt_there() -> None:
    ticket = _text(
        "Both challenge strings below must be published at "
        "_acme-challenge.publishing.service.gov.uk, at the same time:\n\n"
        "    oYfKHbMv9wnCehROylEctjaqXFGp_7yNiDqUUJWTd4U     (for publishing.service.gov.uk)\n"
        "    r5SyvnizL6vjVDPbuLQMCwmPXYjfZfWGyeyGnxPqUSY     (for *.publishing.service.gov.uk)\n"
    )
    assert [(c[1], c[2], c[3]) for c in changes(ticket)] == [
        (
            "_acme-challenge.publishing.service.gov.uk.",
            "TXT",
            "oYfKHbMv9wnCehROylEctjaqXFGp_7yNiDqUUJWTd4U",
        ),
        (
            "_acme-challenge.publishing.service.gov.uk.",
            "TXT",
            "r5SyvnizL6vjVDPbuLQMCwmPXYjfZfWGyeyGnxPqUSY",
        ),
    ]


def test_a_dig_short_txt_answer_ends_at_the_first_unquoted_line() -> None:
    ticket = conversation(
        us(
            'For reference:\n\n$ dig +short TXT gov.uk\n"v=spf1 -all"\n\nCheers,\nGOV.UK 2nd line',
            1,
        )
    )
    assert [o.value for o in read(ticket).observed] == ["v=spf1 -all"]


def test_a_token_a_lead_in_removes_from_a_domain_is_txt_there() -> None:
    ticket = _text(
        "Once the renewed certificate has been issued, last year's token is no longer needed and "
        "can be removed from gov.uk:\n\n"
        "globalsign-domain-verification=K2_tdMIETVmnFe3D7BQ3MMelSf0YVm_pzry5RNvZh3\n\n"
        "Thanks\n"
    )
    assert [(c.action, c.name, c.type, c.when) for c in read(ticket).changes] == [
        ("delete", "gov.uk.", "TXT", "after_issuance")
    ]


def test_the_old_one_is_never_the_record_just_asked_for() -> None:
    ticket = _text(
        "Please add at the zone origin of gov.uk:\n\n"
        '@ IN TXT "globalsign-domain-verification=I3JYn_8OUSewKCggUDdxUUlafYzZZz4-1efuNeB6kH"\n\n'
        "Once the renewed certificate has been issued, and only if you still have the old TXT from "
        "the 2024 renewal, you can remove it.\n"
    )
    got = [(c.action, c.value, c.when) for c in read(ticket).changes]
    assert got == [
        ("add", "globalsign-domain-verification=I3JYn_8OUSewKCggUDdxUUlafYzZZz4-1efuNeB6kH", "now"),
        ("delete", None, "after_issuance"),
    ]
    assert "ambiguous_request" in codes(ticket)


def test_we_will_let_you_know_when_it_can_be_removed_is_no_request() -> None:
    ticket = _text(
        "| Name | Type | Value |\n|---|---|---|\n"
        "| gov.uk | TXT | globalsign-domain-verification=ZeqH377ZSoYWLFfWNATNmi-WbmhJOJxSolreYOxFD5 |\n"
        "| _acme-challenge.www.gov.uk | CNAME | t56nhger5aedh3e4s7.fastly-validations.com |\n\n"
        "The TXT is only needed until the certificate has been issued; we'll let you know when "
        "it can be removed.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add", "add"]
    assert codes(ticket) == []


def test_the_certificate_has_been_issued_settles_the_records_it_shows() -> None:
    first = vendor(
        "Please add:\n\n_acme-challenge.www.gov.uk. CNAME t56nhger5aedh3e4s7.fastly-validations.com.",
        1,
    )
    second = vendor(
        "Good news: GlobalSign has issued the renewed certificate. The validation record you "
        "published is visible from our side:\n\n"
        "_acme-challenge.www.gov.uk. CNAME t56nhger5aedh3e4s7.fastly-validations.com.\n\n"
        "Please keep it in place.",
        2,
    )
    ticket = conversation(first, second)
    assert changes(ticket) == []
    assert codes(ticket) == ["retracted"]


def test_once_the_certificate_has_been_issued_is_a_condition_not_news() -> None:
    first = vendor(
        "Please add:\n\n_acme-challenge.www.gov.uk. CNAME t56nhger5aedh3e4s7.fastly-validations.com.",
        1,
    )
    second = vendor(
        "We can see it:\n\n_acme-challenge.www.gov.uk. CNAME t56nhger5aedh3e4s7.fastly-validations.com.\n\n"
        "Once the certificate has been issued we will tell you.",
        2,
    )
    assert [c[0] for c in changes(conversation(first, second))] == ["add"]


def test_found_the_following_record_and_we_also_see_describe_what_is_published() -> None:
    ticket = _text(
        "We have checked DNS for the domain hmrc.gov.uk and found the following DCV record:\n\n"
        "    Host:   _dnsauth.hmrc.gov.uk\n    Type:   TXT\n    Value:  wuw8r8zzoa22psadt06q72h7o8gxh0v0\n\n"
        "Please note: we also see a TXT record on the base domain hmrc.gov.uk itself containing the "
        "value e65zy5jz75mfi5fhnnv9j42t570mikxo. Please do not modify or remove it.\n"
    )
    assert changes(ticket) == []
    assert {o.value for o in read(ticket).observed} == {
        "wuw8r8zzoa22psadt06q72h7o8gxh0v0",
        "e65zy5jz75mfi5fhnnv9j42t570mikxo",
    }


def test_a_backout_plan_and_last_years_request_are_not_requests() -> None:
    ticket = _text(
        "Please change that record so that it points to the new target instead:\n\n"
        "    _acme-challenge.www.gov.uk. 300 IN CNAME 99zx4xthm2ff1z9dfz.fastly-validations.com.\n\n"
        "In ticket #71842 we asked you to add _acme-challenge.www.gov.uk CNAME "
        "gkt7nr68bhczrgp2at.fastly-validations.com. That token was retired.\n\n"
        "5. Backout\n\n"
        "If anything goes wrong, the backout is to put the record back to its present value:\n\n"
        "    _acme-challenge.www.gov.uk. 300 IN CNAME y5fg9ebsdy7wgqsz9b.fastly-validations.com.\n"
    )
    assert [c[3] for c in changes(ticket)] == ["99zx4xthm2ff1z9dfz.fastly-validations.com."]
    # last year's value is read by nothing else: a person is told, in case it is asked again
    assert "unread_value" in codes(ticket)


def test_a_past_request_chased_in_the_same_breath_is_said_out_loud() -> None:
    ticket = _text(
        "Last week we asked you to add _acme-challenge.www.gov.uk CNAME "
        "gkt7nr68bhczrgp2at.fastly-validations.com. It is still not visible. Could you add it?\n"
    )
    assert "unread_value" in codes(ticket)


def test_white_header_text_on_a_cell_background_is_visible() -> None:
    from bot.htmltext import html_to_text

    html = (
        '<table><tr><td style="background:#1F3864"><span style="color:white">Host</span></td>'
        '<td bgcolor="#003366"><font color="#ffffff">Value</font></td></tr></table>'
        '<p><span style="color:#ffffff">hidden</span></p>'
    )
    text = html_to_text(html)
    assert "| Host | Value |" in text and "hidden" not in text


def test_a_br_inside_a_host_name_in_a_cell_is_no_space() -> None:
    from bot.htmltext import html_to_text

    html = (
        "<table><tr><td>a</td><td>a0ddfb6a-54dd.4.<br>authorize.certificatemanager.goog.</td></tr>"
        "<tr><td>b</td><td>Done.<br>Thanks</td></tr>"
        "<tr><td>c</td><td>95y65pqckd97oaf1jq.<br>fastly-validations.com</td></tr>"
        "<tr><td>d</td><td>Done.<br>www.gov.uk</td></tr></table>"
    )
    text = html_to_text(html)
    assert "a0ddfb6a-54dd.4.authorize.certificatemanager.goog." in text
    assert "Done. Thanks" in text and "Done. www.gov.uk" in text
    assert "95y65pqckd97oaf1jq.fastly-validations.com" in text


def test_a_status_in_brackets_after_a_name_says_whether_its_block_is_needed() -> None:
    ticket = _text(
        "Only the names marked Pending need a DNS record; please don't be put off by the list.\n\n"
        "  x.service.gov.uk (Valid)\n"
        "    Host:      _b71f.x.service.gov.uk\n"
        "    Points to: 1166c33c.3a852982.sectigo.com\n\n"
        "  www.x.service.gov.uk (Pending)\n"
        "    Host:      _b71f.www.x.service.gov.uk\n"
        "    Points to: 1166c33c.3a852982.sectigo.com\n"
    )
    assert [(c[0], c[1]) for c in changes(ticket)] == [("add", "_b71f.www.x.service.gov.uk.")]


def test_a_status_column_word_is_no_cname_target() -> None:
    ticket = _text(
        "  SAN                      DCV method   Status\n"
        "  www.x.service.gov.uk     CNAME        Pending\n"
    )
    assert changes(ticket) == [] and "unparsed_record" not in codes(ticket)


def test_a_step_heading_after_issuance_holds_for_its_section() -> None:
    ticket = _text(
        "Step 1 – today\n\n"
        "  1. _acme-challenge.gov.uk.  300  IN  CNAME  f9opg8hmecz02e9p11.fastly-validations.com.\n\n"
        "Step 2 – after we confirm issuance\n\n"
        "  1. Remove the old GlobalSign verification record:\n\n"
        '       gov.uk.  IN  TXT  "globalsign-domain-verification=9cQXrp6Sm6nDBByvos9yAA-_rgadaR8X6_hygRchN2"\n'
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_only_one_of_these_is_still_needed_narrows_an_api_dump() -> None:
    ticket = _text(
        '  "record_name": "_acme-challenge.gov.uk",\n'
        '  "record_type": "CNAME",\n'
        '  "values": ["2svctyk7ccpek5ggjj.fastly-validations.com"]\n\n'
        "Only one of these records is still needed from you – the CNAME for www.gov.uk:\n\n"
        "_acme-challenge.www.gov.uk  CNAME  olqn049fydwoe5jnn9.fastly-validations.com\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert "unread_value" in codes(ticket)  # the apex record is said, not asked: a person reads


def test_a_forwarders_correction_moves_the_record_it_forwards() -> None:
    ticket = _text(
        "Forwarding this - note: the host in the mail below is wrong, it should be\n"
        "_acme-challenge.www.gov.uk, not _acme-challenge.gov.uk. The target is correct.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Fastly Support <support@fastly.com>\n"
        "Subject: DNS record\n\n"
        "Please create:\n\n"
        "  Host:       _acme-challenge.gov.uk\n"
        "  Type:       CNAME\n"
        "  Points to:  2y5z52agceb5svkxpu.fastly-validations.com\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert "superseded" in codes(ticket)


def test_anything_not_in_the_new_table_can_go_is_not_guessed() -> None:
    ticket = _text(
        "Table 2 – what it should look like\n\n"
        "Name                        Type   Value\n"
        "_acme-challenge.gov.uk      CNAME  2j1cr6wiaqxjytbz2n.fastly-validations.com\n\n"
        "Anything in Table 1 that isn't in Table 2 can be removed once the certificate is issued.\n"
    )
    assert not any(c[0] == "delete" for c in changes(ticket))
    assert "ambiguous_request" in codes(ticket)


def test_a_record_included_by_mistake_is_withdrawn() -> None:
    first = vendor(
        "_acme-challenge.www.gov.uk. CNAME tew4ol15z1i8kjzoi1.fastly-validations.com.\n"
        "_acme-challenge.gov.uk. CNAME lenph50pbwknqwupyz.fastly-validations.com.",
        1,
    )
    second = vendor("The second record, _acme-challenge.gov.uk, was included by mistake.", 2)
    ticket = conversation(first, second)
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert codes(ticket) == ["retracted"]


def test_records_under_a_bare_domain_heading_are_relative_to_it() -> None:
    ticket = _text(
        "I've grouped them per domain below; the record name under each heading is relative.\n\n"
        "gov.uk\n\n_acme-challenge    CNAME    8izftzibr4e1lqzm97.fastly-validations.com\n\n"
        "www.gov.uk\n\n_acme-challenge    CNAME    it32lqvafgfufbtwjp.fastly-validations.com\n\n"
        "(www.gov.uk itself is currently a CNAME to www-cdn.production.govuk.service.gov.uk - "
        "leave that one exactly as it is.)\n\n"
        "In assets.publishing.service.gov.uk:\n\n"
        "_acme-challenge    CNAME    3mpho4swsvwu8szx6d.fastly-validations.com\n"
    )
    assert sorted(c[1] for c in changes(ticket)) == [
        "_acme-challenge.assets.publishing.service.gov.uk.",
        "_acme-challenge.gov.uk.",
        "_acme-challenge.www.gov.uk.",
    ]


def test_a_ttl_a_later_comment_gives_for_both_records() -> None:
    first = vendor(
        "_acme-challenge.staging.publishing.service.gov.uk. CNAME vbs8o2ymd24bfl0qh8.fastly-validations.com.\n"
        "_acme-challenge.integration.publishing.service.gov.uk. CNAME hof7miyvtc8j04xepe.fastly-validations.com.",
        1,
    )
    second = vendor("Please use a TTL of 300 seconds on both records.", 2)
    assert [c.ttl for c in read(conversation(first, second)).changes] == [300, 300]


def test_a_cname_instead_of_the_txt_replaces_the_request() -> None:
    first = vendor(
        '_acme-challenge.gov.uk. IN TXT "hvS9fy_8RB65iGQzs3-2FU9y0KMLJZhj9gZdsVrv9uA"', 1
    )
    second = vendor(
        "Actually, please use a CNAME instead of the TXT record:\n\n"
        "_acme-challenge.gov.uk.  IN  CNAME  68nopqcpea11c5xs8r.fastly-validations.com.\n\n"
        "Please don't publish the TXT value Jonas sent.",
        2,
    )
    ticket = conversation(first, second)
    assert [(c[0], c[2]) for c in changes(ticket)] == [("add", "CNAME")]
    assert codes(ticket) == ["retracted"]


def test_a_checklist_ticked_item_goes_on_over_its_indented_lines() -> None:
    ticket = _text(
        "- [x] staging: ACM validation CNAME - you added it and it resolves:\n"
        "      `_8296.staging.x.service.gov.uk. CNAME _eced.kqxpzkzivh.acm-validations.aws.`\n"
        "- [ ] **only after ACM shows the certificate as Issued**: remove the Sectigo DCV CNAME\n"
        "      `_cc83.x.service.gov.uk. CNAME 5cf5.c7b2.sectigo.com.`\n"
    )
    assert [(c.action, c.name, c.when) for c in read(ticket).changes] == [
        ("delete", "_cc83.x.service.gov.uk.", "after_issuance")
    ]
    # The ticked record is observed; so is the one to remove (the vendor says it is there).
    assert [o.name for o in read(ticket).observed] == [
        "_8296.staging.x.service.gov.uk.",
        "_cc83.x.service.gov.uk.",
    ]


def test_the_only_record_at_the_name_looking_at_the_zone_is_observed() -> None:
    ticket = _text(
        "Looking at the zone from our side, the only CAA record at the name is:\n\n"
        '    publishing.service.gov.uk.  300  IN  CAA  0 issue "amazon.com"\n\n'
        "Please keep that record as it is. Add this next to it:\n\n"
        '    publishing.service.gov.uk.  300  IN  CAA  0 issue "globalsign.com"\n'
    )
    assert [c[3] for c in changes(ticket)] == ['0 issue "globalsign.com"']
    assert [o.value for o in read(ticket).observed] == ['0 issue "amazon.com"']


def test_dont_add_edit_or_remove_any_records_negates_every_verb() -> None:
    ticket = _text(
        "From our resolvers:\n$ dig +short A gov.uk\n151.101.0.144\n151.101.64.144\n"
        "So there is nothing for you to change in DNS: please don't add, edit or remove any "
        "records at gov.uk for this renewal.\n"
    )
    assert changes(ticket) == []


def test_certbot_blocks_a_ttl_on_both_and_the_old_value_there() -> None:
    ticket = _text(
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.x.service.gov.uk.\n\nwith the following value:\n\n"
        "pRUoDCwcVpVkOTmF5V9ETA3_qs267sy1zS4jdC6uSVA\n\n- - - - - - - -\n"
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.x.service.gov.uk.\n\nwith the following value:\n\n"
        "Z1h9xaxHU5GPA6hgi2zO8oYt0n-8cEOMgzmOxlWolp-\n\n"
        "TTL=60 on both, please, if your tooling allows it.\n\n"
        "The value from last quarter is still being served at\n"
        'that name. dig shows just one TXT there, "BjhBXm-Y9pb1VNGO5EQB6L2RyaqCGaQ2rAd6bICuQ25", '
        "because certbot never\ncleans up. Please delete that old TXT when you add the new ones.\n"
    )
    got = [(c.action, c.value, c.ttl) for c in read(ticket).changes]
    assert got == [
        ("add", "pRUoDCwcVpVkOTmF5V9ETA3_qs267sy1zS4jdC6uSVA", 60),
        ("add", "Z1h9xaxHU5GPA6hgi2zO8oYt0n-8cEOMgzmOxlWolp-", 60),
        ("delete", "BjhBXm-Y9pb1VNGO5EQB6L2RyaqCGaQ2rAd6bICuQ25", None),
    ]


def test_an_at_sign_with_no_domain_said_is_not_put_at_the_gov_uk_apex() -> None:
    ticket = Ticket(
        id="1",
        subject="Certificate validation",
        text="Request you to add the following TXT record:\n\nHost : @\nType : TXT\n"
        "Value : globalsign-domain-verification=7yOdYEXIfNzMhOowZT2dry4cL4j7G121wJ3RGDYJ1v\n",
    )
    assert changes(ticket) == [] and "unparsed_record" in codes(ticket)


def test_a_subject_naming_one_domain_places_an_at_sign() -> None:
    ticket = Ticket(
        id="1",
        subject="[Fastly Support] #58766 TXT record for domain verification - apply-for-a-licence.service.gov.uk",
        text="Request you to add the following TXT record:\n\nHost : @\nType : TXT\n"
        "Value : globalsign-domain-verification=7yOdYEXIfNzMhOowZT2dry4cL4j7G121wJ3RGDYJ1v\n",
    )
    assert [c[1] for c in changes(ticket)] == ["apply-for-a-licence.service.gov.uk."]


def test_the_zone_origin_of_a_domain_names_it() -> None:
    ticket = _text(
        'Please add the following DNS TXT record at the zone origin ("@") of gov.uk:\n\n'
        '@ IN TXT "globalsign-domain-verification=I3JYn_8OUSewKCggUDdxUUlafYzZZz4-1efuNeB6kH"\n'
    )
    assert [c[1] for c in changes(ticket)] == ["gov.uk."]


def test_the_correct_value_is_as_below_after_an_ignore_asks_for_it() -> None:
    first = vendor(
        "a. _acme-challenge.www.gov.uk    CNAME    j0zjrbth18pqpef1r6.fastly-validations.com\n"
        "b. _acme-challenge.gov.uk        CNAME    fqq4x9fr60npvs004r.fastly-validations.com",
        1,
    )
    second = vendor(
        "Apologies. Pls IGNORE point b. in my previous email, I copied it by mistake. The correct "
        "value for gov.uk is as below:\n\n"
        "b. _acme-challenge.gov.uk        CNAME    7psih5lueylt3s6t9f.fastly-validations.com",
        2,
    )
    ticket = conversation(first, second)
    assert sorted(c[3] for c in changes(ticket)) == [
        "7psih5lueylt3s6t9f.fastly-validations.com.",
        "j0zjrbth18pqpef1r6.fastly-validations.com.",
    ]
    assert "superseded" in codes(ticket)


def test_dont_create_two_relative_names_withdraws_both() -> None:
    first = vendor(
        "All of them sit in the digitalmarketplace.service.gov.uk zone.\n\n"
        "HOST: _acme-challenge.www\nPOINTS TO: vtpdiu1rtj0xb0d56d.fastly-validations.com\n\n"
        "HOST: _acme-challenge.www.staging\nPOINTS TO: lsfn5f3kdrfy7jvym1.fastly-validations.com\n\n"
        "HOST: _acme-challenge.api.staging\nPOINTS TO: biddtb08cgiesbbcir.fastly-validations.com",
        1,
    )
    second = vendor(
        "Please don't create _acme-challenge.www.staging or _acme-challenge.api.staging.", 2
    )
    ticket = conversation(first, second)
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.www.digitalmarketplace.service.gov.uk."
    ]


def test_zone_file_comments_say_how_each_record_is_meant() -> None:
    ticket = _text(
        "$TTL 600\n\n$ORIGIN service.gov.uk.\n"
        "_acme-challenge.apply   IN  CNAME  ufqj3u2eyb772q9pmk.fastly-validations.com.   ; NEW\n"
        "_acme-challenge.find    IN  CNAME  5swdfl29m7d2flr0rm.fastly-validations.com.   ; EXISTING - no change\n\n"
        "; REMOVE once the renewed certificate has been issued. This is a stale answer that\n"
        "; is still published:\n"
        '_acme-challenge.reg     IN  TXT    "sRJ5J6UXxYZOBxvh9ytJeQ9aC8jTttd9w38f5IePh1e"\n\n'
        "; ---- supplier zone: for reference only, already published, nothing for GOV.UK ----\n"
        "$ORIGIN example-supplier.co.uk.\n"
        "_acme-challenge.status  IN  CNAME  zfggdyra8qhb9fg13d.fastly-validations.com.\n"
    )
    got = [(c.action, c.name, c.when) for c in read(ticket).changes]
    assert got == [
        ("add", "_acme-challenge.apply.service.gov.uk.", "now"),
        ("delete", "_acme-challenge.reg.service.gov.uk.", "after_issuance"),
    ]


def test_the_words_of_an_action_column_named_in_prose_ask_for_nothing() -> None:
    from bot.reading.actions import action_cue

    assert action_cue("Only the rows marked ADD, UPDATE or REMOVE need anything from you") is None
    assert action_cue("Please remove the rows marked NONE from your list") == "delete"


def test_record_name_colon_dash_labels_and_update_us_on_the_ticket() -> None:
    ticket = _text(
        "Request you to kindly add the TXT records as per below and update us.\n\n"
        "i.   Domain : gov.uk\n\n"
        "     Record Name :-  @            (i.e. gov.uk itself)\n"
        "     Type        :   TXT\n"
        "     Record Value:-  globalsign-domain-verification=1fsnDnRBtPpfATYzjy-p2j6uD-fgW1s7lwaovutDe-\n\n"
        "ii.  Old token clean-up\n\n"
        "     The token from last year which is still present on gov.uk is :\n"
        "         globalsign-domain-verification=Dbp5tzhjm5pknlwGwYBtgjUH3dqzetN6WuuTL0da2a\n"
        "     This one can be removed, but ONLY AFTER the new certificate is issued.\n"
    )
    got = [(c.action, c.name, c.value, c.when) for c in read(ticket).changes]
    assert got == [
        (
            "add",
            "gov.uk.",
            "globalsign-domain-verification=1fsnDnRBtPpfATYzjy-p2j6uD-fgW1s7lwaovutDe-",
            "now",
        ),
        (
            "delete",
            "gov.uk.",
            "globalsign-domain-verification=Dbp5tzhjm5pknlwGwYBtgjUH3dqzetN6WuuTL0da2a",
            "after_issuance",
        ),
    ]


def test_a_spreadsheet_pasted_with_tabs_keeps_its_empty_cells_and_action_column() -> None:
    ticket = _text(
        "Legend: Out of scope -> another organisation's zone, ignore\n\n"
        "Hostname\tRecord name\tType\tCurrent value\tRequired value\tTTL\tAction\n"
        "gov.uk\tgov.uk\tTXT\t\tglobalsign-domain-verification=Icz5rpLhWmXriVfzwqat680RI53Gz-4LQngWu8u07R\t3600\tAdd\n"
        "www.gov.uk\t_acme-challenge.www.gov.uk\tCNAME\t8u05eargowidscfxj4.fastly-validations.com\t8u05eargowidscfxj4.fastly-validations.com\t\tNo change\n"
        "x.service.gov.uk\t_acme-challenge.x.service.gov.uk\tTXT\t2eHfg_4bMiHq3VB9C2wxHCqzQSwYrL7TOVRxJSduHZq\t\t\tDelete after issue\n"
        "digital.nhs.uk\t_acme-challenge.digital.nhs.uk\tCNAME\t\te0sijvr9awgu1svh7s.fastly-validations.com\t\tOut of scope\n"
    )
    got = [(c.action, c.name, c.ttl, c.when) for c in read(ticket).changes]
    assert got == [
        ("add", "gov.uk.", 3600, "now"),
        ("delete", "_acme-challenge.x.service.gov.uk.", None, "after_issuance"),
    ]


def test_a_dig_answer_aligned_with_tabs_is_not_a_spreadsheet() -> None:
    ticket = _text('gov.uk.\t\t\t3600\tIN\tCAA\t0 issue "letsencrypt.org"\n')
    assert [(c.type, c.ttl) for c in read(ticket).changes] == [("CAA", 3600)]


def test_do_not_remove_that_yet_is_a_time_not_a_refusal() -> None:
    ticket = _text(
        "We can see the old GlobalSign verification token is still published on the apex:\n\n"
        '    gov.uk.   TXT   "globalsign-domain-verification=KNvwfV31Qoj51QdBYebQ78lalGj7TZ1Zfx5F3tkj7X"\n\n'
        "Please do NOT remove that yet. Once the new certificate has been issued and gov.uk and "
        "www.gov.uk are being served with it, please delete that TXT record.\n"
    )
    assert [(c.action, c.name, c.when) for c in read(ticket).changes] == [
        ("delete", "gov.uk.", "after_issuance")
    ]


def test_what_the_vendor_will_do_itself_is_no_request() -> None:
    from bot.reading.actions import action_cue

    assert action_cue("We'll delete the old subscription on our side") is None
    assert action_cue("the subscription will be deleted once the certificate is deployed") is None
    assert action_cue("we'll need you to delete the old TXT") == "delete"


def test_a_sed_substitution_corrects_the_value_sent_before() -> None:
    first = vendor(
        "_acme-challenge.www.gov.uk    CNAME   qzuo8s1po3quoyqcod.fastly-validations.com", 1
    )
    second = vendor(
        "One correction to my first message:\n\ns/qzuo8s1po3quoyqcod/uf1lhyauro1oev223t/", 2
    )
    ticket = conversation(first, second)
    assert [c[3] for c in changes(ticket)] == ["uf1lhyauro1oev223t.fastly-validations.com."]
    assert codes(ticket) == ["superseded"]


def test_b_please_answers_our_lettered_question() -> None:
    first = vendor(
        "Name: _acme-challenge.www.gov.uk\nType: CNAME\nValue: bl3ikkh7q4rwh7gqxl.fastly-validations.com",
        1,
    )
    ours = us(
        "There is already a record at that name:\n\n$ dig +short TXT _acme-challenge.www.gov.uk\n"
        '"XubmFCZrQUPpOoqj3nhwg1LQzkvyWWcskEn2v5lH7Yg"\n\n'
        "Which do you want us to ask for:\n(a) keep the TXT and add your CNAME next to it, or\n"
        "(b) delete the TXT and add the CNAME?",
        2,
    )
    answer = vendor("> (b) delete the TXT and add the CNAME?\n\n(b), please.", 3)
    got = [(c[0], c[2], c[3]) for c in changes(conversation(first, ours, answer))]
    assert sorted(got) == [
        ("add", "CNAME", "bl3ikkh7q4rwh7gqxl.fastly-validations.com."),
        ("delete", "TXT", "XubmFCZrQUPpOoqj3nhwg1LQzkvyWWcskEn2v5lH7Yg"),
    ]


def test_a_cname_alongside_the_one_already_there_is_held_back() -> None:
    first = vendor(
        "_acme-challenge.www.gov.uk. 3600 IN CNAME e6w411pxdbbamb3w4l.fastly-validations.com.", 1
    )
    ours = us(
        "There is already a CNAME there:\n\n$ dig +short CNAME _acme-challenge.www.gov.uk\n"
        "7f7c82de-2d1d-4f66-938e-f1c93357d823.4.authorize.certificatemanager.goog.",
        2,
    )
    answer = vendor("Please leave the Google record as it is and add ours alongside it.", 3)
    ticket = conversation(first, ours, answer)
    assert [c[0] for c in changes(ticket)] == ["add"]
    assert "ambiguous_request" in codes(ticket)


def test_alongside_the_one_there_please_dont_replace_it_asks_for_the_new_records() -> None:
    ticket = _text(
        "So the ask is just two records, both on publishing.service.gov.uk itself (alongside the "
        "GlobalSign one, please don't replace it - we want to be able to fall back):\n\n"
        "| Name | Type | Value |\n|---|---|---|\n"
        '| publishing.service.gov.uk | CAA | 0 issue "certainly.com" |\n'
        '| publishing.service.gov.uk | CAA | 0 issuewild "certainly.com" |\n\n'
        "For a bit of context: last year your team added the _acme-challenge.publishing.service.gov.uk "
        "CNAME to k7fx64mycnelassbdz.fastly-validations.com. It is still published.\n"
    )
    assert [(c[0], c[3]) for c in changes(ticket)] == [
        ("add", '0 issue "certainly.com"'),
        ("add", '0 issuewild "certainly.com"'),
    ]
    assert [o.type for o in read(ticket).observed] == ["CNAME"]


def test_the_cname_from_the_forwarded_notice_is_read() -> None:
    ticket = _text(
        "Forwarding the automated notice our platform sent overnight. That TXT needs to be "
        "deleted and the CNAME from the notice added in its place.\n\n"
        "---------- Forwarded message ---------\n"
        "From: Fastly <no-reply@fastly.com>\n"
        "Subject: Action required\n\n"
        "  www.data.gov.uk    Pending     Conflicting record(s) found at "
        "_acme-challenge.www.data.gov.uk. Please remove the record(s) and add the following CNAME "
        "record: pynb9wlkmyip8u5073.fastly-validations.com\n"
    )
    assert (
        "add",
        "_acme-challenge.www.data.gov.uk.",
        "CNAME",
        "pynb9wlkmyip8u5073.fastly-validations.com.",
        None,
    ) in changes(ticket)


def test_a_record_the_vendors_own_team_will_create_is_not_asked_of_us() -> None:
    ticket = _text(
        "Please create:\n\n_acme-challenge.gov.uk. CNAME f1ej536v43tea4ukxq.fastly-validations.com.\n\n"
        "edgecompute.app is a zone Fastly operates, so our platform team will create\n\n"
        "    _acme-challenge.govuk-failover.edgecompute.app.   CNAME   ere3k4sf2gco0q2gu8.fastly-validations.com.\n\n"
        "on our side.\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.gov.uk."]


def test_nothing_to_do_for_that_one_under_a_block_sets_it_aside() -> None:
    ticket = _text(
        "For completeness, the staging environment has its own request:\n\n"
        "| Domain | Type | CNAME name | CNAME value |\n|---|---|---|---|\n"
        "| staging.x.service.gov.uk | CNAME | _6806.staging.x.service.gov.uk. | _ca2f.rfggjctmum.acm-validations.aws. |\n\n"
        "You don't need to do anything for that one. We'll create it in our own zone.\n\n"
        "Deleting validation records is the most common reason renewals fail.\n"
    )
    assert changes(ticket) == []


def test_a_notification_author_without_the_agents_organisation_is_someone_else() -> None:
    sep = "----------------------------------------------"
    ticket = _text(
        "##- Please type your reply above this line -##\n\n"
        "Your request (58218) has been updated. To add additional comments, reply to this email.\n\n"
        f"{sep}\n\nMarcus Lindqvist (Fastly Support)\n\nNov 27, 2026, 11:20 GMT\n\n"
        "The only record we need is _acme-challenge.www.gov.uk CNAME "
        "wp6bgb1wcqcmu44u02.fastly-validations.com.\n\n"
        f"{sep}\n\nDan Okafor\n\nNov 27, 2026, 10:02 GMT\n\n"
        "Could you add this one too?\n\n"
        "_acme-challenge.tax-checker.service.gov.uk   CNAME   7meev1w4cqenvngza4.fastly-validations.com\n\n"
        f"{sep}\n\nThis email is a service from Fastly Support.\n"
    )
    roles = {c.name: c.source.role for c in read(ticket).changes if c.source}
    assert roles == {
        "_acme-challenge.www.gov.uk.": "vendor",
        "_acme-challenge.tax-checker.service.gov.uk.": "other",
    }


def test_add_a_cname_in_a_sentence_then_remove_that_same_cname_after_issuance() -> None:
    ticket = _text(
        "Could you please add a CNAME record for _0909.static-mirror.publishing.service.gov.uk "
        "pointing to 3fa9.d3be.sectigo.com at your earliest convenience?\n\n"
        "So once the certificate has been issued, could you then remove that same CNAME again?\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_bulleted_arrow_pairs_under_a_lead_in_naming_the_type() -> None:
    ticket = _text(
        "we need the following two CNAME records adding to the gov.uk zone:\n\n"
        "  * _acme-challenge.www.gov.uk  ->  27e5o8f0nngluo260a.fastly-validations.com\n"
        "  * _acme-challenge.gov.uk      ->  ulgx2atyv2mtm66qyb.fastly-validations.com\n"
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.www.gov.uk.",
        "_acme-challenge.gov.uk.",
    ]


def test_last_years_token_at_the_same_name_then_delete_it() -> None:
    ticket = _text(
        "It has to be published as a TXT record at the origin of the gov.uk zone:\n\n"
        '    @    3600    IN    TXT    "globalsign-domain-verification=Hx4sHvjAEX7h8y6XTaY8mjzhbZUWXGE3fkVBA5r-sT"\n\n'
        "For reference, the token from last year's renewal is still published at the same name:\n\n"
        "    globalsign-domain-verification=dmyWFYyi3sgmFy2t4TYJa4bCdlg--9A0aYVlMK_axG\n\n"
        "Please leave that one in place for now. Once we've confirmed that the renewed certificate "
        "has been issued, please delete it.\n"
    )
    got = [(c.action, c.value, c.when) for c in read(ticket).changes]
    assert got == [
        ("add", "globalsign-domain-verification=Hx4sHvjAEX7h8y6XTaY8mjzhbZUWXGE3fkVBA5r-sT", "now"),
        (
            "delete",
            "globalsign-domain-verification=dmyWFYyi3sgmFy2t4TYJa4bCdlg--9A0aYVlMK_axG",
            "after_issuance",
        ),
    ]


def test_a_record_named_in_one_sentence_and_its_value_in_the_next() -> None:
    ticket = _text(
        "Please create a TXT record on _dnsauth.publishing.service.gov.uk. Its value must be the\n"
        "following random value, entered exactly as shown: 06l7j2apa0v40j5bj71di83fq1wxubqz\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_dnsauth.publishing.service.gov.uk.",
            "TXT",
            "06l7j2apa0v40j5bj71di83fq1wxubqz",
            None,
        )
    ]
    assert codes(ticket) == []


def test_they_have_removed_it_is_told_not_asked() -> None:
    from bot.reading.actions import action_cue

    assert action_cue("They've removed it, and that regenerated the challenge.") is None
    assert action_cue("Could they remove it?") == "delete"


def test_once_issued_two_lines_above_the_removal_still_times_it() -> None:
    ticket = _text(
        "One thing to do later. Once the Certainly certificate has been issued and deployed (I'll\n"
        "confirm on this ticket), the GlobalSign verification record at the gov.uk apex is no longer\n"
        "needed and can be removed:\n\n"
        'gov.uk  TXT  "globalsign-domain-verification=ApIGpnBWoMmeBdGLNoZpUoevrGREZjPrbf32RA8tfN"\n'
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_a_reply_passing_on_a_notice_keeps_its_own_records_too() -> None:
    ticket = _text(
        "Forwarding the automated notice. The leftover TXT is still there:\n\n"
        "    $ dig +short TXT _acme-challenge.www.data.gov.uk\n"
        '    "UWB5zYrQMu1iqE7xmZfWBGLM4-AQrVNIu-AT9NcLJ3E"\n\n'
        "Please also add _acme-challenge.data.gov.uk CNAME olhakbdjwqv9a15vv5.fastly-validations.com\n\n"
        "---------- Forwarded message ---------\n"
        "From: Fastly <no-reply@fastly.com>\n"
        "Subject: Action required\n\n"
        "  www.data.gov.uk    Pending     Conflicting record(s) found at "
        "_acme-challenge.www.data.gov.uk. Please remove the record(s) and add the following CNAME "
        "record: pynb9wlkmyip8u5073.fastly-validations.com\n"
    )
    got = {(c[0], c[1], c[3]) for c in changes(ticket)}
    assert (
        "add",
        "_acme-challenge.data.gov.uk.",
        "olhakbdjwqv9a15vv5.fastly-validations.com.",
    ) in got
    assert (
        "add",
        "_acme-challenge.www.data.gov.uk.",
        "pynb9wlkmyip8u5073.fastly-validations.com.",
    ) in got


def test_the_random_value_is_only_good_for_30_days_tells_nothing() -> None:
    ticket = _text(
        "As the service.gov.uk zone is yours, please could you add the TXT record DigiCert asks for "
        "below? The random value is only good for 30 days.\n\n"
        "   Host / Name:   _dnsauth.report-a-pothole.service.gov.uk\n"
        "   Record type:   TXT\n"
        "   Value:         y0obpwefd8gbxcfj76b96y2bnbe2mfgz\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_dnsauth.report-a-pothole.service.gov.uk."]


def test_removing_it_early_wont_break_anything_is_no_request() -> None:
    from bot.reading.actions import action_cue

    assert action_cue("removing it early won't break anything") is None
    assert action_cue("please remove it early") == "delete"


def test_a_delete_names_a_published_record_unless_the_ticket_adds_it() -> None:
    ticket = _text(
        "Please add:\n\n"
        '    _acme-challenge.www.gov.uk. IN TXT "NewNewNewNewNewNewNewNewNewNewNewNewNew1234"\n\n'
        "The old TXT record at the apex is no longer needed and can be deleted:\n\n"
        '    gov.uk. IN TXT "globalsign-domain-verification=OldOldOldOldOldOldOldOldOldOldOldOld12"\n\n'
        "Once the certificate is issued, please also remove the _acme-challenge.www.gov.uk TXT "
        "record above.\n"
    )
    new, old = "NewNewNewNewNewNewNewNewNewNewNewNewNew1234", "globalsign-domain-verification=Old"
    # "The old TXT record at the apex" is the one that follows, never the `_acme-challenge`
    # record just asked for; "the … TXT record above" is the one record shown at that name.
    assert [(c.action, c.name, c.value[:34], c.when) for c in read(ticket).changes] == [
        ("add", "_acme-challenge.www.gov.uk.", new[:34], "now"),
        ("delete", "gov.uk.", old, "now"),
        ("delete", "_acme-challenge.www.gov.uk.", new[:34], "after_issuance"),
    ]
    assert [(o.name, o.type) for o in read(ticket).observed] == [("gov.uk.", "TXT")]


def test_a_record_to_leave_as_it_is_is_observed_not_deleted() -> None:
    ticket = _text(
        "Two records were set up last year, and one of them can now go:\n\n"
        "1. The GlobalSign TXT at the top of the gov.uk zone isn't needed any more:\n\n"
        '       gov.uk.   TXT   "globalsign-domain-verification=Yi2QeSLmZ3HtAW04bkCXWw_3wDwOVl"\n\n'
        "   Please remove that record.\n\n"
        "2. Please leave _acme-challenge.www.gov.uk (the CNAME to "
        "3fow3k699ltr25gab9.fastly-validations.com) exactly as it is.\n"
    )
    assert [(c[0], c[1], c[2]) for c in changes(ticket)] == [("delete", "gov.uk.", "TXT")]
    assert ("_acme-challenge.www.gov.uk.", "CNAME") in [
        (o.name, o.type) for o in read(ticket).observed
    ]


def test_a_lead_in_saying_not_appended_to_the_existing_strings_still_asks() -> None:
    ticket = _text(
        "Please add the following record at the apex of the gov.uk zone. It must be a TXT "
        "record of its own, not appended to one of the existing strings:\n\n"
        '    gov.uk. 3600 IN TXT "globalsign-domain-verification=5d_XcAT3Luac8_T8VIkdsUdB-N-28"\n'
    )
    assert [(c[0], c[1]) for c in changes(ticket)] == [("add", "gov.uk.")]


def test_found_two_values_describes_what_is_published() -> None:
    ticket = _text(
        "We looked at the TXT records at the apex of that zone and found two GlobalSign "
        "verification values:\n\n"
        '    publishing.service.gov.uk. 3600 IN TXT "globalsign-domain-verification=bSioPu19CrN"\n'
        '    publishing.service.gov.uk. 3600 IN TXT "globalsign-domain-verification=EimuR7xQRpo"\n'
    )
    assert changes(ticket) == []
    assert len(read(ticket).observed) == 2


def test_the_one_ending_in_names_the_record_to_remove() -> None:
    ticket = _text(
        "This is what the gov.uk TXT records look like right now:\n\n"
        'gov.uk. 300 IN TXT "v=spf1 -all"\n'
        'gov.uk. 300 IN TXT "globalsign-domain-verification=TT33MFQNHJbTbU7LYMoDcQx-MsJ4O"\n\n'
        "Please add the following record:\n\n"
        'gov.uk. 3600 IN TXT "globalsign-domain-verification=5d_XcAT3Luac8_T8VIkdsUdB-N"\n\n'
        "The existing GlobalSign record (the one ending in -MsJ4O) will no longer be needed "
        "once the renewed certificate is live, so it can be removed at that point.\n"
    )
    assert sorted((c.action, c.value, c.when) for c in read(ticket).changes) == [
        ("add", "globalsign-domain-verification=5d_XcAT3Luac8_T8VIkdsUdB-N", "now"),
        (
            "delete",
            "globalsign-domain-verification=TT33MFQNHJbTbU7LYMoDcQx-MsJ4O",
            "after_issuance",
        ),
    ]


def test_a_name_then_please_do_not_add_the_txt_withdraws_that_record() -> None:
    ticket = _text(
        "Add the following TXT record:\nDomain: '_acme-challenge.gov.uk'\n"
        "TXT value: 'HpLttjzmfaJhyMBFBe_Z70I7RIEymSgDBjhT0Koe6-8'\n"
        "Add the following TXT record:\nDomain: '_acme-challenge.www.gov.uk'\n"
        "TXT value: 'Uo6aF7LZyWsfE6jMJEILN067Zus8Q-p_pbeNvZR2N2k'\n\n"
        "Only the first needs anything from you:\n\n"
        "  - _acme-challenge.gov.uk, TXT, value HpLttjzmfaJhyMBFBe_Z70I7RIEymSgDBjhT0Koe6-8\n"
        "    -> please add this one. A TTL of 300 please.\n\n"
        "  - _acme-challenge.www.gov.uk -> please do NOT add the TXT for this one.\n"
    )
    assert [(c.action, c.name, c.ttl) for c in read(ticket).changes] == [
        ("add", "_acme-challenge.gov.uk.", 300)
    ]


def test_a_record_the_same_comment_shows_published_is_not_asked_for() -> None:
    ticket = _text(
        "Here are both, exactly as gcloud prints them:\n\n"
        "dnsResourceRecord:\n"
        "  data: 61ddf51c-b343-4907-b1dc-89109f3ddead.7.authorize.certificatemanager.goog.\n"
        "  name: _acme-challenge.assets-mirror.publishing.service.gov.uk.\n"
        "  type: CNAME\n\n"
        "The first one is already published and correct:\n\n"
        "$ dig +noall +answer CNAME _acme-challenge.assets-mirror.publishing.service.gov.uk\n"
        "_acme-challenge.assets-mirror.publishing.service.gov.uk. 300 IN CNAME "
        "61ddf51c-b343-4907-b1dc-89109f3ddead.7.authorize.certificatemanager.goog.\n\n"
        "Nothing to change there.\n"
    )
    assert changes(ticket) == []


def test_the_caa_line_in_my_first_message_isnt_needed_withdraws_it() -> None:
    ticket = conversation(
        vendor(
            "Please publish the two records below:\n\n"
            "1) _acme-challenge.www.gov.uk. 3600 IN CNAME sd04ou39gl8533tsjm.fastly-validations.com.\n"
            '2) gov.uk. 3600 IN CAA 0 issue "certainly.com"\n',
            1,
        ),
        us("Is the CAA record definitely needed?", 2),
        vendor(
            "The CAA line in my first message isn't needed, so please ignore it completely. "
            "The CNAME for www.gov.uk is still needed.",
            3,
        ),
    )
    assert [(c[0], c[2]) for c in changes(ticket)] == [("add", "CNAME")]
    assert "retracted" in codes(ticket)


def test_a_record_outside_the_suffixes_is_said_not_listed(app: AppConfig) -> None:
    ticket = _text(
        "Please add both:\n\n"
        "_acme-challenge.grants.service.gov.uk. CNAME ial3f8imrd5efevteu.fastly-validations.com.\n"
        "_acme-challenge.grants.harbourline-digital.co.uk. CNAME "
        "wrhilpxe9f2bvcovdm.fastly-validations.com.\n"
    )
    result = to_json(triage(ticket, DirectoryZones(app.owners(), app.suffixes), app))
    assert [c["name"] for c in result["changes"]] == ["_acme-challenge.grants.service.gov.uk."]
    outside = [f for f in result["flags"] if f["code"] == "outside_suffix"]
    assert [(f["name"], f["severity"]) for f in outside] == [
        ("_acme-challenge.grants.harbourline-digital.co.uk.", "info")
    ]
    assert outside[0]["source"]["first_line"] == 4


def test_a_delete_carries_no_ttl_and_its_draft_line_none(app: AppConfig) -> None:
    ticket = _text(
        "Please add:\n\n"
        'gov.uk. 300 IN TXT "globalsign-domain-verification=NewNewNewNewNewNewNewNewNewNewNew12"\n\n'
        "Once issued, please remove the old record:\n\n"
        'gov.uk. 300 IN TXT "globalsign-domain-verification=OldOldOldOldOldOldOldOldOldOldOld12"\n'
    )
    assert [(c.action, c.ttl) for c in read(ticket).changes] == [("add", 300), ("delete", None)]
    result = triage(ticket, DirectoryZones(app.owners(), app.suffixes), app)
    body = result.jisc_request.body if result.jisc_request else ""
    assert 'gov.uk. IN TXT "globalsign-domain-verification=Old' in body
    assert "our default" not in body


def test_an_arrow_list_of_validation_targets_needs_no_type_said_before() -> None:
    ticket = _text(
        "I need a few records from you. They all live in your service.gov.uk zone:\n\n"
        "- _acme-challenge.design-system.service.gov.uk -> 7c9vrk6kv6w0akc4si.fastly-validations.com\n"
        "- _acme-challenge.prototype-kit.service.gov.uk -> jp0cnfxa8qkrgo7vw2.fastly-validations.com\n"
    )
    assert [(c[1], c[2]) for c in changes(ticket)] == [
        ("_acme-challenge.design-system.service.gov.uk.", "CNAME"),
        ("_acme-challenge.prototype-kit.service.gov.uk.", "CNAME"),
    ]


def test_a_table_cell_holding_a_whole_record_is_read() -> None:
    ticket = _text(
        "Here's what to add:\n\n"
        "| Hostname | Record to create | Notes |\n"
        "| gov.uk | _acme-challenge.gov.uk CNAME plypt6i24hu2g9ahn1.fastly-validations.com "
        "| Lives in the gov.uk zone |\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "plypt6i24hu2g9ahn1.fastly-validations.com.",
            None,
        )
    ]


def test_now_and_change_to_in_one_cell_make_an_update_or_an_add() -> None:
    ticket = _text(
        "Please make the following changes:\n\n"
        "| Hostname | Type | Value |\n"
        "| _acme-challenge.www.staging.gov.uk | CNAME | Now: f6o1ye4vkc3s53brur.fastly-validations.com "
        "Change to: o32jdoryyn7weupw6k.fastly-validations.com |\n"
        "| _acme-challenge.assets.staging.gov.uk | CNAME | Now: no record found "
        "Create: 0tq2gvdhnxcaw6fc03.fastly-validations.com |\n"
    )
    assert [(c[0], c[3][:18], (c[4] or "")[:18]) for c in changes(ticket)] == [
        ("update", "o32jdoryyn7weupw6k", "f6o1ye4vkc3s53brur"),
        ("add", "0tq2gvdhnxcaw6fc03", ""),
    ]


def test_the_one_a_paragraph_picks_out_by_a_label_takes_the_value_below() -> None:
    ticket = _text(
        "  $ dig +short CNAME _acme-challenge.assets.publishing.service.gov.uk\n"
        "  ncj7cjs97gd3mzcbk7.fastly-validations.com.\n\n"
        "  $ dig +short CNAME _acme-challenge.draft-assets.publishing.service.gov.uk\n"
        "  y11tcaae5iimi4btz1.fastly-validations.com.\n\n"
        "The assets one is spot on, please leave that exactly as it is.\n\n"
        "The draft-assets one is the culprit. Could you repoint it to:\n\n"
        "  py2j1w66nogg1spzgs.fastly-validations.com\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.draft-assets.publishing.service.gov.uk.",
            "CNAME",
            "py2j1w66nogg1spzgs.fastly-validations.com.",
            "y11tcaae5iimi4btz1.fastly-validations.com.",
        )
    ]


def test_still_pointing_at_then_repoint_it_to_is_an_update() -> None:
    ticket = _text(
        "1. _acme-challenge.www.gov.uk (CNAME) is still pointing at "
        "lzn2kyj8ilnhjjkv3n.fastly-validations.com, which belongs to a retired subscription. "
        "Please repoint it to 6wmamxxfa5qaqr9ugb.fastly-validations.com.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "6wmamxxfa5qaqr9ugb.fastly-validations.com.",
            "lzn2kyj8ilnhjjkv3n.fastly-validations.com.",
        )
    ]


def test_steps_that_delete_then_recreate_one_record_are_held_as_ambiguous() -> None:
    ticket = _text(
        "Kindly perform the below steps for the domain gov.uk:\n\n"
        "1. Delete the existing CNAME record _acme-challenge.gov.uk which is pointing to\n"
        "   6qckdkv7xl6nhtkbbs.fastly-validations.com\n"
        "2. Create the CNAME record _acme-challenge.gov.uk pointing to\n"
        "   6qckdkv7xl6nhtkbbs.fastly-validations.com\n"
    )
    assert sorted(c[0] for c in changes(ticket)) == ["add", "delete"]
    assert [c[3] for c in changes(ticket)] == ["6qckdkv7xl6nhtkbbs.fastly-validations.com."] * 2
    assert "ambiguous_request" in codes(ticket)


def test_a_record_to_remain_in_place_until_a_later_notice_is_not_deleted() -> None:
    ticket = _text(
        "Please publish:\n\n"
        '_validation-persist.x.service.gov.uk. TXT "certainly.com; policy=wildcard"\n\n'
        "Your existing record _acme-challenge.x.service.gov.uk CNAME "
        "41qy6y9km1mxsgz2rr.fastly-validations.com should remain in place for now; we will "
        "let you know separately if and when it can be retired.\n"
    )
    assert [(c[0], c[2]) for c in changes(ticket)] == [("add", "TXT")]
    assert [o.type for o in read(ticket).observed] == ["CNAME"]


def test_a_verification_string_said_to_be_at_the_apex_is_a_txt_there() -> None:
    ticket = Ticket(
        id="1",
        subject="GlobalSign domain verification - gov.uk apex",
        text=(
            "Please could you add the following:\n\n"
            "| Host | Type | Value |\n"
            "| gov.uk | TXT | globalsign-domain-verification=OiICZHN1PH7fp-x4YuT71UP2stpPdwQU4 |\n\n"
            "For reference, a lookup this morning still returns last year's token at the apex: "
            '"globalsign-domain-verification=Wq1mO-eBJBzXSHBpft-vD41_-Dv41LZlthi". Please leave '
            "that one where it is for now. Once the new certificate has been issued, please have "
            "that old record removed.\n"
        ),
    )
    assert sorted((c.action, c.name, c.value[-8:], c.when) for c in read(ticket).changes) == [
        ("add", "gov.uk.", "tpPdwQU4", "now"),
        ("delete", "gov.uk.", "41LZlthi", "after_issuance"),
    ]


def test_remove_the_old_value_v_deletes_the_value_the_sentence_gives() -> None:
    ticket = _text(
        "  NOW:    add the new value as an extra TXT string at service.gov.uk\n"
        "          globalsign-domain-verification=pdSgnet8n0nH8uMsex7nrJgM78Qi31rXN4goHX\n\n"
        "  LATER:  once we confirm that the new certificate has been issued, remove the old\n"
        "          value globalsign-domain-verification=w3vHJ_eVimJaqruiuYwma6Nh1ZFN_sCB9-6B\n"
        "          which is the one published today.\n"
    )
    assert sorted((c.action, c.value[-6:], c.when) for c in read(ticket).changes) == [
        ("add", "N4goHX", "now"),
        ("delete", "CB9-6B", "after_issuance"),
    ]


def test_has_an_a_record_of_then_change_it_to_is_an_update_as_written() -> None:
    ticket = _text(
        "At the moment docs.x.service.gov.uk has an A record of 18.133.45.201. "
        "Please change it to 35.178.66.14.\n"
    )
    assert changes(ticket) == [
        ("update", "docs.x.service.gov.uk.", "A", "35.178.66.14", "18.133.45.201")
    ]


def test_when_we_renewed_last_spring_is_a_past_time_not_after_issuance() -> None:
    ticket = _text(
        "When we renewed by hand last spring a TXT record was left behind, and it is still "
        "published today:\n\n"
        '_acme-challenge.x.service.gov.uk.  IN  TXT  "8aaDKf0TqWuNh4CwtFoKPOw-SRpeCJAEAgW9mcRmu7I"\n\n'
        "Please delete that TXT record as part of the same change.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "now")]


def test_a_ttl_on_both_of_those_reaches_every_record_the_sentence_asks_for() -> None:
    ticket = _text(
        "Could you add a TXT record at gov.uk with the value "
        "globalsign-domain-verification=ka618aDsyYrY7mDZSKnvEbtEqXeGlYjVgLBhpM0Fi2, and the "
        "_acme-challenge.www.gov.uk CNAME also needs changing, because at the moment it points "
        "to vxcmijoh8pcuehat6q.fastly-validations.com, and it should now point to "
        "9jixj1isda8ce0f1a5.fastly-validations.com instead; a TTL of 300 on both of those "
        "would help.\n"
    )
    assert sorted((c.type, c.ttl) for c in read(ticket).changes) == [("CNAME", 300), ("TXT", 300)]


def test_a_relative_name_in_a_two_column_table_takes_the_zone_in_its_remark() -> None:
    ticket = _text(
        "Below is what the portal shows under Domains -> Validation state: Pending:\n\n"
        "| Record type | TXT |\n"
        "| Record name | _dnsauth.apply-for-a-permit (DNS zone: service.gov.uk) |\n"
        "| Record value | e0mfzo6c9dnmqa0itqff6iczb7362muz |\n"
        "| TTL | 3600 |\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_dnsauth.apply-for-a-permit.service.gov.uk.",
            "TXT",
            "e0mfzo6c9dnmqa0itqff6iczb7362muz",
            None,
        )
    ]


def test_a_relative_owner_is_under_the_host_its_own_paragraph_names() -> None:
    ticket = _text(
        "Neither hostname can be validated without a record in service.gov.uk.\n\n"
        "The first is the public service, report-a-culvert.service.gov.uk. For this one the "
        "record is a CNAME on _acme-challenge, pointing at zvac95y8vjivge1mmj.fastly-validations.com.\n\n"
        "The second is the staff tool, manage-culverts.service.gov.uk, which is on a separate\n"
        "certificate. Same idea, a CNAME on _acme-challenge, but this time pointing at\n"
        "7k9u56gwrkwjmjmcz8.fastly-validations.com.\n"
    )
    assert sorted((c[1], c[3][:6]) for c in changes(ticket)) == [
        ("_acme-challenge.manage-culverts.service.gov.uk.", "7k9u56"),
        ("_acme-challenge.report-a-culvert.service.gov.uk.", "zvac95"),
    ]


def test_a_ticket_read_as_not_certificate_still_says_what_it_left_unread(app: AppConfig) -> None:
    # No certificate word anywhere: the classifier says not_certificate, and nothing is read.
    ticket = Ticket(
        id="1",
        subject="Front Door standby",
        text="Hello, our standby path needs this published, see below.\n\n"
        "zvac95y8vjivge1mmj.fastly-validations.com\n",
    )
    result = to_json(triage(ticket, DirectoryZones(app.owners(), app.suffixes), app))
    assert (result["classification"], result["changes"]) == ("not_certificate", [])
    assert [f["code"] for f in result["flags"]] == ["unread_value"]


def test_a_txt_still_sitting_at_that_name_is_observed_and_deleted_with_its_value() -> None:
    ticket = _text(
        '"Conflicting record(s) found at _acme-challenge.x.service.gov.uk. Please remove the '
        'record(s) and add the following CNAME record: q7x8nii0b6iyzu8znl.fastly-validations.com"\n\n'
        "I've had a look, and there's still a TXT record sitting at that name with the value "
        "tqi8P7E65LzyEeq7lvU7gKEQAFX9W6ZQGVvQGCXHrlL.\n\n"
        "1. Delete that TXT record at _acme-challenge.x.service.gov.uk.\n"
    )
    deletes = [c for c in read(ticket).changes if c.action == "delete"]
    assert [(c.type, c.value) for c in deletes] == [
        ("TXT", "tqi8P7E65LzyEeq7lvU7gKEQAFX9W6ZQGVvQGCXHrlL")
    ]


def test_a_corrected_new_target_still_replaces_the_value_the_swap_named() -> None:
    ticket = conversation(
        vendor(
            "Could you swap the existing CNAME over to the new target?\n\n"
            "    _acme-challenge.design-system.service.gov.uk\n"
            "      currently:  7lxgbsa1io79ochbqe.fastly-validations.com\n"
            "      swap to:    slei1izhi6v42w5wrv.fastly-validations.com\n",
            1,
        ),
        vendor(
            "Sorry, my mistake! The correct new target for "
            "_acme-challenge.design-system.service.gov.uk is:\n\n"
            "    7pz0zchww51wbgtrdo.fastly-validations.com\n",
            2,
        ),
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.design-system.service.gov.uk.",
            "CNAME",
            "7pz0zchww51wbgtrdo.fastly-validations.com.",
            "7lxgbsa1io79ochbqe.fastly-validations.com.",
        )
    ]
    assert "superseded" in codes(ticket)


def test_a_ttl_in_minutes_or_hours_is_read_in_seconds() -> None:
    ticket = _text(
        "Name: _acme-challenge.www.gov.uk\nType: CNAME\n"
        "Target: i6pmwuwheuz4w3nhre.fastly-validations.com\nTTL: 5 minutes\n\n"
        "Name: gov.uk\nType: TXT\n"
        "Value: globalsign-domain-verification=fZK5KDC6LPltp_-0f7wlDK4ZF-B8HFy7Y3SoakogDy\n"
        "TTL: 1h\n"
    )
    assert sorted((c.type, c.ttl) for c in read(ticket).changes) == [("CNAME", 300), ("TXT", 3600)]


def test_a_stated_current_value_that_the_pasted_dig_contradicts_is_held() -> None:
    ticket = _text(
        "  Record:         _acme-challenge.www.gov.uk\n  Type:           CNAME\n"
        "  Current value:  r84yfgp8sxi5eb658z.fastly-validations.com\n"
        "  New value:      9n4iq031rksxz9jhhc.fastly-validations.com\n\n"
        "For reference, this is what our resolvers return for the name:\n\n"
        "$ dig +noall +answer _acme-challenge.www.gov.uk CNAME\n"
        "_acme-challenge.www.gov.uk. 3600 IN CNAME anapmpare218fypba3.fastly-validations.com.\n"
    )
    assert "ambiguous_request" in codes(ticket)


def test_dont_create_anything_at_a_name_withdraws_what_the_comment_put_there() -> None:
    ticket = _text(
        "_acme-challenge.gov.uk.    CNAME    p7jqogy3c5k7xfedub.fastly-validations.com.\n\n"
        "Ah, sorry, that should be on www, not the apex. The record you want is:\n\n"
        "_acme-challenge.www.gov.uk.    CNAME    p7jqogy3c5k7xfedub.fastly-validations.com.\n\n"
        "Please don't create anything at _acme-challenge.gov.uk for it.\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert "retracted" in codes(ticket)


def test_a_record_said_to_already_point_at_its_value_is_observed_not_asked() -> None:
    ticket = _text(
        "Please add:\n\n"
        "1. _acme-challenge.www.gov.uk  CNAME  3j0n0swepvg8leyb9v.fastly-validations.com\n"
        "2. _acme-challenge.gov.uk  CNAME  cnupov12sgl6t6g4nu.fastly-validations.com\n\n"
        "Scratch no. 1 - I've just checked and _acme-challenge.www.gov.uk already points at "
        "3j0n0swepvg8leyb9v.fastly-validations.com, which is correct, so you can ignore it.\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.gov.uk."]


def test_an_optional_removal_is_none_and_a_conditional_one_is_held() -> None:
    ticket = _text(
        "Please create:\n\n"
        "| Host | Record type | Value |\n"
        "| _dnsauth.assets.publishing.service.gov.uk | TXT | iwzy6rnthvhdr1ct3amayzvhxnsbzfzw |\n\n"
        "Once our system finds the record the certificate is issued; you may delete the TXT "
        "record after that if you wish.\n\n"
        "If anything else exists at _acme-challenge.assets.publishing.service.gov.uk today (an "
        "old TXT, for example), it will have to be removed.\n"
    )
    # "if you wish": nothing asked. "If anything else exists at X … removed": a delete whose
    # need is for a person to look up, held out of the draft.
    assert [(c[0], c[1]) for c in changes(ticket)] == [
        ("add", "_dnsauth.assets.publishing.service.gov.uk."),
        ("delete", "_acme-challenge.assets.publishing.service.gov.uk."),
    ]
    held = [f for f in read(ticket).flags if f.code == "ambiguous_request"]
    assert [f.name for f in held] == ["_acme-challenge.assets.publishing.service.gov.uk."]


def test_the_bare_validation_domain_is_never_a_cname_target() -> None:
    ticket = _text(
        "Yes, exactly as written: a CNAME at _acme-challenge.gov.uk (the apex) pointing to the "
        "fastly-validations.com target in my first message.\n"
    )
    assert [c[3] for c in changes(ticket)] == []


def test_decommission_it_is_a_delete() -> None:
    ticket = _text(
        "The alias created for last year's order,\n"
        "_9f3e5cc11722803e821c1dbb7c4538e9.x.service.gov.uk,\nwhich still points to\n"
        "172defc9978c97f2ad1c624d8db33299.9172cc84facc9207b9b283eac12cf13e.comodoca.com,\n"
        "is not used by this order. Once the renewed certificate has been issued,\n"
        "please decommission it.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_a_forward_asked_to_be_raised_with_us_is_read_as_the_vendors_request() -> None:
    ticket = _text(
        "Hello GOV.UK team,\n\n"
        "The Rural Movements Agency, one of our customers, has asked us to get the message "
        "below to you.\n\nMany thanks,\nOluwaseun\nFastly Support\n\n"
        "-------- Forwarded Message --------\n"
        "Subject: FW: DigiCert domain control validation\nFrom: Hosting Services <h@rma.gov.uk>\n\n"
        "Hi Fastly,\n\nCould you raise this with GOV.UK for us, as we don't have access to "
        "service.gov.uk?\n\n"
        "-----Original Message-----\nFrom: DigiCert <no-reply@digitalcertvalidation.com>\n\n"
        "Create the following TXT record:\n\n"
        "  Host:    _dnsauth.track-livestock.service.gov.uk\n  Type:    TXT\n"
        "  Value:   m89c8k77jm4kqyvdwmr8jy66sc4gn1s8\n"
    )
    assert [(c[1], c[3]) for c in changes(ticket)] == [
        ("_dnsauth.track-livestock.service.gov.uk.", "m89c8k77jm4kqyvdwmr8jy66sc4gn1s8")
    ]


def test_a_bare_number_for_both_answers_our_ttl_question() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.a.service.gov.uk. CNAME bbi27ne05w8ui9vkcp.fastly-validations.com.\n"
            "_acme-challenge.b.service.gov.uk. CNAME 296prn86z9nxizei4d.fastly-validations.com.\n",
            1,
        ),
        us("What TTL would the supplier like on these?", 2),
        vendor('Heard back from Tariq. In his words: "3600 for both, cheers."', 3),
    )
    assert [c.ttl for c in read(ticket).changes] == [3600, 3600]


def test_drop_a_note_when_they_are_live_deletes_nothing() -> None:
    ticket = _text(
        "Please create the two CNAME records below:\n\n"
        "    _acme-challenge.www.gov.uk      CNAME   l54ii18u6q4zzzj1j6.fastly-validations.com\n\n"
        "Please leave them in place after the certificate is issued. Just drop a note on this "
        "ticket when they're live.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_it_after_a_value_no_record_was_read_from_is_never_the_record_above() -> None:
    ticket = _text(
        '    gov.uk.  IN  TXT  "globalsign-domain-verification=8qy1ARlvnirdEVjn55E88TqA-0JuHAnR3-F-amvLi0"\n\n'
        "* Last year's token, globalsign-domain-verification=hAQ44cHbQ2JYVk7HVXLkJlRgU2Xujf_trq18rAqmrH, "
        "which is still published. Keep it for now. Once GlobalSign confirms the new certificate "
        "has been issued, please delete it.\n"
    )
    # "it" is last year's token, said in the line: deleted where the new token of its kind
    # goes, once issued (never the record above)
    assert [(c.action, c.name, c.value, c.when) for c in read(ticket).changes] == [
        (
            "add",
            "gov.uk.",
            "globalsign-domain-verification=8qy1ARlvnirdEVjn55E88TqA-0JuHAnR3-F-amvLi0",
            "now",
        ),
        (
            "delete",
            "gov.uk.",
            "globalsign-domain-verification=hAQ44cHbQ2JYVk7HVXLkJlRgU2Xujf_trq18rAqmrH",
            "after_issuance",
        ),
    ]


def test_each_numbered_step_keeps_its_own_time() -> None:
    ticket = _text(
        '1. Now: add the new TXT at gov.uk, "globalsign-domain-verification=8qy1ARlvnirdEVjn55E88TqA-0JuHAnR3-F-amvLi0".\n'
        "2. After GlobalSign has issued the new certificate: delete the old TXT, "
        '"globalsign-domain-verification=hAQ44cHbQ2JYVk7HVXLkJlRgU2Xujf_trq18rAqmrH".\n'
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_a_table_notes_cell_says_what_its_whole_record_cell_is_for() -> None:
    ticket = _text(
        "I've put what we need from you in the last column:\n\n"
        "| Domain | Validation record | Status / action |\n"
        "| www.gov.uk | _acme-challenge.www.gov.uk CNAME 5vjpb2hqtihrblen9u.fastly-validations.com "
        "| Already in place and verifying. No action needed. |\n"
        "| assets.x.gov.uk | _acme-challenge.assets.x.gov.uk CNAME ipeof1ocu27pcwexcu.fastly-validations.com "
        "| Please add. |\n"
        "| staging.x.gov.uk | _acme-challenge.staging.x.gov.uk CNAME w280l2catr4hgo9gsm.fastly-validations.com "
        "| Staging: this one can wait until next month. |\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.assets.x.gov.uk."]
    assert [o.name for o in read(ticket).observed] == ["_acme-challenge.www.gov.uk."]


def test_label_blocks_with_a_dated_status_or_listed_for_completeness_ask_nothing() -> None:
    ticket = _text(
        "1) support.x.service.gov.uk\n\n"
        "   Status:    VALIDATED 12/11/2026 (no action required)\n"
        "   Host:      _4ea83bcdd9197365f41f1541e0a40933.support.x.service.gov.uk\n"
        "   Type:      CNAME\n"
        "   Points to: 50ba287085abcdbcbe6f2d1d47a1a933.a9ea039d48975b750c6318fa05deaa6a.sectigo.com\n\n"
        "2) www.hmrc.gov.uk\n\n"
        "   Host:      _936511c4c472c07421b2aaf6725f7576.www.hmrc.gov.uk\n"
        "   Type:      CNAME\n"
        "   Points to: e61c355ea9ef9386a162b5d134b2a407.5b1be13ee14895ee96026073e262347b.sectigo.com\n\n"
        "   (HMRC's own DNS team will create the record at their end. It is listed for "
        "completeness only. No action is needed from GDS.)\n"
    )
    assert changes(ticket) == []


def test_a_later_comment_saying_which_record_answers_remove_the_records() -> None:
    ticket = conversation(
        vendor(
            "Conflicting record(s) found at _acme-challenge.www.gov.uk. Please remove the "
            "record(s) and add the following CNAME record: umejp16etsxv9d1190.fastly-validations.com\n\n"
            "Could you take a look at what is published at that name?",
            1,
        ),
        us('There\'s a TXT there: "IbTUDyoTv-9P_qTTt1ThEBkWvys6OxFFDEDRE163Dk6"', 2),
        vendor(
            "1. Delete the TXT record at _acme-challenge.www.gov.uk with the value "
            '"IbTUDyoTv-9P_qTTt1ThEBkWvys6OxFFDEDRE163Dk6".\n'
            "2. Add a CNAME at _acme-challenge.www.gov.uk pointing to "
            "umejp16etsxv9d1190.fastly-validations.com\n",
            3,
        ),
    )
    assert sorted(c[0] for c in changes(ticket)) == ["add", "delete"]
    assert "unread_value" not in codes(ticket)


def test_a_record_not_for_now_is_accounted_for_not_flagged_unread() -> None:
    ticket = _text(
        "| Domain | Validation record | Status / action |\n"
        "| a.x.gov.uk | _acme-challenge.a.x.gov.uk CNAME ipeof1ocu27pcwexcu.fastly-validations.com "
        "| Please add. |\n"
        "| s.x.gov.uk | _acme-challenge.s.x.gov.uk CNAME w280l2catr4hgo9gsm.fastly-validations.com "
        "| Staging: this one can wait until next month. |\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.a.x.gov.uk."]
    assert codes(ticket) == []


def test_a_second_record_in_the_same_sentence_is_asked_for_as_the_first_was() -> None:
    ticket = _text(
        "All you need to do is create a CNAME record named _acme-challenge.a.x.gov.uk pointing "
        "to 1qlpixzq9h19af21bs.fastly-validations.com, and a second CNAME named "
        "_acme-challenge.b.x.gov.uk pointing to 0sdfx3s7gyjbaauj9h.fastly-validations.com. "
        "Please leave both in place after the certificate has been issued.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("add", "now"), ("add", "now")]


def test_a_listing_lead_in_takes_its_name_from_its_own_sentence_only() -> None:
    ticket = _text(
        "The GlobalSign certificate covering gov.uk and www.gov.uk is due for renewal. GlobalSign "
        "has issued a new verification token. Please publish it as a TXT record:\n\n"
        "globalsign-domain-verification=Uy2ZrwmWfcEisRH1LdraxYT6AIz_okRNilcoQsyK6d\n"
    )
    assert [c[1] for c in changes(ticket)] != ["www.gov.uk."]  # never a guess between the two
    assert changes(ticket) == [] and "unread_value" in codes(ticket)


def test_strings_i_noticed_published_there_are_observed() -> None:
    ticket = _text(
        "While checking the apex I noticed there are now two GlobalSign strings published there:\n\n"
        '    gov.uk.    3600    IN    TXT    "globalsign-domain-verification=OqMBIOHT_KPlqIH-v9Ht5lG2TPvm3ylOLZdBiqEm4H"\n'
        '    gov.uk.    3600    IN    TXT    "globalsign-domain-verification=jUPJawS6e17vL6XuSHqFyBPWgufSqj8y8xzIk3IkdB"\n\n'
        "The first is the code from the previous order, so please go ahead and delete it:\n\n"
        '    gov.uk.    3600    IN    TXT    "globalsign-domain-verification=OqMBIOHT_KPlqIH-v9Ht5lG2TPvm3ylOLZdBiqEm4H"\n'
    )
    assert [(c[0], c[3][-6:]) for c in changes(ticket)] == [("delete", "iqEm4H")]
    assert len(read(ticket).observed) == 2


def test_dashes_between_name_type_and_data_in_a_bullet() -> None:
    ticket = _text(
        "The dashboard now asks for these DNS records:\n\n"
        "\u00b7         _acme-challenge.h.campaign.gov.uk - CNAME - 77umer1arr8ofvewxu.fastly-validations.com\n"
    )
    assert [(c[1], c[2]) for c in changes(ticket)] == [
        ("_acme-challenge.h.campaign.gov.uk.", "CNAME")
    ]


def test_ignore_the_earlier_ones_refuses_the_old_list_not_the_new_one() -> None:
    ticket = _text(
        "Here is the complete set of records we still need. Please work from this list alone "
        "and ignore the earlier ones:\n\n"
        "  #  NAME                                                    TYPE   VALUE\n"
        "  1  _acme-challenge.gov.uk                                  CNAME  f6s9yg9txfdiuibd3k.fastly-validations.com\n"
        "  2  _acme-challenge.draft-origin.publishing.service.gov.uk CNAME  pyh37yb7yh1kqb5l19.fastly-validations.com\n"
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.gov.uk.",
        "_acme-challenge.draft-origin.publishing.service.gov.uk.",
    ]


def test_a_name_and_a_target_each_alone_under_their_own_lead_ins() -> None:
    ticket = _text(
        "For the second one, the CNAME record name is\n\n"
        "_acme-challenge.www.service.gov.uk\n\n"
        "and it should point to\n\n"
        "tkeup4anga9lrtw2sb.fastly-validations.com\n"
    )
    assert [(c[1], c[3]) for c in changes(ticket)] == [
        ("_acme-challenge.www.service.gov.uk.", "tkeup4anga9lrtw2sb.fastly-validations.com.")
    ]


def test_a_record_left_behind_is_observed_and_that_txt_is_its_delete() -> None:
    ticket = _text(
        "The conflicting record is a TXT. It looks like it was left behind by a manual test:\n\n"
        '_acme-challenge.www.gov.uk. IN TXT "o4PHB7f-mbdsws-YIYwzne5cP89vcc2gQ0v-B7EZcrf"\n\n'
        "Please remove that TXT and then create the CNAME to "
        "fqwgnv743u7bq8xwol.fastly-validations.com at _acme-challenge.www.gov.uk.\n"
    )
    assert sorted((c[0], c[2], c[3][:8]) for c in changes(ticket)) == [
        ("add", "CNAME", "fqwgnv74"),
        ("delete", "TXT", "o4PHB7f-"),
    ]


def test_retired_as_an_adjective_asks_no_delete() -> None:
    ticket = _text(
        "We are renewing the certificate on the service that serves the redirects for retired "
        "department domains. Two names are holding up the order:\n\n"
        "| Domain | Record name | Type | Value |\n"
        "| dft.gov.uk | _acme-challenge.dft.gov.uk | CNAME | bx8y0mlnjzm7rh638p.fastly-validations.com |\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_our_theres_already_a_txt_is_what_that_txt_means() -> None:
    ticket = conversation(
        vendor(
            "Name: _acme-challenge.x.service.gov.uk\nType: CNAME\n"
            "Value: a6jyy2mbmk45tibnjv.fastly-validations.com\n",
            1,
        ),
        us(
            "We went to add this but there's already a TXT record at "
            '_acme-challenge.x.service.gov.uk containing "YdZDc-Gi2xL451yrlYc-0TstUZOGkeTzf5u1iNDjp08".',
            2,
        ),
        vendor(
            "Yes pls remove that TXT, its left over. Then add the CNAME as per my first msg.", 3
        ),
    )
    assert sorted((c[0], c[2], (c[3] or "")[:6]) for c in changes(ticket)) == [
        ("add", "CNAME", "a6jyy2"),
        ("delete", "TXT", "YdZDc-"),
    ]


def test_a_when_label_in_a_block_says_after_issuance() -> None:
    ticket = _text(
        "3. Remove the challenge for draft-origin (this record is still in your zone)\n"
        "   - Name: _acme-challenge.draft-origin.publishing.service.gov.uk\n"
        "   - Type: CNAME\n"
        "   - Value: smgv73crif8nvfoiry.fastly-validations.com\n"
        "   - When: only after we've confirmed that the renewed certificate has been issued\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_we_need_two_records_asks_after_a_sentence_that_says_nothing_changes() -> None:
    ticket = _text(
        "To answer your question: nothing changes for your visitors. We are moving the "
        "certificate onto a managed subscription, so we need two CNAME records in the gov.uk "
        "zone, one for each name:\n\n"
        "  Record name                Type    TTL     Points to\n"
        "  _acme-challenge.gov.uk     CNAME   3600    sc5jkn0lb0k9jhmf65.fastly-validations.com\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_keep_the_ttl_at_3600_on_both() -> None:
    ticket = _text(
        "| Name | Type | Current value | New value |\n"
        "| _acme-challenge.gov.uk | CNAME | 75pruz31xxxphxt74j.fastly-validations.com "
        "| clm0zyqou8kh9g6k7s.fastly-validations.com |\n"
        "| _acme-challenge.www.gov.uk | CNAME | 3fy4eg7vwuqg68jzot.fastly-validations.com "
        "| nfuriyuxsf9rbjcugr.fastly-validations.com |\n\n"
        "Please keep the TTL at 3600 on both, as now.\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [3600, 3600]


def test_the_subject_line_is_a_title_and_the_one_beginning_x_is_that_one() -> None:
    ticket = Ticket(
        id="1",
        subject="Tidy-up",
        text=(
            "Subject: [Fastly Support] #63318 Tidy-up: duplicate GlobalSign TXT at gov.uk\n\n"
            "This is what our resolver returned:\n\n"
            "    $ dig +noall +answer TXT gov.uk\n"
            '    gov.uk.    3600    IN    TXT    "globalsign-domain-verification=LuD5fnJCT8ZPy0UPScAjbHYYNEgNGRitJpvipFXE0j"\n'
            '    gov.uk.    3600    IN    TXT    "globalsign-domain-verification=PxT2TfbosvzTRX84alHEf-iTN9gFqv3cUQr42YMnh-"\n\n'
            'The one beginning "globalsign-domain-verification=PxT2" belongs to the order we '
            "cancelled, so please remove that one whenever suits you.\n"
        ),
    )
    assert [(c[0], c[3][31:35]) for c in changes(ticket)] == [("delete", "PxT2")]


def test_an_illustration_of_the_shape_is_no_request() -> None:
    ticket = _text(
        "Just to illustrate the shape (this is a made-up hostname, not one of yours): a service "
        "would end up with something like\n\n"
        "    _acme-challenge.apply-for-a-widget.service.gov.uk. 300 IN CNAME vbp8l1dsp3w2tfkbfr.fastly-validations.com.\n\n"
        "For your renewal, the record we actually need is this one:\n\n"
        "    _acme-challenge.www.gov.uk. 3600 IN CNAME 1eq8qg2anefosdjlpf.fastly-validations.com.\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert codes(ticket) == []


def test_remove_the_old_token_by_its_value_once_issued() -> None:
    ticket = conversation(
        vendor(
            'Please add:\n\n@ IN TXT "globalsign-domain-verification=QkXLZ9uWNGc1TEptMJmsayHOksQWqt5NJFGB7IJP0G"\n',
            1,
        ),
        us(
            "This is what we see today:\n\n"
            'gov.uk.  IN  TXT  "globalsign-domain-verification=NCbYZugzha0QHulG7idDfgt4768VWcVnlFJ9JZzLjU"\n',
            2,
        ),
        vendor(
            "Please remove the old token (globalsign-domain-verification=NCbYZugzha0QHulG7idDfgt4768VWcVnlFJ9JZzLjU) "
            "once the new certificate has been issued.",
            3,
        ),
    )
    deletes = [c for c in read(ticket).changes if c.action == "delete"]
    assert [(c.name, c.value[31:35], c.when) for c in deletes] == [
        ("gov.uk.", "NCbY", "after_issuance")
    ]


def test_replace_caa_data_with_caa_data_on_lines_of_their_own() -> None:
    ticket = _text(
        "This is the CAA record set we see:\n\n"
        '  gov.uk.        3600    IN      CAA     0 issue "globalsign.com"\n'
        '  gov.uk.        3600    IN      CAA     0 iodef "mailto:hostmaster@example.gov.uk"\n\n'
        "What we need:\n\n"
        '  1. Swap the "issue" record over to Certainly, i.e. replace\n'
        '         0 issue "globalsign.com"\n'
        "     with\n"
        '         0 issue "certainly.com"\n'
    )
    assert changes(ticket) == [
        ("update", "gov.uk.", "CAA", '0 issue "certainly.com"', '0 issue "globalsign.com"')
    ]


def test_a_record_for_later_shown_then_not_to_be_added_now_is_no_request() -> None:
    ticket = _text(
        "For production we need the following record now:\n\n"
        "  Name:   _acme-challenge.www.gov.uk\n  Type:   CNAME\n"
        "  Value:  vhwgom1wwvrvfj0v7y.fastly-validations.com\n\n"
        "Staging will follow in January. When that happens it will need\n\n"
        "  _acme-challenge.www.staging.x.gov.uk  CNAME  8md6vglg91nyt2vcya.fastly-validations.com\n\n"
        "but please do NOT add this now.\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert codes(ticket) == []


_REMOVAL_LEAD = "The validation records below aren't used any more, so they can be removed:"
_REMOVAL_ITEMS = (
    "_acme-challenge.licensing.service.gov.uk, CNAME, fm3oqlxit813ohaf5o.fastly-validations.com",
    "gov.uk, TXT, globalsign-domain-verification=ua6CBpsTEsh3R-evitXWF8rRRtXf2xQzuUR4Uqkaaw",
    "the _acme-challenge CNAME for assets-origin.publishing.service.gov.uk (no longer served)",
)
_REMOVED = [
    (
        "delete",
        "_acme-challenge.licensing.service.gov.uk.",
        "CNAME",
        "fm3oqlxit813ohaf5o.fastly-validations.com.",
        None,
    ),
    (
        "delete",
        "gov.uk.",
        "TXT",
        "globalsign-domain-verification=ua6CBpsTEsh3R-evitXWF8rRRtXf2xQzuUR4Uqkaaw",
        None,
    ),
    ("delete", "_acme-challenge.assets-origin.publishing.service.gov.uk.", "CNAME", None, None),
]
_AFTER_LIST = (
    "Please also add _acme-challenge.www.gov.uk CNAME abcdefghijklmnopqr.fastly-validations.com"
)
_ADDED = (
    "add",
    "_acme-challenge.www.gov.uk.",
    "CNAME",
    "abcdefghijklmnopqr.fastly-validations.com.",
    None,
)


def test_every_item_of_a_removal_list_is_removed_however_the_items_are_spaced() -> None:
    for gap in ("\n", "\n\n"):
        for marker in ("{}. ", "- ", "({}) "):
            items = gap.join(marker.format(i) + x for i, x in enumerate(_REMOVAL_ITEMS, 1))
            body = f"{_REMOVAL_LEAD}\n\n{items}\n\nNo rush.\n\n{_AFTER_LIST}\n"
            assert changes(_text(body)) == [*_REMOVED, _ADDED], (gap, marker)


def test_an_html_removal_list_reaches_every_item_and_no_paragraph_after_it() -> None:
    from bot.htmltext import html_to_text

    items = "".join(f"<li>{x}</li>" for x in _REMOVAL_ITEMS)
    html = f"<p>{_REMOVAL_LEAD}</p><ol>{items}</ol><p>No rush.</p><p>{_AFTER_LIST}</p>"
    assert changes(_text(html_to_text(html))) == [*_REMOVED, _ADDED]


def test_a_record_paragraph_after_a_removal_list_is_not_removed() -> None:
    items = "\n\n".join(f"{i}. {x}" for i, x in enumerate(_REMOVAL_ITEMS[:2], 1))
    body = (
        f"{_REMOVAL_LEAD}\n\n{items}\n\n"
        "_acme-challenge.www.gov.uk. 300 IN CNAME abcdefghijklmnopqr.fastly-validations.com.\n"
    )
    assert [c[0] for c in changes(_text(body))] == ["delete", "delete", "add"]


def test_an_item_that_says_its_own_verb_is_not_the_lead_ins() -> None:
    body = (
        "No DNS records need to be added, changed or removed. The only things we ask are:\n\n"
        "- please don't change the gov.uk A records until the certificate has been issued\n"
        "- please make sure nothing blocks /.well-known/acme-challenge/\n"
    )
    assert changes(_text(body)) == []


def test_outlook_bullets_are_items_and_a_removal_lead_in_speaks_of_the_items_below() -> None:
    from bot.htmltext import html_to_text

    def bullet(level: int, mark: str, text: str) -> str:
        return (
            f'<p class=MsoListParagraphCxSpMiddle style="mso-list:l1 level{level} lfo2">'
            f'<![if !supportLists]><span style="font-family:Symbol"><span style="mso-list:Ignore">'
            f"{mark}<span>&nbsp;&nbsp;&nbsp; </span></span></span><![endif]>{text}</p>"
        )

    html = (
        "<p class=MsoNormal>Please add these:</p>"
        + bullet(1, "&middot;", "_acme-challenge.www.gov.uk")
        + bullet(2, "o", "Type: CNAME")
        + bullet(2, "o", "Target: 3tkh0uuh626e6siuh8.fastly-validations.com")
        + "<p class=MsoNormal>Please remove these once the new certificate is live, not before:</p>"
        + bullet(1, "&middot;", "the _globalsign-domain-verification TXT for www.gov.uk")
    )
    text = html_to_text(html)
    assert "- _acme-challenge.www.gov.uk" in text and "  - Type: CNAME" in text
    reading = read(_text(text))
    assert [(c.action, c.name, c.type, c.when) for c in reading.changes] == [
        ("add", "_acme-challenge.www.gov.uk.", "CNAME", "now"),
        ("delete", "_globalsign-domain-verification.www.gov.uk.", "TXT", "after_issuance"),
    ]


def test_they_can_go_after_a_section_heading_is_a_removal_after_issuance() -> None:
    ticket = _text(
        "== 1. ADD (now) ==\n\n"
        "_acme-challenge.www.gov.uk.  3600 IN CNAME ej8bycswzm2cn3u0i2.fastly-validations.com.\n\n"
        "== 2. REMOVE (only AFTER the new certificate has been issued) ==\n\n"
        "These two GlobalSign records are currently published. Please leave them alone until\n"
        "we confirm the new certificate is serving traffic; after that they can go:\n\n"
        'gov.uk.  IN  TXT  "globalsign-domain-verification=dgSHokU48zi-QhCTpLZrrS4rQtnPIi0m8c"\n\n'
        "== 3. KEEP (no change) ==\n\n"
        "The CAA record you already have on publishing.service.gov.uk,\n\n"
        'publishing.service.gov.uk.  IN  CAA  0 issue "certainly.com"\n\n'
        "already allows Certainly, so it stays exactly as it is.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.type, c.when) for c in reading.changes] == [
        ("add", "CNAME", "now"),
        ("delete", "TXT", "after_issuance"),
    ]
    assert "CAA" in [o.type for o in reading.observed]


def test_it_can_go_straight_to_the_zone_is_no_removal() -> None:
    ticket = _text(
        "Here it is as a zone-file line, so it can go straight to whoever runs the zone:\n\n"
        "_acme-challenge.www.gov.uk.  300 IN CNAME ej8bycswzm2cn3u0i2.fastly-validations.com.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_nothing_to_do_for_a_named_host_leaves_the_records_above_asked_for() -> None:
    ticket = _text(
        "Sectigo need one record per name:\n\n"
        "gov.uk\n"
        "Host: _6D01CCC1A45E3CE4E8505B0890827D8C.gov.uk.\n"
        "Type: CNAME\n"
        "Points to: 14d7bedac09fbc7aacaa9041adfa0da8.a2ce1d632874972806ed6ba0f3546e10.sectigo.com.\n"
        "assets.publishing.service.gov.uk – nothing to do for this one. Its record already "
        "resolves:\n"
        "_2FC39312DA536C7B7A2C7E54D2D461E2.assets.publishing.service.gov.uk. CNAME "
        "e96dddb46841421aa8481bc18d687bb5.b41f4b29f53ef4ccb3b6ccc97940318f.sectigo.com.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.name) for c in reading.changes] == [
        ("add", "_6d01ccc1a45e3ce4e8505b0890827d8c.gov.uk.")
    ]
    assert [o.name for o in reading.observed] == [
        "_2fc39312da536c7b7a2c7e54d2d461e2.assets.publishing.service.gov.uk."
    ]


def test_name_type_and_data_each_on_a_line_of_a_list_item() -> None:
    ticket = _text(
        "We currently see these TXT records, and they have to go first:\n\n"
        "- _acme-challenge.x.service.gov.uk\nTXT\n"
        '"SnoZ3CMcxePoOXzlI4zV4d2lCFMkWWczuKEOEWCMMWk"\n\n'
        "Then please add:\n\n"
        "- _acme-challenge.x.service.gov.uk\nCNAME\nn9r3itf4r8dt6m42h3.fastly-validations.com\n"
    )
    assert changes(ticket) == [
        (
            "delete",
            "_acme-challenge.x.service.gov.uk.",
            "TXT",
            "SnoZ3CMcxePoOXzlI4zV4d2lCFMkWWczuKEOEWCMMWk",
            None,
        ),
        (
            "add",
            "_acme-challenge.x.service.gov.uk.",
            "CNAME",
            "n9r3itf4r8dt6m42h3.fastly-validations.com.",
            None,
        ),
    ]


def test_a_removal_item_that_describes_its_record_is_still_removed() -> None:
    ticket = _text(
        "The following can now be deleted:\n"
        "   - the _acme-challenge TXT for assets.publishing.service.gov.uk that the\n"
        "   manual Let's Encrypt run left behind in the spring\n"
    )
    assert changes(ticket) == [
        ("delete", "_acme-challenge.assets.publishing.service.gov.uk.", "TXT", None, None)
    ]


def test_a_pending_status_in_an_acm_block_asks_for_its_record_under_a_state_lead_in() -> None:
    ticket = _text(
        "Below is the state of each domain name on the certificate:\n\n"
        "Domain name:        publishing.service.gov.uk\n"
        "Validation status:  SUCCESS\n"
        "CNAME name:         _133cd7fb156055812a6bf3bdbd7ad00f.publishing.service.gov.uk.\n"
        "CNAME value:        _97f1ec366b8c16e84aaccefb2f9d06ac.coivixqjwu.acm-validations.aws.\n\n"
        "Domain name:        signon.service.gov.uk\n"
        "Validation status:  PENDING_VALIDATION\n"
        "CNAME name:         _263f0bcb4a0d363a9f6ea999969fbde1.signon.service.gov.uk.\n"
        "CNAME value:        _728385678e73d92c16702c97045a2d55.mrkkpujkve.acm-validations.aws.\n\n"
        "Please re-create the missing CNAME exactly as shown above.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.name) for c in reading.changes] == [
        ("add", "_263f0bcb4a0d363a9f6ea999969fbde1.signon.service.gov.uk.")
    ]
    assert [o.name for o in reading.observed] == [
        "_133cd7fb156055812a6bf3bdbd7ad00f.publishing.service.gov.uk."
    ]


def test_hurried_verbs_edit_put_new_value_take_off_erase() -> None:
    edit = _text(
        "Pls edit the cname _acme-challenge.x.service.gov.uk and put new value "
        "0du3dureenmseuj9cp.fastly-validations.com asap\n"
    )
    assert [c[0] for c in changes(edit)] == ["update"]
    assert "ambiguous_request" in codes(edit)  # the current value is never said
    off = _text(
        "pls take off this txt _acme-challenge.www.gov.uk TXT "
        '"zlaRsulhWtmxaXjAmK4NjB7DYQjflMURqNGTmRoI17K"\n'
    )
    assert [c[0] for c in changes(off)] == ["delete"]


def test_a_later_comment_clearing_the_verification_string_removes_what_was_asked() -> None:
    token = "globalsign-domain-verification=7zpmD7XNlQwXS8khiKVBhMeyrZOVCNAcx8EHi_6Q-d"
    ticket = conversation(
        vendor(f"pls add txt to apex gov.uk with value {token} , it must be alone txt string", 1),
        us("Does the TXT record need to stay in place after the certificate is issued?", 2),
        vendor(
            "no it is one time only. when new one is live you can clear the verification "
            "string from apex, we dont need it for next renew.",
            3,
        ),
    )
    assert [(c.action, c.name, c.value, c.when) for c in read(ticket).changes] == [
        ("add", "gov.uk.", token, "now"),
        ("delete", "gov.uk.", token, "after_issuance"),
    ]


def test_a_later_ttl_for_all_of_them_replaces_the_ttl_said_before() -> None:
    ticket = conversation(
        vendor(f"Please create:\n\n{CNAME.replace(' 300 ', ' 3600 ')}\n", 1),
        vendor("Sorry, one amendment - make that 300 on all three rather than 3600.", 2),
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


def test_scrap_the_second_one_withdraws_the_second_record_of_the_list() -> None:
    records = (
        "1. _dnsauth.www.gov.uk TXT ouqf2cmyquad1x0fg4j0u8zmvvjv62g1\n"
        "2. _dnsauth.gov.uk TXT 3t6p6dr0lsa2fusklzc6qsl7valtegof\n"
        "3. _dnsauth.assets.publishing.service.gov.uk TXT yg9tfze8y8f94wtw0t1girza8qap78zb\n"
    )
    ticket = conversation(
        vendor(f"Please add these TXT records:\n\n{records}", 1),
        us("1 and 3 can be done today; the gov.uk one goes via Jisc.", 2),
        vendor("Please scrap the second one. gov.uk is still inside its reuse period.", 3),
    )
    assert [c[1] for c in changes(ticket)] == [
        "_dnsauth.www.gov.uk.",
        "_dnsauth.assets.publishing.service.gov.uk.",
    ]
    assert "retracted" in codes(ticket)


def test_should_be_x_not_y_corrects_a_typo_in_a_name_asked_for() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.asset-origin.publishing.service.gov.uk. CNAME "
            "vlw95tja8khxj23ae7.fastly-validations.com.\n",
            1,
        ),
        vendor("sorry, that should be assets-origin not asset-origin - my typo.", 2),
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.assets-origin.publishing.service.gov.uk."
    ]
    assert "superseded" in codes(ticket)


def test_mistyped_labels_and_text_record_as_a_type() -> None:
    ticket = _text(
        "pls add below in hmrc.gov.uk zone:\n\n"
        "Recrod type : text record\n"
        "Vaule : globalsign-domain-verification=6V5YemCrUDU_TK4RdoB-LBFL5vNaqyJruSjB1Cjp4l\n"
        "Recrod name : @   (the root, hmrc.gov.uk itself)\n"
        "TTL : 300\n"
    )
    assert [(c.action, c.name, c.type, c.ttl) for c in read(ticket).changes] == [
        ("add", "hmrc.gov.uk.", "TXT", 300)
    ]


def test_a_run_on_request_with_a_later_no_need_for_another_is_asked_for() -> None:
    ticket = _text(
        "pls create one alias (cname) record in the publishing.service.gov.uk zone the alias "
        "name is _acme-challenge.publishing.service.gov.uk and it go to "
        "hd78fx8ylrouj5d9j9.fastly-validations.com this one record cover both so no need to "
        "make second one\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.publishing.service.gov.uk.",
            "CNAME",
            "hd78fx8ylrouj5d9j9.fastly-validations.com.",
            None,
        )
    ]


def test_now_it_have_and_put_new_value_under_the_line_naming_the_record() -> None:
    ticket = _text(
        "pls modify the text record _acme-challenge.docs.publishing.service.gov.uk\n"
        "now it have: 4Ho3R71PQFDh8ZvhlZ-oIMAGjDwC7OPYSseZ6luDc_o\n"
        "put new value: ag0VnpdYh38j46ZorV2AdPgZEOD46a_9RFX1HoDCG95\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.docs.publishing.service.gov.uk.",
            "TXT",
            "ag0VnpdYh38j46ZorV2AdPgZEOD46a_9RFX1HoDCG95",
            "4Ho3R71PQFDh8ZvhlZ-oIMAGjDwC7OPYSseZ6luDc_o",
        )
    ]


def test_two_aligned_columns_value_before_name_relative_to_the_zone() -> None:
    ticket = _text(
        "need 2 new record, both in gov.uk zone (host names below is relative to gov.uk). "
        "today there is nothing on these names so just add\n\n"
        "Point to                                       Host name/ Record\n"
        "xah6rxe7v01ktdux1y.fastly-validations.com      _acme-challenge.www\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "xah6rxe7v01ktdux1y.fastly-validations.com.",
            None,
        )
    ]


def test_a_header_in_other_words_is_known_by_its_name_in_brackets() -> None:
    ticket = _text(
        "| Host name/ Record | Type of registry | Data | Time of life (TTL) |\n"
        "| _dnsauth.x.service.gov.uk | TXT (text) | mh041ove6a9fx1ei316ub8vcxksmsnbm | 3600 |\n"
    )
    assert [(c.name, c.type, c.ttl) for c in read(ticket).changes] == [
        ("_dnsauth.x.service.gov.uk.", "TXT", 3600)
    ]


_DIG_TXT = (
    "Before writing to you we looked at what the zone publishes today:\n\n"
    ";; ANSWER SECTION:\n"
    'gov.uk.\t\t2911\tIN\tTXT\t"v=spf1 -all"\n'
    'gov.uk.\t\t2911\tIN\tTXT\t"globalsign-domain-verification=cIJ1al1x61C5d-jB6TLbv8nKKzuwYn0BznV07INE7-"\n'
    "\n"
)


def test_change_that_record_so_that_it_reads_updates_the_shown_record_of_its_kind() -> None:
    new = "globalsign-domain-verification=DhzzEIlHx5nANJxu6B4mp9NBgAD5fMueEMRadHQJRB"
    ticket = _text(
        f"{_DIG_TXT}The globalsign-domain-verification value in that answer has expired, so "
        f"could you please\nchange that record so that it reads\n\n    {new}\n\n"
        "The SPF record has nothing to do with this certificate.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "gov.uk.",
            "TXT",
            new,
            "globalsign-domain-verification=cIJ1al1x61C5d-jB6TLbv8nKKzuwYn0BznV07INE7-",
        )
    ]


def test_remove_whatever_is_there_except_the_new_one_removes_each_value_shown() -> None:
    name = "_acme-challenge.renew-a-permit.service.gov.uk"
    ticket = _text(
        f"Please publish:\n\nName: {name}\nType: TXT\n"
        "Value: SdLG0Gue7exKt3C4GRJcg8mkyxT1mbaV2m8dptoMgzY\n\n"
        f"There are two TXT records at {name} already:\n\n"
        f'{name} text = "VbwnrPe-8G4y9BaQid807UtTURaLs7Cj-xWwBcosgPA"\n'
        f'{name} text = "NYgYG-tq1FfQPUnoxHUX-XVGy7icbna5tq3g1BiPPsH"\n\n'
        f"Please remove whatever is at {name} except the record we just gave you – when you "
        "are done, the only TXT at that name should be the SdLG0Gue… value above.\n"
    )
    assert sorted((c[0], c[3]) for c in changes(ticket)) == [
        ("add", "SdLG0Gue7exKt3C4GRJcg8mkyxT1mbaV2m8dptoMgzY"),
        ("delete", "NYgYG-tq1FfQPUnoxHUX-XVGy7icbna5tq3g1BiPPsH"),
        ("delete", "VbwnrPe-8G4y9BaQid807UtTURaLs7Cj-xWwBcosgPA"),
    ]


def test_please_delete_it_after_an_owner_named_deletes_the_record_shown_there() -> None:
    old = "_304288885cdff6684512ae61ec6050c5.origin.publishing.service.gov.uk"
    ticket = conversation(
        us(
            "Here is what the zone currently holds:\n\n"
            f"{old}. 300 IN CNAME _3936634497c3e25cde0d1bffd0225c54.rpjeimvalw.acm-validations.aws.\n",
            1,
        ),
        vendor(
            f"2. {old} - this belongs to a certificate that was deleted. Nothing depends on "
            "it any more, please delete it.\n",
            2,
        ),
    )
    assert changes(ticket) == [
        (
            "delete",
            f"{old}.",
            "CNAME",
            "_3936634497c3e25cde0d1bffd0225c54.rpjeimvalw.acm-validations.aws.",
            None,
        )
    ]


def test_please_delete_it_that_names_nothing_readable_is_flagged() -> None:
    ticket = _text("That one belongs to a certificate we deleted, so please delete it.\n")
    assert changes(ticket) == [] and "unread_value" in codes(ticket)


def test_an_owner_cut_short_picks_the_record_shown_before() -> None:
    ticket = _text(
        "For last year's DCV record we can see:\n\n"
        "_91e7812bb7361bbb8f91cd75ce068bbf.publishing.service.gov.uk. 3600 IN CNAME "
        "338831b8475496838b6f4b6bae030fef.dbdbbc5e3126127398b88f7feef8c03e.sectigo.com.\n\n"
        "1. Add this year's DCV record:\n\n"
        "   HOST:      _5B65AA7FB2E77FC64155FAB1D9CD84B2.publishing.service.gov.uk\n"
        "   TYPE:      CNAME\n"
        "   POINTS TO: 4A5D6932AAC3D4F9EA4CEE66EA835D23.AD0D7E084C3D109E45B97180F7B85F72.sectigo.com\n\n"
        "2. Last year's CNAME (_91e7812b... above) is no longer needed. Please delete\n"
        "   it after the new certificate has been issued, not before.\n"
    )
    assert [(c.action, c.name[:10], c.when) for c in read(ticket).changes] == [
        ("add", "_5b65aa7fb", "now"),
        ("delete", "_91e7812bb", "after_issuance"),
    ]


def test_a_bare_duration_answering_our_ttl_question_sets_the_ttl() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME.replace(' 300 ', ' ')}\n", 1),
        us("Thanks. Any preference on TTL for the new one?", 2),
        vendor("300 seconds, the same as the others, please.", 3),
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


def test_same_kind_of_record_for_another_host_with_its_value() -> None:
    token = "globalsign-domain-verification=i7VmuWKaCgUKIaf18ztW68OY-zYIDBcrzscnSO6zI9"
    other = "globalsign-domain-verification=f27g5tPf2utMfpX6VeNtlJ1zXyeO2hbZvEBD8_2ZhW"
    ticket = conversation(
        vendor(f'For gov.uk, please add:\n\n@    IN    TXT    "{token}"\n', 1),
        us("Is gov.uk the only name that needs re-verifying?", 2),
        vendor(
            f"Good question - also for hmrc.gov.uk please, same kind of record, value {other}", 3
        ),
    )
    assert [(c.name, c.value) for c in read(ticket).changes] == [
        ("gov.uk.", token),
        ("hmrc.gov.uk.", other),
    ]


def test_as_before_for_another_host_keeps_the_validation_label() -> None:
    ticket = conversation(
        vendor(
            "Please deploy a DNS TXT record under the name:\n\n"
            "_acme-challenge.find-a-grant.service.gov.uk.\n\nwith the following value:\n\n"
            "gWnBNohDOilUoABh-RFMS8onvLcZbnBAFPGKF0ZVfEO\n",
            1,
        ),
        vendor(
            "As before but for staging please - staging.find-a-grant.service.gov.uk, value "
            "Pb6CguORNFerdYcdRhRaGsmvxM985YfaKwvSdXalsee",
            2,
        ),
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.find-a-grant.service.gov.uk.",
        "_acme-challenge.staging.find-a-grant.service.gov.uk.",
    ]


def test_cname_owner_to_target_and_update_it_to_in_a_bulleted_reply() -> None:
    first = (
        "Please add these:\n\n"
        "1. www.gov.uk → CNAME `_acme-challenge.www.gov.uk` to `bchd5ketvd3kh2gzga.fastly-validations.com`\n"
        "2. gov.uk → CNAME `_acme-challenge.gov.uk` to `4asg8nbuzyv031xu52.fastly-validations.com`\n"
    )
    later = (
        "So there is one change, sorry:\n\n"
        "* the _acme-challenge CNAME for gov.uk currently points to "
        "4asg8nbuzyv031xu52.fastly-validations.com; please update it to "
        "ra7lq98p1ybo6y7r8f.fastly-validations.com\n\n"
        "Please leave the www.gov.uk one exactly as it is.\n"
    )
    ticket = conversation(vendor(first, 1), us("Both are in.", 2), vendor(later, 3))
    assert sorted(changes(ticket)) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "bchd5ketvd3kh2gzga.fastly-validations.com.",
            None,
        ),
        (
            "update",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "ra7lq98p1ybo6y7r8f.fastly-validations.com.",
            "4asg8nbuzyv031xu52.fastly-validations.com.",
        ),
    ]


def test_windows_nslookup_text_lines_and_the_last_entry_to_remove() -> None:
    ticket = _text(
        "From here the zone is still returning the previous token as well:\n\n"
        "C:\\Users\\jo>nslookup -type=TXT hmrc.gov.uk 1.1.1.1\n"
        "Non-authoritative answer:\n"
        "hmrc.gov.uk     text =\n\n"
        '        "v=spf1 include:spf.protection.outlook.com -all"\n'
        "hmrc.gov.uk     text =\n\n"
        '        "globalsign-domain-verification=h6QVgD0kJVQvjQw-oFIxZHRH6u0uQsWfzw3oBkmrTL"\n\n'
        "The last entry is last year's token. Please remove it once the new certificate has "
        "been issued.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.value, c.when) for c in reading.changes] == [
        (
            "delete",
            "globalsign-domain-verification=h6QVgD0kJVQvjQw-oFIxZHRH6u0uQsWfzw3oBkmrTL",
            "after_issuance",
        )
    ]
    assert len(reading.observed) == 2


def test_please_change_that_cname_to_a_target_on_the_next_line() -> None:
    ticket = _text(
        "These are the relevant lines of the export:\n\n"
        "    _acme-challenge.x.service.gov.uk.\t1\tIN\tCNAME\t46u003i1lig2w7qgnb.fastly-validations.com.\n"
        "    www.x.service.gov.uk.\t1\tIN\tCNAME\tt.sni.global.fastly.net.\n\n"
        "So the old one is still live. Please change that CNAME to\n\n"
        "    cu0p25nolqge6onh7p.fastly-validations.com\n\n"
        "keeping the same record name.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.x.service.gov.uk.",
            "CNAME",
            "cu0p25nolqge6onh7p.fastly-validations.com.",
            "46u003i1lig2w7qgnb.fastly-validations.com.",
        )
    ]


def test_please_replace_it_with_a_value_on_the_next_line_after_a_dig_short() -> None:
    ticket = _text(
        "There is already a record at that label:\n\n"
        "$ dig +short TXT _hcqa75ux5gohcyqn._acme-challenge.www.gov.uk\n"
        '"YZKx7y74v5SK8u5z3t0jhlGT92hfghrRavjfNXo3IGa"\n\n'
        "but the token was rotated, so that value no longer matches. Please replace it with:\n\n"
        "jUnqlcdQ5J4_7GoHasZYW5gQ9W5l-1IGi77Ryt460iE\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_hcqa75ux5gohcyqn._acme-challenge.www.gov.uk.",
            "TXT",
            "jUnqlcdQ5J4_7GoHasZYW5gQ9W5l-1IGi77Ryt460iE",
            "YZKx7y74v5SK8u5z3t0jhlGT92hfghrRavjfNXo3IGa",
        )
    ]


def test_records_a_notice_says_were_present_or_validated_against_are_observed() -> None:
    present = _text(
        "When we last checked, the challenge record was present and pointed at us:\n\n"
        "  HOST                                          TYPE     POINTS TO\n"
        "  _acme-challenge.publishing.service.gov.uk     CNAME    h525ldqv3by5jadjwy.fastly-validations.com\n\n"
        "No action is required.\n"
    )
    validated = _text(
        "The renewal has completed. GlobalSign validated both names against these:\n\n"
        "| Name | Type | Value |\n|---|---|---|\n"
        "| _acme-challenge.www.gov.uk | CNAME | qqrpze2fjbmbd9bmug.fastly-validations.com |\n"
    )
    for ticket in (present, validated):
        reading = read(ticket)
        assert reading.changes == () and len(reading.observed) == 1


def test_once_a_host_named_certificate_is_issued_the_delete_waits() -> None:
    ticket = _text(
        "Once the www.gov.uk certificate has been issued, please delete _acme-challenge.gov.uk "
        "CNAME 08q4n7y1bo4cvyrm5j.fastly-validations.com so it doesn't get in the way.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_if_you_remove_it_renewal_fails_is_no_request() -> None:
    ticket = _text(
        "The validation record is in place and correct:\n\n"
        "CNAME name:  _92e5de23ebce84ebd137e5bfe632c340.forms.service.gov.uk.\n"
        "CNAME value: _5440daf4f53395a19e158a6a9f3d81a8.cyowahkqjy.acm-validations.aws.\n\n"
        "No changes to your DNS records are required. Please keep the CNAME record above in "
        "place. If you remove it, managed renewal will fail.\n"
    )
    reading = read(ticket)
    assert reading.changes == () and len(reading.observed) == 1


def test_a_set_as_it_should_end_up_beside_the_set_shown_is_its_difference() -> None:
    ticket = _text(
        "Your zone currently publishes:\n\n"
        '  publishing.service.gov.uk.  300  IN  CAA  0 issue "letsencrypt.org"\n'
        '  publishing.service.gov.uk.  300  IN  CAA  0 issuewild "letsencrypt.org"\n'
        '  publishing.service.gov.uk.  300  IN  CAA  0 iodef "mailto:x@digital.cabinet-office.gov.uk"\n\n'
        "Please change those records so that the set ends up as:\n\n"
        '  publishing.service.gov.uk.  300  IN  CAA  0 issue "certainly.com"\n'
        '  publishing.service.gov.uk.  300  IN  CAA  0 issuewild "certainly.com"\n'
    )
    assert sorted((c[0], c[3], c[4]) for c in changes(ticket)) == [
        ("delete", '0 iodef "mailto:x@digital.cabinet-office.gov.uk"', None),
        ("update", '0 issue "certainly.com"', '0 issue "letsencrypt.org"'),
        ("update", '0 issuewild "certainly.com"', '0 issuewild "letsencrypt.org"'),
    ]


def test_a_lead_in_broken_over_lines_describes_and_its_block_is_shown() -> None:
    ticket = _text(
        "A CA stops at the first name that has any CAA records. Here is what that walk finds:\n\n"
        "  www.find-a-tender.service.gov.uk.   (no CAA, this name is a CNAME to Fastly)\n"
        '  find-a-tender.service.gov.uk.  3600  IN  CAA  0 issue "digicert.com"\n\n'
        "The service.gov.uk set is never consulted for this name, even though it already\n"
        "allows Let's Encrypt:\n\n"
        '  service.gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n\n'
        "The fix is one record at the subdomain:\n\n"
        '  find-a-tender.service.gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n'
    )
    reading = read(ticket)
    assert [(c.action, c.name, c.value) for c in reading.changes] == [
        ("add", "find-a-tender.service.gov.uk.", '0 issue "letsencrypt.org"')
    ]
    assert len(reading.observed) == 2


def test_caa_found_by_a_check_and_the_same_again_with_another_tag() -> None:
    ticket = _text(
        "Sectigo came back with:\n\n"
        "    PRE-SIGN FAILED: CAA check failed for pay-portal.service.gov.uk\n"
        '    CAA records found: 0 issue "digicert.com"\n\n'
        "Their ops team wrote it as\n\n"
        "   pay-portal.service.gov.uk    CAA 0 issue sectigo.com\n\n"
        "   and for the wildcard, the same again with the issuewild tag (issuewild sectigo.com).\n"
    )
    reading = read(ticket)
    assert sorted(c.value for c in reading.changes if c.action == "add") == [
        '0 issue "sectigo.com"',
        '0 issuewild "sectigo.com"',
    ]
    assert [o.value for o in reading.observed] == ['0 issue "digicert.com"']


def test_a_denial_before_the_lead_in_does_not_deny_the_record_it_introduces() -> None:
    ticket = _text(
        "Please don't remove or edit any of those three; other certificates rely on them. All "
        "we need is one more record in the same set:\n\n"
        '    gov.uk.    3600    IN    CAA    0 issue "certainly.com"\n\n'
        "We can see you already publish a GlobalSign token at that name:\n\n"
        'gov.uk.  300  IN  TXT  "globalsign-domain-verification=tLfdJxIXTcLRnfVVAATrvuNBcCC7wYSt"\n'
    )
    reading = read(ticket)
    assert [(c.action, c.type) for c in reading.changes] == [("add", "CAA")]
    assert [o.type for o in reading.observed] == ["TXT"]


def test_last_years_tag_still_published_at_the_apex_is_what_it_can_delete_later() -> None:
    old = "globalsign-domain-verification=uzwJJ5PUlc6B5Ez4kwt-bVm5pyo1_VVYn7iBhpbe5Q"
    ticket = _text(
        "please create the following record in the gov.uk zone:\n\n"
        "    Record type:   TXT\n"
        "    Host:          @   (the zone apex, i.e. gov.uk itself)\n"
        "    Value:         globalsign-domain-verification=6ZQwejH0rjZLknJuPGPAnGzC282Snz84v0KMSmJn6X\n"
        "    TTL:           3600\n\n"
        "Last year's tag is still published at the apex as well:\n\n"
        f"    {old}\n\n"
        "Please leave that one alone for now. Once GlobalSign has issued the new certificate, it "
        "can be deleted.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.value, c.when) for c in reading.changes][1:] == [
        ("delete", old, "after_issuance")
    ]
    assert [o.value for o in reading.observed] == [old]


def test_labels_on_lines_of_their_own_with_asides_make_an_update() -> None:
    ticket = _text(
        "Here's what needs to change:\n\n"
        "Record name:\n_acme-challenge.publishing.service.gov.uk   (one record covers both)\n\n"
        "Record type:\nCNAME\n\n"
        "Current value (what's published now):\nnymtt96pm8l9kkk377.fastly-validations.com\n\n"
        "New value:\nzl0a1xa14msksmahax.fastly-validations.com   (add a trailing dot if needed)\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.publishing.service.gov.uk.",
            "CNAME",
            "zl0a1xa14msksmahax.fastly-validations.com.",
            "nymtt96pm8l9kkk377.fastly-validations.com.",
        )
    ]


def test_a_zone_snippet_with_one_label_owners_under_origin_and_the_set_that_stays() -> None:
    ticket = _text(
        "- x.service.gov.uk has its own CAA set, and it only names Amazon:\n"
        '    x.service.gov.uk. 3600 IN CAA 0 issue "amazon.com"\n\n'
        "The amazon.com records stay as they are. Below is the snippet we'd suggest:\n\n"
        "$ORIGIN service.gov.uk.\n$TTL 3600\n"
        'x        IN  CAA  0 issue "certainly.com"\n'
    )
    reading = read(ticket)
    assert [(c.action, c.name, c.value, c.ttl) for c in reading.changes] == [
        ("add", "x.service.gov.uk.", '0 issue "certainly.com"', 3600)
    ]
    assert [o.value for o in reading.observed] == ['0 issue "amazon.com"']


_WWW = "_acme-challenge.www.gov.uk. CNAME al7bm18jmp7q7nblrx.fastly-validations.com."
_APEX = "_acme-challenge.gov.uk. CNAME 7llwgeh02yb1xgqv0k.fastly-validations.com."


def test_a_ttl_corrected_for_both_in_the_next_sentence_and_restated_later() -> None:
    corrected = conversation(
        vendor(f"Please add:\n\n{_WWW.replace(' CNAME', ' 600 IN CNAME')}\n", 1),
        vendor(f"and the same for the apex:\n\n{_APEX}\n", 2),
        vendor("Sorry - TTL 60 not 600. For both records.", 3),
    )
    restated = conversation(
        vendor(f"Please add:\n\n{_WWW.replace(' CNAME', ' 600 IN CNAME')}\n", 1),
        vendor(f"The complete and final list:\n\n{_WWW.replace(' CNAME', ' 60 IN CNAME')}\n", 2),
    )
    assert sorted(c.ttl for c in read(corrected).changes) == [60, 60]
    assert [c.ttl for c in read(restated).changes] == [60]


def test_no_dns_changes_are_needed_after_all_withdraws_what_was_asked() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{_WWW}\n{_APEX}\n", 1),
        vendor(
            "Our engineers found the failure was on our side. No DNS changes are needed from "
            "you. Please don't send the two CNAMEs listed above to the registry.",
            2,
        ),
    )
    reading = read(ticket)
    assert reading.changes == () and "retracted" in [f.code for f in reading.flags]


def test_a_ttl_said_later_for_one_type_only() -> None:
    ticket = conversation(
        vendor(f'Please add:\n\ngov.uk.  CAA  0 issue "globalsign.com"\n{_APEX}\n', 1),
        us("And TTLs?", 2),
        vendor("TTL 3600 on the CAA is fine. The CNAME TTL is up to you.", 3),
    )
    assert sorted((c.type, c.ttl) for c in read(ticket).changes) == [
        ("CAA", 3600),
        ("CNAME", None),
    ]


def test_old_and_new_zone_lines_are_an_update() -> None:
    ticket = _text(
        "It currently points to 1fx3lpaim4sjvgcymi.fastly-validations.com. So:\n\n"
        "old: _acme-challenge.www.gov.uk CNAME 1fx3lpaim4sjvgcymi.fastly-validations.com\n"
        "new: _acme-challenge.www.gov.uk CNAME c57778w0dtnab9q04p.fastly-validations.com\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "c57778w0dtnab9q04p.fastly-validations.com.",
            "1fx3lpaim4sjvgcymi.fastly-validations.com.",
        )
    ]


def test_a_dig_under_a_lead_in_that_removes_is_shown_and_then_removed_by_name() -> None:
    ticket = _text(
        "That means the records from last time can now go. We can still see both of them:\n\n"
        "    $ dig +short TXT gov.uk | grep globalsign\n"
        '    "globalsign-domain-verification=a8v5inoZrqSFSvgMSdcNI7ZDTkLaMEs_sIfZ_03xxr"\n\n'
        "Please delete that TXT record whenever convenient.\n\n"
        "Last year's record, which is still in your zone, is:\n"
        "_d42859f87d5fa93b4f2b8ac96308d964.x.gov.uk. CNAME a1.b2.sectigo.com.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.type) for c in reading.changes] == [("delete", "TXT")]
    assert sorted(o.type for o in reading.observed) == ["CNAME", "TXT"]


def test_you_are_welcome_to_remove_it_later_is_no_request() -> None:
    ticket = _text(
        "Please add at the gov.uk apex: TXT "
        '"globalsign-domain-verification=um6kM6F5Ppxzw3derwRHXmlJNTL8A_5DK6d-ZlUjZe"\n\n'
        "You are welcome to remove the TXT record after the new certificate has been issued, "
        "but it does no harm to leave it in place.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_a_lead_in_after_doesnt_resolve_to_still_asks() -> None:
    ticket = _text(
        "The HTTP challenge can't be used for the apex: gov.uk doesn't resolve to Fastly "
        "addresses. The apex has to use the ACME DNS challenge instead, which means a CNAME in "
        "the gov.uk zone:\n\n"
        "  _acme-challenge.gov.uk.  IN  CNAME  pradecbt3xddblje9l.fastly-validations.com.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_leave_it_until_issued_then_delete_it_waits_for_issuance() -> None:
    ticket = _text(
        "The record from last year's validation is still in the zone:\n\n"
        "  _zmvyoqrywbf5a0xmwm8jt69yi4vfh0c.blog.gov.uk.  CNAME  dcv.digicert.com.\n\n"
        "Please leave that one alone until the new certificate has been issued,\n"
        "then delete it.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_what_you_have_now_and_what_it_needs_to_be_is_an_update() -> None:
    ticket = _text(
        "What you have now:\n"
        "_acme-challenge.assets.publishing.service.gov.uk  CNAME  d2eb2xkcjf5ncr0efc.fastly-validations.com\n\n"
        "What it needs to be:\n"
        "_acme-challenge.assets.publishing.service.gov.uk  CNAME  72iw6y6dk5cr23jtht.fastly-validations.com\n"
    )
    assert [(c[0], c[3], c[4]) for c in changes(ticket)] == [
        (
            "update",
            "72iw6y6dk5cr23jtht.fastly-validations.com.",
            "d2eb2xkcjf5ncr0efc.fastly-validations.com.",
        )
    ]


def test_change_its_target_from_old_to_new_is_an_update() -> None:
    ticket = _text(
        "There can only be one CNAME at _acme-challenge.find-a-tender.service.gov.uk, so just "
        "change its target from 6n1lq759izfeq3epx1.fastly-validations.com to "
        "apjiljiejybg2zfigy.fastly-validations.com. Nothing else is needed.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.find-a-tender.service.gov.uk.",
            "CNAME",
            "apjiljiejybg2zfigy.fastly-validations.com.",
            "6n1lq759izfeq3epx1.fastly-validations.com.",
        )
    ]


def test_name_arrow_type_arrow_target_lines_are_records() -> None:
    ticket = _text(
        "Two ACME challenge records are needed:\n\n"
        "_acme-challenge.www.gov.uk  ->  CNAME  ->  cubx6vobfjwxkk7pld.fastly-validations.com\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_records_we_show_live_that_the_vendor_calls_fine_are_done() -> None:
    ticket = conversation(
        vendor(f"Please create:\n\n{_WWW.replace(' CNAME', '  ->  CNAME  ->')}\n", 1),
        us(f"Both records are now live:\n\n{_WWW.replace(' CNAME', ' 300 IN CNAME')}\n", 2),
        vendor(
            "Both resolve correctly from our side. Those two are fine as is, so no action is "
            "needed on them.",
            3,
        ),
    )
    assert changes(ticket) == []


def test_a_record_name_and_value_column_holds_both() -> None:
    ticket = _text(
        "| Domain | Record type | Record name / Value |\n"
        "| gov.uk | CNAME | _acme-challenge.gov.uk 2gabsvc72sr996b509.fastly-validations.com |\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "2gabsvc72sr996b509.fastly-validations.com.",
            None,
        )
    ]


# holdout38/39 (forwarded requests; tidying up): the classes their first reading missed


def test_zone_lines_you_can_drop_straight_in_are_adds() -> None:
    ticket = _text(
        "Here they are as zone-file entries you can drop straight in:\n\n"
        "$ORIGIN service.gov.uk.\n"
        "_acme-challenge.forms  3600  IN  CNAME  6ea0wuno6sqxba0v0c.fastly-validations.com.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_an_action_label_after_the_value_belongs_to_that_block() -> None:
    ticket = _text(
        "All HOST values below are relative to design-system.service.gov.uk.\n\n"
        "  HOST:    _dnsauth\n"
        "  TYPE:    TXT\n"
        "  VALUE:   eu54n3ay6yx61wg6eqhdooyd5mevngan\n"
        "  ACTION:  REMOVE   [DigiCert, no longer used]\n"
        "  WHEN:    only after the renewed certificate has been issued\n\n"
        "  HOST:    @\n"
        "  TYPE:    CAA\n"
        '  VALUE:   0 issue "certainly.com"\n'
        "  ACTION:  KEEP - no change needed\n"
    )
    read_ = read(ticket)
    assert [(c.action, c.name, c.when) for c in read_.changes] == [
        ("delete", "_dnsauth.design-system.service.gov.uk.", "after_issuance")
    ]
    assert ("design-system.service.gov.uk.", "CAA") in {(o.name, o.type) for o in read_.observed}


def test_a_keep_remove_column_and_a_timing_line_after_the_table() -> None:
    ticket = _text(
        "| Host | Type | Data | Keep / Remove |\n"
        "| _acme-challenge.www.gov.uk | CNAME | m4yauivogf44cr1ejk.fastly-validations.com | Keep |\n"
        '| gov.uk | CAA | 0 issue "digicert.com" | Remove |\n\n'
        "Timing: please hold off on the removals until the renewed certificate has been "
        "issued.\n"
    )
    assert [(c.action, c.type, c.when) for c in read(ticket).changes] == [
        ("delete", "CAA", "after_issuance")
    ]


def test_please_keep_the_following_record_after_removals() -> None:
    ticket = _text(
        "The following are no longer needed (please remove them only after the managed "
        "certificate has been issued):\n"
        "_cdc87389c17cb5adc3eacda6cbf2eb8b.tax.service.gov.uk CNAME "
        "7df9178ca59cef20cdd44228aa40231c.293d3c5fe3ed5f3845d1edbd72b33f85.sectigo.com\n"
        "_1dddf0253a338dc9bf7f90209d7ef310.tax.service.gov.uk CNAME "
        "18b698b3fafe99b3d147025174bca02e.ce209fda3a35df4dddcd4381a335096d.comodoca.com "
        "(older order)\n"
        "Please keep the following record. It is not ours, and removing it would stop that "
        "certificate from renewing:\n"
        "_717841cee7f1e3e7072b17b68ea6857b.tax.service.gov.uk CNAME "
        "_9e5d8452c9124213f09026c3c2034b16.cjcmgslhpy.acm-validations.aws\n"
    )
    found = read(ticket)
    assert sorted((c.action, c.name[:6], c.when) for c in found.changes) == [
        ("delete", "_1dddf", "after_issuance"),
        ("delete", "_cdc87", "after_issuance"),
    ]
    assert "_717841cee7f1e3e7072b17b68ea6857b.tax.service.gov.uk." in {
        o.name for o in found.observed
    }


def test_use_300_instead_overrides_the_ttl_of_the_pasted_instructions() -> None:
    ticket = _text(
        "They suggest a TTL of 3600, but could you please use 300 instead?\n\n"
        "The original instructions:\n\n"
        "    Domain:       publishing.service.gov.uk\n\n"
        "    Add the following TXT record to the zone for the domain above:\n\n"
        '    @    3600    IN    TXT    "globalsign-domain-verification=Lo3CeZyzbgCW9FGY5T6qiNJJs8'
        'UwMfVycaMaj3RnJs"\n'
    )
    found = read(ticket)
    assert [c.ttl for c in found.changes] == [300]
    assert "unread_value" not in [f.code for f in found.flags]


def test_the_record_to_request_is_now_after_please_dont_publish_it() -> None:
    ticket = conversation(
        vendor(f"Please add this record:\n\n{CNAME}\n", 1),
        us("We will raise this with the registry.", 2),
        vendor(
            "The CNAME in my earlier message will no longer work, so please don't publish it. "
            f"The record to request from the registry is now:\n\n{NEW}\n",
            3,
        ),
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "n3wt0k3nn3wt0k3n12.fastly-validations.com.",
            None,
        )
    ]


def test_records_from_my_earlier_message_are_live_and_delete_takes_its_value() -> None:
    ticket = conversation(
        vendor(
            "| Name | Type | Value |\n"
            "| _dnsauth.renew-passport.service.gov.uk | TXT | t8t7u23fe25r5oy92gghvbutl7v1zzl4 |\n"
            f"| {_WWW.split()[0]} | CNAME | {_WWW.split()[2]} |\n",
            1,
        ),
        us("Both added. Over to you.", 2),
        vendor(
            "The certificate was issued an hour ago. Both records from my earlier message are "
            "currently live.\nPlease go ahead and delete the DigiCert TXT record at "
            "_dnsauth.renew-passport.service.gov.uk. Please do not remove the CNAME.",
            3,
        ),
    )
    assert changes(ticket) == [
        (
            "delete",
            "_dnsauth.renew-passport.service.gov.uk.",
            "TXT",
            "t8t7u23fe25r5oy92gghvbutl7v1zzl4",
            None,
        )
    ]
    assert len(read(ticket).observed) == 2


def test_whats_in_dns_today_then_a_corrected_new_value_keeps_the_old_and_the_ttl() -> None:
    ticket = conversation(
        vendor(
            "What's in DNS today:\n\n"
            "    _acme-challenge.gov.uk.  3600  IN  CNAME  fko2hlr4jleeqem2m8.fastly-validations.com.\n\n"
            "What it should be changed to:\n\n"
            "    _acme-challenge.gov.uk.  3600  IN  CNAME  xnbe3nipa83my3oemy.fastly-validations.com.\n",
            1,
        ),
        vendor(
            "Sorry - I copied the target from staging by mistake. Please don't use "
            "xnbe3nipa83my3oemy. The correct new value for _acme-challenge.gov.uk is:\n\n"
            "    fict8kr65pp8vknn2g.fastly-validations.com\n\n"
            "Everything else (the current value and the 3600 TTL) is as I said before.\n",
            2,
        ),
    )
    assert [(c.action, c.value, c.old_value, c.ttl) for c in read(ticket).changes] == [
        (
            "update",
            "fict8kr65pp8vknn2g.fastly-validations.com.",
            "fko2hlr4jleeqem2m8.fastly-validations.com.",
            3600,
        )
    ]


def test_a_ttl_written_after_the_data_in_the_value_cell_is_the_ttl() -> None:
    ticket = _text(
        "Please publish the following:\n"
        "| Host | Record type | Content |\n"
        "| @ (i.e. gov.uk itself) | TXT | globalsign-domain-verification=mwX0zyePBw4VDMxUidft2z-"
        "JuSCLfTdffSSZjptpeC TTL 3600 |\n"
    )
    assert [(c.name, c.value, c.ttl) for c in read(ticket).changes] == [
        (
            "gov.uk.",
            "globalsign-domain-verification=mwX0zyePBw4VDMxUidft2z-JuSCLfTdffSSZjptpeC",
            3600,
        )
    ]


def test_added_alongside_the_existing_ones_nothing_needs_removing_asks() -> None:
    ticket = _text(
        "Could you ask for the following to be added alongside the existing ones (nothing "
        "needs removing)?\n\n"
        'gov.uk.    3600    IN    CAA    0 issue "globalsign.com"\n'
    )
    assert changes(ticket) == [("add", "gov.uk.", "CAA", '0 issue "globalsign.com"', None)]


def test_if_last_years_record_is_still_there_speaks_of_another_record() -> None:
    ticket = _text(
        "| Name | Type | TTL | Value |\n"
        "| publishing.service.gov.uk | TXT | 300 | globalsign-domain-verification=PFgg8Vlev2kCU-"
        "OxWPV9hSK8tFeAbeovQdWxXcgq4s |\n\n"
        "If last year's globalsign-domain-verification TXT is still there you can leave it "
        "alongside, it does no harm.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_a_cas_notice_forwarded_puts_its_value_at_the_domain_shown_above() -> None:
    ticket = _text(
        "The only thing needed on your side is the TXT record GlobalSign describes below. "
        "Please add it as its own TXT record.\n\n"
        "---------- Forwarded message ---------\n"
        "From: GlobalSign Validation <no-reply@globalsign.com>\n"
        "Subject: Action required: Domain verification\n\n"
        "    Domain: gov.uk\n\n"
        "To verify using the DNS TXT method, create a TXT record at the domain shown\n"
        "above with the following value:\n\n"
        "    globalsign-domain-verification=Zgt4IEhqieZfyuWsENzTkwZiPXYoRbzzRzr6cul3h3\n"
    )
    found = read(ticket)
    assert [(c.action, c.name, c.type) for c in found.changes] == [("add", "gov.uk.", "TXT")]
    assert [f.code for f in found.flags] == []


def test_acm_console_headings_copied_without_colons() -> None:
    ticket = _text(
        "Here is what the console shows for it, copied as-is:\n\n"
        "    Domain                Status                Renewal status   Type\n"
        "    assets.publishing.service.gov.uk       Pending validation     -        CNAME\n\n"
        "    CNAME name\n"
        "    _c55c48cf91e83ded1f8cb3d826a351ee.assets.publishing.service.gov.uk.\n"
        "    CNAME value\n"
        "    _5ed2e3ddf120655f7139deaffd1319f8.rwoxyezoeq.acm-validations.aws.\n\n"
        "Could you create that CNAME?\n"
    )
    found = read(ticket)
    assert [(c.action, c.type) for c in found.changes] == [("add", "CNAME")]
    assert [f.code for f in found.flags] == []


# holdout41 (templated and automated mail)


def test_remove_both_txt_records_once_issued_above_the_records_it_means() -> None:
    ticket = _text(
        "Both values go on the same name and BOTH must be present at the same time.\n"
        "Once we confirm the certificate has been issued, please remove both TXT\n"
        "records again; we'll update this ticket when that's safe.\n\n"
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.report-a-flood.service.gov.uk.\n\n"
        "with the following value:\n\n"
        "rjDCZTKLR_X1MC_R0BO5dNkrFGAWz6-K_5TsmJk1nwQ\n\n"
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.report-a-flood.service.gov.uk.\n\n"
        "with the following value:\n\n"
        "Kb8tDP9pk_Czwp48Pu5o_LlrupNkzor-EtZetqfZ_5y\n"
    )
    assert sorted((c.action, c.value[:4], c.when) for c in read(ticket).changes) == [
        ("add", "Kb8t", "now"),
        ("add", "rjDC", "now"),
        ("delete", "Kb8t", "after_issuance"),
        ("delete", "rjDC", "after_issuance"),
    ]


def test_a_lead_in_sentence_over_two_lines_ending_in_no_need_to_remove_them() -> None:
    ticket = _text(
        "As things stand they would block issuance. Please add one more record at\n"
        "the apex alongside the two existing ones (no need to remove them):\n\n"
        'gov.uk.  IN  CAA  0 issue "certainly.com"\n'
    )
    assert changes(ticket) == [("add", "gov.uk.", "CAA", '0 issue "certainly.com"', None)]


def test_skip_the_first_row_of_the_notice_below_it_is_in_place() -> None:
    ticket = _text(
        "One correction before you action it: please skip the first row (www.gov.uk). That "
        "record is already in place and we can see it resolving correctly.\n\n"
        "Action needed: verify your domains\n"
        "For each domain below, add a CNAME record at the Record name that points to the "
        "Target.\n"
        "| Domain | Record name | Type | Target |\n"
        "| www.gov.uk | _acme-challenge.www.gov.uk | CNAME | 8vmh6i34g643amkfsi.fastly-validations.com |\n"
        "| publishing.service.gov.uk | _acme-challenge.publishing.service.gov.uk | CNAME | "
        "xrk30kmaprue1r0xv1.fastly-validations.com |\n"
    )
    found = read(ticket)
    assert [c.name for c in found.changes] == ["_acme-challenge.publishing.service.gov.uk."]
    assert [o.name for o in found.observed] == ["_acme-challenge.www.gov.uk."]
    assert "retracted" in [f.code for f in found.flags]


# holdout42 (one ticket, many hands; an ordinary July)


def test_ignore_the_second_row_of_the_earlier_table() -> None:
    ticket = conversation(
        vendor(
            "| Name | Type | Target |\n"
            "| _acme-challenge.beta.companieshouse.gov.uk | CNAME | rabzi1o76db6dpo6ub.fastly-validations.com |\n"
            "| _acme-challenge.companieshouse.gov.uk | CNAME | snuazd7p0h1st9mlhv.fastly-validations.com |\n",
            1,
        ),
        us("Was the bare name added by mistake?", 2),
        vendor(
            "You're right. Please ignore the second row of Yusuf's table; only the beta record "
            "is needed.",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.beta.companieshouse.gov.uk."]
    assert "retracted" in codes(ticket)


def test_the_zone_has_a_caa_record_in_our_comment_is_published() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}\n", 1),
        us(
            "Also, the zone has a CAA record on the service name:\n\n"
            'check-benefit-cap.service.gov.uk. 3600 IN CAA 0 issue "letsencrypt.org"\n\n'
            "Will that get in the way?",
            2,
        ),
    )
    assert [(o.type, o.value) for o in read(ticket).observed] == [
        ("CAA", '0 issue "letsencrypt.org"')
    ]


def test_pop_these_into_dns_because_we_cant_see_them_yet() -> None:
    ticket = _text(
        'The two new hostnames you added to your TLS subscription are sitting at "Pending" '
        "because we can't see the validation records yet. Could you pop these into DNS when "
        "you get a sec?\n\n"
        "| Hostname | Type | Points to |\n"
        "|---|---|---|\n"
        "| _acme-challenge.apply.service.gov.uk | CNAME | fsvi5x2wv9axkgmqyx.fastly-validations.com |\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


# holdout43 (the answer to our question decides it; an ordinary August)


def test_hi_name_300_is_fine_answers_our_ttl_question() -> None:
    ticket = conversation(
        vendor(
            'Please publish:\n\ngov.uk.   IN   TXT   "globalsign-domain-verification='
            '27P3ArbO40D2ubXwCbEdaHfqoKnqeV_n4fufr9EfqC"\n',
            1,
        ),
        us("The registry will ask us for a TTL. Would 300 be OK?", 2),
        vendor("Hi Aled, 300 is fine.\n\nKwame", 3),
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


def test_theres_already_a_cname_there_and_replace_it_please() -> None:
    ticket = conversation(
        vendor(
            "Please create a CNAME record for _acme-challenge.design-system.service.gov.uk with "
            "the value uavg7bruhdypgsx5kf.fastly-validations.com.",
            1,
        ),
        us(
            "There's already a CNAME at that name from the old account:\n\n"
            "_acme-challenge.design-system.service.gov.uk. 300 IN CNAME "
            "t9nwehcl1b09ax1y2e.fastly-validations.com.\n\n"
            "Should this replace the existing CNAME or sit beside it?",
            2,
        ),
        vendor("Replace it, please.", 3),
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes] == [
        ("update", "t9nwehcl1b09ax1y2e.fastly-validations.com.")
    ]


def test_numbered_steps_name_then_point_it_at_and_reply_once_it_is_live() -> None:
    ticket = _text(
        "Steps:\n\n"
        "1. In the gov.uk zone, create a CNAME with the name _acme-challenge.gov.uk\n"
        "2. Point it at 8ua2vizrdmvnug7wnp.fastly-validations.com\n"
        "3. Reply here once it is live and we'll kick off verification\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "8ua2vizrdmvnug7wnp.fastly-validations.com.",
            None,
        )
    ]


def test_no_please_have_it_removed_means_the_one_record_we_showed() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}\n", 1),
        us(
            "The apex still carries the TXT we published for the old GlobalSign order,\n\n"
            'gov.uk. 3600 IN TXT "globalsign-domain-verification=sMxaK3vx42gxjywGGJHrCsCNDQy1GDYdWk9kl0-UcQ"\n\n'
            "Is the old record still needed?",
            2,
        ),
        vendor(
            "No, it isn't needed any more. Please have it removed, but only after the new "
            "certificate has been issued.",
            3,
        ),
    )
    deletes = [(c.name, c.type, c.when) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [("gov.uk.", "TXT", "after_issuance")]


def test_we_need_the_following_cname_after_a_leftover_and_the_txt_has_to_go() -> None:
    ticket = conversation(
        vendor(
            "When we look up the challenge name we get this:\n\n"
            "$ dig +noall +answer TXT _acme-challenge.www.dft.gov.uk\n"
            '_acme-challenge.www.dft.gov.uk. 600 IN TXT "udj5BIAOBvA_y0REPL1MDB9KMxrSmKAEJywT7sZ7Be4"\n\n'
            "That looks like a leftover from a certbot setup. For Fastly to manage the "
            "certificate we need the following CNAME:\n\n"
            "_acme-challenge.www.dft.gov.uk.   CNAME   etev0ai31x2qa78rr9.fastly-validations.com.\n",
            1,
        ),
        us("Should the new CNAME replace the existing TXT, or sit beside it?", 2),
        vendor(
            "Replace it. A CNAME can't share its name with any other record, so the TXT has "
            "to go before the CNAME can be created.",
            3,
        ),
    )
    assert sorted((c.action, c.type) for c in read(ticket).changes) == [
        ("add", "CNAME"),
        ("delete", "TXT"),
    ]


# holdout44 (long, busy tickets; an ordinary November)


def test_the_recent_zone_clean_up_is_a_noun_and_acm_is_asking_for_this_record() -> None:
    ticket = _text(
        "The validation record is no longer in the service.gov.uk zone (it looks like it was "
        "dropped in the recent zone clean-up). ACM is asking for this record:\n\n"
        "| Domain | Status | Type | CNAME name | CNAME value |\n"
        "| origin.x.service.gov.uk | Pending validation | CNAME | "
        "_7c19b7c1ba918bc97f46d54139f543eb.origin.x.service.gov.uk. | "
        "_7b9b0d4e4ebd66c082a0edf33b49cd63.bygstycxaw.acm-validations.aws. |\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_please_delete_both_means_the_two_records_just_shown() -> None:
    ticket = _text(
        "Please add:\n\n"
        "  _acme-challenge.www.staging.publishing.service.gov.uk.  CNAME  34dvzz0o6wz6i8c35x.fastly-validations.com.\n\n"
        "The old certificates were validated with these TXT records, which are still published:\n\n"
        '  www.integration.publishing.service.gov.uk.  TXT  "globalsign-domain-verification=fh66pllKlhnrdsHGuPXsRzJjDBl4GKkyEivkMu1LBd"\n'
        '  www.staging.publishing.service.gov.uk.      TXT  "globalsign-domain-verification=CLYLt5p200wIFy62vRprEVcdJemBfdkjVnIEnKESAW"\n\n'
        "Once the new Certainly certificates show as Issued, please delete both.\n"
    )
    assert sorted((c.action, c.type) for c in read(ticket).changes) == [
        ("add", "CNAME"),
        ("delete", "TXT"),
        ("delete", "TXT"),
    ]


def test_the_old_acm_validation_records_can_go_names_acms_records_only() -> None:
    ticket = _text(
        "Name: _acme-challenge.forms.service.gov.uk\n"
        "Type: CNAME\n"
        "Value: 2uj0b5bnffowkvb02a.fastly-validations.com\n\n"
        "Once the new certificates have been issued, and NOT before, the old ACM validation "
        "records can go. These are still in your zone:\n\n"
        "_a77411da08d3b1a18511f9f4a67aedaf.forms.service.gov.uk. CNAME "
        "_089091228eb38c3c64ef721516013695.bnpkizrrhj.acm-validations.aws.\n"
    )
    assert sorted((c.action, c.name[:6]) for c in read(ticket).changes) == [
        ("add", "_acme-"),
        ("delete", "_a7741"),
    ]


def test_also_ttl_60_on_the_line_under_a_record() -> None:
    ticket = _text(
        "Nothing there at the moment. Please add\n"
        "_acme-challenge.draft-origin.publishing.service.gov.uk CNAME kt20ejxv43ig0zao15.fastly-validations.com,\n"
        "also TTL 60.\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [60]


def test_a_check_shows_a_caa_record_and_please_add_not_replace() -> None:
    ticket = _text(
        "data.gov.uk also has a CAA record. Our pre-flight check shows:\n\n"
        '  data.gov.uk.  CAA  0 issue "amazon.com"\n\n'
        "which would block Let's Encrypt. Please ADD (not replace):\n\n"
        "  Name:  data.gov.uk\n"
        "  Type:  CAA\n"
        '  Value: 0 issue "letsencrypt.org"\n'
    )
    found = read(ticket)
    assert [(c.action, c.value) for c in found.changes] == [("add", '0 issue "letsencrypt.org"')]
    assert [o.value for o in found.observed] == ['0 issue "amazon.com"']


def test_a_host_current_new_table_of_host_names_under_a_dig_is_cname_updates() -> None:
    ticket = _text(
        "Today both hostnames are CNAMEs to GitHub Pages. We checked with dig this afternoon:\n\n"
        "    docs.publishing.service.gov.uk.          300  IN  CNAME  alphagov.github.io.\n\n"
        "At cutover, please change it to point at Fastly:\n\n"
        "    Host                                     Current              New                       TTL\n"
        "    docs.publishing.service.gov.uk           alphagov.github.io   d.sni.global.fastly.net   300\n\n"
        "The docs team want to keep the GitHub Pages site verified until they decommission it "
        "in January.\n"
    )
    found = read(ticket)
    assert [(c.action, c.type, c.value, c.old_value) for c in found.changes] == [
        ("update", "CNAME", "d.sni.global.fastly.net.", "alphagov.github.io.")
    ]


# holdout45 (long, busy tickets, second batch; an ordinary February)


def test_an_action_label_under_a_record_named_by_owner_and_type_only() -> None:
    ticket = _text(
        "Name: _acme-challenge.frontend.publishing.service.gov.uk\n"
        "Type: CNAME\n"
        "Value: grgiyqskmt14emxusp.fastly-validations.com\n"
        "Action: add now\n"
        "Name: _acme-challenge.whitehall-frontend.publishing.service.gov.uk\n"
        "Type: CNAME\n"
        "Action: delete - only after the frontend.publishing.service.gov.uk certificate has been "
        "issued\n"
    )
    assert sorted((c.action, c.name[:20], c.when) for c in read(ticket).changes) == [
        ("add", "_acme-challenge.fron", "now"),
        ("delete", "_acme-challenge.whit", "after_issuance"),
    ]


def test_a_when_column_saying_remove_after_issuance_and_same_ttl_as_before() -> None:
    ticket = conversation(
        vendor(
            "Please use a TTL of 900 for everything in the table below:\n\n"
            "NAME                      TYPE   VALUE                                         WHEN\n"
            "_acme-challenge.gov.uk.   CNAME  zfcwl4q4u3n8cz182d.fastly-validations.com.    now\n"
            'gov.uk.                   TXT    "globalsign-domain-verification=KveptPoz0sUru1PGsI919yjZsCjncKS8i8ItLISEe3"  remove after issuance\n',
            1,
        ),
        us("Requested.", 2),
        vendor(
            "One addition:\n\n"
            "_acme-challenge.search.publishing.service.gov.uk.   CNAME   czl13bi5a0uhu7axsy.fastly-validations.com.\n\n"
            "Same TTL as before, 900, please.\n",
            3,
        ),
    )
    assert sorted((c.action, c.type, c.ttl, c.when) for c in read(ticket).changes) == [
        ("add", "CNAME", 900, "now"),
        ("add", "CNAME", 900, "now"),
        ("delete", "TXT", None, "after_issuance"),
    ]


def test_for_the_two_new_cnames_a_ttl_of_600() -> None:
    ticket = _text(
        "Name: _acme-challenge.hmrc.gov.uk\n"
        "Type: CNAME\n"
        "Value: p58owbl4llij9oxs0j.fastly-validations.com\n\n"
        "For the two new CNAMEs we'd like a TTL of 600 seconds, please. The rest can take "
        "whatever you normally use.\n"
    )
    found = read(ticket)
    assert [c.ttl for c in found.changes] == [600]
    assert "unread_value" not in [f.code for f in found.flags]


def test_ignore_item_2_the_cname_for_gov_uk_withdraws_that_record_only() -> None:
    ticket = conversation(
        vendor(
            "1. www.gov.uk\n\n"
            "HOST: _acme-challenge.www.gov.uk\nTYPE: CNAME\n"
            "POINTS TO: jj0zjgywy9s9uh9lgk.fastly-validations.com\n\n"
            "2. gov.uk\n\n"
            "HOST: _acme-challenge.gov.uk\nTYPE: CNAME\n"
            "POINTS TO: xp33hr1nqdwc3zjc41.fastly-validations.com\n",
            1,
        ),
        us("Is the gov.uk CNAME definitely needed now?", 2),
        vendor(
            "You're right. Please ignore item 2 (the _acme-challenge CNAME for gov.uk) from my "
            "previous message. Item 1 stands exactly as written.",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert "retracted" in codes(ticket)


# holdout46 (long, busy tickets, third batch; an ordinary April)


def test_a_new_token_for_a_record_keeps_the_ttl_asked_for_it() -> None:
    ticket = conversation(
        vendor(
            "_acme-challenge.design-system.service.gov.uk. CNAME v6kt5hfxeu8dwk47d1.fastly-validations.com.\n\n"
            "TTL: for the CNAME please use 300 seconds.\n",
            1,
        ),
        us("Thanks, queued.", 2),
        vendor(
            "The design-system token changed, please use this instead:\n\n"
            "_acme-challenge.design-system.service.gov.uk. CNAME 1x1od68qar1en521as.fastly-validations.com.\n",
            3,
        ),
    )
    assert [(c.value, c.ttl) for c in read(ticket).changes] == [
        ("1x1od68qar1en521as.fastly-validations.com.", 300)
    ]


def test_ignore_item_3_both_caa_lines_withdraws_both() -> None:
    ticket = conversation(
        vendor(
            "1. _acme-challenge.forms.service.gov.uk. CNAME q8wz2m4n6b1c3x5v7k.fastly-validations.com.\n"
            '3. forms.service.gov.uk. CAA 0 issue "certainly.com"\n'
            '   forms.service.gov.uk. CAA 0 issuewild "certainly.com"\n',
            1,
        ),
        us("There is already a CAA record that allows Certainly.", 2),
        vendor("You're right: please ignore item 3 (both CAA lines) from my first message.", 3),
    )
    assert [c[2] for c in changes(ticket)] == ["CNAME"]


def test_a_zone_comment_saying_add_alongside_the_existing_entry() -> None:
    ticket = _text(
        "$ORIGIN publishing.service.gov.uk.\n"
        "; --- allow Let's Encrypt; add alongside the existing globalsign.com entry, do not "
        "replace it ---\n"
        '@    IN  CAA    0 issue "letsencrypt.org"\n'
    )
    assert changes(ticket) == [
        ("add", "publishing.service.gov.uk.", "CAA", '0 issue "letsencrypt.org"', None)
    ]


def test_removals_heading_and_numbered_items_each_under_it() -> None:
    ticket = _text(
        "Removals:\n\n"
        "1. Now: the CNAME at _acme-challenge.whitehall-admin.publishing.service.gov.uk. "
        "Whatever it points to, the whole record can go.\n\n"
        "2. Only after the two Let's Encrypt certificates are issued: the old GlobalSign TXT at "
        "the apex. It's currently published as\n\n"
        '   publishing.service.gov.uk.  TXT  "globalsign-domain-verification=6EJqbmWqpMWqXGaQsUMqkl1SG47wOob6n_zQjAS0Is"\n\n'
        "3. Please leave _acme-challenge.www.gov.uk (the CNAME to "
        "3fow3k699ltr25gab9.fastly-validations.com) exactly as it is.\n"
    )
    assert sorted((c.action, c.type, c.when) for c in read(ticket).changes) == [
        ("delete", "CNAME", "now"),
        ("delete", "TXT", "after_issuance"),
    ]


# holdout47 (long, busy tickets, fourth batch; an ordinary June)


def test_a_cname_named_a_relative_name_so_its_full_name() -> None:
    ticket = _text(
        "Everything is in the service.gov.uk zone.\n\n"
        "1. visit-someone-in-prison.service.gov.uk\n"
        "   For this one, please create a CNAME named _acme-challenge (so "
        "_acme-challenge.visit-someone-in-prison.service.gov.uk) pointing to "
        "uw5xc2177qrjt5g3rh.fastly-validations.com\n"
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.visit-someone-in-prison.service.gov.uk."
    ]


def test_part_b_only_after_issuance_heads_its_section() -> None:
    ticket = _text(
        "Every HOST below is relative to the nationalarchives.gov.uk zone.\n"
        "Part A: please add now\n"
        "HOST: _acme-challenge.www\n"
        "TYPE: CNAME\n"
        "POINTS TO: m6gq2pfyzl5a8gxij9.fastly-validations.com\n"
        "Part B: only after the GlobalSign certificate has been issued\n"
        "I'll post on this ticket as soon as the subscription moves to Issued. After that (and "
        "not before, as the Sectigo certificate stays in service until then) these can be "
        "removed:\n"
        'The Sectigo issue entry: HOST @, TYPE CAA, VALUE 0 issue "sectigo.com"\n'
        "Please leave alone\n"
        "The iodef CAA entry: TNA's security team want to keep receiving reports.\n"
    )
    assert sorted((c.action, c.type, c.when) for c in read(ticket).changes) == [
        ("add", "CNAME", "now"),
        ("delete", "CAA", "after_issuance"),
    ]


# holdout48 (an ordinary September; the vendor corrects itself)


def test_the_record_name_doesnt_change_is_no_refusal() -> None:
    ticket = conversation(
        vendor(
            "Please add the following CNAME record:\n\n"
            "Record name: _acme-challenge.assets.publishing.service.gov.uk\n"
            "Record type: CNAME\n"
            "Value: bkf40g0n9my3c4045r.fastly-validations.com\n",
            1,
        ),
        us("Thanks, that is going through our change process.", 2),
        vendor(
            "Please use this value instead of the one I sent yesterday. The record name "
            "doesn't change:\n\n"
            "Record name: _acme-challenge.assets.publishing.service.gov.uk\n"
            "Record type: CNAME\n"
            "Value: lchvyc1b6duk3wy1pa.fastly-validations.com\n\n"
            "The old token bkf40g0n9my3c4045r is no longer valid and won't be checked.\n",
            3,
        ),
    )
    assert [c[3] for c in changes(ticket)] == ["lchvyc1b6duk3wy1pa.fastly-validations.com."]
    assert "superseded" in codes(ticket)


def test_it_should_be_the_whole_name_not_the_mistyped_label() -> None:
    ticket = _text(
        "Please add these CNAME records:\n\n"
        "  1. _acme-challenge.www.gov.uk        CNAME   erp1ghophh0s37g85f.fastly-validations.com\n"
        "  2. _acme-challenge.assets.publishing.servce.gov.uk   CNAME   "
        "wwle4ozyjzgy67fl4u.fastly-validations.com\n\n"
        "Correction to record 2 before you action this - I mistyped the hostname. It should be\n"
        '_acme-challenge.assets.publishing.service.gov.uk (not "servce"). The target is right.\n'
    )
    assert sorted(c[1] for c in changes(ticket)) == [
        "_acme-challenge.assets.publishing.service.gov.uk.",
        "_acme-challenge.www.gov.uk.",
    ]
    assert "superseded" in codes(ticket)


def test_a_whole_name_that_differs_beyond_the_typo_is_not_guessed() -> None:
    ticket = _text(
        "Please add:\n\n"
        "_acme-challenge.assets.publishing.servce.gov.uk   CNAME   "
        "wwle4ozyjzgy67fl4u.fastly-validations.com\n\n"
        "I mistyped the hostname. It should be _acme-challenge.static.publishing.service.gov.uk "
        '(not "servce").\n'
    )
    assert "ambiguous_request" in codes(ticket)


def test_a_reply_setting_the_ttl_on_both_records_of_the_mail_it_quotes() -> None:
    ticket = _text(
        "Hi both,\n\n"
        "One amendment to my note from this morning, please: set the TTL on both\n"
        "records to 300 rather than 3600. The names and targets are exactly as in my message\n"
        "below - nothing else changes.\n\n"
        "Thanks,\nHannah\n\n"
        "From: Hannah Okafor (Fastly Support) <support@fastly.zendesk.com>\n"
        "Sent: Friday, November 20, 2026 09:18\n"
        "To: GOV.UK 2nd line <govuk-2ndline@digital.cabinet-office.gov.uk>\n"
        "Subject: [Fastly Support] #61514 ACME challenge records\n\n"
        "Good morning,\n\nplease publish these two records:\n\n"
        "_acme-challenge.gov.uk.      3600  IN  CNAME  l7393phzq6t1psdgak.fastly-validations.com.\n"
        "_acme-challenge.www.gov.uk.  3600  IN  CNAME  c0f8moj20zgl4rbav8.fastly-validations.com.\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [300, 300]


def test_the_record_in_the_table_was_listed_by_mistake_so_do_not_create_it() -> None:
    ticket = conversation(
        vendor(
            "| Record name | Type | Value |\n|---|---|---|\n"
            "| _acme-challenge.www.gov.uk | CNAME | aeox4bpmlwfye2yrgc.fastly-validations.com |\n"
            "| _acme-challenge.gov.uk | CNAME | u3j2l01rarx7gazge3.fastly-validations.com |\n",
            1,
        ),
        us("Is the apex really on this subscription?", 2),
        vendor(
            "You're correct: the apex is not on the subscription. The _acme-challenge.gov.uk "
            "record in Marco's table was listed by mistake, so please do not create it.\n\n"
            "The only record we need is the one for www:\n\n"
            "_acme-challenge.www.gov.uk  CNAME  aeox4bpmlwfye2yrgc.fastly-validations.com\n",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert "retracted" in codes(ticket)


def test_labels_we_have_no_entry_for_read_by_their_head_words() -> None:
    ticket = _text(
        "To complete DCV, create this CNAME record in the DNS zone for the domain:\n\n"
        "    CNAME Host:      _87580DC4A4266549ADBE0DAAAEFF30F6.apply-for-a-licence.service.gov.uk.\n"
        "    Target Address:  b114bbcbc94e732d2644f59aa068ed30.6fd158da2b5ee57fe6ef1c0765e567cf"
        ".sectigo.com.\n\n"
        "Once the correct record is in place, the check normally succeeds within a few hours.\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_87580dc4a4266549adbe0daaaeff30f6.apply-for-a-licence.service.gov.uk.",
            "CNAME",
            "b114bbcbc94e732d2644f59aa068ed30.6fd158da2b5ee57fe6ef1c0765e567cf.sectigo.com.",
            None,
        )
    ]


def test_a_sentence_after_a_colon_is_no_label() -> None:
    ticket = _text(
        "Can you confirm whether gov.uk has a CAA record?\n\n"
        "For context: if a CAA record exists at gov.uk, it has to authorise GlobalSign, which "
        "means it would contain something like\n\n"
        '    gov.uk.  IN  CAA  0 issue "globalsign.com"\n\n'
        "If there's no CAA record at all, nothing needs to change.\n"
    )
    assert changes(ticket) == []


def test_a_later_comment_re_times_a_delete() -> None:
    txt = 'gov.uk. TXT "globalsign-domain-verification=-xeoqcROuDcm7VsBVnAolWWC-ikU5MbNGztsL8Q8Fp"'
    ticket = conversation(
        vendor(f"Please add the CNAME and delete this TXT straight away:\n\n{CNAME}\n{txt}\n", 1),
        us("Will do.", 2),
        vendor(
            "Please do not remove the TXT record yet: delete it only after I have confirmed "
            "here that the new certificate has been issued. The CNAME can go ahead today.",
            3,
        ),
    )
    assert sorted((c.action, c.type, c.when) for c in read(ticket).changes) == [
        ("add", "CNAME", "now"),
        ("delete", "TXT", "after_issuance"),
    ]
    assert "superseded" in codes(ticket)


def test_a_verb_for_each_type_in_one_lead_in() -> None:
    ticket = _text(
        "Please add the CNAME and delete this TXT straight away:\n\n"
        f"{CNAME}\n"
        'gov.uk. TXT "globalsign-domain-verification=-xeoqcROuDcm7VsBVnAolWWC-ikU5MbNGztsL8Q8Fp"\n'
    )
    assert sorted((c[0], c[2]) for c in changes(ticket)) == [("add", "CNAME"), ("delete", "TXT")]


# holdout50 (an ordinary March; updates and deletes worded every way)


def test_action_2_only_after_issuance_heads_its_section() -> None:
    ticket = _text(
        "Action 1 - now\n"
        "- Add: _acme-challenge.publishing.service.gov.uk.  300  IN  CNAME  "
        "6hmlazkm4klqy1e73g.fastly-validations.com.\n\n"
        "Action 2 - ONLY after the new certificate is issued (I will post here when it is)\n"
        '- Delete: publishing.service.gov.uk.  TXT  "globalsign-domain-verification='
        'DYuir-qDoNeb7we98zxzGnqfsvi-OpbmiXP1ZBQJZ7"\n'
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_an_account_clean_up_is_a_noun_not_a_delete() -> None:
    ticket = _text(
        "The subscription was re-created on our side after last week's account clean-up, so it "
        "has new authorisations. Here is the raw output from our API:\n"
        '"record_type": "CNAME",\n'
        '"record_name": "_acme-challenge.www.hmrc.gov.uk",\n'
        '"values": [\n"u3rs8ue2em370d1d3d.fastly-validations.com"\n]\n'
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_items_named_by_owner_and_type_under_a_removal_lead_in() -> None:
    ticket = _text(
        "A few validation records are no longer in use. They can be safely removed once the new "
        "certificate\nshows as issued, which we will confirm on this ticket:\n\n"
        "  - the TXT record at _globalsign-domain-verification.www.gov.uk\n\n"
        "The third one can go straight away. The asset host it was created for was "
        "decommissioned last\nyear and nothing validates against it any more:\n\n"
        "  - _dnsauth.assets.publishing.service.gov.uk  (TXT, old DigiCert DCV record)\n"
    )
    assert sorted((c.action, c.name, c.type, c.value, c.when) for c in read(ticket).changes) == [
        ("delete", "_dnsauth.assets.publishing.service.gov.uk.", "TXT", None, "now"),
        (
            "delete",
            "_globalsign-domain-verification.www.gov.uk.",
            "TXT",
            None,
            "after_issuance",
        ),
    ]


def test_a_name_and_type_item_followed_by_its_value_is_a_heading() -> None:
    ticket = _text(
        "Please remove:\n\n1. _dnsauth.hmrc.gov.uk (TXT)\n   Value: abcdefabcdefabcdefabcdef12345678\n"
    )
    assert changes(ticket) == [
        ("delete", "_dnsauth.hmrc.gov.uk.", "TXT", "abcdefabcdefabcdefabcdef12345678", None)
    ]


def test_removed_once_the_certificate_reports_active() -> None:
    ticket = _text(
        "Its CNAME at _acme-challenge.forms.service.gov.uk is then no longer in use and can be "
        "safely removed once the new origin certificate reports ACTIVE.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_only_then_remove_the_old_one_is_the_record_shown_as_published() -> None:
    ticket = _text(
        "OLD RECORD (currently in your zone)\n\n"
        "  CNAME name:   _4b8640271b3f984461b466fbabd4a3d9.uploads.publishing.service.gov.uk.\n"
        "  CNAME value:  _fec4e6462103bead12e19e69d4189468.jcamfachad.acm-validations.aws.\n"
        "  (belongs to the certificate in the old account)\n\n"
        "NEW RECORD\n\n"
        "  CNAME name:   _1d52cd476ba5f8a9492eb13d5e07aebc.uploads.publishing.service.gov.uk.\n\n"
        "  CNAME value:  _d578352e4ac97a0b193d61e99f79162c.jndnnqomjh.acm-validations.aws.\n\n"
        '  (copied straight from the ACM console, "Domains" section of the certificate)\n\n'
        "Please create the new record first. The old record keeps the current certificate "
        'renewable, so leave it alone until the new certificate shows as "Issued" in ACM, and '
        "only then remove the old one.\n"
    )
    assert sorted((c.action, c.name[:9], c.when) for c in read(ticket).changes) == [
        ("add", "_1d52cd47", "now"),
        ("delete", "_4b864027", "after_issuance"),
    ]


def test_values_listed_under_can_be_removed_and_one_withdrawn_later_by_its_value() -> None:
    dig = (
        ";; ANSWER SECTION:\n"
        'hmrc.gov.uk.\t3600\tIN\tTXT\t"v=spf1 include:spf.protection.outlook.com -all"\n'
        'hmrc.gov.uk.\t3600\tIN\tTXT\t"globalsign-domain-verification=tCIyBueeekfUYpn1Syys07-JHNgcqwLqJ1nomk8-o9"\n'
        'hmrc.gov.uk.\t3600\tIN\tTXT\t"globalsign-domain-verification=rxFEX-vigf_hA6MaI63Fg50LBNWgQLqSnIsxNFvFsl"\n'
    )
    ticket = conversation(
        vendor(
            f"This is the TXT set as it resolves today:\n\n{dig}\n"
            "The two GlobalSign tokens are from old orders and can be removed:\n\n"
            "- globalsign-domain-verification=tCIyBueeekfUYpn1Syys07-JHNgcqwLqJ1nomk8-o9\n"
            "- globalsign-domain-verification=rxFEX-vigf_hA6MaI63Fg50LBNWgQLqSnIsxNFvFsl\n\n"
            "Please only delete those two values, not the whole record set.\n",
            1,
        ),
        us("Could you double-check neither is still used?", 2),
        vendor(
            "The second of the two (rxFEX-vigf_hA6MaI63Fg50LBNWgQLqSnIsxNFvFsl) is still "
            "referenced by another order, so please ignore my request to remove that one and "
            "leave it published.\n",
            3,
        ),
    )
    assert [(c[0], c[3][31:36]) for c in changes(ticket)] == [("delete", "tCIyB")]
    assert "retracted" in codes(ticket)


def test_it_must_replace_the_old_value_and_keep_the_ttl_said_before_the_block() -> None:
    ticket = _text(
        "This is what we currently see published:\n\n"
        '    _acme-challenge.check-flood-risk.service.gov.uk. 300 IN TXT "JxTQbND5Yy8UzZBCneJBGFyCPalNvwfzN-yi6Xyuh2c"\n\n'
        "Could you please overwrite that value with the one from this morning's run (keep the "
        "TTL at\n300)? Output from the new run:\n\n"
        "    Please deploy a DNS TXT record under the name:\n\n"
        "    _acme-challenge.check-flood-risk.service.gov.uk.\n\n"
        "    with the following value:\n\n"
        "    7QrQLrIAuPQ3-i-kLNVNgaz_4rf7HjX80VugskT75pj\n\n"
        "It must replace the old value, not sit alongside it.\n"
    )
    assert [(c.action, c.value, c.old_value, c.ttl) for c in read(ticket).changes] == [
        (
            "update",
            "7QrQLrIAuPQ3-i-kLNVNgaz_4rf7HjX80VugskT75pj",
            "JxTQbND5Yy8UzZBCneJBGFyCPalNvwfzN-yi6Xyuh2c",
            300,
        )
    ]


def test_rather_than_overwriting_on_the_next_line_refuses_the_verb() -> None:
    ticket = _text(
        "Both challenge strings below must be published at "
        "_acme-challenge.publishing.service.gov.uk, and\n"
        "they must be there at the same time -- please add the second one next to the first "
        "rather than\noverwriting it:\n\n"
        "    oYfKHbMv9wnCehROylEctjaqXFGp_7yNiDqUUJWTd4U     (for publishing.service.gov.uk)\n"
        "    r5SyvnizL6vjVDPbuLQMCwmPXYjfZfWGyeyGnxPqUSY     (for *.publishing.service.gov.uk)\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add", "add"]


# holdout51 (an ordinary July; back and forth)


def test_ttl_or_lower_in_brackets_under_each_label_block() -> None:
    ticket = _text(
        "Name:  _acme-challenge.www.gov.uk\nType:  CNAME\n"
        "Value: jjqb1qv49ifplawfdn.fastly-validations.com\n(TTL 3600 or lower)\n\n"
        "Name:  _acme-challenge.gov.uk\nType:  CNAME\n"
        "Value: tonkxeikd8l3tawffm.fastly-validations.com\n(TTL 1800 or lower)\n"
    )
    assert sorted((c.name, c.ttl) for c in read(ticket).changes) == [
        ("_acme-challenge.gov.uk.", 1800),
        ("_acme-challenge.www.gov.uk.", 3600),
    ]


def test_a_ttl_in_brackets_in_a_table_value_cell() -> None:
    ticket = _text(
        "| Action | Record | Type | Value |\n"
        "| Add | _acme-challenge.dwp.gov.uk | CNAME | ptk7hidkojigph594l.fastly-validations.com "
        "(TTL: 300) |\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


def test_they_can_come_out_later_on_a_separate_ticket_asks_nothing_now() -> None:
    ticket = _text(
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.report-a-road-defect.service.gov.uk.\n\n"
        "with the following value:\n\n"
        "hSbzHs1wT-C1pU4H6IoUlZBfoISjawivygil92x1SFk\n\n"
        "Once the cert's out these two can come out again, but I'll raise a separate\n"
        "ticket for that when we're done, no need to do anything about it now.\n"
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("add", "TXT")]


def test_a_relative_name_typed_mid_sentence_on_a_phone() -> None:
    ticket = _text(
        "challenge isnt there\ncan u add\n_acme-challenge\nfor assets.publishing.service.gov.uk\n"
        "cname to\n1zozd6awxiepw6r8bn.fastly-validations.com\nttl 300 is fine\n"
    )
    assert [(c.name, c.ttl) for c in read(ticket).changes] == [
        ("_acme-challenge.assets.publishing.service.gov.uk.", 300)
    ]


def test_please_leave_a_name_exactly_as_it_is_withdraws_its_request() -> None:
    ticket = conversation(
        vendor(
            "| Record name | Type | Value |\n|---|---|---|\n"
            "| _acme-challenge.www.gov.uk | CNAME | mghdd19fu8rn6s8x06.fastly-validations.com |\n"
            "| _acme-challenge.gov.uk | CNAME | rs35nlioc8zmsobvp3.fastly-validations.com |\n",
            1,
        ),
        us("Our list: 1. the gov.uk one, 2. the www one. Is this right?", 2),
        vendor(
            "All but the second. www.gov.uk is still on the existing subscription, so please "
            "leave _acme-challenge.www.gov.uk exactly as it is. It should not have been in my "
            "table.",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.gov.uk."]
    assert "retracted" in codes(ticket)


def test_the_old_record_can_now_be_removed_is_the_one_kept_until_issuance() -> None:
    ticket = conversation(
        vendor(
            "Please add the following TXT record at the zone apex of gov.uk:\n\n"
            '@ IN TXT "globalsign-domain-verification=g3uTDsTi8-qGW9mv726GirsjoJdWerqRwek75CgQQs"\n\n'
            "Please keep the existing verification record,\n\n"
            'gov.uk. IN TXT "globalsign-domain-verification=n2uwhLu8TIi9eTebtQ_9wvH90TjUDPjlf0jYshPHDX"\n\n'
            "in place until the new certificate has been issued.\n",
            1,
        ),
        us("The new TXT is live. Could you ask GlobalSign to re-check?", 2),
        vendor(
            "Validation succeeded and the renewed certificate has been issued and deployed. "
            "The old record can now be removed.",
            3,
        ),
    )
    assert sorted((c[0], c[3][31:35]) for c in changes(ticket)) == [
        ("add", "g3uT"),
        ("delete", "n2uw"),
    ]


# holdout49 (an ordinary January; rich HTML mail as it arrives)


def test_records_in_the_dns_zone_of_a_department_relative_to_it() -> None:
    ticket = _text(
        "Kindly create below records in the DNS zone of hmrc.gov.uk.\n\n"
        "Record 1 (for hmrc.gov.uk)\nHOST: _acme-challenge\nTYPE: CNAME\n"
        "POINTS TO: fcj8fsekss6polh98n.fastly-validations.com\n\n"
        "Record 2 (for www.hmrc.gov.uk)\nHOST: _acme-challenge.www\nTYPE: CNAME\n"
        "POINTS TO: mbpr790mttz8962ljm.fastly-validations.com\n"
    )
    assert sorted(c[1] for c in changes(ticket)) == [
        "_acme-challenge.hmrc.gov.uk.",
        "_acme-challenge.www.hmrc.gov.uk.",
    ]


def test_a_console_table_whose_renewal_status_is_pending_asks_for_its_rows() -> None:
    ticket = _text(
        "This is what the certificate's Domains panel currently shows in the ACM console:\n\n"
        "Domain                Status               Renewal status       Type    CNAME name"
        "                CNAME value\n"
        "assets.staging.publishing.service.gov.uk   Success              Pending validation   "
        "CNAME   _7a2d894d4bb3bac24d5148c033416d4e.assets.staging.publishing.service.gov.uk.  "
        "_388b8ed2ca42a97969c87e2c090f1553.btjeosglov.acm-validations.aws.\n\n"
        "Please re-create the record in the hosted zone.\n"
    )
    assert [(c[0], c[2]) for c in changes(ticket)] == [("add", "CNAME")]


# holdout52 (an ordinary October; many names in one ticket) and holdout53 (an ordinary
# December; CA and reseller mail passed on by departments)


def test_a_relative_name_spelled_out_in_full_below_its_block() -> None:
    ticket = _text(
        "Hello,\n"
        "\n"
        "We are processing OV certificate order #804978 placed by the Department for\n"
        "Education for the following names:\n"
        "\n"
        "  education.gov.uk\n"
        "  www.education.gov.uk\n"
        "\n"
        "The organisation validation for this order is complete. Before we can issue the\n"
        "certificate we must complete Domain Control Validation (DCV) for\n"
        "education.gov.uk. You have been listed as the DNS contact for this domain, so we\n"
        "are writing to you directly.\n"
        "\n"
        "The order uses the DNS TXT record DCV method. Please create the following record\n"
        "in the education.gov.uk zone:\n"
        "\n"
        "  Record type:  TXT\n"
        "  Host:         _dnsauth\n"
        "  Value:        qw6hilws6a29fdvgkbsld5pk4wx8axy8\n"
        "\n"
        "Some DNS providers append the domain automatically. If yours does not, enter the\n"
        "full host name: _dnsauth.education.gov.uk\n"
        "\n"
        "Validating education.gov.uk also covers www.education.gov.uk, so only this one\n"
        "record is needed.\n"
        "\n"
    )
    assert [c[1] for c in changes(ticket)] == ["_dnsauth.education.gov.uk."]


def test_a_new_value_in_the_mail_below_supersedes_the_first() -> None:
    mail = (
        "---------- Forwarded message ---------\nFrom: DigiCert <no-reply@digitalcertvalidation.com>\n"
        "Subject: Domain Control Validation for vehicle-recall-check.service.gov.uk\n\n"
        "Domain: vehicle-recall-check.service.gov.uk\n"
        "Host: @ (vehicle-recall-check.service.gov.uk)\nRecord type: TXT\nRandom value: {}\n"
    )
    ticket = conversation(
        vendor(
            "DigiCert's validation mail is below, please can you add the TXT record it asks for."
            "\n\n" + mail.format("xtzjt0scphhjw3r7lgnwfr2r6ziqc9p2"),
            1,
        ),
        us("We'll get this one in today.", 2),
        vendor(
            "Apologies, please hold off on that one. DigiCert have sent a new random value. Same "
            "name, same type, new value in the mail below.\n\n"
            + mail.format("i902y4bdzetc83tsm9aep2xezfc51kio"),
            3,
        ),
    )
    assert [c[3] for c in changes(ticket)] == ["i902y4bdzetc83tsm9aep2xezfc51kio"]


def test_please_do_the_dns_txt_one_of_the_options_in_the_mail() -> None:
    ticket = _text(
        "Our annual GlobalSign renewal for court-fee-refund.service.gov.uk has started. "
        "GlobalSign's mail is\nunderneath. Of the options they give, please do the DNS TXT one "
        "(we don't want to put the gsdv.txt\nfile on the live service).\n\n"
        "For reference this is what's on the name at the moment:\n\n"
        "  $ dig +short TXT court-fee-refund.service.gov.uk\n"
        '  "globalsign-domain-verification=OrYB9SG4AaL6lg9oOAsswo9V8K3QGD4pfvukQsgIzQ"\n\n'
        "Please leave last year's globalsign record alone until the new certificate has been "
        "issued, then\nit can be removed.\n\n"
        "> From: GlobalSign <no-reply@globalsign.com>\n> Sent: 01 December 2026 07:58\n"
        "> Subject: Domain Verification\n>\n> DNS TXT Record\n"
        ">   Add the following as a new TXT record at the domain court-fee-refund.service.gov.uk:\n"
        ">   globalsign-domain-verification=bFM2pWEExNmjrbPkLUneP0CYnysTf-etNedvMX6p3z\n"
    )
    assert sorted((c[0], c[2], c[3][31:35]) for c in changes(ticket)) == [
        ("add", "TXT", "bFM2"),
        ("delete", "TXT", "OrYB"),
    ]


def test_please_update_that_one_of_a_record_in_the_mail_below() -> None:
    ticket = _text(
        "Message from the panel below. The first one (grants-finder.service.gov.uk) already has "
        "an _acme-challenge TXT from last year, so please update that one with the new value. The "
        "www one is new, so please add it.\n\nBegin forwarded message:\n\n"
        "> please deploy the following DNS TXT records:\n>\n"
        ">   Record:  _acme-challenge.grants-finder.service.gov.uk\n>   Type:    TXT\n"
        ">   Value:   PpyDmCx_slLlRY5D_uEouJ1Tnv3UOoou-e5GGaG6gv5\n>\n"
        ">   Record:  _acme-challenge.www.grants-finder.service.gov.uk\n>   Type:    TXT\n"
        ">   Value:   P_SRD_rcgRDhKV54ghB4FGdKB3RNFM3Ibz62ui2iCth\n"
    )
    assert sorted((c[0], c[1]) for c in changes(ticket)) == [
        ("add", "_acme-challenge.www.grants-finder.service.gov.uk."),
        ("update", "_acme-challenge.grants-finder.service.gov.uk."),
    ]
    assert "ambiguous_request" in codes(ticket)


def test_disregard_the_two_records_for_those_names() -> None:
    table = "".join(
        f"Name: _acme-challenge.{host}\nType: CNAME\nValue: {token}.fastly-validations.com\n\n"
        for host, token in (
            ("www.gov.uk", "n5rta7rokuclh3vtxd"),
            ("view-driving-licence.service.gov.uk", "xqj44ymvbg4q3x5k3s"),
            ("www.direct.gov.uk", "up43q4ve9hwv8fcxph"),
        )
    )
    ticket = conversation(
        vendor(f"Please create these records:\n\n{table}", 1),
        us("Two of these names look wrong to us.", 2),
        vendor(
            "Good catch. Both view-driving-licence.service.gov.uk and www.direct.gov.uk have now "
            "been removed from the subscription's domain list, so please disregard the two "
            "records for those names. You don't need to create them.",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.www.gov.uk."]
    assert "retracted" in codes(ticket)


def test_hosts_now_validated_with_the_records_you_added_are_done() -> None:
    ticket = conversation(
        vendor(
            "| Name | Type | Value |\n|---|---|---|\n"
            "| _acme-challenge.find-a-grant.service.gov.uk | CNAME | y0flftgf97q2dchrj9.fastly-validations.com |\n"
            "| _acme-challenge.gov.uk | CNAME | 4ms05hc4v8wp3zah4x.fastly-validations.com |\n",
            1,
        ),
        us("Added the service.gov.uk one.", 2),
        vendor(
            "I can confirm find-a-grant.service.gov.uk is now validated with the record you "
            "added, so no further action is needed for it.",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.gov.uk."]
    assert [o.name for o in read(ticket).observed] == [
        "_acme-challenge.find-a-grant.service.gov.uk."
    ]


def test_items_3_and_4_are_done_of_a_numbered_list_below_a_conflict_error() -> None:
    ticket = conversation(
        vendor(
            "Conflicting record(s) found at _acme-challenge.publishing.service.gov.uk. Please "
            "remove the record(s) and add the following CNAME record: "
            "x9czi9rr2u27978k13.fastly-validations.com\n\n"
            "So the full set of changes is:\n\n"
            '1. DELETE  _acme-challenge.www.gov.uk  TXT  "1hcGJJRa2vP-KF9d5XBfy2blN29vzHUSu8XnRnH9cod"\n'
            "2. ADD     _acme-challenge.www.gov.uk  CNAME  jg2aslo5ed10rrnqsu.fastly-validations.com\n"
            '3. DELETE  _acme-challenge.publishing.service.gov.uk  TXT  "OB0TuGVD9YQgQEq5GOULU0jkfn3GqP6_adq9sCkUiCD"\n'
            "4. ADD     _acme-challenge.publishing.service.gov.uk  CNAME  x9czi9rr2u27978k13.fastly-validations.com\n",
            1,
        ),
        us("Raised with the teams.", 2),
        vendor("Quick update: items 3 and 4 are done. Still outstanding are items 1 and 2.", 3),
    )
    assert sorted((c[0], c[1], c[2]) for c in changes(ticket)) == [
        ("add", "_acme-challenge.www.gov.uk.", "CNAME"),
        ("delete", "_acme-challenge.www.gov.uk.", "TXT"),
    ]


# holdout54 (an ordinary February; long, busy tickets, fifth batch)


def test_these_replace_whatever_you_have_there_today_are_updates_of_unknown_values() -> None:
    ticket = _text(
        "Could you please create the following in the respective zones?\n\n"
        "| Record name | Type | TTL | Value |\n"
        "| _acme-challenge.staging.publishing.service.gov.uk | CNAME | 3600 | "
        "tq6fhn2pz1z2gl45eh.fastly-validations.com |\n\n"
        "These replace whatever _acme-challenge CNAMEs you have there today - I don't have the "
        "old values to hand, I'm afraid.\n"
    )
    assert [(c[0], c[4]) for c in changes(ticket)] == [("update", None)]
    assert "ambiguous_request" in codes(ticket)


def test_a_quoted_attribution_starts_history_under_a_signature() -> None:
    ticket = _text(
        "one more thing once its issued (not before pls!): the old verification TXT is still in "
        "the gov.uk zone, can you get it removed:\n\n"
        'gov.uk TXT "globalsign-domain-verification=NFYcPCarxUuPQDFPeJ3jGA74EcECwV_skfkDjDRlRB"\n\n'
        "Marco\n\n"
        "> On 14 Oct 2027, at 11:02, GOV.UK 2nd line <govuk@example.gov.uk> wrote:\n>\n"
        ">> Please add the following TXT record at the apex of gov.uk:\n>>\n"
        '>> gov.uk.  3600  IN  TXT  "globalsign-domain-verification=JH2wc0dz9CyBKCKnw311CIdukc8MH1OJr4WblgLpKQ"\n\n'
        "--\nMarco Bianchi | Fastly Support\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


# holdout55 (an ordinary April; requests a careful engineer would not act on as written)


def test_delete_the_old_record_with_three_old_values_shown_is_not_guessed() -> None:
    ticket = _text(
        "I also had a look at what is currently published, and there are a few older "
        "verification values still there:\n\n"
        "$ dig +short TXT gov.uk | grep globalsign\n"
        '"globalsign-domain-verification=JWnQrnmneguFZZ1r_G5wDX65SwTXZ2vo06JtVT9qB1"\n'
        '"globalsign-domain-verification=dEDp_QYLdBA2mW9IkCwGh-NV_nrcXeT2hhUJlnRC89"\n'
        '"globalsign-domain-verification=ItPQuH4Ps3UypvRclo-JFqQdRyCSnx7FsF7YA-rVaA"\n\n'
        "Once the new certificate has been issued, please delete the old record so the apex "
        "stays tidy.\n"
    )
    assert changes(ticket) == []
    assert "ambiguous_request" in codes(ticket)


def test_a_txt_value_cut_off_at_an_open_quote_is_never_drafted() -> None:
    ticket = _text(
        "Name:  _acme-challenge.www.tax.service.gov.uk\nType:  TXT\n"
        'Value: "cENhL1EGcLJCdKjPZItjta\n\n--\nMarcus Oyelaran\n'
    )
    assert changes(ticket) == []
    assert "unparsed_record" in codes(ticket)


def test_a_numbered_zone_heading_names_the_zone_of_the_apex_record_under_it() -> None:
    ticket = _text(
        "Records needed:\n\n"
        "1. Zone gov.uk (apex), for the gov.uk and www.gov.uk SANs:\n\n"
        '   @   3600   IN   TXT   "globalsign-domain-verification=DyiaUqYUSZyDLoyt6Fd0FbhWeyM4zKFZMMx9Wks01R"\n\n'
        "2. Zone hmrc.gov.uk (apex), for the HMRC redirect SAN:\n\n"
        '   @   3600   IN   TXT   "globalsign-domain-verification=je52SX5Tgf70hY9j0GBimpQvfPvuy5D5odRU4A76qC"\n'
    )
    assert sorted(c[1] for c in changes(ticket)) == ["gov.uk.", "hmrc.gov.uk."]


def test_showing_pending_because_the_record_is_missing_asks_for_it() -> None:
    ticket = _text(
        "Background: a new dedicated subscription has been created and is currently showing "
        '"Pending"\nin the TLS dashboard because the delegation record is missing.\n\n'
        "    Name:   _acme-challenge.assets.publishing.service.gov.uk\n    Type:   CNAME\n"
        "    Value:  q6d1p838004l0cl6ff.fastly-validations.com\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_the_old_verification_string_can_go_once_issued() -> None:
    ticket = _text(
        "Once the Certainly certificate covering gov.uk has been issued, the old GlobalSign "
        "verification string can go. Please do NOT remove it before then:\n\n"
        '    gov.uk.    IN    TXT    "globalsign-domain-verification=I0Ft2HTxOaks006uWKxvojwi7dkIHaN4DSMAAnPsCX"\n'
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_none_of_these_should_be_removed_and_a_host_shown_as_issued() -> None:
    acm = (
        "_dfd91462e96110c441af2dc0c340fe8d.origin.apply-for-teacher-training.service.gov.uk. CNAME "
        "_336282125e64d6936b58fd6a78d74407.jlbxiwnlub.acm-validations.aws.\n"
        "_c65cbf7bc36aadfe76b72ca6ba63374f.api.apply-for-teacher-training.service.gov.uk. CNAME "
        "_87de940eaea56a5d91d074b142ea01cd.fbxwqnrwbr.acm-validations.aws.\n"
    )
    ticket = conversation(
        vendor(f"Please add the two ACM records:\n\n{acm}", 1),
        us("Origin added.", 2),
        vendor(
            "Progress update: ACM now shows origin.apply-for-teacher-training.service.gov.uk as "
            "Issued, thanks. No clean-up will be needed afterwards; none of these should be "
            "removed.",
            3,
        ),
    )
    assert [(c[0], c[1][:9]) for c in changes(ticket)] == [("add", "_c65cbf7b")]


# holdout56 (an ordinary June and August)


def test_ttl_you_can_put_small_like_60_for_both_certbot_values() -> None:
    block = (
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.monitoring.publishing.service.gov.uk.\n\n"
        "with the following value:\n\n{}\n\nPress Enter to Continue\n\n"
    )
    ticket = _text(
        block.format("sUeTzdRPi8pnvjGAvI5DVxmINlx26bKDN7v_0Q9WRos")
        + block.format("47PsZeHB1k6MXnzSsf-mIob8XD8sINXxqop1PTHHO9A")
        + "So it is two TXT on the same name, both must be there in same time. TTL you can\n"
        "put small like 60, is only for this validation. After certificate is done I will\n"
        "write you again and you can remove them.\n"
    )
    assert [(c.action, c.ttl) for c in read(ticket).changes] == [("add", 60), ("add", 60)]


def test_a_ttl_cell_beside_a_record_written_as_labels_in_one_cell() -> None:
    ticket = _text(
        "| Hostname on certificate | Record to create | TTL |\n"
        "| assets.publishing.service.gov.uk | Name: _acme-challenge.assets.publishing.service.gov.uk "
        "Type: CNAME Value: b1c1z7753fawku4xyn.fastly-validations.com | 300 |\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


# holdout57-60 (an ordinary November, May, March and July; asked again; timing and TTLs;
# updates and deletes)


def test_the_senders_own_means_is_not_a_request() -> None:
    # A reply passing the vendor's mail on: "as we renew automatically by updating the TXT
    # answer that sits behind each CNAME" says how Fastly works, asks nothing of the records.
    ticket = _text(
        "Thanks, forwarding this to our DNS team now.\n\n"
        "On Mon, 23 Nov 2026 at 10:00, Fastly Support <support@fastly.com> wrote:\n"
        "> Please add these two CNAME records to the gov.uk zone:\n>\n"
        ">   * _acme-challenge.www.gov.uk  ->  q7c2m9x4k1v8b3n6zt.fastly-validations.com\n"
        ">   * _acme-challenge.gov.uk      ->  h5r8w2p6j9d4f1s7yl.fastly-validations.com\n>\n"
        "> Once they're in place you won't need to touch them again, as we renew automatically\n"
        "> by updating the TXT answer that sits behind each CNAME on our side.\n"
    )
    assert [c.action for c in read(ticket).changes] == ["add", "add"]
    assert codes(ticket) == []


def test_a_change_window_is_no_request_to_change() -> None:
    # ITIL's nouns ("its own change window", "raise a change request") ask for no update
    assert action_cue("the cut-over will be a separate request with its own change window") is None
    assert action_cue("we'll raise a change request for the A record next week") is None
    assert action_cue("please change the CNAME to point at the new target") == "update"


def test_ttls_said_in_words_and_as_the_ttl_a_number_would_be() -> None:
    ticket = _text(
        "Please create the following record in the gov.uk zone:\n\n"
        "    Record name:  _acme-challenge.www.gov.uk\n"
        "    Record type:  CNAME\n"
        "    Target:       u3k9d7q1m5x8c2v6nb.fastly-validations.com\n"
        "    TTL:          two minutes if your provider allows it (we poll fairly often during\n"
        "                  the first issuance)\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [120]
    apex = _text(
        "GlobalSign have issued a fresh token. Please publish it at the zone apex:\n\n"
        'gov.uk.  IN  TXT  "globalsign-domain-verification=Zq4W8rT2yU6iO0pA3sD7fG1hJ5kL9zX2cV6bN0m4Q"\n\n'
        "300s would be an ideal TTL for it.\n"
    )
    assert [c.ttl for c in read(apex).changes] == [300]


def test_a_ttl_settled_after_words_about_it() -> None:
    later = conversation(
        vendor(
            "Please create this DNS record:\n\nName: _acme-challenge.tow-a-trailer.service.gov.uk\n"
            "Type: CNAME\nValue: 8wz3k1n6q0d4r7t2yb.fastly-validations.com\n",
            1,
        ),
        us("Happy to. Is there a TTL you need? Otherwise we'll use 3600.", 2),
        vendor(
            "Keep the TTL on _acme-challenge.tow-a-trailer.service.gov.uk low please; 60 is fine.",
            3,
        ),
    )
    assert [c.ttl for c in read(later).changes] == [60]
    caa = _text(
        "  1. Add a CAA record on find-a-ferry.service.gov.uk allowing Certainly:\n"
        '       0 issue "certainly.com"\n'
        "     (CAA doesn't change often, so a long TTL is fine here - one day is what we'd "
        "suggest.)\n"
    )
    assert [c.ttl for c in read(caa).changes] == [86400]


def test_a_ttl_for_both_said_before_two_certbot_prompts_and_for_as_many_as_it_counts() -> None:
    block = (
        "Please deploy a DNS TXT record under the name:\n"
        "_acme-challenge.catch-a-trout.service.gov.uk.\n"
        "with the following value:\n{}\n"
        "- - - - - - - - - - - - - - - - - - - -\nPress Enter to Continue\n\n"
    )
    ticket = _text(
        "Certbot has asked for the two records below. A TTL of 60 on both would help us finish\n"
        "quickly. Output copied straight from the terminal:\n\n"
        + block.format("Kq3vN8xZ1cR5tY7uI0oP2aS4dF6gH9jL3kM5nB7vC1x")
        + block.format("Wm2eR4tY6uI8oP0aS1dF3gH5jK7lZ9xC2vB4nM6qE8r")
    )
    assert [c.ttl for c in read(ticket).changes] == [60, 60]
    counted = _text(
        "All of the names below are in the service.gov.uk zone. Please add (TTL 1800 for all "
        "three):\n\n"
        "  1. _acme-challenge.bake-a-cake.service.gov.uk    CNAME   f4g8h2j6k0l3z7x1c5.fastly-validations.com\n"
        "  2. _acme-challenge.ice-a-cake.service.gov.uk     CNAME   v9b3n7m1q5w8e2r6t0.fastly-validations.com\n"
        "  3. _acme-challenge.slice-a-cake.service.gov.uk   CNAME   y4u8i2o6p0a3s7d1f5.fastly-validations.com\n\n"
        "And a CAA record on service.gov.uk:\n\n"
        '  service.gov.uk.   CAA   0 issue "letsencrypt.org"\n'
        "     (no particular TTL needed for this one)\n"
    )
    assert [c.ttl for c in read(counted).changes][-1] is None


def test_a_ttl_for_one_type_in_a_paragraph_about_ttls() -> None:
    ticket = _text(
        "A word on TTLs, since you asked: leave the CAA at whatever TTL you normally publish "
        "with. The two CNAMEs are different: please put those in at 60, because GlobalSign "
        "re-checks them.\n\n"
        "| Host | Type | Data |\n"
        '| gov.uk | CAA | 0 issue "globalsign.com" |\n'
        "| _acme-challenge.www.gov.uk | CNAME | p2o4i6u8y0t1r3e5w7.fastly-validations.com |\n"
    )
    assert sorted((c.type, c.ttl) for c in read(ticket).changes) == [
        ("CAA", None),
        ("CNAME", 60),
    ]


def test_times_a_delete_waits_for_worded_freely() -> None:
    cases = {
        "After renewal completes - i.e. when the new Google-managed certificate reports state "
        "ACTIVE - it can be deleted.": "after_issuance",
        "After 48 hours, remove it.": "after_issuance",
        "Please leave it alone until the renewal completes, then take it out.": "after_issuance",
        "It has to hang around until I drop a note saying the new certificate has been issued. "
        "After that you're free to get rid of it.": "after_issuance",
    }
    for said, when in cases.items():
        ticket = _text(
            "The old authorization record is still in the zone:\n\n"
            "HOST:       _acme-challenge.fill-a-form.service.gov.uk\n"
            "TYPE:       CNAME\n"
            "POINTS TO:  3a9b1c7d-2e4f-4a6b-8c0d-9e1f2a3b4c5d.4.authorize.certificatemanager.goog.\n\n"
            "Please don't take that one out straight away. " + said + "\n"
        )
        assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", when)], said


def test_a_delete_waits_for_the_condition_in_the_clause_before_it() -> None:
    ticket = _text(
        "Could you add the CNAME below straight away and, once the new cert is showing on the "
        "site, delete the TXT record at _globalsign-domain-verification.mend-a-road.service.gov.uk "
        "since nothing will look at it after that?\n\n"
        "HOST:       _acme-challenge.mend-a-road.service.gov.uk\n"
        "TYPE:       CNAME\n"
        "POINTS TO:  m3n5b7v9c1x2z4a6s8.fastly-validations.com\n"
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_a_table_row_to_delete_later_and_a_section_to_do_after_issuance() -> None:
    row = _text(
        "| Action                    | Record name                       | Type  | Value |\n"
        "|---------------------------|-----------------------------------|-------|-------|\n"
        "| Delete (later, see below) | _e8303bb183d51654a242bb719cb858b1.apply.service.gov.uk. "
        "| CNAME | _03ac906ca895477965d6504f1c280632.rqofqoyaom.acm-validations.aws. |\n"
    )
    assert [(c.action, c.when) for c in read(row).changes] == [("delete", "after_issuance")]
    section = _text(
        "Required action 2 (only after the Certainly certificate has been issued - we will "
        "confirm on this ticket):\n\n"
        "  NAME                           TYPE    VALUE\n"
        '  publishing.service.gov.uk.     TXT     "globalsign-domain-verification=Pq7Wx2Ce9Rv4Tb6Yn1Um3Ik5Ol8Ja0Hs3Dg5Fk7Lz9"\n\n'
        "Remove this TXT record.\n"
    )
    assert [(c.action, c.when) for c in read(section).changes] == [("delete", "after_issuance")]


def test_a_numbered_heading_for_a_domain_says_where_at_is() -> None:
    ticket = _text(
        "Could you please arrange the two records below?\n\n"
        "1. For gov.uk (zone apex)\nType: TXT\nHost: @\n"
        'Value: "globalsign-domain-verification=Vb3Nm5Qw7Er9Ty1Ui3Op5As7Df9Gh1Jk3Lz5Xc7Vb9"\n\n'
        "2. For publishing.service.gov.uk\nType: CNAME\n"
        "Host: _acme-challenge.publishing.service.gov.uk\n"
        "Value: z8x6c4v2b0n9m7q5w3.fastly-validations.com\n"
    )
    assert sorted(c.name for c in read(ticket).changes) == [
        "_acme-challenge.publishing.service.gov.uk.",
        "gov.uk.",
    ]


def test_a_verification_string_broken_by_a_narrow_cell() -> None:
    ticket = _text(
        "<p>These two can be deleted:</p><table>"
        "<tr><th>Host</th><th>Type</th><th>Value to delete</th></tr>"
        "<tr><td>gov.uk</td><td>TXT</td><td>&quot;globalsign-domain-verification=<br>"
        "Hj5Kl7Zx9Cv1Bn3Mq5We7Rt9Yu1Io3Pa5Sd7Fg9Hj1&quot;</td></tr></table>"
    )
    assert [c.value for c in read(ticket).changes] == [
        "globalsign-domain-verification=Hj5Kl7Zx9Cv1Bn3Mq5We7Rt9Yu1Io3Pa5Sd7Fg9Hj1"
    ]


def test_someone_elses_past_doing_is_no_request() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.gov.uk.   CNAME   a1s3d5f7g9h2j4k6l8.fastly-validations.com.\n",
            1,
        ),
        us("Sent to Jisc.", 2),
        vendor(
            "Sorry, one correction. A colleague removed and re-added gov.uk on the subscription "
            "yesterday, and that generated a fresh challenge. For gov.uk please use this value "
            "instead of the one I sent:\n\n"
            "_acme-challenge.gov.uk.   CNAME   q0w2e4r6t8y1u3i5o7.fastly-validations.com.\n",
            3,
        ),
    )
    assert [(c.action, c.value) for c in read(ticket).changes] == [
        ("add", "q0w2e4r6t8y1u3i5o7.fastly-validations.com.")
    ]


def test_the_older_token_of_a_kind_among_records_shown_published() -> None:
    ticket = _text(
        "GlobalSign's check is still failing. This is what we get right now:\n\n"
        "$ dig +noall +answer TXT gov.uk\n"
        'gov.uk.   300   IN   TXT   "v=spf1 -all"\n'
        'gov.uk.   300   IN   TXT   "globalsign-domain-verification=Ab1Cd3Ef5Gh7Ij9Kl1Mn3Op5Qr7St9Uv1Wx3Yz5Ab7"\n\n'
        "Could you ask Jisc to add the correct one, please?\n\n"
        '    gov.uk.  IN  TXT  "globalsign-domain-verification=Zy9Xw7Vu5Ts3Rq1Po9Nm7Lk5Ji3Hg1Fe9Dc7Ba5Zy3"\n\n'
        "Please leave the older globalsign-domain-verification record in place for now, and have "
        "it removed once the new certificate has been issued. The SPF record should stay.\n"
    )
    deletes = [c.value for c in read(ticket).changes if c.action == "delete"]
    assert deletes == ["globalsign-domain-verification=Ab1Cd3Ef5Gh7Ij9Kl1Mn3Op5Qr7St9Uv1Wx3Yz5Ab7"]


def test_a_status_column_saying_in_place_is_no_request() -> None:
    ticket = _text(
        "Only the last row is new - the first two are already in place.\n\n"
        "  HOSTNAME                                  TYPE    POINTS TO                                   STATUS\n"
        "  _acme-challenge.find-a-ford.service.gov.uk        CNAME   k1j2h3g4f5d6s7a8z9.fastly-validations.com   in place, no action\n"
        "  _acme-challenge.www.find-a-ford.service.gov.uk    CNAME   x9c8v7b6n5m4q3w2e1.fastly-validations.com   in place, no action\n"
        "  _acme-challenge.admin.find-a-ford.service.gov.uk  CNAME   r5t6y7u8i9o0p1a2s3.fastly-validations.com   NEW - please add\n"
    )
    reading = read(ticket)
    assert [c.name for c in reading.changes] == [
        "_acme-challenge.admin.find-a-ford.service.gov.uk."
    ]
    assert len(reading.observed) == 2


def test_a_later_comment_saying_a_record_is_correct_as_it_stands() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n"
            "_acme-challenge.check-a-river.service.gov.uk. CNAME "
            "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d.11.authorize.certificatemanager.goog.\n"
            "_acme-challenge.www.check-a-river.service.gov.uk. CNAME "
            "6f7e8d9c-0b1a-4f2e-9d3c-4b5a6f7e8d9c.11.authorize.certificatemanager.goog.\n",
            1,
        ),
        us("Both are now live.", 2),
        vendor(
            "The apex authorization was kept, so _acme-challenge.check-a-river.service.gov.uk is "
            "correct as it stands and needs no change. Please change the www one to the new "
            "target:\n\n"
            "_acme-challenge.www.check-a-river.service.gov.uk. CNAME "
            "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a.11.authorize.certificatemanager.goog.\n",
            3,
        ),
    )
    assert [c.name for c in read(ticket).changes] == [
        "_acme-challenge.www.check-a-river.service.gov.uk."
    ]


def test_a_zone_file_note_says_its_own_time() -> None:
    ticket = _text(
        "Heads-up: there will be one new record to add; the apex _acme-challenge CNAME becomes "
        "redundant once the GlobalSign certificate has been issued. GlobalSign have issued the "
        "token; here is everything:\n"
        "$ORIGIN gov.uk.\n"
        "; add now\n"
        '@      3600  IN  TXT    "globalsign-domain-verification=Lm2Nb4Vc6Xz8As0Df2Gh4Jk6Lq8Wp0Eo2Ri4Tu6Yy8"\n'
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("add", "now")]


def test_then_after_a_step_that_waits_for_issuance() -> None:
    ticket = _text(
        "Please carry out the following, in this order:\n\n"
        "1. In the publishing.service.gov.uk zone, create the record below.\n\n"
        "       1. _acme-challenge.publishing.service.gov.uk.  IN  CNAME  "
        "w4e6r8t0y2u4i6o8p0.fastly-validations.com.\n\n"
        "2. Wait until we confirm in this ticket that the new certificate has been issued.\n\n"
        "3. Then remove the GlobalSign verification TXT record that is currently published at "
        "the apex:\n\n"
        '       2. publishing.service.gov.uk.    TXT    "globalsign-domain-verification='
        'Mn8Bv6Cx4Za2Sd0Fg8Hj6Kl4Qw2Er0Ty8Ui6Op4As2"\n'
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_take_it_out_said_of_the_one_row_a_table_deletes() -> None:
    ticket = _text(
        "| Action | Record name | Type | Value |\n"
        "|---|---|---|---|\n"
        "| Add | _1d16b4d904b24d5f87ac83ad66df1b01.tax.service.gov.uk. | CNAME | "
        "_37564965519e4bc7f6761cb90b30f9a1.uchvekqufj.acm-validations.aws. |\n"
        "| Delete (see below) | _e8303bb183d51654a242bb719cb858b2.tax.service.gov.uk. | CNAME | "
        "_03ac906ca895477965d6504f1c280633.rqofqoyaom.acm-validations.aws. |\n\n"
        "About the second row: it is still published today. When ACM lists the new certificate "
        "as Issued you can take it out.\n"
    )
    reading = read(ticket)
    assert sorted((c.action, c.when) for c in reading.changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]
    assert "ambiguous_request" not in [f.code for f in reading.flags]


# holdout61-62 (settled over several comments; when and how long) and the reply-quoted
# variants of older tickets


def test_a_later_comment_skipping_the_one_host_it_names() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.www.gov.uk.    CNAME    k2j4h6g8f0d1s3a5z7.fastly-validations.com.\n"
            "_acme-challenge.gov.uk.        CNAME    m9n7b5v3c1x0z2l4k6.fastly-validations.com.\n",
            1,
        ),
        us("Is the gov.uk one definitely needed? The apex shows Verified already.", 2),
        vendor(
            "Good catch. gov.uk is indeed validated already, so please skip that one - no change "
            "needed at the apex.",
            3,
        ),
    )
    reading = read(ticket)
    assert [c.name for c in reading.changes] == ["_acme-challenge.www.gov.uk."]
    assert "retracted" in [f.code for f in reading.flags]


def test_a_ttl_answered_above_a_record_of_its_own_with_the_same_ttl() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n| Name | Type | Value |\n|---|---|---|\n"
            "| _acme-challenge.www.lay-a-hedge.service.gov.uk | CNAME | "
            "p1o3i5u7y9t2r4e6w8.fastly-validations.com |\n",
            1,
        ),
        us("Our DNS module wants a TTL for every record. What would you like?", 2),
        vendor(
            "Hi Aisha,\n\n300 please, so that any re-validation picks up the change quickly.\n\n"
            "Could you add this one as well, with the same TTL?\n\n"
            "_acme-challenge.lay-a-hedge.service.gov.uk   CNAME   "
            "q2w4e6r8t0y1u3i5o7.fastly-validations.com\n",
            3,
        ),
    )
    assert [c.ttl for c in read(ticket).changes] == [300, 300]


def test_a_time_to_live_and_a_later_duration_in_place_of_it() -> None:
    first = (
        "Could you publish this TXT record at the apex of the gov.uk zone?\n\n"
        "Host: gov.uk\nRecord type: TXT\n"
        "Content: globalsign-domain-verification=Rt5Yu7Io9Pa1Sd3Fg5Hj7Kl9Zx1Cv3Bn5Mq7We9Rt1\n\n"
        "We would suggest a time-to-live of one hour on this one.\n"
    )
    assert [c.ttl for c in read(_text(first)).changes] == [3600]
    ticket = conversation(
        vendor(first, 1),
        us("You really want an hour? We can ask for something shorter.", 2),
        vendor("Good catch: please ask for five minutes rather than the hour I suggested.", 3),
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


def test_the_old_record_not_to_be_touched_yet_then_pulled_once_served() -> None:
    ticket = _text(
        "2 new records pls:\n\n"
        "  _acme-challenge.gov.uk      CNAME  b5n7m9q1w3e5r7t9y1.fastly-validations.com\n\n"
        "DON'T touch the old apex TXT yet:\n\n"
        '  gov.uk  TXT  "globalsign-domain-verification=Xc5Vb7Nm9Qw1Er3Ty5Ui7Op9As1Df3Gh5Jk7Lz9Xc1"\n\n'
        "the current cert still depends on it. Once you can see the new cert actually being "
        "served on www.gov.uk, that TXT can be pulled.\n"
    )
    reading = read(ticket)
    assert sorted((c.action, c.type, c.when) for c in reading.changes) == [
        ("add", "CNAME", "now"),
        ("delete", "TXT", "after_issuance"),
    ]
    assert "retracted" not in [f.code for f in reading.flags]


def test_a_host_name_holding_a_verb_asks_nothing() -> None:
    assert action_cue("## DNS for report-a-benefit-change.service.gov.uk") is None
    assert action_cue("see https://example.com/remove-me for details") is None
    assert action_cue("please change the CNAME") == "update"


def test_a_reply_passing_on_a_mail_that_itself_passes_one_on() -> None:
    ticket = _text(
        "Thanks, forwarding this to our DNS team now.\n\n"
        "On Mon, 23 Nov 2026 at 10:00, Fastly Support <support@fastly.com> wrote:\n"
        "> Hello,\n>\n"
        "> The hosting supplier would like a one-off delegation and has asked me to pass on the\n"
        "> request below. Nothing on the Fastly side changes.\n>\n"
        "> ---------- Forwarded message ---------\n"
        "> From: Imogen Hart <imogen@larch.example.net>\n"
        "> Subject: Challenge delegation\n>\n"
        "> Please create the following record:\n>\n"
        "> _acme-challenge.find-a-pond.service.gov.uk.  300  IN  CNAME  "
        "_acme-challenge.find-a-pond.larch-dns.net.\n"
    )
    assert [c.name for c in read(ticket).changes] == ["_acme-challenge.find-a-pond.service.gov.uk."]


def test_an_add_then_please_replace_it_is_one_update() -> None:
    ticket = conversation(
        vendor(
            "For draft-notes.publishing.service.gov.uk:\n\nHOST: _acme-challenge\nTYPE: CNAME\n"
            "POINTS TO: c3v5b7n9m1q3w5e7r9.fastly-validations.com\n",
            1,
        ),
        us(
            "There's already a record there:\n\n"
            "_acme-challenge.draft-notes.publishing.service.gov.uk. 300 IN CNAME "
            "t1y3u5i7o9p1a3s5d7.fastly-validations.com.\n\nDo you want us to replace that?",
            2,
        ),
        vendor(
            "Please replace it: _acme-challenge.draft-notes.publishing.service.gov.uk should "
            "point only to c3v5b7n9m1q3w5e7r9.fastly-validations.com.",
            3,
        ),
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes] == [
        ("update", "t1y3u5i7o9p1a3s5d7.fastly-validations.com.")
    ]


# holdout63-64 (mail as it really arrives; requests not to act on as written)


def test_a_value_in_a_remark_closing_a_bracket() -> None:
    ticket = _text(
        "Looking at public DNS, the conflict is an old TXT:\n\n"
        '  _acme-challenge.fix-a-bridge.service.gov.uk. 600 IN TXT "Wq9Er7Ty5Ui3Op1As9Df7Gh5Jk3Lz1Xc9Vb7Nm5Qw3"\n\n'
        "Could you please:\n\n"
        "1. Delete the TXT record above at _acme-challenge.fix-a-bridge.service.gov.uk (value\n"
        "   Wq9Er7Ty5Ui3Op1As9Df7Gh5Jk3Lz1Xc9Vb7Nm5Qw3).\n"
    )
    assert [c.value for c in read(ticket).changes] == ["Wq9Er7Ty5Ui3Op1As9Df7Gh5Jk3Lz1Xc9Vb7Nm5Qw3"]


def test_delete_both_records_our_dig_showed() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.www.gov.uk.  CNAME  e4r6t8y0u2i4o6p8a0.fastly-validations.com.\n",
            1,
        ),
        us(
            "There are already two TXT records there:\n\n"
            "$ dig +short TXT _acme-challenge.www.gov.uk\n"
            '"Hh3Jj5Kk7Ll9Zz1Xx3Cc5Vv7Bb9Nn1Mm3Qq5Ww7Ee9R"\n'
            '"Tt2Yy4Uu6Ii8Oo0Pp2Aa4Ss6Dd8Ff0Gg2Hh4Jj6Kk8L"\n\n'
            "Do these need to go?",
            2,
        ),
        vendor(
            "They do need to go. So please, in the same change:\n\n"
            "- delete both TXT records at _acme-challenge.www.gov.uk (the two values in your "
            "message), and\n- add the CNAME from my first message.\n",
            3,
        ),
    )
    deletes = sorted(c.value for c in read(ticket).changes if c.action == "delete")
    assert deletes == [
        "Hh3Jj5Kk7Ll9Zz1Xx3Cc5Vv7Bb9Nn1Mm3Qq5Ww7Ee9R",
        "Tt2Yy4Uu6Ii8Oo0Pp2Aa4Ss6Dd8Ff0Gg2Hh4Jj6Kk8L",
    ]


def test_what_our_checks_show_is_published() -> None:
    ticket = _text(
        "ONE action for you: delete that old GlobalSign TXT record from gov.uk. Nothing else.\n\n"
        "Our checks this morning show:\n\n"
        '  gov.uk.                  3600  IN  TXT    "globalsign-domain-verification=Ee1Rr3Tt5Yy7Uu9Ii1Oo3Pp5Aa7Ss9Dd1Ff3Gg5Hh"\n'
        "  _acme-challenge.gov.uk.  3600  IN  CNAME  g7h9j1k3l5z7x9c1v3.fastly-validations.com.\n\n"
        "The first line is the stale one; it can be removed whenever suits you. The second line "
        "is the live CNAME and must stay exactly as it is.\n"
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("delete", "TXT")]


def test_that_record_first_and_then_the_next_records_name() -> None:
    ticket = conversation(
        vendor(
            "The conflict is at www.gov.uk:\n\n    $ dig +short CNAME www.gov.uk\n"
            "    www-gov-uk.map.fastly.net.\n\nPlease remove the CNAME record on www.gov.uk shown "
            "above, then add:\n\n    _acme-challenge.www.gov.uk   CNAME   "
            "n8m6b4v2c0x8z6l4k2.fastly-validations.com\n",
            1,
        ),
        us("That CNAME is our production record. Did you mean another?", 2),
        vendor(
            "The steps in my earlier message stand: please delete that CNAME first and then "
            "publish the _acme-challenge record.",
            3,
        ),
    )
    names = [(c.action, c.name) for c in read(ticket).changes]
    assert ("delete", "_acme-challenge.www.gov.uk.") not in names


def test_ignore_the_record_for_a_name_and_what_a_removal_did() -> None:
    ticket = conversation(
        vendor(
            "Please create these records:\n\n"
            "    Hostname                                             Type     Target\n"
            "    _acme-challenge.publishing.service.gov.uk            CNAME    r1t3y5u7i9o1p3a5s7.fastly-validations.com\n"
            "    _acme-challenge.old-origin.publishing.service.gov.uk CNAME    d2f4g6h8j0k2l4z6x8.fastly-validations.com\n",
            1,
        ),
        us("Is the old-origin one really still needed?", 2),
        vendor(
            "Good catch: please ignore the record for "
            "_acme-challenge.old-origin.publishing.service.gov.uk - it isn't needed any more.\n\n"
            "While I was tidying that up I found that removing the hostname re-created the "
            "subscription, so publishing.service.gov.uk has a new token as well; please use this "
            "one instead:\n\n"
            "_acme-challenge.publishing.service.gov.uk. CNAME c9v7b5n3m1q9w7e5r3.fastly-validations.com.\n",
            3,
        ),
    )
    assert [(c.action, c.value) for c in read(ticket).changes] == [
        ("add", "c9v7b5n3m1q9w7e5r3.fastly-validations.com.")
    ]


# holdout65 (an ordinary June and November, written last)


def test_a_guess_at_what_happened_to_a_record_asks_nothing() -> None:
    ticket = _text(
        "* Edge cert is fine. Current record is correct, please leave it alone:\n"
        "    _acme-challenge.mend-a-wall.service.gov.uk.  CNAME  h3j5k7l9z1x3c5v7b9.fastly-validations.com.\n"
        "* Why: ACM needs its validation CNAME to stay in place. That CNAME is gone (NXDOMAIN "
        "today) - most likely removed in a zone clean-up.\n"
    )
    assert [c.action for c in read(ticket).changes] == []


def test_a_post_issuance_review_is_no_time_to_wait_for() -> None:
    ticket = _text(
        "The new certificate was issued on Monday and is serving everywhere, however while "
        "checking the zone as part of our post-issuance review I noticed that the older record "
        'is still published, we can see the TXT record "globalsign-domain-verification='
        'Oo1Ii3Uu5Yy7Tt9Rr1Ee3Ww5Qq7Aa9Ss1Dd3Ff5Gg7" on gov.uk, so please could you delete that '
        "TXT record from gov.uk at your convenience.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "now")]


# holdout66-69 (ordinary months; pasted from other tools; many names; clean-ups)

GS_NEW = "globalsign-domain-verification=Nn1Ee3Ww5Tt7Oo9Kk1Ee3Nn5Vv7Aa9Ll1Uu3Ee5Xx7"
GS_OLD = "globalsign-domain-verification=Oo1Ll3Dd5Tt7Oo9Kk1Ee3Nn5Vv7Aa9Ll1Uu3Ee5Xx7"


def test_a_value_a_blank_line_below_its_lead_in_is_the_lead_ins_record() -> None:
    ticket = _text(
        "Kindly can you create one TXT record in the root of the zone gov.uk, with this value:\n"
        f"\n    \u201c{GS_NEW}\u201d\n\nThank you in advance.\n"
    )
    assert changes(ticket) == [("add", "gov.uk.", "TXT", GS_NEW, None)]
    assert "unread_value" not in codes(ticket)  # the lead-in's own "asks for a TXT" is answered


def test_a_delete_the_vendor_invites_is_read_unless_leaving_it_is_fine_too() -> None:
    shown = (
        "For reference, this is the record I can see published at the moment:\n\n"
        f'gov.uk. 300 IN TXT "{GS_OLD}"\n\n'
    )
    asked = f"Please add a TXT record at gov.uk with the value {GS_NEW}.\n\n"
    invited = _text(
        asked + shown + "Once the renewed certificate has been issued, you are welcome to "
        "delete the old record.\n"
    )
    assert [(c.action, c.value, c.when) for c in read(invited).changes] == [
        ("add", GS_NEW, "now"),
        ("delete", GS_OLD, "after_issuance"),
    ]
    left = _text(
        asked + shown + "You can remove the old record once the certificate is issued, but "
        "there's no harm leaving it for now.\n"
    )
    assert [c.action for c in read(left).changes] == ["add"]


def test_a_postscript_that_makes_the_add_replace_the_existing_record() -> None:
    ticket = _text(
        "Could you please publish the following TXT record at the apex of gov.uk (host "
        f'"@"):\n    {GS_NEW}\n\nIt has to be a TXT record on its own - GlobalSign won\'t '
        "pick it up if it is appended to the SPF string or any other TXT value.\n\n"
        "P.S. please don't add this as an additional record. It should replace the existing "
        "globalsign-domain-verification TXT on gov.uk, i.e. update that record's value to the "
        "string above, rather than leaving two GlobalSign records side by side.\n"
    )
    assert changes(ticket) == [("update", "gov.uk.", "TXT", GS_NEW, None)]
    assert "ambiguous_request" in codes(ticket)  # the value it replaces is never given


def test_change_the_target_of_a_name_to_a_value_needs_no_type_word() -> None:
    ticket = _text(
        "Could you please change the target of _acme-challenge.gov.uk to "
        "8mthf6g5fdyminfxyi.fastly-validations.com ? Thanks.\n"
    )
    assert [(c.action, c.name, c.type, c.value) for c in read(ticket).changes] == [
        ("update", "_acme-challenge.gov.uk.", "CNAME", "8mthf6g5fdyminfxyi.fastly-validations.com.")
    ]


def test_a_removal_denied_in_brackets_leaves_the_add_of_the_lead_in() -> None:
    ticket = _text(
        "Please ADD one more CAA record in gov.uk as below (kindly do not remove the "
        "globalsign.com one, it is still needed for the other certificates):\n\n"
        '   gov.uk.   CAA   0 issue "certainly.com"\n'
    )
    assert changes(ticket) == [("add", "gov.uk.", "CAA", '0 issue "certainly.com"', None)]


def test_one_value_for_a_list_of_names_is_a_record_at_each() -> None:
    ticket = _text(
        "Please add a TXT record with the same value for each of the three names - gov.uk, "
        f"www.gov.uk and hmrc.gov.uk:\n\n    {GS_NEW}\n\n"
        "* A TTL of 300 is fine; anything up to 3600 will work.\n"
    )
    assert [(c.name, c.value, c.ttl) for c in read(ticket).changes] == [
        ("gov.uk.", GS_NEW, None),  # a TTL left to us is no TTL asked for
        ("www.gov.uk.", GS_NEW, None),
        ("hmrc.gov.uk.", GS_NEW, None),
    ]
    assert "unread_value" not in codes(ticket)
    # a name said elsewhere in the sentence is no list the record stands in
    other = _text(f"For gov.uk and www.gov.uk, please add a TXT record at gov.uk: {GS_NEW}\n")
    assert [c.name for c in read(other).changes] == ["gov.uk."]


def test_a_rule_of_dashes_inside_a_zendesk_comment_starts_no_history() -> None:
    block = (
        "-------------------------------------------------------------------------------\n"
        "Please deploy a DNS TXT record under the name:\n\n_acme-challenge.service.gov.uk.\n\n"
        "with the following value:\n\n{}\n\n"
    )
    ticket = _text(
        "##- Please type your reply above this line -##\n\n"
        "Daniel (Fastly Support), Nov 24, 2026, 14:07 UTC\n\nHello, certbot printed:\n\n"
        + block.format("LeOX87rthsOR3mlaokrn3fIGHoqBt57WPdgD0bPbPo")
        + block.format("08R8i_ZybbQ3qWC0u-R5ipyR1YmSW39qEgGE0SVeXFd")
        + "Thanks\n\n--------------------------------\n"
        "This email is a service from Fastly Support.\n"
    )
    assert [c.value for c in read(ticket).changes] == [
        "LeOX87rthsOR3mlaokrn3fIGHoqBt57WPdgD0bPbPo",
        "08R8i_ZybbQ3qWC0u-R5ipyR1YmSW39qEgGE0SVeXFd",
    ]


def test_a_dig_answer_said_to_be_the_expected_result_is_not_published() -> None:
    ticket = _text(
        "Please add this single record:\n\n"
        "    _acme-challenge.www.gov.uk.  3600  IN  CNAME  4bzp1n5rf96yz79bcv.fastly-validations.com.\n\n"
        "After you make the change, this is what a lookup should return. This is the expected "
        "result, not something that exists today:\n\n"
        "    $ dig +noall +answer _acme-challenge.www.gov.uk\n"
        "    _acme-challenge.www.gov.uk.  3600  IN  CNAME  4bzp1n5rf96yz79bcv.fastly-validations.com.\n"
    )
    result = read(ticket)
    assert [c.action for c in result.changes] == ["add"]
    assert result.observed == ()


def test_a_ttl_column_beside_a_record_written_whole_in_its_cell() -> None:
    ticket = _text(
        "Could you please create the two records below?\n"
        "| Hostname (SAN) | Record | TTL |\n"
        "| assets.publishing.service.gov.uk | _acme-challenge.assets.publishing.service.gov.uk "
        "CNAME o3yty955m4kvlqdxil.fastly-validations.com | 300 |\n"
    )
    assert [(c.name, c.ttl) for c in read(ticket).changes] == [
        ("_acme-challenge.assets.publishing.service.gov.uk.", 300)
    ]
    numbered = _text(  # a row's number is no TTL
        "| # | Domain | What we need from you |\n|---|---|---|\n"
        "| 4 | www.cabinetoffice.gov.uk | CNAME `_acme-challenge.www.cabinetoffice.gov.uk` -> "
        "`r9hckq55aofk96r98d.fastly-validations.com` |\n"
    )
    assert [c.ttl for c in read(numbered).changes] == [None]


def test_disregard_it_and_use_this_one_instead_asks_for_the_record_below() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}", 1),
        vendor(
            "That generated a new validation target, and the value from my first message will "
            f"no longer work. Please disregard it and use this one instead:\n\n{NEW}\n",
            2,
        ),
    )
    assert [(c.action, c.value) for c in read(ticket).changes] == [
        ("add", "n3wt0k3nn3wt0k3n12.fastly-validations.com.")
    ]
    assert "superseded" in codes(ticket)


def test_a_record_you_also_have_in_the_zone_is_published_not_asked_for() -> None:
    ticket = _text(
        "1) Please ADD this record now:\n\n"
        "_acme-challenge.x.service.gov.uk. IN CNAME 05yfbkq2w71zn2npvw.fastly-validations.com.\n\n"
        "3) You also have this one in the zone:\n\n"
        "_f72ee00c8c02fa1dfcff42e83224bf40.x.service.gov.uk. IN CNAME "
        "_a5dda080ef957acfff14cd9dc3919cf3.ddiaatizbx.acm-validations.aws.\n\n"
        "That is the validation record for the AWS certificate on your origin. Please KEEP it.\n"
    )
    result = read(ticket)
    assert [(c.action, c.name) for c in result.changes] == [
        ("add", "_acme-challenge.x.service.gov.uk.")
    ]
    assert [o.name for o in result.observed] == [
        "_f72ee00c8c02fa1dfcff42e83224bf40.x.service.gov.uk."
    ]


def test_two_whole_acme_tokens_in_one_cell_are_two_records() -> None:
    a, b = (
        "y4OA-4mUUBaQeznI_46cYEgdjTctwHwdkiX96pzJyp-",
        "2z1u0fimJj_zwAI-42zhXsv9wG7cpoc-bQrsmpYZiPH",
    )
    ticket = _text(
        "| When | Action | Record | Type | Data |\n"
        f'| Now | Remove | _acme-challenge.x.service.gov.uk | TXT | "{a}" "{b}" (two values) |\n'
    )
    assert sorted(c.value for c in read(ticket).changes) == sorted([a, b])
    # strings that are no whole values of their own are one record's data
    split = _text(f'Please add: _acme-challenge.x.service.gov.uk. TXT "v=abc" "def{a[:10]}"\n')
    assert len(read(split).changes) == 1


def test_a_list_restated_without_verbs_keeps_the_verbs_of_the_mail_it_corrects() -> None:
    ticket = _text(
        "Correction to my message from this morning. Please IGNORE item 3 in my earlier list.\n\n"
        "Items 1 and 2 still stand. For clarity, the complete list is now just:\n\n"
        "  1. _dnsauth.www.gov.uk  CNAME  9nmx0d4opreugjc8xcql3q63zlxrmwar.dcv.digicert.com\n"
        "  2. _dnsauth.gov.uk      TXT    \u20180pz2is1j8m33gj2chustde3sgdv5mc9t\u2019\n\n"
        "Thanks,\nMei\n\n"
        "On Fri, Dec 11, 2026 at 09:03 AM, Fastly Support <support@fastly.com> wrote:\n"
        "> Please remove them after the new certificate has been issued:\n>\n"
        ">   1. _dnsauth.www.gov.uk  CNAME  9nmx0d4opreugjc8xcql3q63zlxrmwar.dcv.digicert.com\n"
        '>   2. _dnsauth.gov.uk      TXT    "0pz2is1j8m33gj2chustde3sgdv5mc9t"\n'
        ">   3. _acme-challenge.www.gov.uk  CNAME  2p0ydemucwqbhajojo.fastly-validations.com\n"
    )
    assert sorted((c.action, c.name, c.when) for c in read(ticket).changes) == [
        ("delete", "_dnsauth.gov.uk.", "after_issuance"),
        ("delete", "_dnsauth.www.gov.uk.", "after_issuance"),
    ]


def test_can_be_removed_below_a_record_goes_on_the_sentence_it_stood_in() -> None:
    ticket = _text(
        f"Please publish the TXT record {GS_NEW} at gov.uk.\n\n"
        "Last year's record, which we can still see published on gov.uk,\n\n"
        f'gov.uk. TXT "{GS_OLD}"\n\n'
        "can be removed, but only once we have confirmed that the new certificate is issued.\n"
    )
    assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
        ("add", GS_NEW, "now"),
        ("delete", GS_OLD, "after_issuance"),
    ]


def test_zendesk_headers_with_the_day_first_are_comments() -> None:
    blocks = split_notification(
        [
            "##- Please type your reply above this line -##",
            "----------------------------------------------",
            "Kemal (Fastly)",
            "",
            "23 Apr 2027, 16:12 BST",
            "Please use this one instead.",
            "----------------------------------------------",
            "Kemal (Fastly)",
            "",
            "23 Apr 2027, 11:05 BST",
            "Please create the following.",
        ]
    )
    assert blocks is not None and [b.start for b in blocks] == [10, 5]  # oldest first


def test_thanks_for_getting_a_hosts_record_in_settles_its_earlier_request() -> None:
    ticket = conversation(
        vendor(
            "Please create these two records:\n\n"
            "_acme-challenge.www.gov.uk. CNAME wwfumvqu6avt1je8cd.fastly-validations.com.\n"
            "_acme-challenge.gov.uk. CNAME qtkuwei2wa0lq7bz5b.fastly-validations.com.\n",
            1,
        ),
        vendor(
            "Thank you for getting the www.gov.uk record in. The gov.uk one is still missing:\n\n"
            "_acme-challenge.gov.uk. CNAME qtkuwei2wa0lq7bz5b.fastly-validations.com.\n",
            2,
        ),
    )
    assert [c.name for c in read(ticket).changes] == ["_acme-challenge.gov.uk."]


def test_the_sentence_that_points_below_gives_the_records_their_verb() -> None:
    ticket = _text(
        "It has been created with the zone name on the end twice. Could you please create it at "
        "the correct name, as below? You can delete the doubled one in the same change.\n"
        "Host: _5d3f26a70b2b401e6b7085642e49623b.data.gov.uk.\nType: CNAME\n"
        "Points to: 1381801833cfd405d27ccb8a0534ea72.116fa36b3c9e124d6289d2fee3b473c7.sectigo.com.\n"
    )
    assert [c.action for c in read(ticket).changes] == ["add"]


def test_update_the_existing_record_so_it_points_at_the_value_above() -> None:
    ticket = _text(
        "Pasting from the TLS management page:\n\n"
        "   Record name    _acme-challenge.publishing.service.gov.uk\n"
        "   Record type    CNAME\n"
        "   Record value   xrq366f3wc20ms4n2v.fastly-validations.com\n\n"
        "please update the existing _acme-challenge CNAME for publishing.service.gov.uk so it "
        "points at the new value above.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.publishing.service.gov.uk.",
            "CNAME",
            "xrq366f3wc20ms4n2v.fastly-validations.com.",
            None,
        )
    ]
    assert "ambiguous_request" in codes(ticket)


def test_a_host_a_pdf_export_broke_at_a_hyphen_is_never_left_unsaid() -> None:
    ticket = _text(
        "   Domain:    www.gov.uk\n"
        "   Record:    _acme-challenge.www.gov.uk                 CNAME\n"
        "              tgoxk07ph50yur0t5r.fastly-\n"
        "              validations.com\n\n"
        "$ dig +short CNAME _acme-challenge.www.gov.uk\nother-token.fastly-validations.com.\n"
    )
    assert "unread_value" in codes(ticket)


DIG_OLD = (
    "$ dig +noall +answer _acme-challenge.gov.uk CNAME\n"
    "_acme-challenge.gov.uk.\t300\tIN\tCNAME\tak0bbq5mi4nn64x04b.fastly-validations.com.\n\n"
)


def test_the_new_one_a_blank_line_below_changes_the_record_shown() -> None:
    ticket = _text(
        "From our side the record is there, but it's pointing at the old target:\n\n"
        + DIG_OLD
        + "Could you please change the CNAME so that it points to the new one instead:\n\n"
        "f2ao8t9qvrvd7mbv92.fastly-validations.com\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "f2ao8t9qvrvd7mbv92.fastly-validations.com.",
            "ak0bbq5mi4nn64x04b.fastly-validations.com.",
        )
    ]


def test_the_cname_repointed_to_a_value_is_the_one_just_shown() -> None:
    ticket = _text(
        "I had a quick look and the old record is still being served:\n\n"
        + DIG_OLD
        + "The CNAME just needs to be repointed to tnlmp9cpsneet50b63.fastly-validations.com "
        "(same name, nothing else to add or remove).\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "tnlmp9cpsneet50b63.fastly-validations.com.",
            "ak0bbq5mi4nn64x04b.fastly-validations.com.",
        )
    ]


def test_an_acm_name_and_value_in_one_html_cell_are_two_names() -> None:
    from bot.htmltext import html_to_text

    ticket = _text(
        html_to_text(
            "<p>Rows with status Pending validation need the CNAME record in that row.</p>"
            "<table><tr><th>Domain</th><th>Status</th><th>Type</th>"
            "<th>CNAME name<br>CNAME value</th></tr>"
            "<tr><td>gov.uk</td><td>Pending validation</td><td>CNAME</td>"
            "<td>_dc0219c78a249622b19a7189421d6ead.gov.uk.<br>"
            "_9f38d4702007c074c51aefe9626aaaee.viwfzemnvo.acm-validations.aws.</td></tr></table>"
        ),
    )
    assert changes(ticket) == [
        (
            "add",
            "_dc0219c78a249622b19a7189421d6ead.gov.uk.",
            "CNAME",
            "_9f38d4702007c074c51aefe9626aaaee.viwfzemnvo.acm-validations.aws.",
            None,
        )
    ]


# holdout70-73 (ordinary months; questions and answers; mail as it arrives; tables)

GS_3 = "globalsign-domain-verification=Tt3Hh3Rr3Ee3Ee3Vv3Aa3Ll3Uu3Ee3Ss3Ff3Oo3Rr3"


def test_a_ttl_approved_is_asked_for_and_a_ttl_left_to_us_is_not() -> None:
    def ttls(said: str) -> list[int | None]:
        body = f"Please add a TXT record at gov.uk:\n\n   {GS_3}\n\n   {said}\n"
        return [c.ttl for c in read(_text(body)).changes]

    assert ttls("Any TTL is OK, 300 like your others is perfect.") == [300]
    assert ttls("TTL 300 is fine.") == [300]
    assert ttls("No need to remove anything else, and TTL is up to you (300 is fine).") == [None]
    assert ttls("A TTL of 300 or 3600 is fine - whatever your DNS team prefers.") == [None]


def test_update_the_cname_of_a_name_above_the_apis_record_is_an_update() -> None:
    ticket = _text(
        "The managed DNS target is now changed. Please update the CNAME of\n"
        "_acme-challenge.assets.publishing.service.gov.uk so it point to the new target, you can see\n"
        "it in the output from our API here:\n\n"
        "GET /tls/subscriptions/Xv9qL2mPw8HsTa4Kd3RyZb?include=tls_authorizations\n\n"
        '  "challenges": [\n    {\n      "type": "managed-dns",\n      "record_type": "CNAME",\n'
        '      "record_name": "_acme-challenge.assets.publishing.service.gov.uk",\n'
        '      "values": ["0xaoz28vu7x2s8n6ca.fastly-validations.com"]\n    }\n  ]\n'
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes] == [("update", None)]
    assert "ambiguous_request" in codes(ticket)


def test_a_ttl_said_after_certbots_prompts_is_for_every_record_they_asked() -> None:
    prompt = (
        "Please deploy a DNS TXT record under the name:\n\n_acme-challenge.{}.service.gov.uk.\n\n"
        "with the following value:\n\n{}\n\n"
        "- - - - - - - - - - - - - - - - - - - -\nPress Enter to Continue\n\n"
    )
    ticket = _text(
        prompt.format("origin-eu", "rYnKFFjn4FkaHB7WiJxpXn_CKns9rgi3grQui5eV3VM")
        + prompt.format("origin-us", "0ezK80GBZrzwlqaKnizd6WbZl--rF_dsq-23B9aTcWU")
        + "Please put low TTL if is possible, 60 is good for us.\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [60, 60]


def test_a_host_removed_from_the_subscription_withdraws_its_record() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.www.staging.x.gov.uk. CNAME eapquqbrbea7ewutr6.fastly-validations.com.\n"
            "_acme-challenge.www.integration.x.gov.uk. CNAME cqe4z39b1y8ezlbij7.fastly-validations.com.\n",
            1,
        ),
        vendor(
            "Good catch. I've removed www.integration.x.gov.uk from the subscription, so please "
            "don't create the integration record at all.",
            2,
        ),
    )
    assert [c.name for c in read(ticket).changes] == ["_acme-challenge.www.staging.x.gov.uk."]
    assert "retracted" in codes(ticket)


def test_the_same_challenge_again_for_reference_is_no_published_record() -> None:
    ticket = _text(
        "Please add _acme-challenge.ds.service.gov.uk CNAME mbp8ug0pz5c2dac2ob.fastly-validations.com\n\n"
        "For reference, the API shows the same challenge:\n\n"
        '    "record_type": "CNAME",\n    "record_name": "_acme-challenge.ds.service.gov.uk",\n'
        '    "values": ["mbp8ug0pz5c2dac2ob.fastly-validations.com"]\n'
    )
    result = read(ticket)
    assert [c.action for c in result.changes] == ["add"] and result.observed == ()


def test_a_state_column_saying_issued_is_a_row_in_place() -> None:
    ticket = _text(
        "  DOMAIN        STATE      RECORD NAME                   TYPE   RECORD VALUE\n"
        "  gov.uk        Issued     _acme-challenge.gov.uk        CNAME  lrfn0ra2il2at3ivtq.fastly-validations.com\n"
        "  www.gov.uk    Pending    _acme-challenge.www.gov.uk    CNAME  30cs4a4ibb6gax0y37.fastly-validations.com\n"
    )
    result = read(ticket)
    assert [c.name for c in result.changes] == ["_acme-challenge.www.gov.uk."]
    assert [o.name for o in result.observed] == ["_acme-challenge.gov.uk."]


def test_what_we_would_be_asking_for_is_not_what_is_published() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}", 1),
        us(f"Before we raise this. For reference, what we'd be asking for:\n{CNAME}\n", 2),
        vendor(
            "Row 1: the correct value for _acme-challenge.www.gov.uk is "
            "n3wt0k3nn3wt0k3n12.fastly-validations.com (TTL 300 is still fine).",
            3,
        ),
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes] == [("add", None)]


def test_a_row_number_then_disregard_it_withdraws_that_row() -> None:
    ticket = conversation(
        vendor(
            "| # | Record name | Type | Value |\n|---|---|---|---|\n"
            "| 1 | _acme-challenge.www.gov.uk | CNAME | u31pa32z9ke3adlj3u.fastly-validations.com |\n"
            "| 2 | _acme-challenge.ds.service.gov.uk | CNAME | of82m34lyhyqsbnnfb.fastly-validations.com |\n",
            1,
        ),
        vendor("Two corrections:\n\n- Row 2: please disregard it entirely.\n\nRow 1 stands.", 2),
    )
    assert [c.name for c in read(ticket).changes] == ["_acme-challenge.www.gov.uk."]


def test_a_merged_cell_stands_for_every_row_it_spans() -> None:
    from bot.htmltext import html_to_text

    text = html_to_text(
        "<table><tr><td>"
        + "<p>A mail laid out in a table, as Zendesk's are.</p>" * 8
        + "<table><tr><th>Action</th><th>Name</th><th>Type</th><th>Value</th><th>TTL</th></tr>"
        "<tr><td>Add</td><td>_acme-challenge.a.service.gov.uk</td><td>CNAME</td>"
        '<td>8io1vohpeguejgh1qu.fastly-validations.com</td><td rowspan="2">600</td></tr>'
        "<tr><td>Add</td><td>_acme-challenge.b.service.gov.uk</td><td>CNAME</td>"
        "<td>7trthznon2egiodo0w.fastly-validations.com</td></tr></table></td></tr></table>"
    )
    assert [c.ttl for c in read(_text(text)).changes] == [600, 600]


def test_only_after_that_confirmation_waits_for_the_step_before() -> None:
    ticket = _text(
        "1) Add _acme-challenge.gov.uk CNAME k0pyag3cn9jymz5trh.fastly-validations.com now.\n\n"
        "3) Wait for us. Once both CNAMEs resolve we'll kick off issuance and I'll update this "
        "ticket as soon as the certificate is issued.\n\n"
        "4) Only AFTER that confirmation: the old GlobalSign verification TXT can be taken out. "
        "It's still published at the apex today - we see it as\n\n"
        f'   gov.uk.  TXT  "{GS_OLD}"\n'
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_that_hostname_has_validated_settles_its_earlier_request() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n_acme-challenge.search-api.x.gov.uk. CNAME 6lvvyp00jrxlyr1r39.fastly-validations.com.\n"
            "_acme-challenge.content-api.x.gov.uk. CNAME 1ubc80u85lk8ggu23e.fastly-validations.com.\n",
            1,
        ),
        vendor(
            "Thank you! We can see the search-api record resolving correctly now:\n"
            "_acme-challenge.search-api.x.gov.uk → 6lvvyp00jrxlyr1r39.fastly-validations.com\n"
            "and that hostname has validated.",
            2,
        ),
    )
    assert [c.name for c in read(ticket).changes] == ["_acme-challenge.content-api.x.gov.uk."]


OLD_SECTIGO = (
    "_b647225ac2aae69467981c4a5323f107.x.gov.uk. 3600 IN CNAME "
    "6ab3e0edf73ede979b69800d6ae78d2b.f8ce11aac3f4a7bd7eeb1e265581a39b.comodoca.com."
)
NEW_SECTIGO = (
    "_1f9d602e3aa6ec69e8f60a67b5018686.x.gov.uk. CNAME "
    "b88d087efb294639c902d4ef90ddc4a3.5f301adbf01cd2dd1e2d32e5899c6720.sectigo.com."
)


def test_a_delete_of_a_record_we_listed_by_the_domain_its_data_is_under() -> None:
    def deletes(answer: str) -> tuple[list[str | None], list[str]]:
        ticket = conversation(
            vendor(f"Please create:\n\n{NEW_SECTIGO}\n", 1),
            us(
                f"Last year's record is still in the zone:\n\n{OLD_SECTIGO}\n\nCan we delete it?", 2
            ),
            vendor(f"Please add the new record first. {answer}", 3),
        )
        result = read(ticket)
        return [c.value for c in result.changes if c.action == "delete"], [
            f.code for f in result.flags
        ]

    said = OLD_SECTIGO.split()[-1]
    assert deletes("After issuance you are welcome to delete the comodoca.com record you listed.")[
        0
    ] == [said]
    assert deletes("After issuance please delete the old CNAME you listed.")[0] == [said]
    assert deletes("After issuance feel free to remove it.")[0] == [said]
    unsure, flags = deletes("After issuance please delete that CNAME.")  # the old or the new?
    assert unsure == [] and "unread_value" in flags


def test_a_record_kept_exactly_as_it_is_after_nothing_changes_is_published() -> None:
    ticket = _text(
        "Nothing changes for www.gov.uk itself - keep www.gov.uk CNAME www-gov-uk.map.fastly.net "
        "exactly as it is, that's what serves your traffic.\n"
    )
    result = read(ticket)
    assert result.changes == () and "retracted" not in codes(ticket)
    assert [o.value for o in result.observed] == ["www-gov-uk.map.fastly.net."]


def test_a_later_ttl_for_a_type_beside_a_delete_named_without_data() -> None:
    ticket = conversation(
        vendor(
            f"Conflicting record(s) found. Please add the following CNAME record:\n\n{CNAME}\n", 1
        ),
        vendor(
            "The only two changes are at _acme-challenge.www.gov.uk: remove the TXT and add the "
            "CNAME, ideally in the same change. TTL 3600 on the CNAME is fine.",
            2,
        ),
    )
    assert [(c.action, c.ttl) for c in read(ticket).changes if c.type == "CNAME"] == [("add", 3600)]


def test_a_later_comment_holds_an_earlier_add_until_issuance() -> None:
    ticket = conversation(
        vendor(
            'Two changes please:\n\n  1. gov.uk.  IN  CAA  0 issue "certainly.com"\n'
            f"  2. {CNAME}\n",
            1,
        ),
        vendor(
            "Yes to the CNAME. So please add the certainly.com CAA record only after this "
            "certificate has been issued.",
            2,
        ),
    )
    assert sorted((c.type, c.when) for c in read(ticket).changes) == [
        ("CAA", "after_issuance"),
        ("CNAME", "now"),
    ]


def test_following_up_is_no_time_to_wait_for() -> None:
    ticket = _text(
        "Following up on Priya's message: GlobalSign has issued the following verification value "
        f'for gov.uk. Please publish:\n\ngov.uk.  IN  TXT  "{GS_NEW}"\n'
    )
    assert [c.when for c in read(ticket).changes] == ["now"]


def test_the_one_in_my_first_message_stands_over_the_later_one() -> None:
    ticket = conversation(
        vendor(f"Please add this TXT record:\n\nType: TXT\nHost: @ (gov.uk)\nValue: {GS_NEW}\n", 1),
        vendor(f'Following up: please publish:\n\ngov.uk.  IN  TXT  "{GS_OLD}"\n', 2),
        us("You sent two different values. Which one?", 3),
        vendor("Please use the one in my first message. The follow-up was a duplicate order.", 4),
    )
    assert [c.value for c in read(ticket).changes] == [GS_NEW]
    assert "retracted" in codes(ticket) and "superseded" not in codes(ticket)


def test_value_fields_a_blank_line_below_a_lead_in_naming_the_host() -> None:
    ticket = _text(f"Please add the following TXT record at gov.uk:\n\nValue: {GS_NEW}\n")
    assert changes(ticket) == [("add", "gov.uk.", "TXT", GS_NEW, None)]


def test_answers_written_between_the_quoted_lines_are_flagged_not_lost() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}", 1),
        us("1. Should the new one replace the old one?\n2. Which TTL?", 2),
        vendor(
            "Answers inline below.\n\nOn Tue, 10 Nov 2026 at 11:02, Sam wrote:\n"
            "> 1. Should the new one replace the old one?\n\nReplace it.\n\n> 2. Which TTL?\n\n300.\n",
            3,
        ),
    )
    assert "unread_value" in codes(ticket)
    # a quoted mail's own headers between quote levels are no answers
    nested = conversation(
        vendor(f"Please add:\n\n{CNAME}", 1),
        vendor(
            f"Please add:\n\n{CNAME}\n\nOn Mon, 2 Nov 2026 at 09:40, Fastly wrote:\n> Hello\n"
            "> On Sun, 1 Nov 2026 at 09:40, GOV.UK wrote:\n>> Hi\n",
            2,
        ),
    )
    assert "unread_value" not in codes(nested)


# holdout74-75 (ordinary months; when and how long; questions and answers)


def test_delete_that_cname_before_adding_the_txt_is_a_delete_of_the_cname() -> None:
    ticket = _text(
        "We currently have _acme-challenge.forms.service.gov.uk CNAME "
        "9yhh6wilgr21dx1rvw.fastly-validations.com in the service.gov.uk zone. Should that stay?\n\n"
        "No - please delete that CNAME (the one pointing at 9yhh6wilgr21dx1rvw.fastly-validations.com) "
        "before adding the TXT.\n"
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("delete", "CNAME")]


def test_a_ttl_said_to_be_fine_but_anything_works_is_left_to_us() -> None:
    def ttl(said: str) -> int | None:
        body = f"Host: _acme-challenge.x.gov.uk\nType: CNAME\nTarget: t54pw7pf0ohpm3i9rb.fastly-validations.com\nTTL: {said}\n"
        return read(_text(body)).changes[0].ttl

    assert ttl("300 is fine but anything works - they only check it once.") is None
    assert ttl("we'd suggest an hour, but use whatever fits your process.") is None
    assert ttl("300") == 300


def test_a_later_comment_gives_one_named_record_its_own_ttl() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.www.gov.uk. 3600 IN CNAME 3218jya5twsb1gqcfh.fastly-validations.com.\n"
            "_acme-challenge.gov.uk. 3600 IN CNAME ulrtwteziq74vkoglc.fastly-validations.com.\n",
            1,
        ),
        us("Is the 3600 TTL a hard requirement?", 2),
        vendor(
            "For _acme-challenge.www.gov.uk they'd like a much shorter TTL, 60 seconds instead of "
            "the 3600 I gave you. The apex record can stay as it is.",
            3,
        ),
    )
    assert sorted((c.name, c.ttl) for c in read(ticket).changes) == [
        ("_acme-challenge.gov.uk.", 3600),
        ("_acme-challenge.www.gov.uk.", 60),
    ]


def test_later_not_now_and_our_go_ahead_wait_for_issuance() -> None:
    ticket = _text(
        f"What we need from you now:\n\n* Name: _acme-challenge.gov.uk\n* Type: CNAME\n"
        "* Target: vrj2aw641rohoum0tv.fastly-validations.com\n\n"
        "What we need from you later, NOT now:\n\n"
        f'The GlobalSign verification record on the apex, gov.uk TXT "{GS_OLD}", will have to be '
        "deleted, but please only do that when you get our go-ahead on this ticket.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_fine_to_delete_it_once_issued_is_the_kind_of_record_named_before() -> None:
    ticket = conversation(
        vendor(
            f"Please publish on the apex of gov.uk:\n\nHost: @\nType: TXT\nValue: {GS_NEW}\n", 1
        ),
        us(
            f'Current TXT set on the apex:\n\n$ dig +short TXT gov.uk\n"v=spf1 -all"\n"{GS_OLD}"\n\nReplace or beside?',
            2,
        ),
        vendor(
            "Alongside, please. Leave the old globalsign-domain-verification value where it is until "
            "the renewed certificate has actually been issued; once it has, you're fine to delete it.",
            3,
        ),
    )
    assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
        ("add", GS_NEW, "now"),
        ("delete", GS_OLD, "after_issuance"),
    ]


def test_you_dont_need_the_third_one_withdraws_the_third_row() -> None:
    row = "| _acme-challenge.{0}.x.gov.uk | CNAME | {1}.fastly-validations.com |\n"
    ticket = conversation(
        vendor(
            "| Record name | Type | Value |\n|---|---|---|\n"
            + row.format("assets", "ma8ihlykygidbafgjg")
            + row.format("draft", "dqdu50bbbn1idpf55v")
            + row.format("origin", "7vaqk8arg3jk70um2k"),
            1,
        ),
        us("Do you still need the record for the origin host?", 2),
        vendor("Thanks for flagging that. In that case, no, you don't need the third one.", 3),
    )
    assert len(read(ticket).changes) == 2 and "retracted" in codes(ticket)


def test_please_go_with_a_ttl_answers_our_question() -> None:
    ticket = conversation(
        vendor(f"Please add the following record:\n\n{CNAME}\n", 1),
        us(
            "Our standard is a TTL of 300 seconds. Is the 300 in your line a requirement, or can we use 60?",
            2,
        ),
        vendor(
            "Marta here, following up on Kenji's reply. Please go with 60. Everything else is unchanged.",
            3,
        ),
    )
    assert [c.ttl for c in read(ticket).changes] == [60]


def test_cname_said_to_be_in_place_for_a_host_is_the_one_its_validation_name_replaces() -> None:
    # The footnote names the host, not the record's name, and comes after the request: the
    # validation target stands at the validation name, and "edited … rather than a second
    # record added alongside it" makes the add an update (never two CNAMEs, never an add).
    ticket = Ticket(
        id="1",
        subject="TLS renewal",
        text=(
            "Record name                   Type   Target\n"
            "_acme-challenge.www.gov.uk    CNAME  mvdzrp8o6pl3wlaw2r.fastly-validations.com\n\n"
            "(*) For www.gov.uk you already have a CNAME in place from last year - it currently "
            "resolves to\ngzmoec0pvlzq61m8a6.fastly-validations.com. That one needs to be "
            "edited to the new target above rather\nthan a second record added alongside it.\n"
        ),
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "mvdzrp8o6pl3wlaw2r.fastly-validations.com.",
            "gzmoec0pvlzq61m8a6.fastly-validations.com.",
        )
    ]
    assert [(o.name, o.value) for o in read(ticket).observed] == [
        ("_acme-challenge.www.gov.uk.", "gzmoec0pvlzq61m8a6.fastly-validations.com.")
    ]


def test_the_cell_beside_a_record_written_as_labels_says_what_to_do_with_it() -> None:
    old = "globalsign-domain-verification=PazCJ9mpTO2jaOjGLbbyktn6m-q9HDjVNz8EbUG9Nd"
    new = "globalsign-domain-verification=9XbVg8OwL-nnMkxnK6Qj8zN1re0frkMMS6qKTRojHv"
    ticket = Ticket(
        id="1",
        subject="GlobalSign domain verification",
        text=(
            "<table><tr><td>Step</td><td>Record</td></tr>"
            f"<tr><td>1. Add now</td><td>Host: gov.uk (@)<br>Type: TXT<br>Value: {new}</td></tr>"
            "<tr><td>2. Remove after the new certificate is issued</td>"
            f"<td>Host: gov.uk (@)<br>Type: TXT<br>Value: {old}</td></tr></table>"
        ),
    )
    assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
        ("add", new, "now"),
        ("delete", old, "after_issuance"),
    ]


def test_an_answer_keyed_to_our_question_withdraws_what_that_question_named() -> None:
    row = "| {0}.check.service.gov.uk | _{1}.{0}.check.service.gov.uk. | _{2}.ab.acm-validations.aws. |\n"
    apex = "| check.service.gov.uk | _a06298ad492c3960b717a93d6a61b60c.check.service.gov.uk. | _75f164a25fa1e298f953286a37cce941.ab.acm-validations.aws. |\n"
    ticket = conversation(
        vendor(
            "Could you add these CNAMEs please?\n\n| Domain name | CNAME name | CNAME value |\n"
            "|---|---|---|\n" + apex + row.format("www", "4" * 32, "5" * 32),
            1,
        ),
        us(
            "Before we raise this:\n\n(a) Do you need both names? Nothing points "
            "www.check.service.gov.uk at you today.\n\n(b) Is a TTL of 300 all right?\n",
            2,
        ),
        vendor(
            "(a) Good spot. No need for that one any more: I've re-requested the certificate "
            "for check.service.gov.uk on its own, so the first row stands.\n\n(b) Yes.\n",
            3,
        ),
    )
    assert [c.name for c in read(ticket).changes] == [
        "_a06298ad492c3960b717a93d6a61b60c.check.service.gov.uk."
    ]
    assert "retracted" in codes(ticket)


def test_a_sentence_naming_an_owner_never_deletes_a_record_of_another_name() -> None:
    # The reply's "record below" passes on the quoted mail too, whose question names last
    # year's owner: that never makes the record just asked for a delete. "Keep it until you
    # have received the new certificate; after that it can be deleted" waits for issuance.
    ticket = Ticket(
        id="1",
        subject="DCV required - hmrc.gov.uk",
        text=(
            "Good afternoon,\n\nOnly the one record below is needed. Please create the following "
            "in the hmrc.gov.uk zone:\n\nHOST: _85AE0CF37BC1BD790A84AEBFA98F1065\nTYPE: CNAME\n"
            "POINTS TO: adcce921eb0b6ac5bd4f5eccc7bd7b81.953d58d1f57c9e6eca795d4a576a0725.sectigo.com\n\n"
            "You also asked about last year's record. The CNAME at "
            "_F77866FC80BB2F8790D96CFBDD7AF36A.hmrc.gov.uk is no longer used by us, but please keep "
            "it until you have received the new certificate; after that it can be deleted.\n\n"
            "Kind regards,\nOlu\n\nFrom: HMRC Digital Certificates <certificates@hmrc.gov.uk>\n"
            "Sent: 26 January 2027 10:18\nTo: Sectigo Validation <validation@sectigo.com>\n"
            "Subject: DCV required\n\nHello, could we switch to CNAME validation? Also, can the "
            "old _F77866FC80BB2F8790D96CFBDD7AF36A record be removed now?\n"
        ),
    )
    assert [(c.action, c.name, c.when) for c in read(ticket).changes] == [
        ("add", "_85ae0cf37bc1bd790a84aebfa98f1065.hmrc.gov.uk.", "now"),
        ("delete", "_f77866fc80bb2f8790d96cfbdd7af36a.hmrc.gov.uk.", "after_issuance"),
    ]


def test_a_label_block_with_no_value_under_remove_is_a_delete_by_owner_and_type() -> None:
    block = "    HOST:   _globalsign-domain-verification.tax.service.gov.uk\n    TYPE:   TXT\n"
    ticket = Ticket(
        id="1",
        subject="switching to managed DNS validation",
        text=f"Two changes are needed in the service.gov.uk zone.\n\nREMOVE\n\n{block}\n"
        "ADD - for tax.service.gov.uk please create:\n\n    HOST:       _acme-challenge\n"
        "    TYPE:       CNAME\n    POINTS TO:  v10evuaflugigx9m5a.fastly-validations.com\n",
    )
    assert changes(ticket) == [
        ("delete", "_globalsign-domain-verification.tax.service.gov.uk.", "TXT", None, None),
        (
            "add",
            "_acme-challenge.tax.service.gov.uk.",
            "CNAME",
            "v10evuaflugigx9m5a.fastly-validations.com.",
            None,
        ),
    ]
    # the same block under no verb at all is said, never dropped
    said = Ticket(id="1", subject="Renewal", text=f"For your information:\n\n{block}")
    assert "unread_value" in codes(said)


def test_the_sign_off_under_a_whole_record_is_no_more_of_its_data() -> None:
    ticket = Ticket(
        id="1",
        subject="renewal",
        text=(
            "To renew the certificate for find-a-court.service.gov.uk, please add the following "
            "TXT record:\n\n_acme-challenge.find-a-court.service.gov.uk.  IN  TXT  "
            '"5QkFZdQVCjlHVXuxac_aDbJEqprqUvFGXlUZf3dOBmA"\n\nThanks,\nLukas Becker\n'
        ),
    )
    assert [c.value for c in read(ticket).changes] == [
        "5QkFZdQVCjlHVXuxac_aDbJEqprqUvFGXlUZf3dOBmA"
    ]


def test_the_existing_cname_to_be_updated_in_place_of_a_withdrawn_txt_stays_an_update() -> None:
    ticket = conversation(
        vendor(
            "Please add the following TXT record:\n\n_acme-challenge.find-a-court.service.gov.uk. "
            'IN TXT "5QkFZdQVCjlHVXuxac_aDbJEqprqUvFGXlUZf3dOBmA"\n',
            1,
        ),
        vendor(
            "Please disregard the TXT record in my previous message.\n\nWhat we actually need is "
            "for the existing _acme-challenge CNAME for find-a-court.service.gov.uk to be updated "
            "so that it points to gmg8l36x2w4raob5xc.fastly-validations.com.\n",
            2,
        ),
    )
    assert [(c.action, c.type, c.old_value) for c in read(ticket).changes] == [
        ("update", "CNAME", None)
    ]
    assert "ambiguous_request" in codes(ticket)


def test_a_footnote_mark_on_an_action_says_when_and_a_capitalised_action_named_is_a_noun() -> None:
    gs = "globalsign-domain-verification=vlqCKvYRXGVEDkAHtO5wuVOhE7wis1EDDo319Xsv6J"
    ticket = Ticket(
        id="1",
        subject="DNS tidy-up",
        text=(
            "ACTION    NAME                                         TYPE   TTL    VALUE\n"
            "KEEP      _acme-challenge.apply.service.gov.uk         CNAME  3600   "
            "d51e9ffopv6vdyoqwv.fastly-validations.com\n"
            "ADD       _acme-challenge.check.service.gov.uk         CNAME  3600   "
            "yhldp80rjdoa0idqkw.fastly-validations.com\n"
            f'REMOVE*   check.service.gov.uk                         TXT    3600   "{gs}"\n\n'
            "  *  = please hold off on this one until the new certificate has been issued.\n\n"
            "The first REMOVE is a leftover token (TTL 60 is typical of a script).\n"
        ),
    )
    assert [(c.action, c.name, c.when) for c in read(ticket).changes] == [
        ("add", "_acme-challenge.check.service.gov.uk.", "now"),
        ("delete", "check.service.gov.uk.", "after_issuance"),
    ]


def test_a_before_after_table_reads_each_row_by_what_its_cells_say() -> None:
    gs = "globalsign-domain-verification=9PQs6coeOOJUuuU_8lMW-wZhdqqsdosKVMoutpCNLZ"
    ticket = Ticket(
        id="1",
        subject="DNS before/after",
        text=(
            '"Before" is what\'s in public DNS right now, "After" is where it needs to end up.\n\n'
            "| Host | Type | Before | After |\n|---|---|---|---|\n"
            "| `_acme-challenge.www.gov.uk` | CNAME | `qs2efk05x198l3jisz.fastly-validations.com` "
            "| `0rc9pr0k5s0j2tiqlx.fastly-validations.com` |\n"
            "| `_acme-challenge.gov.uk` | CNAME | `trek8h38a23gfsr1la.fastly-validations.com` "
            "| _unchanged_ |\n"
            "| `_acme-challenge.assets.gov.uk` | CNAME | _none_ "
            "| `rgo0sq8qwx5wt2yh87.fastly-validations.com` |\n"
            f"| `gov.uk` | TXT | `{gs}` | **remove** (see note 2) |\n\nNotes:\n\n"
            "1. Rows 1 and 3 are needed first.\n2. The GlobalSign TXT on the apex is from the old "
            "certificate. Please don't take it out until the new certificate is issued.\n"
            "3. Row 2 is already right, nothing to do.\n"
        ),
    )
    assert [(c.action, c.name, c.old_value, c.when) for c in read(ticket).changes] == [
        (
            "update",
            "_acme-challenge.www.gov.uk.",
            "qs2efk05x198l3jisz.fastly-validations.com.",
            "now",
        ),
        ("add", "_acme-challenge.assets.gov.uk.", None, "now"),
        ("delete", "gov.uk.", None, "after_issuance"),
    ]
    assert ("_acme-challenge.gov.uk.", "trek8h38a23gfsr1la.fastly-validations.com.") in [
        (o.name, o.value) for o in read(ticket).observed
    ]


GS_NEW_78 = "globalsign-domain-verification=HGOvmCT3qk269MM7wKAXBJedWDVwHUjGksV9P7KCMx"
GS_OLD_78 = "globalsign-domain-verification=a3WqCIlCadBkxhQsftN5tQMwkdHZer9TTqrwA1tuRQ"


def test_what_a_ticket_says_is_still_there_is_observed_however_it_says_so() -> None:
    # "I can still see", "which has:", "is still at the same name:", "You will also have"
    lead_ins = (
        f"When I looked up the TXT records on gov.uk this morning I can still see last year's "
        f"string, {GS_OLD_78}.",
        f'The CA climbs up to gov.uk, which has:\n\n   gov.uk.  3600  IN  TXT  "{GS_OLD_78}"',
        f'Old value from last year is still at the same name:\ngov.uk  TXT  "{GS_OLD_78}"',
        f"You will also have last year's token on gov.uk:\n{GS_OLD_78}",
    )
    for said in lead_ins:
        ticket = Ticket(
            id="1",
            subject="GlobalSign",
            text=f'Could you please publish the following:\n\ngov.uk. 3600 IN TXT "{GS_NEW_78}"\n\n'
            f"{said}\n\nThere's no harm in leaving that one where it is.\n",
        )
        assert [c.value for c in read(ticket).changes] == [GS_NEW_78], said
        assert GS_OLD_78 in [o.value for o in read(ticket).observed], said


def test_removing_an_old_value_waits_however_the_wait_is_said() -> None:
    # "Once that reissue has completed … it can be removed", "you are welcome to take it out"
    # after "Once the reissued certificate is out", "keep it until you have received the new
    # certificate; after that it can be deleted"
    waits = (
        "Once that reissue has completed (I'll confirm here) it can be removed.",
        "Please don't touch that one for now. Once the reissued certificate is out you are "
        "welcome to take it out of the zone.",
        "Please keep it until you have received the new certificate; after that it can be deleted.",
    )
    for said in waits:
        ticket = Ticket(
            id="1",
            subject="GlobalSign",
            text=f'Please add:\n\ngov.uk. IN TXT "{GS_NEW_78}"\n\nLast year\'s token is still '
            f'published at the apex:\n\ngov.uk. IN TXT "{GS_OLD_78}"\n\n{said}\n',
        )
        assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
            ("add", GS_NEW_78, "now"),
            ("delete", GS_OLD_78, "after_issuance"),
        ], said


def test_a_delete_the_reader_cannot_place_in_time_is_said() -> None:
    # The CA named as the one issuing ("until DigiCert has issued") is no kind of record: the
    # delete is not worked out, and a person is told rather than nothing said.
    ticket = Ticket(
        id="1",
        subject="DigiCert DCV",
        text="Record name: _dnsauth.tax.service.gov.uk\nRecord type: TXT\nRecord value: "
        "q1yaciqriixs3jzw5auavue62ctafg6l\n\nOld value from last year is still at the same name:\n"
        '_dnsauth.tax.service.gov.uk  TXT  "2usgoi43rgfgjbjiwizx1a0rnhpvk9yv"\nLeave it there '
        "until DigiCert has issued the replacement, delete it afterwards.\n",
    )
    deletes = [c for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [] and "unread_value" in codes(ticket)
    # a delete read as "now" beside words about waiting for a certificate is said too
    from bot.models import DnsChange, Source
    from bot.reading.safety import timing_flags

    now = DnsChange(
        action="delete",
        name="gov.uk.",
        type="TXT",
        value=GS_OLD_78,
        when="now",
        source=Source(first_line=2, last_line=2, excerpt="x"),
    )
    lines = [(None, 1, "Please delete the old token:"), (None, 2, GS_OLD_78)]
    assert timing_flags([now], lines) == []
    lines.append((None, 3, "Please hang on to it until our order has gone through."))
    assert [f.code for f in timing_flags([now], lines)] == ["unread_value"]


def test_ttls_said_in_other_words_reach_their_records() -> None:
    row = "_acme-challenge.{0}.service.gov.uk. IN CNAME {1}.fastly-validations.com.\n"
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            + row.format("design", "0zeesoy9hhwt4vjyzp")
            + row.format("notify", "7b6i1ht1b5u8j77oc6"),
            1,
        ),
        us("Is notify.service.gov.uk meant to be on this subscription at all?", 2),
        vendor(
            "You are right, please ignore the second record (_acme-challenge.notify.service.gov.uk)."
            "\n\nOne more thing for design: our TLS engineer asks if you can create it with TTL "
            "300 instead of the default.\n",
            3,
        ),
    )
    assert [(c.name, c.ttl) for c in read(ticket).changes] == [
        ("_acme-challenge.design.service.gov.uk.", 300)
    ]
    minutes = Ticket(
        id="1",
        subject="Certificate Manager",
        text="dnsResourceRecord:\n  data: 93ca3e49-09de-48d8-908a-00728d3df992.4.authorize."
        "certificatemanager.goog.\n  name: _acme-challenge.docs.publishing.service.gov.uk.\n"
        "  type: CNAME\n\nTTL for this one 5 minutes is better, in case we must change again.\n",
    )
    assert [c.ttl for c in read(minutes).changes] == [300]


def test_forget_withdraws_and_a_host_with_nothing_to_do_is_in_place() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}\n", 1),
        us("There is already a Google CNAME at that name. Is there another way?", 2),
        vendor(
            "Please leave that one alone, and forget the fastly-validations CNAME I asked for "
            "yesterday; we won't need it.\n\nInstead, here's the record:\n\n"
            "_7pquzd4h5shbhva3._acme-challenge.www.gov.uk. IN TXT "
            '"Y9Tp5MICT8liR-DCdE639oxhldc0Ug8RMfGfj4wvdlj"\n',
            3,
        ),
    )
    assert [c.type for c in read(ticket).changes] == ["TXT"] and "retracted" in codes(ticket)
    row = (
        "  _acme-challenge.{0}.x.service.gov.uk.  CNAME  {1}.4.authorize.certificatemanager.goog.\n"
    )
    listed = Ticket(
        id="1",
        subject="Certificate Manager",
        text="  NAME  TYPE  DATA\n"
        + row.format("www", "5ab86aa6-593b-48f0-9e78-55c72850ea89")
        + row.format("staging", "694350a9-07d5-4cba-8707-43d76ab954c2")
        + "\nWhat needs doing:\n\n  * www.x.service.gov.uk - please create the CNAME.\n"
        "  * staging.x.service.gov.uk - nothing to do. That record is already live.\n",
    )
    assert [c.name for c in read(listed).changes] == ["_acme-challenge.www.x.service.gov.uk."]
    assert "_acme-challenge.staging.x.service.gov.uk." in [o.name for o in read(listed).observed]


def test_dropping_that_one_after_two_questions_holds_every_record_for_a_person() -> None:
    ticket = conversation(
        vendor(f'Please add:\n\n{CNAME}\n\ngov.uk. IN TXT "{GS_NEW_78}"\n', 1),
        us("Do you still need the apex TXT? And is the TTL of 300 on the CNAME required?", 2),
        vendor("Thanks for checking, no need for that one any more. The rest is fine as sent.", 3),
    )
    held = [f for f in read(ticket).flags if f.code == "ambiguous_request"]
    assert {f.name for f in held} == {"_acme-challenge.www.gov.uk.", "gov.uk."}
    assert all(f.severity == "block" for f in held)


def test_drop_the_apex_one_withdraws_it_and_leave_it_as_it_is_holds_a_change_of_it() -> None:
    www = "_acme-challenge.www.gov.uk. IN CNAME 2cigq7f7pjmq6ivybp.fastly-validations.com."
    apex = "_acme-challenge.gov.uk. IN CNAME 39j0t20o8f4zl139km.fastly-validations.com."
    asked = vendor(f"Please add both:\n\n{apex}\n{www}\n", 1)
    ours = us(
        "The first would go at _acme-challenge.gov.uk, which already has a CNAME:\n\n"
        "_acme-challenge.gov.uk. 3600 IN CNAME w2jl3s6ay8b2hxa85k.fastly-validations.com.\n\n"
        "Is the apex record needed at all?",
        2,
    )
    dropped = conversation(
        asked,
        ours,
        vendor(
            "You are quite right. Please drop the apex one and only create the www record. "
            "Leave the existing _acme-challenge.gov.uk CNAME as it is.",
            3,
        ),
    )
    assert [c.name for c in read(dropped).changes] == ["_acme-challenge.www.gov.uk."]
    assert "retracted" in codes(dropped)
    # said without withdrawing it: the change of the record to leave is held for a person
    kept = conversation(
        asked,
        ours,
        vendor("Please leave the existing _acme-challenge.gov.uk CNAME as it is.", 3),
    )
    held = [f.name for f in read(kept).flags if f.code == "ambiguous_request"]
    assert "_acme-challenge.gov.uk." in held


def test_a_later_comment_keeping_the_old_value_until_issuance_splits_the_update() -> None:
    old = "globalsign-domain-verification=3TxQn_6cxd7hAAPEEYRSsk1ZlFIdLRKbtGFMWDnljZ"
    new = "globalsign-domain-verification=5ynmy7H3QeCI7SxwVF_PRLeZ5CDD01LVv3yobGT2jJ"
    ticket = conversation(
        vendor(
            "Please replace the existing value with the new one:\n\nHost: publishing.service.gov.uk"
            f"\nType: TXT\nOld value: {old}\nNew value: {new}\n",
            1,
        ),
        vendor(
            "Small correction: please do NOT remove the old TXT record yet. Please add the new "
            "value now as a second, separate TXT, and remove the old value only after we confirm "
            "the new certificate is issued.",
            2,
        ),
    )
    assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
        ("add", new, "now"),
        ("delete", old, "after_issuance"),
    ]


def test_answers_in_our_numbered_items_and_records_said_to_be_there_are_read_so() -> None:
    ticket = conversation(
        vendor(f"Please delete the old TXT and add:\n\n{CNAME.replace(' 300 IN ', ' IN ')}\n", 1),
        us(
            "1. Is the old TXT still needed?\n2. We normally use a TTL of 3600. Is that OK for "
            "the CNAME?",
            2,
        ),
        vendor(
            "Hi Dan,\n\n1. No - please remove it.\n2. 3600 is fine. We only look it up once.", 3
        ),
    )
    assert [c.ttl for c in read(ticket).changes if c.type == "CNAME"] == [3600]
    caa = Ticket(
        id="1",
        subject="CAA",
        text="Had a look and there are CAA records at x.service.gov.uk that only allow DigiCert:\n"
        'x.service.gov.uk. 3600 IN CAA 0 issue "digicert.com"\n\nPlease add one more record '
        "to the set. Nothing needs to be removed, and the existing entries can stay exactly as "
        "they are (this order isn't a wildcard):\n\n"
        'x.service.gov.uk. 3600 IN CAA 0 issue "certainly.com"\n',
    )
    assert [c.value for c in read(caa).changes] == ['0 issue "certainly.com"']
    assert [o.value for o in read(caa).observed] == ['0 issue "digicert.com"']


def test_it_after_a_record_given_in_words_is_that_record() -> None:
    ticket = Ticket(
        id="1",
        subject="DCV",
        text="Please place the following DNS TXT record:\n\n| Host | Record type | Value |\n"
        "| _dnsauth.hmrc.gov.uk | TXT | v5w5873xjn4e2y41qbgpnjf3apt084mu |\n\nFor tidiness: "
        "last year's DCV record is still published at the same host, _dnsauth.hmrc.gov.uk TXT "
        "lpirjc1evp118v47ubewtzyjs7ira1v1. Please keep it until the renewed certificate has "
        "been issued; after that it serves no purpose and can be deleted.\n",
    )
    assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
        ("add", "v5w5873xjn4e2y41qbgpnjf3apt084mu", "now"),
        ("delete", "lpirjc1evp118v47ubewtzyjs7ira1v1", "after_issuance"),
    ]


def test_values_in_history_no_one_read_are_said_when_nothing_was_asked_for() -> None:
    target = "c181d8e18e838afd19d5a20f65b69172.5d855ded00ef39c0d0bd028a03a3d449.sectigo.com"
    ticket = Ticket(
        id="1",
        subject="FW: Sectigo DCV",
        text=(
            "Thanks, forwarding this to our DNS team now.\n\nOn Mon, 23 Nov 2026 at 10:00, "
            "Fastly Support <support@fastly.com> wrote:\n> Hello,\n>\n> Of the options they list "
            "we'd like to go with the CNAME one.\n>\n> -----Original Message-----\n"
            "> From: Sectigo <dcv@sectigo.example>\n> Sent: 22 June 2026 08:02\n>\n"
            "> OPTION 1 - CNAME\n> Alias: _519C57B5B25D1979AFBF07D70E8B7163.hmrc.gov.uk\n"
            f"> Point to: {target.upper()}\n>\n> OPTION 2 - HTTP file\n"
            "> http://hmrc.gov.uk/.well-known/pki-validation/519C57B5B25D1979AFBF07D70E8B7163.txt\n"
        ),
    )
    extraction = read(ticket)
    assert extraction.changes or "unread_value" in [f.code for f in extraction.flags]


def test_a_later_comment_withdraws_by_kind_or_tag_what_it_names() -> None:
    gs = "globalsign-domain-verification=-4_w0rvUZIH1fAITtLCXK35QUGrXxHm-EDdQWydonf"
    ticket = conversation(
        vendor(
            f'Please:\n\n1. ADD {CNAME}\n2. DELETE forms.service.gov.uk TXT "{gs}"\n'
            '3. DELETE forms.service.gov.uk TXT "mw1mgbh0xh20zou4payy54cjn2ra6y8t"\n',
            1,
        ),
        vendor(
            "Please do NOT remove the GlobalSign record (your item 2): it is still used. "
            "Items 1 and 3 are correct.",
            2,
        ),
    )
    assert gs not in [c.value for c in read(ticket).changes]
    assert "retracted" in codes(ticket)
    caa = conversation(
        vendor(
            'gov.uk. IN CAA 0 issue "certainly.com"\ngov.uk. IN CAA 0 issuewild "certainly.com"', 1
        ),
        vendor("There's no wildcard, so please disregard the issuewild line - don't add it.", 2),
    )
    assert [c.value for c in read(caa).changes] == ['0 issue "certainly.com"']


def test_a_delete_named_by_the_first_label_of_the_record_above_is_of_that_record() -> None:
    ticket = Ticket(
        id="1",
        subject="DigiCert DCV",
        text="Please create the following record in the publishing.service.gov.uk zone:\n\n"
        "    Host:   _dnsauth.assets\n    Type:   TXT\n    Value:  buxfoq90vbibu3nwcmdv0p8olm17qj7z\n\n"
        "Once the certificate has been issued, please delete the _dnsauth TXT record above.\n",
    )
    assert [(c.action, c.name, c.value) for c in read(ticket).changes] == [
        ("add", "_dnsauth.assets.publishing.service.gov.uk.", "buxfoq90vbibu3nwcmdv0p8olm17qj7z"),
        (
            "delete",
            "_dnsauth.assets.publishing.service.gov.uk.",
            "buxfoq90vbibu3nwcmdv0p8olm17qj7z",
        ),
    ]


def test_it_after_last_years_record_of_a_kind_is_that_record() -> None:
    old = "globalsign-domain-verification=X7fe8fo3kHvXWaO3f3jsTPwWTqRlYsnX-5MKW3f9HR"
    ticket = Ticket(
        id="1",
        subject="GlobalSign",
        text=f"We can see these published today:\n\n| Host | Type | Current value |\n|---|---|---|\n"
        f'| gov.uk | TXT | "{old}" |\n\n(a) Add this TXT record at gov.uk:\n'
        f'gov.uk.  3600  IN  TXT  "{GS_NEW_78}"\n\n(c) Leave last year\'s GlobalSign record in place '
        "for now. Only once the renewed certificate has been issued, please delete it as well.\n",
    )
    assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
        ("add", GS_NEW_78, "now"),
        ("delete", old, "after_issuance"),
    ]


def test_a_gerund_after_a_preposition_says_when_not_what() -> None:
    assert action_cue("Please delete that TXT in the same change as adding the CNAME.") == "delete"
    assert action_cue("Please delete the TXT before adding the CNAME.") == "delete"
    assert action_cue("Please add the CNAME while removing nothing else.") == "add"
    assert action_cue("After removing the old one, add the new CNAME.") == "add"


def test_an_answer_to_our_ttl_and_keep_questions_in_numbered_items() -> None:
    txt = "B4zmHtVRtBFhcN2-bokXX4oYpJT_hCRMKdg2Bg3fU1L"
    ticket = conversation(
        vendor(
            "Please add:\n\nRecord name:  _acme-challenge.www.gov.uk\nRecord type:  CNAME\n"
            "Record value: l4ikul7wpq39wn6w91.fastly-validations.com\n",
            1,
        ),
        us(
            "1. What TTL would you like on the CNAME?\n2. There is still a TXT record at that "
            f'name. dig shows:\n\n_acme-challenge.www.gov.uk. 300 IN TXT "{txt}"\n\n'
            "Can we keep it alongside the CNAME, or does it have to go?\n",
            2,
        ),
        vendor(
            "1. The usual 3600 is fine for the CNAME.\n\n2. I'm afraid it has to go. Please "
            "delete that TXT in the same change as adding the CNAME.\n",
            3,
        ),
    )
    got = read(ticket).changes
    assert [(c.action, c.type, c.value, c.ttl) for c in got] == [
        ("add", "CNAME", "l4ikul7wpq39wn6w91.fastly-validations.com.", 3600),
        ("delete", "TXT", txt, None),
    ]


def test_a_lead_in_to_a_record_below_does_not_delete_an_earlier_one() -> None:
    old = "globalsign-domain-verification=939DvXsD33I3JuDuZZHHtX1IfwvzGR9XMXrrodh93O"
    cname = "oivzhgzyr8e2ji6jce.fastly-validations.com."
    ticket = conversation(
        vendor(
            f"Please create:\n\n    _acme-challenge.assets.publishing.service.gov.uk. CNAME {cname}\n",
            1,
        ),
        us("Done, it is resolving now.", 2),
        vendor(
            "Validation passed. Once you can see the new certificate on "
            "assets.publishing.service.gov.uk, please delete the legacy verification TXT record "
            f'that is currently published at the apex of the zone:\n\n    publishing.service.gov.uk.  TXT  "{old}"\n\n'
            "Please keep the _acme-challenge CNAME from earlier in this ticket - it is permanent.\n",
            3,
        ),
    )
    # ("Validation passed." marks the CNAME done: published, and never deleted)
    reading = read(ticket)
    assert [(c.action, c.type, c.value, c.when) for c in reading.changes] == [
        ("delete", "TXT", old, "after_issuance"),
    ]
    assert cname in [o.value for o in reading.observed]


def test_an_item_of_a_delete_list_describing_what_is_there_is_deleted() -> None:
    old = "globalsign-domain-verification=hD2XuxLIBOrr9nZl0M5L8ucWS4rJslgyYt_ziktBg4"
    ticket = _text(
        "After the new certificate is live, these can be deleted:\n\n"
        " 1. The GlobalSign verification TXT at the apex, hmrc.gov.uk, which currently reads\n"
        f"    \u201c{old}\u201d.\n 2. Nothing else.\n"
    )
    assert [(c.action, c.name, c.value, c.when) for c in read(ticket).changes] == [
        ("delete", "hmrc.gov.uk.", old, "after_issuance")
    ]


def test_the_second_one_chooses_the_value_our_question_offered() -> None:
    sent = "z0tvtq7eteyp3s554.fastly-validations.com"
    ticket = conversation(
        vendor(
            "Please add:\n\nRecord name: _acme-challenge.publishing.service.gov.uk\n"
            f"Record type: CNAME\nTarget: {sent}\n",
            1,
        ),
        us(
            "The target is one character shorter than the console shows. Did you mean\n\n"
            f"(a) {sent} (as written in your message), or\n"
            "(b) z0tvtq7eteyp3s554c.fastly-validations.com (as shown in the console)?\n",
            2,
        ),
        vendor("The second one - sorry! I dropped the last character.\n", 3),
    )
    assert [c.value for c in read(ticket).changes] == ["z0tvtq7eteyp3s554c.fastly-validations.com."]


def test_a_validation_txt_added_only_after_issuance_is_flagged() -> None:
    ticket = _text(
        "STEP 1 - add now\n\n  NAME   TYPE   VALUE\n"
        "  _acme-challenge.x.service.gov.uk   CNAME   4zrnx4n2o8ij5l9hnn.fastly-validations.com.\n\n"
        "STEP 2 - only once the certificate shows as Issued (we'll update this ticket)\n\n"
        "  NAME   TYPE   VALUE\n"
        '  x.service.gov.uk   TXT   "globalsign-domain-verification=PlwYvbzxtPKCaGcU3QDwjPq965hRe5m-5VN7Vcqwkp"\n\n'
        "The step 2 record is the old GlobalSign verification. Please leave it until we confirm.\n"
    )
    got = read(ticket)
    late = [c for c in got.changes if c.action == "add" and c.type == "TXT" and c.when != "now"]
    assert not late or any(
        f.severity == "warn" and "only after the new certificate" in f.message for f in got.flags
    )


def test_the_www_one_needs_updating_makes_that_row_an_update() -> None:
    ticket = _text(
        "Names are relative to the hmrc.gov.uk zone:\n\n"
        "  HOST                    TYPE    POINTS TO                                    TTL\n"
        "  _acme-challenge.www     CNAME   upurv1u07zm1m323kl.fastly-validations.com    300s\n"
        "  _acme-challenge.tax     CNAME   7y1sbhqyilhf6h1iuo.fastly-validations.com    300s\n\n"
        "The www one already exists from an earlier renewal, but it needs updating to the new "
        "target in the table. The tax one is brand new.\n"
    )
    got = read(ticket)
    assert [(c.action, c.name) for c in got.changes] == [
        ("update", "_acme-challenge.www.hmrc.gov.uk."),
        ("add", "_acme-challenge.tax.hmrc.gov.uk."),
    ]
    assert "ambiguous_request" in [f.code for f in got.flags]


GS_OLD_84 = "globalsign-domain-verification=64r9HxLOKgL6dizMRtlVC5vD1QghxSqjldI7yO0ujM"
GS_NEW_84 = "globalsign-domain-verification=Mf6cPv4BKWtui6Jca7tE1fKQsG_XEtTrvhV0zyPWVS"


def test_replace_it_please_to_our_replace_or_alongside_question_is_an_update() -> None:
    ticket = conversation(
        vendor(
            f'Same as last year, a TXT on the gov.uk apex:\n\n@ IN TXT "{GS_NEW_84}"\n\n(@ being gov.uk.)',
            1,
        ),
        us(
            f'Last year\'s record is still in the zone:\n\ngov.uk.  3600  IN  TXT  "{GS_OLD_84}"\n\n'
            "Should we replace last year's with the new code, or add alongside it?\n",
            2,
        ),
        vendor("Hi,\n\nReplace it please - last year's code has been used.\n", 3),
    )
    assert changes(ticket) == [("update", "gov.uk.", "TXT", GS_NEW_84, GS_OLD_84)]


def test_yes_to_both_answers_our_delete_and_ttl_questions() -> None:
    old = "globalsign-domain-verification=qGSdmQns08AbpOR9kR2bm0Tg0kk2hwFshfINB0pAwD"
    ticket = conversation(
        vendor(
            "Please add:\n\nHOST: _acme-challenge.publishing.service.gov.uk\nTYPE: CNAME\n"
            "POINTS TO: 9r7c2cyw2ecg239zeu.fastly-validations.com\n",
            1,
        ),
        us(
            "Two quick questions:\n\n1. We still have the old GlobalSign verification TXT on "
            f'publishing.service.gov.uk itself: "{old}". Can we delete it?\n'
            "2. Our default for these records is a TTL of 60. OK to use that for the new CNAME?\n",
            2,
        ),
        vendor(
            "Hi Priya,\n\nYes to both. One caveat on the first: please wait until the new "
            "certificate shows as Issued before you delete it.\n",
            3,
        ),
    )
    assert [(c.action, c.type, c.ttl, c.when) for c in read(ticket).changes] == [
        ("add", "CNAME", 60, "now"),
        ("delete", "TXT", None, "after_issuance"),
    ]


def test_yes_please_to_an_either_or_question_proposes_nothing() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}\n", 1),
        us(
            "Do you still need it, or can we remove it? And does gov.uk need one too, or only www?",
            2,
        ),
        vendor("Yes please.", 3),
    )
    assert [c.action for c in read(ticket).changes] == ["add"]


def test_a_txt_holding_a_validation_host_is_flagged_and_cname_answer_retypes_it() -> None:
    asked = vendor(
        "Please create the following TXT record:\n\n"
        "_acme-challenge.assets.publishing.service.gov.uk  ->  vud0p7ji4kbu4uyjzm.fastly-validations.com\n",
        1,
    )
    alone = read(conversation(asked))
    assert [c.type for c in alone.changes] != ["TXT"] or any(
        f.severity == "warn" and "validation CNAME" in f.message for f in alone.flags
    )
    answered = read(
        conversation(
            asked,
            us("Did you mean a CNAME, or really a TXT whose text is that hostname?", 2),
            vendor('CNAME. Sorry - our macro says "TXT record" for every challenge.', 3),
        )
    )
    assert [(c.type, c.value) for c in answered.changes] == [
        ("CNAME", "vud0p7ji4kbu4uyjzm.fastly-validations.com.")
    ]
    assert "superseded" in [f.code for f in answered.flags]


def test_the_one_from_tuesday_chooses_between_the_values_our_question_set_apart() -> None:
    tuesday = "avld22d0pfeomtfv2s.fastly-validations.com."
    thursday = "85ualvb97cr6r7i5zd.fastly-validations.com."
    ticket = conversation(
        vendor(f"Please add:\n\n_acme-challenge.gov.uk. 3600 IN CNAME {tuesday}\n", 1),
        us("Will www.gov.uk need one as well?", 2),
        vendor(
            "Yes - here are the two records:\n\n"
            f"_acme-challenge.gov.uk.      3600 IN CNAME {thursday}\n"
            f"_acme-challenge.www.gov.uk.  3600 IN CNAME {thursday}\n",
            3,
        ),
        us(
            "The gov.uk line has a different target from the one you sent on Tuesday. Which "
            "should the apex have - the one from Tuesday (avld22d0...) or yesterday's "
            "(85ualvb9...)?",
            4,
        ),
        vendor("The one from Tuesday. My mistake, I pasted the www target twice.", 5),
    )
    assert sorted((c.name, c.value) for c in read(ticket).changes) == [
        ("_acme-challenge.gov.uk.", tuesday),
        ("_acme-challenge.www.gov.uk.", thursday),
    ]


def test_a_name_arrow_value_line_with_its_type_and_ttl_in_brackets() -> None:
    ticket = _text(
        "Here's what we need on your end:\n\n"
        "  `_acme-challenge.find-a-grant.service.gov.uk` \u2192 "
        "`qmmt4d9x08dwc6yfxa.fastly-validations.com`  (CNAME, TTL 300s)\n"
    )
    assert [(c.type, c.value, c.ttl) for c in read(ticket).changes] == [
        ("CNAME", "qmmt4d9x08dwc6yfxa.fastly-validations.com.", 300)
    ]


def test_a_line_below_a_list_withdrawing_its_second_item() -> None:
    ticket = _text(
        "Two CNAMEs:\n"
        "_acme-challenge.find-a-grant.service.gov.uk -> h965foxph1e2fi0san.fastly-validations.com\n"
        "_acme-challenge.www.find-a-grant.service.gov.uk -> ci25yyknfx6v6wwte5.fastly-validations.com\n\n"
        "scratch the second one (www) - they've dropped www from the SAN list, no record needed\n"
    )
    got = read(ticket)
    assert [c.name for c in got.changes] == ["_acme-challenge.find-a-grant.service.gov.uk."]
    assert [f.code for f in got.flags] == ["retracted"]


def test_value_today_and_replace_with_columns_are_an_update() -> None:
    old = "globalsign-domain-verification=vZD69W5H3T2uYd2LHdmVlGGGgf9N-QGxBlFQs9tA2X"
    new = "globalsign-domain-verification=lvAqtL5rwCBlb58c2dT_ivBlpxadgMPf7NaYmxZR2s"
    ticket = Ticket(
        id="1",
        subject="GlobalSign",
        text="<p>So the record at the apex needs its value swapping over:</p><table>"
        "<tr><td>Host</td><td>Type</td><td>TTL</td><td>Value today (remove)</td><td>Replace with</td></tr>"
        f"<tr><td>gov.uk</td><td>TXT</td><td>3600</td><td>{old}</td><td>{new}</td></tr></table>",
    )
    assert changes(ticket) == [("update", "gov.uk.", "TXT", new, old)]


def test_an_add_and_an_update_replacing_the_same_record_is_ambiguous() -> None:
    from bot.models import DnsChange
    from bot.reading.safety import consistency_flags

    old, new = '"a-old-token-value"', '"b-new-token-value"'
    both = [
        DnsChange(action="add", name="gov.uk.", type="TXT", value=old),
        DnsChange(action="update", name="gov.uk.", type="TXT", value=new, old_value=old),
    ]
    assert [f.code for f in consistency_flags(both)] == ["ambiguous_request"]


def test_a_ttl_in_a_remark_after_the_record_is_its_ttl() -> None:
    gs = "globalsign-domain-verification=BBEQMdx_nLudbT4CC4TY4AZc5IOJMmSO1ZXgqA3Q6t"
    ticket = _text(f'In the gov.uk zone, please add:\n\n  `@` TXT `"{gs}"` (TTL 3600s)\n')
    assert [(c.name, c.value, c.ttl) for c in read(ticket).changes] == [("gov.uk.", gs, 3600)]


def test_delete_both_of_those_txt_records_beside_a_cname_create() -> None:
    a, b = (
        "Hh6X0gHzJXKaGfJpLG486vHQggVApuxj_dpwjLoPO9w",
        "6OShiK7rOhFTSbXv81vn4SaXuBmNb3rO7RGoGFWajTt",
    )
    name = "_acme-challenge.docs.publishing.service.gov.uk"
    ticket = _text(
        f'The name still carries two TXT records:\n{name}. 120 IN TXT "{a}"\n'
        f'{name}. 120 IN TXT "{b}"\nCould you please:\ndelete both of those TXT records, and then\n'
        f"(re)create {name} as a CNAME to s7akpwxl4varm7720o.fastly-validations.com?\n"
    )
    assert sorted((c.action, c.type, c.value) for c in read(ticket).changes) == [
        ("add", "CNAME", "s7akpwxl4varm7720o.fastly-validations.com."),
        ("delete", "TXT", b),
        ("delete", "TXT", a),
    ]


def test_a_correction_under_should_point_at_keeps_the_value_seen_twice_as_old() -> None:
    name = "_acme-challenge.design-system.service.gov.uk"
    ticket = conversation(
        vendor(
            f"Right now {name} is a CNAME to e502h5hzq3nzooplew.fastly-validations.com. Please "
            "change it so that it points to ft8jcnhxrbxq1sd0gn.fastly-validations.com instead.",
            1,
        ),
        us(
            f"This is what we see now:\n\n    {name}. 300 IN CNAME "
            "e502h5hzq3nzooplew.fastly-validations.com.\n\nCan you confirm the new target?",
            2,
        ),
        vendor(
            "The target in her message is wrong, sorry. For production the record should point "
            "at:\n\n    rzri6urc4t90g2kvbw.fastly-validations.com\n",
            3,
        ),
    )
    assert changes(ticket) == [
        (
            "update",
            f"{name}.",
            "CNAME",
            "rzri6urc4t90g2kvbw.fastly-validations.com.",
            "e502h5hzq3nzooplew.fastly-validations.com.",
        )
    ]


def test_answers_written_between_the_quoted_lines_of_our_questions() -> None:
    old_txt = "globalsign-domain-verification=qNky5OJFGwmMdxFYpsgFhpex-qR495yRU9pFISvRCC"
    q1 = (
        "1. Today the record is _acme-challenge.www.gov.uk CNAME "
        "az8ywfv9kurwu2mh2q.fastly-validations.com. Is that the one we're replacing?"
    )
    q2 = "2. We usually set TTL 3600 on these. Is that OK, or would you like it lower?"
    q3 = "3. There's also an old GlobalSign TXT at the apex from the previous certificate:"
    q3b = f'    gov.uk. TXT "{old_txt}"'
    ticket = conversation(
        vendor(
            "Please update _acme-challenge.www.gov.uk so that it points to:\n\n"
            "n4e51fcyohimsgge7f.fastly-validations.com\n",
            1,
        ),
        us(f"A few questions:\n\n{q1}\n{q2}\n{q3}\n{q3b}\nCan that go now?\n", 2),
        vendor(
            f"Hi Priya, answers inline below.\n\n> {q1}\n\nYes, that's the one.\n\n> {q2}\n\n"
            f"Lower would help - 300 if the registry will take it.\n\n> {q3}\n> {q3b}\n"
            "> Can that go now?\n\nNot yet, please. It can be removed once the new certificate "
            "has been issued and is serving.\n",
            3,
        ),
    )
    got = read(ticket).changes
    assert sorted((c.action, c.type, c.value, c.old_value, c.ttl, c.when) for c in got) == [
        ("delete", "TXT", old_txt, None, None, "after_issuance"),
        (
            "update",
            "CNAME",
            "n4e51fcyohimsgge7f.fastly-validations.com.",
            "az8ywfv9kurwu2mh2q.fastly-validations.com.",
            300,
            "now",
        ),
    ]


def test_later_colon_waits_and_one_record_deleted_at_two_times_is_ambiguous() -> None:
    from bot.reading.actions import AFTER_ISSUANCE

    assert AFTER_ISSUANCE.search("So for now: add the new TXT, keep the old one. Later: remove it.")
    from bot.models import DnsChange
    from bot.reading.safety import consistency_flags

    twice = [
        DnsChange(action="delete", name="x.gov.uk.", type="TXT", value='"a"', when="now"),
        DnsChange(
            action="delete", name="x.gov.uk.", type="TXT", value='"a"', when="after_issuance"
        ),
    ]
    assert [f.code for f in consistency_flags(twice)] == ["ambiguous_request"]


def test_the_one_in_her_first_message_chooses_the_earlier_value() -> None:
    first, second = "vbd0vdsd3vjd9hv7ep", "h3lidan3zluwhsz0sv"
    ticket = conversation(
        vendor(
            f"Please add:\n\n_acme-challenge.www.gov.uk. IN CNAME {first}.fastly-validations.com.\n",
            1,
        ),
        vendor(
            f"The record is now:\n\n_acme-challenge.www.gov.uk CNAME {second}.fastly-validations.com\n",
            2,
        ),
        us(f"We now have two targets. Which one should we use: {first} or {second}?", 3),
        vendor("Please use the one in Nadia's first message. Sorry for the back-and-forth.", 4),
    )
    assert [c.value for c in read(ticket).changes] == [f"{first}.fastly-validations.com."]


def test_delete_both_txt_records_above_deletes_each_value_shown_in_the_same_comment() -> None:
    a, b = (
        "JeyvZcXY6XTbm70Wisqt4rj4Hy792iZTDuqR152hGv9",
        "9oYzzoXph27fO2CyahhKIJk7jkxNTYNV5-McC8BLwfn",
    )
    ticket = _text(
        "What is published today:\n\n    $ dig +noall +answer _acme-challenge.www.gov.uk TXT\n"
        f'    _acme-challenge.www.gov.uk. 300\tIN\tTXT\t"{a}"\n'
        f'    _acme-challenge.www.gov.uk. 300\tIN\tTXT\t"{b}"\n\nPlease, as soon as you can:\n\n'
        "  1. Delete both TXT records above at _acme-challenge.www.gov.uk (both values).\n"
    )
    assert sorted(c.value for c in read(ticket).changes if c.action == "delete") == sorted([a, b])


def test_a_validator_that_gets_this_answer_back_describes_what_is_there() -> None:
    txt = "7huvHvR8uWKjNXCz2NqVlkjE5Xg-1jY3ocl0u7SYVHg"
    ticket = _text(
        "When our validator resolves the challenge name it gets this answer back:\n\n"
        f'    _acme-challenge.www.gov.uk.  300  IN  TXT  "{txt}"\n\n'
        "For us to complete validation that name needs to be a CNAME instead:\n\n"
        "    _acme-challenge.www.gov.uk.  CNAME  woqxpnkaybqj77b9ca.fastly-validations.com.\n"
    )
    got = read(ticket)
    assert [(c.action, c.type) for c in got.changes if c.type == "TXT"] in ([], [("delete", "TXT")])
    assert [o.value for o in got.observed] == [txt]


def test_a_lead_in_verb_holds_for_the_list_after_a_blank_line() -> None:
    gs = "globalsign-domain-verification=orqvbv3TE3Plq44l3kDEPyUd2MBl8hzo7RujWITwWQ"
    ticket = _text(
        "The records below can now be removed from the gov.uk zone:\n\n"
        f"1. The GlobalSign verification string at the apex of gov.uk:\n   {gs}\n"
    )
    assert [(c.action, c.name, c.value) for c in read(ticket).changes] == [
        ("delete", "gov.uk.", gs)
    ]


def test_a_validation_cname_at_a_host_itself_is_flagged() -> None:
    ticket = _text(
        "| Hostname | Record to create | Type | Points to |\n|---|---|---|---|\n"
        "| design-system.service.gov.uk | _acme-challenge.design-system.service.gov.uk | CNAME | "
        "p56w6885l3jxnbb2ui.fastly-validations.com |\n"
    )
    got = read(ticket)
    assert [c.name for c in got.changes] == ["_acme-challenge.design-system.service.gov.uk."]
    from bot.models import DnsChange
    from bot.reading.safety import type_flags

    at_host = DnsChange(
        action="add",
        name="design-system.service.gov.uk.",
        type="CNAME",
        value="p56w6885l3jxnbb2ui.fastly-validations.com.",
    )
    assert [f.severity for f in type_flags([at_host])] == ["warn"]


def test_currently_and_change_it_to_columns_are_an_update() -> None:
    name = "_acme-challenge.publishing.service.gov.uk"
    old, new = (
        "x37xh7i89prach3zyr.fastly-validations.com",
        "a724zi7dbnmpy650di.fastly-validations.com",
    )
    ticket = _text(
        "| Record name | Type | Currently | Change it to |\n|---|---|---|---|\n"
        f"| {name} | CNAME | {old} | {new} |\n"
    )
    assert changes(ticket) == [("update", f"{name}.", "CNAME", f"{new}.", f"{old}.")]


def test_the_record_of_the_previous_order_shown_below_is_the_one_deleted() -> None:
    host = "signup.example-research.service.gov.uk"
    ticket = _text(
        f"Create the following CNAME record in the DNS for {host}:\n\n"
        f"  CNAME Host:     _18B2F69D6478194AC3804EB53322BDC9.{host}.\n"
        "  Target Address: 48C60D74E77ADABBB171C331B69C7AE9.6BB19C1CEABE39B2652C18F72F85FB78.sectigo.com.\n\n"
        "The record used to validate this domain for the previous order is no longer needed for "
        "this order and may be deleted from your zone after the new certificate has been issued.\n"
        "It is currently published as:\n\n"
        f"  _5E55312C966786C3221ECC200B0356B8.{host}. CNAME "
        "71D071D78BD1991C435DA9AB8CC02F89.4776847ADCA700E0ECA843CB75D0EF56.comodoca.com.\n"
    )
    assert [(c.action, c.name[:9], c.when) for c in read(ticket).changes] == [
        ("add", "_18b2f69d", "now"),
        ("delete", "_5e55312c", "after_issuance"),
    ]


def test_records_already_there_said_beside_a_request_for_the_record_below() -> None:
    gs = "globalsign-domain-verification=eoLbTHNbU9yFL_XG5a89CpMpwPSHcNdpgvd4a0o0Wg"
    ticket = _text(
        "Could you please publish the TXT record below at the zone origin of gov.uk? It has to be "
        "a record of its own: GlobalSign will not find the string if it is merged into, or "
        f'appended to, one of the TXT records already there.\n\n    @    3600    IN    TXT    "{gs}"\n'
    )
    assert [(c.action, c.name, c.value) for c in read(ticket).changes] == [("add", "gov.uk.", gs)]


def test_a_later_comment_holding_back_the_removal_asked_before() -> None:
    gs = "globalsign-domain-verification=UxnZK1G5yta9GxiILu9noMFUlzq1XPGPKYUGpMWIB_"
    ticket = conversation(
        vendor(
            "1. Add a CNAME for _acme-challenge.www.gov.uk pointing to "
            "1tods2avkrnsam7cm3.fastly-validations.com\n\n2. Remove the legacy GlobalSign "
            f'verification TXT that is currently published at the apex:\n   gov.uk  TXT  "{gs}"\n',
            1,
        ),
        us("Is it safe to remove the TXT straight away?", 2),
        vendor(
            "Good catch. Please hold off on removing it. Keep it in place until the new "
            "certificate has been issued. The CNAME should go in now as planned.",
            3,
        ),
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_our_planned_records_are_not_what_is_published_and_a_trailing_ttl_is_read() -> None:
    www = "_acme-challenge.www.gov.uk   CNAME   t3qrvjymopm3l9neyn.fastly-validations.com"
    apex = "_acme-challenge.gov.uk       CNAME   bzakagu7xv1dqutdy4.fastly-validations.com"
    ticket = conversation(
        vendor(
            f"Please create these two records:\n\n{www}   3600\n{apex}\n".replace("   3600", ""), 1
        ),
        us(f"For reference, this is what we're planning to send:\n\n{www}\n{apex}\n", 2),
        vendor(
            f"Please go with a TTL of 300. So the request is now:\n\n{www}   TTL 300\n{apex}   TTL 300\n",
            3,
        ),
    )
    got = read(ticket)
    assert sorted((c.name, c.ttl) for c in got.changes) == [
        ("_acme-challenge.gov.uk.", 300),
        ("_acme-challenge.www.gov.uk.", 300),
    ]
    assert not got.observed


def test_a_currently_remark_under_a_label_block_is_its_old_value() -> None:
    ticket = _text(
        "Please replace them rather than adding second records:\n\n"
        "Name: _acme-challenge.www.gov.uk\nType: CNAME\nValue: x6wle7rjaf47rgeyvw.fastly-validations.com\n"
        "(currently bltsp4i91nhsyh6q3z.fastly-validations.com)\n\n"
        "Name: _acme-challenge.gov.uk\nType: CNAME\nValue: s4wn102x1pr8xxb8g9.fastly-validations.com\n"
        "(currently 9x0eruov96wnsk7bcc.fastly-validations.com)\n\nAny time before 5 January is fine.\n"
    )
    assert [(c.action, c.value[:4], (c.old_value or "")[:4]) for c in read(ticket).changes] == [
        ("update", "x6wl", "blts"),
        ("update", "s4wn", "9x0e"),
    ]


def test_a_remark_in_brackets_after_a_zone_line() -> None:
    name = "_acme-challenge.origin-us.publishing.service.gov.uk."
    ticket = _text(
        "Please publish these:\n\n"
        f'    {name}  TXT  "QhfBOBOKNBujWVU2uIwo8w2PUI_f8u5MuSFnVd5obM5"   (new, replaces O46BuBsm...)\n'
        f'    {name.replace("-us", "-eu")}  TXT  "oJgl9POzsALv4x8uGzmg1GZDhfD0m_kVQm3vQCG9rMi"   '
        "(currently published - remove it after issuance)\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_a_new_code_valid_from_today_in_a_table_is_asked_for() -> None:
    gs = "globalsign-domain-verification=laloZG3yu-MZtE8bef6KTVxjCQzslw4evcrd-AzbSI"
    ticket = _text(
        "The TXT string cannot be merged with any other TXT string you already publish.\n\n"
        "| Host / Name | Type | TTL | Value |\n|---|---|---|---|\n"
        f'| @ (i.e. gov.uk itself) | TXT | 3600 | "{gs}" (new code, valid 30 days from today) |\n'
    )
    assert [(c.action, c.name, c.value) for c in read(ticket).changes] == [("add", "gov.uk.", gs)]


def test_the_txt_that_should_not_have_been_included_is_withdrawn_not_the_cname() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\nRecord type: CNAME\nHost name: _3bdc4da59cfb075151745a4ed3a2bdd8.pay.service.gov.uk.\n"
            "Point to: 767f919bdcf380da5245b21eb9f6015d.e38f049ba1f92e33d69c0798be4f2d9f.sectigo.com.\n\n"
            "In addition, please publish:\n\nRecord type: TXT\nHost: _dnsauth.pay.service.gov.uk\n"
            "Value: 8kk62v6d51z3sqcva2softura2cw5gkf\n",
            1,
        ),
        us("Do you really need both?", 2),
        vendor(
            "The TXT record in my previous message\ncame from a template and should not have been "
            "included. Please\nignore it entirely; only the CNAME is required. When you create the "
            "CNAME, a TTL of 3600 seconds is ideal.",
            3,
        ),
    )
    got = read(ticket)
    assert [(c.type, c.ttl) for c in got.changes] == [("CNAME", 3600)]
    assert "retracted" in [f.code for f in got.flags]


def test_a_record_created_and_then_deleted_is_told_not_asked() -> None:
    told = "The authorization was one the team created during testing and then deleted."
    assert action_cue(told) is None
    assert action_cue("It was removed last week.") is None
    assert action_cue("Once issued it can be deleted.") == "delete"
    assert action_cue("Please have it deleted.") == "delete"


def test_an_item_after_a_no_action_item_asks_as_the_list_does() -> None:
    ticket = _text(
        "I've gone through them one by one below.\n\n"
        "1. www.gov.uk\n  - Record name: _acme-challenge.www.gov.uk\n  - Record type: CNAME\n"
        "  - Value: 49ttbwxw5tbx1tp4ng.fastly-validations.com\n"
        "2. publishing.service.gov.uk - no action. This one already validated last week.\n"
        "3. hmrc.gov.uk\n  - Record name: _acme-challenge.hmrc.gov.uk\n  - Record type: CNAME\n"
        "  - Value: 0u27ptxno1ej2t637n.fastly-validations.com\n"
    )
    assert [(c.action, c.name) for c in read(ticket).changes] == [
        ("add", "_acme-challenge.www.gov.uk."),
        ("add", "_acme-challenge.hmrc.gov.uk."),
    ]


def test_a_valueless_delete_beside_a_value_only_our_comment_showed_is_flagged() -> None:
    old = "_3f301a1e47fd67533579715a489ecdde.find-a-grant.service.gov.uk"
    ticket = conversation(
        vendor(f"Please remove the old CNAME at {old} once the new certificate is issued.", 1),
        us(
            "On the old one: it is still published, pointing at "
            "9c7d5c749f6221cfcb5b2e0f8f28b78f.a4cfd8777c1d2758bf640c6bd96c3e18.sectigo.com. When?",
            2,
        ),
        vendor("Please leave it until the renewed certificate has been issued.", 3),
    )
    got = read(ticket)
    valueless = [c for c in got.changes if c.action == "delete" and c.value is None]
    assert not valueless or any("names no value" in f.message for f in got.flags)


# holdout93-94 (written blind, this session): each class a first reading got wrong silently

_ASKED_WWW = "_acme-challenge.www.gov.uk CNAME jddky3uvwgeyvrooslg9.fastly-validations.com"


def test_our_done_with_the_record_resolving_makes_a_later_new_target_an_update() -> None:
    ticket = conversation(
        vendor(f"Please create the DNS record below.\n\n{_ASKED_WWW}\n", 1),
        us(
            "Done, it's resolving now:\n\n_acme-challenge.www.gov.uk. 3600 IN CNAME "
            "jddky3uvwgeyvrooslg9.fastly-validations.com.\n",
            2,
        ),
        vendor(
            "The subscription had to be recreated and a new target was generated:\n\n"
            "_acme-challenge.www.gov.uk  CNAME  5vujji49bl04z15mo0oj.fastly-validations.com\n",
            3,
        ),
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "5vujji49bl04z15mo0oj.fastly-validations.com.",
            "jddky3uvwgeyvrooslg9.fastly-validations.com.",
        )
    ]


_TWO_SHOWN = us(
    "While I was in the zone I found two other validation-looking records:\n\n"
    '_dnsauth.prototype-kit.service.gov.uk. 3600 IN TXT "hqk5lvg5qa4br97n8kgj9rdaquq991sg"\n'
    "_3d2a45e544ec2e9d65a1996049ccd9c6.prototype-kit.service.gov.uk. 3600 IN CNAME "
    "_c0623e3a61d7c6099642d61079a65157.xlfgrmvvlj.acm-validations.aws.\n\n"
    "Are either of these yours / still needed?",
    2,
)


def test_a_bare_delete_of_it_with_no_record_read_is_flagged() -> None:
    asked = vendor(
        "Please add _acme-challenge.prototype-kit.service.gov.uk CNAME "
        "n0mr38fprho1lfg2behb.fastly-validations.com",
        1,
    )
    for answer in ("Nobody needs it any more. Bin it.", "It can be removed.", "Yes, they can go."):
        got = read(conversation(asked, _TWO_SHOWN, vendor(answer, 3)))
        deletes = [c for c in got.changes if c.action == "delete"]
        assert deletes or "unread_value" in [f.code for f in got.flags], answer
    told = read(conversation(asked, vendor("We'll tell you if and when it can be removed.", 3)))
    assert "unread_value" not in [f.code for f in told.flags]


def test_a_duration_on_the_record_is_a_ttl_that_must_be_read() -> None:
    got = read(
        _text(
            'Please add service.gov.uk. CAA 0 issue "certainly.com"\n\n'
            "I'd go short while we cut over, 300 seconds on the new record.\n"
        )
    )
    assert [c.ttl for c in got.changes] == [300] or "unread_value" in [f.code for f in got.flags]


def test_the_following_record_to_allow_issuance_is_asked_now() -> None:
    got = read(
        _text(
            "Please create the following record to allow issuance:\n\n"
            "Hostname: _acme-challenge.publishing.service.gov.uk\nRecord type: CNAME\n"
            "Points to: xv5ukyhuxvkotb.fastly-validations.com\n"
        )
    )
    assert [(c.action, c.when) for c in got.changes] == [("add", "now")]


def test_a_delete_named_by_the_data_of_the_record_we_showed() -> None:
    ticket = conversation(
        vendor(
            "Please create: _acme-challenge.publishing.service.gov.uk CNAME "
            "xv5ukyhuxvkotb.fastly-validations.com",
            1,
        ),
        us(
            "We still have the DigiCert validation CNAME from the old cert, "
            "_ed4ac14fdbb611be3aff3508a9f69a0f.publishing.service.gov.uk CNAME dcv.digicert.com. "
            "Can that go now?",
            2,
        ),
        vendor("Yes, the dcv.digicert.com record can be deleted now.", 3),
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.publishing.service.gov.uk.",
            "CNAME",
            "xv5ukyhuxvkotb.fastly-validations.com.",
            None,
        ),
        (
            "delete",
            "_ed4ac14fdbb611be3aff3508a9f69a0f.publishing.service.gov.uk.",
            "CNAME",
            "dcv.digicert.com.",
            None,
        ),
    ]


def test_now_deleted_describes_a_thing_and_asks_nothing() -> None:
    assert action_cue("the target from the old (now deleted) subscription") is None
    assert action_cue("Now delete it.") == "delete"


def test_a_validation_cname_read_as_added_after_issuance_is_flagged() -> None:
    got = read(
        _text(
            "Once the certificate is issued, add _acme-challenge.x.service.gov.uk CNAME "
            "q8v2m5t9k3w7z1y4.fastly-validations.com"
        )
    )
    late = [c for c in got.changes if c.action == "add" and c.when != "now"]
    assert not late or "unread_value" in [f.code for f in got.flags]


def test_a_later_do_not_remove_withdraws_the_delete_asked_before() -> None:
    ticket = conversation(
        vendor(
            "Could you delete the _acme-challenge CNAME for www.gov.uk? It can be cleaned up.", 1
        ),
        us(
            "Are you sure? The record is live:\n\n;; ANSWER SECTION:\n_acme-challenge.www.gov.uk. "
            "3600 IN CNAME yyhxmn45sj2oi9hwax.fastly-validations.com.\n",
            2,
        ),
        vendor(
            "You're quite right, sorry. Please do NOT remove _acme-challenge.www.gov.uk; it is "
            "still in use.\n\nThe record that is actually stale is the CNAME at "
            "_acme-challenge.www.publishing.service.gov.uk. That one can be removed whenever "
            "convenient.",
            3,
        ),
    )
    got = read(ticket)
    assert [(c.action, c.name, c.value) for c in got.changes] == [
        ("delete", "_acme-challenge.www.publishing.service.gov.uk.", None)
    ]
    assert "retracted" in [f.code for f in got.flags]


def test_from_and_to_lines_holding_hosts_are_no_mail_headers() -> None:
    ticket = conversation(
        vendor(
            "Please add a CNAME record as follows:\n\n_acme-challenge.assets.publishing.service."
            "gov.uk -> 87ot8sckda4p7qfu1jprqr.fastly-validations.com\n",
            1,
        ),
        us(
            "We already have a CNAME at that name:\n\n_acme-challenge.assets.publishing.service."
            "gov.uk. 3600 IN CNAME 9g29n0lxiqmyfmpdo9ehxe.fastly-validations.com.\n\n"
            "Do you want us to overwrite it?",
            2,
        ),
        vendor(
            "Short version: please don't use the value Sven sent.\n\n"
            "So the change is: keep the one CNAME at "
            "_acme-challenge.assets.publishing.service.gov.uk, but change its target\n\n"
            "from:  9g29n0lxiqmyfmpdo9ehxe.fastly-validations.com\n"
            "to:    ycii6bcwqnerxza7crwovf.fastly-validations.com\n\nThat's the only edit.",
            3,
        ),
    )
    got = read(ticket)
    values = {c.value for c in got.changes}
    assert "ycii6bcwqnerxza7crwovf.fastly-validations.com." in values or "unread_value" in [
        f.code for f in got.flags
    ]


def test_an_add_beside_keep_the_existing_ones_is_asked_and_a_cas_duty_asks_nothing() -> None:
    got = read(
        _text(
            "Sectigo is required to check CAA before issuing, and the CAA records that apply "
            "are inherited from service.gov.uk, which at the moment only contains:\n\n"
            '  service.gov.uk.  CAA  0 issue "letsencrypt.org"\n'
            '  service.gov.uk.  CAA  0 issue "globalsign.com"\n\n'
            "Please add an additional CAA record at service.gov.uk (keep the two existing ones - "
            "do not replace them):\n\n"
            '  service.gov.uk.  CAA  0 issue "sectigo.com"\n'
        )
    )
    assert [(c.action, c.value) for c in got.changes] == [("add", '0 issue "sectigo.com"')]
    assert {o.value for o in got.observed} == {
        '0 issue "letsencrypt.org"',
        '0 issue "globalsign.com"',
    }


def test_leave_out_a_host_withdraws_its_validation_record() -> None:
    asked = vendor(
        "please publish the following:\n\n"
        "_acme-challenge.docs.publishing.service.gov.uk.  IN CNAME "
        "f266duwwgti71vzru3.fastly-validations.com.\n"
        "_acme-challenge.status.publishing.service.gov.uk.  IN CNAME "
        "et56udcltcrpkl2oy2lg.fastly-validations.com.\n",
        1,
    )
    for said in (
        "Please leave out status.publishing.service.gov.uk altogether.",
        "Please do NOT add the _acme-challenge record for status.publishing.service.gov.uk.",
        "Please ignore the record for status.publishing.service.gov.uk.",
    ):
        got = read(conversation(asked, vendor(f"Small correction. {said}", 2)))
        assert [c.name for c in got.changes] == [
            "_acme-challenge.docs.publishing.service.gov.uk."
        ], said
        assert "retracted" in [f.code for f in got.flags]


def test_a_record_named_by_type_and_owner_that_nothing_read_is_flagged() -> None:
    got = read(
        _text(
            "Two of the hostnames were removed, so their challenge records can be deleted:\n\n"
            "_acme-challenge.beta.publishing.service.gov.uk – the CNAME to "
            "c6re47c6i8zvtho0izdikn.fastly-validations.com\n"
            "the CNAME at _acme-challenge.draft-origin.publishing.service.gov.uk\n"
        )
    )
    names = {c.name for c in got.changes}
    assert "_acme-challenge.draft-origin.publishing.service.gov.uk." in names or any(
        f.code == "unread_value" and "draft-origin" in f.message for f in got.flags
    )


def test_a_delete_of_a_record_named_by_a_few_words_must_be_read_or_flagged() -> None:
    got = read(
        _text(
            "right now your CAA set only allows Let's Encrypt:\n\n"
            '    $ dig +short CAA dwp.gov.uk\n    0 issue "letsencrypt.org"\n\n'
            "1) Now - add a CAA record authorising GlobalSign at the apex:\n\n"
            '    dwp.gov.uk.    IN    CAA    0 issue "globalsign.com"\n\n'
            "2) Later - once the GlobalSign certificate has been issued, the letsencrypt.org "
            "issue entry can be retired.\n"
        )
    )
    deletes = [c for c in got.changes if c.action == "delete"]
    assert deletes or "unread_value" in [f.code for f in got.flags]


_THREE_FORMS = vendor(
    "Please create:\n\n"
    "Record: _acme-challenge.forms.service.gov.uk\nType: CNAME\n"
    "Value: g17diiduvqohanyy4vrj.fastly-validations.com\n\n"
    "Record: _acme-challenge.admin.forms.service.gov.uk\nType: CNAME\n"
    "Value: fcad1pqh3y4oy04y82mg.fastly-validations.com\n\n"
    "Record: _acme-challenge.submit.forms.service.gov.uk\nType: CNAME\n"
    "Value: erg9zw9xdsjyd89dtsr7.fastly-validations.com\n",
    1,
)


def test_a_record_withdrawn_by_its_hosts_first_label_or_its_place() -> None:
    for said in (
        "I removed it from the subscription. Please do NOT create the _acme-challenge record "
        "for admin. The other two are unchanged.",
        "Please do not add record 2; ignore it entirely. Records 1 and 3 stand as written.",
    ):
        got = read(conversation(_THREE_FORMS, vendor(said, 2)))
        assert [c.name for c in got.changes] == [
            "_acme-challenge.forms.service.gov.uk.",
            "_acme-challenge.submit.forms.service.gov.uk.",
        ], said
        assert "retracted" in [f.code for f in got.flags]


def test_the_second_one_can_go_deletes_the_second_record_we_showed() -> None:
    ticket = conversation(
        vendor(
            "Please publish this TXT record at service.gov.uk:\n\n"
            '@ IN TXT "globalsign-domain-verification=BcRpTu5BaUjsF_-0hqYIIIa-SDVlq0vnut0wyMrrWuA"',
            1,
        ),
        us(
            "service.gov.uk already has two GlobalSign verification strings published:\n\n"
            "$ dig +short TXT service.gov.uk | grep globalsign\n"
            '"globalsign-domain-verification=80fo3epyot4dBAmWmIh6OksrTRSLkp5_OXWgwkJjkXM"\n'
            '"globalsign-domain-verification=ekcFW2TCnRseOL_aSK8aqjCCs9gZ_Husl1-RUZW3Pio"\n\n'
            "Are either of those still needed?",
            2,
        ),
        vendor(
            "The second one can go - it belonged to last year's order. Please leave the first "
            "one where it is.",
            3,
        ),
    )
    deletes = [(c.name, c.value) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [
        (
            "service.gov.uk.",
            "globalsign-domain-verification=ekcFW2TCnRseOL_aSK8aqjCCs9gZ_Husl1-RUZW3Pio",
        )
    ]


def test_the_ttl_on_that_one_is_the_records_ttl() -> None:
    got = read(
        _text(
            "Please add:\n\n_acme-challenge.assets.publishing.service.gov.uk CNAME "
            "w43uyk1o4.fastly-validations.com\n\n"
            "If you could set the TTL on that one to 5 mins it would help a lot.\n"
        )
    )
    assert [c.ttl for c in got.changes] == [300]


_TWO_DWP = vendor(
    "Please add:\n\n_acme-challenge.dwp.gov.uk CNAME wu6s1lv661.fastly-validations.com\n"
    "_acme-challenge.www.dwp.gov.uk CNAME 7zki9jvbkb.fastly-validations.com\n",
    1,
)


def test_a_short_choosing_answer_that_changes_nothing_read_is_flagged() -> None:
    question = us("Do you need both of these, or only one of them?", 2)
    for answer in ("Just the www one.", "Thanks, good catch.\nB please.", "The second one."):
        got = read(conversation(_TWO_DWP, question, vendor(answer, 3)))
        names = [c.name for c in got.changes]
        applied = names == ["_acme-challenge.www.dwp.gov.uk."]
        assert applied or "unread_value" in [f.code for f in got.flags], answer
    confirmed = read(conversation(_TWO_DWP, question, vendor("Correct, both as written.", 3)))
    assert "unread_value" not in [f.code for f in confirmed.flags]


def test_a_later_dont_change_x_withdraws_an_add_at_a_name_shown_published() -> None:
    ticket = conversation(
        vendor(
            "Please add _acme-challenge.www.hmrc.gov.uk CNAME o89wqqw.fastly-validations.com", 1
        ),
        us(
            "There's already one there:\n\n_acme-challenge.www.hmrc.gov.uk. 300 IN CNAME "
            "zxmo0dof.fastly-validations.com.\n\nShould we replace it?",
            2,
        ),
        vendor("Please hold off and don't change _acme-challenge.www.hmrc.gov.uk.", 3),
    )
    got = read(ticket)
    assert got.changes == ()
    assert [o.value for o in got.observed] == ["zxmo0dof.fastly-validations.com."]


def test_no_longer_required_so_dont_add_it_with_a_typographic_apostrophe() -> None:
    got = read(
        _text(
            "The TXT record I asked for last week (globalsign-domain-verification="
            "RX2RlPsYpbh1ekr7nZgS3L3ue66YGsLyPdNuREfjrcw on service.gov.uk) is no longer "
            "required, so please don\u2019t add it.\n"
        )
    )
    assert got.changes == ()


def test_a_txt_delete_with_no_value_beside_two_added_values_is_blocked() -> None:
    got = read(
        _text(
            "Please add both:\n\n"
            '_acme-challenge.manage.account.gov.uk. 60 IN TXT "gpdxSfV0Ah7TSl0f2EFyRAMquQJU_qaE6xQnavrms8L"\n'
            '_acme-challenge.manage.account.gov.uk. 60 IN TXT "uV788iZxp5skFNPC4sn8ljaFvOxq3eF_Q11VU6NJh2a"\n\n'
            "When the cert is issued please delete the _acme-challenge TXT record at "
            "_acme-challenge.manage.account.gov.uk.\n"
        )
    )
    valueless = [c for c in got.changes if c.action == "delete" and c.value is None]
    assert not valueless or "ambiguous_request" in [f.code for f in got.flags]


def test_still_in_the_zone_leading_in_to_a_record_says_nothing_of_those_above() -> None:
    got = read(
        _text(
            "ACM wants the two CNAMEs below:\n\n"
            "_2f6606b23d0e8b3277246356770e93fb.register-trailer.service.gov.uk. CNAME "
            "_56bed84184d8f2a089816b9898be0383.p25db3jzid.acm-validations.aws.\n\n"
            "Related housekeeping: the record the old account used is still in the zone,\n"
            "  _0871274696cf1807aaf131f516e2947d.register-trailer.service.gov.uk. CNAME "
            "_1df1a66699cdafbf847d1753b0efa3d4.bm660pr9bh.acm-validations.aws.\n"
            "That CNAME isn't doing anything any more - you can take it out now.\n"
        )
    )
    assert sorted(c.action for c in got.changes) == ["add", "delete"]


def test_nothing_to_do_for_www_withdraws_the_www_record() -> None:
    asked = vendor(
        "Please add:\n\n_acme-challenge.www.hmrc.gov.uk CNAME i89djp38yq4cnfjy0m.fastly-validations.com\n"
        "_acme-challenge.hmrc.gov.uk CNAME snyag3boat68sqi9o4.fastly-validations.com\n",
        1,
    )
    got = read(
        conversation(
            asked,
            us("The www one is already there. Are you sure about www?", 2),
            vendor("You're right, apologies. There's nothing to do for www.", 3),
        )
    )
    assert [c.name for c in got.changes] == ["_acme-challenge.hmrc.gov.uk."]


def test_nothing_needed_on_another_types_front_keeps_the_record_above() -> None:
    got = read(
        _text(
            "The value to publish now is:\n\n"
            "_dnsauth.trade-tariff.service.gov.uk  TXT  ie59ntn5frttv1r6k2gaqw22nnvej6tv\n\n"
            "On CAA: there's no CAA on that name today, which means any CA may issue, so nothing "
            "is needed on that front for this validation.\n"
        )
    )
    assert [c.value for c in got.changes] == ["ie59ntn5frttv1r6k2gaqw22nnvej6tv"]


def test_a_ttl_for_one_host_is_that_hosts_records_only() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.hmrc.gov.uk CNAME bnr7q9hhpbo4fk2czlgr.fastly-validations.com\n"
            "_acme-challenge.www.businesslink.gov.uk CNAME vz5epu3v7g5ces9tzfuz.fastly-validations.com\n",
            1,
        ),
        us("Our default TTL is 86400. Would you like a shorter TTL on any of these?", 2),
        vendor(
            "The hmrc.gov.uk name has never existed, so the default is fine for it. For "
            "www.businesslink.gov.uk please use a TTL of 300.",
            3,
        ),
    )
    assert {c.name: c.ttl for c in read(ticket).changes} == {
        "_acme-challenge.hmrc.gov.uk.": None,
        "_acme-challenge.www.businesslink.gov.uk.": 300,
    }


def test_one_rrset_takes_one_ttl() -> None:
    got = read(
        _text(
            "Please add BOTH as separate TXT records. Could you use the lowest TTL you allow?\n"
            "60 would be ideal.\n\n"
            '_acme-challenge.docs.publishing.service.gov.uk. IN TXT "4CDEXNvI_FIbXopZWrGa2zXcSU9X7kpMd7Qji6F6HdA"\n'
            '_acme-challenge.docs.publishing.service.gov.uk. IN TXT "EWi6LOvy5byMED_O2CKf5Gh7NjKZqKoPAtZqgdpnS18"\n'
        )
    )
    assert [c.ttl for c in got.changes] == [60, 60]


def test_do_not_create_anything_at_x_and_the_record_belongs_at_y() -> None:
    value = "sxvfrch2kl2hqd0klg63.fastly-validations.com"
    ticket = conversation(
        vendor(f"Please add:\n\n_acme-challenge.account.gov.uk CNAME {value}\n", 1),
        us("Should it be _acme-challenge.signin.account.gov.uk instead?", 2),
        vendor(
            "Well spotted. Please do not create anything at _acme-challenge.account.gov.uk. "
            f"The record belongs at:\n\n_acme-challenge.signin.account.gov.uk -> {value}\n",
            3,
        ),
    )
    assert [c.name for c in read(ticket).changes] == ["_acme-challenge.signin.account.gov.uk."]


def test_the_set_shown_beside_the_new_entry_to_add_is_published() -> None:
    got = read(
        _text(
            'Please add account.gov.uk. CAA 0 issue "certainly.com"\n\n'
            "For reference, this is the CAA set we can see on account.gov.uk today. All three can "
            "stay exactly as they are - the new entry just needs to be added to the set:\n\n"
            'account.gov.uk. 300 IN CAA 0 issue "globalsign.com"\n'
            'account.gov.uk. 300 IN CAA 0 issue "letsencrypt.org"\n'
        )
    )
    assert [c.value for c in got.changes] == ['0 issue "certainly.com"']
    assert len(got.observed) == 2


def test_a_later_delete_of_a_value_an_update_replaces_now_is_blocked() -> None:
    name = "_acme-challenge.sandbox.x.service.gov.uk"
    got = read(
        _text(
            f'Currently live:\n\n{name}. 300 IN TXT "COkFV06G9YnCPcD_WTfo0z8-mk-bhuAN8ssVO18gAJY"\n\n'
            f'Please replace it now with "utR7DzpsfZz4jySe9qTQWrdoQYDri976fO_aww5objM".\n\n'
            "Once the certificate is issued, please delete the old TXT record "
            '"COkFV06G9YnCPcD_WTfo0z8-mk-bhuAN8ssVO18gAJY".\n'
        )
    )
    old = "COkFV06G9YnCPcD_WTfo0z8-mk-bhuAN8ssVO18gAJY"
    replaced = [c for c in got.changes if c.action == "update" and c.old_value == old]
    later = [c for c in got.changes if c.action == "delete" and c.value == old]
    assert not (replaced and later) or "ambiguous_request" in [f.code for f in got.flags]


def test_a_value_in_a_mail_the_vendor_forwards_must_be_read_or_flagged() -> None:
    ticket = conversation(
        vendor(
            "Please add gov.uk TXT globalsign-domain-verification=6mcWKBOYXBO1RWf87P8aResid8IX68a",
            1,
        ),
        us("Do we need something in service.gov.uk too?", 2),
        vendor(
            "I put your question to GlobalSign. Their reply is below.\n\n"
            "---------- Forwarded message ---------\n"
            "From: GlobalSign Vetting <vetting@globalsign.com>\n"
            "Subject: RE: domain verification\n\n"
            "Please ask your customer to replace the token on service.gov.uk with:\n\n"
            "globalsign-domain-verification=ab3paEiSMuYVNoGwmVLJX51QZhYae1QULOX0FO-JJvy\n",
            3,
        ),
    )
    got = read(ticket)
    values = " ".join(c.value or "" for c in got.changes)
    assert "ab3paEiSMuYVNoGwmVLJX51QZhYae1QULOX0FO" in values or "unread_value" in [
        f.code for f in got.flags
    ]


def test_an_add_beside_a_published_value_the_vendor_says_to_replace_is_flagged() -> None:
    ticket = conversation(
        vendor(
            "Please publish: _dnsauth.tt.service.gov.uk TXT et86eog0rc40195gvofpt01fadgzvxto", 1
        ),
        us(
            "There's already a _dnsauth TXT at that name:\n\n_dnsauth.tt.service.gov.uk. 3600 IN TXT "
            '"8x112ij2tt57o399pi509f2xnmwqkyke"\n\nShould we replace it, or add alongside?',
            2,
        ),
        vendor(
            "Sorry for the delay. Please replace last year's value with the one in my first "
            "message rather than adding it alongside; the old one has expired.",
            3,
        ),
    )
    got = read(ticket)
    updated = [c for c in got.changes if c.action == "update"]
    assert updated or "unread_value" in [f.code for f in got.flags]


def test_a_refused_value_then_the_record_that_is_needed_asks_for_that_record() -> None:
    ticket = conversation(
        vendor('Please add:\n\ngov.uk.   CAA   0 issue "letsencrypt.org"\n', 1),
        us("Are you sure it is Let's Encrypt? We were told Certainly.", 2),
        vendor(
            "You're right. Please do not add letsencrypt.org; the record that's needed is:\n\n"
            'gov.uk.   CAA   0 issue "certainly.com"\n',
            3,
        ),
    )
    assert changes(ticket) == [("add", "gov.uk.", "CAA", '0 issue "certainly.com"', None)]


def test_a_host_removed_from_the_subscription_as_it_drops_its_records() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.search-api.publishing.service.gov.uk CNAME zgtmesi7q.fastly-validations.com\n"
            "_acme-challenge.content-api.publishing.service.gov.uk CNAME nz2imls4w.fastly-validations.com\n",
            1,
        ),
        us("content-api already has a record from another service. Repoint it?", 2),
        vendor(
            "content-api.publishing.service.gov.uk is covered by another certificate, so I've "
            "removed it from this subscription. Please leave that record alone - no change "
            "needed for content-api.",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.search-api.publishing.service.gov.uk."
    ]
    assert "retracted" in codes(ticket)


def test_no_change_needed_for_a_first_label_withdraws_that_hosts_records() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.search-api.publishing.service.gov.uk CNAME zgtmesi7q.fastly-validations.com\n"
            "_acme-challenge.content-api.publishing.service.gov.uk CNAME nz2imls4w.fastly-validations.com\n",
            1,
        ),
        vendor("Sorry, one correction: no change needed for content-api.", 2),
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.search-api.publishing.service.gov.uk."
    ]


def test_skipping_a_cas_step_withdraws_that_cas_records() -> None:
    ticket = conversation(
        vendor(
            "To validate www.hmrc.gov.uk please add:\n\n"
            "CNAME _acme-challenge.www.hmrc.gov.uk -> k4f5o3ojkyjwk7b9g45z.fastly-validations.com\n"
            'TXT www.hmrc.gov.uk "globalsign-domain-verification=Zzzy_yX6WMeHy3cEvu1J6mmfwmo3f"\n',
            1,
        ),
        us("Do we need both of these?", 2),
        vendor("We're issuing through Certainly, so you can skip the GlobalSign step entirely.", 3),
    )
    assert [c[2] for c in changes(ticket)] == ["CNAME"]
    assert "retracted" in codes(ticket)


def test_a_notification_author_signed_gov_uk_is_us_not_a_cc() -> None:
    lines = (
        "##- Please type your reply above this line -##\n\n"
        "Lerato Mokoena (Fastly Support)\nDec 2, 2024, 15:18 GMT\n\nThe first.\n\nLerato\n\n"
        "Tom Ashworth\nDec 2, 2024, 10:51 GMT\n\nDo we need both?\n\nTom\n"
        "GOV.UK 2nd line support\n\n"
        "Priya Shah\nDec 2, 2024, 09:00 GMT\n\nCould you add our record too?\n\nPriya\nHMRC DNS\n\n"
        "Lerato Mokoena (Fastly Support)\nNov 29, 2024, 17:05 GMT\n\nPlease add the CNAME.\n"
    ).splitlines()
    roles = {b.author: b.role for b in split_notification(lines) or []}
    assert roles == {
        "Lerato Mokoena (Fastly Support)": "vendor",
        "Tom Ashworth": "us",
        "Priya Shah": "other",
    }


def test_a_record_after_for_example_is_an_example_not_a_request() -> None:
    body = (
        "Hi Hannah, about assets.publishing.service.gov.uk: our docs say:\n\n"
        "  (Legacy shared certificates used a TXT record on the zone origin\n"
        "  instead, for example:\n"
        '      @   IN   TXT   "globalsign-domain-verification=q8ZtW1mB3xKpR0vN7yLcD5sF2h"\n'
        "  This does not apply to Fastly-managed certificates.)\n\n"
        "In your case the CNAME is already there and correct.\n"
    )
    ticket = Ticket(
        id="1", subject="Do we need a TXT for assets.publishing.service.gov.uk?", text=body
    )
    assert changes(ticket) == []


def test_the_first_as_a_whole_answer_is_applied_or_flagged() -> None:
    ticket = conversation(
        vendor(
            "Please add both:\n\n"
            "_acme-challenge.www.gov.uk CNAME k4f5o3ojkyjwk7b9g45z.fastly-validations.com\n"
            '_dnsauth.www.gov.uk TXT "x7r0pq2mz8k4w1c9v3b6n5t0"\n',
            1,
        ),
        us("Do we need both of these, or one or the other?", 2),
        vendor("The first.", 3),
    )
    got = read(ticket)
    assert [c.type for c in got.changes] == ["CNAME"] or "unread_value" in [
        f.code for f in got.flags
    ]


def test_from_and_to_alone_on_their_lines_update_the_record_named_above() -> None:
    ticket = _text(
        "The order expired, so there is a new code. Please change the existing TXT value on "
        "gov.uk\n\nfrom:\nglobalsign-domain-verification=Lg2MO734YQQo5lG_eeJ_gSu4WtxSJsZ\n\n"
        "to:\nglobalsign-domain-verification=N6fRfDSsMFxdQmOfqrPBz1kRejeMdn43\n\n"
        "Leave the TTL as it is.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "gov.uk.",
            "TXT",
            "globalsign-domain-verification=N6fRfDSsMFxdQmOfqrPBz1kRejeMdn43",
            "globalsign-domain-verification=Lg2MO734YQQo5lG_eeJ_gSu4WtxSJsZ",
        )
    ]


def test_from_and_to_with_their_data_update_the_validation_record_named_above() -> None:
    name = "_acme-challenge.assets.publishing.service.gov.uk"
    ticket = _text(
        f"So the change is: keep the one CNAME at {name}, but change its target\n\n"
        "from:  9g29n0lxiqmyfmpdo9ehxe.fastly-validations.com\n"
        "to:    ycii6bcwqnerxza7crwovf.fastly-validations.com\n\n"
        "That's the only edit needed.\n"
    )
    assert changes(ticket) == [
        (
            "update",
            f"{name}.",
            "CNAME",
            "ycii6bcwqnerxza7crwovf.fastly-validations.com.",
            "9g29n0lxiqmyfmpdo9ehxe.fastly-validations.com.",
        )
    ]


def test_the_one_the_ca_will_check_for_corrects_the_earlier_token() -> None:
    ticket = conversation(
        vendor(
            "Please publish this TXT at the apex of trade-tariff.service.gov.uk:\n\n"
            "globalsign-domain-verification=UpNBKVAfzkxRzLyuzwSn_AZhnyajsOYJ3AmSTG9B5xmI\n",
            1,
        ),
        vendor(
            "I have to apologise: that token was for an order we cancelled and it won't "
            "validate any more. The one GlobalSign will check for is:\n\n"
            "globalsign-domain-verification=LhST8Yv2rnIPIeHoAsr-0x38iPf354E60_Ia-ydpNOBS\n\n"
            "Same place, just the new value please.\n",
            2,
        ),
    )
    assert [c[3] for c in changes(ticket)] == [
        "globalsign-domain-verification=LhST8Yv2rnIPIeHoAsr-0x38iPf354E60_Ia-ydpNOBS"
    ]


GS_NEW = "globalsign-domain-verification=Qs-ioAdZikr_4VaKUxqKpAQsP5iAD98qQpHjQh2sRrY"
GS_OLD = "globalsign-domain-verification=MzSqymlmKbFtabO41UEQ7eQ3PcYh3_FXVEPdffgeqTM"


def test_the_named_cas_txt_is_not_needed_withdraws_it() -> None:
    ticket = conversation(
        vendor(f'Please add:\n\n{CNAME}\ngov.uk. TXT "{GS_NEW}"\n', 1),
        us("Why a GlobalSign TXT on the apex?", 2),
        vendor("You're right, the GlobalSign TXT record isn't needed. Please do not add it.", 3),
    )
    assert [c[2] for c in changes(ticket)] == ["CNAME"]


def test_a_numbered_answer_removing_it_deletes_the_record_our_question_showed() -> None:
    ticket = conversation(
        vendor(f"Record type: TXT\nHost: gov.uk\nValue: {GS_NEW}\n", 1),
        us(
            "Two questions:\n1. There is already a GlobalSign TXT at the apex:\n"
            f'   gov.uk.  TXT  "{GS_OLD}"\n   Should that come out at the same time?\n'
            "2. Does www.gov.uk need its own record?\n",
            2,
        ),
        vendor("1) Not yet - remove it only after the new certificate is issued.\n2) No.", 3),
    )
    got = read(ticket)
    assert [(c.action, c.value, c.when) for c in got.changes] == [
        ("add", GS_NEW, "now"),
        ("delete", GS_OLD, "after_issuance"),
    ]


def test_a_lettered_answer_that_says_more_than_please_is_no_choice_of_our_proposal() -> None:
    ticket = conversation(
        vendor('Please add: _dnsauth.account.gov.uk TXT "efdcc2f885e49d709cc79cb392d3ebc9"', 1),
        us(
            "My plan:\n\n(a) Add the new token.\n\n(b) _acme-challenge.account.gov.uk is a CNAME "
            "to gpy1ojdazefcirq7qn.fastly-validations.com. It looks orphaned, so I'd bin it.\n",
            2,
        ),
        vendor(
            "(b) Please leave _acme-challenge.account.gov.uk exactly as it is. It validates "
            "the wildcard.",
            3,
        ),
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_you_can_remove_the_old_one_with_no_record_read_is_flagged() -> None:
    ticket = conversation(
        vendor('Please add: _dnsauth.account.gov.uk TXT "efdcc2f885e49d709cc79cb392d3ebc9"', 1),
        vendor("Once the certificate is out you can remove the old one.", 2),
    )
    got = read(ticket)
    assert any(c.action == "delete" for c in got.changes) or "unread_value" in [
        f.code for f in got.flags
    ]


def test_a_notification_author_of_government_digital_service_is_us() -> None:
    lines = (
        "##- Please type your reply above this line -##\n\n"
        "Deniz Arslan (Fastly Support)\nApr 9, 2025, 15:37 UTC\n\nRe 1 - yes.\n\n"
        "Sebastian Ferreira (Government Digital Service)\nApr 9, 2025, 11:02 UTC\n\n"
        'gov.uk. 3600 IN CAA 0 issue "digicert.com"\n1. Is it certainly.com?\n\n'
        "Deniz Arslan (Fastly Support)\nApr 8, 2025, 16:20 UTC\n\nPlease add the CAA.\n"
    ).splitlines()
    roles = {b.author: b.role for b in split_notification(lines) or []}
    assert roles["Sebastian Ferreira (Government Digital Service)"] == "us"


def test_yes_to_a_ttl_question_takes_the_number_given_as_the_ttl() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME.replace(' 300 IN', '')}\n", 1),
        us(
            "Last September, on #65117, you had us put these at TTL 300 so the retries see "
            "them sooner. Same again?",
            2,
        ),
        vendor("Yes.", 3),
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


def test_a_zone_comment_unchanged_from_an_earlier_message_leaves_the_record_asked() -> None:
    ticket = _text(
        "In zone file format, the two records to add are:\n\n"
        "; unchanged from Marcus's message of 9 July\n"
        "_acme-challenge.publishing.service.gov.uk. CNAME u57hdedv8ew9eics.fastly-validations.com.\n"
        "; new\n"
        "_acme-challenge.assets.publishing.service.gov.uk. CNAME zi9qluh42ucvoyhk.fastly-validations.com.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add", "add"]


def test_use_whatever_ttl_you_normally_do_disowns_the_zone_lines_ttl() -> None:
    ticket = _text(
        "The record to add is:\n\n"
        "_acme-challenge.assets.publishing.service.gov.uk. 300 IN CNAME "
        "zi9qluh42ucvoyhk.fastly-validations.com.\n\n"
        "(The 300 is only what I had in my test zone - use whatever TTL you normally do.)\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [None]


def test_the_record_can_be_deleted_under_an_old_record_shown_is_read_or_flagged() -> None:
    ticket = _text(
        "There is also an old challenge record left over from the per-host certificate:\n\n"
        "_acme-challenge.whitehall-admin.publishing.service.gov.uk.  CNAME  "
        "trof8tyr42x5ten7.fastly-validations.com.\n\n"
        "After the wildcard certificate is issued, that name is covered by the wildcard and "
        "the record can be deleted.\n"
    )
    got = read(ticket)
    assert any(c.action == "delete" for c in got.changes) or "unread_value" in [
        f.code for f in got.flags
    ]


def test_a_validated_row_of_an_acm_table_is_published_not_asked() -> None:
    ticket = _text(
        "Could you add the PENDING_VALIDATION rows?\n\n"
        "|  mirror.x.service.gov.uk      |  SUCCESS             |  "
        "_4819703352f49e9b20964bded2895df5.mirror.x.service.gov.uk.  |  CNAME  |  "
        "_e6c93846481c6dda79177b6d1f6b337b.lqkhijsahc.acm-validations.aws.  |\n"
        "|  www.mirror.x.service.gov.uk  |  PENDING_VALIDATION  |  "
        "_b36f77a46e3fa40a741cd8e9afb06f98.www.mirror.x.service.gov.uk.  |  CNAME  |  "
        "_f5638ed9bd0a104ce53b8d8446f2931a.izfjucvwvy.acm-validations.aws.  |\n"
    )
    assert [c[1] for c in changes(ticket)] == [
        "_b36f77a46e3fa40a741cd8e9afb06f98.www.mirror.x.service.gov.uk."
    ]


def test_a_quoted_txt_value_wrapped_mid_token_is_one_value_and_an_open_quote_is_flagged() -> None:
    name = "_acme-challenge.forms.service.gov.uk."
    wrapped = _text(
        f'Please add:\n\n  1. {name}  TXT  "t4jjfpuGKlxWFdskFODMNG2d5q\nt1wEAWKvASPj0AZCU"\n'
    )
    assert [c[3] for c in changes(wrapped)] == ["t4jjfpuGKlxWFdskFODMNG2d5qt1wEAWKvASPj0AZCU"]
    cut = _text(f'Please add:\n\n{name}  TXT  "t4jjfpuGKlxWFdskFODMNG2d5q\n\nThanks\n')
    assert "unparsed_record" in codes(cut)


def test_a_notification_header_a_layout_table_put_on_one_line_starts_a_comment() -> None:
    lines = (
        "##- Please type your reply above this line -##\n\n"
        "| | | Lindiwe M (Fastly Support) 27 May 2025, 10:03 BST Yes to both. Lindiwe | |\n"
        "Nkechi A (GOV.UK)\n27 May 2025, 09:41 BST\n\nDo we need the www one as well?\n\n"
        "Lindiwe M (Fastly Support)\n26 May 2025, 17:18 BST\n\nPlease create the records.\n"
    ).splitlines()
    blocks = split_notification(unfold_headers(lines)) or []
    newest = blocks[-1]
    assert (newest.author, newest.role) == ("Lindiwe M (Fastly Support)", "vendor")


def test_an_add_made_an_update_by_our_own_later_paste_alone_is_blocked() -> None:
    ticket = conversation(
        vendor(
            "Please add: _acme-challenge.www.gov.uk CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com",
            1,
        ),
        us(
            "Done - though dig shows:\n\n"
            "_acme-challenge.www.gov.uk. 300 IN CNAME other1token2here3.fastly-validations.com.\n",
            2,
        ),
    )
    got = read(ticket)
    assert all(c.action == "add" for c in got.changes) or "ambiguous_request" in [
        f.code for f in got.flags
    ]


def test_records_under_already_ok_are_published_not_asked() -> None:
    ticket = _text(
        "Already OK (nothing to do):\n"
        "  _acme-challenge.design-system.service.gov.uk  ->  k73exis5sbovtsk7jo.fastly-validations.com\n\n"
        "Missing / needs adding:\n"
        "  _acme-challenge.frontend.design-system.service.gov.uk  ->  "
        "xj516m26sbsrchi204.fastly-validations.com\n"
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.frontend.design-system.service.gov.uk."
    ]


def test_go_with_the_one_in_my_message_takes_the_answering_agents_value() -> None:
    name = "_acme-challenge.account.gov.uk"
    first = Comment(
        id=1,
        role="vendor",
        author="Tomasz",
        body=f"Please add {name} CNAME fk8vmw0o5u9kf3fn8n.fastly-validations.com",
    )
    second = Comment(
        id=2,
        role="vendor",
        author="Priyanka",
        body=f"Please point {name} at ig76zfr3niv2qkbfup.fastly-validations.com (CNAME).",
    )
    asked = us("We have two different targets from two of you. Which one do you want?", 3)
    answer = Comment(id=4, role="vendor", author="Tomasz", body="Go with the one in my message.")
    got = read(conversation(first, second, asked, answer))
    assert [c.value for c in got.changes] == ["fk8vmw0o5u9kf3fn8n.fastly-validations.com."]


def test_yes_to_do_i_delete_the_txt_records_is_read_or_flagged() -> None:
    name = "_acme-challenge.publishing.service.gov.uk"
    ticket = conversation(
        vendor(
            f"Name: {name}\nType: CNAME\nTarget: nfa1i1tzixaprragzr.fastly-validations.com\n", 1
        ),
        us(
            f'There is already stuff at that name:\n{name}. 60 IN TXT "S9tFNY22JeFRHMhW4cUH"\n'
            "Do I just delete the TXT records and then add your CNAME?",
            2,
        ),
        vendor("Yes.", 3),
    )
    got = read(ticket)
    assert any(c.action == "delete" for c in got.changes) or "unread_value" in [
        f.code for f in got.flags
    ]


def test_the_txt_token_please_dont_add_it_withdraws_the_txt() -> None:
    ticket = conversation(
        vendor(f'Please add a TXT on defra.gov.uk with the value\n"{GS_NEW}"\n', 1),
        us("Could we use the approver email route instead?", 2),
        vendor(
            "Email is fine. With email validation selected the TXT token from my first message "
            "is no longer attached to the order, so please don't add it to DNS.",
            3,
        ),
    )
    assert changes(ticket) == []


def test_a_dash_numbered_question_showing_a_record_below_a_blank_line_is_answered() -> None:
    record = (
        "_a6f419e80345840b1e3519304b37a489.www.dwp.gov.uk. 3600 IN CNAME "
        "6db663aeb40c5831a4cbd0336413804f.480a36342de5b33bdf582eb8b535f214.9lynejx0wptw.sectigo.com."
    )
    ticket = conversation(
        vendor(
            "- CNAME _acme-challenge.www.dwp.gov.uk -> zv47yx5l7kdcng0rcm.fastly-validations.com", 1
        ),
        us(
            "Few qs.\n\n1 - when do you want the Sectigo record gone? Today, or after the new "
            f"cert is issued? Currently it's:\n\n    {record}\n\n2 - TTL, any preference?\n",
            2,
        ),
        vendor(
            "1) After, please. We want the current cert to stay renewable in case anything goes "
            "wrong with the new one, so remove it once the Certainly cert is live.\n\n"
            "2) Whatever suits you.",
            3,
        ),
    )
    deletes = [(c.name, c.when) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [("_a6f419e80345840b1e3519304b37a489.www.dwp.gov.uk.", "after_issuance")]


def test_current_and_required_labels_are_one_update() -> None:
    ticket = _text(
        "The existing validation record needs changing:\n\n"
        "Record:    _acme-challenge.integration.publishing.service.gov.uk   (CNAME)\n"
        "Current:   9aakzxv5y498hykbw7.fastly-validations.com\n"
        "Required:  jke6g2njfzm72v1ncp.fastly-validations.com\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.integration.publishing.service.gov.uk.",
            "CNAME",
            "jke6g2njfzm72v1ncp.fastly-validations.com.",
            "9aakzxv5y498hykbw7.fastly-validations.com.",
        )
    ]


def test_a_row_noted_as_an_update_with_a_blank_current_cell_is_not_an_add() -> None:
    ticket = _text(
        "| Record | Type | Current | Required | Notes |\n"
        "| _acme-challenge.gov.uk | CNAME |  | oqp90zkzhnqkfm0s9h.fastly-validations.com "
        "| Update to the new target |\n"
    )
    assert [c[0] for c in changes(ticket)] == ["update"]
    assert "ambiguous_request" in codes(ticket)  # no current value: a person looks it up


def test_a_zone_said_in_prose_and_a_delete_over_two_lines_ending_at_its_type() -> None:
    ticket = _text(
        "Zone is publishing.service.gov.uk, need this one in:\n\n"
        "_acme-challenge.assets   CNAME   t8zy7bydrsjdnp2taq.fastly-validations.com\n\n"
        "also we're dropping the draft-assets SAN, so once the new one's\n"
        "issued you can bin the _acme-challenge.draft-assets CNAME. not before pls\n"
    )
    got = [(c.action, c.name, c.when) for c in read(ticket).changes]
    assert got == [
        ("add", "_acme-challenge.assets.publishing.service.gov.uk.", "now"),
        ("delete", "_acme-challenge.draft-assets.publishing.service.gov.uk.", "after_issuance"),
    ]


def test_a_removal_still_to_come_does_not_drop_the_record_above() -> None:
    ticket = _text(
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.design-system.service.gov.uk.\n\n"
        "with the following value:\n\n"
        "NtEaxUSEez59jAVEXUcTD5JfKlI0rW2HYyRI0RInXNs\n\n"
        "I've left that session sitting at the prompt so the values stay valid.\n\n"
        "We'll let you know when the records can come out again, no need to do anything about "
        "that now.\n"
    )
    assert [c[3] for c in changes(ticket)] == ["NtEaxUSEez59jAVEXUcTD5JfKlI0rW2HYyRI0RInXNs"]


def test_yes_to_our_bin_it_question_deletes_the_record_it_showed_when_the_answer_says() -> None:
    value = "globalsign-domain-verification=2PKsbOqq3jaAl1GvXzsqyWKrjgr8Of-_sUEPFmfgYW8"
    ticket = conversation(
        vendor(
            "Please create _acme-challenge.account.gov.uk CNAME "
            "omjjnngm25y973z3qh.fastly-validations.com",
            1,
        ),
        us(
            f"3. We've still got {value}\n"
            "   as a TXT on account.gov.uk from the 2023 GlobalSign order. Bin it?\n",
            2,
        ),
        vendor(
            "Yes, but please wait until the Let's Encrypt certificate shows as\n"
            "issued for both hosts. After that it can go.",
            3,
        ),
    )
    deletes = [(c.name, c.value, c.when) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [("account.gov.uk.", value, "after_issuance")]


def test_hosts_taken_off_the_subscription_withdraw_their_records() -> None:
    ticket = conversation(
        vendor(
            "Could you please add the following?\n\n"
            "| Name | Type | Value |\n"
            "| _acme-challenge.docs.publishing.service.gov.uk | CNAME | "
            "f01dqyo0m7rn1v0v3a.fastly-validations.com |\n"
            "| _acme-challenge.registers.service.gov.uk | CNAME | "
            "yt9vwczvbljwufx4l3.fastly-validations.com |\n"
            "| _acme-challenge.www.registers.service.gov.uk | CNAME | "
            "vvvmgfdvoyq1frv187.fastly-validations.com |\n",
            1,
        ),
        us("Do you really need the challenge records for the two registers names?", 2),
        vendor(
            "Neither, as it turns out. I've now taken registers.service.gov.uk and "
            "www.registers.service.gov.uk off the subscription, so please don't create the "
            "records for them.",
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["_acme-challenge.docs.publishing.service.gov.uk."]
    assert "retracted" in codes(ticket)


def test_a_removal_naming_a_txt_never_takes_a_caa_of_the_same_ca() -> None:
    ticket = _text(
        "2. CAA - we can see a CAA record set on the parent name that only authorises "
        "GlobalSign at present:\n"
        'trade-tariff.service.gov.uk. 3600 IN CAA 0 issue "globalsign.com"\n'
        "With that in place Certainly would be refused, so please add an additional entry to "
        "the same record set authorising Certainly:\n"
        'trade-tariff.service.gov.uk. IN CAA 0 issue "certainly.com"\n'
        "Please leave the existing globalsign.com entry where it is for now. The old "
        "certificate is still live until the switch-over and we'll come back to you "
        "separately about tidying up CAA.\n"
        "After the new certificate is issued (we'll update this ticket when it is) the "
        "GlobalSign domain verification TXT on trade-tariff.service.gov.uk is no longer needed "
        "and can be removed:\n"
        'trade-tariff.service.gov.uk. TXT "globalsign-domain-verification=Fnw2a3GpOI9TrxdVQ4YfN"\n'
        "Please don't remove it before then, in case we need to fall back to GlobalSign.\n"
    )
    deletes = [(c.type, c.when) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [("TXT", "after_issuance")]


def test_a_correction_of_a_txt_value_replaces_it_though_the_reply_says_alongside() -> None:
    ticket = conversation(
        vendor(
            "Please add the following TXT record at the zone apex:\n\n"
            "Host: service.gov.uk (@)\nType: TXT\n"
            "Value: globalsign-domain-verification=SxMcQQgi1EWm4TQZR1I2jIr05lOkbA\n",
            1,
        ),
        us("Does it go alongside the two TXT records already at the apex?", 2),
        vendor(
            "Yes, separate record alongside the existing ones, please don't change those.\n\n"
            "And apologies, I need to correct my first message: the verification value I gave "
            "you belongs to an order we cancelled last week. The correct record is:\n\n"
            'service.gov.uk.  TXT  "globalsign-domain-verification=isS2fWDDUiWL1gupAHmm6kGHkE6jXQ"'
            "\n\nPlease use this value and not the one above.\n",
            3,
        ),
    )
    assert [c[3] for c in changes(ticket)] == [
        "globalsign-domain-verification=isS2fWDDUiWL1gupAHmm6kGHkE6jXQ"
    ]
    assert "superseded" in codes(ticket)


def test_point_the_cname_at_x_instead_corrects_the_target_sent_before() -> None:
    ticket = conversation(
        vendor(
            "Record name: _acme-challenge.design-system.service.gov.uk\nRecord type: CNAME\n"
            "Answer: xex7mvgjf7hwd4wf.fastly-validations.com\n",
            1,
        ),
        us("There's already a TXT at that name. Is that one yours?", 2),
        vendor(
            "It's a leftover, so it can go.\n\nOne other thing, and sorry about this: I rebuilt "
            "the subscription. That produced a fresh challenge, which means the answer I gave "
            "you yesterday is dead. Please point the CNAME at "
            "22gwh3py3v9pyfcc.fastly-validations.com instead.\n",
            3,
        ),
        us(
            "Done.\n\n$ dig +short CNAME _acme-challenge.design-system.service.gov.uk\n"
            "22gwh3py3v9pyfcc.fastly-validations.com.\n",
            4,
        ),
    )
    assert [(c[0], c[3]) for c in changes(ticket) if c[2] == "CNAME"] == [
        ("add", "22gwh3py3v9pyfcc.fastly-validations.com.")
    ]


def test_that_entry_kept_for_now_is_the_one_removed_after_issuance() -> None:
    ticket = _text(
        "Right now the set is just the one entry:\n"
        'publishing.service.gov.uk.   3600  IN  CAA  0 issue "letsencrypt.org"\n'
        "…which means Certainly would be refused. Could your DNS team add a second entry to "
        "that set:\n"
        'publishing.service.gov.uk.   IN  CAA  0 issue "certainly.com"\n'
        "Please leave the letsencrypt.org entry where it is for now. If the switch runs into "
        "trouble we want to be able to fall straight back to a Let's Encrypt certificate "
        "without another DNS change. Once the Certainly certificate has been issued and is "
        "serving, that entry has done its job and you're welcome to take it out.\n"
    )
    deletes = [(c.value, c.when) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [('0 issue "letsencrypt.org"', "after_issuance")]


def test_leave_them_until_certbot_says_congratulations_then_bin_both_waits() -> None:
    ticket = _text(
        "Housekeeping while you're there: the two values from the March run are still "
        "published at the same name.\n\n"
        '_acme-challenge.forms.service.gov.uk. 300 IN TXT "Q6JJ4_Ply1XGI8uV373gocPt0H6FNq2v5nMry'
        'HgJZ9Q"\n'
        '_acme-challenge.forms.service.gov.uk. 300 IN TXT "_bTvregdZCMOnwi_a3YZ_-rOoTQvtDFWF2qg8F'
        '6vrhQ"\n\n'
        "They're harmless but they do pile up. Leave them be until certbot comes back with "
        '"Congratulations"; I\'d rather nobody was deleting at that name while validation is in '
        "flight. After that, bin both.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("delete", "after_issuance"),
        ("delete", "after_issuance"),
    ]


_SECTIGO_FIRST = (
    "Host: _26A47263ED4A3286FF35A9CB3DEFB134.tax.service.gov.uk\nType: CNAME\n"
    "Points to: DDAC8FA7C1139C85196840AC35F502EA.FEEA50AEECDCBBE4A7A1D862312B8A01.sectigo.com\n"
)
_SECTIGO_LAST_YEAR = (
    "We've got something very similar from last year already:\n\n"
    "_9d62ba894f4ba3d020b38a389bdd1c26.tax.service.gov.uk. 3600 IN CNAME "
    "e2232dec02882ad8ddfbaf86fca92157.8348b689324ece816b1632486e453dc6.sectigo.com.\n\n"
    "Should that stay, or is it finished with?\n"
)


def test_fine_to_retire_it_answers_our_question_about_the_record_we_showed() -> None:
    ticket = conversation(
        vendor(_SECTIGO_FIRST, 1),
        us(_SECTIGO_LAST_YEAR, 2),
        vendor(
            "That's the record from last year's order, so Sectigo won't look at it again. "
            "You're fine to retire it, but I'd hold off until the new certificate has been "
            "issued so nothing changes mid-validation.",
            3,
        ),
    )
    deletes = [(c.name, c.when) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [("_9d62ba894f4ba3d020b38a389bdd1c26.tax.service.gov.uk.", "after_issuance")]


def test_the_record_i_gave_you_will_never_validate_withdraws_it_and_last_years_stands() -> None:
    ticket = conversation(
        vendor(_SECTIGO_FIRST, 1),
        us(_SECTIGO_LAST_YEAR, 2),
        vendor(
            "Apologies, a correction. We've had to cancel and resubmit with a new CSR. The CNAME "
            "host and target are hashes of the CSR, which means the record I gave you on Monday "
            "will never validate. Please don't publish it.\n\n"
            "The record for the resubmitted order is:\n\n"
            "Host: _DB863A240BCF031FDA609747C1DB9047.tax.service.gov.uk\nType: CNAME\n"
            "Points to: BFDF32C4A75A2F9AE084F795DCAE457D.D75C54DAB0CF74A9686C2AEFD4E192D9"
            ".sectigo.com\n\n"
            "What I said about last year's record still stands: retire it once we're issued.\n",
            3,
        ),
    )
    assert [(c[0], c[1]) for c in changes(ticket)] == [
        ("add", "_db863a240bcf031fda609747c1db9047.tax.service.gov.uk.")
    ]
    assert "retracted" in codes(ticket)


def test_old_verification_rec_with_an_aside_can_go_leads_in_to_a_delete() -> None:
    ticket = _text(
        "Add:\n_acme-challenge.assets.publishing.service.gov.uk  CNAME  "
        "ky3d41lyi4ux8qatnrg8.fastly-validations.com\n\n"
        "When new cert is live, old GS verification rec (only used for this cert) can go:\n"
        'publishing.service.gov.uk  TXT  "globalsign-domain-verification=w44Wthiuz8PtuNUSEBvtIZ"\n'
    )
    assert [(c.action, c.type, c.when) for c in read(ticket).changes] == [
        ("add", "CNAME", "now"),
        ("delete", "TXT", "after_issuance"),
    ]


def test_an_answer_naming_the_owner_we_showed_and_saying_it_can_go_deletes_that_record() -> None:
    ticket = conversation(
        vendor(
            "Record name:  _acme-challenge.account.gov.uk\nType:         CNAME\n"
            "Target:       cyideepbn90wvs.fastly-validations.com\n",
            1,
        ),
        us(
            "At the moment account.gov.uk has these two from previous suppliers:\n\n"
            '_dnsauth.account.gov.uk.   300  IN TXT "mm808m5w63ewwjekq8lrau4m6342mysb"\n'
            'account.gov.uk.            300  IN TXT "globalsign-domain-verification=cYc8Rq5JwY"\n'
            "\nCan both be removed?\n",
            2,
        ),
        vendor(
            "_dnsauth.account.gov.uk: yes, that's the DigiCert token from the old order and it "
            "can go, but only once the new Certainly certificate has been issued.\n\n"
            "The globalsign-domain-verification TXT on account.gov.uk: no, please keep it.",
            3,
        ),
    )
    deletes = [(c.name, c.when) for c in read(ticket).changes if c.action == "delete"]
    assert deletes == [("_dnsauth.account.gov.uk.", "after_issuance")]


def test_a_refusal_does_not_reach_the_record_a_later_paragraph_leads_in_to() -> None:
    ticket = _text(
        "Please DON'T add the _acme-challenge.gov.uk CNAME Dev sent yesterday; nothing will ever "
        "look at it.\n\n"
        "What the GlobalSign certificate does need is a fresh domain verification on the apex. "
        "That's a TXT record on gov.uk itself:\n\n"
        'Host: gov.uk (the apex, "@")\nType: TXT\n'
        "Value: globalsign-domain-verification=JqUX8Q97oVw3BZ3SAW9YMiZK6Mt5Zvl_3VD1X0UaWrc\n"
    )
    assert [(c[0], c[2]) for c in changes(ticket)] == [("add", "TXT")]


def test_approving_our_quoted_records_by_their_place_is_said_when_not_all_are_read() -> None:
    ticket = _text(
        "Going through your four lines in order:\n\n"
        "First and second (issue letsencrypt.org, issue certainly.com): yes, both correct.\n\n"
        "Third (issuewild certainly.com): not that one. The issuewild line needs to name "
        "globalsign.com instead:\n\n"
        'service.gov.uk.  CAA  0 issuewild "globalsign.com"\n\n'
        "Fourth (iodef): fine by us, go ahead.\n\n"
        "From: Nadia Haddad <nadia.haddad@digital.cabinet-office.gov.uk>\n"
        "Sent: Thursday, May 15, 2025 10:12 AM\nTo: Fastly Support <support@fastly.com>\n"
        "Subject: CAA records for service.gov.uk - sanity check please\n\n"
        "Before we publish, can you confirm this set?\n\n"
        'service.gov.uk.   CAA  0 issue "letsencrypt.org"\n'
        'service.gov.uk.   CAA  0 issue "certainly.com"\n'
        'service.gov.uk.   CAA  0 issuewild "certainly.com"\n'
    )
    reading = read(ticket)
    assert any(f.code == "unread_value" and "approves" in f.message for f in reading.flags)


def test_new_value_instead_of_its_current_target_is_an_update_the_right_way_round() -> None:
    ticket = _text(
        "Please change the CNAME record _acme-challenge.trade-tariff.service.gov.uk so that it "
        "points at 70z2n0h8kyex3tjt0n56.fastly-validations.com instead of its current target "
        "ajw41a3ace7fhd8i4agz.fastly-validations.com (the current one is from the old "
        "subscription and can simply be overwritten).\n"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.trade-tariff.service.gov.uk.",
            "CNAME",
            "70z2n0h8kyex3tjt0n56.fastly-validations.com.",
            "ajw41a3ace7fhd8i4agz.fastly-validations.com.",
        )
    ]


def test_a_label_block_whose_status_says_the_record_is_in_place_is_observed() -> None:
    ticket = _text(
        "Here's where things stand:\n\n"
        "Hostname:      publishing.service.gov.uk\n"
        "Status:        ACTION NEEDED – validation record missing\n"
        "Record name:   _acme-challenge.publishing.service.gov.uk\n"
        "Record type:   CNAME\n"
        "Record value:  9x0eeq5e8fzfqs1g6rir.fastly-validations.com\n\n"
        "Hostname:      assets.publishing.service.gov.uk\n"
        "Status:        OK – record already in place, nothing to do\n"
        "Record name:   _acme-challenge.assets.publishing.service.gov.uk\n"
        "Record type:   CNAME\n"
        "Record value:  zkrwhu5oo7lcagxeob5h.fastly-validations.com\n"
    )
    reading = read(ticket)
    assert [c.name for c in reading.changes] == ["_acme-challenge.publishing.service.gov.uk."]
    assert [o.name for o in reading.observed] == [
        "_acme-challenge.assets.publishing.service.gov.uk."
    ]


def test_remove_it_only_after_issuance_in_a_later_reply_holds_the_earlier_delete() -> None:
    ticket = conversation(
        vendor(
            "1) Add: _acme-challenge.gov.uk CNAME fqgelnbugd2lka.fastly-validations.com\n"
            "2) Remove the old GlobalSign verification TXT on gov.uk, it is not used anymore:\n"
            "   globalsign-domain-verification=JlHFHSC2M3VZ7-wnfee6dFz30DnIkN8ktN_dxTh-\n",
            1,
        ),
        us("Before I pull the GlobalSign TXT: isn't the GlobalSign cert still served?", 2),
        vendor(
            "Good question and you are right. So please keep the TXT record for the moment. "
            "Remove it only after the Certainly certificate is issued and live, not before.",
            3,
        ),
    )
    deletes = [c.when for c in read(ticket).changes if c.action == "delete"]
    assert deletes == ["after_issuance"]


def test_a_later_reply_asking_to_delete_the_owner_it_dropped_deletes_the_published_record() -> None:
    record = (
        "_acme-challenge.api.trade-tariff.service.gov.uk. 300 IN CNAME "
        "vawl4vo2xcgtdf.fastly-validations.com.\n"
    )
    ticket = conversation(
        vendor(
            "It needs its own record:\n\n| Name | Type | Value |\n|---|---|---|\n"
            "| _acme-challenge.api.trade-tariff.service.gov.uk | CNAME | "
            "vawl4vo2xcgtdf.fastly-validations.com |\n",
            1,
        ),
        us(f"All three are in:\n\n{record}", 2),
        vendor(
            "I've taken api.trade-tariff.service.gov.uk off the subscription, so it won't be on "
            "the renewed certificate. As its challenge record has already been published, could "
            "GOV.UK please delete _acme-challenge.api.trade-tariff.service.gov.uk again?",
            3,
        ),
    )
    reading = read(ticket)
    assert [(c.action, c.name, c.value) for c in reading.changes] == [
        (
            "delete",
            "_acme-challenge.api.trade-tariff.service.gov.uk.",
            "vawl4vo2xcgtdf.fastly-validations.com.",
        )
    ]
    assert [o.name for o in reading.observed] == [
        "_acme-challenge.api.trade-tariff.service.gov.uk."
    ]


def test_scrap_the_issuer_line_whats_needed_is_replaces_the_caa_asked_before() -> None:
    ticket = conversation(
        vendor(
            'To unblock it, please add:\n\n    gov.uk.    IN    CAA    0 issue "globalsign.com"\n',
            1,
        ),
        us("Which CA actually needs to be in there?", 2),
        vendor(
            "You're quite right, my apologies. The failing subscription was created with "
            "Certainly. Scrap the globalsign.com line; what's needed is:\n\n"
            '    gov.uk.    IN    CAA    0 issue "certainly.com"\n',
            3,
        ),
    )
    assert [(c[0], c[3]) for c in changes(ticket)] == [("add", '0 issue "certainly.com"')]


def test_leave_the_owner_pointing_at_the_other_provider_withdraws_its_update() -> None:
    ticket = conversation(
        vendor(
            "Please update _acme-challenge.publishing.service.gov.uk from the "
            "45c76330-4350-489e-bcc4-8cdb1fe97f5e.7.authorize.certificatemanager.goog. target to "
            "th2daduvs47qfa.fastly-validations.com.",
            1,
        ),
        vendor(
            "Please disregard the suggestion to overwrite the Google record. The only record you "
            "need is:\n\n_d472xjti7iejvezi._acme-challenge.publishing.service.gov.uk.  CNAME  "
            "w7ly72qnbznuah.fastly-validations.com.\n\n"
            "Leave _acme-challenge.publishing.service.gov.uk pointing at Google, and there's "
            "nothing to remove.",
            2,
        ),
    )
    assert [c[1] for c in changes(ticket)] == [
        "_d472xjti7iejvezi._acme-challenge.publishing.service.gov.uk."
    ]


def test_a_delete_read_from_a_bin_it_question_quoted_as_the_vendors_words_is_flagged() -> None:
    ticket = _text(
        "Thanks, forwarding this on.\n\n"
        "> 3. We've still got globalsign-domain-verification=2PKsbOqq3jaAl1GvXzsqyWKrjgr8Of\n"
        ">    as a TXT on account.gov.uk from the 2023 GlobalSign order. Bin it?\n"
        ">\n"
        "> Yes, but please wait until the Let's Encrypt certificate shows as\n"
        "> issued for both hosts.\n"
    )
    reading = read(ticket)
    deletes = [c for c in reading.changes if c.action == "delete"]
    assert not deletes or any("question" in f.message for f in reading.flags)


# Records we proposed, approved or turned down by their place (bot/reading/approvals.py)

_OUR_FOUR = (
    "Reading the subscription page, this is what I think we should do. Yes/no against each?\n\n"
    "1. ADD _acme-challenge.publishing.service.gov.uk CNAME zvxoclqget.fastly-validations.com\n"
    "2. ADD _acme-challenge.assets.publishing.service.gov.uk CNAME kxm4pb1fs2.fastly-validations.com\n"
    "3. REMOVE the TXT at _acme-challenge.publishing.service.gov.uk, value "
    "MzHCQgdO-ijeJrkEYLutY-2R0mu0B026B8O5fiJOiak (left behind by an old certbot job)\n"
    "4. REMOVE _acme-challenge.www.publishing.service.gov.uk, which at the moment points to "
    "7qj9ult2c5.fastly-validations.com\n"
)


def test_go_ahead_with_one_and_three_reads_those_of_our_items_as_the_vendors_requests() -> None:
    ticket = conversation(
        us(_OUR_FOUR, 1),
        vendor(
            "Go ahead with 1 and 3. You're right that the certbot TXT is what's blocking it.\n\n"
            "2 isn't needed: assets validated against a different subscription.\n\n"
            "Please leave 4 exactly as it is.",
            2,
        ),
    )
    assert sorted(changes(ticket)) == [
        (
            "add",
            "_acme-challenge.publishing.service.gov.uk.",
            "CNAME",
            "zvxoclqget.fastly-validations.com.",
            None,
        ),
        (
            "delete",
            "_acme-challenge.publishing.service.gov.uk.",
            "TXT",
            "MzHCQgdO-ijeJrkEYLutY-2R0mu0B026B8O5fiJOiak",
            None,
        ),
    ]
    assert "unread_value" not in codes(ticket)


def test_an_item_left_unanswered_beside_approved_ones_is_flagged() -> None:
    ticket = conversation(us(_OUR_FOUR, 1), vendor("Go ahead with 1 and 3.", 2))
    reading = read(ticket)
    assert len(reading.changes) == 2
    assert any("approves records we proposed" in f.message for f in reading.flags)


def test_first_and_second_yes_third_not_that_one_against_our_quoted_unnumbered_lines() -> None:
    ticket = _text(
        "Going through your four lines in order:\n\n"
        "First and second (issue letsencrypt.org, issue certainly.com): yes, both correct.\n\n"
        "Third (issuewild certainly.com): not that one. The issuewild line needs to name "
        "globalsign.com instead:\n\n"
        'service.gov.uk.  CAA  0 issuewild "globalsign.com"\n\n'
        "Fourth (iodef): fine by us, go ahead.\n\n"
        "Declan\n\n"
        "From: Nadia Haddad <nadia.haddad@digital.cabinet-office.gov.uk>\n"
        "Sent: Thursday, May 15, 2025 10:12 AM\n"
        "Subject: CAA records for service.gov.uk\n\n"
        "Before we publish, can you confirm this set won't get in the way?\n\n"
        'service.gov.uk.   CAA  0 issue "letsencrypt.org"\n'
        'service.gov.uk.   CAA  0 issue "certainly.com"\n'
        'service.gov.uk.   CAA  0 issuewild "certainly.com"\n'
        'service.gov.uk.   CAA  0 iodef "mailto:govuk-certificates@digital.cabinet-office.gov.uk"\n'
    )
    assert sorted(c[3] for c in changes(ticket)) == [
        '0 iodef "mailto:govuk-certificates@digital.cabinet-office.gov.uk"',
        '0 issue "certainly.com"',
        '0 issue "letsencrypt.org"',
        '0 issuewild "globalsign.com"',
    ]


def test_a_range_approved_after_a_clean_up_lead_in_deletes_those_records_at_the_time_said() -> None:
    ours = (
        "For the clean-up I went through the zone files and found four underscore records that "
        "look like DCV leftovers. Are these the ones you mean?\n\n"
        "1. _1fe565ccf1dbdc8ee26599dee06a3c2a.www.gov.uk.  CNAME  dcv.digicert.com.\n"
        "2. _aac559e34d31380e8d7a0dee63223229.gov.uk.  CNAME  dcv.digicert.com.\n"
        "3. _540c6e77684ed5a968046992e5a7694d.draft-origin.publishing.service.gov.uk.  CNAME  "
        "_98143e409258af9157af5512307f1bf6.tmyk87r.acm-validations.aws.\n"
    )
    ticket = conversation(
        us(ours, 1),
        vendor(
            "1-2: yes, those are the old DigiCert DCV records. Please don't remove them until the "
            "new certificate is issued though.\n\n3: no, not that one - leave it.",
            2,
        ),
    )
    reading = read(ticket)
    assert sorted((c.action, c.name, c.when) for c in reading.changes) == [
        ("delete", "_1fe565ccf1dbdc8ee26599dee06a3c2a.www.gov.uk.", "after_issuance"),
        ("delete", "_aac559e34d31380e8d7a0dee63223229.gov.uk.", "after_issuance"),
    ]


def test_all_but_the_last_approves_the_items_before_it() -> None:
    ours = (
        "Here's what I'm about to push - shout if any of it is wrong:\n"
        '1. ADD TXT _dnsauth.account.gov.uk "jqsibkrjzrems67wie2ndievxnotbyhi"\n'
        '2. DELETE TXT _dnsauth.home.account.gov.uk "zia8aleifiomu0gtkoivotlpxce3m2wy"\n'
        '3. DELETE TXT _dnsauth.oidc.account.gov.uk "mfb9ymd9lekmx0xslcodyx71qnmkbhzo"\n'
    )
    ticket = conversation(us(ours, 1), vendor("Hi Priya,\nAll but the last, please.", 2))
    assert sorted((c[0], c[1]) for c in changes(ticket)) == [
        ("add", "_dnsauth.account.gov.uk."),
        ("delete", "_dnsauth.home.account.gov.uk."),
    ]


def test_numbered_questions_over_a_dig_paste_are_no_proposals() -> None:
    ours = (
        "1) Does this need an issuewild as well as issue?\n"
        "2) Do we replace the current CAA records or add to them? This is what's there now:\n\n"
        'publishing.service.gov.uk. 3600 IN CAA 0 issue "globalsign.com"\n'
    )
    ticket = conversation(
        us(ours, 1),
        vendor(
            "1) Yes.\n2) Add to them.\n\nSo the record to add is:\n\n"
            'publishing.service.gov.uk.  CAA  0 issue "certainly.com"\n',
            2,
        ),
    )
    assert [c[3] for c in changes(ticket)] == ['0 issue "certainly.com"']


# Published records, described


def test_these_should_stay_as_they_are_leads_in_to_published_records() -> None:
    ticket = _text(
        'Please add dwp.gov.uk CAA 0 issue "digicert.com".\n\n'
        "The CAA line is needed because the check failed. For completeness this is what we see "
        "today, and these should stay as they are:\n\n"
        'dwp.gov.uk.      3600 IN CAA 0 issue "globalsign.com"\n'
        'dwp.gov.uk.      3600 IN CAA 0 issue "letsencrypt.org"\n'
    )
    assert [c[3] for c in changes(ticket)] == ['0 issue "digicert.com"']


def test_this_is_what_we_get_back_today_leads_in_to_published_records() -> None:
    ticket = _text(
        "We looked at the CAA set on the apex. This is what we get back today:\n\n"
        'gov.uk.  3600  IN  CAA  0 issue "globalsign.com"\n'
        'gov.uk.  3600  IN  CAA  0 issue "digicert.com"\n\n'
        "Certainly isn't authorised. Please add:\n\n"
        '       gov.uk.  CAA  0 issue "certainly.com"\n'
    )
    assert [c[3] for c in changes(ticket)] == ['0 issue "certainly.com"']


def test_an_authorisation_already_valid_asks_nothing_for_its_host() -> None:
    ticket = _text(
        "Please only use the managed-dns challenges below. The authorization for "
        'assets.publishing.service.gov.uk is already "valid" - it was picked up from the '
        "existing record, so nothing is needed for it.\n\n"
        '"record_name": "_acme-challenge.draft-origin.publishing.service.gov.uk",\n'
        '"values": ["rrclav8aofhaqucnr0q2.fastly-validations.com"]\n\n'
        '"record_name": "_acme-challenge.assets.publishing.service.gov.uk",\n'
        '"values": ["80687zk22kjrx6rheugo.fastly-validations.com"]\n'
    )
    assert [c[1] for c in changes(ticket)] == [
        "_acme-challenge.draft-origin.publishing.service.gov.uk."
    ]


def test_a_terraform_plan_of_ours_shows_the_old_value_published() -> None:
    plan = (
        "Terraform wants to change it rather than create it:\n\n"
        '  ~ resource "aws_route53_record" "acme_challenge" {\n'
        '        name            = "_acme-challenge.www.gov.uk"\n'
        "      ~ records         = [\n"
        '          - "wj5ntirpy70d3b32yqq9.fastly-validations.com",\n'
        '          + "r06rspz3gre0my71sl1a.fastly-validations.com",\n'
        "        ]\n"
        '        type            = "CNAME"\n'
        "    }\n"
    )
    ticket = conversation(
        vendor(
            "Please create:\n\n_acme-challenge.www.gov.uk. CNAME r06rspz3gre0my71sl1a.fastly-validations.com.",
            1,
        ),
        us(plan, 2),
    )
    assert ("_acme-challenge.www.gov.uk.", "wj5ntirpy70d3b32yqq9.fastly-validations.com.") in [
        (o.name, o.value) for o in read(ticket).observed
    ]


# Deletes


def test_the_second_txt_above_is_deleted_after_issuance_though_said_as_dont_remove_until() -> None:
    ticket = _text(
        "Please add:\n\n"
        '    @    IN    TXT    "globalsign-domain-verification=w4XleEIuMpeMxolOsqRicczofketoh5tzxBfHTjGmts"\n\n'
        "at the publishing.service.gov.uk zone origin. We checked the zone from our side:\n\n"
        "    $ dig publishing.service.gov.uk TXT +noall +answer\n"
        '    publishing.service.gov.uk. 300   IN  TXT  "v=spf1 -all"\n'
        '    publishing.service.gov.uk. 300   IN  TXT  "globalsign-domain-verification=8cev_ElKF2CT_I4ZIz8OAILv42pt340MRH7ajTVasSk"\n\n'
        "The globalsign-domain-verification value from last year's order (the second TXT above) "
        "isn't needed any more, but please don't remove it until the renewed certificate has "
        "been issued.\n"
    )
    deletes = [c for c in read(ticket).changes if c.action == "delete"]
    assert [(c.value, c.when) for c in deletes] == [
        (
            "globalsign-domain-verification=8cev_ElKF2CT_I4ZIz8OAILv42pt340MRH7ajTVasSk",
            "after_issuance",
        )
    ]


def test_last_rounds_token_shown_below_the_asked_one_is_deleted_at_the_asked_txts_name() -> None:
    ticket = _text(
        "(a) add this TXT on hmrc.gov.uk (the apex, i.e. @):\n"
        "    globalsign-domain-verification=4WZi4_N9FBKFF7T-VxRP2XrhxUPFbO7JfQLXHZUQu_\n"
        "(b) the token from the last round is still published there:\n"
        "    globalsign-domain-verification=ebp8YumzVAoYe3eZZT5lviTwca0z37QsfRN_2CvHq9\n"
        "    That one isn't needed any more, so it can be deleted straight away.\n"
    )
    deletes = [c for c in read(ticket).changes if c.action == "delete"]
    assert [(c.name, c.value) for c in deletes] == [
        (
            "hmrc.gov.uk.",
            "globalsign-domain-verification=ebp8YumzVAoYe3eZZT5lviTwca0z37QsfRN_2CvHq9",
        )
    ]


def test_only_remove_it_once_issued_in_a_later_comment_holds_the_earlier_delete() -> None:
    ticket = conversation(
        vendor(
            "(a) add this TXT on hmrc.gov.uk:\n"
            "    globalsign-domain-verification=4WZi4_N9FBKFF7T-VxRP2XrhxUPFbO7JfQLXHZUQu_\n"
            "(b) the token from the last round is still published there:\n"
            "    globalsign-domain-verification=ebp8YumzVAoYe3eZZT5lviTwca0z37QsfRN_2CvHq9\n"
            "    That one isn't needed any more, so it can be deleted straight away.\n",
            1,
        ),
        vendor(
            "Sorry, I need to correct myself on (b). Please do NOT delete it yet: leave it in "
            "place and only remove it once the new certificate has actually been issued.",
            2,
        ),
    )
    assert [c.when for c in read(ticket).changes if c.action == "delete"] == ["after_issuance"]


def test_remove_those_after_records_described_elsewhere_never_deletes_the_record_asked() -> None:
    ticket = _text(
        "Please add:\n\n    _acme-challenge.www.gov.uk.  CNAME  f6s6w6r.fastly-validations.com.\n\n"
        "Separately, your zones still contain the DigiCert DCV CNAMEs (pointing at "
        "dcv.digicert.com) from the old certificate. You'll be able to remove those once the "
        "new certificate has been issued; no rush.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_a_stand_in_value_deletes_by_name_and_type() -> None:
    ticket = _text(
        "Please delete the leftover TXT first:\n\n"
        "_acme-challenge.design-system.service.gov.uk.  TXT  <delete>\n"
    )
    assert changes(ticket) == [
        ("delete", "_acme-challenge.design-system.service.gov.uk.", "TXT", None, None)
    ]


def test_a_framed_zone_comment_heading_says_how_every_line_below_it_is_meant() -> None:
    ticket = _text(
        "In zone file format:\n\n"
        "; ---- add ----\n"
        "_acme-challenge.www.justice.gov.uk.        IN  CNAME  jq4wz7n0yd2ktfe3ca.fastly-validations.com.\n\n"
        "; ---- remove (stale) ----\n"
        "_acme-challenge.beta.justice.gov.uk.       IN  CNAME  bufh7rex3xxvjyok51.fastly-validations.com.\n"
        "_acme-challenge.preview.justice.gov.uk.    IN  CNAME  78b1923gzlnd0oebfl.fastly-validations.com.\n"
    )
    assert sorted((c[0], c[1]) for c in changes(ticket)) == [
        ("add", "_acme-challenge.www.justice.gov.uk."),
        ("delete", "_acme-challenge.beta.justice.gov.uk."),
        ("delete", "_acme-challenge.preview.justice.gov.uk."),
    ]


def test_a_table_column_headed_please_holds_each_rows_action() -> None:
    ticket = _text(
        "| Record name | Type | Value | Please\u2026 |\n"
        "| _4685d277e86c56cac076f031290adafc.trade-tariff.service.gov.uk | CNAME | "
        "_fdc612bc6998cc77c548ae187bd232cf.rycb4u72rk.acm-validations.aws. | delete |\n"
        "| _a86e7c36d24f91d347053c7702e51f93.api.trade-tariff.service.gov.uk | CNAME | "
        "_e4630c46914343fbc41b03b037a6449c.3c5qb2cbzg.acm-validations.aws. | leave! |\n"
    )
    assert [(c[0], c[1]) for c in changes(ticket)] == [
        ("delete", "_4685d277e86c56cac076f031290adafc.trade-tariff.service.gov.uk.")
    ]


def test_tidy_away_the_old_token_is_a_delete() -> None:
    assert action_cue("Once the cert is out you can tidy away the old token.") == "delete"


# Requests and timing


def test_it_has_to_be_a_cname_that_resolves_to_is_a_request() -> None:
    ticket = _text(
        "For account.gov.uk, the challenge name is _acme-challenge.account.gov.uk and it has to "
        "be a CNAME that resolves to qi08l6zym27p.fastly-validations.com.\n"
    )
    assert [c[0] for c in changes(ticket)] == ["add"]


def test_when_ive_got_the_cert_you_can_delete_both_waits_for_issuance() -> None:
    ticket = _text(
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.staging.forms.service.gov.uk.\n\nwith the following value:\n\n"
        "zPgWXTpSS96nQTEalRy_S68LtatOe8MfsZulhBd8C94\n\n"
        "When I've got the cert and it's uploaded to Fastly I'll drop you a line, and at that "
        "point you can delete that TXT record again.\n"
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_a_verbless_lead_in_that_waits_for_issuance_puts_the_record_after_issuance() -> None:
    ticket = _text(
        "When the subscription shows the certificate as issued you can send traffic for the "
        "new host to Fastly with:\n\n"
        "admin.forms.service.gov.uk. CNAME n.sni.global.fastly.net.\n"
    )
    assert [c.when for c in read(ticket).changes] == ["after_issuance"]


def test_a_txt_value_never_takes_its_name_from_the_next_lines_please_sentence() -> None:
    ticket = _text(
        "These can be taken out of your zones:\n"
        "_acme-challenge.licensing.service.gov.uk - CNAME to u1gzfxbgbs44do5dgcasjg.fastly-validations.com\n"
        "the matching _acme-challenge CNAME for www.licensing.service.gov.uk (I don't have the "
        "target to hand for that one, it was set up on a different subscription)\n"
        "the GlobalSign verification TXT at the apex of businesslink.gov.uk: "
        "globalsign-domain-verification=3MMREXgLFJHG7pAgMNcG_hhCVhjbuUmVqJXlKDSkRcE\n"
        "Please don't touch _acme-challenge.www.gov.uk - that keeps the main certificate renewing.\n"
    )
    reading = read(ticket)
    txt = [c for c in reading.changes if c.type == "TXT"]
    assert all(c.name == "businesslink.gov.uk." for c in txt)
    assert not any("_acme-challenge.www.gov.uk. TXT" in f.message for f in reading.flags)
    if not txt:
        assert "unread_value" in [f.code for f in reading.flags]


# Nets


def test_a_record_named_by_its_label_and_host_with_no_record_read_is_flagged() -> None:
    ticket = _text(
        "The following records can be taken out of your zones:\n"
        "_acme-challenge.licensing.service.gov.uk - CNAME to u1gzfxbgbs44do5dgcasjg.fastly-validations.com\n"
        "the matching _acme-challenge CNAME for www.licensing.service.gov.uk (I don't have the "
        "target to hand for that one)\n"
    )
    reading = read(ticket)
    if "_acme-challenge.www.licensing.service.gov.uk." not in [c.name for c in reading.changes]:
        assert any("_acme-challenge.www.licensing" in f.message for f in reading.flags)


def test_unread_caa_data_is_flagged_though_a_sectigo_cname_ends_in_its_issuer() -> None:
    ticket = _text(
        "Please add:\n\n_D03A48FAFF9B96AD865E6E2932D5BF50.find-a-jobcentre.dwp.gov.uk. CNAME "
        "DA51DD7BF15ADF092DC48439FAC45E23.F133DF03DC9D41F687F756C4B74B69F4.fsge5wup3v.sectigo.com.\n\n"
        'Could you add 0 issue "sectigo.com" to that set on dwp.gov.uk as well?\n'
    )
    reading = read(ticket)
    if not any(c.type == "CAA" for c in reading.changes):
        assert "unread_value" in [f.code for f in reading.flags]


def test_a_yes_to_both_whose_proposals_were_not_read_is_flagged() -> None:
    ticket = conversation(
        vendor(
            'gov.uk. TXT "globalsign-domain-verification=I0yPffiO5Prfwxxi7rZ3U2ahlABEWcz2kvUn1FxyVQE"\nWe\'d suggest a fairly low TTL.',
            1,
        ),
        us(
            '(a) Would 300 do for "fairly low"?\n(b) Shall I take the old globalsign one out in the same PR?',
            2,
        ),
        vendor("Hi Kwabena - yes to both. 300 is perfect.", 3),
    )
    reading = read(ticket)
    assert any("answers our questions with a yes" in f.message for f in reading.flags)


def test_a_value_the_vendor_calls_wrong_right_after_quoting_it_is_flagged() -> None:
    ticket = _text(
        "One thing to watch: in your note below the first target reads zyeh3msanki0zh19wdnih. "
        "That has lost the 0 between the 1 and the 9, and a record with that value will never "
        "validate.\n\n"
        "> _acme-challenge.account.gov.uk      CNAME   zyeh3msanki0zh19wdnih.fastly-validations.com\n"
    )
    reading = read(ticket)
    if any("zh19w" in (c.value or "") for c in reading.changes):
        assert any("is wrong" in f.message for f in reading.flags)


def test_two_digicert_values_at_one_dnsauth_name_are_ambiguous() -> None:
    ticket = _text(
        "Please create:\n\n"
        "_dnsauth.dwp.gov.uk. TXT w5zkmww8bw4v2t2tmr0ifjv0twy9ljb1\n"
        "_dnsauth.dwp.gov.uk. TXT exil9o4t4b7h87ujjj7958gphlhig5rk\n"
    )
    assert "ambiguous_request" in codes(ticket)


def test_a_single_mail_answering_our_numbered_points_inline_asks_only_what_it_approves() -> None:
    ticket = _text(
        "Answers inline below.\n\n"
        "> 1. ADD   _acme-challenge.tariff.service.gov.uk  CNAME  r5gr36jjog.fastly-validations.com\n\n"
        "Yes.\n\n"
        '> 2. DEL   _acme-challenge.tariff.service.gov.uk  TXT    "bgnhHyjSmwfBm-nS4vhWvgdGdvBFdliL1BXV"\n\n'
        "Yes, and before 1.\n\n"
        '> 3. ADD   tariff.service.gov.uk  CAA  0 issue "certainly.com"\n\n'
        "No, please don't.\n\n"
        "So in short: 1 and 2, nothing else.\n"
    )
    got = changes(ticket)
    assert sorted(got) == [
        (
            "add",
            "_acme-challenge.tariff.service.gov.uk.",
            "CNAME",
            "r5gr36jjog.fastly-validations.com.",
            None,
        ),
        (
            "delete",
            "_acme-challenge.tariff.service.gov.uk.",
            "TXT",
            "bgnhHyjSmwfBm-nS4vhWvgdGdvBFdliL1BXV",
            None,
        ),
    ]


def test_an_export_with_its_new_lines_flagged_adds_only_those() -> None:
    ticket = _text(
        "I've marked my additions with >>> at the start of the line; the rest is there already.\n\n"
        "tax.service.gov.uk.  86400  IN  NS  lara.ns.cloudflare.com.\n"
        'tax.service.gov.uk.  1  IN  CAA  0 issue "letsencrypt.org"\n'
        '>>> tax.service.gov.uk.  1  IN  CAA  0 issue "certainly.com"\n'
        "_acme-challenge.tax.service.gov.uk.  1  IN  CNAME  4862760b.authorize.certificatemanager.goog.\n"
        ">>> _acme-challenge.www.tax.service.gov.uk.  1  IN  CNAME  euh9ey0tks.fastly-validations.com.\n\n"
        "The TTL of 1 is Cloudflare's 'Automatic': your normal default is fine.\n"
    )
    reading = read(ticket)
    assert sorted((c.action, c.name, c.type, c.value, c.ttl) for c in reading.changes) == [
        (
            "add",
            "_acme-challenge.www.tax.service.gov.uk.",
            "CNAME",
            "euh9ey0tks.fastly-validations.com.",
            None,
        ),
        ("add", "tax.service.gov.uk.", "CAA", '0 issue "certainly.com"', None),
    ]
    assert ("tax.service.gov.uk.", "CAA", '0 issue "letsencrypt.org"') in {
        (o.name, o.type, o.value) for o in reading.observed
    }


def test_a_unified_diff_of_the_zone_is_read_as_its_changes() -> None:
    ticket = _text(
        "here's a diff, relative to gov.uk. - the ttl column is only what dig showed.\n\n"
        "--- gov.uk (live)\n+++ gov.uk (needed)\n@@ -1,5 +1,5 @@\n"
        ' @                    300  IN  CAA    0 issue "globalsign.com"\n'
        '+@                    300  IN  CAA    0 issue "certainly.com"\n'
        " www                  300  IN  CNAME  www-gov-uk.map.fastly.net.\n"
        "-_acme-challenge      300  IN  CNAME  jet0fqn0w8.fastly-validations.com.\n"
        "+_acme-challenge      300  IN  CNAME  0kabskpitx.fastly-validations.com.\n"
        "-_acme-challenge.beta 300  IN  CNAME  ah18a2g4a0.fastly-validations.com.\n"
    )
    reading = read(ticket)
    assert sorted(
        (c.action, c.name, c.type, c.value, c.old_value, c.ttl) for c in reading.changes
    ) == [
        ("add", "gov.uk.", "CAA", '0 issue "certainly.com"', None, None),
        (
            "delete",
            "_acme-challenge.beta.gov.uk.",
            "CNAME",
            "ah18a2g4a0.fastly-validations.com.",
            None,
            None,
        ),
        (
            "update",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "0kabskpitx.fastly-validations.com.",
            "jet0fqn0w8.fastly-validations.com.",
            None,
        ),
    ]


def test_a_later_dont_remove_it_yet_withdraws_the_delete_it_names() -> None:
    ticket = conversation(
        vendor(
            "1. Add: _acme-challenge.account.gov.uk CNAME wi8xau6p3k.fastly-validations.com\n"
            "2. Remove: the old GlobalSign TXT on account.gov.uk "
            "(globalsign-domain-verification=TdkbDCFE0eaZw3ChekWCx).",
            1,
        ),
        vendor(
            "One change: please DON'T remove the globalsign-domain-verification TXT on "
            "account.gov.uk yet. Leave it where it is for now. The CNAME is still needed.",
            2,
        ),
    )
    reading = read(ticket)
    assert [(c.action, c.type) for c in reading.changes] == [("add", "CNAME")]
    assert "retracted" in [f.code for f in reading.flags]


def test_a_removal_held_until_issuance_is_no_refusal() -> None:
    ticket = conversation(
        vendor('Please remove gov.uk. TXT "globalsign-domain-verification=LXw5Z9IjK4QVbmH"', 1),
        vendor("Please hold off on removing it. Remove it once the new certificate is issued.", 2),
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_a_ttl_the_vendor_later_says_to_forget_is_not_asked() -> None:
    ticket = conversation(
        vendor(
            "Type: CNAME\nHost: _acme-challenge.design-system.service.gov.uk\n"
            "Points to: 511xzy3a2k.fastly-validations.com\nTTL: 60",
            1,
        ),
        us("Is 60 a hard requirement? The zone has a 300s minimum.", 2),
        vendor("Not at all. Forget the TTL, I shouldn't have put it in.", 3),
    )
    assert [c.ttl for c in read(ticket).changes] == [None]


def test_each_item_titled_above_its_record_keeps_the_lead_ins_verb() -> None:
    ticket = _text(
        "these can both be removed:\n\n"
        "1) the GlobalSign verification TXT on the apex\n"
        '   gov.uk.  TXT  "globalsign-domain-verification=pHIRVkFEAbLlDwFvb1nVPKGDDzmTlRJ"\n\n'
        "2) the DigiCert leftover from the certificate you had before\n"
        '   _dnsauth.assets.publishing.service.gov.uk.  TXT  "6p1ewbo7pgqriy26y4pjz82xxjb0ztet"\n\n'
        "Thanks\n"
    )
    assert sorted((a, n) for a, n, *_ in changes(ticket)) == [
        ("delete", "_dnsauth.assets.publishing.service.gov.uk."),
        ("delete", "gov.uk."),
    ]


def test_nothing_to_add_change_or_remove_asks_nothing_of_the_record_shown() -> None:
    ticket = _text(
        "Normally GlobalSign would re-use the TXT record that is already on the apex:\n\n"
        '    gov.uk.  TXT  "globalsign-domain-verification=Iau99jTx9Ewtp5LAuu1GdVF_TnQ"\n\n'
        "That verification is too old, so GlobalSign has sent an approval email instead.\n\n"
        "There is nothing to add, change or remove in DNS for this renewal.\n"
    )
    reading = read(ticket)
    assert list(reading.changes) == []
    assert [o.type for o in reading.observed] == ["TXT"]


def test_a_delete_naming_no_data_beside_an_add_of_that_type_at_that_name_is_ambiguous() -> None:
    ticket = _text(
        "1. Create the domain validation record:\n\n"
        "   Name:   _acme-challenge.www.hmrc.gov.uk\n   Type:   CNAME\n"
        "   Data:   3owesj2dik.fastly-validations.com\n\n"
        "2. As was done on request #69177, please also remove the old validation record left "
        "over from the previous certificate provider.\n"
    )
    reading = read(ticket)
    if any(c.action == "delete" and c.value is None for c in reading.changes):
        assert "ambiguous_request" in [f.code for f in reading.flags]


def test_a_removal_naming_its_own_owner_is_not_of_the_record_above_it() -> None:
    ticket = conversation(
        vendor(
            "Please add _acme-challenge.tariff.service.gov.uk CNAME 41oe2759zj.fastly-validations.com",
            1,
        ),
        us(
            "Done, see below.\n$ dig +noall +answer _acme-challenge.tariff.service.gov.uk CNAME\n"
            "_acme-challenge.tariff.service.gov.uk. 300 IN CNAME 41oe2759zj.fastly-validations.com.",
            2,
        ),
        vendor(
            "Apologies, wrong hostname. The record has to be under the www label:\n\n"
            "Record name:  _acme-challenge.www.tariff.service.gov.uk\nRecord type:  CNAME\n"
            "Record value: 41oe2759zj.fastly-validations.com\n\n"
            "We do not use the record you created at _acme-challenge.tariff.service.gov.uk, "
            "and it can be removed.",
            3,
        ),
    )
    assert sorted((a, n) for a, n, *_ in changes(ticket)) == [
        ("add", "_acme-challenge.www.tariff.service.gov.uk."),
        ("delete", "_acme-challenge.tariff.service.gov.uk."),
    ]


def test_leave_it_exactly_as_it_is_to_our_dig_withdraws_the_change_asked_there() -> None:
    ticket = conversation(
        vendor(
            "Please point _acme-challenge.www.gov.uk to 2rgv0mrmyq.fastly-validations.com (CNAME).",
            1,
        ),
        us(
            "There's already one there:\n\n"
            "_acme-challenge.www.gov.uk. 3600 IN CNAME pqdc5d0517.fastly-validations.com.\n\n"
            "Are you sure it needs changing?",
            2,
        ),
        vendor(
            "You're right, apologies. pqdc5 is correct, so please leave it exactly as it is.", 3
        ),
    )
    reading = read(ticket)
    assert list(reading.changes) == []
    assert "retracted" in [f.code for f in reading.flags]


def test_a_lead_in_line_whose_earlier_sentence_refused_another_record_asks_for_the_records_below() -> (
    None
):
    ticket = conversation(
        vendor(
            "| _acme-challenge.gov.uk | CNAME | z8rsb0y0gpck96v7vo.fastly-validations.com |\n"
            "| gov.uk | TXT | globalsign-domain-verification=_Bopky6_yekQ_yKKyC3W7bdHEacP4 |",
            1,
        ),
        us("Is the TXT definitely needed if the CNAME is in place?", 2),
        vendor(
            "Good catch: please ignore the TXT record in my previous message. Your subscription "
            "uses the ACME challenge, so the CNAME alone is enough:\n\n"
            "_acme-challenge.gov.uk. CNAME z8rsb0y0gpck96v7vo.fastly-validations.com.",
            3,
        ),
    )
    assert [(a, t) for a, _, t, *_ in changes(ticket)] == [("add", "CNAME")]


def test_an_example_of_what_not_to_do_after_a_refusal_stays_refused() -> None:
    ticket = _text(
        'Please add gov.uk. TXT "globalsign-domain-verification=i6rka3-k0J8vsluNDg17yo3AF"\n\n'
        "- Do not add the token to an existing TXT string. For example, this will not work:\n"
        'gov.uk.  TXT  "v=spf1 -all globalsign-domain-verification=i6rka3-k0J8vsluNDg17yo3AF"\n'
    )
    assert [v for *_, v, _ in changes(ticket)] == [
        "globalsign-domain-verification=i6rka3-k0J8vsluNDg17yo3AF"
    ]


def test_dont_remove_the_record_just_asked_for_keeps_its_add() -> None:
    ticket = conversation(
        vendor(
            "Please create _acme-challenge.assets.publishing.service.gov.uk CNAME 81d7oubljaf2n6.fastly-validations.com",
            1,
        ),
        us(
            "In and resolving:\n$ dig +short _acme-challenge.assets.publishing.service.gov.uk CNAME\n81d7oubljaf2n6.fastly-validations.com.",
            2,
        ),
        vendor(
            "The old DigiCert validation record is no longer needed, and you can go ahead and "
            "remove it now:\n\n"
            "_4e14d5f50cc725555b43244b649a4194.assets.publishing.service.gov.uk. CNAME dcv.digicert.com.\n\n"
            "Please don't remove _acme-challenge.assets.publishing.service.gov.uk (the CNAME to "
            "81d7oubljaf2n6.fastly-validations.com) - that's what lets us renew.",
            3,
        ),
    )
    assert sorted(a for a, *_ in changes(ticket)) == ["add", "delete"]


def test_delete_that_one_naming_another_owner_next_is_not_the_record_above() -> None:
    ticket = _text(
        "Sectigo have issued a fresh DCV record:\n\n"
        "Name:   _038de4c2006e702d2941c8ba510235dd.dwp.gov.uk\nType:   CNAME\n"
        "Value:  afe5b663baa8be58632a8f633983f542.e8107ed5cda5da96e24b406acb7c245e.sectigo.com\n\n"
        "Tuesday's record is live, so could you delete that one too? It's orphaned now: "
        "_eaab499754c96910cbef6f3e0626ffe8.dwp.gov.uk\n"
    )
    reading = read(ticket)
    assert [(c.action, c.name) for c in reading.changes if c.name.startswith("_038")] == [
        ("add", "_038de4c2006e702d2941c8ba510235dd.dwp.gov.uk.")
    ]


def test_a_digicert_hex_token_nothing_read_is_flagged() -> None:
    ticket = _text(
        "3) TXT. Delete _dnsauth.account.gov.uk (value 532e8d3e2b8380ac8a6c631d0f3b0572). It was "
        "DigiCert's validation token.\n"
    )
    reading = read(ticket)
    if not any(c.value == "532e8d3e2b8380ac8a6c631d0f3b0572" for c in reading.changes):
        assert "unread_value" in [f.code for f in reading.flags]


def test_the_old_token_named_without_its_prefix_deletes_the_record_our_dig_showed() -> None:
    ticket = conversation(
        vendor(
            'Please add publishing.service.gov.uk. TXT "globalsign-domain-verification=JJ2ljEiGoPHkxLozo5NBsRg2"',
            1,
        ),
        us(
            '$ dig +short TXT publishing.service.gov.uk\n"v=spf1 -all"\n'
            '"globalsign-domain-verification=x6SH0yKPAI9Vakt9mIEypHxlePtQ"\nReplace or alongside?',
            2,
        ),
        vendor(
            "Alongside, please. Once the new certificate has been issued you can delete the old "
            "x6SH0yKPAI9Vakt9mIEypHxlePtQ TXT. The SPF record stays as it is.",
            3,
        ),
    )
    assert sorted((c.action, c.value, c.when) for c in read(ticket).changes) == [
        ("add", "globalsign-domain-verification=JJ2ljEiGoPHkxLozo5NBsRg2", "now"),
        ("delete", "globalsign-domain-verification=x6SH0yKPAI9Vakt9mIEypHxlePtQ", "after_issuance"),
    ]


def test_a_later_caa_replaces_only_the_ca_it_names() -> None:
    first = vendor(
        'Please add these:\n- service.gov.uk. CAA 0 issue "letsencrypt.org"\n'
        '- service.gov.uk. CAA 0 issue "globalsign.com"\n'
        '- service.gov.uk. CAA 0 iodef "mailto:caa-reports@fastly.com"',
        1,
    )
    later = vendor(
        "- that iodef line comes from an internal template. Please skip it.\n"
        "- the pipeline issues through Certainly now, so swap the letsencrypt.org line for "
        'service.gov.uk. CAA 0 issue "certainly.com"\n'
        "The globalsign.com line is unchanged.",
        2,
    )
    assert sorted(v for *_, v, _ in changes(conversation(first, later))) == [
        '0 issue "certainly.com"',
        '0 issue "globalsign.com"',
    ]


def test_a_later_caa_asked_as_well_goes_beside_the_others() -> None:
    first = vendor('Please add service.gov.uk. CAA 0 issue "letsencrypt.org"', 1)
    later = vendor('Please also add service.gov.uk. CAA 0 issue "certainly.com"', 2)
    assert len(changes(conversation(first, later))) == 2


def test_ignore_the_value_from_my_first_message_withdraws_only_that_value() -> None:
    first = vendor(
        "_acme-challenge.publishing.service.gov.uk.  CNAME  t56n690w4sqocx45vi.fastly-validations.com.\n\n"
        "After the new certificate has been issued you can delete:\n\n"
        'publishing.service.gov.uk.  TXT  "globalsign-domain-verification=CB4XDV7uwYPSmXmi4R-f4Zj"',
        1,
    )
    later = vendor(
        "Please use this one instead:\n\n"
        "_acme-challenge.publishing.service.gov.uk.  CNAME  emd9xqllz0alqbqadu.fastly-validations.com.\n\n"
        "Please ignore the t56n690w4sqocx45vi value from my first message. Everything else in my "
        "first message still applies.",
        2,
    )
    assert sorted((a, t) for a, _, t, *_ in changes(conversation(first, later))) == [
        ("add", "CNAME"),
        ("delete", "TXT"),
    ]


def test_delete_that_upload_is_no_record() -> None:
    ticket = _text(
        "Could you create:\n\n"
        "_acme-challenge.assets.publishing.service.gov.uk  CNAME  8ziqegl4d4d0633x2ghl.fastly-validations.com\n\n"
        "After the managed cert is live we'll detach and delete that upload.\n"
    )
    assert [a for a, *_ in changes(ticket)] == ["add"]


def test_the_old_digicert_one_is_the_dnsauth_record_our_dig_showed() -> None:
    ticket = conversation(
        vendor(
            "Could you create _acme-challenge.assets.publishing.service.gov.uk CNAME 8ziqegl4d4.fastly-validations.com",
            1,
        ),
        us(
            "$ dig +noall +answer TXT _dnsauth.assets.publishing.service.gov.uk\n"
            '_dnsauth.assets.publishing.service.gov.uk. 3600 IN TXT "0u0e96dkku1yiy04qkvzbait5i9e2f45"\n'
            "Do you want the _dnsauth one removed now?",
            2,
        ),
        vendor("1. So the old DigiCert one can go now, no need to wait for anything.", 3),
    )
    assert ("delete", "_dnsauth.assets.publishing.service.gov.uk.") in [
        (a, n) for a, n, *_ in changes(ticket)
    ]


def test_a_record_given_as_the_same_value_as_another_is_read_as_that_record() -> None:
    ticket = _text(
        "Please add these TXT records:\n\n"
        "  -- www.gov.uk --\n  Type   : TXT\n  Host   : www.gov.uk\n"
        "  Value  : globalsign-domain-verification=QGsBdLuPE9iiQCqW2zLXz-V0d4e7b\n"
        "  -- gov.uk --\n  same value as for www, TXT on the bare gov.uk\n"
        "  -- service.gov.uk --\n  ditto, same value as for www, TXT at service.gov.uk itself\n"
    )
    assert sorted(n for _, n, *_ in changes(ticket)) == [
        "gov.uk.",
        "service.gov.uk.",
        "www.gov.uk.",
    ]


def test_a_copy_of_one_of_several_values_is_flagged_not_guessed() -> None:
    ticket = _text(
        "Please add:\n\n"
        'www.gov.uk. TXT "globalsign-domain-verification=QGsBdLuPE9iiQCqW2zLXz-V0d4e7b"\n'
        'assets.publishing.service.gov.uk. TXT "globalsign-domain-verification=Zk3v9Q0pLx7RtY2mN8bC"\n\n'
        "same value as for www, TXT on the bare gov.uk\n"
    )
    reading = read(ticket)
    if "gov.uk." not in [c.name for c in reading.changes]:
        assert "unread_value" in [f.code for f in reading.flags]


def test_ignore_my_previous_message_withdraws_that_message_only() -> None:
    ticket = conversation(
        vendor(
            "Please add _acme-challenge.account.gov.uk CNAME 1x6owfiytdwrag5wxn.fastly-validations.com",
            1,
        ),
        us("Scheduled for tomorrow.", 2),
        vendor(
            "One more step: please also publish _eb68f5002aec306e91e25fee9e390b16.account.gov.uk. "
            "CNAME e6f8593219bb043eaf038b5cf770de9c.b5caf5e77d0e475b66406bdcfa8921d8.sectigo.com.",
            3,
        ),
        vendor(
            "Please ignore my previous message entirely. It was pasted into the wrong ticket. The "
            "only thing we need is still the challenge record from my first message.",
            4,
        ),
    )
    assert [n for _, n, *_ in changes(ticket)] == ["_acme-challenge.account.gov.uk."]


def test_a_notification_whose_times_carry_an_offset_is_split_into_its_comments() -> None:
    text = (
        "##- Please type your reply above this line -##\n\n"
        "Amara Okonkwo (Fastly)\nOct 8, 2025, 17:26 GMT+1\n\n"
        "Please ignore my previous message entirely. It was meant for another customer.\n\n"
        "Amara Okonkwo (Fastly)\nOct 8, 2025, 16:58 GMT+1\n\n"
        "Please also publish _eb68f5002aec306e91e25fee9e390b16.account.gov.uk. CNAME "
        "e6f8593219bb043eaf038b5cf770de9c.b5caf5e77d0e475b66406bdcfa8921d8.sectigo.com.\n\n"
        "Amara Okonkwo (Fastly)\nOct 7, 2025, 15:09 GMT+1\n\n"
        "Please add _acme-challenge.account.gov.uk CNAME 1x6owfiytdwrag5wxn.fastly-validations.com\n\n"
        "This email is a service from Fastly Support. Delivered by Zendesk\n"
    )
    assert [n for _, n, *_ in changes(_text(text))] == ["_acme-challenge.account.gov.uk."]


def test_a_chaser_showing_one_record_in_place_asks_only_for_the_one_still_missing() -> None:
    ticket = conversation(
        vendor(
            "Please set up:\n\nHost: _acme-challenge.hmrc.gov.uk\nPoints to: v3knoz0zkc2q3r6mqb.fastly-validations.com\n"
            "Type: CNAME\n\nHost: _acme-challenge.www.hmrc.gov.uk\n"
            "Points to: c1wq5i2cihlzjw3ppn.fastly-validations.com\nType: CNAME",
            1,
        ),
        vendor(
            "Thank you for getting the www record in - our checker now sees\n\n"
            "    _acme-challenge.www.hmrc.gov.uk.  CNAME  c1wq5i2cihlzjw3ppn.fastly-validations.com.\n\n"
            "The bare domain is still outstanding though. This is the one we still need:\n\n"
            "    _acme-challenge.hmrc.gov.uk.  CNAME  v3knoz0zkc2q3r6mqb.fastly-validations.com.",
            2,
        ),
    )
    assert [n for _, n, *_ in changes(ticket)] == ["_acme-challenge.hmrc.gov.uk."]


def test_do_not_overwrite_it_add_it_beside_turns_the_update_into_an_add() -> None:
    ticket = conversation(
        vendor(
            "GlobalSign needs a fresh domain verification for gov.uk. The TXT record at the zone "
            "apex has to carry the new verification string:\n"
            "Current value:   globalsign-domain-verification=913e36cb63828580f467db3d5bd358fc\n"
            "New value:       globalsign-domain-verification=de05c06e25eefac7c0196c9afe1f1afa\n"
            "Please edit the existing record rather than creating a second one.",
            1,
        ),
        us("If we swap it, do we break the other order?", 2),
        vendor(
            "Revised instruction: leave globalsign-domain-verification=913e36cb... exactly as it "
            "is and do not overwrite it. Instead create the new one as an additional TXT value on "
            "gov.uk, next to it.",
            3,
        ),
    )
    assert [(a, old) for a, *_, old in changes(ticket)] == [("add", None)]


def test_a_removal_at_a_name_of_a_record_no_type_says_is_flagged() -> None:
    ticket = _text(
        "(a) Please add hmrc.gov.uk TXT globalsign-domain-verification=TE9sM98tUvkGyyn9P0XC6\n\n"
        "(b) Please remove last year's DigiCert token from _dnsauth.hmrc.gov.uk. This year's one "
        "needs to stay.\n"
    )
    reading = read(ticket)
    if not any(c.action == "delete" for c in reading.changes):
        assert "unread_value" in [f.code for f in reading.flags]


def test_struck_through_words_are_taken_back_but_a_struck_value_is_kept() -> None:
    from bot.htmltext import html_to_visible_and_hidden

    visible, _ = html_to_visible_and_hidden(
        "<p>2. _acme-challenge.x.gov.uk - <s>remove, left over from the 2022 trial</s> <b>KEEP</b></p>"
        "<p>Old: <s>uj3sweyy7e52g4sj8e.fastly-validations.com</s> New: 309gxgdq.fastly-validations.com</p>"
    )
    assert "remove, left over" not in visible
    assert "uj3sweyy7e52g4sj8e.fastly-validations.com" in visible


def test_each_numbered_item_line_under_line_keeps_its_own_verb_and_time() -> None:
    ticket = _text(
        "Here's my tidy-up list:\n"
        "1. _ee352c33f81e6852123057c35c0277d9.design-system.service.gov.uk - CNAME to "
        "_5dba000934473e93134887ab112b9ef9.qb1zd8fzrf.acm-validations.aws. - the old ACM "
        "validation. Remove now.\n"
        "2. _acme-challenge.design-system.service.gov.uk - currently CNAME to "
        "g8bd44qw5a3h0kjbybso.fastly-validations.com - KEEP. It is the live challenge record.\n"
        "3. _8bd5894f9bf18e569f12615791013d73.frontend.design-system.service.gov.uk - CNAME to "
        "_9e60273970ac8e0fd7fd81f7dea03d2b.uaim3acv6e.acm-validations.aws. - remove once the "
        "Fastly certificate has been issued.\n"
    )
    assert sorted((n[:6], c.action, c.when) for c in read(ticket).changes for n in [c.name]) == [
        ("_8bd58", "delete", "after_issuance"),
        ("_ee352", "delete", "now"),
    ]


def test_take_it_off_a_name_is_a_removal_said_aloud() -> None:
    ticket = conversation(
        vendor(
            "Please add _acme-challenge.docs.publishing.service.gov.uk CNAME pjn6k0xd2o.fastly-validations.com",
            1,
        ),
        us(
            "Done:\n_acme-challenge.publishing.service.gov.uk. 300 IN CNAME pjn6k0xd2o.fastly-validations.com.",
            2,
        ),
        vendor(
            "The record has landed one label too high. Could you please move it?\n"
            "- Put it under the docs hostname, same target as before.\n"
            "- Take it off publishing.service.gov.uk - we don't want a certificate for that name.",
            3,
        ),
    )
    reading = read(ticket)
    if not any(c.action == "delete" and c.name.startswith("_acme") for c in reading.changes):
        assert {"unread_value", "ambiguous_request"} & {f.code for f in reading.flags}


# A record set as a config file holds it (YAML), its values marked by comments


def test_a_yaml_record_set_with_values_marked_new_adds_those_and_shows_the_rest() -> None:
    ticket = _text(
        "Below is the CAA RRset as it needs to END UP. Comments on the right say which values are "
        "already there and which are new. The TTL line is what you have today.\n\n"
        "education.gov.uk.:\n"
        "  CAA:\n"
        "    ttl: 3600          # unchanged\n"
        "    values:\n"
        "      - '0 issue \"letsencrypt.org\"'    # existing\n"
        "      - '0 issue \"certainly.com\"'      # NEW\n"
        "      - '0 issuewild \";\"'              # NEW - forbids wildcards\n"
    )
    reading = read(ticket)
    assert sorted((c.action, c.value, c.ttl) for c in reading.changes) == [
        ("add", '0 issue "certainly.com"', None),
        ("add", '0 issuewild ";"', None),
    ]
    assert ("education.gov.uk.", '0 issue "letsencrypt.org"') in {
        (o.name, o.value) for o in reading.observed
    }


def test_a_yaml_record_set_with_no_value_marked_is_left_to_the_other_readers() -> None:
    from bot.reading import marked

    lines = list(enumerate(["x.gov.uk.:", "  TXT:", "    values:", "      - 'abc'  # why"]))
    assert marked.annotate(lines) == lines


# A TTL disowned stays disowned


def test_a_config_blocks_ttl_field_the_comment_calls_a_placeholder_is_no_ttl() -> None:
    ticket = _text(
        'resource "aws_route53_record" "dcv" {\n'
        '  name    = "_acme-challenge.release.publishing.service.gov.uk"\n'
        '  type    = "CNAME"\n'
        "  ttl     = 3600\n"
        '  records = ["q8rcvv8elk2nr7kq1y.fastly-validations.com"]\n'
        "}\n\n"
        "The ttl is just a placeholder so the block is valid HCL; use whatever you normally use.\n"
    )
    assert [(c.name, c.ttl) for c in read(ticket).changes] == [
        ("_acme-challenge.release.publishing.service.gov.uk.", None)
    ]


def test_a_corrected_copy_of_a_record_keeps_its_disowned_ttl_disowned() -> None:
    block = (
        'resource "aws_route53_record" "dcv" {{\n'
        '  name    = "_acme-challenge.release.publishing.service.gov.uk"\n'
        '  type    = "CNAME"\n'
        "  ttl     = 3600\n"
        '  records = ["{}.fastly-validations.com"]\n'
        "}}\n"
    )
    ticket = conversation(
        vendor(block.format("q8rcvv8elk2nr7kq1y") + "\nThe ttl is just a placeholder.", 1),
        vendor(
            "Sorry, the target changed. Here is the whole block again:\n"
            + block.format("w2m9zt5kq0c7xv3bhd"),
            2,
        ),
    )
    assert [(c.value, c.ttl) for c in read(ticket).changes] == [
        ("w2m9zt5kq0c7xv3bhd.fastly-validations.com.", None)
    ]


def test_going_back_to_your_usual_ttl_later_disowns_no_ttl_asked_for_now() -> None:
    ticket = _text(
        "Create:\n"
        "  Name:  _acme-challenge.www.gov.uk\n"
        "  Type:  CNAME\n"
        "  Value: g420exde9235ahrgkcj4.fastly-validations.com\n"
        "  TTL:   300\n\n"
        "We're asking for a 300 second TTL on this one. It can go back to your usual TTL later.\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


# Prose: "please use X" of a validation target


def test_please_use_a_validation_target_for_a_name_asks_for_that_cname() -> None:
    ticket = _text(
        "- _acme-challenge.www.tax.service.gov.uk: please use 9r8ei2zugojg.fastly-validations.com "
        "rather than the value in the first message.\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.tax.service.gov.uk.",
            "CNAME",
            "9r8ei2zugojg.fastly-validations.com.",
            None,
        )
    ]


def test_please_use_anything_but_a_validation_target_asks_for_nothing() -> None:
    ticket = _text("For _acme-challenge.www.gov.uk please use the DNS console, not the API.\n")
    assert read(ticket).changes == ()


# Tables: rows pushed out of line, group headers, section rows, missing cells


def test_a_space_aligned_row_pushed_out_of_line_by_a_long_name_keeps_its_ttl() -> None:
    ticket = _text(
        "records below:\n\n"
        "HOST                                       TYPE   TARGET                                  TTL\n"
        "_a1b2c3d4e5f60718293a4b5c6d7e8f90.x.service.gov.uk  CNAME  "
        "5a63cf53ed22f03456b0f4b3910836cf.sectigo.com  300\n"
        "_a1b2c3d4e5f60718293a4b5c6d7e8f90.www.x.service.gov.uk CNAME "
        "5a63cf53ed22f03456b0f4b3910836cf.sectigo.com 300\n"
    )
    assert [c.ttl for c in read(ticket).changes] == [300, 300]


def test_an_html_rowspan_beside_a_colspan_header_stands_in_its_own_column() -> None:
    from bot.htmltext import html_to_text

    text = html_to_text(
        "<table><tr><th rowspan=2>Zone</th><th colspan=3>Record</th><th rowspan=2>TTL</th></tr>"
        "<tr><th>Name</th><th>Type</th><th>Data</th></tr></table>"
    )
    assert "| Zone | Name | Type | Data | TTL |" in text


def test_a_group_header_then_the_rows_header_reads_the_rows_by_the_second() -> None:
    ticket = _text(
        "Please publish:\n\n"
        "| Zone | Record | TTL (s) |\n"
        "| Zone | Name | Type | Data | TTL (s) |\n"
        "| gov.uk | _acme-challenge | CNAME | o27g4wb1n584qei6rg.fastly-validations.com | 300 |\n"
    )
    assert [(c.name, c.ttl) for c in read(ticket).changes] == [("_acme-challenge.gov.uk.", 300)]


def test_a_section_row_across_a_table_gives_the_rows_below_it_their_action() -> None:
    ticket = _text(
        "Here's the full set:\n\n"
        "| Zone | Name | Type | Data | TTL (s) |\n"
        "| ADD - now |\n"
        "| gov.uk | _acme-challenge | CNAME | o27g4wb1n584qei6rg.fastly-validations.com | 300 |\n"
        "| REMOVE - only after the new certificate is issued |\n"
        "| gov.uk | @ | TXT | globalsign-domain-verification=XCf2Opbtl4yFKlYOdvXkA8rL73W9 |\n"
    )
    assert sorted((c.action, c.type, c.when) for c in read(ticket).changes) == [
        ("add", "CNAME", "now"),
        ("delete", "TXT", "after_issuance"),
    ]


# Corrections and removals in their own clause


def test_a_typo_corrected_in_a_caa_set_replaces_the_value_sent_before() -> None:
    ticket = conversation(
        vendor(
            'Please add:\n\n| Value | Name | Type |\n| 0 issue "certainly.org" | account.gov.uk | CAA |\n',
            1,
        ),
        vendor(
            "My apologies: I typed the issuer domain wrong. The record should be account.gov.uk. "
            'CAA 0 issue "certainly.com". Keep the existing letsencrypt.org record; the new one '
            "sits alongside it.",
            2,
        ),
    )
    reading = read(ticket)
    assert [c.value for c in reading.changes] == ['0 issue "certainly.com"']
    assert "superseded" in [f.code for f in reading.flags]


def test_once_issued_it_can_go_is_a_removal_after_issuance_however_the_permission_is_worded() -> (
    None
):
    ticket = _text(
        "There's also an old one still hanging about:\n\n"
        "  _2c5819e5228560dd6f0232e78fcb4255.www.justice.gov.uk.  CNAME  "
        "8fbff99ddedc412c00eb09a966974773.145dbfb487564ca482f56f547a03b0f9.comodoca.com.\n\n"
        "Please don't remove it yet. Once the new cert has been issued it can go; feel free to "
        "tidy it up then without waiting for me.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


# Records a CC wrote that the vendor takes up


def _cc(body: str, cid: int, author: str = "Harriet Oyelaran-Banks") -> Comment:
    return Comment(id=cid, role="other", author=author, body=body)


def test_the_vendor_taking_up_a_ccs_records_makes_them_its_request_of_the_types_it_names() -> None:
    ticket = conversation(
        us("Can someone tell us what the subscription is waiting for?", 1),
        _cc(
            "It lists what it wants:\n\n"
            "| Record name | Type | Value |\n"
            "| _acme-challenge.account.gov.uk | CNAME | n7lzwvut6eox9izcq8.fastly-validations.com |\n\n"
            'I\'d also add a CAA of 0 issue "certainly.com" on account.gov.uk to be safe.',
            2,
        ),
        vendor(
            "Yes, please do exactly what Harriet wrote for the CNAME. About the CAA record: "
            "please leave it out.",
            3,
        ),
    )
    reading = read(ticket)
    vendors = [c for c in reading.changes if c.source is not None and c.source.role == "vendor"]
    assert [(c.type, c.value) for c in vendors] == [
        ("CNAME", "n7lzwvut6eox9izcq8.fastly-validations.com.")
    ]
    assert vendors[0].source is not None and vendors[0].source.comment_id == 2
    others = [c for c in reading.changes if c.source is not None and c.source.role == "other"]
    assert [c.type for c in others] == ["CAA"]  # hers alone: shown, never drafted


def test_a_cc_named_but_not_endorsed_keeps_its_records_untrusted() -> None:
    ticket = conversation(
        _cc(
            "| Record name | Type | Value |\n| _acme-challenge.account.gov.uk | CNAME | n7lzwvut6eox9izcq8.fastly-validations.com |",
            1,
        ),
        vendor("Please don't do what Harriet wrote; we will send the right values tomorrow.", 2),
    )
    assert all(c.source is None or c.source.role == "other" for c in read(ticket).changes)


# Text mangled on its way: Safe Links, links to targets, gaps inside names


def test_an_outlook_safe_link_is_read_as_the_link_it_wraps() -> None:
    from bot.text import normalise

    wrapped = (
        "https://eur02.safelinks.protection.outlook.com/?url=http%3A%2F%2Fcvjukund6bwmzmnwpm."
        "fastly-validations.com%2F&data=05%7C02%7Cx%40y.gov.uk%7Cb1d0&sdata=abc%3D&reserved=0"
    )
    assert normalise(f"Target: {wrapped}") == (
        "Target: http://cvjukund6bwmzmnwpm.fastly-validations.com/"
    )


def test_a_safe_link_that_decodes_to_markup_is_left_as_it_was() -> None:
    from bot.text import normalise

    wrapped = "https://eur02.safelinks.protection.outlook.com/?url=%3C%21channel%3E&data=05"
    assert normalise(wrapped) == wrapped


def test_a_table_row_with_a_linked_target_and_a_gap_in_its_name_is_read() -> None:
    ticket = _text(
        "Please create:\n\n"
        "| Record name | Type | Target |\n"
        "| _acme-challenge. gov.uk | CNAME | http://cvjukund6bwmzmnwpm.fastly-validations.com/ |\n"
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "cvjukund6bwmzmnwpm.fastly-validations.com.",
            None,
        )
    ]


def test_a_link_to_a_validation_target_left_unread_is_flagged_but_a_cas_site_is_not() -> None:
    from bot.reading.candidates import candidates

    assert [
        c.text for c in candidates(1, "see http://cvjukund6bwmzmnwpm.fastly-validations.com/")
    ] == ["cvjukund6bwmzmnwpm.fastly-validations.com"]
    assert candidates(1, "More at https://www.digicert.com") == []


def test_a_notification_quoted_whole_keeps_its_comments_written_one_per_table_row() -> None:
    from bot.reading.conversation import parts_of

    body = (
        "Thanks, forwarding this to our DNS team now.\n\n"
        "On Mon, 23 Nov 2026 at 10:00, Fastly Support <support@fastly.com> wrote:\n"
        "> ##- Please type your reply above this line -##\n"
        "> | | | Piotr Z (Fastly) Jun 3, 2025, 09:02 BST Hi, it wants a new value. Piotr | |\n"
        "> Callum Rennie\n"
        "> Jun 2, 2025, 15:26 BST\n"
        "> Done.\n"
        "> Marguerite O (Fastly)\n"
        "> Jun 2, 2025, 10:11 BST\n"
        "> Please add the record.\n"
    )
    assert [p.author for p in parts_of(_text(body))] == [
        "Marguerite O (Fastly)",
        "Callum Rennie",
        "Piotr Z (Fastly)",
    ]


# "Keep mine in place and add his as well": two CNAMEs at one name, never an update


def test_keeping_the_first_cname_and_adding_the_second_as_well_is_ambiguous() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n_acme-challenge.design-system.service.gov.uk. CNAME aufq4sxdhdhetf180n.fastly-validations.com.",
            1,
        ),
        us(
            "Done. From outside:\n$ dig +noall +answer _acme-challenge.design-system.service.gov.uk\n"
            "_acme-challenge.design-system.service.gov.uk. 300 IN CNAME aufq4sxdhdhetf180n.fastly-validations.com.",
            2,
        ),
        vendor(
            "The second configuration wants its own: please add "
            "_acme-challenge.design-system.service.gov.uk CNAME ii2hr2zl197t7qejxu.fastly-validations.com",
            3,
        ),
        vendor("Please keep mine in place and add Piotr's as well.", 4),
    )
    assert "ambiguous_request" in codes(ticket)


def test_octodns_keys_marked_new_under_a_zone_files_name_are_added_the_rest_shown() -> None:
    ticket = _text(
        'only the keys with "# NEW" need to go in; the others are live already.\n\n'
        "--- config/service.gov.uk.yaml (excerpt) ---\n"
        "'_acme-challenge.publishing':          # NEW\n"
        "  type: CNAME\n"
        "  value: ol47sec30i1kjuevege6.fastly-validations.com.\n"
        "'_acme-challenge.www.publishing':      # live since last year, no change\n"
        "  type: CNAME\n"
        "  value: 20gfoi19r51l167kfk1i.fastly-validations.com.\n"
        "--- end ---\n"
    )
    reading = read(ticket)
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.publishing.service.gov.uk.",
            "CNAME",
            "ol47sec30i1kjuevege6.fastly-validations.com.",
            None,
        )
    ]
    assert [o.name for o in reading.observed] == ["_acme-challenge.www.publishing.service.gov.uk."]


def test_an_octodns_value_commented_out_as_removed_is_a_delete_beside_the_new_one() -> None:
    ticket = _text(
        "hmrc.gov.uk.yaml afterwards, my edits marked:\n\n"
        "'':\n"
        "  - type: TXT\n"
        "    values:\n"
        "      - google-site-verification=YpLjzVOjRBa-BlSti6Ux1xvxmaZxtf1UmWqm_QGyG6w\n"
        "      # - globalsign-domain-verification=iYu1lw9Vai0oAgHT123myhou6_JWeXd3coT   <- REMOVE\n"
        "      - globalsign-domain-verification=u_DDhdPQ045zTgRkUjO4EhSKTicLck3vCSFEG   # <- NEW\n"
    )
    reading = read(ticket)
    assert sorted((c.action, c.value[:33]) for c in reading.changes) == [
        ("add", "globalsign-domain-verification=u_"),
        ("delete", "globalsign-domain-verification=iY"),
    ]
    assert "google-site-verification=YpLjzVOjRBa-BlSti6Ux1xvxmaZxtf1UmWqm_QGyG6w" in {
        o.value for o in reading.observed
    }


# Records as the commands or API calls that make them


def test_gcloud_record_set_commands_are_read_as_the_records_they_make() -> None:
    ticket = _text(
        "Three DNS changes, written as gcloud commands:\n\n"
        "gcloud dns record-sets create _acme-challenge.account.gov.uk. \\\n"
        '    --zone="account-gov-uk" \\\n'
        '    --type="CNAME" \\\n'
        '    --ttl="60" \\\n'
        '    --rrdatas="rannphv3rcl4jmd2hwb5.fastly-validations.com."\n\n'
        "gcloud dns record-sets delete _acme-challenge.home.account.gov.uk. \\\n"
        '    --zone="account-gov-uk" \\\n'
        '    --type="TXT"\n'
    )
    assert sorted((c.action, c.name, c.type, c.value, c.ttl) for c in read(ticket).changes) == [
        (
            "add",
            "_acme-challenge.account.gov.uk.",
            "CNAME",
            "rannphv3rcl4jmd2hwb5.fastly-validations.com.",
            60,
        ),
        ("delete", "_acme-challenge.home.account.gov.uk.", "TXT", None, None),
    ]


def test_a_route_53_change_batch_is_read_with_its_actions_and_its_disowned_ttl() -> None:
    ticket = _text(
        "Here is a Route 53 change batch:\n\n"
        "{\n"
        '  "Changes": [\n'
        "    {\n"
        '      "Action": "UPSERT",\n'
        '      "ResourceRecordSet": {\n'
        '        "Name": "_acme-challenge.data.gov.uk.",\n'
        '        "Type": "CNAME",\n'
        '        "TTL": 300,\n'
        '        "ResourceRecords": [ { "Value": "q45r8mehv7ydsns2zi3l.fastly-validations.com." } ]\n'
        "      }\n"
        "    },\n"
        "    {\n"
        '      "Action": "DELETE",\n'
        '      "ResourceRecordSet": {\n'
        '        "Name": "data.gov.uk.",\n'
        '        "Type": "TXT",\n'
        '        "TTL": 300,\n'
        '        "ResourceRecords": [ { "Value": "\\"globalsign-domain-verification=lCCHuRrCn7bRH8YqfRTI\\"" } ]\n'
        "      }\n"
        "    }\n"
        "  ]\n"
        "}\n\n"
        "The TTLs are only in there because Route 53 won't take a change without one.\n"
    )
    assert sorted((c.action, c.type, c.value, c.ttl) for c in read(ticket).changes) == [
        ("add", "CNAME", "q45r8mehv7ydsns2zi3l.fastly-validations.com.", None),
        ("delete", "TXT", "globalsign-domain-verification=lCCHuRrCn7bRH8YqfRTI", None),
    ]


def test_an_update_whose_current_value_only_its_own_dig_shows_is_held_for_a_person() -> None:
    # (a dig pasted beside a request never changes what the request is: the metamorphic
    # "dig-appended" rewrite holds every ticket to that, so the update waits for a person)
    ticket = _text(
        "Please update:\n\n"
        "_acme-challenge.signin.account.gov.uk. 60 CNAME tlehlvifza6fotcnfsoq.fastly-validations.com. ; update\n\n"
        "It is already a CNAME today, but it points at the cancelled subscription's target:\n\n"
        "$ dig +noall +answer _acme-challenge.signin.account.gov.uk CNAME\n"
        "_acme-challenge.signin.account.gov.uk. 300 IN CNAME ezexenpmxqfxch3kx9b4.fastly-validations.com.\n"
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes] == [("update", None)]
    assert "ambiguous_request" in codes(ticket)


# A published record said so at the line's end; a swap said above the record; removals later


def test_a_record_still_being_served_is_shown_not_asked_for() -> None:
    ticket = _text(
        "Housekeeping, but not yet: last year's validation was done with a TXT on the hostname "
        "itself, and it is still being served -\n\n"
        '  www.defra.gov.uk.  300  IN  TXT  "p7pyhmu6arsocj20d513befrb83i5bj7"\n\n'
        "Please leave it until the new certificate has been issued, then it can be deleted.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.when) for c in reading.changes] == [("delete", "after_issuance")]
    assert [o.value for o in reading.observed] == ["p7pyhmu6arsocj20d513befrb83i5bj7"]


def test_swap_it_for_the_new_one_below_makes_the_record_below_an_update() -> None:
    ticket = _text(
        "the old TXT is still there:\n\n"
        "$ dig +short TXT _acme-challenge.alerts.publishing.service.gov.uk\n"
        '"HC7e7xLW98UwBAiDiDqh7jj78xWKq2PSZAZWKZ60kIo"\n\n'
        "so: swap it for the new one below rather than adding a second TXT next to it.\n\n"
        "Please deploy a DNS TXT record under the name:\n\n"
        "_acme-challenge.alerts.publishing.service.gov.uk.\n\n"
        "with the following value:\n\n"
        "uZ-pM9wENN1ok5kktp6y6hh9SZZyS-BlbrNocgJaG2s\n"
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes] == [
        ("update", "HC7e7xLW98UwBAiDiDqh7jj78xWKq2PSZAZWKZ60kIo")
    ]


def test_waiting_hours_after_issuance_holds_the_one_removal_above() -> None:
    ticket = _text(
        "T + 48 HOURS (you)\n"
        '  - Remove:  gov.uk  CAA  0 issue "globalsign.com"\n'
        "  - Please wait the full 48 hours after issuance rather than doing it straight away.\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_delete_the_two_records_you_added_means_the_two_adds_asked_for() -> None:
    ticket = _text(
        "Add the following TXT record:\n"
        "Domain: '_acme-challenge.design-system.service.gov.uk'\n"
        "TXT value: 'Uj39ac0iiMcu7UzPj5-H33392UO3gEe0NjPy6_hsOiM'\n"
        "Add the following TXT record:\n"
        "Domain: '_acme-challenge.design-system.service.gov.uk'\n"
        "TXT value: 'tRuQMk1J-V_p3BJDKQnjXYMGT1OY8pxYFVpDFiVNb0s'\n\n"
        "Last, once the new certificate has actually been issued: delete the two\n"
        "records you added in the first step.\n"
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("add", "now"),
        ("delete", "after_issuance"),
        ("delete", "after_issuance"),
    ]


def test_a_host_dropped_from_the_san_list_removes_no_record_shown_above() -> None:
    ticket = _text(
        "Stage A -- please action now\n"
        "  Record:  _acme-challenge.assets.publishing.service.gov.uk\n"
        "  Type:    CNAME\n"
        "  Points to: z5lgyolear0l4pp21ugc.fastly-validations.com\n\n"
        "Stage B -- only after the new certificate has been issued\n"
        "  assets-origin is being dropped from the SAN list on this renewal, so its challenge "
        "record will no longer be needed.\n"
    )
    assert [c.action for c in read(ticket).changes] == ["add"]


def test_a_record_that_wont_be_needed_is_removed_when_the_next_sentence_says() -> None:
    ticket = _text(
        "Housekeeping: we are dropping www.trade-tariff.service.gov.uk from the certificate. "
        "Last year's validation record for it, _dnsauth.www.trade-tariff.service.gov.uk (TXT, "
        "value 55vfiylru39vec1i6pcxhtl2wjmw4606), won't be needed after that. Please don't "
        "remove it straight away, though. Wait until the new certificate has been issued, in "
        "case DigiCert still looks at it.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.value, c.when) for c in reading.changes] == [
        ("delete", "55vfiylru39vec1i6pcxhtl2wjmw4606", "after_issuance")
    ]


_CERTBOT_TWO = (
    "Please deploy a DNS TXT record under the name:\n\n"
    "_acme-challenge.www-origin.publishing.service.gov.uk.\n\n"
    "with the following value:\n\n"
    "GZ4JgX3_-YykEWhrwJNAs5sUpTzBd7YTteysS8-PV9g\n\n"
    "Press Enter to Continue\n\n"
    "Please deploy a DNS TXT record under the name:\n\n"
    "_acme-challenge.assets-origin.publishing.service.gov.uk.\n\n"
    "with the following value:\n\n"
    "hHgxpc1LDFGbH_AKWX5I1jZ4Nk44PYLbV9W7fcI36_g\n\n"
    "Press Enter to Continue\n\n"
    "Short version: one TXT on each of those two _acme-challenge names, values as above.\n\n"
)


def test_certbot_records_taken_out_again_once_it_succeeds_are_added_then_removed() -> None:
    ticket = _text(
        _CERTBOT_TWO + 'Once it says "Successfully received certificate" I\'ll let you know, '
        "and then please take both TXT records out again so we don't leave stale challenges "
        "lying around the zone.\n"
    )
    assert sorted((c.action, c.value, c.when) for c in read(ticket).changes) == [
        ("add", "GZ4JgX3_-YykEWhrwJNAs5sUpTzBd7YTteysS8-PV9g", "now"),
        ("add", "hHgxpc1LDFGbH_AKWX5I1jZ4Nk44PYLbV9W7fcI36_g", "now"),
        ("delete", "GZ4JgX3_-YykEWhrwJNAs5sUpTzBd7YTteysS8-PV9g", "after_issuance"),
        ("delete", "hHgxpc1LDFGbH_AKWX5I1jZ4Nk44PYLbV9W7fcI36_g", "after_issuance"),
    ]


def test_removing_records_asked_for_with_no_time_keeps_them_and_says_so() -> None:
    reading = read(_text(_CERTBOT_TWO + "Please remove both TXT records.\n"))
    assert [c.action for c in reading.changes] == ["add", "add"]
    assert "unread_value" in {f.code for f in reading.flags}


_OPTIONS = (
    "You can complete DCV with either of the two DNS methods below. Either of these works and "
    "you only need to do one of them.\n\n"
    "Option A - DNS TXT record{a}\n"
    "| Host | Type | Value |\n"
    "| _dnsauth.trade-tariff.service.gov.uk | TXT | kx5qmck1zbrhcp2tl5yyrqaknn566d8m |\n\n"
    "Option B - DNS CNAME record\n"
    "| Host | Type | Points to |\n"
    "| _d99e4fdeb1c6589abd222ad395141684.trade-tariff.service.gov.uk | CNAME | dcv.digicert.com |\n"
)


def test_of_two_options_offered_only_the_recommended_one_is_asked_for() -> None:
    reading = read(_text(_OPTIONS.format(a=" (recommended)")))
    assert [(c.type, c.value) for c in reading.changes] == [
        ("TXT", "kx5qmck1zbrhcp2tl5yyrqaknn566d8m")
    ]
    assert [f.code for f in reading.flags if f.severity != "info"] == []
    assert "alternative" in {f.code for f in reading.flags}


def test_options_offered_with_none_recommended_are_held_for_a_person() -> None:
    reading = read(_text(_OPTIONS.format(a="")))
    assert len(reading.changes) == 2
    assert {f.code for f in reading.flags if f.severity == "block"} == {"ambiguous_request"}


def test_scratch_the_middle_line_withdraws_the_middle_record_of_three() -> None:
    ticket = _text(
        "  _acme-challenge.www.gov.uk      CNAME  crjoruuldafxoquwbk.fastly-validations.com\n"
        "  _acme-challenge.gov.uk          CNAME  n6rhro7euzrgno30dv.fastly-validations.com\n"
        "  _acme-challenge.assets.publishing.service.gov.uk    CNAME  "
        "duzf6wemrxafgnqpza.fastly-validations.com\n\n"
        "Actually - scratch the middle line. The authorisation for gov.uk flipped to valid.\n"
    )
    reading = read(ticket)
    assert sorted(c.name for c in reading.changes) == [
        "_acme-challenge.assets.publishing.service.gov.uk.",
        "_acme-challenge.www.gov.uk.",
    ]
    assert "retracted" in {f.code for f in reading.flags}


def test_scratch_the_middle_one_of_two_withdraws_nothing_and_keeps_both() -> None:
    ticket = _text(
        "  _acme-challenge.www.gov.uk      CNAME  crjoruuldafxoquwbk.fastly-validations.com\n"
        "  _acme-challenge.gov.uk          CNAME  n6rhro7euzrgno30dv.fastly-validations.com\n\n"
        "Actually - scratch the middle one.\n"
    )
    assert len(read(ticket).changes) == 2


def test_do_not_create_anything_under_a_misspelt_label_withdraws_its_record() -> None:
    ticket = conversation(
        vendor(
            "Record type: CNAME\n"
            "Host: _acme-challenge.trade-tarrif.service.gov.uk\n"
            "Points to: 9m2c3gg34fukfpcj3d.fastly-validations.com\n",
            1,
        ),
        us("That host isn't one of ours. Which name is the challenge for?", 2),
        vendor(
            "Apologies - I misspelled the hostname.\n\n"
            'Please do NOT create anything under "trade-tarrif". The record we need is:\n\n'
            "Host: _acme-challenge.trade-tariff.service.gov.uk\n"
            "Type: CNAME\n"
            "Points to: 9m2c3gg34fukfpcj3d.fastly-validations.com (unchanged)\n",
            3,
        ),
    )
    reading = read(ticket)
    assert [c.name for c in reading.changes] == ["_acme-challenge.trade-tariff.service.gov.uk."]
    assert "retracted" in {f.code for f in reading.flags}


def test_a_caret_note_under_a_row_says_that_row_is_in_place() -> None:
    ticket = _text(
        "--- zone: gov.uk ---\n"
        "    _acme-challenge.gov.uk          CNAME  wgkybskqztwygvzmb6ul.fastly-validations.com\n"
        "    _acme-challenge.account.gov.uk  CNAME  5glhvazxgroypbue4m.fastly-validations.com\n"
        "        ^ validated on 14 March, record already in place, nothing to do\n"
        "    _acme-challenge.www.gov.uk      CNAME  5b520jndrzznjtrv.fastly-validations.com\n"
    )
    reading = read(ticket)
    assert sorted(c.name for c in reading.changes) == [
        "_acme-challenge.gov.uk.",
        "_acme-challenge.www.gov.uk.",
    ]
    assert [o.name for o in reading.observed] == ["_acme-challenge.account.gov.uk."]


def test_a_removal_said_of_them_above_the_records_shown_below_removes_those() -> None:
    ticket = _text(
        "Please add:\n"
        "_d7747c73bfc9e880dcb3e81ad9e7f2d1.trade-tariff.service.gov.uk. CNAME "
        "_cf15e38ad5e7ed26513d5d15b3318602.k84tms90hw.acm-validations.aws.\n\n"
        "The old account's validation records are all still there, so please DON'T remove "
        "them yet. Once the new certificate shows Issued, they can all go. This is what's in "
        "the zone\nfor them right now:\n\n"
        "$ dig +noall +answer CNAME <each of the old names>\n"
        "_2f253fdc1484f74166be1555977714c0.trade-tariff.service.gov.uk. 3600 IN CNAME "
        "_9da622f27c2c50ab0135025cbfac902e.tpctxdtb2b.acm-validations.aws.\n"
        "_7ff1d833ca5ad2e71a290b76e527e9c5.www.trade-tariff.service.gov.uk. 3600 IN CNAME "
        "_e70075556cb8f35888db602f3dffd1e3.132vqmkgu6.acm-validations.aws.\n\n"
        "Cheers\n"
    )
    reading = read(ticket)
    assert sorted((c.action, c.when) for c in reading.changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
        ("delete", "after_issuance"),
    ]
    assert len(reading.observed) == 2
    assert [f.code for f in reading.flags if f.severity != "info"] == []


def test_a_keep_note_over_zone_lines_speaks_for_each_line_to_the_blank() -> None:
    ticket = _text(
        "They can be removed whenever suits you:\n\n"
        "  ; remove\n"
        '  gov.uk.   3600  IN  TXT  "globalsign-domain-verification=qeSo_FrONQbLDOv2G1oJrWV"\n\n'
        "What must NOT be touched are the two ACME delegations:\n\n"
        "  ; keep\n"
        "  _acme-challenge.gov.uk.     3600  IN  CNAME  zh5wpjfwisvf473p.fastly-validations.com.\n"
        "  _acme-challenge.www.gov.uk. 3600  IN  CNAME  nzgddn29t0h1nou1drgn.fastly-validations"
        ".com.\n"
    )
    reading = read(ticket)
    assert [(c.action, c.type) for c in reading.changes] == [("delete", "TXT")]
    assert {o.name for o in reading.observed} >= {
        "_acme-challenge.gov.uk.",
        "_acme-challenge.www.gov.uk.",
    }


def test_a_new_code_in_a_departments_forwarded_note_is_never_passed_over_unsaid() -> None:
    ticket = _text(
        "Hi there,\n\nWe've had the below from DWP Digital. Please read Gareth's note at the top "
        "before doing anything - the code in the GlobalSign email at the bottom has been "
        "replaced.\n\nThanks,\nMarisol\n\n"
        "---------- Forwarded message ---------\n"
        "From: Gareth Pryce <gareth.pryce@dwp.gov.uk>\n"
        "Date: Mon, 17 Mar 2025 at 08:52\n"
        "Subject: Fwd: [GlobalSign] Action Required: Domain Verification for dwp.gov.uk\n"
        "To: <support@fastly.com>\n\n\n"
        "Morning,\n\n"
        "Heads up before this gets actioned: the verification code in the GlobalSign mail below "
        "is no longer valid. The order timed out over the weekend and GlobalSign reissued it on "
        "Friday afternoon with a fresh code. As far as I can tell nobody ever put the first one "
        "in, so there's nothing to tidy up - just use this one:\n\n"
        "globalsign-domain-verification=0jG7XMjar3WN0KCwKr6CstEaH99bD1MHzGpE23rNtYA\n\n"
        "Same place as before (the bare dwp.gov.uk, TXT).\n\nGareth\n\n"
        "---------- Forwarded message ---------\n"
        "From: GlobalSign <noreply@globalsign.com>\n"
        "Date: Tue, 11 Mar 2025 at 14:17\n"
        "Subject: [GlobalSign] Action Required: Domain Verification for dwp.gov.uk\n"
        "To: <hosting.team@dwp.gov.uk>\n\n\n"
        "Please add the following TXT record to the DNS zone for the domain:\n\n"
        "Host:  @\nType:  TXT\n"
        "Value: globalsign-domain-verification=z-5yczRVnqw71DJv5xGxp0Sv10QoSzRSIdsrWHuM5-w\n"
    )
    reading = read(ticket)
    values = [c.value for c in reading.changes]
    right = values == ["globalsign-domain-verification=0jG7XMjar3WN0KCwKr6CstEaH99bD1MHzGpE23rNtYA"]
    assert right or {"unread_value", "ambiguous_request"} & {f.code for f in reading.flags}


def test_arrows_asked_for_in_a_run_on_sentence_are_cnames() -> None:
    ticket = _text(
        "hi, pls add cname _acme-challenge.design-system.service.gov.uk -> "
        "u210zmfdnmt0hful.fastly-validations.com and also for the www one "
        "_acme-challenge.www.design-system.service.gov.uk cname -> "
        "yz2zk0ikldkvzlc4.fastly-validations.com  both needed\n\n"
        "also after cert is out u can rm the old globalsign txt at design-system.service.gov.uk "
        "(globalsign-domain-verification=N7ZlERAelOFB0AFdGP8AXOJ1jofDN5A9GoYpTWIhN3M) but not "
        "before pls\n"
    )
    assert sorted((c.action, c.name, c.when) for c in read(ticket).changes) == [
        ("add", "_acme-challenge.design-system.service.gov.uk.", "now"),
        ("add", "_acme-challenge.www.design-system.service.gov.uk.", "now"),
        ("delete", "design-system.service.gov.uk.", "after_issuance"),
    ]


def test_an_arrow_that_only_describes_what_resolves_asks_for_nothing() -> None:
    ticket = _text(
        "We can see _acme-challenge.www.gov.uk -> old1x2y3z4.fastly-validations.com resolving "
        "already, nothing to do there.\n"
    )
    assert [c.action for c in read(ticket).changes if c.action == "add"] == []


def test_a_vendor_naming_a_ccs_other_value_is_never_read_silently() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n_acme-challenge.docs.publishing.service.gov.uk  CNAME  "
            "3dgv35gqm1mf9k74hffu.fastly-validations.com\n",
            1,
        ),
        Comment(
            id=2,
            role="other",
            author="Priya Menon",
            body="The Fastly UI shows a different target for docs:\n\n"
            "_acme-challenge.docs.publishing.service.gov.uk -> "
            "c0dx0xu8jgkr8ob4roux.fastly-validations.com\n",
        ),
        us("Which one do we add for docs?", 3),
        vendor("The one Priya pasted from the UI. Mine came from an older subscription.", 4),
    )
    reading = read(ticket)
    right = [c.value for c in reading.changes] == ["c0dx0xu8jgkr8ob4roux.fastly-validations.com."]
    assert right or "unread_value" in {f.code for f in reading.flags}


def test_do_not_add_a_caa_record_for_a_ca_takes_back_that_issue_line() -> None:
    ticket = _text(
        '1. Add CAA record at `gov.uk`: `0 issue "certainly.com"`\n\n'
        "*CAA.* Please do not add a CAA record for certainly.com at gov.uk. Certainly issues "
        "against the CAA records already in place.\n"
    )
    assert read(ticket).changes == ()


def test_minutes_please_on_the_cname_is_the_ttl_for_the_cname_asked_before() -> None:
    ticket = conversation(
        vendor(
            "- add CNAME _acme-challenge.account.gov.uk -> 04aq2r0icvql.fastly-validations.com\n",
            1,
        ),
        us("What TTL do you want on the new CNAME? Zone default is a day.", 2),
        vendor("@Sam - a day is too long for us, five minutes please on the CNAME.", 3),
    )
    assert [c.ttl for c in read(ticket).changes] == [300]


def test_certbot_values_that_come_straight_back_out_go_after_issuance() -> None:
    ticket = _text(
        _CERTBOT_TWO + "When I've got the cert I'll let you know and both TXT values can come "
        "straight back out; they aren't needed after that.\n"
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("add", "now"),
        ("delete", "after_issuance"),
        ("delete", "after_issuance"),
    ]


def test_an_old_record_lead_in_shows_what_is_there_for_a_later_removal() -> None:
    ticket = _text(
        "New record, please add:\n\n"
        "_acme-challenge.find-a-job.service.gov.uk.   CNAME   6celueq3vjuofk21g0.fastly-"
        "validations.com.\n\n"
        "Old record, in the dwp.gov.uk zone:\n\n"
        "_acme-challenge.findajob.dwp.gov.uk.   CNAME   wfbgey54slfyl8gk0s.fastly-validations"
        ".com.\n\n"
        "That one is still resolving. Please don't take it out yet. Once the new certificate "
        "has been issued, the old record can be deleted.\n"
    )
    assert sorted((c.action, c.name, c.value, c.when) for c in read(ticket).changes) == [
        (
            "add",
            "_acme-challenge.find-a-job.service.gov.uk.",
            "6celueq3vjuofk21g0.fastly-validations.com.",
            "now",
        ),
        (
            "delete",
            "_acme-challenge.findajob.dwp.gov.uk.",
            "wfbgey54slfyl8gk0s.fastly-validations.com.",
            "after_issuance",
        ),
    ]


def test_treat_it_as_removed_from_my_list_withdraws_the_owner_named_before() -> None:
    ticket = conversation(
        vendor(
            "please remove the following:\n"
            "- _acme-challenge.licensing.service.gov.uk -> x2heah0lsd.fastly-validations.com\n"
            "- _acme-challenge.tax.service.gov.uk -> 9yq9omquxv.fastly-validations.com\n"
            "These can go now.\n",
            1,
        ),
        us("Sunita says the tax one is HMRC's.", 2),
        vendor(
            "Sunita is right. _acme-challenge.tax.service.gov.uk belongs to HMRC's own "
            "subscription. Please leave it in place and treat it as removed from my list.",
            3,
        ),
    )
    reading = read(ticket)
    assert [c.name for c in reading.changes] == ["_acme-challenge.licensing.service.gov.uk."]
    assert "retracted" in {f.code for f in reading.flags}


def test_delete_every_other_line_of_a_listing_is_held_for_a_person() -> None:
    ticket = _text(
        "Keep:\n- _acme-challenge.publishing.service.gov.uk (the wildcard renews against it)\n\n"
        "Delete: every other line in your grep output. That includes the stray TXT.\n"
    )
    assert "ambiguous_request" in {f.code for f in read(ticket).flags}


def test_a_bold_heading_saying_after_issuance_times_the_removals_below_it() -> None:
    ticket = _text(
        "**Now**\n\nPlease create this record:\n\n"
        "_acme-challenge.gov.uk. CNAME 6roydxx40w.fastly-validations.com.\n\n"
        "**After the new certificate has been issued - not before**\n\n"
        "Please remove these:\n\n"
        "1. TXT on gov.uk: `globalsign-domain-verification=uazlxa5pQZExS0J6c7SaAcFeOGINi02h`\n"
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_wait_for_our_confirmation_before_removing_is_after_issuance() -> None:
    ticket = _text(
        "please wait for our confirmation before removing any of these:\n\n"
        "1. TXT on gov.uk: `globalsign-domain-verification=uazlxa5pQZExS0J6c7SaAcFeOGINi02h`\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_pls_cname_then_correct_is_arrow_replaces_the_value() -> None:
    ticket = conversation(
        vendor(
            "hi pls cname _acme-challenge.www.gov.uk -> u59iurfqj57pekur.fastly-validations.com "
            "for the www renewal, thx",
            1,
        ),
        vendor(
            "wait wrong val that one is for the staging subscription!! correct is -> "
            "3w5nvet3k74h0i4o.fastly-validations.com pls use this only",
            2,
        ),
    )
    assert changes(ticket) == [
        (
            "add",
            "_acme-challenge.www.gov.uk.",
            "CNAME",
            "3w5nvet3k74h0i4o.fastly-validations.com.",
            None,
        )
    ]


def test_an_update_from_a_value_a_later_comment_corrects_to_is_never_silent() -> None:
    ticket = conversation(
        vendor(
            "hi pls cname _acme-challenge.www.gov.uk -> u59iurfqj57pekur.fastly-validations.com",
            1,
        ),
        vendor(
            "ugh wrong val, that was staging. sorry. 3w5nvet3k74h0i4o.fastly-validations.com "
            "is the one u want",
            2,
        ),
        us(
            "done now\n$ dig _acme-challenge.www.gov.uk CNAME +noall +answer\n"
            "_acme-challenge.www.gov.uk. 300 IN CNAME 3w5nvet3k74h0i4o.fastly-validations.com.",
            3,
        ),
    )
    reading = read(ticket)
    right = [(c.action, c.value) for c in reading.changes] == [
        ("add", "3w5nvet3k74h0i4o.fastly-validations.com.")
    ]
    assert right or {"unread_value", "ambiguous_request"} & {f.code for f in reading.flags}


def test_numbered_steps_keep_a_record_then_remove_it_after_issuance() -> None:
    ticket = _text(
        "Step 2. Create this CNAME record:\n\n"
        "        Name:    _acme-challenge.www.dwp.gov.uk\n"
        "        Type:    CNAME\n"
        "        Target:  3fd846va0t9hkmwl3v.fastly-validations.com\n\n"
        "Step 4. Please do NOT touch the TXT record that is currently on the zone apex:\n\n"
        '        dwp.gov.uk.  TXT  "globalsign-domain-verification=GdAcUx-4mcb0ams0GK7bvSrwbbEQ"\n\n'
        "Step 6. When I update the ticket to say the Certainly certificate has been\n"
        "        issued and deployed, you can delete the GlobalSign TXT record from\n"
        "        step 4. It won't be used again.\n\n"
        "Step 7. No change is needed to the hostnames themselves. www.dwp.gov.uk stays\n"
        "        as a CNAME to dualstack.k.sni.global.fastly.net, exactly as it is\n"
        "        today.\n"
    )
    assert sorted((c.action, c.name, c.when) for c in read(ticket).changes) == [
        ("add", "_acme-challenge.www.dwp.gov.uk.", "now"),
        ("delete", "dwp.gov.uk.", "after_issuance"),
    ]


def test_the_issuewild_entry_isnt_required_withdraws_that_tag() -> None:
    ticket = conversation(
        vendor(
            "Could you please publish the following two records at the zone apex:\n"
            'gov.uk.   IN   CAA   0 issue "certainly.com"\n'
            'gov.uk.   IN   CAA   0 issuewild "certainly.com"\n',
            1,
        ),
        us("Is the issuewild really needed?", 2),
        vendor(
            "You're right: no wildcard, so the issuewild entry isn't required. Please leave that "
            "one out entirely.",
            3,
        ),
    )
    reading = read(ticket)
    assert [c.value for c in reading.changes] == ['0 issue "certainly.com"']
    assert "retracted" in {f.code for f in reading.flags}


def test_a_host_still_on_a_certificate_is_no_record_published() -> None:
    ticket = _text(
        "2) ofsted.gov.uk\n"
        "This one is still on the GlobalSign certificate, and GlobalSign validate with a TXT "
        "record at the root of the domain:\n"
        "Name:   ofsted.gov.uk (@)\nType:   TXT\n"
        "Value:  globalsign-domain-verification=Q6RLyA5wIH566ctC2nDtCCvgDXlqJm\n"
    )
    assert [c.action for c in read(ticket).changes] == ["add"]


def test_what_a_zone_returns_today_leads_in_to_published_records() -> None:
    ticket = _text(
        "This is what education.gov.uk returns today:\n\n"
        'education.gov.uk.   3600  IN  CAA  0 issue "letsencrypt.org"\n\n'
        "Could you add one more record alongside those at the zone apex:\n\n"
        'education.gov.uk.   CAA  0 issue "sectigo.com"\n'
    )
    reading = read(ticket)
    assert [c.value for c in reading.changes] == ['0 issue "sectigo.com"']
    assert [o.value for o in reading.observed] == ['0 issue "letsencrypt.org"']


def test_a_value_only_our_later_dig_shows_published_is_still_unread_in_the_request() -> None:
    # The vendor's request is worded so that no record is read from it; our reply shows the
    # value published. What we see later is no reading of what they asked: the line is flagged.
    ticket = conversation(
        vendor(
            "Certainly wants to see k4v7qh2m9xw3zt8pld.fastly-validations.com before it will "
            "issue, sorry for the short notice.",
            1,
        ),
        us(f"Already there:\n\n$ dig +noall +answer CNAME _acme-challenge.www.gov.uk\n{CNAME}", 2),
    )
    flags = read(ticket).flags
    unread = [f for f in flags if f.code == "unread_value"]
    assert unread and unread[0].source is not None and unread[0].source.comment_id == 1
    assert "k4v7qh2m9xw3zt8pld" in unread[0].message


def test_a_value_shown_published_before_the_vendor_speaks_of_it_is_accounted() -> None:
    ticket = conversation(
        us(
            f"Is this record still needed?\n\n$ dig +noall +answer CNAME _acme-challenge.www.gov.uk\n{CNAME}",
            1,
        ),
        vendor(
            "Yes, k4v7qh2m9xw3zt8pld.fastly-validations.com is what Certainly checks on every "
            "renewal.",
            2,
        ),
    )
    assert "unread_value" not in codes(ticket)


# The removal net: a removal asked for and never read is said


def _one_vendor_mail(body: str) -> Ticket:
    return conversation(vendor(body, 1))


def test_a_removal_worded_past_the_reader_is_flagged_at_its_line() -> None:
    ticket = _one_vendor_mail(
        f"Please add:\n\n{CNAME}\n\nWhen that is done the\nlegacy TXT entries can be deleted too."
    )
    result = read(ticket)
    assert [c.action for c in result.changes] == ["add"]
    flagged = [f for f in result.flags if f.code == "unread_value" and f.severity == "warn"]
    assert flagged and flagged[0].source is not None and flagged[0].source.first_line == 5
    assert "legacy TXT entries can be deleted" in flagged[0].message


def test_permission_conditions_and_tales_of_removal_are_not_requests() -> None:
    for said in (
        "When DigiCert has verified your domain control, you may delete the TXT records.",
        "The record can be removed after issuance, or left in place; it has no effect.",
        "If you already have TXT records at that name, they will need to go as well.",
        "I think the old CNAME record was removed from the zone during the July tidy-up.",
        "Adding issuers doesn't remove the amazon.com CAA record.",
        "We'll raise a separate ticket to have the CNAME record taken out again.",
        "No DNS records need to be added, changed or removed for the other hosts.",
    ):
        assert "unread_value" not in codes(_one_vendor_mail(f"Please add:\n\n{CNAME}\n\n{said}"))


def test_old_records_from_last_year_are_not_the_record_just_asked_for() -> None:
    ticket = _one_vendor_mail(
        f"Please add:\n\n{CNAME}\n\nOnce the certificate is issued, please also remove the old "
        "verification records from last year."
    )
    result = read(ticket)
    assert [(c.action, c.name) for c in result.changes] == [("add", "_acme-challenge.www.gov.uk.")]
    assert any(f.code == "unread_value" and f.severity == "warn" for f in result.flags)


# The count net: records counted and fewer read is said


def test_three_records_counted_and_two_read_is_flagged_at_the_count() -> None:
    ticket = _one_vendor_mail(
        "Please add the following three records:\n\n"
        f"{CNAME}\n"
        'gov.uk. 300 IN CAA 0 issue "certainly.com"\n\n'
        "and, as your zone currently has an issuewild tag, this one too: the wildcard needs it."
    )
    result = read(ticket)
    assert len(result.changes) == 2
    flagged = [f for f in result.flags if f.code == "unread_value" and f.severity == "warn"]
    assert flagged and flagged[0].source is not None and flagged[0].source.first_line == 1
    assert "counts 3 records, but 2 were read" in flagged[0].message


def test_a_count_in_a_sentence_is_of_the_whole_ticket_and_a_list_of_its_comment() -> None:
    first = vendor(f"Please add this record:\n\n{CNAME}", 1)
    both = vendor(
        "Please add this one as well:\n\n"
        "_acme-challenge.gov.uk. 300 IN CNAME q8pl2wnx7rk4zt9mhd.fastly-validations.com.\n\n"
        "We need both records before the certificate can be issued.",
        2,
    )
    assert "unread_value" not in codes(conversation(first, both))
    reminder = vendor(f"A reminder. Please add these two CNAMEs:\n\n{CNAME}", 3)
    assert "unread_value" in codes(conversation(vendor("Hello.", 1), reminder))


def test_counts_of_published_or_kept_records_and_those_already_in_place_are_not_asks() -> None:
    for said in (
        "Looking up the apex we see only these two CAA records today:",
        "I'll add a note to our runbook that these two records belong to us.",
        "The existing CAA entries stay; all three records are already there.",
    ):
        assert "unread_value" not in codes(_one_vendor_mail(f"{said}\n\nPlease add:\n\n{CNAME}"))
    in_place = _one_vendor_mail(
        f"Please create the following two records:\n\n{CNAME}\n\nAlready in place (no action):\n\n"
        'gov.uk. 300 IN CAA 0 issue "certainly.com"'
    )
    assert "unread_value" not in codes(in_place)


def test_a_later_ttl_for_the_earlier_cname_beside_a_txt_delete_of_its_own() -> None:
    ticket = conversation(
        vendor(f"Please create:\n\n{CNAME.replace(' 300 IN ', ' ')}", 1),
        us(
            "Our tooling refuses: there is a TXT there:\n\n;; ANSWER SECTION:\n"
            '_acme-challenge.www.gov.uk. 60 IN TXT "Qm3vT9xLp2Kd8RwZ-h4sYcN7aE1uB6fJ"',
            2,
        ),
        vendor(
            "Yes, please delete that TXT record (Qm3vT9xLp2Kd8RwZ-h4sYcN7aE1uB6fJ). Then create the CNAME exactly as in "
            "my first message, with a TTL of 300.",
            3,
        ),
    )
    result = read(ticket)
    assert sorted((c.action, c.type, c.ttl) for c in result.changes) == [
        ("add", "CNAME", 300),
        ("delete", "TXT", None),
    ]


def test_a_value_holding_a_template_blank_is_never_drafted() -> None:
    for value in ("<token>", "globalsign-domain-verification=<token>", "x=<your token"):
        result = read(
            _text(f"Please add this TXT record:\n\nName: gov.uk\nType: TXT\nValue: {value}")
        )
        assert result.changes == ()
        flagged = [f for f in result.flags if f.code == "unparsed_record"]
        assert flagged and "stand-in" in flagged[0].message
    delete = read(_text("Please delete this record:\n\n_acme-challenge.gov.uk.  TXT  <delete>"))
    assert [(c.action, c.value) for c in delete.changes] == [("delete", None)]


def test_a_removal_of_the_one_at_a_named_place_is_flagged_when_unread() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}", 1),
        vendor(
            "The record exists at the doubled name. Could you create it at the right name? "
            "And please delete the one at the doubled name while you're in there.",
            2,
        ),
    )
    flagged = [f for f in read(ticket).flags if f.code == "unread_value"]
    assert flagged and "doubled name" in flagged[0].message


def test_a_request_withdrawn_by_the_owner_it_named() -> None:
    ticket = conversation(
        vendor('Please add this record:\n\n    service.gov.uk.  CAA  0 issue "certainly.com"', 1),
        us("We'd rather not change the service.gov.uk set.", 2),
        vendor(
            "Please disregard my request to add the record at service.gov.uk and leave that set "
            "exactly as it is. Instead, please create this record on the hostname itself:\n\n"
            '    find-apprenticeship.service.gov.uk.  CAA  0 issue "certainly.com"',
            3,
        ),
    )
    assert [c[1] for c in changes(ticket)] == ["find-apprenticeship.service.gov.uk."]
    assert "retracted" in codes(ticket)


def test_a_way_to_clear_a_vendor_object_is_no_removal_of_the_record_after_it() -> None:
    ticket = conversation(
        vendor(f"Please add:\n\n{CNAME}", 1),
        us(
            "In and resolving:\n\n$ dig +short CNAME _acme-challenge.www.gov.uk\n"
            "k4v7qh2m9xw3zt8pld.fastly-validations.com.",
            2,
        ),
        vendor(
            "The authorization got stuck. The only way to clear it was to delete and recreate "
            f"it, and that generates a new value. Here's the new one:\n\n{NEW}\n\n"
            "Could you change the existing CNAME so that it points at the new value?",
            3,
        ),
    )
    assert [c[0] for c in changes(ticket)] == ["update"]


def test_a_record_you_have_also_shown_before_a_colon_is_published_not_asked() -> None:
    ticket = _one_vendor_mail(
        f"Please change the value:\n\n{NEW}\n\nOn the same host you have also this TXT record:\n\n"
        '_fastly.www.gov.uk.  TXT  "fastly-domain-delegation-HNOyYxHBxv6dZ1hM"\n\n'
        "This one is for the domain delegation, so please leave it like it is."
    )
    result = read(ticket)
    assert [c.type for c in result.changes] == ["CNAME"]
    assert [o.type for o in result.observed] == ["TXT"]


def test_the_current_ttl_said_to_be_fine_is_no_ttl_asked() -> None:
    ticket = _one_vendor_mail(
        f"Please add:\n\n{CNAME.replace(' 300 IN ', ' ')}\n\n"
        "On TTL: the hostname's current 300s is fine, keep it as it is."
    )
    assert [c.ttl for c in read(ticket).changes] == [None]


def test_a_keep_inside_one_list_item_is_not_the_next_items() -> None:
    ticket = _one_vendor_mail(
        "Two DNS records are needed:\n"
        "1. CAA - please add alongside the existing one:\n"
        'x.service.gov.uk.  CAA  0 issue "certainly.com"\n'
        "Keep the existing digicert.com entry.\n"
        "2. ACME challenge\n"
        "_acme-challenge.x.service.gov.uk.  CNAME  nsqteta9k9aw86subz.fastly-validations.com.\n"
    )
    assert sorted((c.action, c.type) for c in read(ticket).changes) == [
        ("add", "CAA"),
        ("add", "CNAME"),
    ]


def test_a_record_named_to_be_left_after_a_delete_in_the_same_item_stays() -> None:
    ticket = _one_vendor_mail(
        "To restate:\n\n"
        "1. Now: change _acme-challenge.x.service.gov.uk CNAME from "
        "h90a9bikmfkxxjgs3a.fastly-validations.com to tvkdo7gt4a09o8lk8i.fastly-validations.com\n"
        "2. Only after we confirm issuance: delete the TXT "
        '"globalsign-domain-verification=bbhNS47GcvFR6XYklUcTXj1Jrm-1AOTCXAodfFBcrKN" on '
        'x.service.gov.uk. The "v=spf1 -all" TXT is nothing to do with us, please leave it.\n'
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [
        ("update", "CNAME"),
        ("delete", "TXT"),
    ]


def test_an_orphan_someone_set_up_and_asked_to_be_cleared_out_is_a_delete() -> None:
    ticket = _one_vendor_mail(
        "There's an orphaned record at _acme-challenge.assets.publishing.service.gov.uk, a CNAME "
        "to 6klnrjf96w0kig.fastly-validations.com, left behind by a trial service someone set "
        "up in 2021. Could that one be cleared out?"
    )
    assert [c.action for c in read(ticket).changes] == ["delete"]


def test_ignore_what_i_said_about_removing_it_takes_the_removal_back() -> None:
    ticket = conversation(
        vendor(
            "Please add at publishing.service.gov.uk:\n\n"
            "publishing.service.gov.uk. TXT "
            '"globalsign-domain-verification=BRd0Zm7kbAQLhpLSTRjioFGNaXXg7mdxgCA3KPZU"\n\n'
            "After the certificate has been issued, the existing "
            "_acme-challenge.publishing.service.gov.uk CNAME (currently pointing at "
            "u78rhlu16jm12v8u.fastly-validations.com) can be removed.",
            1,
        ),
        vendor(
            "Change of plan. That means:\n\n"
            "- please don't publish the globalsign-domain-verification TXT I sent on Monday.\n"
            "- the _acme-challenge.publishing.service.gov.uk CNAME stays exactly where it is. "
            "Ignore what I said about removing it after issuance.",
            2,
        ),
    )
    result = read(ticket)
    assert result.changes == ()
    assert [f.code for f in result.flags].count("retracted") == 2


def test_what_at_stands_for_is_no_record_data() -> None:
    ticket = _one_vendor_mail(
        "Zone: gov.uk\n"
        '   @    IN    TXT    "globalsign-domain-verification=zMaEaqa0PXR1Oi4TxNGwBpXYN8jQ-MuHSQ9eU_LNE0Y"\n\n'
        "(@ = gov.uk. itself - NOT www.gov.uk, www is a CNAME so it couldn't hold a TXT anyway)\n"
    )
    assert [(c.name, c.type) for c in read(ticket).changes] == [("gov.uk.", "TXT")]


def test_a_row_already_as_required_is_shown_not_asked() -> None:
    ticket = _one_vendor_mail(
        "| Record name | Type | Current value | Required value | Action |\n"
        "| _acme-challenge.assets.publishing.service.gov.uk | CNAME | "
        "823r7rljlj5wmhbjj6.fastly-validations.com | gs7fjot7t7b1y4e8ho.fastly-validations.com "
        "| Update |\n"
        "| _acme-challenge.www.gov.uk | CNAME | haapx0aqhut3q28sp0.fastly-validations.com | "
        "haapx0aqhut3q28sp0.fastly-validations.com | None - already correct |\n"
    )
    result = read(ticket)
    assert [(c.action, c.name) for c in result.changes] == [
        ("update", "_acme-challenge.assets.publishing.service.gov.uk.")
    ]
    assert "_acme-challenge.www.gov.uk." in {o.name for o in result.observed}


def test_the_record_for_a_host_already_correct_is_in_place() -> None:
    asked = (
        "Please make sure these exist:\n\n"
        "_acme-challenge.claim.service.gov.uk   CNAME   96m417stx12cr4oz77.fastly-validations.com\n"
        "_acme-challenge.admin.claim.service.gov.uk   CNAME   ny714ibej6gd7sdujv.fastly-validations.com"
    )
    ticket = conversation(
        vendor(asked, 1),
        us("Is the first one needed? I think it is already there.", 2),
        vendor(
            "The record for claim.service.gov.uk is already correct, so please leave it exactly "
            "as it is. Only the admin one is missing.",
            3,
        ),
    )
    assert [c.name for c in read(ticket).changes] == ["_acme-challenge.admin.claim.service.gov.uk."]


def test_a_zone_dump_that_is_not_a_change_list_and_a_cleanup_for_later_ask_nothing() -> None:
    ticket = _one_vendor_mail(
        "Below is what our tooling sees, formatted as zone file so it's easier to read, this is "
        "NOT a change list:\n\n"
        "    $ORIGIN blog.gov.uk.\n"
        '    @                    3600  IN  CAA    0 issue "globalsign.com"\n'
        '    @                    300   IN  TXT    "v=spf1 -all"\n\n'
        "Please add this record at the zone apex:\n\n"
        '    blog.gov.uk.   CAA   0 issue "certainly.com"\n\n'
        "Keep the globalsign.com entry as it is - we will tell you on a separate ticket when it "
        "can be cleaned up.\n"
    )
    result = read(ticket)
    assert [(c.action, c.value) for c in result.changes] == [("add", '0 issue "certainly.com"')]
    assert len(result.observed) == 2


def test_the_items_under_a_done_heading_are_in_place() -> None:
    ticket = _one_vendor_mail(
        "Done \u2705\n\n"
        "- _acme-challenge.register-a-trailer.service.gov.uk  CNAME  "
        "hus9y3y2x9adpgr5oq.fastly-validations.com \u2013 added by your team on 10 Sep, validated\n\n"
        "Still to do \u23f3\n\n"
        "1. Please add the challenge record for the second hostname:\n"
        "_acme-challenge.manage-trailer.service.gov.uk  CNAME  "
        "hdfld962cke6x0eo12.fastly-validations.com\n"
    )
    result = read(ticket)
    assert [c.name for c in result.changes] == ["_acme-challenge.manage-trailer.service.gov.uk."]
    assert [o.name for o in result.observed] == [
        "_acme-challenge.register-a-trailer.service.gov.uk."
    ]


def test_what_it_should_be_beside_what_you_have_now_replaces_only_what_differs() -> None:
    ticket = _one_vendor_mail(
        "What you have now:\n\n"
        '  campaign.gov.uk.   TXT   "globalsign-domain-verification=JBbrXjUlZSXuWcXGrVgQ4q24yZLpb1GORH2t5xU2Hhk"\n'
        '  campaign.gov.uk.   TXT   "v=spf1 -all"\n\n'
        "What it should be after the change:\n\n"
        '  campaign.gov.uk.   TXT   "globalsign-domain-verification=B6HMCt5Nbcefk5fffkZcx9JMb00NFLXIqaY-XgyPpg6"\n'
        '  campaign.gov.uk.   TXT   "v=spf1 -all"\n'
    )
    assert [(c.action, c.value, c.old_value) for c in read(ticket).changes] == [
        (
            "update",
            "globalsign-domain-verification=B6HMCt5Nbcefk5fffkZcx9JMb00NFLXIqaY-XgyPpg6",
            "globalsign-domain-verification=JBbrXjUlZSXuWcXGrVgQ4q24yZLpb1GORH2t5xU2Hhk",
        )
    ]


def test_a_ttl_left_to_us_in_an_answer_is_no_ttl_asked() -> None:
    def answered(reply: str) -> list[int | None]:
        ticket = conversation(
            vendor(f"Please create:\n\n{CNAME.replace(' 300 IN ', ' ')}", 1),
            us("Our module sets TTL 3600 by default. Does Fastly need something shorter?", 2),
            vendor(reply, 3),
        )
        return [c.ttl for c in read(ticket).changes]

    assert answered(
        "no, the TTL is not important for this record, you can keep your default. 3600 is fine."
    ) == [None]
    assert answered(
        "The TTL isn't critical. Still, a short one helps, so please use a TTL of 300 seconds."
    ) == [300]


def test_a_hostname_correctly_pointing_to_fastly_is_shown_not_asked() -> None:
    ticket = _one_vendor_mail(
        "We checked and your hostname is correctly pointing to Fastly:\n\n"
        "send-prisoner-money.service.gov.uk.  300  IN  CNAME  n.sni.global.fastly.net.\n\n"
        "This is correct, no change needed."
    )
    result = read(ticket)
    assert result.changes == ()
    assert [o.type for o in result.observed] == ["CNAME"]


def test_nothing_to_delete_takes_back_the_one_removal_asked() -> None:
    ticket = conversation(
        vendor(
            "Could you please:\n\n"
            "1. delete the TXT record at _acme-challenge.www.gov.uk\n"
            "2. add _acme-challenge.www.gov.uk CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com",
            1,
        ),
        us("There is no TXT at that name: NXDOMAIN.", 2),
        vendor("You are right. There is nothing to delete, please ignore point 1.", 3),
    )
    assert [c.action for c in read(ticket).changes] == ["add"]


def test_a_value_asked_to_be_put_back_and_not_read_is_flagged_at_its_line() -> None:
    ticket = _one_vendor_mail(
        "The token was appended to your SPF string. Could you please:\n\n"
        "1) put the SPF value back to what it was: v=spf1 include:_spf.google.com -all\n"
        "2) add this as its own TXT value at blog.gov.uk:\n\n"
        'blog.gov.uk. TXT "globalsign-domain-verification=7ly4dkuCQu6_Ag9SjbSbrJS-MdmlyV63p1ghMeWhBOG"'
    )
    flagged = [f for f in read(ticket).flags if f.code == "unread_value"]
    assert flagged and flagged[0].source is not None and flagged[0].source.first_line == 3
    assert "put back" in flagged[0].message


def test_a_later_list_item_says_its_verb_of_itself_not_of_the_record_above() -> None:
    ticket = _one_vendor_mail(
        "A summary of this ticket so far:\n\n"
        "- design-system.service.gov.uk: validated\n"
        "- frontend.design-system.service.gov.uk: needs _acme-challenge.frontend CNAME "
        "0uieyo5ww9gd4z4ovq.fastly-validations.com, still not visible from our side\n"
        "- components.design-system.service.gov.uk: removed from the certificate, nothing to do"
    )
    assert [(c.action, c.name) for c in read(ticket).changes] == [
        ("add", "_acme-challenge.frontend.design-system.service.gov.uk.")
    ]


def test_a_value_cell_that_says_what_is_there_now_is_an_update() -> None:
    ticket = _one_vendor_mail(
        "| Record | Type | Value |\n|---|---|---|\n"
        "| _acme-challenge.components.design-system.service.gov.uk | CNAME | "
        "rfgroouwehd8ce07j1.fastly-validations.com (currently "
        "fzmqn9c5l7kviqyb0b.fastly-validations.com, please update) |"
    )
    (change,) = read(ticket).changes
    assert (change.action, change.value, change.old_value) == (
        "update",
        "rfgroouwehd8ce07j1.fastly-validations.com.",
        "fzmqn9c5l7kviqyb0b.fastly-validations.com.",
    )


def test_skipping_a_host_by_its_first_label_withdraws_its_records() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.design-system.service.gov.uk CNAME "
            "4ydpeallsviheue7wv.fastly-validations.com\n"
            "_acme-challenge.components.design-system.service.gov.uk CNAME "
            "rfgroouwehd8ce07j1.fastly-validations.com",
            1,
        ),
        us("components is retired. Does it still need to be on the certificate?", 2),
        vendor("Good point. Please skip the components record entirely, no update needed.", 3),
    )
    result = read(ticket)
    assert [c.name for c in result.changes] == ["_acme-challenge.design-system.service.gov.uk."]
    assert "retracted" in [f.code for f in result.flags]


def test_a_record_said_with_its_value_and_no_type_is_read_by_the_value_shape() -> None:
    ticket = _one_vendor_mail(
        "The record must be at _acme-challenge.frontend.design-system.service.gov.uk, with the "
        "same value 0uieyo5ww9gd4z4ovq.fastly-validations.com."
    )
    assert [(c.action, c.type, c.value) for c in read(ticket).changes] == [
        ("add", "CNAME", "0uieyo5ww9gd4z4ovq.fastly-validations.com.")
    ]


def test_a_host_the_vendor_says_is_validated_has_its_add_done() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.design-system.service.gov.uk CNAME "
            "4ydpeallsviheue7wv.fastly-validations.com\n"
            "_acme-challenge.frontend.design-system.service.gov.uk CNAME "
            "0uieyo5ww9gd4z4ovq.fastly-validations.com",
            1,
        ),
        us("Both added.", 2),
        vendor(
            "Thanks. design-system.service.gov.uk is validated, but "
            "frontend.design-system.service.gov.uk still isn't. Could you double-check?",
            3,
        ),
    )
    assert [c.name for c in read(ticket).changes] == [
        "_acme-challenge.frontend.design-system.service.gov.uk."
    ]


def test_records_to_stay_rather_than_be_removed_are_not_deleted() -> None:
    ticket = _one_vendor_mail(
        "Please create a CNAME at _acme-challenge.hmrc.gov.uk with the target "
        "p53bp6sq4dobcrzxq2vk.fastly-validations.com.\n\n"
        "These records are meant to stay in place permanently rather than being removed once "
        "the certificate has been issued, since we use them again every time."
    )
    assert [c.action for c in read(ticket).changes] == ["add"]


def test_the_closest_caa_set_a_ca_finds_is_published_not_asked() -> None:
    ticket = _one_vendor_mail(
        "For both names above the closest CAA set is on ons.gov.uk:\n\n"
        '  ons.gov.uk.   300   IN   CAA   0 issue "digicert.com"\n\n'
        "Neither of these authorizes Certainly. Please add the following record to ons.gov.uk:"
        '\n\n  ons.gov.uk.   CAA   0 issue "certainly.com"\n'
    )
    result = read(ticket)
    assert [(c.action, c.value, c.ttl) for c in result.changes] == [
        ("add", '0 issue "certainly.com"', None)
    ]
    assert [o.value for o in result.observed] == ['0 issue "digicert.com"']


def test_a_row_whose_action_cell_says_keep_is_not_removed_by_the_lead_in() -> None:
    ticket = _one_vendor_mail(
        "We found three values currently published. Two of them can be removed now.\n\n"
        "| Name | Type | Value | Belongs to | Action |\n"
        "| gov.uk | TXT | globalsign-domain-verification=q0aESGbwPQIpBYoyksWcj00zmkqw | old | Remove |\n"
        "| gov.uk | TXT | globalsign-domain-verification=RDDsfqAvJD76_uG0isoVc6HI | current | Keep |\n"
    )
    assert [(c.action, c.value) for c in read(ticket).changes] == [
        ("delete", "globalsign-domain-verification=q0aESGbwPQIpBYoyksWcj00zmkqw")
    ]


def test_the_value_a_published_record_points_to_and_the_value_needed_make_an_update() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\nName:  _acme-challenge.www.hmrc.gov.uk\nType:  CNAME\n"
            "Value: xfywmhjcxicx23hh6z.fastly-validations.com",
            1,
        ),
        _cc(
            "Added via Infoblox this morning:\n\n"
            "C:\\> nslookup -type=CNAME _acme-challenge.www.hmrc.gov.uk\n"
            "Server:  dns01.hmrc.gov.uk\n\n"
            "_acme-challenge.www.hmrc.gov.uk\tcanonical name = "
            "xfywhmjcxicx23hh6z.fastly-validations.com",
            2,
        ),
        vendor(
            "Validation is still failing, and I think I can see why: the record Gareth published "
            "points to\n\n    xfywhmjcxicx23hh6z.fastly-validations.com\n\n"
            "but the value we need is\n\n    xfywmhjcxicx23hh6z.fastly-validations.com\n\n"
            "(the 5th and 6th characters are swapped). Could you please correct the existing "
            "CNAME to the right target? No other changes needed.",
            3,
        ),
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.www.hmrc.gov.uk.",
            "CNAME",
            "xfywmhjcxicx23hh6z.fastly-validations.com.",
            "xfywhmjcxicx23hh6z.fastly-validations.com.",
        )
    ]


def test_a_ca_entry_said_not_needed_withdraws_the_caa_asked_for_it() -> None:
    ticket = conversation(
        vendor(
            "Please add the following record to the publishing.service.gov.uk zone, alongside "
            "whatever is there today:\n\n"
            '  publishing.service.gov.uk.  CAA  0 issue "letsencrypt.org"',
            1,
        ),
        us(
            "Here's what the zone currently publishes:\n\n"
            "$ dig +noall +answer CAA publishing.service.gov.uk\n"
            'publishing.service.gov.uk. 3600 IN\tCAA\t0 issue "digicert.com"\n\n'
            "Are our certificates not from Certainly these days?",
            2,
        ),
        vendor(
            "Good catch, and apologies. This subscription is on Certainly. The error text on the "
            'actual order is "Expected certainly.com".\n\n'
            "So please add this instead of what I sent earlier:\n\n"
            '  publishing.service.gov.uk.  CAA  0 issue "certainly.com"\n\n'
            "The letsencrypt.org entry is not needed at all. Leave the digicert.com and "
            "globalsign.com lines in place.",
            3,
        ),
    )
    assert [c.value for c in read(ticket).changes] == ['0 issue "certainly.com"']


def test_a_reply_that_disregards_the_request_in_the_mail_below_it_does_not_pass_it_on() -> None:
    ticket = _text(
        "Hi both,\n\nForwarding for visibility. Fastly have changed tack on the Ofqual one, so "
        "I've cancelled the change request I'd drafted for the TXT record. Ofqual's hostmaster "
        "mailbox just needs to click the approval link.\n\n"
        "Nadia\n\n---------- Forwarded message ---------\n"
        "From: Fastly Support <support@fastly.com>\n"
        "Date: Wed, 9 Jul 2025 at 11:26\n"
        "Subject: Re: [Fastly] ofqual.gov.uk domain verification\n\n"
        "Hi,\n\nChange of plan on this one, sorry. Please disregard the DNS record request in my "
        "message below. We've switched the GlobalSign order for ofqual.gov.uk to email "
        "validation.\n\n"
        "GlobalSign has just sent an approval email to hostmaster@ofqual.gov.uk. Once that's "
        "done the certificate issues automatically.\n\n"
        "The TXT token below is no longer valid for this order, so please don't add it.\n\n"
        "Regards,\nJonas\n\n"
        "On Mon, 7 Jul 2025 at 09:14, Fastly Support <support@fastly.com> wrote:\n\n"
        "> Hello GOV.UK team,\n"
        "> To complete domain verification for ofqual.gov.uk on the shared certificate, please "
        "add the following TXT record at the zone apex:\n"
        '> ofqual.gov.uk.  IN  TXT  "globalsign-domain-verification=cwlPfVFilkrQNRX4dil1zrufA1KN"\n'
    )
    assert [c.action for c in read(ticket).changes] == []


def test_a_record_still_pointing_at_an_old_target_is_published_not_asked() -> None:
    body = (
        "The record _acme-challenge is still pointing for the validation target of the old "
        "subscription:\n\n"
        "_acme-challenge.content-data.publishing.service.gov.uk. 3600 IN CNAME "
        "tjsrgk4byyd6vr7wfv.fastly-validations.com.\n\n"
        "Kindly, can you change it so it points to ys70inzeylvncerjbe.fastly-validations.com ?"
    )
    ticket = Ticket(
        id="1",
        subject="Renew failing - content-data.publishing.service.gov.uk",
        comments=(vendor(body, 1),),
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.content-data.publishing.service.gov.uk.",
            "CNAME",
            "ys70inzeylvncerjbe.fastly-validations.com.",
            "tjsrgk4byyd6vr7wfv.fastly-validations.com.",
        )
    ]


def test_a_host_confirmed_validated_by_its_first_label_has_its_add_done() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n"
            "_acme-challenge.frontend.design-system.service.gov.uk CNAME "
            "0uieyo5ww9gd4z4ovq.fastly-validations.com\n"
            "_acme-challenge.admin.design-system.service.gov.uk CNAME "
            "4ydpeallsviheue7wv.fastly-validations.com",
            1,
        ),
        us("Both added.", 2),
        vendor("Confirmed: frontend validated. Still waiting on the other one.", 3),
    )
    assert [c.name for c in read(ticket).changes] == [
        "_acme-challenge.admin.design-system.service.gov.uk."
    ]


def test_a_dig_short_answer_without_a_type_is_the_cname_published() -> None:
    ticket = _one_vendor_mail(
        "I have check with dig and is true, there is already a CNAME but to an old value of us:"
        "\n\n  $ dig +short _acme-challenge.forms.service.gov.uk\n"
        "  5kpva990geuqlc47i0.fastly-validations.com.\n\n"
        "So you have to change this CNAME to the new value "
        "5gj2rredr34l0cp50k.fastly-validations.com (same name, only the target change)."
    )
    result = read(ticket)
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.forms.service.gov.uk.",
            "CNAME",
            "5gj2rredr34l0cp50k.fastly-validations.com.",
            "5kpva990geuqlc47i0.fastly-validations.com.",
        )
    ]
    assert [o.value for o in result.observed] == ["5kpva990geuqlc47i0.fastly-validations.com."]


def test_a_record_pointing_to_the_old_value_is_published_and_changing_it_updates_it() -> None:
    ticket = _one_vendor_mail(
        "The record _acme-challenge.www.trade-tariff.service.gov.uk is existing, but it is "
        "pointing to the old value zvhpc6usmvdu8frhq0.fastly-validations.com - this is from "
        "previous subscription.\n\nPlease can you change it to:\n"
        "gt2yoc11y2grwjnqzs.fastly-validations.com"
    )
    assert changes(ticket) == [
        (
            "update",
            "_acme-challenge.www.trade-tariff.service.gov.uk.",
            "CNAME",
            "gt2yoc11y2grwjnqzs.fastly-validations.com.",
            "zvhpc6usmvdu8frhq0.fastly-validations.com.",
        )
    ]


def test_caa_records_a_ca_check_found_are_published_and_need_no_removal() -> None:
    ticket = _one_vendor_mail(
        "CAA records found (on publishing.service.gov.uk):\n"
        'publishing.service.gov.uk.  3600  IN  CAA  0 issue "letsencrypt.org"\n\n'
        "Action required. Please make the following DNS changes:\n\n"
        "| # | Name | Type | Value |\n"
        '| 1 | publishing.service.gov.uk | CAA | 0 issue "certainly.com" |\n\n'
        "Existing CAA records do not need to be removed; the new record is added alongside them."
    )
    result = read(ticket)
    assert [(c.action, c.value, c.ttl) for c in result.changes] == [
        ("add", '0 issue "certainly.com"', None)
    ]
    assert [o.value for o in result.observed] == ['0 issue "letsencrypt.org"']
    assert [f.code for f in result.flags if f.severity != "info"] == []


def test_a_notice_that_names_the_certificate_only_to_set_it_aside_is_not_certificate_work(
    app: AppConfig,
) -> None:
    def classified(text: str) -> str:
        ticket = Ticket(id="1", subject="Elevated 503s on GOV.UK Production", text=text)
        result = to_json(triage(ticket, DirectoryZones(app.owners(), app.suffixes), app))
        return str(result["classification"])

    notice = (
        "Our monitoring flagged 503 responses between 02:10 and 02:55 UTC. Consider raising "
        "first_byte_timeout for /search.\n\n"
        "(Unrelated, but since people always ask: this has nothing to do with the TLS renewal "
        "we did last month - that certificate is fine and valid until 11 December.)\n\n"
        "What it did NOT affect\n- TLS. Certificate issuance, renewal and ACME validation were "
        "not affected.\n\nRegards,\nFastly Incident Communications\nhttps://www.fastlystatus.com"
    )
    assert classified(notice) == "not_certificate"
    assert classified(notice + "\n\nYour TLS certificate renewal needs DNS validation.") == (
        "dns_change"
    )


def test_the_ttl_a_record_has_now_is_not_the_ttl_asked_for() -> None:
    ticket = _one_vendor_mail(
        "Update needed, renewal won't validate:\n\n"
        "_acme-challenge.www.check-mot.service.gov.uk  CNAME\n"
        "  old: h36xj5kdm3u900qbpm.fastly-validations.com\n"
        "  new: u9yx53tbq3cb1shh81.fastly-validations.com\n\n"
        "Currently resolves to the old one, TTL 86400. Pls set TTL 300 while you're in there, "
        "the day-long TTL slows our retries."
    )
    result = read(ticket)
    assert [(c.action, c.ttl) for c in result.changes] == [("update", 300)]
    assert [f.code for f in result.flags if f.severity != "info"] == []


def test_a_host_said_validated_mid_sentence_or_as_has_validated_has_its_add_done() -> None:
    def left(later: str) -> list[str]:
        ticket = conversation(
            vendor(
                "Please publish these:\n\n"
                "_acme-challenge.nationalarchives.gov.uk.  CNAME  "
                "ukt3wigu0mtl8llt6w.fastly-validations.com.\n"
                "_acme-challenge.www.nationalarchives.gov.uk.  CNAME  "
                "kovabcmjk20wncj2v9.fastly-validations.com.",
                1,
            ),
            us("Passed on to TNA.", 2),
            vendor(later, 3),
        )
        return [c.name for c in read(ticket).changes]

    apex = ["_acme-challenge.nationalarchives.gov.uk."]
    assert left("From our side www is validated, the apex isn't. Could you chase it?") == apex
    assert left("www.nationalarchives.gov.uk has validated, thank you. Still outstanding:") == apex


def test_a_record_wanted_because_of_what_is_there_is_asked_not_published() -> None:
    ticket = _one_vendor_mail(
        "GlobalSign needs two things in DNS:\n\n"
        "  1. A TXT record on the hostname itself:\n"
        '  design-system.service.gov.uk.   TXT   "globalsign-domain-verification=wweocv81k2lsNa"\n\n'
        "  2. A CAA record allowing GlobalSign, because the name currently has a CAA set that only "
        "lists Let's Encrypt:\n"
        '  design-system.service.gov.uk.   CAA   0 issue "globalsign.com"\n'
    )
    assert sorted((c.action, c.type) for c in read(ticket).changes) == [
        ("add", "CAA"),
        ("add", "TXT"),
    ]


def test_a_record_left_to_our_choice_is_not_asked_to_go() -> None:
    ticket = _one_vendor_mail(
        "The ACME challenge record is still there:\n\n"
        "  _acme-challenge.get-ready-brexit-check.service.gov.uk. 300 IN CNAME "
        "t9uebvcs23jpdwewfr.fastly-validations.com.\n\n"
        "Could you please remove that CNAME?\n\n"
        "For completeness, get-ready-brexit-check.service.gov.uk itself also still resolves to us "
        "(CNAME to dualstack.n.sni.global.fastly.net.). Whether you keep, repoint or delete that "
        "one is entirely a decision for you, I'm not asking for it."
    )
    assert [(c.action, c.name) for c in read(ticket).changes] == [
        ("delete", "_acme-challenge.get-ready-brexit-check.service.gov.uk.")
    ]


def test_the_site_name_in_capitals_is_no_cname_target() -> None:
    ticket = _one_vendor_mail(
        "For the renew of the certificate of hmrc.gov.uk and www.hmrc.gov.uk (the redirects to "
        "GOV.UK), is need to create 2 records CNAME in the zone hmrc.gov.uk:\n"
        "1) _acme-challenge.hmrc.gov.uk -> sies3y2ysh8taflbwz.fastly-validations.com\n"
        "2) _acme-challenge.www.hmrc.gov.uk -> 268j28intl7qa9q1a7.fastly-validations.com\n"
    )
    assert [c.name for c in read(ticket).changes] == [
        "_acme-challenge.hmrc.gov.uk.",
        "_acme-challenge.www.hmrc.gov.uk.",
    ]


def test_hosts_a_later_comment_lists_as_validated_have_their_adds_done() -> None:
    def left(later: str) -> list[str]:
        ticket = conversation(
            vendor(
                "Please publish:\n\n"
                "_acme-challenge.education.gov.uk  CNAME  786zn723tk9w3w09sx.fastly-validations.com\n"
                "_acme-challenge.www.education.gov.uk  CNAME  nrce7ayivouup9t3n4.fastly-validations.com\n"
                "_acme-challenge.api.education.gov.uk  CNAME  u6x2l2ainjk74waquh.fastly-validations.com",
                1,
            ),
            us("Passed to DfE.", 2),
            vendor(later, 3),
        )
        return [c.name for c in read(ticket).changes]

    api = ["_acme-challenge.api.education.gov.uk."]
    assert (
        left(
            "Restating what's outstanding:\n\n"
            "* education.gov.uk and www.education.gov.uk - validated, nothing further to do.\n"
            "* api.education.gov.uk - still pending."
        )
        == api
    )
    assert (
        left(
            "education.gov.uk and www.education.gov.uk have both passed validation. The api one is "
            "still pending."
        )
        == api
    )
    assert left(
        "The education.gov.uk challenge has validated, and so has www.education.gov.uk. "
        "The api hostname is still pending."
    ) == ["_acme-challenge.www.education.gov.uk.", *api]


def test_nothing_under_a_misspelt_host_withdraws_its_www_record_too() -> None:
    ticket = conversation(
        vendor(
            "Please create these CNAME records:\n\n"
            "_acme-challenge.find-goverment-grants.service.gov.uk  CNAME  "
            "2j8gj94lu39y6zpa0w.fastly-validations.com\n"
            "_acme-challenge.www.find-goverment-grants.service.gov.uk  CNAME  "
            "zf6u4hcs7s5sjzd35j.fastly-validations.com",
            1,
        ),
        us("The names say find-goverment-grants. Typo?", 2),
        vendor(
            "Good catch - a typo. The records should be:\n"
            "_acme-challenge.find-government-grants.service.gov.uk -> "
            "2j8gj94lu39y6zpa0w.fastly-validations.com\n"
            "_acme-challenge.www.find-government-grants.service.gov.uk -> "
            "zf6u4hcs7s5sjzd35j.fastly-validations.com\n"
            "Both CNAMEs, targets unchanged. Please don't create anything under "
            "find-goverment-grants.",
            3,
        ),
    )
    assert sorted(c.name for c in read(ticket).changes) == [
        "_acme-challenge.find-government-grants.service.gov.uk.",
        "_acme-challenge.www.find-government-grants.service.gov.uk.",
    ]


def test_a_reply_saying_its_first_mail_stands_reads_that_mail_under_our_question() -> None:
    ticket = _text(
        "Hi Jo,\n\nQuick correction to my mail below - the apex token lost a character. The full "
        "value is:\n\n_acme-challenge.civilservicejobs.service.gov.uk   CNAME   "
        "r4jcjqe2bg063idcv3.fastly-validations.com\n\n"
        "The www record in my original message is correct as written, so please go ahead with "
        "that one too.\n\nNadia\n\n"
        "On Tue, 9 Jul 2024 at 16:02, Jo Pembroke <jo@digital.cabinet-office.gov.uk> wrote:\n"
        "> Hi Nadia, the apex value below looks a character short. Can you double-check?\n"
        ">\n"
        "> On Tue, 9 Jul 2024 at 11:40, Nadia Haddad <support@fastly.com> wrote:\n"
        ">> Please add the following:\n"
        ">>\n"
        ">> _acme-challenge.civilservicejobs.service.gov.uk        CNAME  "
        "r4jcjqe2bg063idcv.fastly-validations.com\n"
        ">> _acme-challenge.www.civilservicejobs.service.gov.uk    CNAME  "
        "q4u7uvvxcp50tzqvzm.fastly-validations.com\n"
    )
    result = read(ticket)
    assert "_acme-challenge.www.civilservicejobs.service.gov.uk." in [
        c.name for c in result.changes
    ]


def test_a_table_note_that_says_overwrite_makes_the_row_an_update() -> None:
    ticket = _one_vendor_mail(
        "Zone: gov.uk\n\n"
        "| Value | Type | Host | Notes |\n|---|---|---|---|\n"
        "| ok27orodn2q30g812v.fastly-validations.com | CNAME | _acme-challenge.www | There's "
        "already a CNAME here from our 3 March request - overwrite it with this value, don't add "
        "a second one |\n"
        "| c7natswktdzeykvwr3.fastly-validations.com | CNAME | _acme-challenge | New (zone apex "
        "name) |\n"
    )
    assert sorted((c.action, c.name) for c in read(ticket).changes) == [
        ("add", "_acme-challenge.gov.uk."),
        ("update", "_acme-challenge.www.gov.uk."),
    ]


def test_not_adding_the_record_at_the_name_given_first_withdraws_it() -> None:
    ticket = conversation(
        vendor(
            "For domain validation, please add below DNS record:\n\n"
            "_acme-challenge.find-government-grants.service.gov.uk   CNAME   "
            "hqtj2kahj5b249cz13.fastly-validations.com",
            1,
        ),
        us("The bare name only redirects. Did you mean the www name?", 2),
        vendor(
            "You are right, the subscription is only for www.find-government-grants.service.gov.uk."
            "\n\nSo please create the record on this name:\n\n"
            "_acme-challenge.www.find-government-grants.service.gov.uk   CNAME   "
            "hqtj2kahj5b249cz13.fastly-validations.com\n\n"
            'The value is same as before. Please do not add the record on the name without "www" '
            "which I gave first, it is not needed.",
            3,
        ),
    )
    result = read(ticket)
    assert [c.name for c in result.changes] == [
        "_acme-challenge.www.find-government-grants.service.gov.uk."
    ]
    assert "retracted" in [f.code for f in result.flags]


def test_a_bare_delete_beside_a_quoted_dig_of_that_record_is_flagged() -> None:
    ticket = _text(
        "Hi Rob,\n\nWhat you've published at _acme-challenge.assets.publishing.service.gov.uk is a "
        "TXT record whose text is the validation hostname. We need a CNAME there.\n\n"
        "So please:\n"
        "  1. delete the TXT record at _acme-challenge.assets.publishing.service.gov.uk\n"
        "  2. create a CNAME at the same name pointing to "
        "aojmkjvawj9jxbsb34.fastly-validations.com\n\n"
        "Regards,\nWiktor\n\n"
        "On 3 Sep 2024, at 10:21, Rob Ellison <rob@digital.cabinet-office.gov.uk> wrote:\n"
        "> Here's what's live:\n>\n"
        "> $ dig +noall +answer TXT _acme-challenge.assets.publishing.service.gov.uk\n"
        "> _acme-challenge.assets.publishing.service.gov.uk. 300 IN TXT "
        '"aojmkjvawj9jxbsb34.fastly-validations.com"\n'
    )
    result = read(ticket)
    deletes = [c for c in result.changes if c.action == "delete"]
    assert [(c.type, c.value) for c in deletes] == [("TXT", None)]
    flagged = [f for f in result.flags if f.code == "unread_value"]
    assert flagged and "aojmkjvawj9jxbsb34" in flagged[0].message


def test_caa_data_alone_under_a_lead_in_naming_its_domain_is_asked_there() -> None:
    ticket = _one_vendor_mail(
        "Current CAA at the hostname, as returned by the authoritative servers:\n"
        'ons.gov.uk. 3600 IN CAA 0 issue "digicert.com"\n\n'
        "Because our platform can fail over, please add both of these to the set at ons.gov.uk:\n\n"
        '    `0 issue "certainly.com"`\n'
        '    `0 issue "letsencrypt.org"`\n'
    )
    result = read(ticket)
    assert [(c.action, c.name, c.value, c.ttl) for c in result.changes] == [
        ("add", "ons.gov.uk.", '0 issue "certainly.com"', None),
        ("add", "ons.gov.uk.", '0 issue "letsencrypt.org"', None),
    ]
    assert [o.value for o in result.observed] == ['0 issue "digicert.com"']


def test_caa_split_over_flag_tag_and_value_fields_is_put_back_together() -> None:
    table = _one_vendor_mail(
        "Could you add one more CAA record on trade-tariff.service.gov.uk:\n\n"
        "| Name | Type | Flag | Tag | Value |\n|---|---|---|---|---|\n"
        "| trade-tariff.service.gov.uk | CAA | 0 | issue | certainly.com |\n"
    )
    labels = _one_vendor_mail(
        "Record 2 - CA authorisation\n\n"
        "Host Name: report-a-pothole.service.gov.uk\nRecord Type: CAA\nFlags: 0\nTag: issue\n"
        "Value: letsencrypt.org\n"
    )
    assert [c.value for c in read(table).changes] == ['0 issue "certainly.com"']
    assert [c.value for c in read(labels).changes] == ['0 issue "letsencrypt.org"']


def test_a_step_to_do_after_the_issuing_step_waits_for_issuance() -> None:
    ticket = _one_vendor_mail(
        "3. _acme-challenge.www.trade-tariff.service.gov.uk  CNAME  "
        "6jlysgdw37xho5k6vwap.fastly-validations.com -- GOV.UK please\n"
        "5. Certificate issued and activated on the TLS configuration -- Fastly\n"
        "6. AFTER step 5 only: delete the leftover certbot record\n"
        '       _acme-challenge.admin.trade-tariff.service.gov.uk  TXT  "-ELmSiohQy-ASpJgH2FIKxIxCFy4aDC"\n'
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_a_caa_tag_withdrawn_in_the_same_forwarded_mail_is_held_for_a_person() -> None:
    # (French mail headers: the two notes are read as one mail, the newer on top)
    ticket = _text(
        "Forwarding two notes from our certificate team. The second amends the first.\n\n"
        "De : Camille <clefevre@fastly.com>\nEnvoyé : jeudi 6 mars 2025 11:02\nObjet : RE: gov.uk CAA\n\n"
        "Small correction to what I wrote yesterday: drop the issuewild line. A wildcard "
        "authorisation isn't needed.\n\n"
        "De : Camille <clefevre@fastly.com>\nEnvoyé : mercredi 5 mars 2025 17:45\nObjet : gov.uk CAA\n\n"
        "Can we ask the customer to add the following alongside the existing records:\n\n"
        'gov.uk.  CAA  0 issue "globalsign.com"\n'
        'gov.uk.  CAA  0 issuewild "globalsign.com"\n'
    )
    result = read(ticket)
    held = [f for f in result.flags if f.code == "ambiguous_request"]
    assert held and "issuewild" in held[0].message


def test_records_to_be_retired_later_in_the_ticket_are_not_deleted_now() -> None:
    ticket = _one_vendor_mail(
        "For reference only - these are the GlobalSign-related records we can currently see. "
        "They are still in use, so please leave them exactly as they are; I\u2019ll let you know "
        "in this ticket when they can be retired:\n\n"
        "| Name | Type | Value |\n"
        "| service.gov.uk | TXT | globalsign-domain-verification=PkRop5ioa6hWU5PmsIDpsyX7k2N3pD |\n"
        '| service.gov.uk | CAA | 0 issue "globalsign.com" |\n\n'
        'What we need you to add:\n\nservice.gov.uk.   CAA   0 issue "certainly.com"\n'
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("add", "CAA")]


def test_a_service_record_shown_then_left_as_it_is_is_published_not_asked() -> None:
    # (as Outlook's HTML comes out as text: a space at each line's end, blank lines of spaces)
    ticket = _one_vendor_mail(
        "Before I list what\u2019s needed, a quick note on what is not needed: "
        "design-system.service.gov.uk is already sending traffic to us, I can see \n  \n"
        "design-system.service.gov.uk.   CNAME   dualstack.n.sni.global.fastly.net. \n  \n"
        "so please leave that one exactly as it is. \n  \n"
        "What we do need is one challenge record per hostname: \n  \n"
        "Record name: _acme-challenge.design-system.service.gov.uk\n Type: CNAME\n"
        " Target: ydvooviryot6ofagct.fastly-validations.com \n"
    )
    result = read(ticket)
    assert [c.name for c in result.changes] == ["_acme-challenge.design-system.service.gov.uk."]
    assert [o.value for o in result.observed] == ["dualstack.n.sni.global.fastly.net."]


def test_a_record_that_should_not_have_been_in_the_mail_below_is_withdrawn() -> None:
    ticket = _text(
        "Hi Sam,\n\nSmall correction to my message below: the third record (for "
        "www.staging.publishing.service.gov.uk) shouldn't have been in there. That hostname is on "
        "a separate account.\n\nPriya\n\n"
        "-----Original Message-----\n"
        "From: Priya Natarajan (Fastly Support) <support@fastly.com>\n"
        "Sent: Wednesday, March 12, 2025 10:14 AM\n"
        "Subject: Fastly TLS subscription - DNS records required\n\n"
        "Please add these CNAMEs:\n"
        "1. _acme-challenge.www.publishing.service.gov.uk -> 7q2m0zx1bb4u67l258.fastly-validations.com\n"
        "2. _acme-challenge.draft-assets.publishing.service.gov.uk -> "
        "qmaxto2vifk2pz71uo.fastly-validations.com\n"
        "3. _acme-challenge.www.staging.publishing.service.gov.uk -> "
        "4psaar7un6xrmuxa9t.fastly-validations.com\n"
    )
    assert [c.name for c in read(ticket).changes] == [
        "_acme-challenge.www.publishing.service.gov.uk.",
        "_acme-challenge.draft-assets.publishing.service.gov.uk.",
    ]


def test_the_site_name_is_no_owner_and_the_current_set_is_published() -> None:
    ticket = _one_vendor_mail(
        "This is the current set:\n"
        ' nationalarchives.gov.uk.  86400  IN  CAA  0 issue "digicert.com"\n'
        "Please add the following record to it:\n"
        ' nationalarchives.gov.uk.  CAA  0 issue "certainly.com"\n\n'
        "For the GOV.UK team, to be clear: the only change we need is the CAA record from my "
        'first message ( nationalarchives.gov.uk CAA 0 issue "certainly.com" ).'
    )
    result = read(ticket)
    assert [(c.name, c.value, c.ttl) for c in result.changes] == [
        ("nationalarchives.gov.uk.", '0 issue "certainly.com"', None)
    ]
    assert [o.value for o in result.observed] == ['0 issue "digicert.com"']


def test_dont_replace_any_of_the_existing_ones_keeps_the_add_asked() -> None:
    ticket = _one_vendor_mail(
        "To allow Certainly, please add the following record alongside the existing ones (don't "
        "replace any of them):\n\n"
        'nationalarchives.gov.uk.  CAA  0 issue "certainly.com"\n'
    )
    assert [(c.action, c.value) for c in read(ticket).changes] == [
        ("add", '0 issue "certainly.com"')
    ]


def test_a_second_record_in_a_later_clause_is_at_the_host_the_first_named() -> None:
    ticket = _one_vendor_mail(
        "Please publish the following two records at the apex of nationalarchives.gov.uk (not on "
        "www): a TXT record with the value globalsign-domain-verification=0FgbEH4YCcY402LPW6joRv "
        'and a CAA record 0 issue "globalsign.com".'
    )
    assert sorted((c.name, c.type) for c in read(ticket).changes) == [
        ("nationalarchives.gov.uk.", "CAA"),
        ("nationalarchives.gov.uk.", "TXT"),
    ]


def test_a_later_vendor_dig_of_another_target_at_an_asked_cname_is_flagged() -> None:
    ticket = conversation(
        vendor(
            "Both challenge records need pointing at the new targets:\n\n"
            "_acme-challenge.gov.uk  ->  eqfcmti47r1is6cla6.fastly-validations.com\n"
            "_acme-challenge.www.gov.uk  ->  5i941lcj55gans4nrb.fastly-validations.com\n",
            1,
        ),
        us("Sent on to Jisc.", 2),
        vendor(
            "Good news is _acme-challenge.www.gov.uk has validated. The apex one hasn't; from our "
            "resolvers it still returns what it did before:\n\n"
            "_acme-challenge.gov.uk.  300  IN  CNAME  pksoj82i311cl0zxlg.fastly-validations.com.\n\n"
            "It should be eqfcmti47r1is6cla6.fastly-validations.com.",
            3,
        ),
    )
    # (made an update instead, form-only rewrites that append a dig of another target went
    # silent: it is said, not decided)
    result = read(ticket)
    assert [(c.action, c.name) for c in result.changes] == [("add", "_acme-challenge.gov.uk.")]
    flagged = [f for f in result.flags if f.code == "unread_value"]
    assert flagged and "pksoj82i311cl0zxlg" in flagged[0].message


def test_what_would_happen_if_a_record_were_removed_asks_no_removal() -> None:
    ticket = _one_vendor_mail(
        "Please go ahead and delete that TXT record now:\n\n"
        '  ipo.gov.uk.  3600  IN  TXT  "globalsign-domain-verification=QRK-9VCY1FVKYdHubK068"\n\n'
        "Please KEEP the challenge record below. It currently resolves as\n\n"
        "  _acme-challenge.www.ipo.gov.uk.  300  IN  CNAME  1cau5emvzw6y4ipx5t.fastly-validations.com.\n\n"
        "and it's what allows the certificate to renew. If it's removed, renewals will fail."
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("delete", "TXT")]


def test_a_ca_confirming_verification_for_a_host_makes_its_request_done() -> None:
    ticket = conversation(
        vendor(
            'Please publish:\n\npublishing.service.gov.uk.  IN  TXT  "globalsign-domain-'
            'verification=PISlFqsvGmYO3mUd39_43PCPWdjoay8OczC66zWkBP"',
            1,
        ),
        us("TXT added.", 2),
        vendor(
            "GlobalSign have confirmed domain verification for publishing.service.gov.uk, so that "
            "part is done. Could you add the following alongside the existing CAA?\n\n"
            'publishing.service.gov.uk.  IN  CAA  0 issue "globalsign.com"',
            3,
        ),
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("add", "CAA")]


def test_a_globalsign_string_to_delete_later_that_is_not_read_is_flagged() -> None:
    ticket = _text(
        "Now: please add\n\n_acme-challenge.www.hse.gov.uk.  CNAME  "
        "jpw4t6t70inaduxdn9.fastly-validations.com.\n\n"
        "Later: once the new certificate has been issued (I'll update this thread when it is), the "
        "GlobalSign string Marta found can be deleted from hse.gov.uk.\n"
    )
    assert "unread_value" in [f.code for f in read(ticket).flags]


def test_a_cc_saying_what_they_added_to_their_zone_shows_it_published() -> None:
    typo = "globalsign-domain-verification=B7b3EvfO_80AawhmkiRGtqDe_mX-eVQF2SLEBqXTg"
    ticket = conversation(
        vendor(
            "Please publish the following TXT record at discovery.nationalarchives.gov.uk:\n\n"
            "globalsign-domain-verification=B7b3EvfO_80AawhmkiRGtqDe_mX-eVQF2SLEBqXsTg",
            1,
        ),
        Comment(
            id=2,
            role="other",
            author="Deepa Shah",
            body="I've added this to our zone this morning:\n\n"
            f'discovery.nationalarchives.gov.uk.  3600  IN  TXT  "{typo}"',
        ),
    )
    reading = read(ticket)
    assert [(o.name, o.value) for o in reading.observed] == [
        ("discovery.nationalarchives.gov.uk.", typo)
    ]
    assert [c.source.role for c in reading.changes if c.source] == ["vendor"]


def test_replace_the_record_you_added_with_that_value_updates_the_published_one() -> None:
    typo = "globalsign-domain-verification=B7b3EvfO_80AawhmkiRGtqDe_mX-eVQF2SLEBqXTg"
    ticket = conversation(
        vendor(
            "Please publish the following TXT record at discovery.nationalarchives.gov.uk:\n\n"
            "globalsign-domain-verification=B7b3EvfO_80AawhmkiRGtqDe_mX-eVQF2SLEBqXsTg",
            1,
        ),
        Comment(
            id=2,
            role="other",
            author="Deepa Shah",
            body="I've added this to our zone this morning:\n\n"
            f'discovery.nationalarchives.gov.uk.  3600  IN  TXT  "{typo}"',
        ),
        vendor(
            "One character has gone missing near the end of the token. The value has to be exactly "
            "the one Alex sent, so please replace the record you added with that value.",
            3,
        ),
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes if c.source.role == "vendor"] == [
        ("update", typo)
    ]


def test_a_vendor_reply_that_opens_with_validated_marks_the_earlier_adds_done() -> None:
    ticket = conversation(
        vendor(
            "Pls add:\n\n_acme-challenge.assets.publishing.service.gov.uk  CNAME  "
            "qnujdwsfhi1i51ur76zc.fastly-validations.com",
            1,
        ),
        us("Added this morning, it's resolving for us now.", 2),
        vendor(
            "Validated, thx. New cert is issued + deployed.\n\nOne more thing: "
            "assets.publishing.service.gov.uk still has the TXT from the old GlobalSign cert:\n\n"
            "globalsign-domain-verification=_q0GXajJdkSaQ2n_GmLKr0uK2k_AtsqbTIXxFlN420P\n\n"
            "Not needed any more. Safe to delete it.",
            3,
        ),
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("delete", "TXT")]


def test_validated_once_the_record_is_in_place_marks_nothing_done() -> None:
    ticket = conversation(
        vendor(
            "Pls add:\n\n_acme-challenge.assets.publishing.service.gov.uk  CNAME  "
            "qnujdwsfhi1i51ur76zc.fastly-validations.com",
            1,
        ),
        vendor("Validated once the record is in place, we then issue.", 2),
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("add", "CNAME")]


def test_an_old_record_you_may_notice_in_your_zone_is_published_not_asked_for() -> None:
    ticket = _text(
        "No DNS changes are needed: Let's Encrypt validates design-system.service.gov.uk over "
        "HTTP.\n\nYou may notice an old _acme-challenge.design-system.service.gov.uk CNAME in "
        "your zone from 2023 (it points at kstuouh49ancf28o5e.fastly-validations.com). You can "
        "simply leave it where it is.\n"
    )
    reading = read(ticket)
    assert reading.changes == ()
    assert [o.value for o in reading.observed] == ["kstuouh49ancf28o5e.fastly-validations.com."]


def test_the_vendor_confirming_a_token_is_gone_marks_its_removal_done() -> None:
    token = "globalsign-domain-verification=_ey5keBiXQbeblWspaQYxSJnMkhh7BL89hjknVNbHGF"
    ask = vendor(
        f"The GlobalSign TXT on dvsa.gov.uk ({token}) isn't needed any more - please remove it.", 1
    )
    done = vendor("Confirmed, the GlobalSign token is gone from our side too, thanks.", 3)
    later = vendor("Once the token is gone, we will close this.", 3)
    assert [c.action for c in read(conversation(ask, us("TXT removed.", 2), later)).changes] == [
        "delete"
    ]
    assert read(conversation(ask, us("TXT removed.", 2), done)).changes == ()


def test_a_ccs_records_under_i_have_put_these_in_are_published_not_asked() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n_acme-challenge.www.tax.service.gov.uk  CNAME  "
            "5op2f1wzibju3shcjx8.fastly-validations.com",
            1,
        ),
        _cc(
            "Morning all,\n\nI've put these in this morning under CHG0041187:\n\n"
            "_acme-challenge.www.tax.service.gov.uk.    300 IN CNAME "
            "5op2f1wzibju3shcjx8.fastly-validations.com.",
            2,
        ),
    )
    reading = read(ticket)
    assert [o.name for o in reading.observed] == ["_acme-challenge.www.tax.service.gov.uk."]
    assert [c.source.role for c in reading.changes if c.source] == ["vendor"]


def test_hosts_named_by_first_label_as_validated_are_done() -> None:
    ticket = conversation(
        vendor(
            "Please create:\n\n_acme-challenge.www.tax.service.gov.uk CNAME "
            "5op2f1wzibju3shcjx8.fastly-validations.com\n_acme-challenge.api.tax.service.gov.uk "
            "CNAME 72wpxkza1mb21hiswl.fastly-validations.com\n",
            1,
        ),
        us("Both added.", 2),
        vendor("The www and api hostnames are validated now, thanks.", 3),
    )
    assert read(ticket).changes == ()


def test_the_correct_name_for_a_mistyped_one_renames_the_request() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\nName: _acme-challenge.assests.staging.publishing.service.gov.uk\n"
            "Type: CNAME\nValue: y44cq61j4qkhlhox0eci.fastly-validations.com\n",
            1,
        ),
        us('We don\'t have an "assests" host, do you mean assets?', 2),
        vendor(
            "Yes, my mistake. The correct name is "
            "_acme-challenge.assets.staging.publishing.service.gov.uk, target unchanged.",
            3,
        ),
    )
    reading = read(ticket)
    assert [c.name for c in reading.changes] == [
        "_acme-challenge.assets.staging.publishing.service.gov.uk."
    ]
    assert "retracted" in [f.code for f in reading.flags]


def test_leave_it_or_remove_it_whichever_you_prefer_asks_no_removal() -> None:
    ticket = _text(
        "For x.service.gov.uk we need an issue property:\n\n"
        'x.service.gov.uk. CAA 0 issue "letsencrypt.org"\n\n'
        "You can leave the issuewild one in place or remove it, whichever you prefer.\n"
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("add", "CAA")]


def test_the_cname_is_validated_marks_the_one_cname_add_done() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.find.x.service.gov.uk CNAME "
            "n9jx78agsqwtdbgmr2wl.fastly-validations.com\n",
            1,
        ),
        us("Done.", 2),
        vendor("Thanks - the CNAME is validated.", 3),
    )
    assert read(ticket).changes == ()


def test_a_challenge_record_validated_this_morning_is_done_and_only_that_record() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n1) TXT  x.service.gov.uk  "
            '"globalsign-domain-verification=_Y17PijUASkXozQHFrMOzrhkLQ0_IYfcvjWHtAFmjT5"\n'
            "2) CNAME  _acme-challenge.x.service.gov.uk  fq1iwx8u5ugkecagr6.fastly-validations.com\n",
            1,
        ),
        us("We've added the CNAME.", 2),
        vendor("The apex challenge (_acme-challenge.x.service.gov.uk) validated this morning.", 3),
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("add", "TXT")]


def test_a_later_done_word_the_reader_takes_up_as_nothing_is_said_out_loud() -> None:
    ask = vendor(
        "Please add:\n\n_acme-challenge.signon.publishing.service.gov.uk CNAME "
        "k4v7qh2m9xw3zt8pld.fastly-validations.com\n",
        1,
    )
    # (words the reader does not take up; "went green" it now reads as done, below)
    done = vendor(
        "Perfect, signon.publishing.service.gov.uk sailed through, DCV passed overnight.", 3
    )
    green = vendor("Perfect, signon.publishing.service.gov.uk went green, DCV passed overnight.", 3)
    how = vendor("Each name is validated separately, so take your time.", 3)
    when = vendor("Once it has validated we will issue.", 3)
    assert "unread_value" in codes(conversation(ask, us("Added.", 2), done))
    assert read(conversation(ask, us("Added.", 2), green)).changes == ()
    assert "unread_value" not in codes(conversation(ask, us("Added.", 2), how))
    assert "unread_value" not in codes(conversation(ask, us("Added.", 2), when))


def test_both_names_validated_and_issued_marks_every_add_done() -> None:
    ask = vendor(
        "Please add:\n\n_acme-challenge.forms.service.gov.uk CNAME "
        "6abed0f88lefglawb.fastly-validations.com\n_acme-challenge.submit.forms.service.gov.uk "
        "CNAME kgxmk540dwvwey1lby.fastly-validations.com\n",
        1,
    )
    done = vendor("Thanks James! Both hostnames validated overnight and the cert is issued.", 3)
    one_left = vendor("Both hostnames validated except submit, which is still pending.", 3)
    assert read(conversation(ask, us("Both added.", 2), done)).changes == ()
    assert len(read(conversation(ask, us("Both added.", 2), one_left)).changes) == 2


def test_a_ticket_whose_requests_are_all_done_says_so_without_a_warning(app: AppConfig) -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.forms.service.gov.uk CNAME "
            "6abed0f88lefglawb.fastly-validations.com\n",
            1,
        ),
        us("Added.", 2),
        vendor("Validation passed and the certificate has been issued. All done!", 3),
    )
    result = triage(ticket, DirectoryZones(app.owners(), app.suffixes), app)
    found = {f.code: f.severity for f in result.flags}
    assert found.get("nothing_left") == "info" and "no_changes_found" not in found
    withdrawn = conversation(
        vendor(
            "Please add:\n\n_acme-challenge.forms.service.gov.uk CNAME "
            "6abed0f88lefglawb.fastly-validations.com\n",
            1,
        ),
        vendor("Please ignore my previous message, no DNS change is needed after all.", 2),
    )
    result = triage(withdrawn, DirectoryZones(app.owners(), app.suffixes), app)
    assert "no_changes_found" in {f.code for f in result.flags}


def test_update_the_name_to_the_value_above_updates_the_typo_a_cc_published() -> None:
    ticket = conversation(
        vendor(
            "Hello GOV.UK DNS team,\n\nWe're renewing the TLS certificate that covers hmrc.gov.uk and www.hmrc.gov.uk. The new subscription uses DNS validation, so we need two CNAME records creating in the hmrc.gov.uk zone:\n\n_acme-challenge.hmrc.gov.uk      CNAME   m91rsf7pu5qe1crulcu.fastly-validations.com\n_acme-challenge.www.hmrc.gov.uk  CNAME   ihh5sp0sgv3hadehie.fastly-validations.com\n\nPlease let us know once they're live and we'll kick off validation.\n\nBest regards,\nPriya Raman\nFastly Support",
            1,
        ),
        _cc(
            "Hi Priya,\n\nBoth added through our DNS repo and deployed about 20 minutes ago. Checking from here:\n\n$ dig +short CNAME _acme-challenge.hmrc.gov.uk\nm91rsf7pu5qe1crulc.fastly-validations.com.\n$ dig +short CNAME _acme-challenge.www.hmrc.gov.uk\nihh5sp0sgv3hadehie.fastly-validations.com.\n\nLet us know if anything else is needed.\n\nTom Ellery\nGOV.UK Platform Engineering (2nd line)",
            2,
        ),
        vendor(
            "Hi Tom,\n\nThanks for the quick turnaround. www.hmrc.gov.uk has validated, nothing more needed for that one.\n\nThe apex is still failing though, and your dig output shows why: the record you published is missing the final character. It currently resolves to\n\nm91rsf7pu5qe1crulc.fastly-validations.com\n\nbut it has to be\n\nm91rsf7pu5qe1crulcu.fastly-validations.com   (ends in ...crulcu)\n\nCould you please update _acme-challenge.hmrc.gov.uk to the value above? Same record, just the target corrected.\n\nCheers,\nPriya",
            3,
        ),
    )
    assert [(c.action, c.old_value) for c in read(ticket).changes] == [
        ("update", "m91rsf7pu5qe1crulc.fastly-validations.com.")
    ]


def test_a_host_said_valid_with_nothing_to_do_is_published_not_asked() -> None:
    ticket = _text(
        '"record_name": "_acme-challenge.signin.account.gov.uk",\n'
        '"values": ["afgpihwfyd2vkbj1q8.fastly-validations.com"]\n'
        '"record_name": "_acme-challenge.home.account.gov.uk",\n'
        '"values": ["ghrchqcthckrf3cwd1w.fastly-validations.com"]\n\n'
        "signin.account.gov.uk is valid: your _acme-challenge CNAME for signin is already in "
        "place and has validated. Nothing to do.\n"
        "home.account.gov.uk is pending: please create its record.\n"
    )
    names = [c.name for c in read(ticket).changes]
    assert "_acme-challenge.signin.account.gov.uk." not in names


def test_once_it_has_after_the_certificate_should_issue_waits_for_issuance() -> None:
    ticket = _text(
        "The certificate should issue within the hour. Once it has, please delete the GlobalSign "
        "TXT on metoffice.gov.uk:\n\n"
        "globalsign-domain-verification=_hMywGoCTMebJO9GplzL3rtUvA1TIAcMAHXIAsRfby9\n"
    )
    assert [(c.action, c.when) for c in read(ticket).changes] == [("delete", "after_issuance")]


def test_relative_zone_lines_and_copies_of_the_value_above_are_each_read() -> None:
    ticket = _text(
        "zone: dvla.gov.uk\n\n"
        '@ TXT "globalsign-domain-verification=_rZRbzIiIk9GYuL4rrq2xtIFJau5iygoJ3OXc5atGoX"\n'
        "www TXT same value as @\n"
        "driving-licence TXT same again\n\n"
        "once the cert issues u can drop them all\n"
    )
    got = sorted((c.action, c.name, c.when) for c in read(ticket).changes)
    names = ["driving-licence.dvla.gov.uk.", "dvla.gov.uk.", "www.dvla.gov.uk."]
    assert got == sorted(
        [("add", n, "now") for n in names] + [("delete", n, "after_issuance") for n in names]
    )


def test_what_the_words_say_of_list_items_by_number_is_what_is_done_with_them() -> None:
    ticket = _text(
        "records:\n"
        "1) _acme-challenge.nationalarchives.gov.uk  CNAME  g0wg268k91clrtzvso.fastly-validations.com\n"
        "2) _acme-challenge.discovery.nationalarchives.gov.uk  CNAME  "
        "y3k2xvqrnatn5n6lx0.fastly-validations.com\n"
        '3) nationalarchives.gov.uk  CAA  0 issue "letsencrypt.org"\n\n'
        "what to do with them: 3 and 2 are new, pls add those now (3 first ideally). 1 is the old "
        "apex one u currently have in the zone, pls remove it but only after the discovery cert "
        "has been issued\n"
    )
    got = sorted((c.action, c.type, c.when) for c in read(ticket).changes)
    assert got == [
        ("add", "CAA", "now"),
        ("add", "CNAME", "now"),
        ("delete", "CNAME", "after_issuance"),
    ]


def test_a_name_with_its_data_in_brackets_that_can_go_is_a_delete() -> None:
    ticket = _text(
        'the old digicert CAA u currently have on hmrc.gov.uk (0 issue "digicert.com") can go '
        "but ONLY once the new cert is issued, not before\n"
    )
    assert [(c.action, c.type, c.when) for c in read(ticket).changes] == [
        ("delete", "CAA", "after_issuance")
    ]


def test_a_correction_that_says_a_quoted_record_stands_is_said_out_loud() -> None:
    ticket = _text(
        "Apologies - the target I gave this morning for the dvla.gov.uk apex record was wrong. "
        "The correct record is:\n\n"
        "  _acme-challenge.dvla.gov.uk   CNAME   ew3pny7lhqi99my9b7.fastly-validations.com\n\n"
        "Please use that one instead. The www record in my original message is\n"
        "correct and doesn't change.\n\n"
        "On Tue, 23 Sep 2025 at 09:41, Aoife Gallagher <support@fastly.com> wrote:\n"
        "> Please create the following CNAME records:\n>\n"
        ">   _acme-challenge.www.dvla.gov.uk   CNAME   hyjpip7updf3n8c7770a.fastly-validations.com\n"
        ">   _acme-challenge.dvla.gov.uk       CNAME   vogngrb39992f169i184.fastly-validations.com\n"
    )
    reading = read(ticket)
    names = [c.name for c in reading.changes]
    assert "_acme-challenge.www.dvla.gov.uk." in names or "unread_value" in [
        f.code for f in reading.flags
    ]


def test_records_we_showed_are_removed_when_named_by_their_data_or_its_start() -> None:
    ticket = conversation(
        vendor(
            "The GlobalSign verification TXT you added for the previous cycle can be removed from "
            "the gov.uk apex:\n\nTXT  gov.uk  "
            "globalsign-domain-verification=m0ATH-YtZgF9ERE3bnCLpF03WyKuDC_z9VQN5ngFWJo\n",
            1,
        ),
        us(
            "We have three of these:\n\n$ dig TXT gov.uk +noall +answer\n"
            'gov.uk.\t300\tIN\tTXT\t"globalsign-domain-verification=m0ATH-YtZgF9ERE3bnCLpF03WyKuDC_z9VQN5ngFWJo"\n'
            'gov.uk.\t300\tIN\tTXT\t"globalsign-domain-verification=ekXOBaDini7pNhLUXQTqHiffz7TrxG9LtewPeO62"\n'
            'gov.uk.\t300\tIN\tTXT\t"globalsign-domain-verification=P4bQIjeO59N1zewJ0McMS41r0Y7VlyWUYne8UrTeIFp"\n\n'
            "Which of them are safe to go?",
            2,
        ),
        vendor(
            "- ekXOBaDini7pNhLUXQTqHiffz7TrxG9LtewPeO62 is from 2023 and can be removed as well.\n"
            "- P4bQIjeO59... is the value we validated with this year. Please keep it.\n\n"
            "So: remove the m0ATH-... and ekXOBa... records, keep P4bQ... and the SPF record.",
            3,
        ),
    )
    deleted = sorted(
        c.value.split("=")[1][:6] for c in read(ticket).changes if c.action == "delete"
    )
    assert deleted == ["ekXOBa", "m0ATH-"]


def test_no_action_needed_from_someone_copied_in_keeps_the_records_above() -> None:
    ticket = _text(
        "Please add a third record at service.gov.uk:\n\n"
        '     service.gov.uk.  CAA  0 issue "certainly.com"\n\n'
        "Amara - copying you for visibility as DfE's technical contact; GOV.UK look after the\n"
        "service.gov.uk zone so no action is needed from you.\n"
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("add", "CAA")]


def test_a_note_under_a_list_item_speaks_only_of_that_item() -> None:
    ticket = _text(
        "These records are still published:\n\n"
        "1. a.service.gov.uk  TXT  globalsign-domain-verification=4YG7pVBiFMVTYIoMOE_8YWMomPRWSkA16VCEJGIc5UI\n"
        " This token isn't used any more. Please remove it.\n"
        "2. _acme-challenge.b.service.gov.uk  CNAME  7ntfolgsg2vht7nocw.fastly-validations.com\n"
        "Keep this one. We use it for the automatic renewal.\n"
    )
    assert [(c.action, c.type) for c in read(ticket).changes] == [("delete", "TXT")]


def test_the_set_today_and_the_set_wanted_when_done_are_a_diff() -> None:
    ticket = _text(
        "Here is what the CAA set looks like today:\n\n"
        '    education.gov.uk.   3600  IN  CAA  0 issue "letsencrypt.org"\n'
        '    education.gov.uk.   3600  IN  CAA  0 issue "comodoca.com"\n\n'
        "and this is what DfE want it to look like when you are done:\n\n"
        '    education.gov.uk.   IN  CAA  0 issue "letsencrypt.org"\n'
        '    education.gov.uk.   IN  CAA  0 issue "comodoca.com"\n'
        '    education.gov.uk.   IN  CAA  0 issue "pki.goog"\n'
    )
    assert [(c.action, c.value) for c in read(ticket).changes] == [("add", '0 issue "pki.goog"')]


def test_records_under_we_already_checked_caa_are_published() -> None:
    ticket = _text(
        "There is no DNS change needed for this. For your information we already checked CAA:\n\n"
        '  ipo.gov.uk.   CAA   0 issue "digicert.com"\n\n'
        "so DigiCert is permitted and nothing has to be added there.\n"
    )
    reading = read(ticket)
    assert reading.changes == () and [o.value for o in reading.observed] == [
        '0 issue "digicert.com"'
    ]


def test_only_create_the_first_row_leaves_the_other_rows_unasked() -> None:
    ticket = _text(
        "| Host name | Type | Points to |\n"
        "| _31ce7a3656bc0ad292a46557a5a82841.registertovote.service.gov.uk. | CNAME | "
        "23f26523a7d163bc12e7e3fe16d0a7b7.7f62f8579193618111babb6fd96f246f.sectigo.com. |\n"
        "| _31ce7a3656bc0ad292a46557a5a82841.www.registertovote.service.gov.uk. | CNAME | "
        "23f26523a7d163bc12e7e3fe16d0a7b7.7f62f8579193618111babb6fd96f246f.sectigo.com. |\n\n"
        "Please only create the first row. The record on registertovote.service.gov.uk also "
        "proves control of the www name.\n"
    )
    assert [c.name for c in read(ticket).changes] == [
        "_31ce7a3656bc0ad292a46557a5a82841.registertovote.service.gov.uk."
    ]


def test_dont_add_the_record_on_a_name_at_all_withdraws_it() -> None:
    token = "globalsign-domain-verification=_KlLY3UvceYpJoCUNacDOZs2PbIVIcDKAB3oQioAwTI"
    ticket = conversation(
        vendor(f'Please add:\n\ndesign-system.service.gov.uk  TXT  "{token}"\n', 1),
        us("We can't put a TXT there - it is a CNAME to you.", 2),
        vendor(
            "You're right. Please don't add the record on design-system.service.gov.uk at all.\n\n"
            "GlobalSign also accept the token under the _globalsign-domain-verification label. "
            "Same token, different host:\n\n"
            "Host: _globalsign-domain-verification.design-system.service.gov.uk\nType: TXT\n"
            f"Value: {token}\n",
            3,
        ),
    )
    assert [c.name for c in read(ticket).changes] == [
        "_globalsign-domain-verification.design-system.service.gov.uk."
    ]


def test_do_not_add_the_record_from_my_previous_message_withdraws_it() -> None:
    ticket = conversation(
        vendor(
            "Please add:\n\nRecord name:  _acme-challenge.check-mot.service.gov.uk.\n"
            "Record type:  CNAME\n"
            "Data:         a7f2e19c-2280-424b-a941-2f61e6829f05.11.authorize.certificatemanager.goog.\n",
            1,
        ),
        us("We can't add that, the name is in use.", 2),
        vendor(
            "Please leave the existing record as it is, and do not add the record from my "
            "previous message.\n\nThe new record is:\n\n"
            "Record name:  _acme-challenge_w4xljpvlm7gkfbgj.check-mot.service.gov.uk.\n"
            "Record type:  CNAME\n"
            "Data:         78208101-8c83-4bb9-8060-c22874f5ee12.11.authorize.certificatemanager.goog.\n",
            3,
        ),
        us("Added.", 4),
        vendor("The supplier confirms the DNS authorization shows as ACTIVE. Solved.", 5),
    )
    assert read(ticket).changes == ()


def test_from_and_to_lines_of_a_token_are_an_update_not_a_mail_header() -> None:
    ticket = conversation(
        vendor(
            'Please add:\n\n_dnsauth.reports.ofsted.gov.uk.  TXT  "iet7gus89ckd8sjniitn0vuzaq6w21f3"\n',
            1,
        ),
        vendor(
            "Please update the existing TXT record at _dnsauth.reports.ofsted.gov.uk:\n\n"
            "  from:  iet7gus89ckd8sjniitn0vuzaq6w21f3\n  to:    rx5sr5fdhtqdoqfgobpwqtquxhp5jsnn\n",
            2,
        ),
    )
    assert [c.value for c in read(ticket).changes] == ["rx5sr5fdhtqdoqfgobpwqtquxhp5jsnn"]


def test_records_listed_under_please_keep_are_published() -> None:
    ticket = _text(
        "Please remove:\n- TXT _dnsauth.assets.publishing.service.gov.uk "
        '("0z4t9ksyamsznh75zbybv4szimrllzyk")\n'
        '- the two CAA entries on assets.publishing.service.gov.uk: 0 issue "digicert.com" and '
        '0 issue "sectigo.com"\n\n'
        "Please keep:\n- _acme-challenge.assets.publishing.service.gov.uk CNAME "
        "d3o50pcdrdkbo3cap9.fastly-validations.com - this is what every future renewal uses\n"
    )
    got = sorted((c.action, c.type, c.value) for c in read(ticket).changes)
    assert got == [
        ("delete", "CAA", '0 issue "digicert.com"'),
        ("delete", "CAA", '0 issue "sectigo.com"'),
        ("delete", "TXT", "0z4t9ksyamsznh75zbybv4szimrllzyk"),
    ]


def test_a_removal_of_records_of_a_type_on_two_names_removes_each() -> None:
    ask = (
        'We need:\n\ndft.gov.uk    TXT   "globalsign-domain-verification=_c6V_UOY2oA5ZSTLP6todXKsnVrCNc-Zo6zL2um7Q"\n'
        'dclg.gov.uk   TXT   "globalsign-domain-verification=_oyRibEKVR6JuHbeBUA9CkU1NSRqqWRgQZ4_kfxhp500"\n'
    )
    ticket = conversation(
        vendor(ask, 1),
        us("Added both.", 2),
        vendor(
            "Both domains are verified. The two globalsign-domain-verification TXT records on "
            "dft.gov.uk and dclg.gov.uk are not needed anymore and you can remove them now.",
            3,
        ),
    )
    assert sorted((c.action, c.name) for c in read(ticket).changes) == [
        ("delete", "dclg.gov.uk."),
        ("delete", "dft.gov.uk."),
    ]


def test_a_dns_alternative_quoted_below_a_dont_create_it_is_not_asked() -> None:
    ticket = _text(
        "There is nothing to do in DNS for this one. The GlobalSign mail also lists a DNS "
        "alternative, quoted below. Please don't create it - we aren't using that method.\n\n"
        "> Alternatively, you may verify this domain by adding the following TXT record to the "
        "DNS zone of www.gov.uk:\n"
        ">  globalsign-domain-verification=_CxzcYxPYlekz3it-z5KMunbM0zu5tO0EGE6Dy-wPRE\n\n"
        "I'll close this ticket once the reissued certificate is deployed.\n"
    )
    assert read(ticket).changes == ()


def test_later_comments_that_say_which_are_done_by_number_order_or_status() -> None:
    ask = vendor(
        "Please add:\n\n1. _acme-challenge.a.service.gov.uk CNAME mwei8q55j266nk056w.fastly-validations.com\n"
        "2. _acme-challenge.b.service.gov.uk CNAME k5ikmjzt5cgi0fljzv.fastly-validations.com\n"
        "3. _acme-challenge.c.service.gov.uk CNAME oohajsklfsqk97b7k0st.fastly-validations.com\n",
        1,
    )

    def left(later: str) -> list[str]:
        ticket = conversation(ask, us("All added.", 2), vendor(later, 3))
        return [c.name.split(".")[1] for c in read(ticket).changes]

    assert left("Update from our side: 1 and 3 are validated now. 2 is still pending.") == ["b"]
    assert left("Thanks, the first one is validated.") == ["b", "c"]
    assert left("a.service.gov.uk and c.service.gov.uk are both showing as validated now.") == ["b"]


def test_a_desired_set_is_the_after_of_the_set_shown_just_above_it() -> None:
    ticket = _text(
        "Here is what the CAA set looks like today:\n\n"
        '    education.gov.uk.   3600  IN  CAA  0 issue "letsencrypt.org"\n'
        '    education.gov.uk.   3600  IN  CAA  0 issue "comodoca.com"\n\n'
        "and this is what DfE want it to look like when you are done:\n\n"
        '    education.gov.uk.   IN  CAA  0 issue "letsencrypt.org"\n'
        '    education.gov.uk.   IN  CAA  0 issue "sectigo.com"\n\n'
        "For reference, this is what we see in DNS today:\n\n"
        'education.gov.uk.\t\t300\tIN\tCAA\t0 issue "other-ca.example"\n'
    )
    assert [(c.action, c.value, c.old_value) for c in read(ticket).changes] == [
        ("update", '0 issue "sectigo.com"', '0 issue "comodoca.com"')
    ]


def test_the_old_token_is_never_the_spf_record_beside_it() -> None:
    old = "globalsign-domain-verification=_18Tqc6NREuapzyFlAouCAsNQ1a-BekJjJ80JC_1"
    new = "globalsign-domain-verification=_VuNsmuonamX34xisbjRmPvfWeCf1Q3rTfmu9S5QlRc"
    ticket = conversation(
        vendor(f"Please publish:\n\nHost: gov.uk\nType: TXT\nValue: {new}\n", 1),
        vendor(
            f"Add it alongside. Once the new certificate has been issued you can delete the old "
            f"record ({old}).",
            2,
        ),
        us(
            'Added:\n\n$ dig +short TXT gov.uk\n"v=spf1 include:_spf.google.com -all"\n'
            f'"{old}"\n"{new}"\n',
            3,
        ),
        vendor(
            "GlobalSign confirmed the domain verification with the new token this morning, so "
            "that part is complete.\n\nJust a reminder that the old token can be removed once "
            "the certificate is issued.",
            4,
        ),
    )
    assert [(c.action, c.value, c.when) for c in read(ticket).changes] == [
        ("delete", old, "after_issuance")
    ]


def test_hold_the_remove_lines_until_issued_makes_the_removals_wait() -> None:
    ticket = _text(
        "ACTION   TYPE   NAME                                        VALUE\n"
        "ADD      CNAME  _acme-challenge.a.education.gov.uk.          eldo4tkl3iuvvefopiu.fastly-validations.com.\n"
        "REMOVE   CNAME  _acme-challenge.old.education.gov.uk         25kdukoyy7fk3098nw.fastly-validations.com\n\n"
        "Notes:\n* Please make the ADD change now.\n"
        "* Please hold the REMOVE lines until the new certificate has been issued.\n"
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_as_soon_as_the_certificate_has_been_issued_waits_however_indented() -> None:
    body = (
        "As soon as the new certificate has been issued (we'll update this ticket\n"
        "when it has, usually within a day), please delete that TXT record:\n\n"
        '    www.x.gov.uk.  3600  IN  TXT  "globalsign-domain-verification='
        '_lRT55A_MgTnhcWYfytUp0Uhz__QmDLEplFOCgZf536"\n'
    )
    for text in (body, "\n".join("    " + line for line in body.split("\n"))):
        assert [(c.action, c.when) for c in read(_text(text)).changes] == [
            ("delete", "after_issuance")
        ]


def test_a_verification_string_goes_where_the_paragraph_above_said() -> None:
    token = "globalsign-domain-verification=_Uh1OzqDr7cX0Wi6pcL1S7MpW-8Qv8XJNMWMal4Y8z3"
    placed = (
        "The record goes on gov.uk itself - not on www, and not on an _acme-challenge name. "
        f"The content should be:\n\n{token}\n",
        "GlobalSign have asked us to re-verify ons.gov.uk. Could you please add a TXT record "
        "on the bare domain (shown as \u201c@\u201d in most consoles) with the following "
        f"content:\n\n\u201c{token}\u201d\n",
    )
    for text, name in zip(placed, ("gov.uk.", "ons.gov.uk."), strict=True):
        assert [(c.action, c.name, c.value) for c in read(_text(text)).changes] == [
            ("add", name, token)
        ]
    # a www host is not the apex the paragraph speaks of; a removal must name its record
    for text in (
        f"We are renewing www.gov.uk. Please add a TXT record at the apex with this value:\n\n{token}\n",
        f"Nothing at ons.gov.uk checks the value {token} any more, so please delete it.\n",
    ):
        assert not [c for c in read(_text(text)).changes if c.action == "add"]


def test_later_words_that_say_a_request_is_done_this_round() -> None:
    ask = vendor(
        "Please add:\n\n_acme-challenge.apply.service.gov.uk CNAME mwei8q55j266nk056w.fastly-validations.com\n"
        "_acme-challenge.www.apply.service.gov.uk CNAME k5ikmjzt5cgi0fljzv.fastly-validations.com\n",
        1,
    )

    def left(later: str) -> list[str]:
        ticket = conversation(ask, us("Both added.", 2), vendor(later, 3))
        return sorted(c.name for c in read(ticket).changes)

    www = ["_acme-challenge.www.apply.service.gov.uk."]
    assert (
        left("Thanks. apply.service.gov.uk and www.apply.service.gov.uk both show as verified now.")
        == []
    )
    assert left("Both validation records for apply.service.gov.uk are showing as valid.") == []
    assert left("Thanks - DigiCert validated apply.service.gov.uk this morning.") == www
    assert left("apply validated 👍 pls add the www one too when u can") == www
    assert left("ok validated ty") == []
    # a first label no request has ("Main name has validated") is not taken for nothing: a
    # person is told to check what is still to do
    ticket = conversation(ask, us("Both added.", 2), vendor("Main name has validated, cheers.", 3))
    assert "unread_value" in {f.code for f in read(ticket).flags}


def test_a_lead_in_that_says_its_records_validated_shows_them_as_done() -> None:
    ticket = _text(
        "Thanks - both of the new records have validated:\n\n"
        "  _acme-challenge.j.gov.uk      -> q5vp21rq8t2s2pn8cbmay.fastly-validations.com\n"
        "  _acme-challenge.www.j.gov.uk  -> tkpenccbzk6n20fv26.fastly-validations.com\n\n"
        "Could you please put the intranet one back as it was?\n\n"
        "  _acme-challenge.intranet.j.gov.uk  CNAME  p1zh69xtt62nkoa058o.fastly-validations.com\n"
    )
    got = read(ticket)
    assert [c.name for c in got.changes] == ["_acme-challenge.intranet.j.gov.uk."]
    assert {o.name for o in got.observed} == {
        "_acme-challenge.j.gov.uk.",
        "_acme-challenge.www.j.gov.uk.",
    }
    assert not [f for f in got.flags if f.severity != "info"]


def test_the_domain_shows_as_verified_is_the_one_host_asked_for() -> None:
    token = "globalsign-domain-verification=eBMDAzja8OMT8jM7F7zAS_871mecxj-ETvlELU4GYPc"
    ask = vendor(f"Please add a TXT record at d.service.gov.uk with the value {token}", 1)
    done = vendor("GlobalSign have picked it up and the domain shows as verified again.", 3)
    assert read(conversation(ask, us("In now.", 2), done)).changes == ()


def test_scratch_the_issuewild_line_withdraws_it() -> None:
    ask = vendor(
        'Please add:\n\nd.gov.uk. CAA 0 issue "certainly.com"\nd.gov.uk. CAA 0 issuewild "certainly.com"\n',
        1,
    )
    later = vendor("Correction: please scratch the issuewild line, there is no wildcard.", 2)
    assert [c.value for c in read(conversation(ask, later)).changes] == ['0 issue "certainly.com"']


def test_a_time_lead_in_reaches_the_bullet_below_it_whatever_its_verb() -> None:
    ticket = _text(
        "Before the cut-over (any time from now):\n"
        '- add gov.uk. CAA 0 issue "certainly.com"\n\n'
        "After the cut-over on Tuesday - please not before, the old certificate is served "
        "until then:\n"
        '- remove gov.uk. CAA 0 issue "globalsign.com"\n'
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]
    held = vendor(
        "| Action | Name | Type | Value | When |\n|---|---|---|---|---|\n"
        "| Remove | `t.service.gov.uk` | TXT | `globalsign-domain-verification=XpAlCk9DdIdLIuvsbyQS3ABRHDr8k-_g92XGbwYa` | later |\n",
        1,
    )
    later = vendor(
        "Please hold it back. I'll post here as soon as the new cert is on the edge and you can "
        "take the TXT out then.",
        2,
    )
    assert [c.when for c in read(conversation(held, later)).changes] == ["after_issuance"]


def test_a_later_delete_of_the_record_asked_before_says_its_time() -> None:
    token = "globalsign-domain-verification=Cz1l-KuXDhiAIKZRYcAbogFwrRjPnrBHqWhJhRMAP-"
    ask = vendor(
        f"Once the new cert has been issued, please delete the TXT justice.gov.uk {token}", 1
    )
    now = vendor(
        "Issued yesterday and deployed overnight. You're clear to delete the GlobalSign TXT on "
        "justice.gov.uk whenever suits.",
        2,
    )
    assert [(c.action, c.value, c.when) for c in read(conversation(ask, now)).changes] == [
        ("delete", token, "now")
    ]


def test_a_caa_removal_naming_a_ca_is_never_filled_with_another_ca() -> None:
    ticket = _text(
        "ACTION  NAME     TYPE  DATA\n"
        'DELETE  gov.uk.  CAA   0 issue "globalsign.com"\n'
        'KEEP    gov.uk.  CAA   0 issue "letsencrypt.org"\n\n'
        "On the CAA: I'd only drop the GlobalSign entry if you're sure no other team issues "
        "from GlobalSign under gov.uk directly.\n"
    )
    assert [c.value for c in read(ticket).changes] == ['0 issue "globalsign.com"']


def test_i_can_see_the_old_one_published_makes_the_new_value_an_update() -> None:
    old = "globalsign-domain-verification=4uaP0HIMirczS3iGBUe-a7qbV8YLQMU0LjPnbPNXg"
    new = "globalsign-domain-verification=02oX0FoCSzwhd2702xVuJZ0iyLN_BU0bEz1EqR1"
    ask = vendor(f"Please add this TXT at the zone apex, companieshouse.gov.uk:\n\n{old}\n", 1)
    later = vendor(
        "That code lapsed. I can see the old one published at companieshouse.gov.uk - please "
        f"replace it with the new one below (same name, still TXT):\n\n{new}\n",
        3,
    )
    changes = read(conversation(ask, us("Added today.", 2), later)).changes
    assert [(c.action, c.value, c.old_value) for c in changes] == [("update", new, old)]


def test_a_record_refused_after_it_is_shown_is_left_out() -> None:
    acm = (
        "_65af0875b10b90ed4f159455a458579c.jobhelp.service.gov.uk. CNAME "
        "_aeb6d779bcb071779db25f5ecf5fedbd.yzxtkqfaxw.acm-validations.aws."
    )
    ours = "_acme-challenge.jobhelp.service.gov.uk  CNAME  6qlwaecx3534uqnqalsy0.fastly-validations.com"
    for refusal in ("Please don't add the ACM record above.", "Please ignore that ACM record."):
        ticket = _text(f"Please create:\n\n{acm}\n\n{refusal}\n\nWhat we need is:\n{ours}\n")
        assert [c.name for c in read(ticket).changes] == ["_acme-challenge.jobhelp.service.gov.uk."]
    # several records above and no kind said: a person reads which one
    two = f"Please create:\n\n{acm}\n{ours}\n\nPlease do not add the CNAME above.\n"
    assert "unread_value" in {f.code for f in read(_text(two)).flags}


def test_later_words_that_say_a_request_is_done_second_round() -> None:
    ask = vendor(
        "Please create:\n_acme-challenge.edu.gov.uk -> lt3urj6m1kgf7ofrbbpwy72.fastly-validations.com\n"
        "_acme-challenge.assets.edu.gov.uk -> ytbwjr2y0f0ep529qpj.fastly-validations.com\n",
        1,
    )

    def left(later: str) -> list[str]:
        ticket = conversation(ask, us("Both added.", 2), vendor(later, 3))
        return sorted(c.name for c in read(ticket).changes)

    assets = ["_acme-challenge.assets.edu.gov.uk."]
    assert left("Thanks, edu.gov.uk shows as validated on our side now.") == assets
    assert left("Thanks - the subscription went to Issued shortly after.") == []
    assert left("Domain | Status\nedu.gov.uk | Validated\nassets.edu.gov.uk | Pending\n") == assets
    assert (
        left(
            "Domain | Challenge record | Status\nedu.gov.uk | OK | Validated\n"
            "assets.edu.gov.uk | OK | Pending (CAA)\n\n"
            "The challenge record for assets is fine, the problem is CAA."
        )
        == []
    )


def test_i_can_see_the_value_in_the_caa_set_makes_that_add_done() -> None:
    ask = vendor(
        '1) Now: add  hmrc.gov.uk. CAA 0 issue "certainly.com"\n'
        '2) Later, only after the certificate has been issued: remove  hmrc.gov.uk. CAA 0 issue "globalsign.com"\n',
        1,
    )
    later = vendor(
        "I can see certainly.com in the CAA set from our side, and the certificate was issued "
        'yesterday. So you\'re clear to do step 2 now: please remove hmrc.gov.uk CAA 0 issue "globalsign.com".',
        3,
    )
    changes = read(conversation(ask, us("Step 1 done.", 2), later)).changes
    assert [(c.action, c.value, c.when) for c in changes] == [
        ("delete", '0 issue "globalsign.com"', "now")
    ]


def test_keep_and_remove_headings_and_a_hold_by_kind() -> None:
    ticket = _text(
        "Keep (no change)\n"
        "_acme-challenge.www.j.gov.uk CNAME swm480n49ea2nkcx6fibk9.fastly-validations.com\n"
        'j.gov.uk CAA 0 issue "certainly.com"\n'
        "Remove\n"
        "j.gov.uk TXT globalsign-domain-verification=NFOiiUUlHLp7ZHHMTSN0uUpk7wCkjLXlN1JyY39-42l\n"
        'j.gov.uk CAA 0 issue "globalsign.com"\n'
        "_acme-challenge.old-intranet.j.gov.uk CNAME 2gobjm808bu19w64rvos3.fastly-validations.com\n\n"
        "Timing: the new certificate hasn't been issued yet. So please hold the GlobalSign TXT "
        "and the globalsign.com CAA until the new certificate is issued. The old-intranet CNAME "
        "can be removed straight away.\n"
    )
    got = read(ticket)
    assert sorted((c.action, c.type, c.when) for c in got.changes) == [
        ("delete", "CAA", "after_issuance"),
        ("delete", "CNAME", "now"),
        ("delete", "TXT", "after_issuance"),
    ]
    assert {(o.type, o.value) for o in got.observed} >= {("CAA", '0 issue "certainly.com"')}


def test_a_ca_said_to_stay_and_removed_now_in_a_table_is_for_a_person() -> None:
    ticket = _text(
        'please add:\n    homeoffice.gov.uk.  IN  CAA  0 issue "certainly.com"\n'
        "The GlobalSign authorisation should stay for now, because the current certificate "
        "was issued by GlobalSign.\n\n"
        "    Action   Name                 Type  Value\n"
        '    ADD      homeoffice.gov.uk.   CAA   0 issue "certainly.com"\n'
        '    REMOVE   homeoffice.gov.uk.   CAA   0 issue "globalsign.com"\n'
    )
    assert "ambiguous_request" in {f.code for f in read(ticket).flags}


def test_removals_said_gone_by_kind_leave_the_others() -> None:
    ask = vendor(
        "Please delete:\n"
        '1. _dnsauth.dvla.gov.uk        TXT  "20240611124402p7tkw3yq0h5z2nbr8mvc1d9xsfjl6ga"\n'
        '2. dvla.gov.uk                 TXT  "globalsign-domain-verification=Mnyu0GPFNZ6JDMylN1XATlW-aaLFP14E-o7RF7ZXu6a"\n',
        1,
    )
    later = vendor(
        "Thanks Sam. I've checked: the _dnsauth record is gone (NXDOMAIN). The GlobalSign token "
        "still resolves at dvla.gov.uk as expected - Tuesday is fine for that one.",
        3,
    )
    changes = read(conversation(ask, us("1 removed today.", 2), later)).changes
    assert [c.name for c in changes] == ["dvla.gov.uk."]


def test_our_question_answered_yes_or_remove_both() -> None:
    ask = vendor(
        "Please add _acme-challenge.a.service.gov.uk CNAME cxx907locaor453hju3.fastly-validations.com",
        1,
    )
    one = (
        "We still have _acme-challenge.b.service.gov.uk CNAME 340xkup8zn7d08fzygyus3.fastly-validations.com "
        "from the old setup where it had a separate origin. Should we remove the old one?"
    )
    quoted = (
        "Answers inline:\n> We still have _acme-challenge.b.service.gov.uk CNAME "
        "340xkup8zn7d08fzygyus3.fastly-validations.com from the old setup [...] Should we "
        "remove the old one?\nYes please. Nothing will look at it again."
    )
    changes = read(conversation(ask, us(f"Done.\n\n{one}", 2), vendor(quoted, 3))).changes
    assert ("delete", "_acme-challenge.b.service.gov.uk.") in {(c.action, c.name) for c in changes}
    two = us(
        "Added. I can see two GlobalSign records still sitting there:\n"
        'dwp.gov.uk. 3600 IN TXT "globalsign-domain-verification=37vSIHNMWDD4Z6TOOjQEc7K4gBbIFQPrQJgHWn9D3rs"\n'
        'dwp.gov.uk. 3600 IN TXT "globalsign-domain-verification=fgVrGCeIKVP2T61sNhEYgxdjhEs8Kpa_APJMZGw-l5M"\n'
        "Are those yours?",
        2,
    )

    def deletes(answer: str) -> int:
        got = read(conversation(ask, two, vendor(answer, 3))).changes
        return sum(c.action == "delete" for c in got)

    assert deletes("Neither is needed any more, so please remove both.") == 2
    assert deletes("Please don't remove those two! They are still in use.") == 0


def test_all_fine_except_one_held_until_issued() -> None:
    ours = us(
        "Here's what I plan, let me know if any of it is wrong:\n\n"
        '1. ADD     gov.uk.  TXT  "globalsign-domain-verification=6LRIHYoXaDrIQLiTHQTlsUXhgEnuLR6ZoCGKyRybg0Y"\n'
        '2. DELETE  gov.uk.  TXT  "globalsign-domain-verification=g_M-MszCUOHnOjl4mKUZoIODqnlOLB17Sc6ZnMUntKM"\n'
        '3. ADD     gov.uk.  CAA  0 issue "globalsign.com"\n',
        2,
    )
    answer = vendor(
        "All fine except the second one. Please hold off removing the old token until the new "
        "certificate has actually been issued.\n1 and 3 can go in now.",
        3,
    )
    ask = vendor("New token for gov.uk, please add it.", 1)
    changes = read(conversation(ask, ours, answer)).changes
    assert sorted((c.action, c.type, c.when) for c in changes) == [
        ("add", "CAA", "now"),
        ("add", "TXT", "now"),
        ("delete", "TXT", "after_issuance"),
    ]


def test_a_correction_that_says_the_rest_stands_over_other_records_is_for_a_person() -> None:
    thread = _text(
        "Apologies - the www value in my first email was wrong. The correct target is:\n\n"
        "_acme-challenge.www.hse.gov.uk  CNAME  0z752klgsp0yl31ijkc9n.fastly-validations.com\n\n"
        "Everything else in the thread stands.\n\n"
        "On Tue, 29 Jul 2025 at 10:31, Fastly Support <support@fastly.com> wrote:\n"
        "> Please create these two CNAME records:\n"
        "> _acme-challenge.hse.gov.uk CNAME gbi2yygsqzv2r64ap63kbja.fastly-validations.com\n"
        "> _acme-challenge.www.hse.gov.uk CNAME ugj9mae5ew6nq65zn3cu.fastly-validations.com\n"
    )
    got = read(thread)
    # the quoted mail is read now (its apex record stands); which www value stands is not yet
    # read as the correction's, so a person reads it (a block, where an unread warning was)
    assert "_acme-challenge.hse.gov.uk." in {c.name for c in got.changes}
    assert {"unread_value", "ambiguous_request"} & {f.code for f in got.flags}


def test_delete_that_one_said_of_a_misplaced_record_is_never_dropped_unsaid() -> None:
    ticket = _text(
        "Please add _acme-challenge.www.data.gov.uk CNAME pr8zk0nn6sod8ppvyht4.fastly-validations.com\n\n"
        "The record has ended up at _acme-challenge.www.data.gov.uk.data.gov.uk. Could you "
        "delete that one and create it at _acme-challenge.www.data.gov.uk instead?\n"
    )
    assert "unread_value" in {f.code for f in read(ticket).flags}


def test_later_words_that_say_a_request_is_done_third_round() -> None:
    ask = vendor(
        "Please add:\n_acme-challenge.apply.service.gov.uk -> t9opeok97mpqga8m6izk.fastly-validations.com\n"
        "_acme-challenge.www.apply.service.gov.uk -> up4804vex9ix1ghs4qe7.fastly-validations.com\n",
        1,
    )

    def left(later: str) -> list[str]:
        ticket = conversation(ask, us("Both in.", 2), vendor(later, 3))
        return sorted(c.name for c in read(ticket).changes)

    www, apex = (
        ["_acme-challenge.www.apply.service.gov.uk."],
        ["_acme-challenge.apply.service.gov.uk."],
    )
    assert (
        left("Status:\n- apply.service.gov.uk: validated\n- www.apply.service.gov.uk: validated\n")
        == []
    )
    assert left("✅ picked up, apply is green. thx") == www
    assert (
        left(
            "for www is went through already. For apply.service.gov.uk still we not see the CNAME, "
            "lookup return nothing."
        )
        == apex
    )
    assert (
        left(
            "  Domain                        Verification\n"
            "  apply.service.gov.uk          \u2714 Verified\n"
            "  www.apply.service.gov.uk      \u2716 Pending - CNAME not found\n"
        )
        == www
    )


def test_the_cname_went_through_leaves_a_withdrawn_txt_unpublished() -> None:
    ask = vendor(
        "Please add _acme-challenge.assets.publishing.service.gov.uk CNAME h2efe8v3og12zlh17b.fastly-validations.com\n"
        "and, as a fallback, assets.publishing.service.gov.uk TXT "
        "globalsign-domain-verification=7RXu99Fqdfi3TZbUqkwZH6VMag1j3ZNC_z1y0__95Fj\n",
        1,
    )
    later = vendor(
        "Hi - the CNAME went through and the new cert is already live on assets. So no need for "
        "the GlobalSign TXT after all, please don't add it on Thursday.",
        3,
    )
    got = read(conversation(ask, us("CNAME in, TXT on Thursday.", 2), later))
    assert got.changes == ()
    assert {o.type for o in got.observed} == {"CNAME"}


def test_i_can_see_the_caa_on_the_host_makes_that_add_done() -> None:
    ask = vendor(
        'Please add dwp.gov.uk CAA 0 issue "certainly.com" and\n'
        "_acme-challenge.dwp.gov.uk CNAME 2vpfwd252vpdl1mtugyupae.fastly-validations.com\n",
        1,
    )
    later = vendor(
        "Thanks, I can see the certainly.com CAA on dwp.gov.uk now. The CNAME is still pending.", 3
    )
    changes = read(conversation(ask, us("CAA is in.", 2), later)).changes
    assert [c.type for c in changes] == ["CNAME"]


def test_some_records_of_a_mail_already_valid_is_for_a_person() -> None:
    ticket = _text(
        "Please create these:\n"
        "_acme-challenge.a.service.gov.uk CNAME ihysdbtx2qpkk2cgwsr2q.fastly-validations.com\n"
        "_acme-challenge.b.service.gov.uk CNAME a5cubrs1avb3yjycc1fl.fastly-validations.com\n"
        "_acme-challenge.c.service.gov.uk CNAME jq600oq4n1dezv72ubz2.fastly-validations.com\n\n"
        "Two of the three are valid already, so please leave those records alone.\n"
    )
    assert "unread_value" in {f.code for f in read(ticket).flags}


def test_n_of_m_confirmed_names_the_hosts_in_brackets() -> None:
    ask = vendor(
        "Please add:\n_acme-challenge.gov.uk CNAME ci10z1no45l0rwhx6dk8.fastly-validations.com\n"
        "_acme-challenge.tax.service.gov.uk CNAME c555eracy3klw26yuhxvm.fastly-validations.com\n",
        1,
    )
    later = vendor("Thanks Sam - 1 of 2 confirmed (gov.uk). The other is still outstanding.", 3)
    changes = read(conversation(ask, us("Done.", 2), later)).changes
    assert [c.name for c in changes] == ["_acme-challenge.tax.service.gov.uk."]


def test_later_words_that_say_a_request_is_done_fourth_round() -> None:
    ask = vendor(
        "Please add:\n_acme-challenge.lr.gov.uk CNAME 7dhqyut6yl4vogddn5.fastly-validations.com\n"
        "_acme-challenge.www.lr.gov.uk CNAME 8yfviac37xavnr5zam.fastly-validations.com\n"
        "_acme-challenge.search.lr.gov.uk CNAME kzppx2uujjegpp88jn.fastly-validations.com\n"
        'lr.gov.uk CAA 0 issue "certainly.com"\n',
        1,
    )

    def left(later: str) -> list[str]:
        ticket = conversation(ask, us("Three in, search to follow.", 2), vendor(later, 3))
        return sorted(f"{c.name} {c.type}" for c in read(ticket).changes)

    assert left("Thanks - apex and www came through fine and are ticked off on our side.") == [
        "_acme-challenge.search.lr.gov.uk. CNAME",
        "lr.gov.uk. CAA",
    ]
    assert left("I can see the certainly.com CAA record resolving now, so that part is done.") == [
        "_acme-challenge.lr.gov.uk. CNAME",
        "_acme-challenge.search.lr.gov.uk. CNAME",
        "_acme-challenge.www.lr.gov.uk. CNAME",
    ]


def test_keep_it_for_now_and_wait_for_the_cert_holds_the_removal() -> None:
    token = "globalsign-domain-verification=vkUloCX26SVADJ1yFymtMYOPrmn_PAIEzOwT5zyF5sV"
    ask = vendor(
        "- add CNAME `_acme-challenge.ons.gov.uk` -> `3ckkcz5no919uixvgs.fastly-validations.com`\n"
        f"- delete the TXT `{token}` on ons.gov.uk\n",
        1,
    )
    later = vendor(
        "Sorry - correction. Go ahead with the CNAME tomorrow but please keep the GlobalSign TXT "
        "for now. Wait for the cert, I'll post here.",
        3,
    )
    changes = read(conversation(ask, us("Both scheduled.", 2), later)).changes
    assert sorted((c.action, c.when) for c in changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]


def test_remove_both_under_three_shown_is_for_a_person() -> None:
    ask = vendor("Please add the new gov.uk token.", 1)
    ours = us(
        "Added. I can see three GlobalSign strings at the apex:\n$ dig +short TXT gov.uk\n"
        '"globalsign-domain-verification=noIRpDc2q13r3F2S-nu4XcZx8sELlRKmBUhcJbA0EFh"\n'
        '"globalsign-domain-verification=zuwBETf2Jy51U8s77sdchCY-BXS3wE_bdDIL7_MfVXI"\n'
        '"globalsign-domain-verification=lxw_WdrxMwqERSV6ih86BKudgUmknLGACeeKhrDShmF"\n'
        "Are the older ones still needed?",
        2,
    )
    later = vendor("The two you listed below yours are old. Please remove both of them.", 3)
    got = read(conversation(ask, ours, later))
    assert not [c for c in got.changes if c.action == "delete"] or "unread_value" in {
        f.code for f in got.flags
    }
    assert "unread_value" in {f.code for f in got.flags}


def test_an_entry_to_be_removed_later_unread_and_a_second_agent_refusing_removals() -> None:
    ask = vendor(
        'Please add gov.uk. CAA 0 issue "certainly.com"\n\nPlease do NOT remove the letsencrypt.org '
        "entry yet - that should only come out after we've switched over.",
        1,
    )
    assert "unread_value" in {f.code for f in read(conversation(ask)).flags}
    ours = us(
        "The validation record is still there:\n_acme-challenge.tax.service.gov.uk. 300 IN CNAME "
        "bmjwrh306x4jm75k76.fastly-validations.com.\nShould we delete it now?",
        1,
    )
    yes = vendor("Yes, remove it.", 2)
    no = vendor(
        "Please don't remove any _acme-challenge CNAMEs pointing at fastly-validations.com.", 3
    )
    assert "ambiguous_request" in {f.code for f in read(conversation(ours, yes, no)).flags}


def test_a_help_desk_mail_lists_earlier_comments_under_dashes() -> None:
    ticket = _text(
        "Hi Zainab,\n1 - yes.\n2 - no, keep that.\n"
        "3 - yes, but not yet. Please leave it until the new certificate is live.\n"
        "Cheers\nPete\nFastly Support\n-----\n"
        "Zainab Idowu (GOV.UK Platform Engineering), 21 Oct 2025, 16:02\n"
        "Hi Pete,\nCan we delete:\n"
        '1. companieshouse.gov.uk TXT "globalsign-domain-verification=2dUJ9txET5B2ibB0572CqQHR6INj879e7JfGVpvIDtU"\n'
        '2. companieshouse.gov.uk CAA 0 issue "globalsign.com"\n'
        "3. _acme-challenge.companieshouse.gov.uk CNAME 8yzybwd1l44h84j2o8.fastly-validations.com\n"
    )
    assert sorted((c.action, c.type, c.when) for c in read(ticket).changes) == [
        ("delete", "CNAME", "after_issuance"),
        ("delete", "TXT", "now"),
    ]


def test_a_verdict_per_ca_on_the_caa_set_we_quoted() -> None:
    ticket = _text(
        "Hi Imogen,\n\nGoing through your three:\n\n"
        "letsencrypt.org \u2013 keep, please.\n"
        "globalsign.com \u2013 we haven't issued from GlobalSign since 2023, so that one is fine to remove.\n"
        "comodoca.com \u2013 not ours. Please check internally before touching it.\n\n"
        'Please add:\n\ncabinetoffice.gov.uk.  CAA  0 issue "certainly.com"\n\nAbdul\n\n'
        "From: Imogen Clarke <imogen.clarke@digital.cabinet-office.gov.uk>\n"
        "Sent: 31 March 2025 09:26\nTo: Fastly Support <support@fastly.com>\nSubject: RE: CAA\n\n"
        "cabinetoffice.gov.uk currently has these CAA records:\n\n"
        'cabinetoffice.gov.uk. 3600 IN CAA 0 issue "letsencrypt.org"\n'
        'cabinetoffice.gov.uk. 3600 IN CAA 0 issue "globalsign.com"\n'
        'cabinetoffice.gov.uk. 3600 IN CAA 0 issue "comodoca.com"\n'
    )
    assert sorted((c.action, c.value) for c in read(ticket).changes) == [
        ("add", '0 issue "certainly.com"'),
        ("delete", '0 issue "globalsign.com"'),
    ]


def test_can_go_by_place_under_our_question_below_the_list() -> None:
    ours = us(
        "We found:\n_acme-challenge.www.j.gov.uk CNAME 5hqx2mz8vt0kwr4nbd.fastly-validations.com\n"
        "_acme-challenge.old.j.gov.uk CNAME b1zw7nq3kx9tmv6rch.fastly-validations.com\n"
        '_acme-challenge.j.gov.uk TXT "Fd8Lq2Wz6Xn0Rk4Tb9Mv3Yc7Hs1Pg5Jo"\n'
        "Which of these can be removed?",
        1,
    )
    answer = vendor("2 and 3 can go. 1 is live, please leave it alone.", 2)
    changes = read(conversation(ours, answer)).changes
    assert sorted((c.action, c.name) for c in changes) == [
        ("delete", "_acme-challenge.j.gov.uk."),
        ("delete", "_acme-challenge.old.j.gov.uk."),
    ]


def test_i_can_see_the_issue_line_on_the_host() -> None:
    ask = vendor(
        'Please add service.gov.uk CAA 0 issue "certainly.com" and\n'
        "_acme-challenge.design-system.service.gov.uk CNAME 2vpfwd252vpdl1mtugyupae.fastly-validations.com\n",
        1,
    )
    later = vendor(
        'The CAA part is fine - I can see 0 issue "certainly.com" on service.gov.uk alongside the '
        "other two. The challenge CNAME isn't resolving yet though.",
        3,
    )
    changes = read(conversation(ask, us("Both applied.", 2), later)).changes
    assert [c.type for c in changes] == ["CNAME"]


def test_ticks_and_status_cells_that_say_done() -> None:
    ask = vendor(
        "Please add:\n_acme-challenge.na.gov.uk CNAME wz4e1ohq8g6ctn0bvy.fastly-validations.com\n"
        "_acme-challenge.www.na.gov.uk CNAME 9xb3lrj7pa0mqd2ks6f.fastly-validations.com\n",
        1,
    )

    def left(later: str) -> list[str]:
        ticket = conversation(ask, us("Both out.", 2), vendor(later, 3))
        return sorted(c.name for c in read(ticket).changes)

    assert left("Had a look:\n\u2705 na.gov.uk\n\u274c www.na.gov.uk\nwww still fails.") == [
        "_acme-challenge.www.na.gov.uk."
    ]
    assert left(
        "- CNAME on _acme-challenge.www.na.gov.uk \u2714 validated\n- the other \u2718 failing"
    ) == ["_acme-challenge.na.gov.uk."]
    table = _text(
        "Name | Type | Value | Status\n"
        "_acme-challenge.t.service.gov.uk | CNAME | s0yr5ev8hb2nk7mqw4.fastly-validations.com | "
        "\u23f3 Pending \u2013 record is in place, CA hasn't re-checked yet (nothing for you to do)\n"
        "_acme-challenge.www.t.service.gov.uk | CNAME | x4jm9ft2ra6ug0lp3cz.fastly-validations.com | "
        "\u23f3 Pending \u2013 not in DNS yet\n"
    )
    assert [c.name for c in read(table).changes] == ["_acme-challenge.www.t.service.gov.uk."]


def test_a_time_lead_in_over_a_blank_line_and_pull_it_off() -> None:
    ticket = _text(
        "After the cut-over - not before - please:\n\n"
        '  - delete the CAA record x.gov.uk. CAA 0 issue "globalsign.com"\n\n'
        "Both steps are needed now rather than after issuance:\n\n"
        "  1. Add:  _acme-challenge.x.gov.uk  CNAME  9arur96kz82l3aisc1.fastly-validations.com\n"
    )
    assert sorted((c.action, c.when) for c in read(ticket).changes) == [
        ("add", "now"),
        ("delete", "after_issuance"),
    ]
    token = "globalsign-domain-verification=Vq7RZx2nT0mPkd81sHjwaLcE4yBuF9oQ3s"
    ask = vendor(f"Please add a TXT record at ons.gov.uk with the value {token}", 1)
    later = vendor(
        "cert's out. You can pull the globalsign TXT off the apex whenever suits - nothing on "
        "our side needs it any more.",
        3,
    )
    ours = us(f'Added:\n$ dig +short TXT ons.gov.uk | grep globalsign\n"{token}"', 2)
    changes = read(conversation(ask, ours, later)).changes
    assert [(c.action, c.value) for c in changes] == [("delete", token)]


def test_one_of_the_records_shown_asked_to_go_by_its_place() -> None:
    old = "globalsign-domain-verification=q5qan2dYO5aaOhBOCMa6vgYmLC4u39iYN17tEXob"
    new = "globalsign-domain-verification=MTI6TJnt00RANY0zkvvlPG83Zk0hJS2iGC45nLasdV"

    def removed(sentence: str) -> list[str | None]:
        ticket = _text(
            "Looking at the apex right now there are two:\n\n"
            f'hmrc.gov.uk. IN TXT "{old}"\nhmrc.gov.uk. IN TXT "{new}"\n\n{sentence}\n'
        )
        changes = read(ticket).changes
        assert all(c.action == "delete" for c in changes)
        return [c.value for c in changes]

    # (all of them had been removed: "these" was read, the place was not)
    assert removed("The first of these can be deleted.") == [old]
    assert removed(
        "Please delete the first one (q5qan2...). The second one is the one we keep."
    ) == [old]
    assert removed("Please delete the last one.") == [new]
    # "The first one is the token from last year" says which is which and asks nothing
    said = removed("The first one is the token from last year. The second one is new.")
    assert said == []


def test_the_other_value_we_gave_and_the_vendors_choice() -> None:
    mine = "globalsign-domain-verification=_cLcimVUVoVajkwJ0AY9itXciku8VijXrTtDsT"
    theirs = "globalsign-domain-verification=_cLcimVUVoVajkwJ0A9YitXciku8VijXrTtDsT"
    ask = vendor(f"Please add a TXT record to companieshouse.gov.uk (apex), TTL 3600:\n\n{mine}", 1)
    question = us(
        "We were copied on GlobalSign's own email and the token in it is different from "
        f"yours:\n\n{theirs}\n\n(they differ around the middle). Which one should go in?",
        2,
    )

    def reading(answer: str | None) -> tuple[list[str | None], list[tuple[str, str]]]:
        later = [vendor(answer, 3)] if answer else []
        got = read(conversation(ask, question, *later))
        return [c.value for c in got.changes], [(f.code, f.severity) for f in got.flags]

    # (the vendor's mistyped token had been kept, silently)
    values, flags = reading("Good spot - use the one from GlobalSign's email, I mistyped mine.")
    assert values == [theirs] and ("superseded", "info") in flags
    values, flags = reading("No, use mine: the one in that email is from the cancelled order.")
    assert values == [mine] and not [f for f in flags if f[1] != "info"]
    # not answered yet, or answered in words not read: which goes in is for a person
    for answer in (None, "Thanks, looking into it with GlobalSign now."):
        values, flags = reading(answer)
        assert ("ambiguous_request", "block") in flags


def test_a_token_broken_under_itself_is_joined_or_flagged() -> None:
    block = (
        "For domain nationalarchives.gov.uk, set DNS record\n"
        "    Name:  nationalarchives.gov.uk.\n"
        "    Type:  TXT\n"
        "    Value: globalsign-domain-verification=CAyHesw93pVMfWlN-B7VGUKOp\n"
        "{pad}lOjR8tOOFBVHJz6\n"
        "    TTL:   3600\n"
    )
    # (the first piece alone had been drafted, silently)
    got = read(_text(block.format(pad=" " * 11)))
    assert [c.value for c in got.changes] == [
        "globalsign-domain-verification=CAyHesw93pVMfWlN-B7VGUKOplOjR8tOOFBVHJz6"
    ]
    # set elsewhere, the piece may or may not be the rest: a person reads it
    got = read(_text(block.format(pad=" " * 7)))
    assert "unparsed_record" in [f.code for f in got.flags]


def test_an_example_line_and_a_record_that_must_not_be_added_are_never_asked() -> None:
    head = (
        "Please add the following to the gov.uk zone:\n\n$ORIGIN gov.uk.\n"
        "_acme-challenge.www   IN  CNAME  k3nkz4icyzvce2stiugkp.fastly-validations.com.\n\n"
    )
    example = (
        "_acme-challenge.example-service.service.gov.uk.  3600  IN  CNAME  "
        "0a1b2c3d4e5f6a7b8c.fastly-validations.com.\n"
    )
    for lead in (
        "Our docs page shows a sample line.\n\n; EXAMPLE ONLY - do not add\n",
        "Just so it's clear, this is only an example of the format and must not be added:\n\n",
        "Just so it is clear, this must not be added:\n\n",
    ):
        got = read(_text(head + lead + example))
        assert [c.name for c in got.changes] == ["_acme-challenge.www.gov.uk."], lead


def test_a_forwarders_own_ask_above_the_vendors_mail_is_not_the_vendors() -> None:
    text = (
        "Hi GOV.UK Platform team,\n\n"
        "Fastly sent us the below for our Check your Income Tax service, but the zone is yours, "
        "so passing it on. Also, while you're in there, could you add a TXT record on "
        "check-income-tax.service.gov.uk with the value MS=ms48213377? That's for our Microsoft "
        "365 tenant.\n\nMany thanks,\nPriya\nPriya Raghunathan | Senior Platform Engineer | HMRC\n\n"
        "From: Fastly Support <support@fastly.zendesk.com>\nSent: 10 March 2025 11:02\n"
        "Subject: Action required: domain validation\n\nHi Priya,\n\n"
        "Please create the following DNS record:\n\n"
        "Name:   _acme-challenge.check-income-tax.service.gov.uk\nType:   CNAME\n"
        "Value:  ngpz5cjmdls7l8wsq3c.fastly-validations.com\n\nRegards,\nTariq\n"
    )
    got = read(_text(text))
    # (the department's Microsoft 365 TXT had been drafted as the vendor's, silently)
    vendor_asks = [c.value for c in got.changes if c.source and c.source.role != "other"]
    assert vendor_asks == ["ngpz5cjmdls7l8wsq3c.fastly-validations.com."]
    assert [c.value for c in got.changes if c.source and c.source.role == "other"] == [
        "MS=ms48213377"
    ]
    # a Fastly agent forwarding Fastly's own notice, signed as Fastly, is still the vendor
    agent = text.replace("Fastly sent us", "Our platform sent you").replace(
        "Priya Raghunathan | Senior Platform Engineer | HMRC", "Mei Lin, Fastly Support"
    )
    assert all(c.source and c.source.role != "other" for c in read(_text(agent)).changes)


def test_the_removal_spoken_of_as_a_noun_is_the_one_asked() -> None:
    table = _text(
        "| Zone | Host | Type | Value | What to do |\n|---|---|---|---|---|\n"
        "| service.gov.uk | `_acme-challenge.apply` | CNAME | `3ycecayqny9lppint6ec4.fastly-validations.com`"
        " | add now |\n"
        "| service.gov.uk | `_acme-challenge.legacy` | CNAME | `5xmwxl6umggcvwnron4v.fastly-validations.com`"
        " | delete, but only once the new certificate has been issued |\n\n"
        "I'll update this ticket as soon as the new certificate is out - that's your cue for the "
        "delete.\n"
    )
    # (every row had been removed after issuance, the new CNAME too, silently)
    assert sorted((c.action, c.name, c.when) for c in read(table).changes) == [
        ("add", "_acme-challenge.apply.service.gov.uk.", "now"),
        ("delete", "_acme-challenge.legacy.service.gov.uk.", "after_issuance"),
    ]


def test_no_dns_records_needed_this_time_withdraws_last_years_request() -> None:
    token = "globalsign-domain-verification=IOzzYP2EZnnov0KCJaTk8axZrRfbAWQ4"
    ask = vendor(f'Please publish this TXT record at the apex:\nofqual.gov.uk. IN TXT "{token}"', 1)
    later = vendor(
        "GlobalSign are doing this one by email approval to hostmaster@ofqual.gov.uk. You don't "
        "need to add or change any DNS records for this renewal.",
        3,
    )
    assert (
        read(conversation(ask, us("Do you need the same TXT as last year?", 2), later)).changes
        == ()
    )


def test_a_correction_over_the_mail_whose_rest_stands_is_never_silent() -> None:
    text = (
        "Sam - sorry, fat-fingered the target in my mail yesterday. The correct one is:\n\n"
        "_acme-challenge.ons.gov.uk  CNAME  0v0be2ekta0uvng9uy28.fastly-validations.com\n\n"
        "Everything else I said stands (TXT out first, then the CNAME).\n\nRavi\n\n"
        "> On 4 Mar 2025, at 16:40, Ravi Chandran wrote:\n>\n"
        "> 1. Delete the old TXT at _acme-challenge.ons.gov.uk - the one with value "
        "hb4vh5ntMgNVp8z7i2ed722z84CE3V5uBWR7Y38oZDJ.\n>\n"
        "> 2. Add _acme-challenge.ons.gov.uk CNAME gi8pajj79n403g7ovt4p.fastly-validations.com\n"
    )
    got = read(_text(text))
    # (only the corrected CNAME had been read, the removal that stands lost, silently)
    right = {(c.action, c.type) for c in got.changes} >= {("delete", "TXT"), ("add", "CNAME")}
    assert right or {f.severity for f in got.flags} & {"warn", "block"}
