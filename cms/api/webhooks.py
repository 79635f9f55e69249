"""Webhook deliveries as Standard Webhooks, in order per subscriber, never held up by another.

Each change event becomes one :class:`WebhookDelivery` per matching subscription, written
in the editor's transaction (an outbox; nothing is sent from the editor's request). The
delivery loop (``manage.py deliver_webhooks``, its own process, so never behind search
indexing) sends them: several subscribers at once, each on its own lane, one request per
subscriber at a time, in feed order (a delivery waits until every earlier one to the same
subscriber has succeeded or been given up, so a retried ``unpublished`` can never arrive
after a later ``published``). A try has a hard deadline
(:data:`ATTEMPT_DEADLINE_SECONDS`); a slow or failing endpoint only delays its own
subscriber's later events. Lanes are claimed per subscriber with a lease in the database,
so several loop processes (one per app server) share the work without breaking the order.
Deactivating a subscription cancels its unsent deliveries at once.

Requests follow the Standard Webhooks specification (https://www.standardwebhooks.com/),
so its published verifier libraries work as they are::

    webhook-id: evt_<feed event id>      (the same on every retry and replay: dedupe on it)
    webhook-timestamp: <Unix seconds>
    webhook-signature: v1,<base64 HMAC-SHA256(key, "<id>.<timestamp>.<raw body>")>

where the key is the base64 part of the ``whsec_...`` secret. Receivers should reject
timestamps more than :data:`ACCEPTED_CLOCK_SKEW` away from their clock (the libraries'
default is the same five minutes). The body carries the feed event's ``event_id`` and
``cursor``, so a receiver can order events and resume ``/changes/`` from any of them.

Subscriptions created before the switch to Standard Webhooks (``legacy_signature``) also
get the deprecated ``X-Eduverkko-Timestamp`` and ``X-Eduverkko-Signature`` headers, signed
with the same key, so their receivers keep working until they move to a library; new
subscriptions never get them.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import json
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from django.db.models import Min, Q
from django.utils import timezone

from cms.api import outbound
from cms.api.models import ChangeEvent, WebhookDelivery, WebhookSubscription

Status = WebhookDelivery.Status
UNSETTLED = (Status.PENDING, Status.RETRYING)
#: Tries before a delivery is given up (the first one included).
MAX_ATTEMPTS = 8
#: Wait before the second try; each later wait doubles (30 s, 1 min, 2 min ... 32 min).
FIRST_RETRY_DELAY = dt.timedelta(seconds=30)
#: Per socket operation (connect, each read): an endpoint must accept and answer promptly.
SOCKET_TIMEOUT_SECONDS = 5
#: The whole try, whatever the endpoint does (a trickled answer included).
ATTEMPT_DEADLINE_SECONDS = 15
#: How long a claimed lane stays claimed: longer than any try.
LANE_LEASE = dt.timedelta(seconds=60)
#: Subscribers served at once by one loop process.
DEFAULT_LANES = 8
#: How often the loop looks for new or due deliveries.
POLL_INTERVAL_SECONDS = 0.5
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
    """Add a delivery of ``change`` for every active subscription that wants it.

    The rows are the outbox: the delivery loop (:class:`DeliveryLoop`) sends them.
    """
    return [
        WebhookDelivery.objects.create(subscription=subscription, payload=change.as_payload())
        for subscription in WebhookSubscription.objects.filter(is_active=True)
        if subscription.wants(change)
    ]


def replay(delivery: WebhookDelivery) -> WebhookDelivery:
    """Send a delivery's event again, as a new delivery (the log keeps both)."""
    return WebhookDelivery.objects.create(
        subscription=delivery.subscription, payload=delivery.payload, replay_of=delivery
    )


def cancel_unsent(subscription: WebhookSubscription) -> int:
    """Give up every unsent delivery of a deactivated subscription (no retry follows)."""
    return subscription.deliveries.filter(status__in=UNSETTLED).update(
        status=Status.FAILED,
        next_attempt_at=None,
        error="The subscription was deactivated; not sent.",
    )


# Only public addresses, checked after DNS resolution, no redirects (cms.api.outbound).
_opener = outbound.build_opener()


def legacy_signature(secret: str, timestamp: int, body: bytes) -> str:
    """The deprecated ``X-Eduverkko-Signature``: ``sha256=<hex HMAC(key, "<ts>.<body>")>``.

    Sent only to subscriptions created before Standard Webhooks (``legacy_signature``),
    with the same key bytes their receivers already hold, until they switch.
    """
    signed = f"{timestamp}.".encode() + body
    return "sha256=" + hmac.new(signing_key(secret), signed, hashlib.sha256).hexdigest()


def build_request(delivery: WebhookDelivery) -> urllib.request.Request:
    """The signed POST of a delivery (read from the database in the caller's thread)."""
    subscription = delivery.subscription
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = int(time.time())
    identifier = message_id(delivery)
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": identifier,
        "webhook-timestamp": str(timestamp),
        "webhook-signature": signature(subscription.secret, identifier, timestamp, body),
        "X-Eduverkko-Delivery": str(delivery.pk),
        "X-Eduverkko-Event": str(delivery.payload.get("event", "")),
    }
    if subscription.legacy_signature:
        headers["X-Eduverkko-Timestamp"] = str(timestamp)
        headers["X-Eduverkko-Signature"] = legacy_signature(subscription.secret, timestamp, body)
    return urllib.request.Request(subscription.url, data=body, method="POST", headers=headers)


def send(request: urllib.request.Request) -> int:
    """POST once; return the HTTP status (raises on network errors). Touches no database."""
    try:
        with _opener.open(request, timeout=SOCKET_TIMEOUT_SECONDS) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def post(delivery: WebhookDelivery) -> int:
    """POST the signed payload; return the HTTP status (raises on network errors)."""
    return send(build_request(delivery))


def record(
    delivery: WebhookDelivery, response_status: int | None, error: str = ""
) -> WebhookDelivery:
    """Store the outcome of one try; on failure the next try is due after the backoff.

    The row is updated only while it is still unsettled, so a subscription deactivated
    during the request stays cancelled.
    """
    now = timezone.now()
    delivery.attempts += 1
    delivery.last_attempt_at = now
    delivery.response_status = response_status
    succeeded = response_status is not None and 200 <= response_status < 300
    if response_status is not None and not succeeded:
        error = f"The endpoint answered HTTP {response_status}."
    delivery.error = "" if succeeded else error
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
    fields = (
        "attempts",
        "last_attempt_at",
        "response_status",
        "error",
        "status",
        "delivered_at",
        "next_attempt_at",
    )
    stored = WebhookDelivery.objects.filter(pk=delivery.pk, status__in=UNSETTLED).update(
        **{name: getattr(delivery, name) for name in fields}
    )
    if not stored:
        delivery.refresh_from_db()
    return delivery


def attempt(delivery: WebhookDelivery) -> WebhookDelivery:
    """Try a delivery once, now, in this thread, and record the outcome."""
    try:
        return record(delivery, post(delivery))
    except (OSError, ValueError) as error:
        return record(delivery, None, f"{type(error).__name__}: {error}")


def claim_lane(subscription_id: int) -> bool:
    """Take the subscriber's lane: only its holder sends to it (one request at a time).

    A conditional UPDATE, atomic on every backend, so several loop processes can run:
    each subscriber is served by one of them at a time, in order. The lease outlives any
    try (:data:`ATTEMPT_DEADLINE`); a process that dies loses it when it runs out.
    """
    now = timezone.now()
    free = Q(lane_leased_until__isnull=True) | Q(lane_leased_until__lt=now)
    claimed = WebhookSubscription.objects.filter(free, pk=subscription_id, is_active=True).update(
        lane_leased_until=now + LANE_LEASE
    )
    return claimed == 1


def release_lane(subscription_id: int) -> None:
    WebhookSubscription.objects.filter(pk=subscription_id).update(lane_leased_until=None)


def due_heads(excluded: Iterable[int] = ()) -> list[WebhookDelivery]:
    """The next delivery of each active subscriber, where it is due and its lane is free.

    Only a subscriber's oldest unsettled delivery may go: later ones wait behind it until
    it succeeds or is given up, so a subscriber sees events in feed order.
    """
    now = timezone.now()
    heads = (
        WebhookDelivery.objects.filter(status__in=UNSETTLED, subscription__is_active=True)
        .exclude(subscription_id__in=list(excluded))
        .values("subscription_id")
        .annotate(head=Min("pk"))
        .values_list("head", flat=True)
    )
    return list(
        WebhookDelivery.objects.filter(pk__in=list(heads))
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .filter(
            Q(subscription__lane_leased_until__isnull=True)
            | Q(subscription__lane_leased_until__lt=now)
        )
        .select_related("subscription")
        .order_by("pk")
    )


@dataclass
class InFlight:
    delivery: WebhookDelivery
    started: float


@dataclass
class DeliveryLoop:
    """Sends due deliveries to several subscribers at once; one request per subscriber.

    The database work (choosing, claiming, recording) runs in the loop's thread; only the
    HTTP requests run in the pool's threads. A try that has not answered within
    ``deadline`` seconds is recorded as failed and its lane freed, so a slow endpoint
    costs its own subscriber a retry and nobody else anything: other subscribers' events
    go out on the other lanes meanwhile. Any number of processes may run a loop
    (``manage.py deliver_webhooks``); lanes are claimed per subscriber (:func:`claim_lane`).
    """

    lanes: int = DEFAULT_LANES
    deadline: float = ATTEMPT_DEADLINE_SECONDS
    interval: float = POLL_INTERVAL_SECONDS
    #: Called before each round (the command closes connections the database dropped).
    between_rounds: Callable[[], None] | None = None
    in_flight: dict[Future, InFlight] = field(default_factory=dict)
    #: Requests given up by the loop whose threads are still waiting for the endpoint.
    abandoned: set[Future] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.pool = ThreadPoolExecutor(max_workers=self.lanes, thread_name_prefix="webhook")

    def free_lanes(self) -> int:
        self.abandoned = {future for future in self.abandoned if not future.done()}
        return self.lanes - len(self.in_flight) - len(self.abandoned)

    def start_due(self) -> int:
        """Start the due head of every subscriber not yet in flight, as lanes allow."""
        busy = {flight.delivery.subscription_id for flight in self.in_flight.values()}
        started = 0
        for delivery in due_heads(busy):
            if self.free_lanes() <= 0:
                break
            if not claim_lane(delivery.subscription_id):
                continue  # another process took it since
            future = self.pool.submit(send, build_request(delivery))
            self.in_flight[future] = InFlight(delivery, time.monotonic())
            started += 1
        return started

    def settle(self, timeout: float) -> int:
        """Record the tries that answered (or ran out of time) within ``timeout`` seconds."""
        if not self.in_flight:
            return 0
        done, _pending = wait(self.in_flight, timeout=timeout, return_when=FIRST_COMPLETED)
        now = time.monotonic()
        settled = 0
        for future, flight in list(self.in_flight.items()):
            if future in done:
                try:
                    record(flight.delivery, future.result())
                except (OSError, ValueError) as error:
                    record(flight.delivery, None, f"{type(error).__name__}: {error}")
            elif now - flight.started >= self.deadline:
                self.abandoned.add(future)
                record(flight.delivery, None, f"No answer within {self.deadline:g} s.")
            else:
                continue
            del self.in_flight[future]
            release_lane(flight.delivery.subscription_id)
            settled += 1
        return settled

    def wait_time(self) -> float:
        """How long to wait for answers: until the next poll or the nearest deadline."""
        if not self.in_flight:
            return self.interval
        oldest = min(flight.started for flight in self.in_flight.values())
        return max(0.0, min(self.interval, oldest + self.deadline - time.monotonic()))

    def run(self, stop: threading.Event | None = None, *, until_idle: bool = False) -> None:
        """Deliver until ``stop`` is set, or (``until_idle``) until nothing is due or sent."""
        stop = stop or threading.Event()
        try:
            while not stop.is_set():
                if self.between_rounds is not None:
                    self.between_rounds()
                started = self.start_due()
                if until_idle and not self.in_flight and not started:
                    return
                if self.in_flight:
                    self.settle(self.wait_time())
                else:
                    stop.wait(self.interval)
        finally:
            for future, flight in list(self.in_flight.items()):
                future.cancel()
                release_lane(flight.delivery.subscription_id)
            self.pool.shutdown(wait=False, cancel_futures=True)


def deliver_due(**options: float) -> None:
    """Send everything due now and return when it is answered (tests, ``--once``)."""
    DeliveryLoop(**options).run(until_idle=True)
