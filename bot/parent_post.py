"""A ticket's parent message is posted once: record the intent, post, then record it done.

Nothing is handed to Slack unless the state file could record the intent first, so a
failing write (read-only, disk full, locked) stops before the post. If the post went out and
recording it failed (or the process died), the intent stays: the next attempt looks for the
message in the channel's history (by its metadata) instead of posting a second one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient

from bot.blocks import EVENT_TYPE
from bot.models import Ticket
from bot.store import Store

SKEW = timedelta(minutes=10)  # our clock against Slack's, when reading history since an intent
MAX_PAGES = 5


def metadata(ticket: Ticket) -> dict[str, object]:
    """Slack message metadata of a parent post: how a lost record is found again."""
    updated = ticket.updated_at.isoformat() if ticket.updated_at else ""
    return {
        "event_type": EVENT_TYPE,
        "event_payload": {"ticket_id": ticket.id, "updated_at": updated},
    }


def parents_in(messages: Iterable[dict[str, Any]]) -> Iterator[tuple[int, str, str]]:
    """(request id, ts, updated_at) of every cert-ticket parent message among `messages`."""
    for message in messages:
        meta = message.get("metadata") or {}
        in_thread = message.get("thread_ts") not in (None, message.get("ts"))
        if meta.get("event_type") != EVENT_TYPE or in_thread:
            continue
        payload = meta.get("event_payload") or {}
        rid = str(payload.get("ticket_id", ""))
        if rid.isdigit():
            yield int(rid), message["ts"], str(payload.get("updated_at", ""))


def find_parent(client: WebClient, channel: str, request_id: int, since: datetime) -> str | None:
    """The ts of the ticket's parent message posted since `since`, if Slack has it."""
    cursor = None
    for _ in range(MAX_PAGES):
        response = client.conversations_history(
            channel=channel,
            oldest=f"{(since - SKEW).timestamp():.6f}",
            limit=200,
            include_all_metadata=True,
            cursor=cursor,
        )
        for rid, ts, _updated in parents_in(response.get("messages", [])):
            if rid == request_id:
                return ts
        cursor = (response.get("response_metadata") or {}).get("next_cursor")
        if not response.get("has_more") or not cursor:
            return None
    return None


def post_once(
    client: WebClient,
    store: Store,
    channel: str,
    ticket: Ticket,
    message: dict[str, Any],
    clock: Callable[[], datetime],
) -> tuple[tuple[str, str], bool]:
    """The ticket's parent message as (channel, ts), and whether it was posted just now.

    An earlier intent that was never recorded done is settled first, from the channel's
    history: found, it is recorded; not found, Slack never had it and it is posted now.
    """
    rid = int(ticket.id)
    updated = ticket.updated_at.isoformat() if ticket.updated_at else ""
    post = store.post_of(rid)
    if post is not None:
        return post, False
    begun = store.pending_post(rid)
    if begun is not None:
        ts = find_parent(client, channel, rid, begun)
        if ts is not None:
            store.record_post(rid, channel, ts, updated, clock())
            return (channel, ts), False
    store.begin_post(rid, updated, clock())  # the intent: if it cannot be written, no post
    response = client.chat_postMessage(
        channel=channel,
        metadata=metadata(ticket),
        unfurl_links=False,
        unfurl_media=False,
        **message,
    )
    post = (response["channel"], response["ts"])
    store.record_post(rid, post[0], post[1], updated, clock())  # done; clears the intent
    return post, True
