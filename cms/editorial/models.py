"""Permissions of the editorial admin views (no table: a permissions-only model)."""

from django.db import models
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
