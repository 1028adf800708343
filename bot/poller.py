"""One poll of Zendesk: new and updated certificate tickets, each handed on exactly once."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from bot.config import AppConfig
from bot.models import Comment, Ticket, ZendeskComment, ZendeskRequest
from bot.reading.conversation import role_of
from bot.store import StateWriteError, Store
from bot.zendesk import ZendeskAuthError, ZendeskError, ZendeskSource

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TicketEvent:
    """A certificate ticket that is new, or changed since it was last handled."""

    ticket: Ticket
    request: ZendeskRequest
    new_comment_ids: tuple[int, ...]
    first_seen: bool


@dataclass
class PollReport:
    listed: int = 0
    handled: list[int] = field(default_factory=list)
    skipped: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)
    given_up: list[int] = field(default_factory=list)
    unreadable: list[int] = field(default_factory=list)
    watermark: datetime | None = None


@dataclass(frozen=True)
class Retries:
    """What to do when handing on a version fails: retry outages (`is_transient`) every poll;
    after `max_attempts` failures of the ticket's own, post it as unreadable (`post_unreadable`
    with the ticket and the reason) so it never vanishes, or, without that, give it up."""

    max_attempts: int = 3
    is_transient: Callable[[BaseException], bool] = lambda exc: is_outage(exc)
    post_unreadable: Callable[[Ticket, str], None] | None = None


def is_outage(exc: BaseException) -> bool:
    """Zendesk or the network failing: worth retrying, never a reason to give up a ticket."""
    return isinstance(exc, ZendeskError | OSError | TimeoutError)


def keyword_pattern(keywords: Sequence[str]) -> re.Pattern[str]:
    words = "|".join(re.escape(k) for k in keywords)
    return re.compile(rf"(?<![A-Za-z0-9])(?:{words})(?![A-Za-z0-9])", re.IGNORECASE)


def is_certificate_ticket(
    request: ZendeskRequest, text: str, app: AppConfig, pattern: re.Pattern[str]
) -> bool:
    """Certificate keywords in the subject or comments, and the organisation if one is set."""
    wanted_org = app.tickets.organization_id
    if wanted_org is not None and request.organization_id != wanted_org:
        return False
    return bool(pattern.search(request.subject) or pattern.search(text))


def to_ticket(
    request: ZendeskRequest, comments: Sequence[ZendeskComment], app: AppConfig
) -> Ticket:
    """The ticket the triage core reads: every public comment in order, with its author's role
    (the vendor's agents; us: the requester and its organisation; anyone else)."""
    ordered = sorted((c for c in comments if c.public), key=lambda c: (c.created_at, c.id))
    conversation = tuple(
        Comment(
            id=c.id,
            role=role_of(
                {
                    "id": c.author_id,
                    "agent": c.author_is_agent,
                    "organization_id": c.author_organization_id,
                },
                request.requester_id,
                request.organization_id,
                app.trust.vendor_organization_ids,
            ),
            author=c.author,
            body=c.html_body or c.body,
            created_at=c.created_at,
        )
        for c in ordered
    )
    if not conversation:  # nothing listed yet: the request's description is the vendor's text
        conversation = (Comment(body=request.description),)
    return Ticket(
        id=str(request.id),
        subject=request.subject,
        url=app.zendesk.url_for(str(request.id)),
        comments=conversation,
        status=request.status,
        created_at=request.created_at,
        updated_at=request.updated_at,
        comment_ids=tuple(c.id for c in comments),
    )


def poll_once(
    source: ZendeskSource,
    store: Store,
    handle: Callable[[TicketEvent], None],
    *,
    app: AppConfig,
    now: datetime,
    overlap: timedelta = timedelta(minutes=10),
    max_attempts: int = 3,
    is_transient: Callable[[BaseException], bool] = lambda exc: is_outage(exc),
    post_unreadable: Callable[[Ticket, str], None] | None = None,
) -> PollReport:
    """List requests changed since the watermark (less an overlap), hand on each new version
    of a certificate ticket, and move the watermark past what is fully done.

    A version is done when handled, skipped (not a certificate ticket), or after
    `max_attempts` failures that are about the ticket itself (`is_transient` errors, such as
    Zendesk or Slack being down, are retried without counting) posted as unreadable (or given
    up without `post_unreadable`); a new version is tried afresh. The watermark never passes a
    version that is not done, so a crash or a failed hand-off re-delivers instead of losing.
    A state write that fails stops the cycle (StateWriteError). An idle poll is one API call.
    """
    watermark = store.watermark()
    since = (
        watermark - overlap
        if watermark
        else now - timedelta(days=app.zendesk.initial_lookback_days)
    )
    listed = source.changed_since(since)
    todo = sorted(
        (r for r in listed if not store.is_done(r.id, r.updated_at)),
        key=lambda r: (r.updated_at, r.id),
    )
    report = PollReport(listed=len(listed))
    pattern = keyword_pattern(app.tickets.keywords)
    retries = Retries(max_attempts, is_transient, post_unreadable)
    for request in todo:
        outcome = _poll_one(source, store, handle, request, app, pattern, retries)
        getattr(report, outcome).append(request.id)
    new_mark = _watermark(listed, store)
    if new_mark is not None and (watermark is None or new_mark > watermark):
        store.set_watermark(new_mark)
    report.watermark = store.watermark()
    return report


def _watermark(listed: Sequence[ZendeskRequest], store: Store) -> datetime | None:
    """The newest listed version such that every listed version up to it is done."""
    pending = [r.updated_at for r in listed if not store.is_done(r.id, r.updated_at)]
    limit = min(pending) if pending else None
    done = [r.updated_at for r in listed if limit is None or r.updated_at < limit]
    return max(done) if done else None


def _poll_one(
    source: ZendeskSource,
    store: Store,
    handle: Callable[[TicketEvent], None],
    request: ZendeskRequest,
    app: AppConfig,
    pattern: re.Pattern[str],
    retries: Retries,
) -> str:
    # What is known of the ticket before its comments are read: enough to say it exists.
    ticket = Ticket(
        id=str(request.id),
        subject=request.subject,
        url=app.zendesk.url_for(str(request.id)),
        status=request.status,
        created_at=request.created_at,
        updated_at=request.updated_at,
    )
    try:
        comments = source.comments(request.id)
        seen = store.seen_comments(request.id)
        ticket = to_ticket(request, comments, app)
        if not is_certificate_ticket(
            request, "\n".join(c.body for c in ticket.comments), app, pattern
        ):
            log.debug("not a certificate ticket", extra={"ticket": request.id, "event": "skipped"})
            store.finish(request.id, request.updated_at, "skipped", ticket.comment_ids)
            return "skipped"
        new = tuple(c for c in ticket.comment_ids if c not in seen)
        handle(
            TicketEvent(ticket=ticket, request=request, new_comment_ids=new, first_seen=not seen)
        )
        store.finish(request.id, request.updated_at, "handled", ticket.comment_ids)
        return "handled"
    except (ZendeskAuthError, StateWriteError):
        raise
    except Exception as exc:
        return _failed(store, request, ticket, exc, retries)


def _failed(
    store: Store, request: ZendeskRequest, ticket: Ticket, exc: Exception, retries: Retries
) -> str:
    """One failed hand-off: retried next poll, or at last posted as unreadable."""
    where = {"ticket": request.id, "updated_at": request.updated_at.isoformat()}
    if retries.is_transient(exc):
        # An outage is not the ticket's fault: retry next poll, never give up over it.
        log.warning(
            "not handled this time, will retry next poll: %s: %s",
            type(exc).__name__,
            exc,
            extra={**where, "event": "retry"},
        )
        return "failed"
    log.exception("handling failed", extra={**where, "event": "failed"})
    error = f"{type(exc).__name__}: {exc}"[:300]
    attempts = store.record_failure(request.id, request.updated_at, error)
    if attempts < retries.max_attempts:
        return "failed"
    if retries.post_unreadable is not None:
        try:
            retries.post_unreadable(ticket, f"handling it failed {attempts} times ({error})")
        except StateWriteError:
            raise
        except Exception as again:
            if retries.is_transient(again):
                log.warning("not posted, will retry next poll", extra={**where, "event": "retry"})
                return "failed"
            log.exception("could not post it as unreadable either", extra=where)
        else:
            store.finish(request.id, request.updated_at, "unreadable", ticket.comment_ids)
            return "unreadable"
    log.error(
        "giving up on this version after %d attempts; it will not be retried",
        attempts,
        extra={**where, "event": "given_up"},
    )
    store.finish(request.id, request.updated_at, "given_up", ())
    return "given_up"
