"""Pages in fi, sv and en to search, on the test plugins.

``add_event`` writes events (``show_untranslated``: Finnish events are found in Swedish and
English searches until translated), ``add_publication`` publications (never shown outside
their language). Both create pages written in a language under that language's listing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.core.management import call_command

from scripts.search_engine import live_test_engines


def page_adder(page_factory: Any, indexes: dict, **blank: str) -> Callable[..., Any]:
    """A function creating a live page of ``page_factory`` in a language's listing.

    The factory's default texts (the lead, and those named in ``blank``) are left empty:
    every match in a test is on a text the test wrote.
    """

    def add(language: str, title: str, **fields: Any):
        for name, value in {"lead": "", **blank}.items():
            fields.setdefault(name, value)
        relations = {name: fields.pop(name) for name in ("themes",) if name in fields}
        page = page_factory(parent=indexes[language], title=title, **fields)
        if relations:
            # Set the relations and publish them as an editor would (a new live revision).
            for name, values in relations.items():
                getattr(page, name).set(values)
            page.save_revision().publish()
        return page

    return add


@pytest.fixture
def add_event(event_indexes):
    """Create a live event in a language: ``add_event("sv", "Utbildning", lead=...)``."""
    from tests.events.factories import EventPageFactory

    return page_adder(EventPageFactory, event_indexes, venue="")


@pytest.fixture
def add_publication(publication_indexes):
    """Create a live publication in a language: ``add_publication("en", "Guide")``."""
    from tests.publications.factories import PublicationPageFactory

    return page_adder(PublicationPageFactory, publication_indexes)


@pytest.fixture
def translate_theme():
    """Add the ``locale`` row of a Finnish theme, named ``name``."""

    def translate(theme, locale, name: str):
        translation = theme.copy_for_translation(locale)
        translation.name = name
        translation.save()
        return translation

    return translate


@pytest.fixture
def es_stub():
    from tests.search.es_stub import start_stub

    stub = start_stub()
    yield stub
    stub.server.shutdown()
    stub.server.server_close()


@pytest.fixture
def use_elasticsearch(settings):
    """Point search at an Elasticsearch URL (a stub or a closed port) for one test."""
    from search.config import search_backends

    def use(url: str) -> None:
        settings.WAGTAILSEARCH_BACKENDS = search_backends(url, "test")

    return use


@pytest.fixture
def search_html(client):
    """The HTML of the search page in ``language`` for ``q``, after checking it answered 200."""

    def get(language: str, q: str, **params) -> str:
        response = client.get(f"/{language}/search/", {"q": q, **params})
        assert response.status_code == 200
        return response.content.decode()

    return get


def _clear_analysis_caches() -> None:
    from search import text

    for cached in (
        text.lemmatizer_for,
        text._index_terms_of_word,
        text._base_forms_of_word,
        text._index_text,
    ):
        cached.cache_clear()


@pytest.fixture
def without_voikko(monkeypatch):
    """Analyse text as on a machine without libvoikko/voikko-fi (the dictionary splitter)."""
    from search import text

    monkeypatch.setattr(text, "_load_voikko", lambda: None)
    _clear_analysis_caches()
    yield
    monkeypatch.undo()
    _clear_analysis_caches()


@pytest.fixture(scope="session", params=live_test_engines())
def engine_node(request):
    """A throwaway single-node engine on 127.0.0.1 for the whole session (see live_engine)."""
    from scripts.search_engine import EngineNode

    node = EngineNode(request.param, fast_start=True)
    try:
        node.start()
        yield node
    finally:
        node.remove()


@pytest.fixture
def live_engine(engine_node, settings, db):
    """Search through the live engine (database backend as fallback), with empty indexes.

    The indexes are created once per session with the project's settings by
    ``manage.py reindex``, as on deployment; each test starts with no documents in them
    (rolled-back tests reuse primary keys).
    """
    from django.utils.crypto import get_random_string
    from modelsearch.backends import get_search_backend

    from search.config import search_backends

    if engine_node.process is None:  # a test stopped it and failed before starting it again
        engine_node.start()
    if not hasattr(engine_node, "index_prefix"):
        engine_node.index_prefix = f"t{get_random_string(8).lower()}"
    urls = {"ELASTICSEARCH_URL": "", "OPENSEARCH_URL": ""}
    urls[engine_node.dist.url_variable] = engine_node.url
    settings.WAGTAILSEARCH_BACKENDS = search_backends(
        urls["ELASTICSEARCH_URL"],
        engine_node.index_prefix,
        timeout=30,
        opensearch_url=urls["OPENSEARCH_URL"],
    )
    backend = get_search_backend("default")
    if not getattr(engine_node, "indexes_created", False):
        call_command("reindex", verbosity=0)
        engine_node.indexes_created = True
    else:
        empty_indexes(backend)
    return backend


def empty_indexes(backend) -> None:
    """Delete every document under the backend's prefix (the zip has no delete-by-query)."""
    pattern = f"{backend.index_prefix}*"
    backend.es.indices.refresh(index=pattern)
    hits = backend.es.search(index=pattern, body={"size": 10_000, "_source": False})["hits"]
    actions = [{"delete": {"_index": hit["_index"], "_id": hit["_id"]}} for hit in hits["hits"]]
    if actions:
        backend.es.bulk(body=actions, refresh=True)
