"""Settings of ``bench/run.py``: the test settings on DATABASE_URL, plus stock API v2.

Stock Wagtail API v2 is wired here only, to measure it next to ``/api/v1/`` on the same
data; the product does not serve it. DEBUG stays off, as in production.
"""

from cms.settings import inherit, test

inherit(globals(), test)

DEBUG = False
INSTALLED_APPS = [*test.INSTALLED_APPS, "rest_framework", "wagtail.api.v2"]
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
