"""The Slack app: `create_app` builds it, `register` wires every listener in one place.

Listeners are thin: ack first (Slack's 3 seconds), then pure functions, then one adapter
call. Slow work (Zendesk, DNS) runs after the ack, in Bolt's lazy listeners or threads.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import blocks, drafts
from bot.commands import (
    addresses,
    check_text,
    list_text,
    parse_command,
    triage_command,
    validate_draft,
)
from bot.config import AppConfig, Settings
from bot.models import Ticket
from bot.namecheck import check_names
from bot.slack_post import SlackPoster
from bot.triage import triage
from bot.zendesk import ZendeskError, ZendeskSource
from bot.zones import ZoneFinder

log = logging.getLogger(__name__)
COMMAND = "/cert-ticket"


@dataclass
class Deps:
    """What the listeners need from outside, passed in (tests give local fakes)."""

    app_config: AppConfig
    poster: SlackPoster
    zendesk: ZendeskSource | None
    finder: Callable[[], ZoneFinder]
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    # Slow work (Zendesk, DNS) runs here, never on Bolt's own threads: Bolt runs every ack
    # on a small shared pool, and work queued there would delay other requests' acks.
    work: Executor = field(default_factory=lambda: ThreadPoolExecutor(4, thread_name_prefix="work"))
    usergroup_cache: dict[str, tuple[float, set[str]]] = field(default_factory=dict)
    in_flight: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def later(self, fn: Callable[..., None], *args: Any) -> None:
        """Run `fn` on the work pool; a failure is logged with its traceback."""

        def run() -> None:
            try:
                fn(*args)
            except Exception:
                log.exception("background work %s failed", getattr(fn, "__name__", fn))

        self.work.submit(run)


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
            rid = int(args[0])
            with deps.lock:
                busy = rid in deps.in_flight
                deps.in_flight.add(rid)
            if busy:
                respond(response_type="ephemeral", text=f"Already looking up ticket {rid}.")
                return

            def fetch_and_post() -> None:
                try:
                    respond(response_type="ephemeral", text=triage_command(deps, rid))
                finally:
                    with deps.lock:
                        deps.in_flight.discard(rid)

            deps.later(fetch_and_post)
        elif verb == "check":
            deps.later(
                lambda: respond(
                    response_type="ephemeral",
                    text=check_text(check_names(args, deps.finder(), cfg)),
                )
            )
        elif verb == "list":
            respond(response_type="ephemeral", text=list_text(poster))

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
            addresses(values["to"]),
            addresses(values.get("cc", "")),
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
        deps.later(recheck, saved[0], rid, body["user"]["id"])

    def recheck(ticket: Ticket, rid: int, user: str) -> None:
        result = triage(ticket, deps.finder(), cfg)
        poster.remember(ticket, result)
        poster.store.add_action(rid, "rechecked", user, deps.clock())
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
        deps.later(add_reply, meta, body["user"]["id"], text, client)

    def add_reply(meta: dict[str, str], user: str, text: str, client: WebClient) -> None:
        rid = int(meta["request_id"])
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
