"""The Slack app: `create_app` builds it, `register` wires every listener in one place.

Listeners are thin: ack first (Slack's 3 seconds), then pure functions, then one adapter
call. Slow work (Zendesk, DNS) runs after the ack, in Bolt's lazy listeners or threads.
"""

from __future__ import annotations

import json
import logging
import time
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import blocks, drafts
from bot.budget import Unreadable
from bot.commands import (
    USAGE,
    addresses,
    check_text,
    list_text,
    modal_values,
    parse_command,
    triage_command,
    validate_draft,
)
from bot.config import Settings
from bot.deps import Deps
from bot.models import Ticket, Triage
from bot.namecheck import check_names
from bot.zendesk import ZendeskError

log = logging.getLogger(__name__)
COMMAND = "/cert-ticket"


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


def register(app: App, deps: Deps) -> None:
    """Every listener of the app, in one place."""
    cfg = deps.app_config
    poster = deps.poster
    channels = {c for c in (cfg.slack.channel, *cfg.slack.allowed_channels) if c}
    site = f"{cfg.zendesk.subdomain}.{cfg.zendesk.domain}".lower()

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
        verb, args = parse_command(command.get("text", ""), site)
        if verb in ("help", "bad"):
            ack(text=(f"{args[0]}\n\n" if args else "") + USAGE)
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
        verb, args = parse_command(command.get("text", ""), site)
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

    def clicked(
        body: dict[str, Any], client: WebClient, respond: Respond
    ) -> tuple[int, Triage] | None:
        """The ticket a button is about and its saved triage, if the person may and it is known."""
        rid = _request_id(body)
        saved = poster.load(rid)
        if not guarded(body, client, respond) or saved is None:
            return None
        return rid, saved[1]

    def thread_of(body: dict[str, Any], rid: int) -> dict[str, str]:
        return {
            "request_id": str(rid),
            "channel": body["channel"]["id"],
            "ts": body["message"]["ts"],
        }

    @app.action(blocks.DRAFT_JISC)
    def open_jisc_draft(
        ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond
    ) -> None:
        ack()
        found = clicked(body, client, respond)
        if found is not None and found[1].jisc_request is not None:
            view = blocks.jisc_modal(found[1].jisc_request, thread_of(body, found[0]))
            client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.view(blocks.JISC_VIEW)
    def post_jisc_draft(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        values = modal_values(body)
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
        if guarded(body, client, respond) and saved is not None:
            deps.later(recheck, saved[0], rid, body["user"]["id"], respond)

    def recheck(ticket: Ticket, rid: int, user: str, respond: Respond) -> None:
        result = deps.runner.triage(ticket)
        if isinstance(result, Unreadable):  # the message keeps the last triage it had
            why = blocks.escape(result.reason)
            respond(
                response_type="ephemeral", replace_original=False, text=f"Not re-checked: {why}"
            )
            return
        poster.remember(result.ticket, result, is_redacted=True)
        poster.store.add_action(rid, "rechecked", user, deps.clock())
        poster.refresh(rid)
        poster.announce_if_live(rid, result)

    @app.action(blocks.REPLY_FASTLY)
    def open_reply(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        found = clicked(body, client, respond)
        if found is None:
            return
        rid, saved = found
        sent = poster.store.last_action(rid, "jisc_sent") is not None
        live = poster.store.last_action(rid, "live") is not None
        reply = drafts.fastly_reply(saved, jisc_sent=sent, live=live)
        view = blocks.reply_modal(reply, thread_of(body, rid))
        client.views_open(trigger_id=body["trigger_id"], view=view)

    @app.view(blocks.REPLY_VIEW)
    def send_reply(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        text = modal_values(body).get("body", "").strip()
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
