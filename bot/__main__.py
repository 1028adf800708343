"""Command line: `python -m bot triage|check|...`; wiring only, the work happens in the modules."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from bot.budget import TriageRunner, Unreadable
from bot.config import AppConfig, ConfigError, Settings, load_settings
from bot.models import Ticket, Triage
from bot.render import to_json, to_terminal
from bot.ticketfile import read_ticket_file
from bot.triage import triage
from bot.worker import FinderSpec
from bot.zones import ZoneFinder

if TYPE_CHECKING:
    from bot.poller import TicketEvent

log = logging.getLogger("bot")


class UsageError(Exception):
    """Bad command-line input (exit code 2)."""


def parse_nameserver(text: str) -> tuple[str, int]:
    """HOST[:PORT], or [IPv6]:PORT; the port defaults to 53."""
    host, port = text, "53"
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest.lstrip(":") or "53"
    elif text.count(":") == 1:
        host, port = text.split(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise UsageError(f"--nameserver: expected HOST[:PORT], got {text!r}")
    return host, int(port)


def finder_spec(nameserver: str | None, offline: bool) -> FinderSpec:
    """Directory only with --offline; otherwise live DNS with the directory as fallback."""
    return FinderSpec(server=parse_nameserver(nameserver) if nameserver else None, offline=offline)


def make_finder(app: AppConfig, nameserver: str | None, offline: bool) -> ZoneFinder:
    return finder_spec(nameserver, offline).build(app)


def cmd_triage(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    stdin_text = sys.stdin.read() if args.file == "-" else None
    try:
        ticket = read_ticket_file(
            args.file, settings.app.zendesk, stdin_text, settings.app.trust.vendor_organization_ids
        )
    except OSError as exc:
        raise UsageError(f"{args.file}: cannot read the ticket ({exc.strerror})") from None
    finder = make_finder(settings.app, args.nameserver, args.offline)
    result = triage(ticket, finder, settings.app)
    if args.json:
        json.dump(to_json(result), out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(to_terminal(result))
    return 0


def cmd_check(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from bot.namecheck import check_names, render_check

    finder = make_finder(settings.app, args.nameserver, offline=False)
    results = check_names(args.names, finder, settings.app)
    if args.json:
        json.dump(results, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(render_check(results))
    return 0


def cmd_poll(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from datetime import UTC, datetime

    from bot.poller import poll_once
    from bot.store import Store
    from bot.zendesk import ZendeskError, ZendeskSource, make_client

    if not args.once:
        raise UsageError("poll: only --once is supported here; `run` keeps polling")
    app = settings.app
    if not args.dry_run:
        settings.secrets.require("slack_bot_token")
        if not app.slack.channel:
            raise ConfigError(f"{settings.config_path}: key 'slack.channel' must be set to post")
    client = make_client(app.zendesk, settings.secrets, timeout=app.zendesk.timeout)
    runner = TriageRunner(app, finder_spec(args.nameserver, args.offline))

    def show(event: TicketEvent) -> None:
        print_outcome(event, runner.triage(event.ticket), args.json, out)

    def show_unreadable(ticket: Ticket, reason: str) -> None:
        out.write(f"ticket {ticket.id}: could not read this ticket: {reason}; {ticket.url}\n")

    store = Store(args.state or app.state_path, app.zendesk.initial_lookback_days)
    handler, unreadable = show, show_unreadable
    if not args.dry_run:
        from bot.slack_post import SlackPoster, make_web_client

        poster = SlackPoster(make_web_client(settings), store, app.slack.channel)
        poster.reconcile()  # posts the store lost (a crash right after posting) are known again

        def handler(event: TicketEvent) -> None:
            poster.deliver(event.ticket, runner.triage(event.ticket))

        def unreadable(ticket: Ticket, reason: str) -> None:
            poster.publish_unreadable(ticket, Unreadable(reason=reason))

    try:
        from bot.run import retry_later

        report = poll_once(
            ZendeskSource(client),
            store,
            handler,
            app=app,
            now=datetime.now(UTC),
            is_transient=retry_later,
            post_unreadable=unreadable,
        )
    except ZendeskError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    finally:
        runner.close()
        store.close()
    log.info(
        "poll: listed=%d handled=%s skipped=%s failed=%s unreadable=%s given_up=%s watermark=%s",
        report.listed,
        report.handled,
        report.skipped,
        report.failed,
        report.unreadable,
        report.given_up,
        report.watermark,
    )
    return 0


def print_outcome(
    event: TicketEvent, outcome: Triage | Unreadable, as_json: bool, out: TextIO
) -> None:
    """`poll --dry-run`: the triage of one ticket version, or why it could not be read."""
    if as_json:
        line: dict[str, object] = {
            "event": "new" if event.first_seen else "updated",
            "request_id": event.request.id,
            "updated_at": event.request.updated_at.isoformat(),
            "new_comment_ids": list(event.new_comment_ids),
        }
        if isinstance(outcome, Unreadable):
            line["unreadable"] = outcome.model_dump(mode="json")
        else:
            line["triage"] = to_json(outcome)
        out.write(json.dumps(line, ensure_ascii=False) + "\n")
    elif isinstance(outcome, Unreadable):
        t = event.ticket
        out.write(f"ticket {t.id}: could not read this ticket: {outcome.reason}; {t.url}\n")
    else:
        out.write(to_terminal(outcome) + "\n")
    out.flush()


def cmd_run(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from bot.run import RunOptions, StartupError, run
    from bot.service import setup_logging

    setup_logging(logging.DEBUG if args.verbose else logging.INFO, settings.secrets.values())
    options = RunOptions(
        http=args.http,
        port=args.port,
        host=args.host,
        state=args.state,
        poll_interval=args.poll_interval,
    )
    try:
        return run(settings, options, finder_spec(args.nameserver, args.offline))
    except StartupError as exc:
        raise UsageError(f"cannot start: {exc}") from None


def cmd_manifest(args: argparse.Namespace, settings: Settings, out: TextIO) -> int:
    from bot.manifest import manifest_yaml

    out.write(manifest_yaml(settings.app, request_url=args.request_url))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--config", help="path to app.yaml (default: $CERT_TICKET_CONFIG or app.yaml)"
        )
        p.add_argument("--json", action="store_true", help="machine-readable output")
        p.add_argument("--nameserver", help="send every DNS query to HOST[:PORT]")

    p = sub.add_parser("triage", help="triage one ticket from a text, HTML or .eml file, or -")
    common(p)
    p.add_argument("--offline", action="store_true", help="no DNS queries: zones from app.yaml")
    p.add_argument("file", help="ticket file, or - for standard input")
    p.set_defaults(run=cmd_triage)

    p = sub.add_parser("check", help="zone verdict and current records for names")
    common(p)
    p.add_argument("names", nargs="+", metavar="NAME")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("poll", help="one poll cycle of the vendor's Zendesk")
    common(p)
    p.add_argument("--once", action="store_true", help="one cycle, then exit")
    p.add_argument("--dry-run", action="store_true", help="print triage instead of posting")
    p.add_argument("--state", help="state file (default: state_path in app.yaml)")
    p.add_argument("--offline", action="store_true", help="no DNS queries: zones from app.yaml")
    p.set_defaults(run=cmd_poll)

    p = sub.add_parser("run", help="the bot: poller + Slack app (Socket Mode, or HTTP with --http)")
    p.add_argument("--config", help="path to app.yaml")
    p.add_argument("--state", help="state file (default: state_path in app.yaml)")
    p.add_argument("--http", action="store_true", help="HTTP mode even if SLACK_APP_TOKEN is set")
    p.add_argument("--port", type=int, default=3000, help="HTTP mode port (default 3000)")
    p.add_argument("--host", default="0.0.0.0", help="HTTP mode address (default 0.0.0.0)")
    p.add_argument("--nameserver", help="send every DNS query to HOST[:PORT]")
    p.add_argument("--offline", action="store_true", help="no DNS queries: zones from app.yaml")
    p.add_argument("--poll-interval", type=float, help="seconds between polls (overrides app.yaml)")
    p.set_defaults(run=cmd_run)

    p = sub.add_parser("manifest", help="print the Slack app manifest (YAML)")
    p.add_argument("--config", help="path to app.yaml")
    p.add_argument(
        "--request-url", help="HTTP mode: https://HOST/slack/events (omit for Socket Mode)"
    )
    p.set_defaults(run=cmd_manifest)
    return parser


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    try:
        settings = load_settings(getattr(args, "config", None))
        return args.run(args, settings, out)
    except (ConfigError, UsageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception:
        log.exception("unexpected failure")
        return 1


if __name__ == "__main__":
    sys.exit(main())
