"""OpenSearch 2.x and 3.x (``OPENSEARCH_URL``), with :mod:`search.backends.language_analysis`.

modelsearch's ``opensearch3`` backend passes every client argument by keyword, as the
opensearch-py 3 client requires; the REST API it uses is the same in OpenSearch 2.19 and 3,
so one backend serves both (the live tests run it against 2.19).
"""

from __future__ import annotations

from modelsearch.backends.opensearch3 import OpenSearch3SearchBackend

from search.backends.language_analysis import language_aware_backend

LanguageAwareSearchBackend = language_aware_backend("OpenSearch", OpenSearch3SearchBackend)
LanguageAwareMapping = LanguageAwareSearchBackend.mapping_class

SearchBackend = LanguageAwareSearchBackend
