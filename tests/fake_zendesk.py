"""A local fake of Zendesk's Requests API as an end user sees it, for the real zenpy client.

It serves the JSON shapes in ../shared/reference/zendesk-shapes.md (offset paging with
absolute `next_page` links), checks Basic or Bearer auth, records every call, and can be told
to misbehave (429 with Retry-After, 500, slow answers, bad JSON, 401/403) for given paths.
"""

from __future__ import annotations

import base64
import json
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

from tests.http_fake import serve_in_thread

EMAIL, PASSWORD, OAUTH = "govuk-2ndline@digital.cabinet-office.gov.uk", "end-user-pw", "oauth-tok"
AGENT_ID, USER_ID, ORG_ID = 7001, 9001, 360001
T0 = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def stamp(when: datetime) -> str:
    return when.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Fault:
    path: str  # a substring of the request path
    kind: str  # 429 | 500 | 401 | 403 | slow | badjson | drop
    times: int = 1
    retry_after: int = 1
    delay: float = 1.0


@dataclass
class FakeZendesk:
    per_page: int = 100
    requests: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    calls: list[tuple[str, str]] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    delay: float = 0.0  # seconds added to every answer
    _next_comment: int = 9900

    # --- data ----------------------------------------------------------------------------

    def add_request(
        self,
        rid: int,
        subject: str,
        body: str,
        at: datetime,
        *,
        html: str | None = None,
        org: int = ORG_ID,
    ) -> None:
        with self.lock:
            self.requests[rid] = {
                "url": f"https://fastly.zendesk.com/api/v2/requests/{rid}.json",
                "id": rid,
                "status": "open",
                "priority": None,
                "type": None,
                "subject": subject,
                "description": body,
                "organization_id": org,
                "requester_id": USER_ID,
                "assignee_id": AGENT_ID,
                "collaborator_ids": [],
                "email_cc_ids": [],
                "is_public": True,
                "due_at": None,
                "can_be_solved_by_me": False,
                "recipient": None,
                "followup_source_id": None,
                "ticket_form_id": None,
                "custom_fields": [],
                "fields": [],
                "via": {"channel": "email", "source": {"from": {}, "to": {}, "rel": None}},
                "created_at": stamp(at),
                "updated_at": stamp(at),
            }
            self.comments[rid] = []
        self.add_comment(rid, body, at, html=html)

    def add_comment(
        self, rid: int, body: str, at: datetime, *, html: str | None = None, author: int = AGENT_ID
    ) -> int:
        with self.lock:
            self._next_comment += 1
            cid = self._next_comment
            self.comments[rid].append(
                {
                    "url": f"https://fastly.zendesk.com/api/v2/requests/{rid}/comments/{cid}.json",
                    "id": cid,
                    "type": "Comment",
                    "request_id": rid,
                    "public": True,
                    "body": body,
                    "plain_body": body,
                    # Zendesk turns a plain comment's line breaks into <br> in html_body.
                    "html_body": html
                    or f'<div class="zd-comment"><p>{escape(body).replace(chr(10), "<br>" + chr(10))}</p></div>',
                    "author_id": author,
                    "attachments": [],
                    "created_at": stamp(at),
                }
            )
            self.requests[rid]["updated_at"] = stamp(at)
            return cid

    def fail(self, path: str, kind: str, **kw: Any) -> None:
        with self.lock:
            self.faults.append(Fault(path, kind, **kw))

    def count(self, path_part: str = "") -> int:
        with self.lock:
            return sum(1 for _, p in self.calls if path_part in p)

    # --- serving ---------------------------------------------------------------------------

    def take_fault(self, path: str) -> Fault | None:
        with self.lock:
            for fault in self.faults:
                if fault.path in path and fault.times > 0:
                    fault.times -= 1
                    return fault
        return None

    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"


def make_handler(fake: FakeZendesk) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _send(
            self,
            status: int,
            payload: Any,
            headers: dict[str, str] | None = None,
            raw: bytes | None = None,
        ) -> None:
            body = raw if raw is not None else json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("X-Rate-Limit", "700")
            self.send_header("X-Rate-Limit-Remaining", "699")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _authorised(self) -> bool:
            auth = self.headers.get("Authorization", "")
            if auth == f"Bearer {OAUTH}":
                return True
            if auth.startswith("Basic "):
                user, _, secret = base64.b64decode(auth[6:]).decode().partition(":")
                return (user, secret) == (EMAIL, PASSWORD)
            return False

        def _dispatch(self, method: str) -> None:
            url = urlparse(self.path)
            with fake.lock:
                fake.calls.append((method, url.path))
            if fake.delay:
                time.sleep(fake.delay)
            fault = fake.take_fault(url.path)
            if fault is not None and self._apply(fault):
                return
            if not self._authorised():
                self._send(401, {"error": "Couldn't authenticate you"})
                return
            parts = url.path.removeprefix("/api/v2/").removesuffix(".json").split("/")
            if method == "GET" and parts == ["requests"]:
                self._list(parse_qs(url.query))
            elif method == "GET" and len(parts) == 2 and parts[0] == "requests":
                self._one(int(parts[1]))
            elif method == "GET" and len(parts) == 3 and parts[2] == "comments":
                self._comments(int(parts[1]))
            elif method == "PUT" and len(parts) == 2 and parts[0] == "requests":
                self._update(int(parts[1]))
            else:
                self._send(404, {"error": "InvalidEndpoint", "description": "Not found"})

        def _apply(self, fault: Fault) -> bool:
            if fault.kind == "429":
                self._send(
                    429, {"error": "TooManyRequests"}, {"Retry-After": str(fault.retry_after)}
                )
            elif fault.kind in ("500", "401", "403"):
                self._send(
                    int(fault.kind), {"error": "Forbidden" if fault.kind == "403" else "Internal"}
                )
            elif fault.kind == "badjson":
                self._send(200, None, raw=b'{"requests": [ {"id": 1, truncated')
            elif fault.kind == "drop":
                self.close_connection = True
                self.connection.close()
            elif fault.kind == "slow":
                time.sleep(fault.delay)
                return False
            return True

        def _list(self, query: dict[str, list[str]]) -> None:
            page = int(query.get("page", ["1"])[0])
            with fake.lock:
                items = sorted(
                    fake.requests.values(), key=lambda r: (r["updated_at"], r["id"]), reverse=True
                )
                items = json.loads(json.dumps(items))
            start = (page - 1) * fake.per_page
            chunk = items[start : start + fake.per_page]
            more = start + fake.per_page < len(items)
            nxt = (
                f"{fake.base()}/api/v2/requests.json?page={page + 1}&per_page={fake.per_page}"
                "&sort_by=updated_at&sort_order=desc"
                if more
                else None
            )
            self._send(
                200,
                {"requests": chunk, "next_page": nxt, "previous_page": None, "count": len(items)},
            )

        def _one(self, rid: int) -> None:
            with fake.lock:
                found = fake.requests.get(rid)
            if found is None:
                self._send(404, {"error": "RecordNotFound", "description": "Not found"})
            else:
                self._send(200, {"request": found})

        def _comments(self, rid: int) -> None:
            with fake.lock:
                comments = list(fake.comments.get(rid, []))
            if rid not in fake.requests:
                self._send(404, {"error": "RecordNotFound", "description": "Not found"})
                return
            users = [
                {
                    "id": AGENT_ID,
                    "name": "Fastly Support",
                    "agent": True,
                    "organization_id": None,
                    "photo": None,
                },
                {
                    "id": USER_ID,
                    "name": "GOV.UK 2nd line",
                    "agent": False,
                    "organization_id": ORG_ID,
                    "photo": None,
                },
            ]
            self._send(
                200,
                {
                    "comments": comments,
                    "users": users,
                    "organizations": [],
                    "next_page": None,
                    "previous_page": None,
                    "count": len(comments),
                },
            )

        def _update(self, rid: int) -> None:
            length = int(self.headers.get("Content-Length", "0"))
            data = json.loads(self.rfile.read(length) or b"{}")
            body = data.get("request", {}).get("comment", {}).get("body")
            if rid not in fake.requests or not body:
                self._send(422 if body is None else 404, {"error": "RecordInvalid"})
                return
            latest = max(
                datetime.fromisoformat(c["created_at"].replace("Z", "+00:00"))
                for c in fake.comments[rid]
            )
            fake.add_comment(rid, body, latest + timedelta(minutes=1), author=USER_ID)
            self._one(rid)

        def do_GET(self) -> None:
            self._dispatch("GET")

        def do_PUT(self) -> None:
            self._dispatch("PUT")

    return Handler


def start(fake: FakeZendesk) -> ThreadingHTTPServer:
    server = serve_in_thread(make_handler(fake))
    fake.port = server.server_address[1]
    return server
