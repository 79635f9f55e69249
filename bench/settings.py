"""Settings of ``bench/run.py``: the test settings on DATABASE_URL, plus stock API v2.

Stock Wagtail API v2 is wired here only, to measure it next to ``/api/v1/`` on the same
data; the product does not serve it. DEBUG stays off, as in production.
"""

from cms.settings import inherit, test
from search.config import search_backends

inherit(globals(), test)

DEBUG = False
INSTALLED_APPS = [*test.INSTALLED_APPS, "rest_framework", "wagtail.api.v2"]
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]

# Creating the engine's indexes and writing a whole dataset take longer than the 5 s a reader's
# search waits for the engine (with-search-engine nodes on a shared machine answered in 6+ s).
WAGTAILSEARCH_BACKENDS = search_backends(
    ELASTICSEARCH_URL,  # noqa: F821 (inherited from the test settings)
    ELASTICSEARCH_INDEX_PREFIX,  # noqa: F821
    timeout=30,
    opensearch_url=OPENSEARCH_URL,  # noqa: F821
)
