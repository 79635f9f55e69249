"""Batch PO export and import of a section for one target locale (wagtail-localize records).

Each page becomes one PO file carrying wagtail-localize's translation id in its metadata,
exactly like the "Download PO file" button of the translation editor, so a translation
agency's files can be uploaded per page in the admin or all at once with
``manage.py translation_po import``. Imported translations are saved as drafts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import polib
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from cms.plugins import ContentTypePlugin

TRANSLATION_ID_KEY = "X-WagtailLocalize-TranslationID"


class POImportError(Exception):
    """A PO file that cannot be imported, with the reason in words an editor understands."""


def _source_pages(plugin: ContentTypePlugin) -> list[Page]:
    models = (plugin.index_model, plugin.page_model)
    return [
        page
        for page in Page.objects.filter(
            locale__language_code=settings.LANGUAGE_CODE, alias_of__isnull=True
        )
        .type(*models)
        .order_by("path")
        .specific()
    ]


def translation_for(page: Page, locale: Locale) -> Translation:
    """The (enabled) translation of ``page`` into ``locale``, synced with the live source."""
    source, _created = TranslationSource.update_or_create_from_instance(page)
    translation, created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    if not created and not translation.enabled:
        translation.enabled = True
        translation.save(update_fields=["enabled"])
    return translation


def export_section(plugin: ContentTypePlugin, locale: Locale, directory: Path) -> list[Path]:
    """Write one PO file per source page of the section; returns the files written."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for page in _source_pages(plugin):
        if not page.live:
            continue
        translation = translation_for(page.get_latest_revision_as_object(), locale)
        path = directory / f"{plugin.key}-{page.id}-{page.slug}.{locale.language_code}.po"
        translation.export_po().save(str(path))
        written.append(path)
    return written


@dataclass
class ImportResult:
    path: Path
    page: Page | None = None
    warnings: list[str] = field(default_factory=list)


def import_po_file(path: Path, locale: Locale, user=None) -> ImportResult:
    """Import one PO file into its translation and save the translated page as a draft."""
    try:
        po = polib.pofile(str(path))
    except (OSError, ValueError) as error:
        raise POImportError(f"{path.name}: not a readable PO file ({error})") from error
    translation_id = po.metadata.get(TRANSLATION_ID_KEY)
    if not translation_id:
        raise POImportError(f"{path.name}: no {TRANSLATION_ID_KEY} header; export it again.")
    try:
        translation = Translation.objects.select_related("target_locale").get(uuid=translation_id)
    except (Translation.DoesNotExist, ValidationError):
        raise POImportError(f"{path.name}: unknown translation {translation_id}.") from None
    if translation.target_locale != locale:
        raise POImportError(
            f"{path.name}: this file translates into "
            f"{translation.target_locale.language_code}, not {locale.language_code}."
        )
    with transaction.atomic():
        warnings = translation.import_po(po, tool_name="translation_po")
        translation.save_target(user=user, publish=False)
    return ImportResult(
        path=path,
        page=translation.get_target_instance(),
        warnings=[str(warning) for warning in warnings],
    )
