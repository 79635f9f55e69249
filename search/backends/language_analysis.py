"""Per-language analysis and the project's lemma fields, for Elasticsearch 9 and OpenSearch.

Design (see search/README.md): one index per model root, as in modelsearch, with
*per-language sub-fields*. Every catch-all text field (``_all_text`` and the boosted
``_all_text_boost_*``) gets ``.fi``, ``.sv`` and ``.en`` sub-fields analysed with that
language's stemmer and stop words; the lemma fields computed by ``search.documents`` use a
plain whitespace analyzer because their text is already reduced to base forms. A
:class:`~search.query.LanguageQuery` in language L matches its base forms against the
catch-all fields and the words as typed against their ``.L`` sub-fields.

Both engines speak the same index and query language, so :func:`language_aware_backend`
builds each engine's backend from modelsearch's classes for it plus the mixins below
(``search.backends.elasticsearch``, ``search.backends.opensearch``).
"""

from __future__ import annotations

from copy import deepcopy

from modelsearch.index import SearchField
from modelsearch.utils import deep_update

from cms.models import LEMMA_FIELDS
from search.query import LanguageQuery

#: Language code → the analyzer defined in :data:`ANALYSIS` for text in that language.
LANGUAGE_ANALYZERS = {"fi": "finnish_text", "sv": "swedish_text", "en": "english_text"}
LEMMA_ANALYZER = "lemma"
CATCH_ALL_PREFIX = "_all_text"
EDGENGRAM_QUERY_ANALYZER = "edgengram_query"

ANALYSIS = {
    "filter": {
        "finnish_stop": {"type": "stop", "stopwords": "_finnish_"},
        "finnish_stemmer": {"type": "stemmer", "language": "finnish"},
        "swedish_stop": {"type": "stop", "stopwords": "_swedish_"},
        "swedish_stemmer": {"type": "stemmer", "language": "swedish"},
        "english_stop": {"type": "stop", "stopwords": "_english_"},
        "english_stemmer": {"type": "stemmer", "language": "english"},
        "english_possessive_stemmer": {"type": "stemmer", "language": "possessive_english"},
    },
    "analyzer": {
        LEMMA_ANALYZER: {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
        # Suggestion prefixes are folded as the indexed edge n-grams are ("täyd" -> "tayd").
        EDGENGRAM_QUERY_ANALYZER: {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["asciifolding", "lowercase"],
        },
        "finnish_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "finnish_stop", "finnish_stemmer"],
        },
        "swedish_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "swedish_stop", "swedish_stemmer"],
        },
        "english_text": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": [
                "english_possessive_stemmer",
                "lowercase",
                "english_stop",
                "english_stemmer",
            ],
        },
    },
}


def language_subfields() -> dict:
    return {
        language: {"type": "text", "analyzer": analyzer}
        for language, analyzer in LANGUAGE_ANALYZERS.items()
    }


def _with_boost(name: str, boost: float) -> str:
    return name if boost == 1 else f"{name}^{boost}"


class LanguageAwareMappingMixin:
    """Lemma fields analysed as ready-made terms; catch-all fields with language sub-fields.

    modelsearch indexes edge n-grams ASCII-folded but analyses the typed prefix with the
    ``standard`` analyzer, so a prefix with ä, ö or å never matched on the engines.
    """

    edgengram_analyzer_config = {
        "analyzer": "edgengram_analyzer",
        "search_analyzer": EDGENGRAM_QUERY_ANALYZER,
    }

    def get_field_mapping(self, field):
        name, mapping = super().get_field_mapping(field)
        if isinstance(field, SearchField) and field.field_name in LEMMA_FIELDS:
            mapping["analyzer"] = LEMMA_ANALYZER
        return name, mapping

    def get_mapping(self):
        mapping = super().get_mapping()
        for name, properties in mapping["properties"].items():
            if name.startswith(CATCH_ALL_PREFIX):
                properties["fields"] = language_subfields()
        return mapping


def compile_language_query(query: LanguageQuery, fields) -> dict:
    """Base forms against the catch-all fields, words as typed against the language fields."""
    clauses = []
    if query.lemmas:
        clauses.append(
            {
                "multi_match": {
                    "query": " ".join(query.lemmas),
                    "fields": [field.field_name_with_boost for field in fields],
                }
            }
        )
    language_fields = [
        _with_boost(f"{field.field_name}.{query.language}", field.boost)
        for field in fields
        if field.field_name.startswith(CATCH_ALL_PREFIX)
    ]
    if query.language in LANGUAGE_ANALYZERS and language_fields:
        clauses.append({"multi_match": {"query": query.original, "fields": language_fields}})
    return {"bool": {"should": clauses, "minimum_should_match": 1}}


class LanguageQueryCompilerMixin:
    def get_inner_query(self):
        if isinstance(self.query, LanguageQuery):
            return compile_language_query(self.query, self.remapped_fields)
        return super().get_inner_query()


#: Buckets a facet asks for. A terms aggregation returns 10 by default, which would drop
#: themes past the tenth that the database backend counts.
FACET_SIZE = 1000


class AllFacetsResultsMixin:
    """Facets with every value, as the database backend returns them."""

    def _backend_do_search(self, body, **kwargs):
        for aggregation in body.get("aggregations", {}).values():
            if "terms" in aggregation:
                aggregation["terms"].setdefault("size", FACET_SIZE)
        return super()._backend_do_search(body, **kwargs)


def language_aware_backend(engine: str, base_backend: type) -> type:
    """``base_backend`` (one of modelsearch's engine backends) with our analysis and queries.

    The mapping, query compilers and results classes are the base backend's own, each with
    its mixin, so that each engine keeps its client calls and only the analysis is ours.
    """

    def subclass(mixin: type | None, base: type, **attributes) -> type:
        bases = (mixin, base) if mixin else (base,)
        return type(f"LanguageAware{engine}{base.__name__}", bases, attributes)

    mapping = subclass(LanguageAwareMappingMixin, base_backend.mapping_class)
    return subclass(
        None,
        base_backend,
        mapping_class=mapping,
        query_compiler_class=subclass(
            LanguageQueryCompilerMixin, base_backend.query_compiler_class, mapping_class=mapping
        ),
        autocomplete_query_compiler_class=subclass(
            None, base_backend.autocomplete_query_compiler_class, mapping_class=mapping
        ),
        results_class=subclass(AllFacetsResultsMixin, base_backend.results_class),
        settings=deep_update(deepcopy(base_backend.settings), {"settings": {"analysis": ANALYSIS}}),
        __doc__=f"{engine} with the per-language analysis, lemma fields and queries above.",
        __module__=__name__,
    )
