"""Recall of the relevance set (tests/search/relevance_set.py) on the configured database.

Every query must have each of its expected pages among its first five results. Run with
``-s`` to see the recall table; run through ``scripts/with-postgres`` for PostgreSQL.
"""

from __future__ import annotations

import pytest
from django.db import connection

from search.service import search_pages
from search.text import voikko_available
from tests.search.relevance_set import DOCS, QUERIES

pytestmark = [pytest.mark.product, pytest.mark.django_db]
TOP = 5


@pytest.fixture
def corpus(translated_home_pages) -> dict[str, int]:
    """The relevance pages, under a listing page of their type in their language."""
    from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
    from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory
    from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory

    factories = {
        "trainings": (TrainingIndexPageFactory, TrainingPageFactory),
        "news": (NewsIndexPageFactory, NewsPageFactory),
        "projects": (ProjectResultIndexPageFactory, ProjectResultPageFactory),
    }
    indexes = {}
    ids = {}
    for doc in DOCS:
        index_factory, page_factory = factories[doc.type]
        if (doc.language, doc.type) not in indexes:
            indexes[doc.language, doc.type] = index_factory(
                parent=translated_home_pages[doc.language], slug=f"{doc.type}-{doc.language}"
            )
        extra = {}
        if doc.type == "projects":  # the factory's default sections would match every query
            extra = {"need_and_goals": "", "solution": "", "results": ""}
        page = page_factory(
            parent=indexes[doc.language, doc.type], title=doc.title, lead=doc.lead, **extra
        )
        ids[doc.key] = page.pk
    return ids


def measure_recall(corpus: dict[str, int]) -> tuple[dict[str, list[int]], list[str]]:
    """Found/expected counts per language over the set's queries, and each query that missed.

    Runs through ``search_pages`` on whatever backend is configured, so that the live engine
    tests (tests/search/test_live_engine.py) measure the engine the same way.
    """
    keys_by_id = {pk: key for key, pk in corpus.items()}
    failures = []
    per_language: dict[str, list[int]] = {}
    for query in relevance_queries():
        outcome = search_pages(query.text, query.language)
        top = [keys_by_id.get(hit.id) for hit in outcome.hits][:TOP]
        if query.max_total is not None and outcome.total > query.max_total:
            failures.append(f"{query.language} {query.text!r}: {outcome.total} results")
        if query.first is not None and top[:1] != [query.first]:
            failures.append(f"{query.language} {query.text!r}: {query.first} not first in {top}")
        found = [key for key in query.expected if key in top]
        counts = per_language.setdefault(query.language, [0, 0])
        counts[0] += len(found)
        counts[1] += len(query.expected)
        if len(found) < len(query.expected):
            failures.append(
                f"{query.language} {query.text!r}: expected {query.expected}, got {top}"
            )
    return per_language, failures


def relevance_queries() -> list:
    return [query for query in QUERIES if voikko_available() or not query.needs_voikko]


def print_recall(label: str, per_language: dict[str, list[int]]) -> None:
    print(
        f"\nRelevance on {label}, {len(relevance_queries())} queries (Voikko: {voikko_available()})"
    )
    for language, (found, expected) in per_language.items():
        print(f"  {language}: recall@{TOP} {found}/{expected} = {found / expected:.0%}")
    found_total = sum(found for found, _expected in per_language.values())
    expected_total = sum(expected for _found, expected in per_language.values())
    print(
        f"  all: recall@{TOP} {found_total}/{expected_total} = {found_total / expected_total:.0%}"
    )


@pytest.fixture(params=["installed", "without"], ids=["voikko", "no-voikko"])
def analysis(request):
    """Run the set as installed (Voikko here and in CI) and with the dictionary splitter."""
    if request.param == "without":
        request.getfixturevalue("without_voikko")
    elif not voikko_available():
        pytest.skip("libvoikko/voikko-fi missing: the no-voikko run covers this machine")
    return request.param


def test_every_query_finds_its_pages_in_the_top_five(analysis, corpus):
    per_language, failures = measure_recall(corpus)

    print_recall(connection.vendor, per_language)
    assert len(relevance_queries()) >= 30
    assert not failures, "\n".join(failures)
