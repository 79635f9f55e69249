"""The one demo loader: builds pages, snippets and images from the demo data files.

Only ``manage.py load_demo`` imports this package; the data files are read when it runs,
so no web or worker process carries the demo. Everything is keyed by slug (or another
natural key), so loading twice leaves the site as it was.

A data file is a JSON object with up to four keys, loaded in phases across all files so
that no file depends on the order in which the others load:

``images``
    Pictures drawn with Pillow (:mod:`cms.demo.images`), referred to by their ``title``.
``snippets``
    ``[{"model": "app.Model", "items": [{field: value, …}]}]``: vocabulary rows, found by
    their ``slug`` (or ``code``, ``email``) in Finnish and translated into Swedish and English.
``home``
    ``{"fields": {…}}``: the translations of the home page the migrations created.
``pages``
    ``[{"model": "app.Model", "fields": {…}, "children": [...]}]``: pages under the home
    page, each with its subpages. Pages that refer to other pages (:mod:`cms.demo.values`)
    are created after all others.

Field values use the notation of :mod:`cms.demo.values`. A foreign key or many-to-many value
names the related rows by their natural key (an image by its title); StreamField values are
raw block data whose block ids are the same in every language, so translations match their
Finnish blocks.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Locale, Page

from cms.demo.images import DemoImage, demo_image
from cms.demo.values import (
    MISSING,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGES,
    Missing,
    has_page_references,
    has_translations,
    resolve,
)
from cms.plugins import registry
from cms.translation import translate

#: The shared vocabularies (themes, audiences, regions, organisations, people), loaded first.
VOCABULARIES = Path(__file__).with_name("vocabularies.json")
#: Fields that name a vocabulary row in demo data, in order of preference.
NATURAL_KEYS = ("slug", "code", "email")


class DemoDataError(Exception):
    """A demo data file names something that does not exist or is malformed."""


@dataclass
class DemoLoader:
    """Loads demo data files into the site under ``home`` (the Finnish home page)."""

    home: Page
    today: dt.date = field(default_factory=timezone.localdate)
    created: list[Page] = field(default_factory=list)
    images: dict[str, DemoImage] = field(default_factory=dict)
    #: Pages that refer to other pages, with their data file and parent, until all exist.
    deferred: list[tuple[Path, Page, dict[str, Any]]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}

    def load(self, paths: list[Path]) -> None:
        documents = [(path, read(path)) for path in paths]
        for _path, document in documents:
            self.images.update(images_in(document))
        for path, document in documents:
            with naming(path):
                for group in document.get("snippets", ()):
                    self._snippets(model_named(group["model"]), group["items"])
                if "home" in document:
                    self._translate(self.home, document["home"]["fields"])
        for path, document in documents:
            deferred: list[tuple[Page, dict[str, Any]]] = []
            with naming(path):
                for spec in document.get("pages", ()):
                    self._page(self.home, spec, deferred)
            self.deferred.extend((path, parent, spec) for parent, spec in deferred)
        for path, parent, spec in self.deferred:
            with naming(path):
                self._page(parent, spec, None)  # every page it may refer to exists now
        self.deferred.clear()

    def _snippets(self, model: type[models.Model], items: list[dict[str, Any]]) -> None:
        key = natural_key(model)
        source = self.locales[SOURCE_LANGUAGE]
        for item in items:
            values, many = self._values(model, item, SOURCE_LANGUAGE)
            instance = model.objects.filter(locale=source, **{key: values[key]}).first()
            if instance is None:
                instance = model.objects.create(locale=source, **values)
                for name, related in many.items():
                    getattr(instance, name).set(related)
            self._translate(instance, item)

    def _page(
        self,
        parent: Page,
        spec: dict[str, Any],
        deferred: list[tuple[Page, dict[str, Any]]] | None,
    ) -> None:
        """Create ``spec``'s page under ``parent`` unless it exists, then its subpages.

        With ``deferred`` given, a page that refers to other pages is put there instead.
        """
        model, fields = model_named(spec["model"]), spec["fields"]
        slug = resolve(fields["slug"], SOURCE_LANGUAGE, self.today, self._page_id)
        page = parent.get_children().filter(slug=slug).first()
        if page is None:
            if deferred is not None and has_page_references(fields):
                deferred.append((parent, spec))
                return
            page = self._create_page(parent, model, fields)
        for child in spec.get("children", ()):
            self._page(page.specific, child, deferred)

    def _create_page(self, parent: Page, model: type[Page], fields: dict[str, Any]) -> Page:
        values, many = self._values(model, fields, SOURCE_LANGUAGE)
        page = model(**values)
        for name, related in many.items():
            getattr(page, name).set(related)  # a ParentalManyToManyField, saved with the page
        parent.add_child(instance=page)
        page.save_revision().publish()
        page.refresh_from_db()
        self._translate(page, fields)
        self.created.append(page)
        return page

    def _translate(self, instance: models.Model, fields: dict[str, Any]) -> None:
        """Translate ``instance`` into each target language it has no translation in yet.

        Every language gets a translation, even when no value differs from the Finnish one,
        so that the rows exist in every locale as an editor's translation would make them.
        """
        translated = {name: value for name, value in fields.items() if has_translations(value)}
        for language in TARGET_LANGUAGES:
            locale = self.locales[language]
            if not instance.has_translation(locale):
                values, _many = self._values(type(instance), translated, language)
                translate(instance, locale, values)

    def _values(
        self, model: type[models.Model], fields: dict[str, Any], language: str
    ) -> tuple[dict[str, Any], dict[str, list[models.Model]]]:
        """Model field values in ``language``: (columns and foreign keys, many-to-many)."""
        values: dict[str, Any] = {}
        many: dict[str, list[models.Model]] = {}
        for name, data in fields.items():
            try:
                model_field = model._meta.get_field(name)
            except FieldDoesNotExist as error:
                raise DemoDataError(f"{model.__name__} has no field {name!r}") from error
            value = resolve(data, language, self.today, self._page_id)
            if model_field.many_to_many:
                many[name] = [self._related(model_field.related_model, key) for key in value]
            elif model_field.many_to_one:
                related = model_field.related_model
                values[name] = None if value is None else self._related(related, value)
            elif isinstance(model_field, StreamField):
                values[name] = json.loads(json.dumps(value, cls=DjangoJSONEncoder))
            else:
                values[name] = model_field.to_python(value)
        return values, many

    def _related(self, model: type[models.Model], key: str) -> models.Model:
        """The row of ``model`` that demo data names ``key`` (Finnish, if translatable)."""
        if model is get_image_model():
            if key not in self.images:
                raise DemoDataError(f"no demo image titled {key!r}")
            return demo_image(self.images[key])
        rows = model.objects.filter(**{natural_key(model): key})
        if any(f.name == "locale" for f in model._meta.get_fields()):
            rows = rows.filter(locale=self.locales[SOURCE_LANGUAGE])
        row = rows.first()
        if row is None:
            raise DemoDataError(f"no {model._meta.label} {key!r}")
        return row

    def _page_id(self, reference: str) -> int | Missing:
        plugin_key, _colon, slug = reference.partition(":")
        if plugin_key not in registry:
            return MISSING
        page = (
            registry.get(plugin_key)
            .page_model.objects.filter(locale__language_code=SOURCE_LANGUAGE, slug=slug)
            .first()
        )
        if page is None:
            raise DemoDataError(f"the page {reference!r} is not in the demo data")
        return page.pk


def natural_key(model: type[models.Model]) -> str:
    names = {f.name for f in model._meta.get_fields()}
    for name in NATURAL_KEYS:
        if name in names:
            return name
    raise DemoDataError(f"{model._meta.label} has none of the natural keys {NATURAL_KEYS}")


def demo_images(path: Path) -> dict[str, DemoImage]:
    """The pictures a demo data file describes, by title."""
    return images_in(read(path))


def images_in(document: dict[str, Any]) -> dict[str, DemoImage]:
    return {spec["title"]: DemoImage.from_data(spec) for spec in document.get("images", ())}


def model_named(label: str) -> type[models.Model]:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError) as error:
        raise DemoDataError(f"no model {label!r}") from error


def read(path: Path) -> dict[str, Any]:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DemoDataError(f"{path}: {error}") from error


@contextmanager
def naming(path: Path) -> Iterator[None]:
    """Prefix a :class:`DemoDataError` raised inside with the data file it came from."""
    try:
        yield
    except DemoDataError as error:
        raise DemoDataError(f"{path}: {error}") from error


def demo_data_files() -> list[Path]:
    """The vocabularies, every plugin's demo data, then the site's own (``DEMO_DATA_FILES``)."""
    from django.conf import settings

    plugin_files = [plugin.demo_data for plugin in registry if plugin.demo_data is not None]
    return [VOCABULARIES, *plugin_files, *map(Path, settings.DEMO_DATA_FILES)]
