"""Permissions of the editorial admin views, and the share links editors made."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class EditorialPermissions(models.Model):
    """Holds the custom permissions; Django needs a model to attach them to."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [
            ("view_translation_report", _("Can view the translation status report")),
        ]

    def __str__(self) -> str:
        return str(self._meta.verbose_name)


class ShareLinkQuerySet(models.QuerySet):
    def active(self, now=None) -> models.QuerySet:
        """Links that still open the draft: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=now or timezone.now())


class ShareLink(models.Model):
    """One share link made for a page, so editors can list and revoke the links they gave.

    The signed token carries this row's id; a revoked (or deleted) row closes the link.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("page")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    objects = ShareLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("share link")
        verbose_name_plural = _("share links")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.page_id}: {self.created_at:%Y-%m-%d %H:%M}"
