"""Webhooks against real HTTP servers on 127.0.0.1: signing, filtering, retries, replay, lanes."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from cms.api import webhooks
from cms.api.models import WebhookDelivery, WebhookSubscription
from cms.vocabularies.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
Status = WebhookDelivery.Status


class Receiver(ThreadingHTTPServer):
    """A partner endpoint: records each request and answers with the next queued status."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.requests: list[dict] = []
        self.statuses: list[int] = []
        #: Seconds each answer takes (a slow partner endpoint).
        self.delay = 0.0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/eduverkko"


class ReceiverHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        arrived = time.monotonic()
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append({"headers": dict(self.headers), "body": body, "at": arrived})
        time.sleep(self.server.delay)
        status = self.server.statuses.pop(0) if self.server.statuses else 204
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args) -> None:
        """Keep the test output clean."""


@contextmanager
def serving():
    server = Receiver()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def receiver():
    with serving() as server:
        yield server


@pytest.fixture
def commit_only(django_capture_on_commit_callbacks):
    """Commit the editor's transaction (its events become deliveries then); send nothing."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def commit(commit_only):
    """Commit, then let the delivery loop send everything due, as its process would."""

    @contextmanager
    def committed():
        with commit_only():
            yield
        webhooks.deliver_due()

    return committed


@pytest.fixture
def make_publication(make_publication, commit, commit_only):
    """Publish a publication and deliver its events; ``.undelivered`` only publishes."""

    def make(**fields):
        with commit():
            return make_publication(**fields)

    def undelivered(**fields):
        with commit_only():
            return make_publication(**fields)

    make.undelivered = undelivered
    return make


def retries_due_now() -> None:
    """Let the backoff pass: every waiting retry is due."""
    WebhookDelivery.objects.filter(status=Status.RETRYING).update(next_attempt_at=timezone.now())


@pytest.fixture
def subscription(receiver):
    return WebhookSubscription.objects.create(
        name="Kuntaportaali",
        organisation=OrganisationFactory(),
        url=receiver.url,
        secret=SECRET,
    )


SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"


def header(request: dict, name: str) -> str:
    """A request header by name, whatever its case (urllib capitalises the first letter)."""
    return {key.lower(): value for key, value in request["headers"].items()}[name.lower()]


def verify(request: dict, secret: str) -> bool:
    """What a partner does: verify with the Standard Webhooks reference library (PyPI)."""
    headers = {name.lower(): value for name, value in request["headers"].items()}
    try:
        Webhook(secret).verify(request["body"], headers)
    except WebhookVerificationError:
        return False
    return True


def test_publish_posts_a_signed_event(client, receiver, subscription, make_publication):
    publication = make_publication()

    (request,) = receiver.requests
    assert verify(request, SECRET)
    assert not verify(request, "whsec_" + "A" * 32)
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["headers"]["X-Eduverkko-Event"] == "published"
    # A new subscription gets only the standard headers.
    assert "X-Eduverkko-Signature" not in request["headers"]
    payload = json.loads(request["body"])
    event = client.get("/api/v1/changes/").json()["items"][0]
    assert header(request, "webhook-id") == f"evt_{event['event_id']}"
    assert payload == {
        "event_id": event["event_id"],
        "cursor": event["cursor"],
        "event": "published",
        "id": publication.pk,
        "translation_key": str(publication.translation_key),
        "type": "publications",
        "locale": "fi",
        "at": payload["at"],
    }
    delivery = WebhookDelivery.objects.get()
    assert request["headers"]["X-Eduverkko-Delivery"] == str(delivery.pk)
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        Status.SUCCEEDED,
        1,
        204,
    )
    assert delivery.delivered_at is not None


def test_unpublish_and_delete_are_sent(receiver, subscription, make_publication, commit):
    publication = make_publication()
    with commit():
        publication.unpublish()
    with commit():
        publication.delete()

    sent = [json.loads(request["body"])["event"] for request in receiver.requests]
    assert sent == ["published", "unpublished", "deleted"]


def test_subscription_filters_types_and_locales(
    receiver, subscription, make_publication, make_event, translate_page, commit
):
    subscription.locales = "sv"
    subscription.save()
    other = WebhookSubscription.objects.create(
        name="Tapahtumat", organisation=subscription.organisation, url=receiver.url, types="events"
    )
    publication = make_publication()
    with commit():
        swedish = translate_page(publication, "sv", title="Publikation")

    (request,) = receiver.requests
    assert json.loads(request["body"])["id"] == swedish.pk
    assert not other.deliveries.exists()

    with commit():
        event = make_event()
    assert [delivery.payload["id"] for delivery in other.deliveries.all()] == [event.pk]


def test_failures_are_retried_with_exponential_backoff(receiver, subscription, make_publication):
    receiver.statuses = [500, 503]
    make_publication()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        Status.RETRYING,
        1,
        500,
    )
    first_wait = delivery.next_attempt_at - delivery.last_attempt_at
    assert first_wait == dt.timedelta(seconds=30)
    # Not due yet: the loop leaves it.
    webhooks.deliver_due()
    assert len(receiver.requests) == 1

    retries_due_now()
    webhooks.deliver_due()
    delivery.refresh_from_db()
    assert delivery.status == Status.RETRYING
    assert delivery.next_attempt_at - delivery.last_attempt_at == dt.timedelta(seconds=60)
    assert "503" in delivery.error

    retries_due_now()
    webhooks.deliver_due()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.SUCCEEDED, 3)
    assert len(receiver.requests) == 3
    # Each try is signed afresh and verifies.
    assert all(verify(request, SECRET) for request in receiver.requests)


def test_gives_up_after_the_last_attempt(receiver, subscription, make_publication):
    receiver.statuses = [500] * webhooks.MAX_ATTEMPTS
    make_publication()
    delivery = WebhookDelivery.objects.get()
    while delivery.status == Status.RETRYING:
        webhooks.attempt(delivery)

    assert delivery.status == Status.FAILED
    assert delivery.attempts == webhooks.MAX_ATTEMPTS
    assert delivery.next_attempt_at is None
    assert webhooks.retry_delay(7) == dt.timedelta(seconds=30 * 2**6)


def test_unreachable_endpoint_is_logged(subscription, make_publication):
    subscription.url = "http://127.0.0.1:9/closed"
    subscription.save()
    make_publication()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.RETRYING
    assert delivery.response_status is None
    assert delivery.error


def test_redirects_are_not_followed(receiver, subscription, make_publication):
    receiver.statuses = [302]
    make_publication()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_status) == (Status.RETRYING, 302)
    assert len(receiver.requests) == 1


def test_delivery_runs_in_the_delivery_process_not_in_the_editors_request(
    receiver, subscription, make_publication
):
    receiver.statuses = [500]
    make_publication.undelivered()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING and receiver.requests == []

    call_command("deliver_webhooks", "--once")
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.RETRYING, 1)
    assert len(receiver.requests) == 1
    # The retry waits in the table until its time comes.
    call_command("deliver_webhooks", "--once")
    assert len(receiver.requests) == 1
    retries_due_now()
    call_command("deliver_webhooks", "--once")
    assert len(receiver.requests) == 2


def test_admin_replays_a_delivery(admin_client, receiver, subscription, make_publication, commit):
    make_publication()
    original = WebhookDelivery.objects.get()

    confirm = admin_client.get(f"/admin/partner-api/deliveries/replay/{original.pk}/")
    assert confirm.status_code == 200
    with commit():
        response = admin_client.post(f"/admin/partner-api/deliveries/replay/{original.pk}/")

    assert response.status_code == 302
    replayed = WebhookDelivery.objects.exclude(pk=original.pk).get()
    assert replayed.replay_of == original
    assert replayed.status == Status.SUCCEEDED
    assert len(receiver.requests) == 2
    assert receiver.requests[0]["body"] == receiver.requests[1]["body"]
    assert verify(receiver.requests[1], SECRET)
    log = admin_client.get("/admin/partner-api/deliveries/")
    assert log.status_code == 200
    assert f"/admin/partner-api/deliveries/replay/{original.pk}/".encode() in log.content


def test_replay_needs_permission(client, django_user_model, subscription, make_publication):
    make_publication()
    delivery = WebhookDelivery.objects.get()
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    response = client.post(f"/admin/partner-api/deliveries/replay/{delivery.pk}/")

    assert response.status_code in (302, 403)
    assert WebhookDelivery.objects.count() == 1


@pytest.mark.parametrize(
    ("url", "valid"),
    [
        ("https://partner.example.fi/hook", True),
        ("http://127.0.0.1:8000/hook", True),
        ("http://localhost/hook", True),
        ("http://partner.example.fi/hook", False),
        ("ftp://partner.example.fi/hook", False),
    ],
)
def test_endpoint_must_be_https_or_loopback(url, valid):
    subscription = WebhookSubscription(name="x", organisation=OrganisationFactory(), url=url)
    if valid:
        subscription.full_clean()
    else:
        with pytest.raises(ValidationError):
            subscription.full_clean()


@override_settings(PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK=False)
def test_production_refuses_plain_http_even_to_loopback():
    subscription = WebhookSubscription(
        name="x", organisation=OrganisationFactory(), url="http://127.0.0.1/hook"
    )
    with pytest.raises(ValidationError):
        subscription.full_clean()


def test_timestamps_are_recent(receiver, subscription, make_publication):
    make_publication()
    sent_at = int(header(receiver.requests[0], "webhook-timestamp"))
    assert abs(sent_at - timezone.now().timestamp()) < 60


def test_a_subscriber_gets_its_events_in_order_across_retries(
    receiver, subscription, make_publication, commit
):
    receiver.statuses = [500]
    publication = make_publication()
    with commit():
        publication.unpublish()

    first, second = WebhookDelivery.objects.order_by("pk")
    # The unpublish waits behind the failed publish instead of overtaking it.
    assert (first.status, second.status) == (Status.RETRYING, Status.PENDING)
    assert len(receiver.requests) == 1
    retries_due_now()
    webhooks.deliver_due()

    sent = [json.loads(request["body"]) for request in receiver.requests]
    assert [payload["event"] for payload in sent] == ["published", "published", "unpublished"]
    assert sent[1]["event_id"] < sent[2]["event_id"]
    first_try, retry = receiver.requests[:2]
    assert header(first_try, "webhook-id") == header(retry, "webhook-id")
    second.refresh_from_db()
    assert second.status == Status.SUCCEEDED


def test_a_failing_subscriber_does_not_hold_up_another(receiver, subscription, make_publication):
    with serving() as other_receiver:
        other = WebhookSubscription.objects.create(
            name="Toinen", organisation=subscription.organisation, url=other_receiver.url
        )
        receiver.statuses = [500, 500]
        make_publication()
        make_publication()

        assert len(other_receiver.requests) == 2
        assert all(verify(request, other.secret) for request in other_receiver.requests)
        assert other.secret.startswith("whsec_")
        assert len(receiver.requests) == 1  # the failing one retries its first event first


def test_deactivating_a_subscription_stops_its_retries_at_once(
    receiver, subscription, make_publication
):
    receiver.statuses = [500]
    make_publication()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.RETRYING

    subscription.is_active = False
    subscription.save()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.next_attempt_at) == (Status.FAILED, None)
    assert "deactivated" in delivery.error
    retries_due_now()
    webhooks.deliver_due()
    assert len(receiver.requests) == 1
    # Events logged after deactivation are not queued for it either.
    make_publication()
    assert subscription.deliveries.count() == 1 and len(receiver.requests) == 1


def test_a_slow_subscriber_does_not_delay_another(receiver, subscription, make_publication):
    """Two events each to a 3 s endpoint and a fast one: the fast one is served meanwhile."""
    receiver.delay = 3.0
    with serving() as fast_receiver:
        WebhookSubscription.objects.create(
            name="Nopea", organisation=subscription.organisation, url=fast_receiver.url
        )
        make_publication.undelivered()
        make_publication.undelivered()

        started = time.monotonic()
        webhooks.deliver_due()

        assert len(fast_receiver.requests) == len(receiver.requests) == 2
        first_slow, second_slow = receiver.requests
        # The fast subscriber got both events within a bound unrelated to the slow one's delay,
        assert fast_receiver.requests[-1]["at"] - started < 1.5
        assert fast_receiver.requests[-1]["at"] < first_slow["at"] + receiver.delay
        # while the slow one got its events one at a time, in feed order.
        assert second_slow["at"] >= first_slow["at"] + receiver.delay
        for requests in (receiver.requests, fast_receiver.requests):
            ids = [json.loads(request["body"])["event_id"] for request in requests]
            assert ids == sorted(ids)
    assert WebhookDelivery.objects.filter(status=Status.SUCCEEDED).count() == 4


def test_a_try_without_an_answer_is_cut_off_and_retried(receiver, subscription, make_publication):
    receiver.delay = 2.0
    make_publication.undelivered()

    started = time.monotonic()
    webhooks.deliver_due(deadline=0.5)

    assert time.monotonic() - started < receiver.delay
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts) == (Status.RETRYING, 1)
    assert "0.5 s" in delivery.error
    assert delivery.next_attempt_at - delivery.last_attempt_at == webhooks.FIRST_RETRY_DELAY


def test_two_delivery_processes_share_subscribers_without_breaking_order(
    receiver, subscription, make_publication
):
    """A second loop (another process) cannot take a subscriber whose lane is in use."""
    receiver.delay = 0.5
    make_publication.undelivered()
    make_publication.undelivered()
    first, second = webhooks.DeliveryLoop(), webhooks.DeliveryLoop()
    try:
        assert first.start_due() == 1
        subscription.name = "Kuntaportaali (muokattu)"
        subscription.save()  # an admin edit meanwhile keeps the lease
        assert second.start_due() == 0  # the lane is leased to the first loop
        first.run(until_idle=True)
        second.run(until_idle=True)
    finally:
        second.pool.shutdown()

    one, two = receiver.requests
    assert two["at"] >= one["at"] + receiver.delay  # never two at once to one subscriber
    assert not WebhookSubscription.objects.filter(lane_leased_until__isnull=False).exists()


def test_deactivating_stops_a_slow_subscribers_later_events(
    receiver, subscription, make_publication
):
    receiver.delay = 1.0
    make_publication.undelivered()
    make_publication.undelivered()
    loop = webhooks.DeliveryLoop()
    assert loop.start_due() == 1

    subscription.is_active = False
    subscription.save()
    loop.run(until_idle=True)

    assert len(receiver.requests) == 1
    statuses = list(subscription.deliveries.order_by("pk").values_list("status", flat=True))
    assert statuses == [Status.FAILED, Status.FAILED]


def test_subscriptions_from_before_standard_webhooks_also_get_the_old_signature(
    receiver, subscription, make_publication
):
    subscription.legacy_signature = True
    subscription.save()
    make_publication()

    (request,) = receiver.requests
    assert verify(request, SECRET)
    timestamp = request["headers"]["X-Eduverkko-Timestamp"]
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    expected = hmac.new(key, f"{timestamp}.".encode() + request["body"], hashlib.sha256)
    assert request["headers"]["X-Eduverkko-Signature"] == "sha256=" + expected.hexdigest()
