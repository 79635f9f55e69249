"""Partner keys, the change log behind ``/changes/`` and webhook subscriptions/deliveries."""

from __future__ import annotations

import base64
import hashlib
import secrets
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.api.webhook_urls import validate_webhook_url

KEY_PREFIX = "evk"


def hash_key(raw_key: str) -> str:
    """SHA-256 of a key. Keys are 256-bit random tokens, so a fast hash is safe here."""
    return hashlib.sha256(raw_key.encode()).hexdigest()


class PartnerKey(models.Model):
    """A read-only API key of a partner organisation; only its hash is stored."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("What the key is for, e.g. “Helsinki events”.")
    )
    organisation = models.ForeignKey(
        "vocabularies.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    prefix = models.CharField(_("key prefix"), max_length=16, unique=True, editable=False)
    hashed_key = models.CharField(max_length=64, unique=True, editable=False)
    daily_quota = models.PositiveIntegerField(
        _("daily quota"), default=10_000, help_text=_("Requests allowed per day (UTC).")
    )
    expires_at = models.DateTimeField(_("expires"), null=True, blank=True)
    revoked = models.BooleanField(
        _("revoked"), default=False, help_text=_("A revoked key is refused immediately.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("partner key")
        verbose_name_plural = _("partner keys")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.revoked and self.revoked_at is None:
            self.revoked_at = timezone.now()
        elif not self.revoked:
            self.revoked_at = None
        super().save(*args, **kwargs)

    @classmethod
    def issue(cls, **fields: Any) -> tuple[PartnerKey, str]:
        """Create a key and return it with the secret, which is shown only this once."""
        key = cls(**fields)
        raw_key = key.assign_secret()
        key.save()
        return key, raw_key

    def assign_secret(self) -> str:
        prefix = secrets.token_hex(4)
        raw_key = f"{KEY_PREFIX}_{prefix}_{secrets.token_urlsafe(32)}"
        self.prefix = prefix
        self.hashed_key = hash_key(raw_key)
        return raw_key

    def is_usable(self) -> bool:
        return not self.revoked and (self.expires_at is None or self.expires_at > timezone.now())


class ChangeEvent(models.Model):
    """One public change to a content page, in the order partners should apply them.

    Rows are only appended. The feed's order is ``(txid, id)``: on PostgreSQL ``txid`` is the
    64-bit id of the writing transaction, and the feed hands out only events of transactions
    older than every transaction still open, so a cursor never passes an event that commits
    later (see :mod:`cms.api.change_feed`). SQLite runs one writing transaction at a time, so there
    ``txid`` stays 0 and the id alone is commit order. Events are logged only for pages the
    feed has announced (see :mod:`cms.api.change_log`), so the log never mentions a page that
    was never public.
    """

    class Kind(models.TextChoices):
        PUBLISHED = "published", _("published")
        UPDATED = "updated", _("updated")
        UNPUBLISHED = "unpublished", _("unpublished")
        MOVED = "moved", _("moved")
        DELETED = "deleted", _("deleted")

    VISIBLE = (Kind.PUBLISHED, Kind.UPDATED, Kind.MOVED)

    event = models.CharField(_("event"), max_length=12, choices=Kind.choices)
    page_id = models.PositiveIntegerField(_("page id"), db_index=True)
    translation_key = models.UUIDField(_("translation key"))
    type = models.CharField(_("type"), max_length=50)
    locale = models.CharField(_("locale"), max_length=8)
    at = models.DateTimeField(_("at"), default=timezone.now)
    txid = models.BigIntegerField(_("transaction id"), default=0, editable=False)

    class Meta:
        verbose_name = _("change event")
        verbose_name_plural = _("change events")
        ordering = ["txid", "id"]
        indexes = [
            models.Index(fields=["txid", "id"], name="change_feed_order"),
            models.Index(fields=["type", "locale", "id"]),
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.type} {self.page_id} ({self.locale})"

    def as_payload(self) -> dict[str, Any]:
        from cms.api.change_feed import encode_cursor

        return {
            "event_id": self.pk,
            "cursor": encode_cursor(self.txid, self.pk),
            "event": self.event,
            "id": self.page_id,
            "translation_key": str(self.translation_key),
            "type": self.type,
            "locale": self.locale,
            "at": self.at.isoformat(),
        }


class PageState(models.Model):
    """What partners last saw of a page: a digest of its API item and when it changed.

    Lets any cause of change (a renamed vocabulary term, a new translation, a moved
    listing page, a retitled related page) become an ``updated`` event exactly when the
    page's item really changed, and moves ``updated_since`` with it.
    """

    page_id = models.PositiveIntegerField(primary_key=True)
    digest = models.CharField(max_length=64)
    changed_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("page state")
        verbose_name_plural = _("page states")

    def __str__(self) -> str:
        return f"page {self.page_id}: {self.digest[:12]}"


def new_secret() -> str:
    """A Standard Webhooks secret: ``whsec_`` and 32 random bytes in base64."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


class WebhookSubscription(models.Model):
    """A partner endpoint that receives signed change events of chosen types and locales."""

    name = models.CharField(_("name"), max_length=100)
    organisation = models.ForeignKey(
        "vocabularies.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    url = models.URLField(
        _("endpoint URL"),
        max_length=500,
        validators=[validate_webhook_url],
        help_text=_("HTTPS address that receives the events."),
    )
    secret = models.CharField(
        _("signing secret"),
        max_length=100,
        default=new_secret,
        help_text=_("Shared with the partner; signs each event with HMAC-SHA256."),
    )
    types = models.CharField(
        _("content types"),
        max_length=200,
        blank=True,
        help_text=_(
            "Comma-separated API type names, as in the paths /api/v1/<type>/; empty means all."
        ),
    )
    locales = models.CharField(
        _("languages"),
        max_length=50,
        blank=True,
        help_text=_("Comma-separated language codes, e.g. “fi,sv”; empty means all."),
    )
    is_active = models.BooleanField(_("active"), default=True)
    legacy_signature = models.BooleanField(
        _("also send the old signature header"),
        default=False,
        help_text=_(
            "Deprecated: adds X-Eduverkko-Signature for receivers written before Standard "
            "Webhooks. Turn off once the partner verifies the webhook-signature header."
        ),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    #: Until when a delivery loop holds this subscriber's lane (cms.api.webhooks).
    lane_leased_until = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("webhook subscription")
        verbose_name_plural = _("webhook subscriptions")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding and kwargs.get("update_fields") is None:
            # The lane lease belongs to the delivery loop: an admin edit during a delivery
            # must not hand the subscriber to a second loop.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "lane_leased_until"
            ]
        super().save(*args, **kwargs)
        if not self.is_active:
            from cms.api.webhooks import cancel_unsent

            cancel_unsent(self)

    def wants(self, event: ChangeEvent) -> bool:
        types = [item.strip() for item in self.types.split(",") if item.strip()]
        locales = [item.strip() for item in self.locales.split(",") if item.strip()]
        return (not types or event.type in types) and (not locales or event.locale in locales)


class WebhookDelivery(models.Model):
    """One event sent (or being sent) to one subscription, with the outcome of each try."""

    class Status(models.TextChoices):
        PENDING = "pending", _("pending")
        RETRYING = "retrying", _("retrying")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    subscription = models.ForeignKey(
        WebhookSubscription,
        verbose_name=_("subscription"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    response_status = models.PositiveSmallIntegerField(_("response status"), null=True)
    error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_attempt_at = models.DateTimeField(_("last attempt"), null=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True)
    replay_of = models.ForeignKey(
        "self",
        verbose_name=_("replay of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replays",
    )

    class Meta:
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["status", "subscription", "id"], name="webhook_delivery_queue")
        ]

    def __str__(self) -> str:
        return f"{self.payload.get('event')} → {self.subscription} ({self.status})"
