"""Settings from app.yaml plus secrets from the environment; the only reader of os.environ."""

from __future__ import annotations

import os
import re
import string
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import dns.exception
import dns.name
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
    model_validator,
)
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource

from bot.configfile import ConfigError, read_yaml
from bot.models import OwnerKind, ZoneOwner
from bot.trustpolicy import Trust

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "app.yaml"
CONFIG_ENV = "CERT_TICKET_CONFIG"


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def absolute_name(value: str) -> str:
    """Normalise a DNS name to lower case with a trailing dot (dnspython does the checking)."""
    try:
        return dns.name.from_text(value).to_text().lower()
    except dns.exception.DNSException as exc:
        raise ValueError(f"not a DNS name: {value!r} ({exc})") from exc


DnsName = Annotated[str, AfterValidator(absolute_name)]


def host_name(value: str) -> str:
    """An absolute host name: `@`, escapes, spaces and empty or odd labels are refused."""
    name = absolute_name(value)
    labels = name.rstrip(".").split(".")
    if value.strip() in ("@", ".", "") or name == ".":
        raise ValueError(f"{value!r} is not a domain (write the zone's full name, e.g. gov.uk.)")
    if not all(_HOST_LABEL.match(label) for label in labels):
        raise ValueError(f"{value!r} is not a host name")
    return name


_HOST_LABEL = re.compile(r"^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$")
HostName = Annotated[str, AfterValidator(host_name)]


class ZoneEntry(Section):
    apex: HostName
    kind: OwnerKind
    name: str = Field(min_length=1)
    change_via: str

    def to_owner(self) -> ZoneOwner:
        return ZoneOwner(apex=self.apex, kind=self.kind, name=self.name, change_via=self.change_via)


class Sender(Section):
    name: str
    email: str | None = None


class Jisc(Section):
    to: tuple[str, ...] = ("naming@ja.net",)
    cc: tuple[str, ...] = ()
    tell_first: tuple[str, ...] = (
        "GOV.UK Technical On Call (Slack)",
        "GOV.UK Head of Tech and the senior tech team",
        "CDDO domains team (#team-domains)",
    )
    sender: Sender = Sender(name="a GOV.UK approved contact for the gov.uk registry")
    default_ttl: int = Field(3600, ge=60, le=86400)


class Hostmaster(Section):
    to: tuple[str, ...] = ("hostmaster@digital.cabinet-office.gov.uk",)


class Tickets(Section):
    keywords: tuple[str, ...] = (
        "certificate",
        "tls",
        "ssl",
        "domain validation",
        "domain control validation",
        "dcv",
        "acme",
        "globalsign",
        "caa",
        "_acme-challenge",
    )
    organization_id: int | None = None


class Slack(Section):
    channel: str = ""
    allowed_channels: tuple[str, ...] = ()
    allowed_usergroup: str | None = None


class Zendesk(Section):
    subdomain: str = "fastly"
    domain: str = "zendesk.com"
    request_url: str = "https://{subdomain}.{domain}/hc/requests/{id}"

    @field_validator("request_url")
    @classmethod
    def _only_known_fields(cls, value: str) -> str:
        try:
            fields = {f for _, f, _, _ in string.Formatter().parse(value) if f is not None}
        except ValueError as exc:
            raise ValueError(f"not a valid template ({exc})") from None
        unknown = fields - {"subdomain", "domain", "id"}
        if unknown or "id" not in fields:
            raise ValueError(
                "may use only {subdomain}, {domain} and {id}, and must use {id}"
                + (
                    f" (found {', '.join('{' + f + '}' for f in sorted(unknown))})"
                    if unknown
                    else ""
                )
            )
        return value

    initial_lookback_days: int = Field(14, ge=1, le=365)
    timeout: float = Field(20.0, gt=0, le=120)

    def url_for(self, ticket_id: str) -> str:
        return self.request_url.format(subdomain=self.subdomain, domain=self.domain, id=ticket_id)


class Dns(Section):
    timeout: float = Field(2.0, gt=0, le=30)
    lifetime: float = Field(8.0, gt=0, le=120)
    workers: int = Field(16, ge=1, le=64)


class AppConfig(BaseSettings):
    """The contents of app.yaml. Unknown keys are errors, so typos are caught."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    suffixes: tuple[HostName, ...] = Field(("gov.uk.",), min_length=1)
    zones: tuple[ZoneEntry, ...] = Field(min_length=1)
    jisc: Jisc = Jisc()
    hostmaster: Hostmaster = Hostmaster()
    tickets: Tickets = Tickets()
    slack: Slack = Slack()
    zendesk: Zendesk = Zendesk()
    dns: Dns = Dns()
    trust: Trust = Trust()
    poll_interval_seconds: int = Field(300, ge=30, le=86400)
    # Seconds one ticket's triage may take in its worker process (bot/budget.py).
    triage_timeout_seconds: float = Field(10.0, gt=0, le=600)
    state_path: str = "state/cert-ticket.sqlite3"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Only the YAML file (passed in as init values): secrets never come from it.
        return (init_settings,)

    @model_validator(mode="after")
    def _zones_make_sense(self) -> AppConfig:
        apexes = [z.apex for z in self.zones]
        twice = sorted({a for a in apexes if apexes.count(a) > 1})
        if twice:
            raise ValueError(f"zones: apex {', '.join(twice)} is listed more than once")
        for zone in self.zones:
            if not any(zone.apex == s or zone.apex.endswith("." + s) for s in self.suffixes):
                under = ", ".join(self.suffixes)
                raise ValueError(f"zones: apex {zone.apex} is not at or under a suffix ({under})")
        if not any(z.kind == "jisc" for z in self.zones):
            raise ValueError("zones: no zone of kind jisc, so nothing could ever be drafted")
        return self

    def owners(self) -> tuple[ZoneOwner, ...]:
        return tuple(z.to_owner() for z in self.zones)


class Secrets(Section):
    """Credentials, from the environment only. `repr` never shows them."""

    slack_bot_token: SecretStr | None = None
    slack_signing_secret: SecretStr | None = None
    slack_app_token: SecretStr | None = None
    slack_api_url: str = "https://slack.com/api/"
    zendesk_email: str | None = None
    zendesk_password: SecretStr | None = None
    zendesk_oauth_token: SecretStr | None = None
    zendesk_api_token: SecretStr | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Secrets:
        values = {k: env[k.upper()] for k in cls.model_fields if env.get(k.upper())}
        return cls(**values)

    def values(self) -> list[str]:
        """Every secret's value: for scrubbing logs, never for printing."""
        return [v.get_secret_value() for v in self.__dict__.values() if isinstance(v, SecretStr)]

    def require(self, *names: str) -> None:
        """Raise ConfigError naming every missing variable a command needs."""
        missing = [n.upper() for n in names if getattr(self, n) is None]
        if missing:
            raise ConfigError(f"environment: {', '.join(missing)} must be set for this command")


class Settings(Section):
    config_path: str
    app: AppConfig
    secrets: Secrets


def load_settings(path: str | Path | None = None, env: Mapping[str, str] | None = None) -> Settings:
    """Read app.yaml (path, else $CERT_TICKET_CONFIG, else the repo's app.yaml) and the env."""
    env = os.environ if env is None else env
    config_path = Path(path or env.get(CONFIG_ENV) or DEFAULT_CONFIG)
    app = load_app_config(config_path)
    return Settings(config_path=str(config_path), app=app, secrets=Secrets.from_env(env))


def load_app_config(path: Path) -> AppConfig:
    """Read and validate app.yaml; every problem becomes a ConfigError naming file and key."""
    data = read_yaml(path)
    try:
        return AppConfig(**data)
    except ValidationError as exc:
        raise ConfigError(describe_errors(path, exc)) from None


def describe_errors(path: Path, exc: ValidationError) -> str:
    lines = []
    for err in exc.errors():
        key = ".".join(str(part) for part in err["loc"]) or "(top level)"
        lines.append(f"{path}: key '{key}': {err['msg']}")
    return "\n".join(lines)
