"""Elasticsearch 9 (``ELASTICSEARCH_URL``), with :mod:`search.backends.language_analysis`."""

from __future__ import annotations

from modelsearch.backends.elasticsearch9 import Elasticsearch9SearchBackend

from search.backends.language_analysis import language_aware_backend

LanguageAwareSearchBackend = language_aware_backend("Elasticsearch9", Elasticsearch9SearchBackend)
LanguageAwareMapping = LanguageAwareSearchBackend.mapping_class

SearchBackend = LanguageAwareSearchBackend
