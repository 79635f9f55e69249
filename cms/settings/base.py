"""Settings shared by every environment.

Configuration comes from the environment variables declared in :mod:`cms.env`; this module
gives no secret a default (``dev`` and ``test`` do, ``production`` refuses to start without).
Content-type plugins are enabled in :data:`CONTENT_TYPE_PLUGINS`, one line each.
"""

from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from cms import env
from cms.caches import RATE_LIMITS, caches_from_url
from cms.databases import with_sqlite_concurrency
from cms.ops.storage import media_storage
from search.config import search_backends

# --- Environment -------------------------------------------------------------------------
SECRET_KEY: str | None = env.read("SECRET_KEY")
DEBUG: bool = env.read("DEBUG")
ALLOWED_HOSTS: list[str] = env.read("ALLOWED_HOSTS")
DATABASE_URL: str = env.read("DATABASE_URL")
CACHE_URL: str = env.read("CACHE_URL")
BASE_URL: str = env.read("BASE_URL").rstrip("/")
ELASTICSEARCH_URL: str = env.read("ELASTICSEARCH_URL")
ELASTICSEARCH_INDEX_PREFIX: str = env.read("ELASTICSEARCH_INDEX_PREFIX")
OPENSEARCH_URL: str = env.read("OPENSEARCH_URL")
PARTNER_API_CORS_ORIGINS: list[str] = env.read("API_CORS_ORIGINS")
PARTNER_API_ANONYMOUS_RATE: int = env.read("API_ANONYMOUS_RATE")
PARTNER_API_CACHE_SECONDS: int = env.read("API_CACHE_SECONDS")
PARTNER_API_CLIENT_IP_HEADER: str = env.read("API_CLIENT_IP_HEADER")
DEEPL_API_KEY: str = env.read("DEEPL_API_KEY")
DEFAULT_FROM_EMAIL: str = env.read("DEFAULT_FROM_EMAIL")
SCHEDULER_INTERVAL: int = env.read("SCHEDULER_INTERVAL")

CMS_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = CMS_DIR.parent

# --- Applications ------------------------------------------------------------------------
# Each content type is a self-contained plugin app under pages/; enabling one is one line.
CONTENT_TYPE_PLUGINS = [
    "pages.trainings",
    "pages.news",
    "pages.projects",
    "pages.networks",
]

INSTALLED_APPS = [
    "cms",
    "cms.vocabularies",
    "cms.media",
    "cms.api",
    "cms.editorial",
    "home",
    *CONTENT_TYPE_PLUGINS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    # After wagtail.search: its ready() replaces wagtail.search's index signal handlers.
    "search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks",
    "django_tasks_db",
    # Serves the API docs' Swagger UI from our own static files, not a CDN.
    "ninja",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.api.middleware.ApiCompressionMiddleware",
    # Partner revalidations get their 304 here, with the headers of the middleware above
    # and without the work of those below (cms.api.revalidation).
    "cms.api.revalidation.RevalidationMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "cms.api.middleware.LocaleMiddlewareOutsideApi",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [CMS_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# --- Database ----------------------------------------------------------------------------
DATABASES = {
    "default": with_sqlite_concurrency(
        dj_database_url.parse(DATABASE_URL, conn_max_age=60)
        if DATABASE_URL
        else {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
CACHES = caches_from_url(CACHE_URL)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages and time ------------------------------------------------------------------
LANGUAGE_CODE = "fi"
LANGUAGES = [
    ("fi", _("Finnish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# The project's own strings first, then our Finnish and Swedish translations of the Wagtail
# and wagtail-localize admin strings the packages leave untranslated. Django merges
# LOCALE_PATHS over every installed app's catalogue, earlier entries winning.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "admin"]
# The language switcher remembers the reader's choice for a year; `/` honours it.
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
USE_I18N = True
TIME_ZONE = "Europe/Helsinki"
USE_TZ = True
# Dates as Finnish authorities write them: 22.10.2018 klo 9.00 / kl. 9.00 / at 9:00.
FORMAT_MODULE_PATH = ["cms.formats"]

# --- Static and media --------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(env.read("STATIC_ROOT") or BASE_DIR / "static")
STATICFILES_DIRS = [CMS_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.read("MEDIA_ROOT") or BASE_DIR / "media")
# Uploaded media: an S3-compatible object store when MEDIA_STORAGE_URL (or the AWS_* variables)
# say so, in every environment, so that e.g. the demo loader writes where production reads.
STORAGES = {
    "default": media_storage(
        env.read("MEDIA_STORAGE_URL"),
        bucket=env.read("AWS_STORAGE_BUCKET_NAME"),
        endpoint_url=env.read("AWS_S3_ENDPOINT_URL"),
        region_name=env.read("AWS_S3_REGION_NAME"),
        custom_domain=env.read("AWS_S3_CUSTOM_DOMAIN"),
        access_key=env.read("AWS_ACCESS_KEY_ID"),
        secret_key=env.read("AWS_SECRET_ACCESS_KEY"),
    ),
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Wagtail -----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Eduverkko"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILIMAGES_IMAGE_MODEL = "media.CustomImage"

# Demo content besides the vocabularies and the plugins' own (ContentTypePlugin.demo_data),
# read by load_demo only: the home page's translations and the accessibility statement.
DEMO_DATA_FILES = [BASE_DIR / "home" / "demo.json"]
# Pickers Wagtail builds itself (the scheduling dialog, report filters, blocks) show Finnish
# dates; model fields get the editor's own language (cms/formats/admin_inputs.py).
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H.%M"
WAGTAIL_TIME_FORMAT = "%H.%M"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Elasticsearch (ELASTICSEARCH_URL) or OpenSearch (OPENSEARCH_URL) when set, with the
# database backend as its fallback.
WAGTAILSEARCH_BACKENDS = search_backends(
    ELASTICSEARCH_URL, ELASTICSEARCH_INDEX_PREFIX, opensearch_url=OPENSEARCH_URL
)

# --- Editorial workflow and translation ---------------------------------------------------
# New editors get the Finnish admin (Wagtail would follow their browser); Swedish and
# English stay available in each user's account settings (WAGTAILADMIN_PERMITTED_LANGUAGES).
EDITORIAL_ADMIN_DEFAULT_LANGUAGE = "fi"
#: The pair of languages the parity view compares (the language act: Finnish and Swedish).
EDITORIAL_PARITY_LANGUAGES = ("fi", "sv")
#: Share links for reviewers without an account: default and longest validity, in days.
EDITORIAL_SHARE_LINK_DAYS = 7
EDITORIAL_SHARE_LINK_MAX_DAYS = 30
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL
# Failed admin logins are throttled per address (cms.throttle).
WAGTAILADMIN_USER_LOGIN_FORM = "cms.throttle.ThrottledLoginForm"
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# Approving the last review task publishes with the workflow's authority (a section's writers
# review each other's work without publish permission), never the author's own submission.
WAGTAIL_FINISH_WORKFLOW_ACTION = "cms.editorial.review.publish_approved_workflow"
# A new translation is a draft until a person publishes it, whatever the source's state.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "cms.editorial.machine_translation.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_API_KEY},
    }
    if DEEPL_API_KEY
    else None
)

# --- Tasks -------------------------------------------------------------------------------
# Background work (search indexing, scheduled publishing) goes through a database queue
# that `manage.py db_worker` drains; tests run tasks immediately instead.
# default: search indexing; changes: the change feed's own work; frontend-cache: purges of
# the caching proxy (cms.ops.purge). Each has its own worker. Webhook deliveries are not a
# queue: `manage.py deliver_webhooks` sends them from their table (cms.api.webhooks).
TASK_QUEUES = ["default", "changes", "frontend-cache"]
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}

# --- Partner API -------------------------------------------------------------------------
# Webhooks go to HTTPS endpoints only; dev and test also allow plain HTTP to loopback.
PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = False
#: The cache alias the rate counters use (see cms.caches.rate_limit_cache).
PARTNER_API_RATE_CACHE = RATE_LIMITS
