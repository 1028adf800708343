"""Live DNS against real NSD servers: zone cuts, current state, conflicts, CAA, fallback."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from bot.__main__ import parse_nameserver
from bot.config import AppConfig, Dns
from bot.dnscheck import LiveZones, make_resolver_config
from bot.models import Ticket, Triage
from bot.namecheck import check_names
from bot.triage import triage
from bot.zones import DirectoryZones
from tests.conftest import ROOT
from tests.nsd import NEW_WWW_TOKEN, OLD_WWW_TOKEN, Nsd

FAST = Dns(timeout=0.3, lifetime=4.0, workers=16)


def live(app: AppConfig, nameserver: str) -> LiveZones:
    config = make_resolver_config(parse_nameserver(nameserver), FAST)
    return LiveZones(config, DirectoryZones(app.owners(), app.suffixes))


def run_triage(app: AppConfig, nameserver: str, text: str) -> Triage:
    return triage(Ticket(id="1", subject="certificate", text=text), live(app, nameserver), app)


def flags(result: Triage) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for f in result.flags:
        found.setdefault(f.code, []).append(f.message)
    return found


@pytest.mark.parametrize(
    ("name", "zone", "owner", "needs_jisc"),
    [
        ("_acme-challenge.www.gov.uk.", "gov.uk.", "jisc", True),
        ("www.gov.uk.", "gov.uk.", "jisc", True),  # a CNAME: its zone is its parent's
        ("nonexistent.gov.uk.", "gov.uk.", "jisc", True),
        ("gov.uk.", "gov.uk.", "jisc", True),
        ("x.delegated.gov.uk.", "delegated.gov.uk.", "other", False),  # referral only
        ("www.hmrc.gov.uk.", "hmrc.gov.uk.", "department", False),
        ("www.hosted.gov.uk.", "hosted.gov.uk.", "other", False),  # child served here too
        ("a.b.grand.hosted.gov.uk.", "grand.hosted.gov.uk.", "other", False),  # grandchild
        ("x.publishing.service.gov.uk.", "publishing.service.gov.uk.", "govuk", False),
        ("_acme-challenge.signup.example.service.gov.uk.", "service.gov.uk.", "govuk", False),
    ],
)
def test_zone_cut(
    nsd: Nsd, app: AppConfig, name: str, zone: str, owner: str, needs_jisc: bool
) -> None:
    (result,) = check_names([name], live(app, nsd.nameserver), app)
    assert (result["zone"], result["zone_source"]) == (zone, "dns")
    assert (result["owner"], result["needs_jisc"]) == (owner, needs_jisc)


def test_check_reads_current_records(nsd: Nsd, app: AppConfig) -> None:
    (www, apex) = check_names(["www.gov.uk", "gov.uk"], live(app, nsd.nameserver), app)
    assert www["records"] == {"CNAME": ["www-cdn.production.govuk.service.gov.uk."]}
    assert apex["records"]["CAA"] == ['0 issue "digicert.com"']
    assert sorted(apex["servers"]) == [f"127.0.0.1:{nsd.port}", f"127.0.0.2:{nsd.port}"]


@pytest.mark.parametrize(
    ("record", "state", "values"),
    [
        (
            "_acme-challenge.gov.uk. CNAME r8d2kq7vn3hy6wz1mc.fastly-validations.com.",
            "present",
            [],
        ),
        (
            f"_acme-challenge.www.gov.uk. CNAME {NEW_WWW_TOKEN}.fastly-validations.com.",
            "partial",
            [],
        ),
        (
            "_acme-challenge.www.gov.uk. CNAME brandnewbrandnew12.fastly-validations.com.",
            "different",
            [
                f"{NEW_WWW_TOKEN}.fastly-validations.com.",
                f"{OLD_WWW_TOKEN}.fastly-validations.com.",
            ],
        ),
        ("_acme-challenge.new.gov.uk. CNAME abc.fastly-validations.com.", "missing", []),
        ("_acme-challenge.www.hosted.gov.uk. TXT token-123", "present", []),
        ("_acme-challenge.x.delegated.gov.uk. CNAME abc.fastly-validations.com.", "unknown", []),
    ],
)
def test_current_state(nsd: Nsd, app: AppConfig, record: str, state: str, values: list) -> None:
    (verdict,) = run_triage(app, nsd.nameserver, record).verdicts
    assert verdict.current == state
    assert list(verdict.current_values) == values


def test_delete_of_a_published_record_is_present(nsd: Nsd, app: AppConfig) -> None:
    text = 'Please remove: gov.uk. TXT "globalsign-domain-verification=OldTokenOldTokenOldTokenOldTokenOldToken12"'
    (verdict,) = run_triage(app, nsd.nameserver, text).verdicts
    assert (verdict.change.action, verdict.current) == ("delete", "present")


def test_txt_at_www_is_a_cname_conflict_left_out_of_the_jisc_draft(
    nsd: Nsd, app: AppConfig
) -> None:
    text = (
        'www.gov.uk. TXT "globalsign-domain-verification=abc"\n'
        "_acme-challenge.new.gov.uk. CNAME abc.fastly-validations.com."
    )
    result = run_triage(app, nsd.nameserver, text)
    (message,) = flags(result)["cname_conflict"]
    assert "www-cdn.production.govuk.service.gov.uk." in message
    assert "_acme-challenge.www.gov.uk." in message
    assert [v.blocked for v in result.verdicts] == [True, False]
    assert result.jisc_request is not None
    assert "www.gov.uk. 3600 IN TXT" not in result.jisc_request.body
    assert "_acme-challenge.new.gov.uk. 3600 IN CNAME" in result.jisc_request.body


def test_cname_where_txt_exists_is_a_conflict(nsd: Nsd, app: AppConfig) -> None:
    result = run_triage(
        app, nsd.nameserver, "_acme-challenge.assets.gov.uk. CNAME x.fastly-validations.com."
    )
    (message,) = flags(result)["cname_conflict"]
    assert "old-validation-token" in message
    assert result.jisc_request is None


def test_cname_and_delete_of_the_txt_in_one_ticket_is_fine(nsd: Nsd, app: AppConfig) -> None:
    text = (
        'Please remove _acme-challenge.assets.gov.uk. TXT "old-validation-token" and add a CNAME '
        "called _acme-challenge.assets.gov.uk with the value x.fastly-validations.com"
    )
    assert "cname_conflict" not in flags(run_triage(app, nsd.nameserver, text))


def test_caa_at_the_apex_blocks_globalsign(nsd: Nsd, app: AppConfig) -> None:
    text = "GlobalSign needs: _acme-challenge.www.gov.uk. CNAME a.fastly-validations.com."
    (message,) = flags(run_triage(app, nsd.nameserver, text))["caa_blocks_issuer"]
    assert "gov.uk." in message and "digicert.com" in message and "GlobalSign" in message


def test_caa_allows_digicert(nsd: Nsd, app: AppConfig) -> None:
    text = "DigiCert needs: _dnsauth.www.gov.uk. TXT abc"
    assert "caa_blocks_issuer" not in flags(run_triage(app, nsd.nameserver, text))


def test_ns_at_a_cut_belongs_to_the_parent(nsd: Nsd, app: AppConfig) -> None:
    text = "hosted.gov.uk. NS ns9.example.net.\nhosted.gov.uk. TXT verify-me"
    ns, txt = run_triage(app, nsd.nameserver, text).verdicts
    assert (ns.zone, ns.needs_jisc) == ("gov.uk.", True)
    assert (txt.zone, txt.needs_jisc) == ("hosted.gov.uk.", False)


def test_silent_server_falls_back_to_the_directory(silent_server: str, app: AppConfig) -> None:
    text = "_acme-challenge.www.gov.uk. CNAME a.fastly-validations.com.\n_acme-challenge.www.hmrc.gov.uk. CNAME b.fastly-validations.com."
    result = run_triage(app, silent_server, text)
    gov, hmrc = result.verdicts
    assert (gov.zone, gov.zone_source, gov.needs_jisc, gov.current) == (
        "gov.uk.",
        "config",
        True,
        "unknown",
    )
    assert (hmrc.zone, hmrc.owner) == ("hmrc.gov.uk.", "department")
    assert len(flags(result)["zone_unverified"]) == 2
    assert "timeout" in flags(result)["zone_unverified"][0]


def test_names_outside_the_suffix_are_never_queried(silent_server: str, app: AppConfig) -> None:
    finder = live(app, silent_server)
    result = triage(
        Ticket(
            id="1",
            subject="certificate",
            text="_acme-challenge.shop.retailer.co.uk. CNAME a.b.com.",
        ),
        finder,
        app,
    )
    assert [f.code for f in result.flags] == ["outside_suffix"]
    assert finder.last_querier is None or finder.last_querier.sent == 0


def test_zone_detection_asks_at_most_one_question_per_name(nsd: Nsd, app: AppConfig) -> None:
    names = [
        "_acme-challenge.new.gov.uk.",
        "nonexistent.gov.uk.",
        "www.hosted.gov.uk.",
        "x.delegated.gov.uk.",
    ]
    finder = live(app, nsd.nameserver)
    finder.inspect(names, {}, [])
    # One NS question per name, plus NS of the apex the directory expects (gov.uk.) and of
    # hosted.gov.uk. (unknown to the directory, so its servers must be asked for).
    assert finder.last_querier is not None and finder.last_querier.sent == len(names) + 2


def test_a_cname_owner_costs_one_question_for_its_parent(nsd: Nsd, app: AppConfig) -> None:
    finder = live(app, nsd.nameserver)
    facts = finder.inspect(["_acme-challenge.www.gov.uk."], {}, [])
    # _acme-challenge.www (CNAME) -> www (CNAME) -> gov.uk. (asked anyway as the expected apex)
    assert facts.zones["_acme-challenge.www.gov.uk."].apex == "gov.uk."
    assert finder.last_querier is not None and finder.last_querier.sent == 3


def test_cli_check_json(nsd: Nsd) -> None:
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "bot",
            "check",
            "--json",
            "--nameserver",
            nsd.nameserver,
            "x.delegated.gov.uk",
            "www.gov.uk",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    zones = [(r["name"], r["zone"], r["needs_jisc"]) for r in json.loads(proc.stdout)]
    assert zones == [
        ("x.delegated.gov.uk.", "delegated.gov.uk.", False),
        ("www.gov.uk.", "gov.uk.", True),
    ]


def test_cli_triage_live_terminal_view(nsd: Nsd) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "bot", "triage", "--nameserver", nsd.nameserver, "-"],
        cwd=ROOT,
        input=f"_acme-challenge.www.gov.uk. CNAME {NEW_WWW_TOKEN}.fastly-validations.com.",
        capture_output=True,
        text=True,
        check=True,
    )
    assert "current: partial" in proc.stdout and "(dns)" in proc.stdout


@pytest.mark.parametrize(
    ("name", "zone", "source"),
    [
        ("_acme-challenge.new.gov.uk.", "gov.uk.", "dns"),
        ("www.gov.uk.", "gov.uk.", "dns"),
        ("gov.uk.", "gov.uk.", "dns"),
        ("www.hosted.gov.uk.", "hosted.gov.uk.", "dns"),
        # A stale CNAME whose target cannot be resolved (the resolver would SERVFAIL a chase).
        ("_acme-challenge.stale.gov.uk.", "gov.uk.", "dns"),
        ("_acme-challenge.signup.example.service.gov.uk.", "service.gov.uk.", "dns"),
        # The resolver cannot reach the child's servers: SERVFAIL, so the directory answers.
        ("x.publishing.service.gov.uk.", "publishing.service.gov.uk.", "config"),
    ],
)
def test_zone_cut_through_a_recursive_resolver(
    recursive: str, app: AppConfig, name: str, zone: str, source: str
) -> None:
    (result,) = check_names([name], live(app, recursive), app)
    assert (result["zone"], result["zone_source"]) == (zone, source)


def test_current_state_through_a_recursive_resolver_asks_every_authoritative_server(
    recursive: str, app: AppConfig
) -> None:
    text = f"_acme-challenge.www.gov.uk. CNAME {NEW_WWW_TOKEN}.fastly-validations.com."
    (verdict,) = run_triage(app, recursive, text).verdicts
    assert (verdict.zone, verdict.zone_source, verdict.current) == ("gov.uk.", "dns", "partial")


def test_unreachable_child_through_recursive_resolver_is_unverified_but_still_routed(
    recursive: str, app: AppConfig
) -> None:
    result = run_triage(
        app, recursive, "_acme-challenge.x.delegated.gov.uk. CNAME a.fastly-validations.com."
    )
    (verdict,) = result.verdicts
    # DNS could not say; the directory knows no delegated.gov.uk., so gov.uk. (Jisc) stands,
    # flagged: never silently "not Jisc".
    assert (verdict.zone_source, verdict.needs_jisc) == ("config", True)
    assert "zone_unverified" in flags(result)
