"""The CLI contract: output, exit codes, stdin."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from bot.__main__ import main
from tests.conftest import ROOT, TICKETS


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args], cwd=ROOT, input=stdin, capture_output=True, text=True
    )


def test_triage_example_json() -> None:
    proc = run("triage", "--offline", "--json", str(TICKETS / "01-fastly-zone-line.txt"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["changes"][0]["needs_jisc"] is True
    assert data["jisc_request"]["to"] == ["naming@ja.net"]


def test_triage_from_stdin_terminal_view() -> None:
    proc = run(
        "triage", "--offline", "-", stdin="_acme-challenge.gov.uk. CNAME a.fastly-validations.com."
    )
    assert proc.returncode == 0
    assert "_acme-challenge.gov.uk. CNAME a.fastly-validations.com." in proc.stdout
    assert "Jisc request:" in proc.stdout


def test_bad_config_exits_2_naming_file_and_key(tmp_path: Path) -> None:
    bad = tmp_path / "app.yaml"
    bad.write_text("dns:\n  timeout: -1\n")
    proc = run(
        "triage", "--offline", "--config", str(bad), str(TICKETS / "01-fastly-zone-line.txt")
    )
    assert proc.returncode == 2
    assert str(bad) in proc.stderr and "dns.timeout" in proc.stderr


def test_missing_ticket_file_exits_2() -> None:
    out = io.StringIO()
    assert main(["triage", "--offline", "/no/such/ticket.txt"], out=out) == 2


def test_bad_nameserver_exits_2() -> None:
    assert main(["check", "--nameserver", "host:notaport", "gov.uk"], out=io.StringIO()) == 2
