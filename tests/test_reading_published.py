"""What a ticket shows as published already: records a vendor reports done, table rows that
need nothing."""

from __future__ import annotations

from bot.models import Ticket
from bot.reading import read
from tests.test_reading import changes, conversation, us, vendor

APEX = "_acme-challenge.ofsted.gov.uk"
WWW = "_acme-challenge.www.ofsted.gov.uk"
ASK = vendor(
    "Could you publish these two for the renewal?\n\n"
    f"{APEX} CNAME 7hq2mzk4v9xw3tpl8d.fastly-validations.com\n"
    f"{WWW} CNAME k2n8vq5x7rm3ztw4ph.fastly-validations.com\n",
    1,
)
ADDED = us("Both are in now, TTL 3600.", 2)


def _text(body: str) -> Ticket:
    return Ticket(id="1", subject="Certificate validation", text=body)


def test_both_records_validating_fine_is_done() -> None:
    """ "Both records are validating fine on our end" had left both adds standing, silently."""
    for said in (
        "Both records are validating fine on our end and the cert went out this morning.",
        "Thanks! Both CNAMEs are now validating correctly, so we're all set.",
        "Both are validating without any issues - I'll close this one.",
    ):
        got = read(conversation(ASK, ADDED, vendor(said, 3)))
        assert got.changes == (), said
        assert sorted(o.name for o in got.observed) == [f"{APEX}.", f"{WWW}."], said
    # (a bare "are validating" is under way, not done: the adds stand)
    for said in (
        "Both are validating now, should be through within the hour.",
        "Once both are validating fine the certificate will issue.",
    ):
        ticket = conversation(ASK, ADDED, vendor(said, 3))
        assert [c[0] for c in changes(ticket)] == ["add", "add"], said


def _table(rule: str, rows: str) -> Ticket:
    return _text(f"Rows to do:\n\nHost | Type | Target | Action\n{rule}\n{rows}")


APPLY = "_acme-challenge.apply-for-a-licence.service.gov.uk"
MOT = "_acme-challenge.check-mot.service.gov.uk"


def _rows(mot_action: str) -> str:
    return (
        f"{APPLY} | CNAME | 4vbn8qx2mz7kt3wplr.fastly-validations.com | Create\n"
        f"{MOT} | CNAME | 9qm3xv7ztk2np8wrl4.fastly-validations.com | {mot_action}\n"
    )


def test_a_psql_style_rule_under_the_header_keeps_the_action_column() -> None:
    """A "----+----+" rule under the header had ended the table: its ACTION column was lost
    and the row needing nothing was read as an add, silently."""
    for rule in (
        "----------------+-------+--------------------+-------",
        "|---------------+-------+--------------------+------|",
        "================+=======+====================+=======",
    ):
        got = read(_table(rule, _rows("Nothing to do - already published")))
        assert [(c.action, c.name) for c in got.changes] == [("add", f"{APPLY}.")], rule
        assert [o.name for o in got.observed] == [f"{MOT}."], rule


def test_none_in_the_action_column_asks_nothing() -> None:
    """ "None (published last year)" as a row's action had been read as an empty cell, so an
    add, silently."""
    for said in ("None (published last year)", "none - it's there already", "None"):
        got = read(_table("---|---|---|---", _rows(said)))
        assert [(c.action, c.name) for c in got.changes] == [("add", f"{APPLY}.")], said


OLD = "q8fz2nw6xk4vt7mh3p.fastly-validations.com"
NEW = "m5rc9tw2vx8kq4nz7b.fastly-validations.com"
APPLY_ASK = vendor(
    "New subscription, please create:\n\n"
    f"{APPLY}  CNAME  {NEW}\n"
    f"{MOT}  CNAME  9qm3xv7ztk2np8wrl4.fastly-validations.com\n",
    1,
)


def test_a_record_still_seen_with_the_old_target_is_updated_to_the_one_asked() -> None:
    """ "we're still seeing X CNAME OLD … Could you check it was changed to NEW?" had been read
    as a new ask for OLD, superseding NEW, silently."""
    for said in (
        f"For apply, we're still seeing {APPLY} CNAME {OLD}, which is left from the old "
        f"subscription. Could you check it was changed to {NEW}?",
        f"Our checker is still seeing {APPLY} CNAME {OLD}. Can you make sure it's been updated "
        f"to {NEW}?",
        f"Our validator keeps seeing the old target:\n\n{APPLY} CNAME {OLD}\n\n"
        f"That record should read:\n\n{APPLY} CNAME {NEW}\n",
        f"{APPLY} still points at {OLD} (the old subscription) - please change it to {NEW}.",
    ):
        ticket = conversation(APPLY_ASK, us("Both are in.", 2), vendor(said, 3))
        assert (
            "update",
            f"{APPLY}.",
            "CNAME",
            f"{NEW}.",
            f"{OLD}.",
        ) in changes(ticket), said
        assert all(c[3] != f"{OLD}." for c in changes(ticket)), said


def test_should_now_read_after_a_leftover_is_the_new_value() -> None:
    """ "the challenge record is still delegated to the old CDN: X CNAME OLD … This looks like a
    leftover. The record should now read: X CNAME NEW" had been read the wrong way round (OLD
    added, NEW shown as published), silently."""
    cloudflare = "www.dft.gov.uk.0f3a9c2e7b1d4a6c8e5f2b9d7a1c3e6f.dcv.cloudflare.com"
    name = "_acme-challenge.www.dft.gov.uk"
    for lead, ask in (
        ("is still delegated to the previous provider", "the record should now read"),
        ("is still CNAMEd to Cloudflare", "the CNAME should now read"),
        ("is still pointing at the old CDN", "the record now needs to point at"),
    ):
        text = (
            f"Our check could not validate www.dft.gov.uk. The challenge record {lead}:\n\n"
            f"    {name}.  CNAME  {cloudflare}.\n\n"
            f"This looks like a leftover from the migration. For the renewal to work, {ask}:\n\n"
            f"    {name}.  CNAME  {NEW}.\n"
        )
        got = read(_text(text))
        assert [(c.action, c.value, c.old_value) for c in got.changes] == [
            ("update", f"{NEW}.", f"{cloudflare}.")
        ], lead
