"""Trust rules: who may ask, for which records, pointing where (bot/trust.py), and how the
triage, the drafts and the Slack message show what they stop."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot import blocks
from bot.__main__ import parse_nameserver
from bot.config import AppConfig, Dns, load_app_config
from bot.configfile import ConfigError
from bot.dnscheck import LiveZones, make_resolver_config
from bot.models import DnsChange, Signals, Ticket, Triage
from bot.reading.conversation import from_requests_api, role_of
from bot.triage import triage
from bot.trust import is_validation_owner, looks_issued, trust_flags
from bot.trustpolicy import Trust
from bot.zones import DirectoryZones
from tests.nsd import Nsd


def live(app: AppConfig, nameserver: str) -> LiveZones:
    config = make_resolver_config(parse_nameserver(nameserver), Dns(timeout=0.3, lifetime=4.0))
    return LiveZones(config, DirectoryZones(app.owners(), app.suffixes))


FASTLY = Signals(classification="dns_change", vendor="Fastly")
TOKEN = "h6y3rkjgbakddz6o4g"


def codes(
    action: str, name: str, rdtype: str, value: str | None, signals: Signals = FASTLY
) -> list[str]:
    change = DnsChange(action=action, name=name, type=rdtype, value=value)  # type: ignore[arg-type]
    return [f"{f.severity}:{f.code}" for f in trust_flags(change, signals, Trust())]


@pytest.mark.parametrize(
    ("action", "name", "rdtype", "value", "expected"),
    [
        # What certificate tickets really ask for: no flag.
        ("add", "_acme-challenge.www.gov.uk.", "CNAME", f"{TOKEN}.fastly-validations.com.", []),
        (
            "add",
            "_28fd670cd9a9d10a4a6cfca6a309db7a.www.gov.uk.",
            "CNAME",
            "_efcd9da28f32bcef6e8be5e96ce66eab.kirrbxfjtw.acm-validations.aws.",
            [],
        ),
        (
            "add",
            "_acme-challenge.gov.uk.",
            "CNAME",
            "6f3c4a1e-2b7d-4c9a-9e8f-1a2b3c4d5e6f.9.authorize.certificatemanager.goog.",
            [],
        ),
        ("add", "_dnsauth.gov.uk.", "CNAME", "8eac6vzz2mbsmtdrg3txcycmd6uq.dcv.digicert.com.", []),
        ("add", "gov.uk.", "TXT", "globalsign-domain-verification=sK5p3QZ9MWRsHeI90g5hYD8K7A", []),
        (
            "add",
            "_acme-challenge.gov.uk.",
            "TXT",
            "cE3A8qQpEzAIYq-T9DWNdLJ1_YRXamdxcjGTbzrOH5L",
            [],
        ),
        ("delete", "_acme-challenge.gov.uk.", "TXT", None, []),
        ("delete", "_acme-challenge.www.gov.uk.", "CNAME", "old.example.net.", []),
        ("add", "_ujmmovf2vn55tgye._acme-challenge.gov.uk.", "TXT", "cE3A8qQpEzAIYq-T9DWNdLJ1", []),
        ("add", "gov.uk.", "CAA", '0 issue "globalsign.com"', []),  # Fastly's CA
        # Types a certificate never needs.
        ("add", "gov.uk.", "NS", "ns1.evil-dns.example.net.", ["block:unexpected_type"]),
        ("add", "gov.uk.", "DS", "12345 13 2 " + "ab" * 32, ["block:unexpected_type"]),
        ("add", "mail.gov.uk.", "MX", "10 mx.evil.example.net.", ["block:unexpected_type"]),
        ("add", "assets.gov.uk.", "A", "203.0.113.9", ["block:unexpected_type"]),
        ("add", "login.gov.uk.", "CNAME", "x.fastly-validations.com.", ["block:unexpected_type"]),
        ("add", "*.gov.uk.", "TXT", "cE3A8qQpEzAIYq-T9DWNdLJ1_YRXamdxc", ["block:unexpected_type"]),
        (
            "add",
            "_dmarc.gov.uk.",
            "TXT",
            "v=DMARC1; p=none",
            ["block:unexpected_type", "warn:unexpected_value"],
        ),
        ("add", "_dmarc.gov.uk.", "CNAME", "x.fastly-validations.com.", ["block:unexpected_type"]),
        # CAA: only allowing the ticket's own CA.
        ("add", "gov.uk.", "CAA", '0 issue "evil-ca.example"', ["block:unexpected_type"]),
        ("add", "gov.uk.", "CAA", '0 iodef "mailto:x@evil.example"', ["block:unexpected_type"]),
        ("delete", "gov.uk.", "CAA", '0 issue "digicert.com"', ["block:unexpected_type"]),
        # The service itself.
        ("update", "www.gov.uk.", "CNAME", "www.evil.example.", ["block:touches_service_record"]),
        ("delete", "gov.uk.", "A", "192.0.2.10", ["block:touches_service_record"]),
        ("add", "gov.uk.", "AAAA", "2001:db8::1", ["block:touches_service_record"]),
        # Targets outside every validation domain, look-alikes and homographs included.
        *[
            ("add", "_acme-challenge.www.gov.uk.", "CNAME", target, ["block:unexpected_target"])
            for target in (
                f"{TOKEN}.fastly-validations.com.evil.example.",
                f"{TOKEN}.fastly-validati0ns.com.",
                f"{TOKEN}.fastlyvalidations.com.",
                f"{TOKEN}.xn--fastly-vlidations-4nj.com.",  # Cyrillic а, as dnspython encodes it
                f"{TOKEN}.notfastly-validations.com.",
                "govuk.duckdns.org.",
                "_abc.kirrbxfjtw.acm-validations.aws.attacker.io.",
            )
        ],
        # TXT values that are no CA token.
        ("add", "gov.uk.", "TXT", "v=spf1 include:evil.example ~all", ["warn:unexpected_value"]),
        ("add", "gov.uk.", "TXT", "google-site-verification=abc", ["block:unexpected_value"]),
        ("add", "gov.uk.", "TXT", "v=spf1 -all", ["warn:unexpected_value"]),  # words: a warn
        (
            "add",
            "_acme-challenge.gov.uk.",
            "TXT",
            "https://evil.example/x",
            ["warn:unexpected_value"],
        ),
        (
            "add",
            "_acme-challenge.gov.uk.",
            "TXT",
            "aaaaaaaaaaaaaaaaaaaaaaaa",
            ["warn:unexpected_value"],
        ),
        # Deleting what is not validation data.
        ("delete", "gov.uk.", "TXT", "v=spf1 -all", ["block:unexpected_value"]),
        ("delete", "gov.uk.", "TXT", None, ["block:unexpected_value"]),
    ],
)
def test_rules(action: str, name: str, rdtype: str, value: str | None, expected: list[str]) -> None:
    assert codes(action, name, rdtype, value) == expected


def test_an_update_is_judged_by_its_new_target() -> None:
    change = DnsChange(
        action="update",
        name="_acme-challenge.www.gov.uk.",
        type="CNAME",
        value="x.fastly-validations.com.evil.example.",
        old_value=f"{TOKEN}.fastly-validations.com.",
    )
    assert [f.code for f in trust_flags(change, FASTLY, Trust())] == ["unexpected_target"]


def test_caa_for_a_ca_the_ticket_names_is_allowed_and_others_are_not() -> None:
    sectigo = Signals(classification="dns_change", certificate_authorities=("Sectigo",))
    assert codes("add", "gov.uk.", "CAA", '0 issue "sectigo.com"', sectigo) == []
    assert codes("add", "gov.uk.", "CAA", '0 issue "letsencrypt.org"', sectigo) == [
        "block:unexpected_type"
    ]
    unnamed = Signals(classification="dns_change")
    assert codes("add", "gov.uk.", "CAA", '0 issue "sectigo.com"', unnamed) == [
        "block:unexpected_type"
    ]


def test_owner_and_value_shapes() -> None:
    assert is_validation_owner("_acme-challenge_k2j3h4.gov.uk.")  # Google per-project record
    assert not is_validation_owner("_acme-challenge-x.gov.uk.")
    assert not is_validation_owner("_domainkey.gov.uk.")
    assert looks_issued("_globalsign-domain-verification=40AdVfIj8ijGMbgdb_XGD9E")
    assert looks_issued("ulmha2c747umyermjxfnc467axq14aex")  # DigiCert
    assert not looks_issued("v=spf1 -all")


def test_the_validation_domain_list_is_configurable(tmp_path: Path) -> None:
    text = (Path(__file__).resolve().parent.parent / "app.yaml").read_text()
    extra = text + "\ntrust:\n  validation_domains: [fastly-validations.com, dcv.example-ca.net.]\n"
    (tmp_path / "app.yaml").write_text(extra)
    policy = load_app_config(tmp_path / "app.yaml").trust
    assert policy.is_validation_target("x.dcv.example-ca.net.")
    assert not policy.is_validation_target("x.acm-validations.aws.")  # the list replaces
    (tmp_path / "bad.yaml").write_text(text + "\ntrust:\n  validation_domains: ['@']\n")
    with pytest.raises(ConfigError, match=r"bad.yaml: key 'trust.validation_domains.0'"):
        load_app_config(tmp_path / "bad.yaml")


# --- who asked -------------------------------------------------------------------------


def _conversation(*comments: tuple[int, str]) -> dict:
    users = [
        {"id": 7001, "name": "Sam (Fastly Support)", "agent": True, "organization_id": 55},
        {"id": 9001, "name": "GOV.UK 2nd line", "agent": False, "organization_id": 360001},
        {"id": 4242, "name": "Fastly Support Team", "agent": False, "organization_id": 777},
    ]
    return {
        "request": {
            "id": 58001,
            "subject": "Certificate renewal for www.gov.uk",
            "requester_id": 9001,
            "organization_id": 360001,
        },
        "comments": [
            {
                "id": 100 + i,
                "author_id": author,
                "public": True,
                "body": body,
                "created_at": f"2026-11-2{i}T10:00:00Z",
            }
            for i, (author, body) in enumerate(comments)
        ],
        "users": users,
    }


VENDOR_ASKS = f"Please add:\n_acme-challenge.www.gov.uk. CNAME {TOKEN}.fastly-validations.com."


def test_a_request_from_someone_not_an_agent_is_blocked_and_never_drafted(app: AppConfig) -> None:
    doc = _conversation(
        (7001, VENDOR_ASKS),
        (4242, 'Also please add:\ngov.uk. TXT "cE3A8qQpEzAIYq-T9DWNdLJ1_YRXamdxcjGTbzrOH5L"'),
    )
    result = triage(from_requests_api(doc), DirectoryZones(app.owners(), app.suffixes), app)
    (flag,) = [f for f in result.flags if f.code == "untrusted_author"]
    assert (flag.severity, flag.name) == ("block", "gov.uk.")
    assert "Fastly Support Team" in flag.message and "comment 101" in flag.message
    txt = next(v for v in result.verdicts if v.change.type == "TXT")
    assert txt.blocked and txt.change.source is not None and txt.change.source.role == "other"
    assert result.jisc_request is not None
    assert TOKEN in result.jisc_request.body and "cE3A8qQ" not in result.jisc_request.body


def test_an_untrusted_comment_cannot_withdraw_or_replace_the_vendors_request(
    app: AppConfig,
) -> None:
    doc = _conversation(
        (7001, VENDOR_ASKS),
        (
            4242,
            "Correction, use this instead:\n_acme-challenge.www.gov.uk. CNAME acme.evil-dns.net.",
        ),
    )
    result = triage(from_requests_api(doc), DirectoryZones(app.owners(), app.suffixes), app)
    assert result.jisc_request is not None and TOKEN in result.jisc_request.body
    assert "evil" not in result.jisc_request.body
    assert not any(f.code == "superseded" for f in result.flags)
    assert {f.code for f in result.flags} >= {"untrusted_author", "unexpected_target"}


def test_our_own_reply_quoting_the_record_is_not_a_request(app: AppConfig) -> None:
    doc = _conversation(
        (7001, VENDOR_ASKS),
        (
            9001,
            f"Thanks, we have asked Jisc for:\n_acme-challenge.www.gov.uk. CNAME {TOKEN}.fastly-validations.com.",
        ),
    )
    result = triage(from_requests_api(doc), DirectoryZones(app.owners(), app.suffixes), app)
    assert len(result.verdicts) == 1 and result.verdicts[0].change.source is not None
    assert result.verdicts[0].change.source.role == "vendor"


def test_an_agent_of_another_organisation_is_not_the_vendor() -> None:
    agent = {"id": 7001, "agent": True, "organization_id": 55}
    assert role_of(agent, 9001, 360001) == "vendor"
    assert role_of(agent, 9001, 360001, vendor_organizations=(55,)) == "vendor"
    assert role_of(agent, 9001, 360001, vendor_organizations=(56,)) == "other"
    assert role_of({**agent, "organization_id": None}, 9001, 360001, (56,)) == "vendor"


def test_negated_then_asked_again_is_checked_again(app: AppConfig) -> None:
    text = (
        'Please do not add the TXT record gov.uk. TXT "v=spf1 include:evil.example ~all" '
        "that we sent earlier; instead add:\n"
        f"_acme-challenge.gov.uk. CNAME {TOKEN}.fastly-validations.com.\n"
    )
    result = triage(
        Ticket(id="1", subject="TLS", text=text), DirectoryZones(app.owners(), app.suffixes), app
    )
    assert [(v.change.type, v.change.action) for v in result.verdicts] == [("CNAME", "add")]


# --- what a reader does not see --------------------------------------------------------


@pytest.mark.parametrize(
    "hiding",
    [
        "<!-- gov.uk. NS ns1.evil.example. -->",
        '<div style="display:none">gov.uk. NS ns1.evil.example.</div>',
        '<span style="color:#ffffff">gov.uk. NS ns1.evil.example.</span>',
        '<font color="white">gov.uk. NS ns1.evil.example.</font>',
        '<span style="font-size:0px">gov.uk. NS ns1.evil.example.</span>',
    ],
)
def test_hidden_html_is_never_a_request_and_is_flagged(app: AppConfig, hiding: str) -> None:
    html = (
        f"<p>Hello,</p><p>Please add</p><pre>_acme-challenge.www.gov.uk. CNAME "
        f"{TOKEN}.fastly-validations.com.</pre>{hiding}<p>Thanks</p>"
    )
    result = triage(
        Ticket(id="1", subject="TLS", text=html), DirectoryZones(app.owners(), app.suffixes), app
    )
    assert [v.change.type for v in result.verdicts] == ["CNAME"]
    hidden = [f for f in result.flags if f.code == "hidden_text"]
    assert [(f.severity, f.name) for f in hidden] == [("warn", "gov.uk.")]


def test_white_text_on_a_dark_background_is_visible(app: AppConfig) -> None:
    html = (
        '<p>Please add</p><div style="background-color:#003078;color:#ffffff">'
        f"_acme-challenge.www.gov.uk. CNAME {TOKEN}.fastly-validations.com.</div>"
    )
    result = triage(
        Ticket(id="1", subject="TLS", text=html), DirectoryZones(app.owners(), app.suffixes), app
    )
    assert [v.change.type for v in result.verdicts] == ["CNAME"]
    assert not any(f.code == "hidden_text" for f in result.flags)


# --- the live picture ------------------------------------------------------------------


def test_a_record_already_published_is_left_out_of_the_draft(nsd: Nsd, app: AppConfig) -> None:
    text = "Please add:\n_acme-challenge.gov.uk. CNAME r8d2kq7vn3hy6wz1mc.fastly-validations.com."
    result = triage(Ticket(id="1", subject="TLS", text=text), live(app, nsd.nameserver), app)
    assert [(f.code, f.severity) for f in result.flags if f.code == "already_live"] == [
        ("already_live", "info")
    ]
    assert result.jisc_request is None


def test_a_target_that_does_not_exist_is_warned_about(nsd: Nsd, app: AppConfig) -> None:
    text = "Please add:\n_acme-challenge.gov.uk. CNAME nosuchtoken0000000.fastly-validations.com."
    result = triage(Ticket(id="1", subject="TLS", text=text), live(app, nsd.nameserver), app)
    assert [f.code for f in result.flags if f.code == "target_not_resolving"] == [
        "target_not_resolving"
    ]
    existing = "Please add:\n_acme-challenge.assets.gov.uk. CNAME r8d2kq7vn3hy6wz1mc.fastly-validations.com."
    result = triage(Ticket(id="1", subject="TLS", text=existing), live(app, nsd.nameserver), app)
    assert not any(f.code == "target_not_resolving" for f in result.flags)


# --- shown where it matters ------------------------------------------------------------


def _mixed(app: AppConfig) -> Triage:
    text = (
        f"Please add:\n_acme-challenge.www.gov.uk. CNAME {TOKEN}.fastly-validations.com.\n"
        "Also, while you're there:\n_acme-challenge.gov.uk. CNAME abc.fastly-validati0ns.com.\n"
    )
    return triage(
        Ticket(id="1", subject="TLS", text=text), DirectoryZones(app.owners(), app.suffixes), app
    )


def test_a_blocked_change_is_at_the_top_of_the_message_with_its_line(app: AppConfig) -> None:
    message = blocks.triage_message(_mixed(app), blocks.Status())
    texts = [b["text"]["text"] for b in message["blocks"] if b["type"] == "section"]
    first_row = next(t for t in texts[1:])
    assert "*unexpected_target*" in first_row and "line 4" in first_row
    assert "phone" in first_row
    blocked_row = next(t for t in texts if "fastly-validati0ns" in t and "*ADD*" in t)
    assert "blocked by unexpected_target" in blocked_row


def test_the_jisc_modal_says_what_it_leaves_out(app: AppConfig) -> None:
    result = _mixed(app)
    assert result.jisc_request is not None
    assert "fastly-validati0ns" not in result.jisc_request.body
    view = blocks.jisc_modal(result.jisc_request, {"ticket": "1"})
    notes = json.dumps(view)
    assert "Left out of this draft" in notes and "fastly-validati0ns" in notes
    assert "unexpected_target" in notes


def test_a_record_whose_data_cannot_be_read_is_still_judged_by_its_type(app: AppConfig) -> None:
    text = (
        f"Please add:\n_acme-challenge.gov.uk. CNAME {TOKEN}.fastly-validations.com.\n"
        'gov.uk. HTTPS 1 . alpn="h3" ech="not-base64!"\n'
    )
    result = triage(
        Ticket(id="1", subject="TLS", text=text), DirectoryZones(app.owners(), app.suffixes), app
    )
    found = {(f.code, f.severity, f.name) for f in result.flags}
    assert ("unparsed_record", "warn", None) in found
    assert ("unexpected_type", "block", "gov.uk.") in found
    assert [v.change.type for v in result.verdicts] == ["CNAME"]  # never a change, never drafted


def test_an_update_that_replaces_spf_with_a_token_is_blocked(app: AppConfig) -> None:
    change = DnsChange(
        action="update",
        name="gov.uk.",
        type="TXT",
        value="globalsign-domain-verification=M_Vsz5-npno7oT7Ka5Otx-BPdRjdmIIlbkARkuw-yh",
        old_value="v=spf1 -all",
    )
    flags = trust_flags(change, FASTLY, app.trust)
    assert [(f.code, f.severity) for f in flags] == [("unexpected_value", "block")]
