"""Per-use alternative texts that translators are offered.

A page may override its image's alternative text for one use ("in this language"); left
empty, the image's own (Finnish) text is read out. An empty field has nothing to
translate, so a Swedish or English translation would read out the Finnish text. Filled in
from the image on the source-language page, the text becomes a string of the translation.
"""

from __future__ import annotations

from django.conf import settings
from wagtail.models import Page


def offer_image_alt_text(
    page: Page, image_field: str = "image", alt_field: str = "image_alt_text"
) -> None:
    """Fill ``alt_field`` from the image's alt text on a source-language page (``clean``)."""
    image = getattr(page, image_field, None)
    if image is None or getattr(page, alt_field) or not page.locale_id:
        return
    if page.locale.language_code == settings.LANGUAGE_CODE:
        setattr(page, alt_field, image.alt_text)
