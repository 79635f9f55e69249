"""A content page's main image, with its alternative text in the page's own language.

The image is shared by every translation, but what it shows must be read out in the
reader's language (WCAG 1.1.1): each translation may override the image library's alt text
(filled in on the source page by :func:`cms.media.alt_text.offer_image_alt_text`).
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import SynchronizedField, TranslatableField


def main_image_field(help_text: Any) -> models.ForeignKey:
    """The main image's foreign key; ``help_text`` says where this content type shows it."""
    return models.ForeignKey(
        "media.CustomImage",
        verbose_name=_("main image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=help_text,
    )


class MainImageMixin(models.Model):
    """Per-translation alternative text for a page's ``image`` (declared with
    :func:`main_image_field`, since each content type says where it shows it)."""

    image_alt_text = models.CharField(
        _("alternative text in this language"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the image shows, for screen-reader users, in this page's language. "
            "Empty: the image's own alternative text is used."
        ),
    )

    #: For ``translatable_fields``: the image is shared, its alt text is translated.
    image_translation_fields = (TranslatableField("image_alt_text"), SynchronizedField("image"))

    class Meta:
        abstract = True

    @staticmethod
    def image_panels() -> list[FieldPanel]:
        return [FieldPanel("image"), FieldPanel("image_alt_text")]

    @property
    def image_alt(self) -> str:
        """The main image's alternative text in this page's language."""
        if self.image is None:
            return ""
        return self.image_alt_text or self.image.alt_text
