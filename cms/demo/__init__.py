"""Demo content: a realistic site in Finnish with Swedish and English translations.

The core provides :class:`DemoContext`; each content-type plugin contributes a builder
(``ContentTypePlugin.demo_builder``) that creates its listing page and pages through its
factories. Everything is keyed by slug, so loading twice leaves the site as it was.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Locale, Page

from cms.translation import translate

SOURCE_LANGUAGE = "fi"
TARGET_LANGUAGES = ("sv", "en")

#: Translated field values per target language: ``{"sv": {...}, "en": {...}}``.
Translations = dict[str, dict[str, Any]]
DemoBuilder = Callable[["DemoContext"], None]


@dataclass
class DemoContext:
    """What a plugin's demo builder needs: locales, home pages, vocabularies, helpers."""

    home: Page
    today: dt.date = field(default_factory=timezone.localdate)
    created: list[Page] = field(default_factory=list)

    @property
    def locales(self) -> dict[str, Locale]:
        return {locale.language_code: locale for locale in Locale.objects.all()}

    def vocabulary(self, model: type[models.Model], slug: str) -> models.Model:
        """The Finnish (source) row of a vocabulary term, by its slug."""
        return model.objects.get(locale__language_code=SOURCE_LANGUAGE, slug=slug)

    def vocabularies(self, model: type[models.Model], *slugs: str) -> list[models.Model]:
        return [self.vocabulary(model, slug) for slug in slugs]

    def at(self, days: int, hour: int = 9, minute: int = 0) -> dt.datetime:
        """An aware Helsinki datetime ``days`` from today at ``hour:minute``."""
        day = self.today + dt.timedelta(days=days)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))

    def day(self, days: int) -> dt.date:
        return self.today + dt.timedelta(days=days)

    def page(
        self,
        parent: Page,
        factory: Callable[..., Page],
        slug: str,
        translations: Translations,
        **fields: Any,
    ) -> Page:
        """Create, publish and translate a page unless one with ``slug`` exists already."""
        existing = parent.get_children().filter(slug=slug).first()
        if existing is not None:
            return existing.specific
        page = factory(parent=parent, slug=slug, **fields)
        page.save_revision().publish()
        page.refresh_from_db()
        self.translate(page, translations)
        self.created.append(page)
        return page

    def translate(self, instance: models.Model, translations: Translations) -> None:
        locales = self.locales
        for language, values in translations.items():
            if not instance.has_translation(locales[language]):
                translate(instance, locales[language], values)


@dataclass(frozen=True)
class Text:
    """The translated text of one page in one language."""

    title: str
    lead: str = ""
    body: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict)


def body_stream(slug: str, paragraphs: tuple[str, ...]) -> list[dict[str, Any]]:
    """Raw StreamField data of text paragraphs, with block ids stable across languages."""
    return [
        {"type": "paragraph", "value": f"<p>{text}</p>", "id": f"{slug}-{number}"}
        for number, text in enumerate(paragraphs)
    ]


def localized_fields(slug: str, fi: Text, **targets: Text) -> tuple[dict[str, Any], Translations]:
    """Source-language field values and per-language translations for :meth:`DemoContext.page`."""

    def values(text: Text, page_slug: str) -> dict[str, Any]:
        fields = {"title": text.title, "slug": page_slug, "lead": text.lead, **text.extra}
        if text.body:
            fields["body"] = body_stream(slug, text.body)
        return fields

    source = values(fi, slug)
    source.pop("slug")
    translations = {
        language: values(text, slugify(text.title)[:80]) for language, text in targets.items()
    }
    return source, translations
