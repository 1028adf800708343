"""A local fake of the Slack Web API (and of response_url), recording every call.

slack_sdk's WebClient reaches it through `base_url`; Bolt's respond() through the
`response_url` the tests put in their payloads. It answers like Slack (`ok`, `ts`, errors in
the body), can be told to fail a method (`ratelimited` with Retry-After, 5xx, or a Slack
error such as `channel_not_found`), and keeps posted messages for conversations.history.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

from tests.http_fake import serve_in_thread


@dataclass
class Call:
    method: str
    body: dict[str, Any]
    headers: dict[str, str]


@dataclass
class FakeSlack:
    calls: list[Call] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, list[str]] = field(default_factory=dict)
    usergroup_members: list[str] = field(default_factory=list)
    delay: float = 0.0
    # Called with (method, body) once a call is answered and before the answer is sent:
    # for what happens on the bot's side right after Slack has done the work.
    on_call: Callable[[str, dict[str, Any]], None] | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    port: int = 0
    _ts: int = 1_700_000_000

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api/"

    def response_url(self, n: int = 1) -> str:
        return f"http://127.0.0.1:{self.port}/respond/{n}"

    def fail(self, method: str, *kinds: str) -> None:
        with self.lock:
            self.faults.setdefault(method, []).extend(kinds)

    def of(self, method: str) -> list[Call]:
        with self.lock:
            return [c for c in self.calls if c.method == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 10.0) -> list[Call]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            found = self.of(method)
            if len(found) >= count:
                return found
            time.sleep(0.01)
        raise AssertionError(
            f"expected {count} call(s) to {method}, got {len(self.of(method))}: {[c.method for c in self.calls]}"
        )

    def answer(
        self, method: str, body: dict[str, Any]
    ) -> tuple[int, dict[str, Any], dict[str, str]]:
        with self.lock:
            fault = self.faults.get(method, [None]).pop(0) if self.faults.get(method) else None
        if fault == "ratelimited":
            return 429, {"ok": False, "error": "ratelimited"}, {"Retry-After": "1"}
        if fault in ("500", "503"):
            return int(fault), {"ok": False, "error": "internal_error"}, {}
        if fault:
            return 200, {"ok": False, "error": fault}, {}
        with self.lock:
            if method == "auth.test":
                return (
                    200,
                    {
                        "ok": True,
                        "user_id": "UBOT",
                        "team_id": "T1",
                        "bot_id": "B1",
                        "user": "cert-ticket",
                    },
                    {},
                )
            if method == "chat.postMessage":
                self._ts += 1
                ts = f"{self._ts}.000100"
                message = {
                    "ts": ts,
                    **{
                        k: body[k]
                        for k in ("text", "blocks", "metadata", "thread_ts")
                        if body.get(k)
                    },
                }
                self.messages.insert(0, message)
                return (
                    200,
                    {"ok": True, "channel": body.get("channel"), "ts": ts, "message": message},
                    {},
                )
            if method == "chat.update":
                return 200, {"ok": True, "channel": body.get("channel"), "ts": body.get("ts")}, {}
            if method == "conversations.history":
                return (
                    200,
                    {
                        "ok": True,
                        "messages": [m for m in self.messages if not m.get("thread_ts")],
                        "has_more": False,
                    },
                    {},
                )
            if method == "usergroups.users.list":
                return 200, {"ok": True, "users": list(self.usergroup_members)}, {}
            if method == "conversations.info":
                return (
                    200,
                    {"ok": True, "channel": {"id": body.get("channel"), "name": "cert-tickets"}},
                    {},
                )
        return 200, {"ok": True}, {}


def _parse(raw: bytes, content_type: str) -> dict[str, Any]:
    if not raw:
        return {}
    if "json" in content_type:
        return json.loads(raw)
    return {k: v[0] for k, v in parse_qs(raw.decode()).items()}


def make_handler(fake: FakeSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            body = _parse(raw, self.headers.get("Content-Type", ""))
            for key in ("blocks", "metadata", "view"):
                if isinstance(body.get(key), str):
                    body[key] = json.loads(body[key])
            path = self.path.split("?")[0]
            method = path.removeprefix("/api/") if path.startswith("/api/") else path
            with fake.lock:
                fake.calls.append(Call(method, body, dict(self.headers)))
            with fake.lock:
                pending = fake.faults.get(method) or [None]
                drop = pending[0] == "drop"
                if drop:
                    fake.faults[method].pop(0)
            if drop:  # the network drops: no answer at all
                self.close_connection = True
                self.connection.shutdown(2)
                return
            status, payload, headers = fake.answer(method, body)
            if fake.on_call is not None:
                fake.on_call(method, body)
            if fake.delay:  # the work is done; only the answer is slow
                time.sleep(fake.delay)
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    return Handler


def start(fake: FakeSlack) -> ThreadingHTTPServer:
    server = serve_in_thread(make_handler(fake))
    fake.port = server.server_address[1]
    return server
