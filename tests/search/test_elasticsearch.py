"""Elasticsearch: analysis settings, mappings, documents and request bodies, without a server.

A stub server on 127.0.0.1 (tests/search/es_stub.py) records what the real client sends.
tests/search/test_live_engine.py runs the same backend code against a real OpenSearch.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command

from search.backends.elasticsearch import LanguageAwareMapping, LanguageAwareSearchBackend
from search.backends.language_analysis import FACET_SIZE
from search.config import search_backends
from search.service import search_pages
from tests.events.models import EventPage

pytestmark = pytest.mark.django_db
INDEX = "test_wagtailcore_page"
TITLE_LEMMAS = "cms_basepage__search_title_lemmas"
BODY_LEMMAS = "cms_basepage__search_lemmas"


def test_index_settings_define_lemma_and_per_language_analyzers():
    backend = LanguageAwareSearchBackend(search_backends("http://127.0.0.1:9", "x")["default"])
    analysis = backend.settings["settings"]["analysis"]

    assert analysis["analyzer"]["lemma"] == {
        "type": "custom",
        "tokenizer": "whitespace",
        "filter": ["lowercase"],
    }
    assert analysis["analyzer"]["finnish_text"]["filter"] == [
        "lowercase",
        "finnish_stop",
        "finnish_stemmer",
    ]
    assert analysis["filter"]["swedish_stemmer"] == {"type": "stemmer", "language": "swedish"}
    assert analysis["analyzer"]["english_text"]["filter"][-1] == "english_stemmer"
    # modelsearch's own autocomplete analysis is kept.
    assert "edgengram_analyzer" in analysis["analyzer"]


def test_mapping_analyses_lemma_fields_as_terms_and_catch_all_fields_per_language():
    properties = LanguageAwareMapping(EventPage).get_mapping()["properties"]

    assert properties[TITLE_LEMMAS] == {
        "type": "text",
        "analyzer": "lemma",
        "copy_to": ["_all_text", "_all_text_boost_2_0"],
    }
    assert properties[BODY_LEMMAS]["analyzer"] == "lemma"
    for catch_all in ("_all_text", "_all_text_boost_2_0"):
        assert properties[catch_all]["fields"] == {
            "fi": {"type": "text", "analyzer": "finnish_text"},
            "sv": {"type": "text", "analyzer": "swedish_text"},
            "en": {"type": "text", "analyzer": "english_text"},
        }
    assert properties["locale_id_filter"] == {"type": "integer"}
    assert properties["events_eventpage__themes_filter"]["type"] == "long"


def test_document_holds_base_forms_in_the_page_language(add_event):
    page = add_event("sv", "Utbildningar för lärare", lead="Nätverkens kurser.")

    document = LanguageAwareMapping(EventPage).get_document(page)

    assert document[TITLE_LEMMAS] == "utbildning för lärare"
    assert {"nätverk", "kurs"} <= set(document[BODY_LEMMAS].split())
    assert document["locale_id_filter"] == page.locale_id


def test_reindex_sends_settings_mappings_and_documents(es_stub, use_elasticsearch, add_event):
    page = add_event("fi", "Koulutuksen laatu")
    use_elasticsearch(es_stub.url)

    call_command("reindex", backend_name="default", verbosity=0)

    (created,) = [r for r in es_stub.matching("PUT", rf"^/{INDEX}_\w+$")]
    assert "lemma" in created.body["settings"]["analysis"]["analyzer"]
    mappings = [r.body for r in es_stub.matching("PUT", rf"^/{INDEX}_\w+/_mapping$")]
    assert any(BODY_LEMMAS in mapping["properties"] for mapping in mappings)
    document = es_stub.indexed_documents()[str(page.pk)]
    assert document[TITLE_LEMMAS] == "koulutus laatu"
    assert es_stub.matching("PUT", rf"^/{INDEX}_\w+/_alias/{INDEX}$")


def test_update_index_sends_the_same_documents(es_stub, use_elasticsearch, add_event):
    page = add_event("en", "Trainings for teachers")
    use_elasticsearch(es_stub.url)

    call_command("update_index", backend_name="default", verbosity=0)

    assert es_stub.indexed_documents()[str(page.pk)][TITLE_LEMMAS] == "training for teacher"


def test_publishing_sends_the_page_through_the_queue(es_stub, use_elasticsearch, add_event):
    use_elasticsearch(es_stub.url)

    page = add_event("fi", "Verkostojen koulutus")

    document = es_stub.indexed_documents()[str(page.pk)]
    assert document[TITLE_LEMMAS] == "verkosto koulutus"
    assert document["live_filter"] is True


def test_search_request_matches_base_forms_and_language_field(
    es_stub, use_elasticsearch, add_event, locales
):
    page = add_event("fi", "Koulutus")
    use_elasticsearch(es_stub.url)
    es_stub.search_hits = [page.pk]
    es_stub.aggregations = {"content_type_id": [{"key": page.content_type_id, "doc_count": 1}]}
    es_stub.requests.clear()

    outcome = search_pages("koulutuksen", "fi")

    assert [hit.title for hit in outcome.hits] == ["Koulutus"] and not outcome.degraded
    (search,) = [
        request.body
        for request in es_stub.matching("POST", rf"^/{INDEX}/_search$")
        if "aggregations" not in request.body
    ]
    must = search["query"]["bool"]["must"]
    assert must == {
        "bool": {
            "should": [
                {
                    "multi_match": {
                        "query": "koulutus",
                        "fields": ["_all_text", "_all_text_boost_2_0^2.0"],
                    }
                },
                {
                    "multi_match": {
                        "query": "koulutuksen",
                        "fields": ["_all_text.fi", "_all_text_boost_2_0.fi^2.0"],
                    }
                },
            ],
            "minimum_should_match": 1,
        }
    }
    filters = str(search["query"]["bool"]["filter"])
    assert f"{{'locale_id_filter': {locales['fi'].pk}}}" in filters
    assert "{'live_filter': True}" in filters
    assert "content_type_id_filter" in filters


def test_facets_are_terms_aggregations(es_stub, use_elasticsearch, add_event):
    page = add_event("en", "Training")
    use_elasticsearch(es_stub.url)
    es_stub.search_hits = [page.pk]
    es_stub.aggregations = {
        "content_type_id": [{"key": page.content_type_id, "doc_count": 1}],
    }

    outcome = search_pages("training", "en")

    assert [(facet.value, facet.count) for facet in outcome.type_facets] == [("events", 1)]
    aggregations = [
        r.body["aggregations"]
        for r in es_stub.matching("POST", "_search$")
        if "aggregations" in r.body
    ]
    assert {
        "content_type_id": {
            "terms": {"field": "content_type_id_filter", "missing": 0, "size": FACET_SIZE}
        }
    } in (aggregations)
    assert {
        "themes": {
            "terms": {
                "field": "events_eventpage__themes_filter",
                "missing": 0,
                "size": FACET_SIZE,
            }
        }
    } in aggregations


def test_opensearch_url_selects_the_opensearch_backend_with_the_same_analysis():
    from search.backends import opensearch

    config = search_backends("", "x", opensearch_url="http://127.0.0.1:9")
    backend = opensearch.SearchBackend(dict(config["default"]))

    assert config["default"]["BACKEND"] == "search.backends.opensearch"
    assert config["database"]["BACKEND"] == "search.backends.database"
    assert (
        backend.settings["settings"]["analysis"]
        == (LanguageAwareSearchBackend.settings["settings"]["analysis"])
    )
    assert opensearch.LanguageAwareMapping(EventPage).get_mapping() == (
        LanguageAwareMapping(EventPage).get_mapping()
    )


def test_elasticsearch_and_opensearch_urls_together_are_refused():
    with pytest.raises(ValueError, match="not both"):
        search_backends("http://127.0.0.1:9", "x", opensearch_url="http://127.0.0.1:9")
