"""The search suite against a real engine (OpenSearch from Maven Central, see conftest.py).

Index settings and mappings are accepted; the relevance set's recall is at least the
database backend's; facets and counts equal the database backend's; hidden pages never
come back; a stopped engine neither stops publishing nor loses updates; a full reindex
switches an alias while the old index keeps answering. Run with ``-s`` for the figures.
"""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from cms.vocabularies.factories import ThemeFactory
from search.backends.language_analysis import LANGUAGE_ANALYZERS, LEMMA_ANALYZER
from search.config import search_backends
from search.models import PendingIndexUpdate
from search.service import search_pages, suggest_titles
from search.tasks import sync_search_index
from tests.search.relevance_set import DOCS, measure_recall, print_recall

pytestmark = [pytest.mark.django_db, pytest.mark.backend_independent]
PAGE_INDEX = "wagtailcore_page"


def refresh(backend) -> None:
    """Make what the engine took searchable now (it refreshes every second by itself)."""
    backend.es.indices.refresh(index=f"{backend.index_prefix}*")


def titles(outcome) -> list[str]:
    return [hit.title for hit in outcome.hits]


def facets(outcome) -> tuple:
    return (
        outcome.total,
        [(facet.value, facet.count) for facet in outcome.type_facets],
        [(facet.value, facet.label, facet.count) for facet in outcome.theme_facets],
    )


def use_database(settings) -> None:
    settings.WAGTAILSEARCH_BACKENDS = search_backends("", "")


def test_index_settings_mappings_and_analyzers_are_accepted(live_engine, engine_node):
    es = live_engine.es
    alias = f"{live_engine.index_prefix}{PAGE_INDEX}"

    (index,) = es.indices.get_alias(name=alias)
    settings = es.indices.get_settings(index=index)[index]["settings"]["index"]["analysis"]
    properties = es.indices.get_mapping(index=index)[index]["mappings"]["properties"]

    assert index.startswith(f"{alias}_")  # reindex wrote a new index behind the alias
    assert set(LANGUAGE_ANALYZERS.values()) | {LEMMA_ANALYZER} <= set(settings["analyzer"])
    assert properties["cms_basepage__search_lemmas"]["analyzer"] == LEMMA_ANALYZER
    assert properties["_all_text"]["fields"]["fi"]["analyzer"] == "finnish_text"

    def tokens(analyzer: str, text: str) -> list[str]:
        analysed = es.indices.analyze(index=index, body={"analyzer": analyzer, "text": text})
        return [token["token"] for token in analysed["tokens"]]

    assert tokens("finnish_text", "Koulutuksen") == tokens("finnish_text", "koulutuksessa")
    assert tokens("swedish_text", "utbildningar och") == tokens("swedish_text", "utbildning")
    assert tokens("english_text", "the trainings") == ["train"]
    assert tokens(LEMMA_ANALYZER, "Täydennys koulutus") == ["täydennys", "koulutus"]
    print(f"\n{engine_node.dist.engine} {engine_node.version()} accepted the index settings")


@pytest.fixture
def corpus(live_engine, add_event, add_publication) -> dict[str, int]:
    """The relevance set's pages on the test plugins: its trainings as events (shown untranslated
    in every language, as trainings are), its news and project results as publications."""
    add = {"trainings": add_event, "news": add_publication, "projects": add_publication}
    return {doc.key: add[doc.type](doc.language, doc.title, lead=doc.lead).pk for doc in DOCS}


def test_recall_at_five_is_at_least_the_database_backends(live_engine, corpus, settings):
    refresh(live_engine)
    engine_recall, engine_failures = measure_recall(corpus)
    use_database(settings)
    database_recall, _failures = measure_recall(corpus)

    print_recall(live_engine.es.info()["version"]["distribution"], engine_recall)
    print_recall("the database backend", database_recall)
    for language, (found, expected) in database_recall.items():
        assert engine_recall[language][1] == expected
        assert engine_recall[language][0] >= found, "\n".join(engine_failures)


@pytest.fixture
def themed_pages(live_engine, add_event, locales, translate_theme):
    """Events in fi and sv with twelve themes (more than a terms aggregation's default 10)."""
    themes = []
    for number in range(12):
        theme = ThemeFactory(name=f"Teema {number}", slug=f"theme-{number}")
        translate_theme(theme, locales["sv"], f"Tema {number}")
        themes.append(theme)
    for number in range(24):
        chosen = [themes[number % 12], themes[(number * 5) % 12]]
        add_event("fi", f"Koulutus {number}", lead="Opettajien koulutus.", themes=chosen)
        add_event("sv", f"Utbildning {number}", lead="Kurs för lärare.", themes=chosen[:1])
    add_event("fi", "Kirjaston digitaidot", lead="Verkkokurssi kirjastoille.")
    add_event("sv", "Ämneslärarnas fortbildning", lead="Kurs för ämneslärare.")
    refresh(live_engine)
    return themes


QUERIES = [
    ("koulutuksen", "fi", None),
    ("opettajille", "fi", None),
    ("koulutus", "fi", "events"),
    ("kirjastojen", "fi", None),
    ("utbildningar", "sv", None),
    ("lärarna", "sv", None),
    ("nothing-matches-this", "fi", None),
]


def test_facets_and_counts_equal_the_database_backends(live_engine, themed_pages, settings):
    on_engine = {query: search_pages(*query, limit=50) for query in QUERIES}
    suggested_on_engine = suggest_titles("Koulu", "fi", limit=20)
    non_ascii_on_engine = suggest_titles("Ämne", "sv")
    use_database(settings)
    on_database = {query: search_pages(*query, limit=50) for query in QUERIES}
    assert non_ascii_on_engine == suggest_titles("Ämne", "sv")
    assert non_ascii_on_engine == (["Ämneslärarnas fortbildning"], False)

    for query in QUERIES:
        assert not on_engine[query].degraded
        assert facets(on_engine[query]) == facets(on_database[query]), query
        assert sorted(titles(on_engine[query])) == sorted(titles(on_database[query])), query
    assert len(on_engine["koulutuksen", "fi", None].theme_facets) == 12
    assert on_engine["koulutuksen", "fi", None].total == 24
    engine_suggestions, degraded = suggested_on_engine
    assert not degraded and len(engine_suggestions) == 20
    assert all(title.startswith("Koulutus") for title in engine_suggestions)


def test_drafts_private_pages_and_unpublished_translations_never_come_back(
    live_engine, add_event, locales, client
):
    add_event("fi", "Julkinen koulutus")
    draft = add_event("fi", "Luonnos koulutus")
    draft.unpublish()
    private = add_event("fi", "Salainen koulutus")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="x")
    edited = add_event("fi", "Muokattu koulutus")
    edited.title = "Salaisuus luonnoksessa"
    edited.save_revision()  # a draft revision of a live page: the public title stays
    add_event("fi", "Käännetty koulutus").copy_for_translation(locales["sv"], copy_parents=True)
    refresh(live_engine)

    outcome = search_pages("koulutus", "fi")
    assert sorted(titles(outcome)) == [
        "Julkinen koulutus",
        "Käännetty koulutus",
        "Muokattu koulutus",
    ]
    assert not outcome.degraded
    assert titles(search_pages("salaisuus", "fi")) == []
    # Untranslated Finnish events are shown to Swedish readers, marked as Finnish; the
    # unpublished Swedish translation never is.
    in_swedish = search_pages("koulutus", "sv")
    assert {hit.locale for hit in in_swedish.hits} == {"fi"}
    assert sorted(titles(in_swedish)) == sorted(titles(outcome))
    assert sorted(suggest_titles("Luon", "fi")[0] + suggest_titles("Sala", "fi")[0]) == []
    response = client.get("/api/v1/search/", {"q": "koulutus", "locale": "fi"})
    assert sorted(item["title"] for item in response.json()["items"]) == [
        "Julkinen koulutus",
        "Käännetty koulutus",
        "Muokattu koulutus",
    ]


def test_full_reindex_switches_an_alias_while_search_keeps_answering(
    live_engine, add_event, monkeypatch
):
    from tests.events.models import EventPage

    for number in range(30):
        add_event("fi", f"Koulutus {number}", lead="Opettajille.")
    refresh(live_engine)
    alias = f"{live_engine.index_prefix}{PAGE_INDEX}"
    (old_index,) = live_engine.es.indices.get_alias(name=alias)
    answers = []
    add_items = type(live_engine.get_index_for_model(EventPage)).add_items

    def add_and_search(index, model, items):
        add_items(index, model, items)
        if model is EventPage:  # search between the batches of the new index
            outcome = search_pages("koulutus", "fi", limit=50)
            answers.append((outcome.total, outcome.degraded))

    monkeypatch.setattr(
        type(live_engine.get_index_for_model(EventPage)), "add_items", add_and_search
    )
    started = time.monotonic()
    call_command("reindex", chunk_size=5, verbosity=0)
    took = time.monotonic() - started

    (new_index,) = live_engine.es.indices.get_alias(name=alias)
    assert new_index != old_index and not live_engine.es.indices.exists(index=old_index)
    assert len(answers) >= 3 and set(answers) == {(30, False)}  # the old index answered
    assert search_pages("koulutus", "fi", limit=50).total == 30
    print(f"\nfull reindex of 30+ pages into {new_index}: {took:.1f}s, {len(answers)} searches ok")


def test_stopped_engine_publishing_goes_on_and_the_queue_catches_up(
    live_engine, engine_node, add_event, search_html
):
    kept = add_event("fi", "Ennen katkoa koulutus")
    removed = add_event("fi", "Poistettava koulutus")
    refresh(live_engine)

    engine_node.stop()
    published = [add_event("fi", f"Katkon aikana koulutus {n}") for n in range(5)]
    kept.title = "Muutettu katkon aikana koulutus"
    kept.save_revision().publish()
    removed.delete()
    assert all(page.live for page in published)
    assert PendingIndexUpdate.objects.count() >= 7
    degraded = search_pages("katkon", "fi", limit=50)
    assert degraded.degraded and degraded.total == 6  # the database knows every change
    assert 'role="status"' in search_html("fi", "katkon")

    started = time.monotonic()
    engine_node.start()
    restarted = time.monotonic() - started
    started = time.monotonic()
    applied = sync_search_index.call()
    caught_up = time.monotonic() - started
    refresh(live_engine)

    assert applied >= 7 and PendingIndexUpdate.objects.count() == 0
    outcome = search_pages("koulutus", "fi", limit=50)
    assert not outcome.degraded
    assert sorted(titles(outcome)) == sorted(
        ["Muutettu katkon aikana koulutus"] + [page.title for page in published]
    )
    print(
        f"\noutage: {len(published)} published + 1 edited + 1 deleted while down, "
        f"restart {restarted:.0f}s, catch-up of {applied} updates {caught_up:.1f}s, none lost"
    )
