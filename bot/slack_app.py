"""The Slack app: `create_app` builds it, `register` wires every listener in one place.

Listeners are thin: ack first (Slack's 3 seconds), then pure functions, then one adapter
call. Slow work (Zendesk, DNS) runs after the ack, in Bolt's lazy listeners or threads.
"""

from __future__ import annotations

import json
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot import blocks, drafts
from bot.config import AppConfig, Settings
from bot.namecheck import check_names
from bot.poller import to_ticket
from bot.slack_post import SlackPoster
from bot.triage import triage
from bot.zendesk import ZendeskError, ZendeskNotFound, ZendeskSource
from bot.zones import ZoneFinder

log = logging.getLogger(__name__)
COMMAND = "/cert-ticket"
_REQUEST_URL = re.compile(r"/(?:hc/(?:[a-z-]+/)?requests|agent/tickets|api/v2/requests)/(\d+)")
_EMAIL = re.compile(r"^[^@\s,<>]+@[^@\s,<>]+\.[A-Za-z]{2,}$")


@dataclass
class Deps:
    """What the listeners need from outside, passed in (tests give local fakes)."""

    app_config: AppConfig
    poster: SlackPoster
    zendesk: ZendeskSource | None
    finder: Callable[[], ZoneFinder]
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    usergroup_cache: dict[str, tuple[float, set[str]]] = field(default_factory=dict)


def make_web_client(settings: Settings) -> WebClient:
    """The Web API client: token and base URL from the environment, retries on 429 and 5xx."""
    token = settings.secrets.slack_bot_token
    client = WebClient(
        token=token.get_secret_value() if token else None, base_url=settings.secrets.slack_api_url
    )
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    client.retry_handlers.append(ServerErrorRetryHandler(max_retry_count=2))
    return client


def create_app(settings: Settings, deps: Deps, client: WebClient) -> App:
    """A Bolt app with every listener registered; nothing talks to Slack until it is used."""
    secret = settings.secrets.slack_signing_secret
    app = App(
        client=client,
        signing_secret=secret.get_secret_value() if secret else None,
        request_verification_enabled=secret is not None,
        token_verification_enabled=False,
        process_before_response=False,
    )
    register(app, deps)
    return app


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
    to = _addresses(values.get("to", ""))
    if not to:
        errors["to"] = "At least one recipient is needed."
    bad = [a for a in [*to, *_addresses(values.get("cc", ""))] if not _EMAIL.match(a)]
    if bad:
        errors["cc" if bad[0] not in to else "to"] = f"Not an email address: {bad[0]}"
    if not values.get("subject", "").strip():
        errors["subject"] = "A subject is needed."
    if not values.get("body", "").strip():
        errors["body"] = "The email needs a body."
    return errors


def _addresses(text: str) -> list[str]:
    return [a.strip() for a in re.split(r"[,;\s]+", text or "") if a.strip()]


def _values(body: dict[str, Any]) -> dict[str, str]:
    state = body["view"]["state"]["values"]
    return {
        block: (fields.get(blocks.INPUT, {}).get("value") or "") for block, fields in state.items()
    }


def register(app: App, deps: Deps) -> None:
    """Every listener of the app, in one place."""
    cfg = deps.app_config
    poster = deps.poster
    channels = {c for c in (cfg.slack.channel, *cfg.slack.allowed_channels) if c}

    def allowed(channel: str | None, user: str | None, client: WebClient) -> bool:
        if channels and channel not in channels:
            return False
        group = cfg.slack.allowed_usergroup
        if not group:
            return True
        cached = deps.usergroup_cache.get(group)
        if cached is None or time.monotonic() - cached[0] > 300:
            members = set(client.usergroups_users_list(usergroup=group).get("users", []))
            deps.usergroup_cache[group] = cached = (time.monotonic(), members)
        return user in cached[1]

    refusal = "Sorry, cert-ticket only works in its own channel and for its team."

    def ack_command(ack: Ack, command: dict[str, Any]) -> None:
        if channels and command.get("channel_id") not in channels:
            ack(refusal)
            return
        verb, args = parse_command(command.get("text", ""))
        if verb in ("help", "bad"):
            ack(text=(f"{args[0]}\n\n" if args else "") + blocks.USAGE)
        elif verb == "triage":
            ack(f"Looking up ticket {args[0]}…")
        else:
            ack()

    def run_command(command: dict[str, Any], respond: Respond, client: WebClient) -> None:
        if channels and command.get("channel_id") not in channels:
            return
        if not allowed(command.get("channel_id"), command.get("user_id"), client):
            respond(response_type="ephemeral", text=refusal)
            return
        verb, args = parse_command(command.get("text", ""))
        if verb == "triage":
            respond(response_type="ephemeral", text=_triage_command(deps, int(args[0])))
        elif verb == "check":
            results = check_names(args, deps.finder(), cfg)
            respond(response_type="ephemeral", text=_check_text(results))
        elif verb == "list":
            respond(response_type="ephemeral", text=_list_text(poster))

    app.command(COMMAND)(ack=ack_command, lazy=[run_command])

    def _request_id(body: dict[str, Any]) -> int:
        return int(body["actions"][0]["value"])

    def guarded(body: dict[str, Any], client: WebClient, respond: Respond) -> bool:
        ok = allowed(body.get("channel", {}).get("id"), body.get("user", {}).get("id"), client)
        if not ok:
            respond(response_type="ephemeral", replace_original=False, text=refusal)
        return ok

    @app.action(blocks.DRAFT_JISC)
    def open_jisc_draft(
        ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        rid = _request_id(body)
        saved = poster.load(rid)
        if not guarded(body, client, respond) or saved is None or saved[1].jisc_request is None:
            return
        meta = {
            "request_id": str(rid),
            "channel": body["channel"]["id"],
            "ts": body["message"]["ts"],
        }
        client.views_open(
            trigger_id=body["trigger_id"], view=blocks.jisc_modal(saved[1].jisc_request, meta)
        )

    @app.view(blocks.JISC_VIEW)
    def post_jisc_draft(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        values = _values(body)
        errors = validate_draft(values)
        if errors:
            ack(response_action="errors", errors=errors)
            return
        ack()
        meta = json.loads(body["view"]["private_metadata"])
        user = body["user"]["id"]
        message = blocks.draft_posted(
            _addresses(values["to"]),
            _addresses(values.get("cc", "")),
            values["subject"].strip(),
            values["body"],
            user,
        )
        client.chat_postMessage(
            channel=meta["channel"], thread_ts=meta["ts"], unfurl_links=False, **message
        )
        poster.store.add_action(int(meta["request_id"]), "jisc_drafted", user, deps.clock())

    @app.action(blocks.JISC_SENT)
    def mark_jisc_sent(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        if guarded(body, client, respond):
            rid = _request_id(body)
            poster.store.add_action(rid, "jisc_sent", body["user"]["id"], deps.clock())
            poster.refresh(rid)

    @app.action(blocks.RECHECK_DNS)
    def recheck_dns(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        rid = _request_id(body)
        saved = poster.load(rid)
        if not guarded(body, client, respond) or saved is None:
            return
        result = triage(saved[0], deps.finder(), cfg)
        poster.remember(saved[0], result)
        poster.store.add_action(rid, "rechecked", body["user"]["id"], deps.clock())
        poster.refresh(rid)
        poster.announce_if_live(rid, result)

    @app.action(blocks.REPLY_FASTLY)
    def open_reply(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        rid = _request_id(body)
        saved = poster.load(rid)
        if not guarded(body, client, respond) or saved is None:
            return
        sent = poster.store.last_action(rid, "jisc_sent") is not None
        live = poster.store.last_action(rid, "live") is not None
        meta = {
            "request_id": str(rid),
            "channel": body["channel"]["id"],
            "ts": body["message"]["ts"],
        }
        reply = drafts.fastly_reply(saved[1], jisc_sent=sent, live=live)
        client.views_open(trigger_id=body["trigger_id"], view=blocks.reply_modal(reply, meta))

    @app.view(blocks.REPLY_VIEW)
    def send_reply(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        text = _values(body).get("body", "").strip()
        if not text:
            ack(response_action="errors", errors={"body": "The reply is empty."})
            return
        ack()
        meta = json.loads(body["view"]["private_metadata"])
        rid, user = int(meta["request_id"]), body["user"]["id"]
        try:
            if deps.zendesk is None:
                raise ZendeskError("Zendesk is not configured")
            deps.zendesk.add_comment(rid, text)
        except ZendeskError as exc:
            client.chat_postEphemeral(
                channel=meta["channel"],
                user=user,
                text=f"The reply was not added: {blocks.escape(str(exc))}",
            )
            return
        url = cfg.zendesk.url_for(str(rid))
        said = f"Reply added to <{url}|Zendesk request {rid}> by <@{user}>."
        client.chat_postMessage(
            channel=meta["channel"], thread_ts=meta["ts"], unfurl_links=False, **blocks.notice(said)
        )
        poster.store.add_action(rid, "replied", user, deps.clock())

    @app.error
    def log_error(error: Exception, body: dict[str, Any]) -> None:
        log.exception("slack listener failed (type %s)", body.get("type"), exc_info=error)


def _triage_command(deps: Deps, rid: int) -> str:
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


def _check_text(results: list[dict[str, Any]]) -> str:
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


def _list_text(poster: SlackPoster) -> str:
    rows = []
    for rid, _channel, _ts in poster.store.posts()[:30]:
        saved = poster.load(rid)
        summary = blocks.escape(saved[1].summary) if saved else ""
        sent = " · Jisc request sent" if poster.store.last_action(rid, "jisc_sent") else ""
        rows.append(f"• #{rid} {summary}{sent}")
    return "\n".join(rows) or "No certificate tickets have been posted yet."
