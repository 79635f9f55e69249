"""Query plans of the SQLite backend: the full-text match is never run once per row.

Without table statistics SQLite may drive a join from the index entries and evaluate the
FTS5 ``MATCH`` for each of them (rowid equality plus match, ``INDEX 0:=M...``), which took
seconds at 10,000 pages; ``search.backends.sqlite`` shapes its SQL so that it cannot.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.service import search_pages, suggest_titles

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite FTS5 query plans"),
]


def fts_plans(run) -> list[list[str]]:
    """The query plan of every statement that ``run()`` sends with a full-text match."""
    with CaptureQueriesContext(connection) as captured:
        run()
    plans = []
    with connection.cursor() as cursor:
        for query in captured.captured_queries:
            if " MATCH " in query["sql"]:
                cursor.execute(f"EXPLAIN QUERY PLAN {query['sql']}")
                plans.append([row[3] for row in cursor.fetchall()])
    return plans


def is_per_row_match(step: str) -> bool:
    """A plan step that probes the FTS table by rowid: the match then runs for each row."""
    return "VIRTUAL TABLE INDEX" in step and "=" in step.rsplit(":", 1)[-1]


@pytest.mark.parametrize(
    "run",
    [
        lambda: search_pages("koulutus", "fi"),
        lambda: search_pages("koulutus", "fi", "events"),
        lambda: suggest_titles("koul", "fi"),
    ],
    ids=["search", "search-one-type", "suggest"],
)
def test_full_text_match_runs_once_per_statement(add_event, run):
    for number in range(3):
        add_event("fi", f"Koulutus {number}")
    add_event("sv", "Utbildning")

    plans = fts_plans(run)

    assert plans, "no full-text statement was captured"
    for plan in plans:
        assert not any(is_per_row_match(step) for step in plan), plan
