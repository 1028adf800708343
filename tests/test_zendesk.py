"""The zenpy adapter against the local fake: shapes, paging, faults, auth, writing back."""

from __future__ import annotations

import pytest

from bot.config import Secrets, Zendesk
from bot.zendesk import ZendeskAuthError, ZendeskError, ZendeskNotFound, ZendeskSource, make_client
from tests.fake_zendesk import EMAIL, OAUTH, PASSWORD, T0, FakeZendesk

pytestmark = pytest.mark.usefixtures("fake_zendesk")


def source(
    sleeps: list[float] | None = None, timeout: float = 5.0, **secrets: str
) -> ZendeskSource:
    creds = secrets or {"zendesk_email": EMAIL, "zendesk_password": PASSWORD}
    client = make_client(Zendesk(), Secrets(**creds), timeout=timeout)
    record = sleeps if sleeps is not None else []
    return ZendeskSource(client, attempts=3, backoff=0.01, sleep=record.append, jitter=lambda: 0.0)


def test_lists_newest_first_and_converts_to_our_models(fake_zendesk: FakeZendesk) -> None:
    from datetime import timedelta

    fake_zendesk.add_request(1, "Certificate renewal", "old", T0)
    fake_zendesk.add_request(2, "New challenge token", "new", T0 + timedelta(hours=1))
    listed = source().changed_since(None)
    assert [(r.id, r.updated_at) for r in listed] == [(2, T0 + timedelta(hours=1)), (1, T0)]
    assert listed[0].subject == "New challenge token" and listed[0].status == "open"
    (comment,) = source().comments(2)
    assert comment.body == "new" and "zd-comment" in (comment.html_body or "")


def test_oauth_token_works_too(fake_zendesk: FakeZendesk) -> None:
    fake_zendesk.add_request(1, "Certificate", "x", T0)
    assert [r.id for r in source(zendesk_oauth_token=OAUTH).changed_since(None)] == [1]


def test_stops_at_since_without_fetching_more_pages(fake_zendesk: FakeZendesk) -> None:
    from datetime import timedelta

    fake_zendesk.per_page = 2
    for i in range(6):
        fake_zendesk.add_request(i + 1, f"Certificate {i}", "x", T0 + timedelta(hours=i))
    all_of_them = source().changed_since(None)
    assert len(all_of_them) == 6 and fake_zendesk.count("/requests.json") == 3
    before = fake_zendesk.count()
    recent = source().changed_since(T0 + timedelta(hours=5))
    assert [r.id for r in recent] == [6]
    assert fake_zendesk.count() - before == 1


@pytest.mark.parametrize("kind", ["500", "badjson", "drop"])
def test_transient_faults_are_retried_with_backoff(fake_zendesk: FakeZendesk, kind: str) -> None:
    fake_zendesk.add_request(1, "Certificate", "x", T0)
    fake_zendesk.fail("/requests.json", kind, times=2)
    sleeps: list[float] = []
    assert [r.id for r in source(sleeps).changed_since(None)] == [1]
    assert sleeps == [0.01, 0.02]


def test_slow_answer_times_out_and_is_retried(fake_zendesk: FakeZendesk) -> None:
    fake_zendesk.add_request(1, "Certificate", "x", T0)
    fake_zendesk.fail("/comments", "slow", delay=1.0)
    sleeps: list[float] = []
    assert len(source(sleeps, timeout=0.3).comments(1)) == 1
    assert len(sleeps) == 1


def test_rate_limit_waits_for_retry_after(fake_zendesk: FakeZendesk) -> None:
    fake_zendesk.add_request(1, "Certificate", "x", T0)
    fake_zendesk.fail("/requests.json", "429", retry_after=1)
    assert [r.id for r in source().changed_since(None)] == [1]
    assert fake_zendesk.count("/requests.json") == 2


def test_persistent_failure_is_a_clear_error(fake_zendesk: FakeZendesk) -> None:
    fake_zendesk.fail("/requests.json", "500", times=10)
    with pytest.raises(ZendeskError, match="HTTP 500 after 3 attempts"):
        source().changed_since(None)


@pytest.mark.parametrize("kind", ["401", "403"])
def test_rejected_credentials_are_final_and_explained(fake_zendesk: FakeZendesk, kind: str) -> None:
    fake_zendesk.fail("/requests.json", kind)
    sleeps: list[float] = []
    with pytest.raises(ZendeskAuthError) as err:
        source(sleeps).changed_since(None)
    assert "ZENDESK_PASSWORD" in str(err.value) and "password access for end users" in str(
        err.value
    )
    assert sleeps == [] and fake_zendesk.count() == 1


def test_wrong_password_is_an_auth_error(fake_zendesk: FakeZendesk) -> None:
    with pytest.raises(ZendeskAuthError):
        source(zendesk_email=EMAIL, zendesk_password="wrong").changed_since(None)


def test_unknown_request_is_not_found(fake_zendesk: FakeZendesk) -> None:
    with pytest.raises(ZendeskNotFound):
        source().request(424242)


def test_malformed_request_is_left_out_not_fatal(fake_zendesk: FakeZendesk) -> None:
    fake_zendesk.add_request(1, "Certificate", "x", T0)
    fake_zendesk.add_request(2, "Certificate", "y", T0)
    fake_zendesk.requests[2]["updated_at"] = "not a date"
    assert [r.id for r in source().changed_since(None)] == [1]


def test_add_comment_puts_it_on_the_request(fake_zendesk: FakeZendesk) -> None:
    fake_zendesk.add_request(1, "Certificate", "please add a record", T0)
    source().add_comment(1, "The records are published on all gov.uk name servers.")
    assert ("PUT", "/api/v2/requests/1.json") in fake_zendesk.calls
    assert fake_zendesk.comments[1][-1]["body"].startswith("The records are published")
