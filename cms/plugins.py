"""The content-type plugin registry: the only place the core learns about content types.

Each plugin app under ``pages/`` describes itself with a :class:`ContentTypePlugin` and
registers it from its ``AppConfig.ready()``. The core builds page-creation rules, URLs,
API routers, feeds, calendars, search facets and editorial sections by iterating over
:data:`registry`; it never imports a plugin by name.

What a plugin adds to one feature is a *contribution*: an instance of a
:class:`Contribution` subclass owned by that feature (``ApiContribution``,
``SiteContribution``, ``SearchContribution``, ``EditorialSection``). Contributions are
keyed by their type, so a feature asks ``plugin.contribution(SiteContribution)`` and gets
the declared one or that type's documented default; a misspelt feature name cannot
silently fall back to defaults, because there are no names. :meth:`PluginRegistry.register`
checks every plugin at start-up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from django.core.exceptions import FieldDoesNotExist, ImproperlyConfigured
from django.db import models

if TYPE_CHECKING:
    from wagtail.models import Page

ContributionT = TypeVar("ContributionT", bound="Contribution")


class Contribution:
    """Base of every kind of contribution; each feature defines one subclass.

    A subclass is a frozen dataclass whose fields all have defaults. Override
    :meth:`default_for` when what a plugin gets without declaring one depends on the
    plugin, and :meth:`problems` to refuse, at start-up, a declaration that cannot work.
    """

    @classmethod
    def default_for(cls: type[ContributionT], plugin: ContentTypePlugin) -> ContributionT:
        """What ``plugin`` gets when it declares no contribution of this kind."""
        return cls()

    def problems(self, plugin: ContentTypePlugin) -> list[str]:
        """Why this contribution cannot work for ``plugin`` (empty when it can)."""
        return []


@dataclass(frozen=True)
class ContentTypePlugin:
    """What one content type contributes to the product.

    ``key`` is the plural, URL-safe name used in API paths and feeds (``"trainings"``).
    ``page_model`` is the content page and ``index_model`` the listing page that lives
    directly under the home page of each language and holds the content pages.
    ``demo_data`` is the plugin's demo content file, read only by ``load_demo``
    (see :mod:`cms.demo.loader`); ``order`` sorts plugins in navigation.

    Facts that several features read are declared here, once:

    - ``theme_field``: the many-to-many to :class:`~cms.vocabularies.models.Theme` that
      the API's ``theme`` parameter, the search theme facet and the per-topic feeds use
      (``None``: the type has no themes). For the facet it must be an ``index.FilterField``.
    - ``date_field``: the field that dates an item (news: its announcement date). Feeds
      and, unless a feature says otherwise, the API list newest first by it
      (:attr:`newest_first`).
    - ``show_untranslated``: whether the section's Finnish (source-language) pages that
      have no visible translation in a language still appear in that language's
      listings, feeds and search, marked with their own language (see
      :mod:`cms.untranslated`). Time-bound sections a reader must not miss (trainings,
      grant calls) turn it on.

    ``contributions`` holds at most one contribution of each kind (see
    :class:`Contribution`); read them with :meth:`contribution`.
    """

    key: str
    page_model: type[Page]
    index_model: type[Page]
    demo_data: Path | None = None
    order: int = 100
    show_untranslated: bool = False
    theme_field: str | None = None
    date_field: str = "first_published_at"
    contributions: tuple[Contribution, ...] = ()

    @property
    def app_label(self) -> str:
        return str(self.page_model._meta.app_label)

    @property
    def verbose_name_plural(self) -> str:
        return str(self.page_model._meta.verbose_name_plural)

    @property
    def newest_first(self) -> tuple[str, ...]:
        """Newest first by :attr:`date_field`, then by first publication."""
        newest = f"-{self.date_field}"
        return (newest,) if newest == "-first_published_at" else (newest, "-first_published_at")

    def contribution(self, kind: type[ContributionT]) -> ContributionT:
        """The plugin's contribution of ``kind``, or that kind's default for this plugin."""
        for contribution in self.contributions:
            if type(contribution) is kind:
                return contribution
        return kind.default_for(self)


def plugin_problems(plugin: ContentTypePlugin) -> list[str]:
    """Everything wrong with a plugin's declaration, in words an integrator can act on."""
    if not isinstance(plugin.contributions, tuple | list):
        return [
            f"contributions must be a tuple of contribution objects "
            f"(ApiContribution(...), SiteContribution(...), ...), "
            f"not a {type(plugin.contributions).__name__}"
        ]
    problems = _field_problems(plugin)
    seen: set[type] = set()
    for item in plugin.contributions:
        if isinstance(item, type):
            problems.append(f"the contribution {item.__name__} is a class; declare an instance")
        elif not isinstance(item, Contribution):
            problems.append(
                f"{item!r} is not a contribution: a contribution is an instance of a "
                f"subclass of cms.plugins.Contribution ({known_kinds()})"
            )
        elif type(item) in seen:
            problems.append(f"two {type(item).__name__} contributions; declare one")
        else:
            seen.add(type(item))
            problems.extend(f"{type(item).__name__}: {text}" for text in item.problems(plugin))
    return problems


def _field_problems(plugin: ContentTypePlugin) -> list[str]:
    from cms.vocabularies.models import Theme

    problems = []
    meta = plugin.page_model._meta
    if plugin.theme_field is not None:
        try:
            field = meta.get_field(plugin.theme_field)
        except FieldDoesNotExist:
            field = None
        if field is None or not field.many_to_many or field.related_model is not Theme:
            problems.append(
                f"theme_field {plugin.theme_field!r} is not a many-to-many to Theme "
                f"on {plugin.page_model.__name__}"
            )
    try:
        date = meta.get_field(plugin.date_field)
    except FieldDoesNotExist:
        date = None
    if not isinstance(date, models.DateField):  # DateTimeField is a DateField
        problems.append(
            f"date_field {plugin.date_field!r} is not a date field of {plugin.page_model.__name__}"
        )
    return problems


def known_kinds() -> str:
    """The contribution kinds defined so far, for error messages."""
    kinds: list[type[Contribution]] = []
    pending: list[type[Contribution]] = [Contribution]
    while pending:
        subclasses = pending.pop().__subclasses__()
        kinds.extend(subclasses)
        pending.extend(subclasses)
    return ", ".join(sorted(kind.__name__ for kind in kinds)) or "none defined"


class PluginRegistry:
    """An ordered, keyed collection of the enabled content-type plugins."""

    def __init__(self) -> None:
        self._plugins: dict[str, ContentTypePlugin] = {}

    def register(self, plugin: ContentTypePlugin) -> ContentTypePlugin:
        """Add ``plugin``; raise ImproperlyConfigured naming it and every problem found."""
        existing = self._plugins.get(plugin.key)
        if existing is not None and existing.page_model is not plugin.page_model:
            raise ImproperlyConfigured(
                f"Two content-type plugins claim the key {plugin.key!r}: "
                f"{existing.page_model.__name__} and {plugin.page_model.__name__}"
            )
        problems = plugin_problems(plugin)
        if problems:
            raise ImproperlyConfigured(
                f"Content-type plugin {plugin.key!r}: " + "; ".join(problems) + "."
            )
        self._plugins[plugin.key] = plugin
        return plugin

    def __iter__(self) -> Iterator[ContentTypePlugin]:
        return iter(sorted(self._plugins.values(), key=lambda plugin: (plugin.order, plugin.key)))

    def __len__(self) -> int:
        return len(self._plugins)

    def __contains__(self, key: object) -> bool:
        return key in self._plugins

    def get(self, key: str) -> ContentTypePlugin:
        """The plugin registered under ``key``; KeyError if there is none."""
        return self._plugins[key]

    def find(self, key: str) -> ContentTypePlugin | None:
        """The plugin registered under ``key``, or None (for keys taken from URLs)."""
        return self._plugins.get(key)

    def for_page_model(self, model: type) -> ContentTypePlugin | None:
        """The plugin whose content page model is ``model`` or one of its bases."""
        for plugin in self:
            if issubclass(model, plugin.page_model):
                return plugin
        return None

    def for_index_model(self, model: type) -> ContentTypePlugin | None:
        """The plugin whose listing page model is ``model`` or one of its bases."""
        for plugin in self:
            if issubclass(model, plugin.index_model):
                return plugin
        return None

    def page_models(self) -> list[type[Page]]:
        return [plugin.page_model for plugin in self]

    def index_models(self) -> list[type[Page]]:
        return [plugin.index_model for plugin in self]


registry = PluginRegistry()


def register(plugin_factory: Callable[[], ContentTypePlugin]) -> ContentTypePlugin:
    """Build and register a plugin; call it from the plugin app's ``AppConfig.ready()``."""
    return registry.register(plugin_factory())
