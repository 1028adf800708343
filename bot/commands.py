"""What `/cert-ticket` understands and answers: parsing, draft checks, the replies."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from bot import blocks
from bot.budget import Unreadable
from bot.poller import to_ticket
from bot.slack_post import SlackPoster
from bot.unreadable_message import unreadable_answer
from bot.zendesk import ZendeskError, ZendeskNotFound

if TYPE_CHECKING:
    from bot.slack_app import Deps

USAGE = (
    "*Usage*\n"
    "`/cert-ticket 56002` or `/cert-ticket <Zendesk request URL>`: "
    "triage that ticket and post it here\n"
    "`/cert-ticket check www.gov.uk`: zone, owner and published records of a name\n"
    "`/cert-ticket list`: certificate tickets posted here and their state\n"
    "`/cert-ticket help`: this message"
)
_REQUEST_PATH = re.compile(
    r"/(?:hc/(?:[a-z-]{2,10}/)?requests|agent/tickets|api/v2/requests)/([0-9]{1,12})(?:\.json)?/?",
    re.ASCII,
)
_TICKET_ID = re.compile(r"#?([0-9]{1,12})", re.ASCII)  # ASCII digits only: "²" is no number
_EMAIL = re.compile(r"^[^@\s,<>]+@[^@\s,<>]+\.[A-Za-z]{2,}$")


def parse_command(text: str, site: str | None = None) -> tuple[str, list[str]]:
    """`/cert-ticket` text → (verb, arguments): triage, check, list, help or bad.

    A ticket is ASCII digits ("56002", "#56002") or a request URL on `site` (the configured
    Zendesk host, e.g. fastly.zendesk.com); anything else is `bad`, answered with the usage.
    """
    words = text.replace("<", " ").replace(">", " ").split()
    if not words or words[0].lower() in ("help", "-h", "--help"):
        return "help", []
    verb = words[0].lower()
    if verb == "list" and len(words) == 1:
        return "list", []
    if verb == "check":
        return ("check", words[1:5]) if len(words) > 1 else ("bad", ["`check` needs a name"])
    if len(words) == 1:
        number = _TICKET_ID.fullmatch(words[0])
        if number:
            return "triage", [str(int(number.group(1)))]
        rid = _request_url_id(words[0], site)
        if rid is not None:
            return "triage", [rid]
    return "bad", [f"I don't understand `{blocks.escape(text[:100])}`"]


def _request_url_id(word: str, site: str | None) -> str | None:
    try:
        url = urlsplit(word.split("|", 1)[0])  # Slack sends links as <url|label>
    except ValueError:
        return None
    if url.scheme not in ("http", "https") or (site and (url.hostname or "") != site.lower()):
        return None
    found = _REQUEST_PATH.fullmatch(url.path)
    return str(int(found.group(1))) if found else None


def validate_draft(values: dict[str, str]) -> dict[str, str]:
    """Errors for the Jisc modal, by block id (Slack shows them under the fields)."""
    errors = {}
    to = addresses(values.get("to", ""))
    if not to:
        errors["to"] = "At least one recipient is needed."
    bad = [a for a in [*to, *addresses(values.get("cc", ""))] if not _EMAIL.match(a)]
    if bad:
        errors["cc" if bad[0] not in to else "to"] = f"Not an email address: {bad[0]}"
    if not values.get("subject", "").strip():
        errors["subject"] = "A subject is needed."
    if not values.get("body", "").strip():
        errors["body"] = "The email needs a body."
    return errors


def addresses(text: str) -> list[str]:
    return [a.strip() for a in re.split(r"[,;\s]+", text or "") if a.strip()]


def triage_command(deps: Deps, rid: int) -> str:
    """Fetch, triage and post one ticket; the answer for the person who asked."""
    if deps.zendesk is None:
        return "Zendesk is not configured, so I cannot fetch tickets."
    try:
        request = deps.zendesk.request(rid)
        ticket = to_ticket(request, deps.zendesk.comments(rid), deps.app_config)
    except ZendeskNotFound:
        return f"Zendesk has no request {rid} that I can see."
    except ZendeskError as exc:
        return f"Zendesk is not answering right now: {blocks.escape(str(exc))}"
    outcome = deps.runner.triage(ticket)
    channel, _ = deps.poster.deliver(ticket, outcome)
    if isinstance(outcome, Unreadable):
        return unreadable_answer(ticket, outcome, channel)
    return f"Triage of ticket {rid} is in <#{channel}>."


def check_text(results: list[dict[str, Any]]) -> str:
    lines = []
    for r in results:
        name = blocks.escape(r["name"])
        if "error" in r:
            lines.append(f"*{name}*: {blocks.escape(r['error'])}")
            continue
        who = "needs Jisc" if r["needs_jisc"] else blocks.escape(r["owner_name"] or r["owner"])
        lines.append(
            f"*{name}*: zone `{blocks.escape(r['zone'] or '?')}` ({r['zone_source']}) · {who}"
        )
        for rdtype, values in r["records"].items():
            lines += [f"    {rdtype} `{blocks.escape(v)}`" for v in values[:5]]
    return "\n".join(lines)


def list_text(poster: SlackPoster) -> str:
    rows = []
    for rid, _channel, _ts in poster.store.posts()[:30]:
        saved = poster.load(rid)
        summary = blocks.escape(saved[1].summary) if saved else ""
        sent = " · Jisc request sent" if poster.store.last_action(rid, "jisc_sent") else ""
        rows.append(f"• #{rid} {summary}{sent}")
    return "\n".join(rows) or "No certificate tickets have been posted yet."


def modal_values(body: dict[str, Any]) -> dict[str, str]:
    """The text typed into each input of a submitted modal, by block id."""
    state = body["view"]["state"]["values"]
    return {
        block: (fields.get(blocks.INPUT, {}).get("value") or "") for block, fields in state.items()
    }
