"""Site search over every content type: typed results, facet counts, title suggestions.

Used by the search page, the autocomplete view and the API router alike, so that they all
return the same pages: live, public pages of the requested locale, of the content types in
the plugin registry. Queries are analysed in the locale's language (:class:`LanguageQuery`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet
from django.db.models.lookups import In
from django.utils import translation
from django.utils.text import Truncator
from wagtail.models import Locale, Page

from cms.origin import page_url
from cms.plugins import ContentTypePlugin, registry
from cms.untranslated import untranslated_sources
from cms.visibility import IndexVisibility
from cms.vocabularies.models import Theme
from search.engine import run_with_fallback
from search.query import LanguageQuery
from search.search_contribution import SearchContribution
from search.text import has_compounds

MAX_QUERY_LENGTH = 200
MAX_LIMIT = 50
#: The most results one call reads: a cursor reads a page with a page of margin each side.
MAX_WINDOW = 3 * MAX_LIMIT
EXCERPT_CHARS = 240


class SearchInputError(ValueError):
    """A search parameter that cannot be used; ``field`` names it for the 400 response."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


@dataclass(frozen=True)
class SearchHit:
    """One page in the results, in the shape every consumer shows."""

    id: int
    type: str
    title: str
    url: str
    locale: str
    excerpt: str


@dataclass(frozen=True)
class FacetCount:
    """How many matching pages have one value (a content type or a theme)."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class SearchOutcome:
    """A page of hits, the total, facet counts by type and theme, and whether degraded."""

    query: str
    locale: str
    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0
    type_facets: list[FacetCount] = field(default_factory=list)
    theme_facets: list[FacetCount] = field(default_factory=list)
    degraded: bool = False
    #: True when the query matched nothing in its own language and the hits are in others.
    other_languages: bool = False


def resolve_locale(language_code: str) -> Locale:
    try:
        return Locale.objects.get(language_code=language_code)
    except Locale.DoesNotExist:
        codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
        raise SearchInputError(
            "locale", f"Unknown locale {language_code!r}; use one of {codes}."
        ) from None


def resolve_type(type_key: str | None) -> ContentTypePlugin | None:
    if not type_key:
        return None
    if type_key not in registry:
        keys = ", ".join(plugin.key for plugin in registry)
        raise SearchInputError("type", f"Unknown type {type_key!r}; use one of {keys}.")
    return registry.get(type_key)


AUTOCOMPLETE_WORD = re.compile(r"[\w-]+")


def clean_query(query: str | None) -> str:
    query = (query or "").strip()
    if any(ord(character) < 32 or ord(character) == 127 for character in query):
        raise SearchInputError("q", "The query contains control characters (such as NUL).")
    if len(query) > MAX_QUERY_LENGTH:
        raise SearchInputError("q", f"The query is longer than {MAX_QUERY_LENGTH} characters.")
    return query


@dataclass
class SearchScope:
    """What one search reads once and applies to each of its backend queries.

    A search runs several (all types for the type facets, the ranked page, one theme facet
    per type, perhaps again with compounds split or in another language); each needs the
    visibility rule and the untranslated sources, which must not change in between.
    """

    visibility: IndexVisibility = field(default_factory=IndexVisibility.now)
    untranslated_ids: dict[tuple[str, str], list[int]] = field(default_factory=dict)

    def untranslated(self, plugin: ContentTypePlugin, language_code: str) -> list[int]:
        key = (plugin.key, language_code)
        if key not in self.untranslated_ids:
            sources = untranslated_sources(
                plugin.page_model, language_code, public=self.visibility.apply
            )
            self.untranslated_ids[key] = list(sources.order_by().values_list("pk", flat=True))
        return self.untranslated_ids[key]


def in_language(locale: Locale, plugins: list[ContentTypePlugin], scope: SearchScope) -> Q:
    """The pages a reader of ``locale`` searches among: that locale's, plus untranslated ones.

    Sections that declare ``show_untranslated`` add their Finnish pages that have no
    visible translation in ``locale`` (as ids: every backend filters on ``id``); hits say
    their own language, so the results mark them.
    """
    untranslated = [
        pk
        for plugin in plugins
        if plugin.show_untranslated
        for pk in scope.untranslated(plugin, locale.language_code)
    ]
    if not untranslated:
        return Q(locale=locale)
    return Q(locale=locale) | Q(InArray(F("id"), untranslated))


class InArray(In):
    """``id__in`` with the values as one array parameter on PostgreSQL (``id = ANY(%s)``).

    The untranslated pages of a Swedish or English search are thousands of ids at 10,000
    trainings, sent with every query of the search; with a placeholder per id, Django's
    compiler and psycopg's placeholder parser spent more time on them than PostgreSQL on the
    search. Still an ``in`` lookup to modelsearch, so the engines filter on the same ids.
    """

    def as_postgresql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        # Typed as the column: psycopg would send small ids as smallint[], and an integer
        # column compared with smallint values cannot use the hashed lookup (it then
        # scanned the list for every row: 1.9 s in one theme facet at 10,000 trainings).
        array_type = f"{self.lhs.output_field.cast_db_type(connection)}[]"
        return f"{lhs} = ANY(%s::{array_type})", (*lhs_params, list(self.rhs))


def visible_pages(
    locale: Locale, plugins: list[ContentTypePlugin], scope: SearchScope | None = None
) -> QuerySet:
    """Pages anyone may see in ``locale``: live, without view restrictions, of these types."""
    scope = scope or SearchScope()
    models = [plugin.page_model for plugin in plugins]
    pages = Page.objects.type(*models).filter(in_language(locale, plugins, scope))
    return scope.visibility.apply(pages)


def _excerpt(page: Page, plugin: ContentTypePlugin) -> str:
    text = (
        getattr(page, plugin.contribution(SearchContribution).excerpt_field, "")
        or page.search_description
    )
    return Truncator(str(text or "")).chars(EXCERPT_CHARS)


def _hits(pages: list[Page], locale: Locale) -> list[SearchHit]:
    """Hits in the order of ``pages`` (search order), read from the specific page models.

    Each hit carries its own language: an untranslated page or a cross-language match is
    not in ``locale``.
    """
    specific = Page.objects.filter(pk__in=[page.pk for page in pages]).specific().in_bulk()
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    hits = []
    for page in pages:
        page = specific.get(page.pk)
        plugin = registry.for_page_model(type(page)) if page else None
        if plugin is None:
            continue
        hits.append(
            SearchHit(
                id=page.pk,
                type=plugin.key,
                title=page.title,
                url=page_url(page),
                locale=languages.get(page.locale_id, locale.language_code),
                excerpt=_excerpt(page, plugin),
            )
        )
    return hits


#: Multi-word queries re-rank this many best matches: pages with every word come first.
RERANK_LIMIT = 200


def _ranked_page(backend, query: LanguageQuery, pages: QuerySet, offset: int, limit: int):
    """One page of results, pages that contain every significant word of ``query`` first.

    Matching is OR (any word finds a page), so a page with one common word can outrank one
    with all of them; each word's matches among the best :data:`RERANK_LIMIT` are read
    unranked and the all-words pages moved to the front, keeping the engine's order.
    """
    results = backend.search(query, pages)
    words = query.words
    if len(words) < 2 or offset + limit > RERANK_LIMIT:
        return list(results[offset : offset + limit])
    ranked = list(results[:RERANK_LIMIT])
    ids = [page.pk for page in ranked]
    every_word = set(ids)
    for word in words:
        word_query = LanguageQuery(word, query.language, split_compounds=query.split_compounds)
        if not word_query.query_string:
            continue
        matched = backend.search(word_query, pages.filter(id__in=ids), order_by_relevance=False)
        every_word &= {page.pk for page in matched[:RERANK_LIMIT]}
    ordered = [page for page in ranked if page.pk in every_word]
    ordered += [page for page in ranked if page.pk not in every_word]
    return ordered[offset : offset + limit]


def _type_facets(results, plugins: list[ContentTypePlugin], locale: Locale) -> list[FacetCount]:
    counts = results.facet("content_type_id")
    facets = []
    for plugin in plugins:
        content_type = ContentType.objects.get_for_model(plugin.page_model)
        count = counts.get(content_type.pk, 0)
        if count:
            with translation.override(locale.language_code):
                label = str(plugin.verbose_name_plural)
            facets.append(FacetCount(plugin.key, label, count))
    return facets


def _theme_facets(backend, query, locale: Locale, plugins, scope: SearchScope) -> list[FacetCount]:
    counts: Counter[int] = Counter()
    for plugin in plugins:
        theme_field = plugin.theme_field
        if theme_field is None:
            continue
        queryset = scope.visibility.apply(
            plugin.page_model.objects.filter(in_language(locale, [plugin], scope))
        )
        results = backend.search(query, queryset, order_by_relevance=False)
        for theme_id, count in results.facet(theme_field).items():
            if theme_id is not None:
                counts[theme_id] += count
    if not counts:
        return []
    themes = Theme.objects.filter(pk__in=counts).only("pk", "slug", "name", "translation_key")
    localized = {
        theme.translation_key: theme.name
        for theme in Theme.objects.filter(
            translation_key__in=[theme.translation_key for theme in themes], locale=locale
        )
    }
    facets = [
        FacetCount(theme.slug, localized.get(theme.translation_key, theme.name), counts[theme.pk])
        for theme in themes
    ]
    return sorted(facets, key=lambda facet: (-facet.count, facet.label))


def search_pages(
    query: str | None,
    locale: str,
    type_key: str | None = None,
    *,
    limit: int = 20,
    offset: int = 0,
) -> SearchOutcome:
    """Search live public pages of ``locale``; raise :class:`SearchInputError` on bad input."""
    query = clean_query(query)
    locale_obj = resolve_locale(locale)
    only_plugin = resolve_type(type_key)
    limit = max(1, min(limit, MAX_WINDOW))
    offset = max(0, offset)
    plugins = list(registry)
    if not query or not plugins:
        return SearchOutcome(query=query, locale=locale)
    language_query = LanguageQuery(query, locale)
    if not language_query.query_string:
        return SearchOutcome(query=query, locale=locale)
    searched = [only_plugin] if only_plugin else plugins
    scope = SearchScope()

    def search_in(language_query: LanguageQuery, page_locale: Locale, with_untranslated: bool):
        def pages(of: list[ContentTypePlugin]) -> QuerySet:
            if with_untranslated:
                return visible_pages(page_locale, of, scope)
            models = [plugin.page_model for plugin in of]
            return Page.objects.live().public().type(*models).filter(locale=page_locale)

        def run(backend) -> SearchOutcome:
            all_types = backend.search(language_query, pages(plugins), order_by_relevance=False)
            type_facets = _type_facets(all_types, plugins, locale_obj)
            # The type facet counts every match, so it gives the total without another
            # count, and the types without a match need no theme facet query.
            matched = {facet.value: facet.count for facet in type_facets}
            searched_with_hits = [plugin for plugin in searched if matched.get(plugin.key)]
            if not searched_with_hits:
                return SearchOutcome(query=query, locale=locale, type_facets=type_facets)
            ranked = _ranked_page(backend, language_query, pages(searched_with_hits), offset, limit)
            return SearchOutcome(
                query=query,
                locale=locale,
                hits=_hits(ranked, locale_obj),
                total=sum(matched[plugin.key] for plugin in searched_with_hits),
                type_facets=type_facets,
                theme_facets=_theme_facets(
                    backend, language_query, page_locale, searched_with_hits, scope
                )
                if with_untranslated
                else [],
            )

        return run_with_fallback(run)

    outcome, degraded = search_in(language_query, locale_obj, True)
    if not outcome.type_facets and has_compounds(query, locale):
        # "ledarskapsutbildning" where pages say "ledarskap" and "utbildning": the parts.
        split_query = LanguageQuery(query, locale, split_compounds=True)
        outcome, degraded = search_in(split_query, locale_obj, True)
    if not outcome.type_facets:
        # Nothing in the reader's language: pages in the other languages, labelled as such.
        for other in Locale.objects.exclude(pk=locale_obj.pk).order_by("pk"):
            other_query = LanguageQuery(query, other.language_code)
            if not other_query.query_string:
                continue
            found, other_degraded = search_in(other_query, other, False)
            if found.type_facets:
                outcome = replace(found, other_languages=True)
                degraded = degraded or other_degraded
                break
    return replace(outcome, degraded=degraded)


def matching_page_ids(model: type[Page], term: str, language: str, limit: int) -> list[int]:
    """Ids of live pages of ``model`` that ``term`` (analysed in ``language``) matches.

    For list endpoints that filter by a search term (the partner API's ``search``) and
    order by their own fields: the match is unranked, so the ``limit`` keeps any ``limit``
    matches rather than the best ones. Drafts are left out inside the search, so they
    take no place; the caller applies the remaining visibility and locale filters.
    """
    language_query = LanguageQuery(term, language)
    if not language_query.query_string:
        return []

    def run(backend) -> list[int]:
        results = backend.search(language_query, model.objects.live(), order_by_relevance=False)
        return [page.pk for page in results[:limit]]

    return run_with_fallback(run)[0]


def suggest_titles(prefix: str | None, locale: str, *, limit: int = 8) -> tuple[list[str], bool]:
    """Titles of visible pages in ``locale`` whose words start with ``prefix``."""
    # Only the words: quotes, stars and brackets are query syntax to the engines'
    # autocomplete (SQLite FTS5 refuses an unbalanced quote outright).
    prefix = " ".join(AUTOCOMPLETE_WORD.findall(clean_query(prefix)))
    locale_obj = resolve_locale(locale)
    plugins = list(registry)
    if len(prefix) < 2 or not plugins:
        return [], False

    def run(backend) -> list[str]:
        results = backend.autocomplete(prefix, visible_pages(locale_obj, plugins))
        return list(dict.fromkeys(page.title for page in results[: max(1, min(limit, 20))]))

    return run_with_fallback(run)
