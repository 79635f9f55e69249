"""Signed webhook deliveries through the task queue, with exponential backoff.

Each change event becomes one :class:`WebhookDelivery` per matching subscription, sent by
the :func:`deliver_webhook` task (``manage.py db_worker`` runs it; never the editor's
request). A partner verifies a request by recomputing::

    hex(HMAC-SHA256(secret, f"{X-Eduverkko-Timestamp}.{raw body}"))

and comparing it with ``X-Eduverkko-Signature`` (``sha256=<hex>``), rejecting timestamps
more than a few minutes old to stop replays by third parties.
"""

from __future__ import annotations

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
#: Tries before a delivery is given up (the first one included).
MAX_ATTEMPTS = 8
#: Wait before the second try; each later wait doubles (30 s, 1 min, 2 min ... 32 min).
FIRST_RETRY_DELAY = dt.timedelta(seconds=30)
TIMEOUT_SECONDS = 10
USER_AGENT = "Eduverkko-Webhooks/1.0"


def signature(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return "sha256=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


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
    request = urllib.request.Request(
        delivery.subscription.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Eduverkko-Delivery": str(delivery.pk),
            "X-Eduverkko-Event": str(delivery.payload.get("event", "")),
            "X-Eduverkko-Timestamp": str(timestamp),
            "X-Eduverkko-Signature": signature(delivery.subscription.secret, timestamp, body),
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
    return delivery


def schedule_retry(delivery: WebhookDelivery) -> None:
    """Queue the next try at ``next_attempt_at`` where the task backend can defer tasks.

    The immediate backend of the tests cannot; there the delivery stays "retrying" with
    its due time, and tests drive the retries by calling :func:`attempt`.
    """
    if deliver_webhook.get_backend().supports_defer:
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)


@task()
def deliver_webhook(delivery_id: int) -> str:
    """Queue entry point: one try of one delivery (a no-op if it is already settled)."""
    delivery = WebhookDelivery.objects.select_related("subscription").filter(pk=delivery_id).first()
    if delivery is None or delivery.status in (Status.SUCCEEDED, Status.FAILED):
        return "skipped"
    return attempt(delivery).status
