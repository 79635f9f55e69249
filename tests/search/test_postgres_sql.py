"""SQL of the PostgreSQL backend: a query of alternative words is matched per index vector.

``(title || body) @@ query`` can use no index and concatenates every entry's vectors;
``title @@ query OR body @@ query`` selects the same pages and can use the GIN indexes.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.service import search_pages

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text SQL"),
]


def test_search_matches_each_vector_without_concatenating_them(add_event):
    title_only = add_event("fi", "Koulutus")
    body_only = add_event("fi", "Kevään tapahtuma", lead="Koulutus rehtoreille.")
    add_event("fi", "Muu aihe", lead="Ei mitään yhteistä.")

    with CaptureQueriesContext(connection) as captured:
        outcome = search_pages("koulutuksen", "fi")

    assert {hit.id for hit in outcome.hits} == {title_only.pk, body_only.pk}
    assert outcome.total == 2
    full_text = [query["sql"] for query in captured.captured_queries if " @@ " in query["sql"]]
    assert full_text
    for sql in full_text:
        assert '"title" || ' not in sql, sql
        assert '"title" @@ ' in sql and '"body" @@ ' in sql, sql
