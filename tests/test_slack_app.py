"""The Slack app end to end: signed HTTP requests to Bolt, the fake Web API records the calls."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot import blocks
from bot.budget import TriageRunner
from bot.config import AppConfig, Dns
from bot.models import Ticket
from bot.triage import triage
from bot.worker import FinderSpec
from tests.fake_slack import FakeSlack
from tests.fake_zendesk import T0, FakeZendesk
from tests.hostile import shapes
from tests.slack_harness import CHANNEL, USER, Harness, finder_for, harness, settings_for

CNAME = "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."
EVIL = "Hi <!channel> and <@U123>, see <https://evil.example|gov.uk> & <!here>"


@pytest.fixture
def h(
    app: AppConfig, fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> Iterator[Harness]:
    fake_zendesk.add_request(
        56001, "New challenge token for www.gov.uk", f"GlobalSign needs:\n{CNAME}", T0
    )
    fake_zendesk.add_request(
        56066,
        f"Certificate {EVIL}",
        f"{EVIL}\n_acme-challenge.gov.uk. CNAME x.fastly-validations.com.\ngov.uk. 300 IN A <!channel>",
        T0,
    )
    yield from harness(settings_for(app, fake_slack), fake_slack, fake_zendesk, tmp_path)


def posted_text(call_body: dict) -> str:
    return json.dumps(call_body.get("blocks", [])) + call_body.get("text", "")


def test_command_acks_at_once_then_posts_the_triage(h: Harness) -> None:
    started = time.monotonic()
    status, body = h.command("56001")
    assert status == 200 and "Looking up ticket 56001" in body
    assert time.monotonic() - started < 3
    (post,) = h.slack.wait_for("chat.postMessage")
    assert post.body["channel"] == CHANNEL
    assert post.body["metadata"] == {
        "event_type": blocks.EVENT_TYPE,
        "event_payload": {"ticket_id": "56001", "updated_at": "2026-11-20T09:00:00+00:00"},
    }
    shown = posted_text(post.body)
    assert "_acme-challenge.www.gov.uk. CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com." in shown
    assert "https://fastly.zendesk.com/hc/requests/56001" in shown
    actions = next(b for b in post.body["blocks"] if b["type"] == "actions")["elements"]
    assert [a["action_id"] for a in actions] == [
        blocks.DRAFT_JISC,
        blocks.JISC_SENT,
        blocks.RECHECK_DNS,
        blocks.REPLY_FASTLY,
    ]
    (answer,) = h.slack.wait_for("/respond/1")
    assert answer.body["response_type"] == "ephemeral" and f"<#{CHANNEL}>" in answer.body["text"]
    assert h.store.post_of(56001) == (CHANNEL, post.body and h.slack.messages[-1]["ts"])


def test_second_command_updates_instead_of_posting_again(h: Harness) -> None:
    h.command("56001")
    h.slack.wait_for("/respond/1")
    h.command("https://fastly.zendesk.com/hc/en-gb/requests/56001")
    h.slack.wait_for("/respond/1", 2)
    assert len(h.slack.of("chat.postMessage")) == 1
    assert len(h.slack.of("chat.update")) == 1


@pytest.mark.parametrize(
    "text",
    ["help", "", "frobnicate the zone", "check", "\u00b2", "https://evil.example/hc/requests/1"],
)
def test_help_and_bad_input_get_usage(h: Harness, text: str) -> None:
    status, body = h.command(text)
    assert status == 200 and "/cert-ticket check www.gov.uk" in body
    assert h.slack.of("chat.postMessage") == []


def test_check_answers_with_zone_and_owner(h: Harness) -> None:
    h.command("check _acme-challenge.www.gov.uk")
    (answer,) = h.slack.wait_for("/respond/1")
    assert "zone `gov.uk.`" in answer.body["text"] and "needs Jisc" in answer.body["text"]


def test_list_shows_posted_tickets(h: Harness) -> None:
    h.command("56001")
    h.slack.wait_for("/respond/1")
    h.command("list")
    answers = h.slack.wait_for("/respond/1", 2)
    assert "#56001" in answers[1].body["text"]


def test_unknown_ticket_and_zendesk_down_are_clear_ephemeral_answers(h: Harness) -> None:
    h.command("99999")
    (answer,) = h.slack.wait_for("/respond/1")
    assert "no request 99999" in answer.body["text"]
    h.zendesk.fail("/requests/56001", "500", times=5)
    h.command("56001")
    answers = h.slack.wait_for("/respond/1", 2)
    assert "not answering" in answers[1].body["text"]
    assert h.slack.of("chat.postMessage") == []


def test_forged_and_replayed_requests_are_refused(h: Harness) -> None:
    assert h.command("help", secret="not-the-secret")[0] == 401
    assert h.command("help", ts=str(int(time.time()) - 6 * 60))[0] == 401


def test_other_channels_are_refused_politely(h: Harness) -> None:
    status, body = h.command("56001", channel="C0ELSEWHERE")
    assert status == 200 and "only works in its own channel" in body
    time.sleep(0.3)
    assert h.slack.of("chat.postMessage") == []


def test_ticket_text_cannot_ping_or_spoof_links(h: Harness) -> None:
    h.command("56066")
    (post,) = h.slack.wait_for("chat.postMessage")
    shown = posted_text(post.body)
    for raw in ("<!channel>", "<@U123>", "<https://evil.example|gov.uk>", "<!here>"):
        assert raw not in shown
    assert "\\u2039https://evil.example|gov.uk\\u203a" in shown  # header: plain text, look-alikes
    assert "A &lt;!channel&gt;" in shown  # a flag quoting the bad record: mrkdwn, escaped


def posted(h: Harness, rid: int = 56001) -> None:
    h.command(str(rid))
    h.slack.wait_for("/respond/1")


def test_draft_jisc_email_opens_a_prefilled_modal(h: Harness) -> None:
    posted(h)
    status, _ = h.click(blocks.DRAFT_JISC, 56001)
    assert status == 200
    (opened,) = h.slack.wait_for("views.open")
    view = opened.body["view"]
    assert opened.body["trigger_id"] == "trigger-1" and view["callback_id"] == blocks.JISC_VIEW
    fields = {
        b["block_id"]: b["element"].get("initial_value")
        for b in view["blocks"]
        if b["type"] == "input"
    }
    assert fields["to"] == "naming@ja.net"
    assert "DNS change request" in fields["subject"]
    assert (
        "_acme-challenge.www.gov.uk. 300 IN CNAME k4v7qh2m9xw3zt8pld.fastly-validations.com."
        in fields["body"]
    )


def test_jisc_draft_validation_errors_go_back_into_the_modal(h: Harness) -> None:
    posted(h)
    meta = {"request_id": "56001", "channel": CHANNEL, "ts": h.store.post_of(56001)[1]}
    status, body = h.submit(
        blocks.JISC_VIEW, {"to": "not an address", "cc": "", "subject": "", "body": "x"}, meta
    )
    assert status == 200
    errors = json.loads(body)
    assert errors["response_action"] == "errors" and set(errors["errors"]) == {"to", "subject"}


def test_submitted_draft_is_posted_in_the_thread_with_mailto(h: Harness) -> None:
    posted(h)
    ts = h.store.post_of(56001)[1]
    meta = {"request_id": "56001", "channel": CHANNEL, "ts": ts}
    values = {
        "to": "naming@ja.net",
        "cc": "team-domains@example.gov.uk",
        "subject": "DNS change",
        "body": "Please add <this>",
    }
    status, _ = h.submit(blocks.JISC_VIEW, values, meta)
    assert status == 200
    thread = h.slack.wait_for("chat.postMessage", 2)[1]
    assert thread.body["thread_ts"] == ts
    shown = json.dumps(thread.body["blocks"])
    assert "Please add &lt;this&gt;" in shown and f"<@{USER}>" in shown
    button = next(b for b in thread.body["blocks"] if b["type"] == "actions")["elements"][0]
    assert button["url"].startswith(
        "mailto:naming@ja.net?subject=DNS%20change&cc=team-domains@example.gov.uk&body="
    )
    assert h.store.last_action(56001, "jisc_drafted")[0] == USER


def test_jisc_request_sent_is_recorded_and_shown(h: Harness) -> None:
    posted(h)
    h.click(blocks.JISC_SENT, 56001)
    (update,) = h.slack.wait_for("chat.update")
    shown = json.dumps(update.body["blocks"])
    assert f"Jisc request sent by <@{USER}>" in shown
    assert blocks.JISC_SENT not in shown  # the button is gone once done


def test_reply_to_fastly_adds_a_zendesk_comment(h: Harness) -> None:
    posted(h)
    h.click(blocks.REPLY_FASTLY, 56001)
    (opened,) = h.slack.wait_for("views.open")
    body = next(b for b in opened.body["view"]["blocks"] if b["type"] == "input")["element"][
        "initial_value"
    ]
    assert "_acme-challenge.www.gov.uk." in body
    meta = json.loads(opened.body["view"]["private_metadata"])
    h.submit(blocks.REPLY_VIEW, {"body": "Requested from the registry today."}, meta)
    thread = h.slack.wait_for("chat.postMessage", 2)[1]
    assert "Reply added to" in thread.body["text"] and "requests/56001" in thread.body["text"]
    assert h.zendesk.comments[56001][-1]["body"] == "Requested from the registry today."


def test_buttons_refuse_people_outside_the_usergroup(
    app: AppConfig, fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> None:
    fake_zendesk.add_request(56001, "Certificate renewal", CNAME, T0)
    fake_slack.usergroup_members = ["U0MEMBER"]
    gen = harness(
        settings_for(app, fake_slack, allowed_usergroup="S0TEAM"),
        fake_slack,
        fake_zendesk,
        tmp_path,
    )
    h = next(gen)
    try:
        h.command("56001", user="U0MEMBER")
        fake_slack.wait_for("chat.postMessage")
        h.click(blocks.JISC_SENT, 56001, user="U0STRANGER")
        (refusal,) = fake_slack.wait_for("/respond/2")
        assert "only works" in refusal.body["text"] and refusal.body["response_type"] == "ephemeral"
        assert fake_slack.of("chat.update") == []
    finally:
        next(gen, None)


def test_slow_zendesk_never_starves_the_acks(h: Harness) -> None:
    """Bolt acks on a 5-thread pool; slow work queued there made later acks miss Slack's 3 s."""
    for i in range(8):
        h.zendesk.add_request(56100 + i, "Certificate renewal", CNAME, T0)
    # Each lookup now takes 2 x 1.6 s (request, comments): done on Bolt's 5 threads, the 6th
    # ack would wait for one of them past Slack's 3 s and Bolt would fail the request.
    h.zendesk.delay = 1.6
    answers = [h.command(str(56100 + i)) for i in range(8)]
    assert all(status == 200 and "Looking up ticket" in body for status, body in answers)
    h.zendesk.delay = 0.0


def test_repeated_command_for_a_ticket_in_flight_is_coalesced(h: Harness) -> None:
    h.zendesk.delay = 1.0
    h.command("56001")
    h.command("56001")
    answers = h.slack.wait_for("/respond/1", 2)
    assert any("Already looking up ticket 56001" in a.body["text"] for a in answers)
    h.zendesk.delay = 0.0
    assert len(h.slack.wait_for("chat.postMessage")) == 1


HOSTILE = shapes(2_000_000)["open cells"]  # about 2 s to read: past the 0.5 s budget below
URL = "https://fastly.zendesk.com/hc/requests/56001"


@pytest.fixture
def tight(
    app: AppConfig, fake_slack: FakeSlack, fake_zendesk: FakeZendesk, tmp_path: Path
) -> Iterator[Harness]:
    """The app with a 0.5 s budget per ticket, and a hostile ticket on Zendesk."""
    fake_zendesk.add_request(56001, "Certificate renewal", CNAME, T0)
    fake_zendesk.add_request(66001, "Certificate <!here>", HOSTILE, T0, html=HOSTILE)
    runner = TriageRunner(app, FinderSpec(offline=True), timeout=0.5)
    settings = settings_for(app, fake_slack)
    yield from harness(settings, fake_slack, fake_zendesk, tmp_path, runner=runner)


def test_command_on_an_unreadable_ticket_says_so_and_posts_it_once(tight: Harness) -> None:
    status, body = tight.command("66001")
    assert status == 200 and "Looking up ticket 66001" in body
    (answer,) = tight.slack.wait_for("/respond/1")
    assert answer.body["text"] == (
        "Ticket 66001: could not read this ticket: it took longer than its 0.5 s budget "
        "(stopped while reading the ticket); read it on Zendesk: "
        f"<https://fastly.zendesk.com/hc/requests/66001|Zendesk request 66001>. Posted in <#{CHANNEL}>."
    )
    (post,) = tight.slack.wait_for("chat.postMessage")
    assert "Could not read this ticket" in posted_text(post.body)
    assert "<!here>" not in posted_text(post.body)
    for sent in range(2, 40):  # asked again once the first lookup has let go of the ticket
        tight.command("66001")
        again = tight.slack.wait_for("/respond/1", sent)[-1].body["text"]
        if not again.startswith("Already looking up"):  # (it may still be finishing, under load)
            break
        time.sleep(0.25)
    assert again == answer.body["text"]  # says the same again
    assert len(tight.slack.of("chat.postMessage")) == 1 and len(tight.slack.of("chat.update")) == 1


def test_a_recheck_past_its_budget_says_so_and_keeps_the_message(
    app: AppConfig,
    fake_slack: FakeSlack,
    fake_zendesk: FakeZendesk,
    tmp_path: Path,
    silent_server: str,
) -> None:
    """Re-check DNS goes through the budget too: here DNS stops answering after the post."""
    host, port = silent_server.split(":")
    slow = app.model_copy(update={"dns": Dns(timeout=2.0, lifetime=8.0)})
    runner = TriageRunner(slow, FinderSpec(server=(host, int(port))), timeout=0.5)
    gen = harness(settings_for(app, fake_slack), fake_slack, fake_zendesk, tmp_path, runner=runner)
    h = next(gen)
    try:
        ticket = Ticket(id="56001", subject="Certificate renewal", text=CNAME, url=URL)
        h.poster.publish(ticket, triage(ticket, finder_for(app), app))  # DNS answered then
        h.click(blocks.RECHECK_DNS, 56001)
        (said,) = fake_slack.wait_for("/respond/2")
        assert said.body["text"] == (
            "Not re-checked: it took longer than its 0.5 s budget "
            "(stopped while looking up DNS for 1 record)"
        )
        assert fake_slack.of("chat.update") == []  # the message keeps the triage it had
    finally:
        next(gen, None)
