"""Wiring for `python -m bot run`: check everything, start Slack and the poller, stop cleanly."""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from slack_bolt import App
from slack_sdk.errors import SlackApiError

from bot.budget import TriageRunner, Unreadable
from bot.config import AppConfig, ConfigError, Settings
from bot.deps import Deps
from bot.models import Ticket
from bot.poller import PollReport, TicketEvent, is_outage, poll_once
from bot.service import Health, run_poller
from bot.slack_app import create_app
from bot.slack_post import SlackPoster, is_transient, make_web_client
from bot.store import Store
from bot.worker import FinderSpec
from bot.zendesk import ZendeskAuthError, ZendeskError, ZendeskSource, make_client

log = logging.getLogger(__name__)


def retry_later(exc: BaseException) -> bool:
    """Outages of Zendesk, Slack or the network: retried every poll, never given up."""
    return is_outage(exc) or is_transient(exc)


class StartupError(Exception):
    """The bot cannot start; the message says what to fix (exit code 2)."""


@dataclass(frozen=True)
class RunOptions:
    http: bool = False
    port: int = 3000
    host: str = "0.0.0.0"
    state: str | None = None
    poll_interval: float | None = None


def check_secrets(settings: Settings, options: RunOptions) -> bool:
    """Which mode to run in (Socket Mode unless --http or no app token); raises if a secret
    that mode needs is missing."""
    secrets = settings.secrets
    secrets.require("slack_bot_token")
    socket_mode = secrets.slack_app_token is not None and not options.http
    if not socket_mode:
        secrets.require("slack_signing_secret")
    if not settings.app.slack.channel:
        raise ConfigError(f"{settings.config_path}: key 'slack.channel' must be set to run")
    return socket_mode


def run(
    settings: Settings, options: RunOptions, spec: FinderSpec, stop: threading.Event | None = None
) -> int:
    """Start-up checks, then Slack (Socket Mode or HTTP) and the poll loop until SIGTERM/SIGINT.

    Every ticket is triaged in a worker process within its budget (`bot.budget`), whether
    the poll loop, `/cert-ticket` or "Re-check DNS" asks; `spec` says how a worker builds
    its DNS finder.
    """
    app = settings.app
    socket_mode = check_secrets(settings, options)
    zendesk = ZendeskSource(make_client(app.zendesk, settings.secrets, timeout=app.zendesk.timeout))
    client = make_web_client(settings)
    store = Store(options.state or app.state_path, app.zendesk.initial_lookback_days)
    poster = SlackPoster(client, store, app.slack.channel)
    runner = TriageRunner(app, spec)
    finder = spec.build(app)  # for `/cert-ticket check`: names only, no ticket text
    try:
        _startup_checks(poster, zendesk, app.slack.channel)
        stop = stop or threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        interval = options.poll_interval or app.poll_interval_seconds
        health = Health(interval=interval)
        deps = Deps(
            app_config=app, poster=poster, zendesk=zendesk, finder=lambda: finder, runner=runner
        )
        bolt = create_app(settings, deps, client)
        close = _start_slack(bolt, settings, options, socket_mode, health)
        log.info(
            "cert-ticket ready",
            extra={"event": "ready", "mode": "socket" if socket_mode else "http"},
        )

        poller = threading.Thread(
            target=run_poller,
            name="poller",
            kwargs={
                "poll": make_poll(zendesk, store, poster, runner, app),
                "interval": interval,
                "stop": stop,
                "health": health,
            },
        )
        poller.start()
        stop.wait()
        log.info("stopping", extra={"event": "stopping"})
        poller.join(timeout=60)  # finish the current cycle; its writes are transactions either way
        close()
        deps.work.shutdown(wait=True, cancel_futures=True)  # running work ends before the store
        return 0
    finally:
        runner.close()
        store.close()


def make_poll(
    zendesk: ZendeskSource,
    store: Store,
    poster: SlackPoster,
    runner: TriageRunner,
    app: AppConfig,
    clock: Callable[[], datetime] = lambda: datetime.now(UTC),
) -> Callable[[], PollReport]:
    """One poll cycle as `run` does it: each ticket triaged by `runner` within its budget
    and posted, or posted as unreadable; outages retried next cycle."""

    def handle(event: TicketEvent) -> None:
        poster.deliver(event.ticket, runner.triage(event.ticket))

    def unreadable(ticket: Ticket, reason: str) -> None:
        poster.publish_unreadable(ticket, Unreadable(reason=reason))

    def poll() -> PollReport:
        return poll_once(
            zendesk,
            store,
            handle,
            app=app,
            now=clock(),
            is_transient=retry_later,
            post_unreadable=unreadable,
        )

    return poll


def _startup_checks(poster: SlackPoster, zendesk: ZendeskSource, channel: str) -> None:
    try:
        poster.client.auth_test()
    except SlackApiError as exc:
        raise StartupError(
            f"Slack rejected SLACK_BOT_TOKEN ({exc.response.get('error')})"
        ) from None
    try:
        found = poster.reconcile()
    except SlackApiError as exc:
        error = exc.response.get("error")
        raise StartupError(
            f"Slack channel {channel} cannot be read ({error}): check slack.channel in app.yaml "
            "and invite the bot to the channel (/invite @cert-ticket)"
        ) from None
    if found:
        log.warning("recorded %d post(s) the store had lost", found, extra={"event": "reconciled"})
    try:
        zendesk.changed_since(datetime.now(UTC))
    except ZendeskAuthError as exc:
        raise StartupError(str(exc)) from None
    except ZendeskError as exc:
        log.warning(
            "Zendesk is not answering at start-up: %s", exc, extra={"event": "zendesk_down"}
        )


def _start_slack(
    bolt: App, settings: Settings, options: RunOptions, socket_mode: bool, health: Health
) -> Callable[[], None]:
    """Connect Socket Mode or start the HTTP server; returns how to stop it."""
    if socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        token = settings.secrets.slack_app_token
        assert token is not None  # check_secrets chose Socket Mode because it is set
        handler = SocketModeHandler(bolt, token.get_secret_value())
        handler.connect()  # non-blocking: the poll loop runs on this thread
        return handler.close
    from bot.http_mode import serve

    server = serve(bolt, lambda: health.report(datetime.now(UTC)), options.host, options.port)
    log.info("listening", extra={"event": "listening", "port": server.server_address[1]})

    def close() -> None:
        server.shutdown()
        server.server_close()

    return close
