"""The manifest asks for exactly the scopes the code's Web API calls need."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.config import AppConfig, Slack
from bot.manifest import METHOD_SCOPES, manifest, manifest_yaml
from tests.conftest import ROOT


def test_every_web_api_call_in_the_code_is_in_the_scope_table() -> None:
    called = set()
    for path in (ROOT / "bot").glob("*.py"):
        called |= set(re.findall(r"client\.([a-z]+_[A-Za-z_]+)\(", path.read_text()))
    assert called and called <= set(METHOD_SCOPES)
    assert set(METHOD_SCOPES) - {"auth_test"} <= called  # nothing listed that the code never calls


def test_scopes_socket_mode_and_command(app: AppConfig) -> None:
    m = manifest(app)
    assert m["oauth_config"]["scopes"]["bot"] == [
        "channels:history",
        "chat:write",
        "commands",
        "groups:history",
    ]
    assert (
        m["settings"]["socket_mode_enabled"] is True
        and m["settings"]["interactivity"]["is_enabled"]
    )
    assert m["features"]["slash_commands"][0]["command"] == "/cert-ticket"


def test_usergroup_scope_only_when_configured(app: AppConfig) -> None:
    grouped = app.model_copy(update={"slack": Slack(channel="C1", allowed_usergroup="S1")})
    assert "usergroups:read" in manifest(grouped)["oauth_config"]["scopes"]["bot"]


def test_http_mode_sets_request_urls(app: AppConfig) -> None:
    m = yaml.safe_load(manifest_yaml(app, request_url="https://cert-ticket.example/slack/events"))
    assert m["settings"]["socket_mode_enabled"] is False
    assert (
        m["settings"]["interactivity"]["request_url"] == m["features"]["slash_commands"][0]["url"]
    )


def test_cli_prints_yaml(tmp_path: Path) -> None:
    import io

    from bot.__main__ import main

    out = io.StringIO()
    assert main(["manifest"], out=out) == 0
    assert yaml.safe_load(out.getvalue())["display_information"]["name"] == "cert-ticket"
