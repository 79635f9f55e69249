"""modelsearch's PostgreSQL backend, matching a query of alternative words per index vector.

modelsearch filters on ``(title || body) @@ query``. No index covers the concatenation, so
every search concatenates the two tsvectors of every index entry (13 ms at 10,000 pages
even for a word no page contains) and the GIN indexes on ``title`` and ``body`` go unused.
When the query is a disjunction of words, as every :class:`search.query.LanguageQuery`
is, ``title @@ query OR body @@ query`` selects exactly the same rows: a word is in the
concatenation if and only if it is in one of the parts. PostgreSQL then matches each
vector as stored and can use their GIN indexes. Ranking is modelsearch's. Other queries
(AND, phrases, NOT) keep modelsearch's filter, for which the rewrite would not be exact.

Imported only on PostgreSQL, like modelsearch's backend.
"""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorExact
from django.db.models import Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.query import PlainText


class PerVectorMatchMixin:
    """Filters a disjunctive plain-text search with one ``@@`` per index vector."""

    def search(self, config, start, stop, score_field=None, backend=None):
        if not (isinstance(self.query, PlainText) and self.query.operator == "or"):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        if search_query is None:  # no words: modelsearch decides what that means
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        vectors = self.get_search_vectors(search_query)
        matches = Q()
        for vector, _boost in vectors:
            matches |= Q(SearchVectorExact(vector, search_query))
        queryset = self.queryset.filter(matches)
        return self._apply_ordering_and_scoring(
            queryset,
            self._build_rank_expression(vectors, config),
            start,
            stop,
            score_field,
        )


class PerVectorPostgresSearchQueryCompiler(PerVectorMatchMixin, PostgresSearchQueryCompiler):
    pass


class PerVectorPostgresAutocompleteQueryCompiler(
    PerVectorMatchMixin, PostgresAutocompleteQueryCompiler
):
    pass


class PerVectorPostgresSearchBackend(PostgresSearchBackend):
    query_compiler_class = PerVectorPostgresSearchQueryCompiler
    autocomplete_query_compiler_class = PerVectorPostgresAutocompleteQueryCompiler
