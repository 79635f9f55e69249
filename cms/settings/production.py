"""Production: what `make serve` runs and what agencies deploy (README "Deploying").

Refuses to start without a secret key, host names and a cache every process shares. Adds to
``base``: gunicorn-friendly static files (whitenoise), media on an object store, the
Varnish/CDN purge, HTTPS hardening (``manage.py check --deploy`` is clean), the
Content-Security-Policy, JSON logs with request ids on stdout, and Sentry when configured.
"""

from django.core.exceptions import ImproperlyConfigured

from cms import env
from cms.caches import is_shared
from cms.ops import csp
from cms.ops.logging import logging_config
from cms.ops.storage import media_origin
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

# --- HTTPS (terminated by the proxy in front, which sets X-Forwarded-Proto) ---------------
SECURE_HTTPS: bool = env.read("SECURE_HTTPS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = SECURE_HTTPS
# Health checks come from the balancer over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env.read("SECURE_HSTS_SECONDS") if SECURE_HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = SECURE_HTTPS
CSRF_COOKIE_SECURE = SECURE_HTTPS
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
# Nothing is framed, except the admin's preview panel (cms.ops.csp lets the admin frame itself).
X_FRAME_OPTIONS = "DENY"
CSRF_TRUSTED_ORIGINS = [base.BASE_URL]

# --- Sessions: in the shared cache, backed by the database --------------------------------
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Static files (whitenoise: compressed, hashed names, far-future headers) -------------
# --- and media (base: an object store when configured) ------------------------------------
MEDIA_STORAGE = base.STORAGES["default"]
STORAGES = {
    "default": MEDIA_STORAGE,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
#: Local media (no object store) are served by the app itself, cached by the proxy.
SERVE_LOCAL_MEDIA = MEDIA_STORAGE["BACKEND"].endswith("FileSystemStorage")
WHITENOISE_KEEP_ONLY_HASHED_FILES = False

# --- Middleware -----------------------------------------------------------------------------
MIDDLEWARE = [
    "cms.ops.requests.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "cms.ops.csp.PathPolicyMiddleware",
    *base.MIDDLEWARE[1:],
]
INSTALLED_APPS = [*base.INSTALLED_APPS, "csp"]
CONTENT_SECURITY_POLICY = csp.policy(media_origin(MEDIA_STORAGE))
# The admin loads nothing from other origins: avatars are initials, not images from
# gravatar.com, and no upgrade check calls releases.wagtail.org (upgrades are deployments).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- The caching proxy in front: purged on publish, unpublish and move -------------------
FRONTEND_CACHE_PURGE_URL: str = env.read("FRONTEND_CACHE_PURGE_URL")
if FRONTEND_CACHE_PURGE_URL:
    WAGTAILFRONTENDCACHE = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_PURGE_URL,
        }
    }
    # Translations have their own slugs: purge each URL as given, not once per language.
    WAGTAILFRONTENDCACHE_LANGUAGES: list[str] = []
# The proxy appends the client's address to X-Forwarded-For.
PARTNER_API_CLIENT_IP_HEADER = base.PARTNER_API_CLIENT_IP_HEADER or "HTTP_X_FORWARDED_FOR"

# --- Logs and errors --------------------------------------------------------------------------
LOGGING = logging_config(env.read("LOG_LEVEL"))
SENTRY_DSN: str = env.read("SENTRY_DSN")
if SENTRY_DSN:
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=SENTRY_DSN,
        environment=env.read("SENTRY_ENVIRONMENT"),
        integrations=[DjangoIntegration()],
        # Never send cookies, headers with keys, user details or request bodies.
        send_default_pii=False,
        max_request_body_size="never",
    )
