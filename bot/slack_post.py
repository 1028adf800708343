"""Posting triage to the channel: one parent message per ticket, updates in its thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)

from bot import blocks
from bot.budget import Unreadable
from bot.checks import is_done
from bot.config import Settings
from bot.models import ChangeVerdict, Ticket, Triage
from bot.parent_post import metadata, parents_in, post_once
from bot.store import Store
from bot.unreadable_message import unreadable_message
from bot.worker import redacted

log = logging.getLogger(__name__)


def make_web_client(settings: Settings) -> WebClient:
    """The Web API client: token and base URL from the environment, retries on 429 and 5xx."""
    token = settings.secrets.slack_bot_token
    client = WebClient(
        token=token.get_secret_value() if token else None, base_url=settings.secrets.slack_api_url
    )
    client.retry_handlers.append(RateLimitErrorRetryHandler(max_retry_count=2))
    client.retry_handlers.append(ServerErrorRetryHandler(max_retry_count=2))
    return client


# Slack errors that are about the message itself; any other Slack error is an outage or a
# setting to fix (channel_not_found, invalid_auth, ratelimited, ...), and posting is retried.
CONTENT_ERRORS = frozenset(
    ("invalid_blocks", "msg_too_long", "invalid_metadata_format", "invalid_arguments")
)


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, SlackApiError):
        return exc.response.get("error") not in CONTENT_ERRORS
    return isinstance(exc, SlackClientError | OSError)


def _key(triage: Triage) -> set[tuple[object, ...]]:
    return {
        (v.change.action, v.change.name, v.change.type, v.change.value, v.change.when)
        for v in triage.verdicts
    }


def what_changed(before: Triage | None, after: Triage) -> str | None:
    """A line for the thread when DNS requests or the status changed, else None."""
    if before is None:
        return None
    parts = []
    added = _key(after) - _key(before)
    if added:
        parts.append(f"{len(added)} new or changed DNS request{'s' if len(added) != 1 else ''}")
    if _key(before) - _key(after):
        parts.append("some earlier requests are no longer asked for")
    if before.ticket.status != after.ticket.status:
        parts.append(f"status {before.ticket.status} → {after.ticket.status}")
    return "Ticket updated: " + "; ".join(parts) + "." if parts else None


def jisc_changes_now(triage: Triage) -> list[ChangeVerdict]:
    """The changes the registry must make now (not blocked, not after issuance)."""
    return [v for v in triage.verdicts if v.needs_jisc and not v.blocked and v.change.when == "now"]


class SlackPoster:
    """The only writer of triage messages. Every post carries metadata (event type, ticket id,
    updated_at) and is recorded in the store (intent first: `bot.parent_post`), so neither a
    restart nor a failing state write ever posts a ticket twice."""

    def __init__(
        self,
        client: WebClient,
        store: Store,
        channel: str,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        self.client = client
        self.store = store
        self.channel = channel
        self.clock = clock

    def status(self, request_id: int) -> blocks.Status:
        sent = self.store.last_action(request_id, "jisc_sent")
        checked = self.store.last_action(request_id, "rechecked")
        return blocks.Status(
            jisc_sent_by=sent[0] if sent else None,
            jisc_sent_at=sent[1] if sent else None,
            checked_at=checked[1] if checked else None,
        )

    def remember(
        self, ticket: Ticket, triage: Triage, *, is_redacted: bool = False
    ) -> Triage | None:
        """Save the ticket redacted (plain text, no private key; `is_redacted`: it already is,
        as `TriageRunner` hands it back) and its triage, which then carries that ticket too;
        return the triage saved before."""
        rid = int(ticket.id)
        previous = self.load(rid)
        safe = ticket if is_redacted else redacted(ticket)
        kept = triage.model_copy(update={"ticket": safe})
        self.store.save_ticket(rid, safe.model_dump_json(), kept.model_dump_json(), self.clock())
        return previous[1] if previous else None

    def load(self, request_id: int) -> tuple[Ticket, Triage] | None:
        saved = self.store.load_ticket(request_id)
        if saved is None:
            return None
        return Ticket.model_validate_json(saved[0]), Triage.model_validate_json(saved[1])

    def publish(
        self, ticket: Ticket, triage: Triage, *, is_redacted: bool = False
    ) -> tuple[str, str]:
        """Post a new ticket, or update its message and say in the thread what changed."""
        rid = int(ticket.id)
        previous = self.remember(ticket, triage, is_redacted=is_redacted)
        message = blocks.triage_message(triage, self.status(rid))
        post, new = post_once(self.client, self.store, self.channel, ticket, message, self.clock)
        if new:
            log.info(
                "posted",
                extra={"ticket": rid, "event": "posted", "channel": post[0], "ts": post[1]},
            )
        else:
            self.client.chat_update(
                channel=post[0], ts=post[1], metadata=metadata(ticket), **message
            )
            change = what_changed(previous, triage)
            if change:
                self.thread(rid, blocks.notice(change))
            log.info("message updated", extra={"ticket": rid, "event": "updated"})
        self.announce_if_live(rid, triage)
        return post

    def publish_unreadable(self, ticket: Ticket, outcome: Unreadable) -> tuple[str, str]:
        """Post (once) or redraw the ticket's message as one cert-ticket could not read. A
        triage saved for an earlier version is dropped: it no longer describes the ticket."""
        rid = int(ticket.id)
        self.store.forget_ticket(rid)
        message = unreadable_message(ticket, outcome)
        post, new = post_once(self.client, self.store, self.channel, ticket, message, self.clock)
        if not new:
            self.client.chat_update(
                channel=post[0], ts=post[1], metadata=metadata(ticket), **message
            )
        log.warning(
            "could not read the ticket: %s",
            outcome.reason,
            extra={"ticket": rid, "event": "unreadable", "ts": post[1]},
        )
        return post

    def deliver(self, ticket: Ticket, outcome: Triage | Unreadable) -> tuple[str, str]:
        """Publish what `TriageRunner` made of a ticket: its triage (which carries the ticket
        redacted), or that it could not be read."""
        if isinstance(outcome, Unreadable):
            return self.publish_unreadable(ticket, outcome)
        return self.publish(outcome.ticket, outcome, is_redacted=True)

    def refresh(self, request_id: int) -> None:
        """Redraw the parent message from the stored triage and people's actions."""
        saved = self.load(request_id)
        post = self.store.post_of(request_id)
        if saved is None or post is None:
            return
        message = blocks.triage_message(saved[1], self.status(request_id))
        self.client.chat_update(channel=post[0], ts=post[1], **message)

    def thread(self, request_id: int, message: dict[str, object]) -> None:
        post = self.store.post_of(request_id)
        if post is not None:
            self.client.chat_postMessage(
                channel=post[0], thread_ts=post[1], unfurl_links=False, **message
            )

    def announce_if_live(self, request_id: int, triage: Triage) -> None:
        """Once every Jisc change is published on all authoritative servers, say so, once."""
        jisc = jisc_changes_now(triage)
        if not jisc or self.store.last_action(request_id, "live"):
            return
        if all(is_done(v) for v in jisc):
            text = "✅ Live on all gov.uk nameservers: every registry change is published."
            # Recorded before it is posted: a failing write means no line, never a second one.
            self.store.add_action(request_id, "live", "cert-ticket", self.clock())
            self.thread(request_id, blocks.notice(text))

    def reconcile(self, limit: int = 200) -> int:
        """Record posts the store lost (e.g. a crash right after posting) from channel metadata."""
        response = self.client.conversations_history(
            channel=self.channel, limit=limit, include_all_metadata=True
        )
        found = 0
        for rid, ts, updated in parents_in(response.get("messages", [])):
            if self.store.post_of(rid) is None:
                self.store.record_post(rid, self.channel, ts, updated, self.clock())
                found += 1
        return found
