"""What `/cert-ticket` understands and answers: parsing, draft checks, the replies."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from bot import blocks
from bot.poller import to_ticket
from bot.slack_post import SlackPoster
from bot.triage import triage
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
_REQUEST_URL = re.compile(r"/(?:hc/(?:[a-z-]+/)?requests|agent/tickets|api/v2/requests)/(\d+)")
_EMAIL = re.compile(r"^[^@\s,<>]+@[^@\s,<>]+\.[A-Za-z]{2,}$")


def parse_command(text: str) -> tuple[str, list[str]]:
    """`/cert-ticket` text → (verb, arguments): triage, check, list, help or bad."""
    words = text.replace("<", " ").replace(">", " ").split()
    if not words or words[0].lower() in ("help", "-h", "--help"):
        return "help", []
    verb = words[0].lower()
    if verb == "list" and len(words) == 1:
        return "list", []
    if verb == "check":
        return ("check", words[1:5]) if len(words) > 1 else ("bad", ["`check` needs a name"])
    if len(words) == 1:
        if words[0].lstrip("#").isdigit():
            return "triage", [words[0].lstrip("#")]
        found = _REQUEST_URL.search(words[0])
        if found:
            return "triage", [found.group(1)]
    return "bad", [f"I don't understand `{blocks.escape(text[:100])}`"]


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
    result = triage(ticket, deps.finder(), deps.app_config)
    channel, _ = deps.poster.publish(ticket, result)
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
