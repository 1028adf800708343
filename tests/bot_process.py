"""Starting the real `python -m bot run` as a subprocess against the local fakes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.conftest import ROOT
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import EMAIL, PASSWORD, FakeZendesk
from tests.slack_harness import CHANNEL, SECRET

BOT_TOKEN = "xoxb-secret-bot-token-123"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def config_file(tmp_path: Path, settings: dict[str, str] | None = None) -> Path:
    """The repository's app.yaml with the test channel, and top-level `settings` set
    (`{"triage_timeout_seconds": "1.0"}` replaces that line, or adds it)."""
    path = tmp_path / "app.yaml"
    lines = (ROOT / "app.yaml").read_text().replace('channel: ""', f'channel: "{CHANNEL}"')
    kept = [line for line in lines.splitlines() if line.split(":")[0] not in (settings or {})]
    path.write_text("\n".join([*kept, *(f"{k}: {v}" for k, v in (settings or {}).items())]) + "\n")
    return path


def start_bot(
    slack: FakeSlack,
    zendesk: FakeZendesk,
    tmp_path: Path,
    port: int,
    *extra: str,
    log: Path | None = None,
    config: dict[str, str] | None = None,
) -> subprocess.Popen:
    env = {
        **os.environ,
        "ZENPY_FORCE_SCHEME": "http",
        "ZENPY_FORCE_NETLOC": f"127.0.0.1:{zendesk.port}",
        "ZENDESK_EMAIL": EMAIL,
        "ZENDESK_PASSWORD": PASSWORD,
        "SLACK_BOT_TOKEN": BOT_TOKEN,
        "SLACK_SIGNING_SECRET": SECRET,
        "SLACK_API_URL": slack.base_url,
    }
    env.pop("SLACK_APP_TOKEN", None)
    args = [
        sys.executable,
        "-m",
        "bot",
        "run",
        "--http",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--config",
        str(config_file(tmp_path, config)),
        "--state",
        str(tmp_path / "state.db"),
        "--offline",
        "--poll-interval",
        "0.3",
        *extra,
    ]
    out = open(log or tmp_path / "bot.log", "ab")  # noqa: SIM115 (kept open for the child)
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)


def health(port: int) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as r:
            return json.loads(r.read())
    except OSError as err:
        body = getattr(err, "read", None)
        return json.loads(body()) if body else None


def wait_healthy(port: int, timeout: float = 20) -> float:
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        report = health(port)
        if report and report.get("ok"):
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"bot on port {port} not healthy in {timeout}s: {health(port)}")
