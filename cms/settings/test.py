"""Fast, isolated test settings: cheap hashing, in-memory cache, tasks run immediately.

The content-type plugins under ``tests/publications`` and ``tests/events`` are enabled here
only: they prove that a new plugin appears everywhere the real ones do without any edit to
``cms/``, and the core's tests run on them.
"""

from cms.caches import caches_from_url
from cms.settings import base, inherit

inherit(globals(), base)

SECRET_KEY = "test-only-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = caches_from_url("locmem://")
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": base.TASK_QUEUES,
    }
}
WAGTAILADMIN_BASE_URL = "http://testserver"
BASE_URL = "http://testserver"

TEST_PLUGINS = ["tests.publications", "tests.events"]
INSTALLED_APPS = [*TEST_PLUGINS, *base.INSTALLED_APPS]
PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = True
# High enough that no ordinary test is throttled; the throttling tests lower it.
PARTNER_API_ANONYMOUS_RATE = 100_000
# Tests never call DeepL: the dummy translator (reversed strings) stands in for it.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
