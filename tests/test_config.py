"""Configuration errors name the file and the key; secrets come from the environment only."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Secrets, load_app_config, load_settings
from tests.conftest import ROOT


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "app.yaml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("poll_interval_seconds: 5\n", "key 'poll_interval_seconds'"),
        (
            "zones:\n  - apex: gov.uk.\n    kind: registry\n    name: x\n    change_via: y\n",
            "key 'zones.0.kind'",
        ),
        ("suffixes: ['bad..name']\n", "key 'suffixes.0'"),
        ("slack:\n  chanel: C1\n", "key 'slack.chanel'"),
        ("jisc: [1\n", "line 2: not valid YAML"),
        ("- 1\n", "top level must be a mapping"),
    ],
)
def test_bad_file_names_file_and_key(tmp_path: Path, text: str, expected: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as err:
        load_app_config(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not found"):
        load_app_config(tmp_path / "nope.yaml")


def test_repository_app_yaml_is_valid() -> None:
    app = load_app_config(ROOT / "app.yaml")
    assert app.suffixes == ("gov.uk.",)
    kinds = {z.apex: z.kind for z in app.zones}
    assert kinds["gov.uk."] == "jisc" and kinds["publishing.service.gov.uk."] == "govuk"
    assert app.jisc.to == ("naming@ja.net",)


def test_secrets_from_env_and_hidden_in_repr() -> None:
    settings = load_settings(ROOT / "app.yaml", env={"SLACK_BOT_TOKEN": "xoxb-secret-1"})
    assert settings.secrets.slack_bot_token.get_secret_value() == "xoxb-secret-1"
    assert "xoxb-secret-1" not in repr(settings)


def test_missing_secret_is_an_error_only_when_required() -> None:
    secrets = Secrets.from_env({})
    secrets.require()  # nothing needed: fine
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        secrets.require("slack_bot_token")


def test_config_path_from_environment(tmp_path: Path) -> None:
    text = (
        (ROOT / "app.yaml")
        .read_text()
        .replace("poll_interval_seconds: 300", "poll_interval_seconds: 600")
    )
    path = write(tmp_path, text)
    assert load_settings(env={"CERT_TICKET_CONFIG": str(path)}).app.poll_interval_seconds == 600


ZONES = "zones:\n  - apex: gov.uk.\n    kind: jisc\n    name: registry\n    change_via: email\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "the file is empty"),
        (b"# only a comment\n", "the file is empty"),
        (b"suffixes: ['gov.uk.']\n", "key 'zones'"),
        (ZONES.replace("gov.uk.", "'@'").encode(), "key 'zones.0.apex'"),
        (ZONES.replace("gov.uk.", "example.com.").encode(), "not at or under a suffix"),
        (ZONES.replace("gov.uk.", "'gov\\\\032uk.'").encode(), "key 'zones.0.apex'"),
        (ZONES.replace("kind: jisc", "kind: govuk").encode(), "no zone of kind jisc"),
        ((ZONES + ZONES[7:]).encode(), "apex gov.uk. is listed more than once"),
        (
            (ZONES + "dns:\n  timeout: 1\ndns:\n  timeout: 2\n").encode(),
            "line 8: not valid YAML (key 'dns' is given twice)",
        ),
        (
            (ZONES + "zendesk:\n  request_url: 'https://{host}/{id}'\n").encode(),
            "key 'zendesk.request_url'",
        ),
        ((ZONES + "zendesk:\n  request_url: 'https://x/{subdomain}'\n").encode(), "must use {id}"),
        (ZONES.encode() + b"slack:\n  channel: \xff\xfe\n", "line 7: not UTF-8"),
        (ZONES.encode() + b"slack:\n  channel: C1\x00\n", "line 7: contains a NUL byte"),
        (ZONES.encode() + b"x: " + b"[" * 10_000, "nested 10000 levels deep"),
    ],
)
def test_config_fails_loudly_naming_file_and_problem(
    tmp_path: Path, raw: bytes, expected: str
) -> None:
    path = tmp_path / "app.yaml"
    path.write_bytes(raw)
    with pytest.raises(ConfigError) as err:
        load_app_config(path)
    assert str(path) in str(err.value) and expected in str(err.value)


def test_a_directory_is_not_a_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="is a directory"):
        load_app_config(tmp_path)


def test_triage_timeout_seconds_is_read_and_must_be_positive(tmp_path: Path) -> None:
    text = (ROOT / "app.yaml").read_text()
    assert load_app_config(ROOT / "app.yaml").triage_timeout_seconds == 10
    tight = write(
        tmp_path, text.replace("triage_timeout_seconds: 10", "triage_timeout_seconds: 2.5")
    )
    assert load_app_config(tight).triage_timeout_seconds == 2.5
    for bad in ("0", "-1", "never"):
        path = write(
            tmp_path, text.replace("triage_timeout_seconds: 10", f"triage_timeout_seconds: {bad}")
        )
        with pytest.raises(ConfigError) as err:
            load_app_config(path)
        assert f"{path}: key 'triage_timeout_seconds'" in str(err.value)
        assert "Extra inputs" not in str(err.value)
