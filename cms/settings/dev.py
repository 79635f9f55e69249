"""Local development: debug on, a throwaway secret key, e-mail to the console."""

from cms.caches import caches_from_url
from cms.settings import base, inherit

inherit(globals(), base)

DEBUG = True
SECRET_KEY = base.SECRET_KEY or "dev-only-secret-key-not-for-production"
ALLOWED_HOSTS = base.ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = True
# Without a DeepL key, a dummy translator (reversed strings) exercises machine translation.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = base.WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
# `make run` is three processes (runserver, db_worker, run_scheduler): they share a cache
# table in the database unless CACHE_URL names another shared cache.
CACHES = caches_from_url(base.CACHE_URL or "db://django_cache")
