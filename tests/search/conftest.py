"""Pages in fi, sv and en to search, built through the plugin registry's trainings factory."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from scripts.search_engine import live_test_engines


@pytest.fixture
def training_indexes(translated_home_pages) -> dict:
    from pages.trainings.factories import TrainingIndexPageFactory

    titles = {"fi": "Koulutukset", "sv": "Utbildningar", "en": "Trainings"}
    return {
        language: TrainingIndexPageFactory(parent=home, title=titles[language], slug="trainings")
        for language, home in translated_home_pages.items()
    }


@pytest.fixture
def make_training(training_indexes):
    """Create a live training in a language: ``make_training("sv", "Utbildning", lead=...)``."""
    from pages.trainings.factories import TrainingPageFactory

    def make(language: str, title: str, **fields):
        fields.setdefault("lead", "")
        relations = {name: fields.pop(name) for name in ("themes", "audiences") if name in fields}
        page = TrainingPageFactory(parent=training_indexes[language], title=title, **fields)
        if relations:
            # Set the relations and publish them as an editor would (a new live revision).
            for name, values in relations.items():
                getattr(page, name).set(values)
            page.save_revision().publish()
        return page

    return make


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
