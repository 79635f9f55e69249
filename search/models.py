"""The durable queue of index updates: what the search engine still has to learn."""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """An object whose search entries must be rewritten (or removed, if it is gone).

    Written in the same transaction as the save that caused it and deleted only once every
    backend has taken the change, so an engine outage delays updates but never loses one.
    One row per object: saving it again while queued only refreshes ``queued_at``.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    queued_at = models.DateTimeField(_("queued at"), auto_now=True)
    attempts = models.PositiveIntegerField(_("failed attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        ordering = ["queued_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="search_pending_update_unique_object"
            )
        ]

    def __str__(self) -> str:
        return f"{self.content_type.app_label}.{self.content_type.model} #{self.object_id}"
