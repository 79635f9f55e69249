"""Translate objects through wagtail-localize's own records, as an editor's PO upload would.

Used by the demo loader (and by anything else that receives finished translations): the
result is a real ``Translation`` with its strings in translation memory, so editors see and
can continue it in wagtail-localize's translation editor.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from typing import Any

from django.db import models
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue


def _strings_by_path(instance: models.Model) -> dict[str, list[str]]:
    """The translatable strings of ``instance`` by segment path, in document order.

    A rich-text field yields one string per paragraph or list item, all under one path.
    """
    strings: dict[str, list[str]] = defaultdict(list)
    for segment in extract_segments(instance):
        if isinstance(segment, StringSegmentValue):
            strings[segment.path].append(segment.string.data)
    return strings


def translate(
    instance: models.Model, locale: Locale, translated_values: dict[str, Any]
) -> models.Model:
    """Create or update the ``locale`` translation of ``instance`` and publish it.

    ``translated_values`` holds the target-language value of each translated field, shaped
    like the source value (StreamField blocks keep the source blocks' ids). Each translated
    string is matched to its source segment by its path, written to a PO file and imported,
    exactly as a translator's upload would be. Strings with no translation keep the source
    text (wagtail-localize's fallback).
    """
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    target_version = copy.copy(instance)
    for field_name, value in translated_values.items():
        setattr(target_version, field_name, value)
    target_strings = _strings_by_path(target_version)

    source_strings = _strings_by_path(instance)
    po = translation.export_po()
    for entry in po:
        if entry.obsolete:
            continue
        sources, targets = source_strings[entry.msgctxt], target_strings[entry.msgctxt]
        if entry.msgid in sources and len(targets) == len(sources):
            entry.msgstr = targets[sources.index(entry.msgid)]
    translation.import_po(po, tool_name="demo")
    return publish_translation(translation)


def publish_translation(translation: Translation) -> models.Model:
    """Save a translation's target and publish it now, as ``Translation.save_target`` would.

    ``save_target(publish=True)`` defers publishing to ``transaction.on_commit`` with the
    page as it was in memory, which inside a longer transaction (a management command, a
    test) publishes stale tree data over pages added since. Publishing the new revision
    immediately gives the same records without that trap.
    """
    source = TranslationSource.objects.get(pk=translation.source_id)  # never a stale copy
    is_page = isinstance(source.as_instance(), Page)
    target, _created = source.create_or_update_translation(
        translation.target_locale, publish=not is_page, fallback=True, copy_parent_pages=True
    )
    if isinstance(target, Page):
        target.get_latest_revision().publish()
        target.refresh_from_db()
        return target.specific
    return target
