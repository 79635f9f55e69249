"""Synchronised fields (dates, amounts, deadlines) follow the Finnish page when it is published.

wagtail-localize copies synchronised fields only when someone syncs and republishes each
translation, so a changed deadline stayed old in Swedish and English. When a source page is
published, every translation whose synchronised fields now disagree gets a new draft
revision carrying them (its translated text untouched, the live translation unchanged until
a reviewer publishes it), and the publisher is told which translations wait for review.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import Translation, TranslationSource

from cms.editorial.handover import save_draft


def _value(page: Page, field: models.Field):
    if field.many_to_many:
        return sorted(row.pk for row in getattr(page, field.name).all())
    return field.value_from_object(page)


def synchronised_fields(page: Page) -> list[models.Field]:
    names = {
        entry.field_name
        for entry in getattr(page, "translatable_fields", [])
        if isinstance(entry, SynchronizedField)
    }
    return [
        field
        for field in page._meta.get_fields()
        if field.name in names and (field.concrete or field.many_to_many)
    ]


def disagreeing_translations(source: Page) -> list[Page]:
    """Translations of ``source`` whose latest version differs in a synchronised field."""
    fields = synchronised_fields(source)
    result = []
    for translation in source.get_translations().specific():
        latest = translation.get_latest_revision_as_object()
        if any(_value(source, field) != _value(latest, field) for field in fields):
            result.append(translation)
    return result


def carry_to_translations(source: Page, user) -> list[Page]:
    """Give each disagreeing translation a draft revision with the source's synchronised
    fields; returns the translations that got one."""
    if source.locale.language_code != settings.LANGUAGE_CODE:
        return []
    targets = disagreeing_translations(source)
    if not targets:
        return []
    translation_source = TranslationSource.objects.get_for_instance_or_none(source)
    if translation_source is None:
        return []
    translation_source.update_from_db()
    carried = []
    for target in targets:
        translation = Translation.objects.filter(
            source=translation_source, target_locale=target.locale, enabled=True
        ).first()
        if translation is not None:
            save_draft(translation, user)
            carried.append(target)
    return carried
