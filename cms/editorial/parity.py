"""Finnish/Swedish parity: live content that readers of one of the two languages lack.

Every section is reported; ``EditorialSection(parity_required=True)`` marks those where a
gap is a duty left undone (the others show it for information). The language pair is the
``EDITORIAL_PARITY_LANGUAGES`` setting. A gap is a content page live in one language whose
counterpart in the other is missing or not live.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

from cms.editorial.sections import sections
from cms.plugins import ContentTypePlugin


@dataclass(frozen=True)
class ParityGap:
    page_id: int
    title: str
    live_language: str
    missing_language: str


@dataclass
class SectionParity:
    section: ContentTypePlugin
    live_counts: dict[str, int]
    required: bool = False
    gaps: list[ParityGap] = field(default_factory=list)

    @property
    def in_parity(self) -> bool:
        return not self.gaps


def parity_languages() -> tuple[str, str]:
    first, second = settings.EDITORIAL_PARITY_LANGUAGES
    return first, second


def section_parity(plugin: ContentTypePlugin, *, required: bool = False) -> SectionParity:
    pair = parity_languages()
    live_pages: dict[object, dict[str, dict]] = defaultdict(dict)
    for row in (
        Page.objects.filter(
            content_type=ContentType.objects.get_for_model(plugin.page_model),
            locale__language_code__in=pair,
            alias_of__isnull=True,
            live=True,
        )
        .order_by("path")
        .values("id", "title", "translation_key", "locale__language_code")
    ):
        live_pages[row["translation_key"]][row["locale__language_code"]] = row
    report = SectionParity(
        section=plugin,
        required=required,
        live_counts={
            language: sum(language in pages for pages in live_pages.values()) for language in pair
        },
    )
    for pages in live_pages.values():
        if len(pages) == len(pair):
            continue
        ((live_language, page),) = pages.items()
        (missing_language,) = (language for language in pair if language != live_language)
        report.gaps.append(ParityGap(page["id"], page["title"], live_language, missing_language))
    return report


def parity_report() -> list[SectionParity]:
    """Parity of every section, those that require both languages first."""
    reports = [
        section_parity(plugin, required=section.parity_required) for plugin, section in sections()
    ]
    return sorted(reports, key=lambda report: not report.required)
