"""How the mail looked: MIME parts, HTML shapes and mail-client layouts the reader must see through."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from bot.text import from_email
from tests.test_reading import changes, codes, conversation, us, vendor

TARGET = "q7rkw2zm8x4hd9pnvt.fastly-validations.com"


def _mail(plain: str, html: str) -> Ticket:
    """A ticket from a multipart/alternative message, as `cert-ticket triage x.eml` reads it."""
    raw = (
        "From: Fastly Support <support@fastly.com>\nTo: govuk@example.gov.uk\n"
        "Subject: Validate your TLS subscription #4242\nMIME-Version: 1.0\n"
        'Content-Type: multipart/alternative; boundary="alt"\n\n--alt\n'
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{plain}\n--alt\n"
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
        f"{html}\n--alt--\n"
    )
    subject, text = from_email(raw)
    return Ticket(id="4242", subject=subject, text=text)


# The records only in the HTML part


def test_a_plain_part_that_only_says_view_in_a_browser_gives_way_to_the_html_one() -> None:
    """The plain stand-in had been read alone: no changes, the HTML's CNAME unseen."""
    html = (
        "<p>Please add this record so we can validate agency.service.gov.uk:</p><table><tr>"
        "<th>Name</th><th>Type</th><th>Target</th></tr><tr><td>_acme-challenge.agency.serv=\n"
        f"ice.gov.uk</td><td>CNAME</td><td>{TARGET[:20]}=\n{TARGET[20:]}</td></tr></table>"
    )
    for plain in (
        "View this email in your browser: https://fastly.example/m/4242",
        "Your mail client cannot show this message. Please open the HTML version.",
        "Fastly TLS: action required.\n\nSign in to the control panel to see what is needed.",
    ):
        assert changes(_mail(plain, html)) == [
            ("add", "_acme-challenge.agency.service.gov.uk.", "CNAME", TARGET + ".", None)
        ]

    # a plain part with the records is still the one read, whatever the HTML says
    plain = f"Please add:\n_acme-challenge.agency.service.gov.uk CNAME {TARGET}"
    other = "<p>Please add the record in the plain-text version of this mail.</p><p>CNAME</p>"
    assert changes(_mail(plain, other)) == [
        ("add", "_acme-challenge.agency.service.gov.uk.", "CNAME", TARGET + ".", None)
    ]


# A column named for what is done with its records


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate renewal tidy-up", text=body)


OLD_A = "globalsign-domain-verification=c4LrT0kQm9vXa2Jd7uWfP1sEy8hBn3Gz"
OLD_B = "globalsign-domain-verification=Vq8pX2mWd5rK9tLs1hYc4NfJ7bGe0aZu"


def test_a_record_to_remove_column_beside_the_name_holds_the_data_to_remove() -> None:
    """ "| Host | Record to remove | Type |" had read no value column: nothing read."""
    for header in (
        "| Host | Record to remove | Type |",
        "| Hostname | Records to be removed | Type |",
    ):
        got = read(
            _text(
                "The new certificate is out, so these can go:\n\n"
                f"{header}\n|---|---|---|\n| gov.uk | {OLD_A} | TXT |\n| gov.uk | {OLD_B} | TXT |\n"
            )
        )
        assert {(c.action, c.name, c.value, c.ttl) for c in got.changes} == {
            ("delete", "gov.uk.", OLD_A, None),
            ("delete", "gov.uk.", OLD_B, None),
        }, header


def test_a_value_to_delete_column_makes_each_row_a_removal() -> None:
    """ "| Name | Type | Value to delete |" under words with no verb had been read as adds."""
    ticket = _text(
        f"As discussed on the call:\n\n| Name | Type | Value to delete |\n|---|---|---|\n"
        f"| gov.uk | TXT | {OLD_A} |\n| www.gov.uk | TXT | {OLD_B} |\n"
    )
    assert changes(ticket) == [
        ("delete", "gov.uk.", "TXT", OLD_A, None),
        ("delete", "www.gov.uk.", "TXT", OLD_B, None),
    ]


def test_a_record_to_remove_column_that_names_the_record_keeps_the_value_column() -> None:
    """ "| Record to remove | Type | Value |": the names are in it; the rows had been adds."""
    ticket = _text(
        "Please clean these up:\n\n| Record to remove | Type | Value |\n|---|---|---|\n"
        f"| _acme-challenge.beta.service.gov.uk | CNAME | {TARGET} |\n"
    )
    assert changes(ticket) == [
        ("delete", "_acme-challenge.beta.service.gov.uk.", "CNAME", TARGET + ".", None)
    ]


def test_a_record_to_add_column_beside_the_host_is_its_data() -> None:
    """ "| Host | Record to add | Type |": both had been name columns, nothing read."""
    ticket = _text(
        "Please add:\n\n| Host | Record to add | Type |\n|---|---|---|\n"
        f"| _acme-challenge.beta.service.gov.uk | {TARGET} | CNAME |\n"
    )
    assert changes(ticket) == [
        ("add", "_acme-challenge.beta.service.gov.uk.", "CNAME", TARGET + ".", None)
    ]


# Our mail quoted under the vendor's reply


def test_our_dig_quoted_under_the_reply_that_says_which_go_is_what_is_published() -> None:
    """Our quoted dig had been left unread once the reply had records of its own: the token
    the reply says to keep was flagged unread, and nothing was shown published."""
    keep = "globalsign-domain-verification=Hn3eWq7Zt0yRk4Lm8Pa2Sd6Fg1Jc5Xv9"
    text = (
        "Hi Sam,\n\nThe certificate is issued, so this one can be deleted now:\n\n"
        f'gov.uk. IN TXT "{OLD_A}"\n\n'
        f"Keep {keep} - that's this year's.\n\nCheers,\nLena\nFastly Support\n\n"
        "On Tue, 6 May 2025 at 09:12, Sam Okafor (GOV.UK) <sam.okafor@digital.cabinet-office"
        ".gov.uk> wrote:\n> We see two tokens at the apex right now:\n>\n"
        f'> $ dig +short TXT gov.uk\n> "{OLD_A}"\n> "{keep}"\n>\n> Which can go?\n'
    )
    got = read(_text(text))
    assert [(c.action, c.value) for c in got.changes] == [("delete", OLD_A)]
    assert {o.value for o in got.observed} == {OLD_A, keep}
    assert "unread_value" not in codes(_text(text))


# An HTML definition list: each term a label, its description the value


def test_a_definition_list_is_read_as_labels_and_their_values() -> None:
    """ "<dt>Record name</dt><dd>x</dd>" ran together as "Record namex": nothing was read."""
    html = (
        "<p>Please create this record for the new certificate:</p><dl><dt>Host</dt>\n"
        "<dd>_acme-challenge.beta.service.gov.uk</dd>\n<dt>Type:</dt><dd>CNAME</dd>\n"
        f"<dt><b>Points to</b></dt><dd><code>{TARGET}</code></dd></dl><p>Thanks, Fastly</p>"
    )
    assert changes(_text(html)) == [
        ("add", "_acme-challenge.beta.service.gov.uk.", "CNAME", TARGET + ".", None)
    ]


def test_a_definition_list_in_a_notification_cell_gives_an_update_and_its_ttl() -> None:
    """Inside a Zendesk notification's layout table: the swap had been read as nothing."""
    html = (
        "<table><tr><td><p>Kim (Fastly)</p><p>The verification string has changed:</p><dl>"
        "<dt>Name</dt><dd>gov.uk</dd><dt>Type</dt><dd>TXT</dd>"
        f"<dt>Existing value</dt><dd>{OLD_A}</dd><dt>Replace with</dt><dd>{OLD_B}</dd>"
        "<dt>TTL</dt><dd>300</dd></dl></td></tr></table>"
    )
    got = read(_text(html))
    assert [(c.action, c.name, c.value, c.old_value, c.ttl) for c in got.changes] == [
        ("update", "gov.uk.", OLD_B, OLD_A, 300)
    ]


# Record types said in words


def test_record_types_spelled_out_read_as_their_types() -> None:
    """ "a canonical name record", "a text record": no type was seen, nothing read."""
    token = "globalsign-domain-verification=Lw2Xq9Rt5Yp1Zs7Kd3Mf8Nh4Bc6Vg0Jj"
    text = _text(
        "Hello,\n\nFor the renewal please publish, in the service.gov.uk zone:\n\n"
        f"- a Canonical Name record at _acme-challenge.beta.service.gov.uk pointing to {TARGET}\n"
        f"- a text record on beta.service.gov.uk with the value {token}\n"
        "- a certificate authority authorization record on beta.service.gov.uk with the value "
        '0 issue "certainly.com"\n\nThanks,\nFastly Support\n'
    )
    assert sorted((c.action, c.name, c.type, c.value) for c in read(text).changes) == [
        ("add", "_acme-challenge.beta.service.gov.uk.", "CNAME", TARGET + "."),
        ("add", "beta.service.gov.uk.", "CAA", '0 issue "certainly.com"'),
        ("add", "beta.service.gov.uk.", "TXT", token),
    ]


def test_a_removal_said_again_as_still_needed_later_keeps_its_wait() -> None:
    """ "The CNAME and, later, the removal of the old TXT record are still needed" had made
    the removal asked for after issuance one for now."""
    ask = vendor(
        f"Please add _acme-challenge.beta.service.gov.uk CNAME {TARGET}.\n\n"
        "Once the new certificate has been issued, please also remove the TXT record on "
        f"beta.service.gov.uk that reads {OLD_A}.",
        1,
    )
    question = us("Do you need a CAA record as well?", 2)
    for answer in (
        "No CAA needed. The CNAME record and, later, the removal of the old TXT record are "
        "still needed.",
        "No CAA needed. We still need the CNAME now and then later on the removal of that "
        "TXT record.",
    ):
        got = read(conversation(ask, question, vendor(answer, 3)))
        assert sorted((c.action, c.type, c.when) for c in got.changes) == [
            ("add", "CNAME", "now"),
            ("delete", "TXT", "after_issuance"),
        ], answer


# A record the vendor says is published, and a mail chain saved newest first


def test_a_record_said_to_be_still_published_is_shown_not_asked_for() -> None:
    """ "The GlobalSign TXT that's still published on x:" over its value had been an add."""
    for lead in (
        "The GlobalSign verification TXT that's still published on beta.service.gov.uk:",
        "For reference, the token which is currently live at beta.service.gov.uk:",
    ):
        got = read(_text(f'{lead}\n\n  "{OLD_A}"\n\nIt stays for now.\n'))
        assert got.changes == ()
        assert [(o.name, o.value) for o in got.observed] == [("beta.service.gov.uk.", OLD_A)]


def test_a_record_that_stays_until_issuance_is_shown_not_asked_for() -> None:
    """ "The GlobalSign TXT on x ("…") has to stay until the new certificate is issued" had
    been read as an add of that TXT, with no flag."""
    for sentence in (
        f'The GlobalSign TXT on beta.service.gov.uk ("{OLD_A}") has to stay until the new '
        "certificate is issued.",
        f'Please keep the TXT on beta.service.gov.uk ("{OLD_A}") until the renewal is done.',
        f'The TXT record at beta.service.gov.uk ("{OLD_A}") should remain in place for now.',
    ):
        got = read(
            _text(f"Please add _acme-challenge.beta.service.gov.uk CNAME {TARGET}\n\n{sentence}\n")
        )
        assert [(c.action, c.type) for c in got.changes] == [("add", "CNAME")], sentence
        assert [(o.type, o.value) for o in got.observed] == [("TXT", OLD_A)], sentence
