"""Fastly's Zendesk, as an end user: a thin zenpy adapter that returns our own models.

Only the Requests API is used (an end user gets 403 from Tickets, Search and incremental
exports). zenpy objects never leave this module, and lazy properties such as `.requester` or
`.author` are never touched: they call /users endpoints an end user may not use.
"""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

import requests
from zenpy import Zenpy
from zenpy.lib.api_objects import Comment, Request
from zenpy.lib.exception import APIException, RatelimitBudgetExceeded, ZenpyException

from bot.config import Secrets, Zendesk
from bot.models import ZendeskComment, ZendeskRequest

log = logging.getLogger(__name__)
T = TypeVar("T")


class ZendeskError(Exception):
    """Zendesk could not be used for now (after retries); the poll tries again later."""


class ZendeskAuthError(ZendeskError):
    """Zendesk rejected the credentials."""


class ZendeskNotFound(ZendeskError):
    """No such request (or not visible to this end user)."""


AUTH_HELP = (
    "Zendesk rejected the credentials (HTTP {status}). Check ZENDESK_EMAIL with "
    "ZENDESK_PASSWORD or ZENDESK_OAUTH_TOKEN. An end user's password only works while the "
    "vendor's Zendesk allows password access for end users; if it was switched off, ask the "
    "vendor for OAuth access."
)


def make_client(site: Zendesk, secrets: Secrets, timeout: float = 20.0) -> Zenpy:
    """A zenpy client for an end user: password, OAuth token, or (legacy) API token."""
    if secrets.zendesk_oauth_token:
        creds: dict[str, Any] = {"oauth_token": secrets.zendesk_oauth_token.get_secret_value()}
        return _client(site, timeout, creds)
    secrets.require("zendesk_email")
    creds = {"email": secrets.zendesk_email}
    if secrets.zendesk_password:
        creds["password"] = secrets.zendesk_password.get_secret_value()
    elif secrets.zendesk_api_token:
        creds["token"] = secrets.zendesk_api_token.get_secret_value()
    else:
        secrets.require("zendesk_password")
    return _client(site, timeout, creds)


def _client(site: Zendesk, timeout: float, creds: dict[str, Any]) -> Zenpy:
    return Zenpy(
        subdomain=site.subdomain,
        domain=site.domain,
        timeout=timeout,
        disable_cache=True,  # zenpy's object cache has no TTL and returns stale requests
        password_treatment_level="none",  # end-user passwords are still allowed
        ratelimit_budget=120,
        **creds,
    )


class ZendeskSource:
    """Lists changed requests, reads comments, adds a comment; retries what is worth it."""

    def __init__(
        self,
        client: Zenpy,
        *,
        attempts: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self.client = client
        self.attempts = attempts
        self.backoff = backoff
        self.sleep = sleep
        self.jitter = jitter

    def changed_since(self, since: datetime | None) -> list[ZendeskRequest]:
        """Requests updated at or after `since`, newest first (offset paging, stops early)."""

        def listing() -> list[ZendeskRequest]:
            found = []
            for raw in self.client.requests(sort_by="updated_at", sort_order="desc"):
                request = _readable(to_request, raw)
                if request is None:
                    continue
                if since is not None and request.updated_at < since:
                    break
                found.append(request)
            return found

        return self._call("list requests", listing)

    def request(self, request_id: int) -> ZendeskRequest:
        return self._call(
            f"request {request_id}", lambda: to_request(self.client.requests(id=request_id))
        )

    def comments(self, request_id: int) -> list[ZendeskComment]:
        """Every public comment with its author. zenpy's own call path (rate limits, errors)
        is used with the raw page, because its objects drop the `users` sideload that says
        who is an agent, and fetching each author separately is not allowed to an end user."""
        return self._call(f"comments of request {request_id}", lambda: self._comments(request_id))

    def _comments(self, request_id: int) -> list[ZendeskComment]:
        api = self.client.requests
        url: str | None = api._build_url(api.endpoint.comments(id=request_id))
        found: list[ZendeskComment] = []
        while url:
            page = api._get(url, raw_response=True).json()
            if not isinstance(page, dict) or not isinstance(page.get("comments"), list):
                raise ZenpyException("unreadable answer from Zendesk (no comments list)")
            users = {u.get("id"): u for u in page.get("users") or [] if isinstance(u, dict)}
            for raw in page["comments"]:
                comment = _comment_from_json(raw, users)
                if comment is not None:
                    found.append(comment)
            url = page.get("next_page") if isinstance(page.get("next_page"), str) else None
        return found

    def add_comment(self, request_id: int, body: str) -> None:
        """Add a public comment as the end user. Only ever called on a person's explicit action."""
        request = Request(id=request_id, comment=Comment(body=body, public=True))
        self._call(f"comment on request {request_id}", lambda: self.client.requests.update(request))

    def _call(self, what: str, fn: Callable[[], T]) -> T:
        """Run `fn`, retrying 5xx, timeouts, dropped connections and unreadable answers
        with exponential backoff and jitter. 401/403 and 404 are final."""
        for attempt in range(1, self.attempts + 1):
            try:
                return fn()
            except APIException as exc:
                status = getattr(exc.response, "status_code", 0)
                if status in (401, 403):
                    raise ZendeskAuthError(AUTH_HELP.format(status=status)) from None
                if status == 404:
                    raise ZendeskNotFound(f"{what}: not found") from None
                error = f"HTTP {status}"
                if status and status < 500:
                    raise ZendeskError(f"{what}: {error}") from None
            except requests.HTTPError as exc:
                status = exc.response.status_code if exc.response is not None else 0
                if status in (401, 403):
                    raise ZendeskAuthError(AUTH_HELP.format(status=status)) from None
                error = f"HTTP {status}"
            except RatelimitBudgetExceeded:
                raise ZendeskError(f"{what}: rate limited for longer than the budget") from None
            except (requests.Timeout, requests.ConnectionError) as exc:
                error = type(exc).__name__
            except (ValueError, ZenpyException, KeyError) as exc:  # unreadable answer
                error = f"unreadable answer ({type(exc).__name__})"
            if attempt < self.attempts:
                delay = self.backoff * 2 ** (attempt - 1) * (1 + self.jitter())
                log.warning(
                    "zendesk %s failed (%s); retry %d in %.1fs", what, error, attempt, delay
                )
                self.sleep(delay)
        raise ZendeskError(f"{what}: {error} after {self.attempts} attempts")


def _readable(convert: Callable[[Any], T], raw: Any) -> T | None:
    """Convert one item; a malformed one is logged and left out, never fatal for the rest.

    zenpy hands back the raw body when a page is not JSON at all: that is an unreadable
    answer (retried), not a malformed item."""
    if not isinstance(raw, Request | Comment):
        raise ZenpyException(f"unreadable answer from Zendesk ({type(raw).__name__})")
    try:
        return convert(raw)
    except (ValueError, TypeError, AttributeError) as exc:
        log.error("zendesk: left out a malformed item (id %r): %s", getattr(raw, "id", None), exc)
        return None


def _when(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def to_request(raw: Request) -> ZendeskRequest:
    """Our model from a zenpy Request, reading plain attributes only."""
    return ZendeskRequest(
        id=int(raw.id),
        subject=raw.subject or "",
        status=raw.status or "",
        created_at=_when(raw.created_at),
        updated_at=_when(raw.updated_at),
        organization_id=raw.organization_id,
        requester_id=raw.requester_id,
        description=raw.description or "",
    )


def _comment_from_json(raw: Any, users: dict[Any, dict[str, Any]]) -> ZendeskComment | None:
    """A comment from the API's JSON with its author's agent flag; a malformed one is logged
    and left out."""
    try:
        user = users.get(raw.get("author_id")) or {}
        return ZendeskComment(
            id=int(raw["id"]),
            created_at=_when(raw["created_at"]),
            body=raw.get("body") or raw.get("plain_body") or "",
            html_body=raw.get("html_body"),
            author_id=raw.get("author_id"),
            public=raw.get("public") is not False,
            author=user.get("name"),
            author_is_agent=user.get("agent") if isinstance(user.get("agent"), bool) else None,
            author_organization_id=user.get("organization_id"),
        )
    except (KeyError, ValueError, TypeError, AttributeError) as exc:
        log.error("zendesk: left out a malformed comment: %s", exc)
        return None


def to_comment(raw: Comment) -> ZendeskComment:
    return ZendeskComment(
        id=int(raw.id),
        created_at=_when(raw.created_at),
        body=raw.body or raw.plain_body or "",
        html_body=raw.html_body,
        author_id=raw.author_id,
    )
