"""Settings for ``bench/api_list.py``: test settings plus Wagtail API v2 for comparison.

Stock API v2 is wired here only, to measure it next to ``/api/v1/`` on the same data; the
product does not serve it.
"""

from cms.settings import inherit, test

inherit(globals(), test)

DEBUG = False
DATABASES = {
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/tmp/eduverkko-bench-api.sqlite3"}
}
INSTALLED_APPS = [*test.INSTALLED_APPS, "rest_framework", "wagtail.api.v2"]
ROOT_URLCONF = "bench.api_urls"
ALLOWED_HOSTS = ["testserver", "localhost"]
