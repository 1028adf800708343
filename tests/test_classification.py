"""How a ticket is classed when the CA's mail is the question: approval mailboxes, and the
addresses that only look like them."""

from __future__ import annotations

from bot.config import AppConfig
from bot.models import Ticket
from bot.render import to_json
from bot.triage import triage
from bot.zones import DirectoryZones


def _classed(body: str, app: AppConfig) -> str:
    ticket = Ticket(id="1", subject="Certificate renewal", text=body)
    return to_json(triage(ticket, DirectoryZones(app.owners(), app.suffixes), app))[
        "classification"
    ]


def test_an_iodef_mailbox_or_a_longer_address_is_no_approval_mailbox(app: AppConfig) -> None:
    # (a dig of the CAA set with 'iodef "mailto:dns-admin@…"' had classed a CAA fix as email
    # validation, and drafted a hostmaster warning)
    for iodef in ("mailto:dns-admin@tna.gov.uk", "mailto:hostmaster@tna.gov.uk"):
        body = (
            "The renewal failed with a CAA error. What I see:\n\n"
            '0 issue "globalsign.com"\n'
            f'0 iodef "{iodef}"\n\n'
            "the certificate needs the globalsign one swapped for certainly.\n"
        )
        assert _classed(body, app) == "dns_change", iodef
    # (a real approval mailbox still says email validation)
    body = "GlobalSign will send the certificate approval email to hostmaster@tna.gov.uk."
    assert _classed(body, app) == "email_validation"
