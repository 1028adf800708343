"""HTTP mode: Bolt's WSGI handler on /slack/events (signatures checked by Bolt) and /healthz."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from socketserver import ThreadingMixIn
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

EVENTS_PATH = "/slack/events"


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def make_wsgi(app: App, health: Callable[[], dict[str, Any]]) -> Callable[..., Iterable[bytes]]:
    slack = SlackRequestHandler(app, path=EVENTS_PATH)

    def wsgi(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            report = health()
            status = "200 OK" if report.get("ok") else "503 Service Unavailable"
            body = json.dumps(report).encode()
            start_response(
                status, [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
            )
            return [body]
        return slack(environ, start_response)

    return wsgi


def serve(
    app: App, health: Callable[[], dict[str, Any]], host: str = "127.0.0.1", port: int = 3000
) -> WSGIServer:
    """Start serving in a background thread; `server.shutdown()` stops it."""
    server = make_server(
        host,
        port,
        make_wsgi(app, health),
        server_class=_ThreadingWSGIServer,
        handler_class=_QuietHandler,
    )
    threading.Thread(target=server.serve_forever, name="http", daemon=True).start()
    return server
