"""A large, realistic, deterministic dataset for the benchmarks (``manage.py seed_bench``).

The demo's vocabularies (regions, organisations, audiences, themes, people, in fi/sv/en) and
home pages are created the editor's way; each content type's listing page too, in every
language. The content pages themselves come from each plugin's ``seed`` module
(``pages/<app>/seed.py``, a ``seed_page(context, number)`` function) and are published in
bulk (:mod:`cms.bulk`), the Finnish source first, then its Swedish and English translations
(same translation key, the translated fields replaced, the synchronised ones copied).

The same ``seed`` gives the same titles, relations, dates (counted from today) and
translation keys, so two runs on two machines measure the same data.
"""

from __future__ import annotations

import datetime as dt
import importlib
import importlib.util
import io
import random
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone, translation
from django.utils.text import slugify
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.models import Locale, Page, Site

from cms.bulk import NewPage, publish_in_bulk
from cms.demo.loader import DemoLoader, demo_data_files
from cms.media.models import CustomImage
from cms.plugins import ContentTypePlugin, registry
from cms.vocabularies.models import Audience, Language, Organisation, Person, Region, Theme
from search.indexing import paused_index_updates

LANGUAGES = ("fi", "sv", "en")
#: Share of source pages translated into each language, as on the real sites.
TRANSLATED_SHARE = {"sv": 0.35, "en": 0.25}

#: Words the titles are drawn from, per language: the inflected forms searches must find.
WORDS = {
    "fi": {
        "kind": ["Täydennyskoulutus", "Koulutus", "Webinaari", "Työpaja", "Verkostotapaaminen",
                 "Ohjaustilaisuus", "Seminaari", "Hanke", "Uutinen", "Tiedote"],
        "topic": ["varhaiskasvatuksen", "perusopetuksen", "lukiokoulutuksen", "kirjastojen",
                  "ammatillisen koulutuksen", "oppilashuollon", "digitaalisen oppimisen",
                  "kulttuuritoimen", "vapaan sivistystyön", "kielikylvyn"],
        "audience": ["opettajille", "rehtoreille", "ohjaajille", "henkilöstölle",
                     "kirjastoammattilaisille", "päättäjille"],
        "lead": "Aluehallintoviraston {kind} opetus- ja kulttuuritoimen verkostoille: "
                "{topic} kehittäminen ja ajankohtaiset säädökset.",
        "paragraph": "Tilaisuudessa käsitellään {topic} ajankohtaisia kysymyksiä, "
                     "hyviä käytäntöjä ja alueellista yhteistyötä.",
    },
    "sv": {
        "kind": ["Fortbildning", "Utbildning", "Webbinarium", "Workshop", "Nätverksträff",
                 "Handledningstillfälle", "Seminarium", "Projekt", "Nyhet", "Meddelande"],
        "topic": ["inom småbarnspedagogik", "i grundläggande utbildning", "för bibliotek",
                  "i gymnasieutbildning", "inom yrkesutbildning", "inom elevvård",
                  "för digitalt lärande", "inom kulturväsendet", "inom fritt bildningsarbete",
                  "i språkbad"],
        "audience": ["för lärare", "för rektorer", "för handledare", "för personal",
                     "för biblioteksfolk", "för beslutsfattare"],
        "lead": "Regionförvaltningsverkets {kind} för nätverk inom undervisning och kultur.",
        "paragraph": "Vi behandlar aktuella frågor {topic}, goda exempel och regionalt samarbete.",
    },
    "en": {
        "kind": ["Continuing education", "Training", "Webinar", "Workshop", "Network meeting",
                 "Guidance session", "Seminar", "Project", "News", "Announcement"],
        "topic": ["in early childhood education", "in basic education", "for libraries",
                  "in upper secondary education", "in vocational education",
                  "in pupil welfare", "for digital learning", "in cultural services",
                  "in liberal adult education", "in language immersion"],
        "audience": ["for teachers", "for principals", "for counsellors", "for staff",
                     "for library professionals", "for decision-makers"],
        "lead": "The regional agency's {kind} for education and culture staff.",
        "paragraph": "Current questions {topic}, good practice and regional cooperation.",
    },
}  # fmt: skip


#: The seeded images: what each shows in fi, sv and en, and the colours it is drawn in.
IMAGES = [
    ({"fi": "Opettajia täydennyskoulutuksessa auditoriossa",
      "sv": "Lärare på fortbildning i ett auditorium",
      "en": "Teachers at a continuing education session in an auditorium"}, (31, 78, 121)),
    ({"fi": "Verkoston jäseniä työpajassa pöydän ääressä",
      "sv": "Nätverkets medlemmar i en workshop kring ett bord",
      "en": "Network members in a workshop around a table"}, (170, 68, 101)),
    ({"fi": "Kirjaston lukusali ja kirjahyllyjä",
      "sv": "Bibliotekets läsesal och bokhyllor",
      "en": "A library reading room with bookshelves"}, (46, 125, 50)),
    ({"fi": "Kuvakaappaus webinaarista, jossa puhuja esittelee kalvoja",
      "sv": "Skärmbild från ett webbinarium där talaren visar bilder",
      "en": "Screenshot of a webinar with the speaker presenting slides"}, (239, 108, 0)),
    ({"fi": "Lapsia ja kasvattaja päiväkodin pihalla",
      "sv": "Barn och en pedagog på daghemmets gård",
      "en": "Children and an educator in a day-care yard"}, (94, 53, 177)),
    ({"fi": "Hankkeen tuloksia esittelevä juliste seinällä",
      "sv": "En affisch med projektets resultat på väggen",
      "en": "A poster presenting the project's results on a wall"}, (0, 121, 107)),
]  # fmt: skip
#: Share of the pages of a type with a main image that have one.
IMAGE_SHARE = 0.7


@dataclass
class SeedImage:
    """A seeded image and its alternative text in each language."""

    image: CustomImage
    alt_texts: dict[str, str]


@dataclass
class Vocabulary:
    """The Finnish (source) rows the pages point at, as real sites spread them."""

    regions: list[Region]
    organisations: list[Organisation]
    audiences: list[Audience]
    themes: list[Theme]
    languages: list[Language]
    people: list[Person]
    images: list[SeedImage] = field(default_factory=list)


@dataclass
class SeedPage:
    """One source page from a plugin: its fields, relations and per-language text fields."""

    fields: dict[str, Any]
    relations: dict[str, Sequence[models.Model]] = field(default_factory=dict)
    translated: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class SeedContext:
    """What a plugin's ``seed_page`` draws from: a seeded generator, terms, dates, text."""

    rng: random.Random
    vocabulary: Vocabulary
    today: dt.date

    def at(self, days: int, hour: int = 9) -> dt.datetime:
        day = self.today + dt.timedelta(days=days)
        return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))

    def day(self, days: int) -> dt.date:
        return self.today + dt.timedelta(days=days)

    def skewed(self, rows: Sequence[Any]) -> Any:
        """One of ``rows``, the first ones far more often (a few regions hold most events)."""
        return rows[min(int(self.rng.paretovariate(1.2)) - 1, len(rows) - 1)]

    def some(self, rows: Sequence[Any], low: int, high: int) -> list[Any]:
        count = min(len(rows), self.rng.randint(low, high))
        return sorted(self.rng.sample(list(rows), count), key=lambda row: row.pk)

    def text(self, number: int) -> dict[str, dict[str, Any]]:
        """Title, lead and a body in fi, sv and en about one drawn topic and audience."""
        kind = self.rng.randrange(len(WORDS["fi"]["kind"]))
        topic = self.rng.randrange(len(WORDS["fi"]["topic"]))
        audience = self.rng.randrange(len(WORDS["fi"]["audience"]))
        texts = {}
        for language in LANGUAGES:
            words = WORDS[language]
            title = (
                f"{words['kind'][kind]} {words['topic'][topic]} "
                f"{words['audience'][audience]} {number}"
            )
            texts[language] = {
                "title": title,
                "slug": f"{slugify(title)[:70]}",
                "lead": words["lead"].format(
                    kind=words["kind"][kind].lower(), topic=words["topic"][topic]
                ),
                "paragraphs": (words["paragraph"].format(topic=words["topic"][topic]),),
            }
        return texts

    def body(self, slug: str, text: dict[str, Any]) -> list[dict[str, Any]]:
        # Block ids stable across languages, as translations keep them.
        return [
            {"type": "paragraph", "value": f"<p>{paragraph}</p>", "id": f"{slug}-{number}"}
            for number, paragraph in enumerate(text["paragraphs"])
        ]

    def with_image(self, texts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """``texts`` with a main image on most pages: the image on the Finnish source (a
        synchronised field) and its alternative text in each language, as editors fill it."""
        if not self.vocabulary.images or self.rng.random() >= IMAGE_SHARE:
            return texts
        drawn = self.skewed(self.vocabulary.images)
        texts["fi"]["image"] = drawn.image
        for language, text in texts.items():
            text["image_alt_text"] = drawn.alt_texts[language]
        return texts

    def with_body(self, texts: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        """Title, slug, lead and body per language (block ids shared, as translations keep)."""
        return {
            language: {
                "title": text["title"],
                "slug": text["slug"],
                "lead": text["lead"],
                "body": self.body(texts["fi"]["slug"], text),
            }
            for language, text in texts.items()
        }


def seed_function(plugin: ContentTypePlugin) -> Callable[[SeedContext, int], SeedPage] | None:
    """The plugin's ``seed.seed_page``, found by convention next to its models."""
    package = plugin.page_model.__module__.rpartition(".")[0]
    if importlib.util.find_spec(f"{package}.seed") is None:
        return None
    return importlib.import_module(f"{package}.seed").seed_page


def _vocabulary(home: Page) -> Vocabulary:
    """The demo's shared vocabularies, which the seeded pages draw their terms from."""

    def source(model: type[models.Model]) -> list:
        return list(model.objects.filter(locale__language_code="fi").order_by("pk"))

    return Vocabulary(
        regions=source(Region),
        organisations=source(Organisation),
        audiences=source(Audience),
        themes=source(Theme),
        languages=list(Language.objects.order_by("pk")),
        people=source(Person),
        images=_images(),
    )


def _images() -> list[SeedImage]:
    """The seeded images, drawn with Pillow and saved the editor's way (once per site)."""
    images = []
    for number, (alt_texts, colour) in enumerate(IMAGES):
        title = f"seed-bench-{number + 1}"
        image = CustomImage.objects.filter(title=title).first()
        if image is None:
            drawn = ImageFile(io.BytesIO(_drawn_image(colour)), name=f"{title}.png")
            image = CustomImage(title=title, alt_text=alt_texts["fi"], file=drawn)
            image._set_image_file_metadata()  # size and hash, as the upload form sets them
            image.save()
        images.append(SeedImage(image, alt_texts))
    return images


def _drawn_image(colour: tuple[int, int, int], size: tuple[int, int] = (1200, 675)) -> bytes:
    """A 16:9 PNG: a gradient from ``colour`` with a few shapes, the same on every run."""
    width, height = size
    picture = PILImage.linear_gradient("L").resize(size).convert("RGB")
    tint = PILImage.new("RGB", size, colour)
    picture = PILImage.blend(picture, tint, 0.7)
    draw = ImageDraw.Draw(picture)
    for step in range(5):
        left = width // 8 + step * width // 7
        top = height // 3 + (step % 2) * height // 6
        draw.ellipse((left, top, left + width // 9, top + width // 9), fill=(255, 255, 255))
    output = io.BytesIO()
    picture.save(output, format="PNG", optimize=True)
    return output.getvalue()


def _home_pages(home: Page) -> dict[str, Page]:
    """Each language's home page, with the demo's vocabularies and site pages loaded."""
    site_files = [path for path in demo_data_files() if not _is_plugin_demo(path)]
    DemoLoader(home=home).load(site_files)
    return {page.locale.language_code: page for page in home.get_translations(inclusive=True)}


def _is_plugin_demo(path: Path) -> bool:
    return any(plugin.demo_data == path for plugin in registry)


def _index_pages(plugin: ContentTypePlugin, homes: dict[str, Page]) -> dict[str, Page]:
    """The plugin's listing page in each language (created the editor's way, if missing)."""
    indexes = {}
    for language, home in homes.items():
        existing = plugin.index_model.objects.child_of(home).first()
        if existing is None:
            with translation.override(language):
                title = str(plugin.verbose_name_plural).capitalize()
            existing = home.add_child(
                instance=plugin.index_model(title=title, slug=slugify(title), locale=home.locale)
            )
            existing.save_revision().publish()
        indexes[language] = existing
    return indexes


def _translated_copy(source: Page, locale: Locale, values: dict[str, Any]) -> Page:
    model = type(source)
    copied = {
        field.attname: getattr(source, field.attname)
        for field in model._meta.concrete_fields
        if not field.primary_key and field.attname != "page_ptr_id"
    }
    page = model(**copied)
    for name, value in values.items():
        setattr(page, name, value)
    page.locale = locale
    return page


def seed(
    counts: dict[str, int], *, seed: int = 1, progress: Callable[[int], None] | None = None
) -> dict[str, int]:
    """Create ``counts[plugin.key]`` source pages per plugin plus their translations.

    Returns the number of pages created per plugin key (sources and translations).
    """
    home = Site.objects.get(is_default_site=True).root_page.specific
    created: dict[str, int] = {}
    done = 0

    def advance(step: int) -> None:
        nonlocal done
        done += step
        if progress is not None:
            progress(done)

    with paused_index_updates():
        homes = _home_pages(home)
        context = SeedContext(
            rng=random.Random(seed), vocabulary=_vocabulary(home), today=timezone.localdate()
        )
        for plugin in registry:
            count = counts.get(plugin.key, 0)
            seed_page = seed_function(plugin)
            if not count or seed_page is None:
                continue
            indexes = _index_pages(plugin, homes)
            first = plugin.page_model.objects.filter(locale__language_code="fi").count()
            # One stream per plugin and starting point: the same seed on an empty site gives
            # the same pages, and a second run adds new ones (new numbers, new keys).
            rng = context.rng = random.Random(f"{seed}:{plugin.key}:{first}")
            sources: list[NewPage] = []
            targets: dict[str, list[NewPage]] = {language: [] for language in TRANSLATED_SHARE}
            for number in range(first, first + count):
                drawn = seed_page(context, number)
                key = uuid.UUID(int=rng.getrandbits(128), version=4)
                page = plugin.page_model(**drawn.fields, translation_key=key)
                page.locale = indexes["fi"].locale
                sources.append(NewPage(page, drawn.relations))
                for language, share in TRANSLATED_SHARE.items():
                    if rng.random() < share and language in drawn.translated:
                        copy = _translated_copy(
                            page, indexes[language].locale, drawn.translated[language]
                        )
                        targets[language].append(NewPage(copy, drawn.relations, source=page))
            publish_in_bulk(indexes["fi"], sources, progress=advance)
            for language, pages in targets.items():
                publish_in_bulk(indexes[language], pages, progress=advance)
            created[plugin.key] = len(sources) + sum(len(pages) for pages in targets.values())
    return created
