"""One-pass relevance ranking for modelsearch's SQLite FTS5 backend.

modelsearch ranks by annotating every matching row with a correlated subquery that runs the
full-text match again, so ranked searches grow with the square of the number of matches
(seconds at a few thousand). Here the FTS table is queried once: matches of visible objects,
ordered by BM25 and sliced to the requested page, then fetched in that order. Counting and
facets keep modelsearch's unranked path. Imported only on SQLite: the module reads the FTS
model, which exists only there.
"""

from __future__ import annotations

from django.db.models import Case, CharField, IntegerField, QuerySet, When
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks


class OnePassRankingMixin:
    """Replaces the per-row score subquery of a ranked, sliced SQLite search."""

    def search(self, config, start, stop, score_field=None):
        normalized = normalize(self.query)
        if (
            not self.order_by_relevance
            or stop is None
            or score_field is not None
            or isinstance(normalized, MatchAll | Not)
        ):
            return super().search(config, start, stop, score_field=score_field)
        visible_ids = self.queryset.annotate(pk_text=Cast("pk", CharField())).values("pk_text")
        ranked = (
            SQLiteFTSIndexEntry.objects.filter(
                MatchExpression(
                    self.fields or self.FTS_TABLE_FIELDS,
                    self.build_search_query(normalized, config=config),
                )
            )
            .filter(
                index_entry__content_type__in=get_descendants_content_types_pks(
                    self.queryset.model
                ),
                index_entry__object_id__in=visible_ids,
            )
            .annotate(score=self._build_rank_expression(self.get_search_vectors(), config))
            .order_by("score", "-index_entry__object_id")
            .values_list("index_entry__object_id", flat=True)
        )
        return self._in_order(list(ranked[start:stop]))

    def _in_order(self, object_ids: list[str]) -> QuerySet:
        pks = [self.queryset.model._meta.pk.to_python(object_id) for object_id in object_ids]
        if not pks:
            return self.queryset.none()
        position = Case(
            *[When(pk=pk, then=index) for index, pk in enumerate(pks)],
            output_field=IntegerField(),
        )
        return self.queryset.filter(pk__in=pks).order_by(position)


class RankedSQLiteSearchQueryCompiler(OnePassRankingMixin, SQLiteSearchQueryCompiler):
    pass


class RankedSQLiteAutocompleteQueryCompiler(OnePassRankingMixin, SQLiteAutocompleteQueryCompiler):
    pass


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
    autocomplete_query_compiler_class = RankedSQLiteAutocompleteQueryCompiler
    results_class = SQLiteSearchResults
