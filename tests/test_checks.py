"""Current state, CNAME conflicts and CAA rules over DNS answers given as plain data."""

from __future__ import annotations

import pytest

from bot.checks import caa_flags, conflict_flags, current_state
from bot.models import CaaSet, DnsChange, ServerAnswer

NAME = "_acme-challenge.www.gov.uk."
NEW = "new.fastly-validations.com."
OLD = "old.fastly-validations.com."


def add(
    rdtype: str = "CNAME", value: str = NEW, name: str = NAME, action: str = "add"
) -> DnsChange:
    return DnsChange(action=action, name=name, type=rdtype, value=value)


def server(name: str, **records: tuple[str, ...]) -> ServerAnswer:
    return ServerAnswer(server=name, records=records)


@pytest.mark.parametrize(
    ("answers", "state", "values"),
    [
        ((server("a", CNAME=(NEW,)), server("b", CNAME=(NEW,))), "present", ()),
        ((server("a", CNAME=(NEW,)), server("b")), "partial", ()),
        ((server("a", CNAME=(OLD,)), server("b", CNAME=(OLD,))), "different", (OLD,)),
        ((server("a"), server("b")), "missing", ()),
        ((ServerAnswer(server="a", error="timeout"),), "unknown", ()),
        ((), "unknown", ()),
    ],
)
def test_current_state_of_an_add(answers, state, values) -> None:
    assert current_state(add(), answers) == (state, values)


def test_delete_is_present_while_the_record_is_there() -> None:
    change = add("TXT", "old=1", name="gov.uk.", action="delete")
    assert current_state(change, (server("a", TXT=("old=1", "v=spf1 -all")),))[0] == "present"
    assert current_state(change, (server("a", TXT=("v=spf1 -all",)),))[0] == "missing"


def test_unrelated_txt_at_apex_is_not_a_different_value() -> None:
    change = add("TXT", "globalsign-domain-verification=new", name="gov.uk.")
    answers = (server("a", TXT=("v=spf1 -all", "globalsign-domain-verification=old")),)
    assert current_state(change, answers) == ("different", ("globalsign-domain-verification=old",))
    assert current_state(change, (server("a", TXT=("v=spf1 -all",)),)) == ("missing", ())


def test_txt_at_a_cname_is_a_conflict() -> None:
    answers = (server("a", CNAME=("www-cdn.production.govuk.service.gov.uk.",)),)
    (flag,) = conflict_flags(add("TXT", "x", name="www.gov.uk."), "gov.uk.", answers, frozenset())
    assert flag.code == "cname_conflict" and flag.severity == "block"
    assert "www-cdn.production.govuk.service.gov.uk." in flag.message
    assert "_acme-challenge.www.gov.uk" in flag.message


def test_cname_where_other_data_exists_is_a_conflict_unless_deleted() -> None:
    answers = (server("a", TXT=("old-token",)),)
    assert conflict_flags(add(), "gov.uk.", answers, frozenset())[0].code == "cname_conflict"
    assert conflict_flags(add(), "gov.uk.", answers, frozenset({"TXT"})) == []


def test_cname_at_apex() -> None:
    (flag,) = conflict_flags(add(name="gov.uk."), "gov.uk.", (), frozenset())
    assert flag.code == "apex_cname"


def test_cname_replacing_a_cname_is_fine() -> None:
    assert conflict_flags(add(), "gov.uk.", (server("a", CNAME=(OLD,)),), frozenset()) == []


def test_caa_that_does_not_allow_the_ca() -> None:
    caa = {"www.gov.uk.": CaaSet(owner="gov.uk.", records=('0 issue "letsencrypt.org"',))}
    (flag,) = caa_flags(["GlobalSign"], caa)
    assert flag.code == "caa_blocks_issuer" and "gov.uk." in flag.message
    assert caa_flags(["Let's Encrypt"], caa) == []


def test_caa_with_only_iodef_allows_everyone() -> None:
    caa = {"www.gov.uk.": CaaSet(owner="gov.uk.", records=('0 iodef "mailto:x@y.z"',))}
    assert caa_flags(["GlobalSign"], caa) == []
