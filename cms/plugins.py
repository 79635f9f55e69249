"""The content-type plugin registry: the only place the core learns about content types.

Each plugin app under ``pages/`` describes itself with a :class:`ContentTypePlugin` and
registers it from its ``AppConfig.ready()``. The core builds page-creation rules, URLs,
demo content (and, as features arrive, API routers, feeds, sitemaps and search facets)
by iterating over :data:`registry`; it never imports a plugin by name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ImproperlyConfigured

if TYPE_CHECKING:
    from wagtail.models import Page


@dataclass(frozen=True)
class ContentTypePlugin:
    """What one content type contributes to the product.

    ``key`` is the plural, URL-safe name used in API paths and feeds (``"trainings"``).
    ``page_model`` is the content page and ``index_model`` the listing page that lives
    directly under the home page of each language and holds the content pages.
    ``demo_data`` is the plugin's demo content file, read only by ``load_demo``
    (see :mod:`cms.demo.loader`); ``order`` sorts plugins in navigation. ``contributions``
    carries feature-specific extension points (API schema, feeds, JSON-LD...) keyed by
    feature name, so that a feature can be added without changing this class.

    ``show_untranslated``: whether the section's Finnish (source-language) pages that have
    no visible translation in a language still appear in that language's listings, feeds
    and search, marked with their own language (see :mod:`cms.untranslated`). Time-bound
    sections a reader must not miss (trainings, grant calls) turn it on.
    """

    key: str
    page_model: type[Page]
    index_model: type[Page]
    demo_data: Path | None = None
    order: int = 100
    show_untranslated: bool = False
    contributions: dict[str, Any] = field(default_factory=dict)

    @property
    def app_label(self) -> str:
        return self.page_model._meta.app_label

    @property
    def verbose_name_plural(self) -> str:
        return str(self.page_model._meta.verbose_name_plural)


class PluginRegistry:
    """An ordered, keyed collection of the enabled content-type plugins."""

    def __init__(self) -> None:
        self._plugins: dict[str, ContentTypePlugin] = {}

    def register(self, plugin: ContentTypePlugin) -> ContentTypePlugin:
        existing = self._plugins.get(plugin.key)
        if existing is not None and existing.page_model is not plugin.page_model:
            raise ImproperlyConfigured(
                f"Two content-type plugins claim the key {plugin.key!r}: "
                f"{existing.page_model.__name__} and {plugin.page_model.__name__}"
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
        return self._plugins[key]

    def for_model(self, model: type) -> ContentTypePlugin | None:
        """The plugin whose content or listing page is ``model`` (or a subclass of it)."""
        for plugin in self:
            if issubclass(model, plugin.page_model | plugin.index_model):
                return plugin
        return None

    def page_models(self) -> list[type[Page]]:
        return [plugin.page_model for plugin in self]

    def index_models(self) -> list[type[Page]]:
        return [plugin.index_model for plugin in self]

    def with_contribution(self, feature: str) -> Iterator[tuple[ContentTypePlugin, Any]]:
        """Plugins that contribute to ``feature``, with what they contribute."""
        for plugin in self:
            if feature in plugin.contributions:
                yield plugin, plugin.contributions[feature]


registry = PluginRegistry()


def register(plugin_factory: Callable[[], ContentTypePlugin]) -> ContentTypePlugin:
    """Build and register a plugin; call it from the plugin app's ``AppConfig.ready()``."""
    return registry.register(plugin_factory())
