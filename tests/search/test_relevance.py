"""Recall of the relevance set (tests/search/relevance_set.py) on the configured database.

Every query must have each of its expected pages among its first five results. Run with
``-s`` to see the recall table; run through ``scripts/with-postgres`` for PostgreSQL.
"""

from __future__ import annotations

import pytest
from django.db import connection

from search.text import voikko_available
from tests.search.relevance_set import DOCS, measure_recall, print_recall, relevance_queries

# A product test: the set's expectations hold for the real content types as readers search
# them (trainings, news and project results, each with its own search fields). The search
# core's own checks on the set run on the test plugins (tests/search/test_live_engine.py).
pytestmark = [pytest.mark.product, pytest.mark.django_db]


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
