"""Webhooks against a real HTTP server on 127.0.0.1: signing, filtering, retries, replay."""

from __future__ import annotations

import datetime as dt
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

from cms.api import webhooks
from cms.api.models import WebhookDelivery, WebhookSubscription
from cms.settings import base as base_settings
from cms.vocabularies.factories import OrganisationFactory

pytestmark = pytest.mark.django_db
Status = WebhookDelivery.Status


class Receiver(ThreadingHTTPServer):
    """A partner endpoint: records each request and answers with the next queued status."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.requests: list[dict] = []
        self.statuses: list[int] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hooks/eduverkko"


class ReceiverHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.server.requests.append({"headers": dict(self.headers), "body": body})
        status = self.server.statuses.pop(0) if self.server.statuses else 204
        self.send_response(status)
        self.end_headers()

    def log_message(self, *args) -> None:
        """Keep the test output clean."""


@pytest.fixture
def receiver():
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the editor's transaction queues on commit (deliveries are queued then)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def make_training(make_training, commit):
    def make(**fields):
        with commit():
            return make_training(**fields)

    return make


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


def test_publish_posts_a_signed_event(client, receiver, subscription, make_training):
    training = make_training()

    (request,) = receiver.requests
    assert verify(request, SECRET)
    assert not verify(request, "whsec_" + "A" * 32)
    assert request["headers"]["Content-Type"] == "application/json"
    assert request["headers"]["X-Eduverkko-Event"] == "published"
    payload = json.loads(request["body"])
    event = client.get("/api/v1/changes/").json()["items"][0]
    assert header(request, "webhook-id") == f"evt_{event['event_id']}"
    assert payload == {
        "event_id": event["event_id"],
        "cursor": event["cursor"],
        "event": "published",
        "id": training.pk,
        "translation_key": str(training.translation_key),
        "type": "trainings",
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


def test_unpublish_and_delete_are_sent(receiver, subscription, make_training, commit):
    training = make_training()
    with commit():
        training.unpublish()
    with commit():
        training.delete()

    sent = [json.loads(request["body"])["event"] for request in receiver.requests]
    assert sent == ["published", "unpublished", "deleted"]


def test_subscription_filters_types_and_locales(
    receiver, subscription, make_training, translate_page, commit
):
    subscription.locales = "sv"
    subscription.save()
    other = WebhookSubscription.objects.create(
        name="Uutiset", organisation=subscription.organisation, url=receiver.url, types="news"
    )
    training = make_training()
    with commit():
        swedish = translate_page(training, "sv", title="Utbildning")

    (request,) = receiver.requests
    assert json.loads(request["body"])["id"] == swedish.pk
    assert not other.deliveries.exists()


def test_failures_are_retried_with_exponential_backoff(receiver, subscription, make_training):
    receiver.statuses = [500, 503]
    make_training()
    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (
        Status.RETRYING,
        1,
        500,
    )
    first_wait = delivery.next_attempt_at - delivery.last_attempt_at
    assert first_wait == dt.timedelta(seconds=30)

    webhooks.attempt(delivery)
    assert delivery.status == Status.RETRYING
    assert delivery.next_attempt_at - delivery.last_attempt_at == dt.timedelta(seconds=60)
    assert "503" in delivery.error

    webhooks.attempt(delivery)
    assert (delivery.status, delivery.attempts) == (Status.SUCCEEDED, 3)
    assert len(receiver.requests) == 3
    # Each try is signed afresh and verifies.
    assert all(verify(request, SECRET) for request in receiver.requests)


def test_gives_up_after_the_last_attempt(receiver, subscription, make_training):
    receiver.statuses = [500] * webhooks.MAX_ATTEMPTS
    make_training()
    delivery = WebhookDelivery.objects.get()
    while delivery.status == Status.RETRYING:
        webhooks.attempt(delivery)

    assert delivery.status == Status.FAILED
    assert delivery.attempts == webhooks.MAX_ATTEMPTS
    assert delivery.next_attempt_at is None
    assert webhooks.retry_delay(7) == dt.timedelta(seconds=30 * 2**6)


def test_unreachable_endpoint_is_logged(subscription, make_training):
    subscription.url = "http://127.0.0.1:9/closed"
    subscription.save()
    make_training()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.RETRYING
    assert delivery.response_status is None
    assert delivery.error


def test_redirects_are_not_followed(receiver, subscription, make_training):
    receiver.statuses = [302]
    make_training()

    delivery = WebhookDelivery.objects.get()
    assert (delivery.status, delivery.response_status) == (Status.RETRYING, 302)
    assert len(receiver.requests) == 1


@override_settings(
    TASKS={
        "default": {
            "BACKEND": "django_tasks_db.DatabaseBackend",
            "QUEUES": base_settings.TASK_QUEUES,
        }
    }
)
def test_delivery_runs_in_the_worker_not_in_the_editors_request(
    receiver, subscription, make_training, monkeypatch
):
    # The worker closes "unusable" connections between tasks, which inside the test's
    # transaction would drop the test database connection (PostgreSQL).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    receiver.statuses = [500]
    make_training()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.PENDING and receiver.requests == []

    # Webhooks have their own queue: a worker of the default queue (search) leaves them.
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    assert receiver.requests == []
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--queue-name",
        "webhooks",
        verbosity=0,
    )
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (Status.RETRYING, 1)
    assert len(receiver.requests) == 1
    # The retry waits in the queue until its time comes.
    retry = DBTaskResult.objects.filter(
        status="READY", task_path="cms.api.webhooks.deliver_webhook"
    ).get()
    assert retry.queue_name == "webhooks"
    assert retry.run_after == delivery.next_attempt_at
    assert retry.args_kwargs["args"] == [delivery.pk]


def test_admin_replays_a_delivery(admin_client, receiver, subscription, make_training, commit):
    make_training()
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


def test_replay_needs_permission(client, django_user_model, subscription, make_training):
    make_training()
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


def test_timestamps_are_recent(receiver, subscription, make_training):
    make_training()
    sent_at = int(header(receiver.requests[0], "webhook-timestamp"))
    assert abs(sent_at - timezone.now().timestamp()) < 60


def test_a_subscriber_gets_its_events_in_order_across_retries(
    receiver, subscription, make_training, commit
):
    receiver.statuses = [500]
    training = make_training()
    with commit():
        training.unpublish()

    first, second = WebhookDelivery.objects.order_by("pk")
    # The unpublish waits behind the failed publish instead of overtaking it.
    assert (first.status, second.status) == (Status.RETRYING, Status.PENDING)
    assert len(receiver.requests) == 1
    webhooks.attempt(first)

    sent = [json.loads(request["body"]) for request in receiver.requests]
    assert [payload["event"] for payload in sent] == ["published", "published", "unpublished"]
    assert sent[1]["event_id"] < sent[2]["event_id"]
    first_try, retry = receiver.requests[:2]
    assert header(first_try, "webhook-id") == header(retry, "webhook-id")
    second.refresh_from_db()
    assert second.status == Status.SUCCEEDED


def test_a_failing_subscriber_does_not_hold_up_another(receiver, subscription, make_training):
    other_receiver = Receiver()
    thread = threading.Thread(target=other_receiver.serve_forever, daemon=True)
    thread.start()
    try:
        other = WebhookSubscription.objects.create(
            name="Toinen", organisation=subscription.organisation, url=other_receiver.url
        )
        receiver.statuses = [500, 500]
        make_training()
        make_training()

        assert len(other_receiver.requests) == 2
        assert all(verify(request, other.secret) for request in other_receiver.requests)
        assert other.secret.startswith("whsec_")
        assert len(receiver.requests) == 1  # the failing one retries its first event first
    finally:
        other_receiver.shutdown()
        other_receiver.server_close()


def test_deactivating_a_subscription_stops_its_retries_at_once(
    receiver, subscription, make_training
):
    receiver.statuses = [500]
    make_training()
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == Status.RETRYING

    subscription.is_active = False
    subscription.save()

    delivery.refresh_from_db()
    assert (delivery.status, delivery.next_attempt_at) == (Status.FAILED, None)
    assert "deactivated" in delivery.error
    assert webhooks.deliver_webhook.call(delivery.pk) == "skipped"
    assert len(receiver.requests) == 1


def test_webhooks_and_search_indexing_use_separate_queues():
    from search.tasks import sync_search_index

    assert webhooks.deliver_webhook.queue_name == "webhooks"
    assert sync_search_index.queue_name == "default"
