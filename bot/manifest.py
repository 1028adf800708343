"""The Slack app manifest: the slash command, interactivity, Socket Mode and exactly our scopes."""

from __future__ import annotations

from typing import Any

import yaml

from bot.config import AppConfig

# Every Web API method the code calls, and the bot scope it needs (None: no scope needed).
METHOD_SCOPES: dict[str, str | None] = {
    "chat_postMessage": "chat:write",
    "chat_update": "chat:write",
    "chat_postEphemeral": "chat:write",
    "conversations_history": "channels:history",  # + groups:history for a private channel
    "usergroups_users_list": "usergroups:read",  # only used with slack.allowed_usergroup
    "views_open": None,
    "auth_test": None,
}


def bot_scopes(app: AppConfig) -> list[str]:
    scopes = {s for s in METHOD_SCOPES.values() if s} | {"commands", "groups:history"}
    if not app.slack.allowed_usergroup:
        scopes.discard("usergroups:read")
    return sorted(scopes)


def manifest(app: AppConfig, request_url: str | None = None) -> dict[str, Any]:
    """Socket Mode unless a request URL is given (HTTP mode: Slack calls /slack/events)."""
    command: dict[str, Any] = {
        "command": "/cert-ticket",
        "description": "Triage a vendor's TLS certificate ticket",
        "usage_hint": "[ticket id | Zendesk URL | check NAME | list | help]",
        "should_escape": False,
    }
    interactivity: dict[str, Any] = {"is_enabled": True}
    if request_url:
        command["url"] = request_url
        interactivity["request_url"] = request_url
    return {
        "_metadata": {"major_version": 1, "minor_version": 1},
        "display_information": {
            "name": "cert-ticket",
            "description": "Triage of Fastly TLS certificate tickets for GOV.UK 2nd line",
        },
        "features": {
            "bot_user": {"display_name": "cert-ticket", "always_online": True},
            "slash_commands": [command],
        },
        "oauth_config": {"scopes": {"bot": bot_scopes(app)}},
        "settings": {
            "interactivity": interactivity,
            "org_deploy_enabled": False,
            "socket_mode_enabled": request_url is None,
            "token_rotation_enabled": False,
        },
    }


def manifest_yaml(app: AppConfig, request_url: str | None = None) -> str:
    why = [f"#   {method}: {scope or 'no scope'}" for method, scope in METHOD_SCOPES.items()]
    head = ["# Slack app manifest for cert-ticket (`python -m bot manifest`).", "# Web API calls:"]
    return "\n".join([*head, *why, ""]) + yaml.safe_dump(
        manifest(app, request_url), sort_keys=False
    )
