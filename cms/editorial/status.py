"""Translation status of every live source page in every other locale, in a few queries.

States, from the editor's point of view:

* missing: there is no page in the target locale (an alias of the source counts as none);
* out of date: the source was published after the translation was last synced with it
  (wagtail-localize's ``TranslationSource.last_updated_at``; for pages translated without
  wagtail-localize, after the translation was last published);
* in progress: the translation is a draft, has unpublished changes, has string
  translations edited after it was last published (a translator's pending work), or was
  synced with the source after it was last published (new strings wait for the translator);
* up to date: otherwise.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Max
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.editorial.sections import sections
from cms.plugins import ContentTypePlugin


class TranslationState(StrEnum):
    MISSING = "missing"
    IN_PROGRESS = "in_progress"
    OUT_OF_DATE = "out_of_date"
    UP_TO_DATE = "up_to_date"

    @property
    def label(self) -> str:
        return str(STATE_LABELS[self])


STATE_LABELS = {
    TranslationState.MISSING: _("Missing"),
    TranslationState.IN_PROGRESS: _("In progress"),
    TranslationState.OUT_OF_DATE: _("Out of date"),
    TranslationState.UP_TO_DATE: _("Up to date"),
}


@dataclass(frozen=True)
class StatusRow:
    section: ContentTypePlugin
    source_id: int
    source_title: str
    language: str
    state: TranslationState
    translation_id: int | None
    source_published_at: dt.datetime | None


@dataclass(frozen=True)
class _Target:
    id: int
    live: bool
    has_unpublished_changes: bool
    last_published_at: dt.datetime | None


def _state(
    source_published_at: dt.datetime | None,
    target: _Target | None,
    synced_at: dt.datetime | None,
    edited_at: dt.datetime | None = None,
) -> TranslationState:
    if target is None:
        return TranslationState.MISSING
    changed_since = synced_at if synced_at is not None else target.last_published_at
    source_changed = source_published_at is not None and (
        changed_since is None or source_published_at > changed_since
    )
    # A draft made without wagtail-localize that never went live is still in progress.
    if source_changed and (target.live or synced_at is not None):
        return TranslationState.OUT_OF_DATE
    if not target.live or target.has_unpublished_changes:
        return TranslationState.IN_PROGRESS
    if edited_at is not None and (
        target.last_published_at is None or edited_at > target.last_published_at
    ):
        return TranslationState.IN_PROGRESS
    if synced_at is not None and (
        target.last_published_at is None or target.last_published_at < synced_at
    ):
        return TranslationState.IN_PROGRESS
    return TranslationState.UP_TO_DATE


def section_content_types(plugins: Iterable[ContentTypePlugin]) -> dict[int, ContentTypePlugin]:
    """Content type id → section, for the content and listing pages of ``plugins``."""
    plugin_of = {
        model: plugin for plugin in plugins for model in (plugin.page_model, plugin.index_model)
    }
    if not plugin_of:
        return {}
    content_types = ContentType.objects.get_for_models(*plugin_of)
    return {content_types[model].id: plugin for model, plugin in plugin_of.items()}


def translation_status(
    section_key: str | None = None, languages: Iterable[str] | None = None
) -> list[StatusRow]:
    """One row per live source page (optionally of one section) and target locale."""
    plugins = [plugin for plugin, _s in sections() if section_key in (None, plugin.key)]
    content_types = section_content_types(plugins)
    locales = {locale.id: locale.language_code for locale in Locale.objects.all()}
    source_language = settings.LANGUAGE_CODE
    wanted = set(languages) if languages else set(locales.values())
    targets_wanted = {
        locale_id: code
        for locale_id, code in locales.items()
        if code != source_language and code in wanted
    }
    sources = Page.objects.filter(
        locale__language_code=source_language,
        content_type_id__in=content_types,
        live=True,
        alias_of__isnull=True,
    )
    keys = sources.values("translation_key")
    targets: dict[tuple, _Target] = {
        (row["translation_key"], row["locale_id"]): _Target(
            row["id"], row["live"], row["has_unpublished_changes"], row["last_published_at"]
        )
        for row in Page.objects.filter(
            translation_key__in=keys, locale_id__in=targets_wanted, alias_of__isnull=True
        ).values(
            "id",
            "translation_key",
            "locale_id",
            "live",
            "has_unpublished_changes",
            "last_published_at",
        )
    }
    synced: dict[tuple, dt.datetime] = {
        (row["source__object_id"], row["target_locale_id"]): row["source__last_updated_at"]
        for row in Translation.objects.filter(
            source__in=TranslationSource.objects.filter(
                object_id__in=keys, locale__language_code=source_language
            ),
            target_locale_id__in=targets_wanted,
        ).values("source__object_id", "target_locale_id", "source__last_updated_at")
    }
    # Strings a translator changed since the translation was last published.
    edited: dict[tuple, dt.datetime] = {
        (row["context__object_id"], row["locale_id"]): row["edited_at"]
        for row in StringTranslation.objects.filter(
            context__object_id__in=keys, locale_id__in=targets_wanted
        )
        .values("context__object_id", "locale_id")
        .annotate(edited_at=Max("updated_at"))
    }
    rows = []
    for source in sources.order_by("path").values(
        "id", "title", "translation_key", "content_type_id", "last_published_at"
    ):
        for locale_id, language in targets_wanted.items():
            key = (source["translation_key"], locale_id)
            target = targets.get(key)
            rows.append(
                StatusRow(
                    section=content_types[source["content_type_id"]],
                    source_id=source["id"],
                    source_title=source["title"],
                    language=language,
                    state=_state(
                        source["last_published_at"], target, synced.get(key), edited.get(key)
                    ),
                    translation_id=target.id if target else None,
                    source_published_at=source["last_published_at"],
                )
            )
    return rows
