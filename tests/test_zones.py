"""Zone rules, one small case each."""

from __future__ import annotations

import pytest

from bot.config import AppConfig
from bot.models import DnsChange, DnsFacts, ZoneFact
from bot.zones import DirectoryZones, closest_apex, names_to_locate, zone_for_change

APEXES = ("gov.uk.", "service.gov.uk.", "publishing.service.gov.uk.", "hmrc.gov.uk.")


@pytest.mark.parametrize(
    ("name", "apex"),
    [
        ("gov.uk.", "gov.uk."),
        ("www.gov.uk.", "gov.uk."),
        ("_acme-challenge.www.gov.uk.", "gov.uk."),
        ("www.hmrc.gov.uk.", "hmrc.gov.uk."),
        ("a.b.c.publishing.service.gov.uk.", "publishing.service.gov.uk."),
        ("service.gov.uk.", "service.gov.uk."),
        ("xservice.gov.uk.", "gov.uk."),
        ("example.com.", None),
    ],
)
def test_closest_apex(name: str, apex: str | None) -> None:
    assert closest_apex(name, APEXES) == apex


def change(name: str, rdtype: str) -> DnsChange:
    return DnsChange(action="add", name=name, type=rdtype, value=None)


def facts(app: AppConfig, *changes: DnsChange) -> DnsFacts:
    return DirectoryZones(app.owners(), app.suffixes).gather(changes, [])


@pytest.mark.parametrize("rdtype", ["NS", "DS"])
def test_delegation_records_at_a_cut_belong_to_the_parent(app: AppConfig, rdtype: str) -> None:
    c = change("hmrc.gov.uk.", rdtype)
    assert zone_for_change(c, facts(app, c)).apex == "gov.uk."


@pytest.mark.parametrize("rdtype", ["TXT", "CAA", "A"])
def test_other_records_at_a_cut_belong_to_the_child(app: AppConfig, rdtype: str) -> None:
    c = change("hmrc.gov.uk.", rdtype)
    assert zone_for_change(c, facts(app, c)).apex == "hmrc.gov.uk."


def test_ns_change_asks_for_the_parent_too() -> None:
    assert names_to_locate([change("hmrc.gov.uk.", "NS")]) == ("hmrc.gov.uk.", "gov.uk.")


def test_outside_suffix_has_no_zone(app: AppConfig) -> None:
    fact = DirectoryZones(app.owners(), app.suffixes).locate("example.com.")
    assert fact == ZoneFact(apex=None, source="config", note="outside the watched suffixes")
