"""Production: refuses to start without a secret key and host names."""

from django.core.exceptions import ImproperlyConfigured

from cms.caches import is_shared
from cms.settings import base, inherit

inherit(globals(), base)

if not base.SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")
if not base.ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production.")
if not is_shared(base.CACHE_URL):
    raise ImproperlyConfigured(
        "CACHE_URL must name a cache every process shares in production (redis://… or "
        "db://table): listing cards, the vocabulary catalogue stamp and API rate counters "
        "live there."
    )

DEBUG = False
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
