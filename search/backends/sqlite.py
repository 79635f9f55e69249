"""modelsearch's SQLite FTS5 backend with query plans that search the FTS table once.

modelsearch joins the FTS table to the index entries and lets SQLite choose the join order.
Without table statistics SQLite takes an equality on ``content_type_id`` for selective and
drives the join from the index entries, running the full-text ``MATCH`` again for each of
them: a theme facet of one content type took most of the 0.7 s of a two-word search at
10,000 pages. modelsearch's ranked searches annotate every matching row with a correlated
subquery repeating the match, which grows with the square of the number of matches. Here:

* the matches are the FTS rowids of one uncorrelated ``rowid IN (... MATCH ...)``
  subquery, which SQLite evaluates once and then probes by primary key (counts, facets,
  unranked results);
* a ranked, sliced search orders the matches of visible objects by BM25 in one pass
  (visibility checked by primary key) and fetches the requested page in that order.

Imported only on SQLite: the module reads the FTS model, which exists only there.
"""

from __future__ import annotations

from django.db.models import Case, Exists, F, IntegerField, OuterRef, QuerySet, When
from django.db.models.expressions import Expression
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import (
    BM25,
    MatchExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not, Phrase, PlainText, SearchQuery
from modelsearch.utils import get_descendants_content_types_pks


class MatchOnceMixin:
    """Search compiler methods whose SQL evaluates the full-text match exactly once."""

    def search(self, config, start, stop, score_field=None):
        normalized = normalize(self.query)
        if score_field is not None or isinstance(normalized, MatchAll | Not):
            return super().search(config, start, stop, score_field=score_field)
        if not self.order_by_relevance:
            matching_pks = self._matching_entries(normalized, config).values(
                matching_pk=self._as_pk(F("object_id"))
            )
            queryset = self.queryset.filter(pk__in=matching_pks)
            if not queryset.query.order_by:
                # A stable order across pages, as modelsearch gives (wagtail#3729).
                queryset = queryset.order_by("-pk")
            return queryset[start:stop]
        if stop is None:
            return super().search(config, start, stop, score_field=score_field)
        return self._in_order(self._ranked_object_ids(normalized, config, start, stop))

    def _matching_entries(self, query: SearchQuery, config) -> QuerySet:
        """Index entries of the searched model that match ``query``.

        The FTS table is reached only through ``pk IN (SELECT rowid ... MATCH ...)``: an
        uncorrelated subquery, so SQLite runs the match once whatever join order it picks.
        """
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        return IndexEntry.objects.filter(
            pk__in=SQLiteFTSIndexEntry.objects.filter(match).values("pk"),
            content_type__in=get_descendants_content_types_pks(self.queryset.model),
        )

    def _ranked_object_ids(self, query: SearchQuery, config, start: int, stop: int) -> list:
        """Object ids of visible matches in ``[start:stop]`` of the BM25 order, in one query.

        Visibility is a correlated ``EXISTS`` on the object's primary key: its cost follows
        the number of matches, not the number of visible objects.
        """
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        visible = Exists(self.queryset.filter(pk=self._as_pk(OuterRef("index_entry__object_id"))))
        ranked = (
            SQLiteFTSIndexEntry.objects.filter(match)
            .filter(
                visible,
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
            )
            .annotate(score=self._score(query, config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )
        return list(ranked[start:stop])

    def _as_pk(self, object_id: Expression) -> Expression:
        """An index entry's text ``object_id`` as the searched model's primary key.

        Compared as text, an integer key must be converted row by row and its index is of
        no use; cast to an integer, SQLite looks pages up by primary key.
        """
        pk = self.queryset.model._meta.pk
        while pk.is_relation:  # a multi-table child's key is its parent link
            pk = pk.target_field
        if isinstance(pk, IntegerField):
            return Cast(object_id, IntegerField())
        return object_id

    def _score(self, query: SearchQuery, config):
        """modelsearch's relevance score (lower is better), with BM25 computed once a row.

        For a plain-text query or a phrase modelsearch sums ``bm25() * weight`` over the
        index vectors; factoring ``bm25()`` out gives the same order at half the BM25 calls.
        """
        if isinstance(query, PlainText | Phrase):
            weights = [weight for _vector, weight in self.get_search_vectors()]
            total = weights[0]
            for weight in weights[1:]:
                total = total + weight
            return BM25() * total
        return self._build_rank_expression(self.get_search_vectors(), config)

    def _in_order(self, object_ids: list[str]) -> QuerySet:
        pks = [self.queryset.model._meta.pk.to_python(object_id) for object_id in object_ids]
        if not pks:
            return self.queryset.none()
        position = Case(
            *[When(pk=pk, then=index) for index, pk in enumerate(pks)],
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=pks).order_by(position)


class RankedSQLiteSearchQueryCompiler(MatchOnceMixin, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(MatchOnceMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = SQLiteSearchResults
