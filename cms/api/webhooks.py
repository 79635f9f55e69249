"""Webhook deliveries as Standard Webhooks, in order per subscriber, on their own queue.

Each change event becomes one :class:`WebhookDelivery` per matching subscription, sent by
the :func:`deliver_webhook` task on the ``webhooks`` queue (``manage.py db_worker
--queue-name webhooks``; never the editor's request, never behind search indexing). A
subscriber receives its deliveries one at a time in feed order: a delivery waits until
every earlier one to the same subscriber has succeeded or been given up, so a retried
``unpublished`` can never arrive after a later ``published``. Deactivating a subscription
cancels its unsent deliveries at once.

Requests follow the Standard Webhooks specification (https://www.standardwebhooks.com/),
so its published verifier libraries work as they are::

    webhook-id: evt_<feed event id>      (the same on every retry and replay: dedupe on it)
    webhook-timestamp: <Unix seconds>
    webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<raw body>")>

where the key is the base64 part of the ``whsec_...`` secret. Receivers should reject
timestamps more than :data:`ACCEPTED_CLOCK_SKEW` away from their clock (the libraries'
default is the same five minutes). The body carries the feed event's ``event_id`` and
``cursor``, so a receiver can order events and resume ``/changes/`` from any of them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request

from django.utils import timezone
from django_tasks import task

from cms.api import outbound
from cms.api.models import ChangeEvent, WebhookDelivery, WebhookSubscription

Status = WebhookDelivery.Status
UNSETTLED = (Status.PENDING, Status.RETRYING)
QUEUE = "webhooks"
#: Tries before a delivery is given up (the first one included).
MAX_ATTEMPTS = 8
#: Wait before the second try; each later wait doubles (30 s, 1 min, 2 min ... 32 min).
FIRST_RETRY_DELAY = dt.timedelta(seconds=30)
TIMEOUT_SECONDS = 10
USER_AGENT = "Eduverkko-Webhooks/1.0"
#: How far a receiver should accept ``webhook-timestamp`` from its own clock.
ACCEPTED_CLOCK_SKEW = dt.timedelta(minutes=5)
SECRET_PREFIX = "whsec_"


def signing_key(secret: str) -> bytes:
    """The HMAC key of a ``whsec_<base64>`` secret (older plain secrets: their bytes)."""
    if secret.startswith(SECRET_PREFIX):
        encoded = secret.removeprefix(SECRET_PREFIX)
        return base64.b64decode(encoded + "=" * (-len(encoded) % 4))
    return secret.encode()


def signature(secret: str, message_id: str, timestamp: int, body: bytes) -> str:
    """The ``webhook-signature`` header value (Standard Webhooks, version 1)."""
    signed = f"{message_id}.{timestamp}.".encode() + body
    digest = hmac.new(signing_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def message_id(delivery: WebhookDelivery) -> str:
    """``webhook-id``: the feed event's id, the same for every try of the same event."""
    event_id = delivery.payload.get("event_id")
    return f"evt_{event_id}" if event_id is not None else f"delivery_{delivery.pk}"


def retry_delay(attempts: int) -> dt.timedelta:
    """The wait after the ``attempts``-th failed try."""
    return FIRST_RETRY_DELAY * 2 ** (attempts - 1)


def dispatch(change: ChangeEvent) -> list[WebhookDelivery]:
    """Queue a delivery of ``change`` to every active subscription that wants it."""
    deliveries = [
        WebhookDelivery.objects.create(subscription=subscription, payload=change.as_payload())
        for subscription in WebhookSubscription.objects.filter(is_active=True)
        if subscription.wants(change)
    ]
    for delivery in deliveries:
        deliver_webhook.enqueue(delivery.pk)
    return deliveries


def replay(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery's event again, as a new delivery (the log keeps both)."""
    copy = WebhookDelivery.objects.create(
        subscription=delivery.subscription, payload=delivery.payload, replay_of=delivery
    )
    deliver_webhook.enqueue(copy.pk)
    return copy


def cancel_unsent(subscription: WebhookSubscription) -> int:
    """Give up every unsent delivery of a deactivated subscription (no retry follows)."""
    return subscription.deliveries.filter(status__in=UNSETTLED).update(
        status=Status.FAILED,
        next_attempt_at=None,
        error="The subscription was deactivated; not sent.",
    )


def waits_for_earlier(delivery: WebhookDelivery) -> bool:
    """Whether an earlier delivery to the same subscriber is still unsettled."""
    return WebhookDelivery.objects.filter(
        subscription_id=delivery.subscription_id, pk__lt=delivery.pk, status__in=UNSETTLED
    ).exists()


def start_next(delivery: WebhookDelivery) -> None:
    """After a delivery settled: queue the subscriber's next one (kept in order)."""
    following = (
        WebhookDelivery.objects.filter(
            subscription_id=delivery.subscription_id, pk__gt=delivery.pk, status=Status.PENDING
        )
        .order_by("pk")
        .first()
    )
    if following is not None:
        deliver_webhook.enqueue(following.pk)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A webhook endpoint answers itself; following redirects would re-target the POST."""

    def redirect_request(self, *args, **kwargs) -> None:
        return None


# Only public addresses, checked after DNS resolution (cms.api.outbound).
_opener = outbound.build_opener(_NoRedirects)


def post(delivery: WebhookDelivery) -> int:
    """POST the signed payload; return the HTTP status (raises on network errors)."""
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = int(time.time())
    identifier = message_id(delivery)
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "webhook-id": identifier,
            "webhook-timestamp": str(timestamp),
            "webhook-signature": signature(
                delivery.subscription.secret, identifier, timestamp, body
            ),
            "X-Eduverkko-Delivery": str(delivery.pk),
            "X-Eduverkko-Event": str(delivery.payload.get("event", "")),
        },
    )
    try:
        with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def attempt(delivery: WebhookDelivery) -> WebhookDelivery:
    """Try a delivery once and record the outcome; schedules the next try on failure."""
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    try:
        delivery.response_status = post(delivery)
        delivery.error = ""
        succeeded = 200 <= delivery.response_status < 300
        if not succeeded:
            delivery.error = f"The endpoint answered HTTP {delivery.response_status}."
    except (OSError, ValueError) as error:
        delivery.response_status = None
        delivery.error = f"{type(error).__name__}: {error}"
        succeeded = False
    if succeeded:
        delivery.status, delivery.delivered_at, delivery.next_attempt_at = (
            Status.SUCCEEDED,
            now,
            None,
        )
    elif delivery.attempts >= MAX_ATTEMPTS:
        delivery.status, delivery.next_attempt_at = Status.FAILED, None
    else:
        delivery.status = Status.RETRYING
        delivery.next_attempt_at = now + retry_delay(delivery.attempts)
    delivery.save()
    if delivery.status == Status.RETRYING:
        schedule_retry(delivery)
    else:
        start_next(delivery)
    return delivery


def schedule_retry(delivery: WebhookDelivery) -> None:
    """Queue the next try at ``next_attempt_at`` where the task backend can defer tasks.

    The immediate backend of the tests cannot; there the delivery stays "retrying" with
    its due time, and tests drive the retries by calling :func:`attempt`.
    """
    if deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)


@task(queue_name=QUEUE)
def deliver_webhook(delivery_id: int) -> str:
    """Queue entry point: one try of one delivery, when its turn has come.

    A no-op if it is settled, or waits (the earlier delivery starts it when it settles).
    """
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status not in UNSETTLED:
        return "skipped"
    if not delivery.subscription.is_active:
        cancel_unsent(delivery.subscription)
        return "cancelled"
    if waits_for_earlier(delivery):
        return "waiting"
    return attempt(delivery).status
