"""Settings from app.yaml plus secrets from the environment; the only reader of os.environ."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated

import dns.exception
import dns.name
import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, YamlConfigSettingsSource

from bot.models import OwnerKind, ZoneOwner

DEFAULT_CONFIG = Path(__file__).resolve().parent.parent / "app.yaml"
CONFIG_ENV = "CERT_TICKET_CONFIG"


class ConfigError(Exception):
    """The configuration file or the environment is unusable; the message names file and key."""


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def absolute_name(value: str) -> str:
    """Normalise a DNS name to lower case with a trailing dot (dnspython does the checking)."""
    try:
        return dns.name.from_text(value).to_text().lower()
    except dns.exception.DNSException as exc:
        raise ValueError(f"not a DNS name: {value!r} ({exc})") from exc


DnsName = Annotated[str, AfterValidator(absolute_name)]


class ZoneEntry(Section):
    apex: DnsName
    kind: OwnerKind
    name: str
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

    suffixes: tuple[DnsName, ...] = Field(("gov.uk.",), min_length=1)
    zones: tuple[ZoneEntry, ...] = ()
    jisc: Jisc = Jisc()
    hostmaster: Hostmaster = Hostmaster()
    tickets: Tickets = Tickets()
    slack: Slack = Slack()
    zendesk: Zendesk = Zendesk()
    dns: Dns = Dns()
    poll_interval_seconds: int = Field(300, ge=30, le=86400)
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
    if not path.is_file():
        raise ConfigError(f"{path}: configuration file not found")
    try:
        data = YamlConfigSettingsSource(AppConfig, yaml_file=path)()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark else ""
        problem = getattr(exc, "problem", None) or exc
        raise ConfigError(f"{path}:{where}: not valid YAML ({problem})") from None
    except (TypeError, ValueError):
        raise ConfigError(f"{path}: the top level must be a mapping of keys") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read the configuration file ({exc.strerror})") from None
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
