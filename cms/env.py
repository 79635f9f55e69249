"""Every environment variable the project reads, declared once with its type.

Settings modules call :func:`read`; nothing else in the code base looks at ``os.environ``.
The README's environment table is checked against :data:`VARIABLES` by a test, so the
documentation cannot drift from what the code actually reads.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured


def _parse_bool(raw: str) -> bool:
    value = raw.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off", ""}:
        return False
    raise ValueError(f"expected a boolean (true/false), got {raw!r}")


def _parse_list(raw: str) -> list[str]:
    return [item.strip() for item in raw.split(",") if item.strip()]


PARSERS: dict[type, Callable[[str], Any]] = {
    str: str,
    int: int,
    bool: _parse_bool,
    list: _parse_list,
}


@dataclass(frozen=True)
class Variable:
    """One environment variable: its name, type, default and what it is for."""

    name: str
    type: type
    default: Any
    help: str
    secret: bool = False


VARIABLES: tuple[Variable, ...] = (
    Variable("DJANGO_SETTINGS_MODULE", str, "cms.settings.dev", "Settings module to load."),
    Variable("SECRET_KEY", str, None, "Django secret key; required in production.", secret=True),
    Variable("DEBUG", bool, False, "Django debug mode (dev settings turn it on)."),
    Variable("ALLOWED_HOSTS", list, [], "Comma-separated host names the site answers to."),
    Variable(
        "DATABASE_URL",
        str,
        "",
        "Database URL, e.g. postgres://user:pass@host:5432/db; empty means SQLite in db.sqlite3.",
        secret=True,
    ),
    Variable(
        "CACHE_URL",
        str,
        "",
        "Shared cache: redis://host:6379/0 or db://table (after `manage.py createcachetable`); "
        "empty means per-process memory. Production requires a shared one.",
        secret=True,
    ),
    Variable(
        "BASE_URL",
        str,
        "http://127.0.0.1:8000",
        "Public origin of every absolute URL (sitemap, feeds, JSON-LD, iCalendar, API, "
        "share links); `make run` sets it to http://127.0.0.1:$(PORT).",
    ),
    Variable("MEDIA_ROOT", str, "", "Directory for uploaded media; empty means ./media."),
    Variable("STATIC_ROOT", str, "", "Directory collectstatic writes to; empty means ./static."),
    Variable(
        "ELASTICSEARCH_URL", str, "", "Elasticsearch URL; when set it becomes the search backend."
    ),
    Variable(
        "OPENSEARCH_URL",
        str,
        "",
        "OpenSearch 2.x/3.x URL; when set it becomes the search backend (not with "
        "ELASTICSEARCH_URL).",
    ),
    Variable(
        "ELASTICSEARCH_INDEX_PREFIX",
        str,
        "eduverkko",
        "Prefix of the search engine's indexes (Elasticsearch or OpenSearch).",
    ),
    Variable("PORT", int, 8000, "Port that `make run` and `make serve` answer on."),
    Variable(
        "API_CORS_ORIGINS",
        list,
        ["*"],
        "Comma-separated origins allowed to read the partner API from browsers; * means any.",
    ),
    Variable(
        "API_ANONYMOUS_RATE",
        int,
        120,
        "Partner API requests per minute per IP address without a partner key.",
    ),
    Variable("API_CACHE_SECONDS", int, 60, "max-age of the partner API's Cache-Control header."),
    Variable(
        "API_CLIENT_IP_HEADER",
        str,
        "",
        "META name of the header with the client address set by the proxy in front "
        "(e.g. HTTP_X_FORWARDED_FOR); empty means REMOTE_ADDR.",
    ),
    Variable(
        "DEEPL_API_KEY",
        str,
        "",
        "DeepL API key; when set, editors can machine-translate with DeepL (results are drafts).",
        secret=True,
    ),
    Variable(
        "DEFAULT_FROM_EMAIL",
        str,
        "eduverkko@localhost",
        "Sender address of the workflow notifications sent to reviewers.",
    ),
    Variable(
        "SCHEDULER_INTERVAL",
        int,
        60,
        "Longest wait between two runs of scheduled publishing and expiry "
        "(`run_scheduler` also wakes at each go-live or expiry time).",
    ),
    Variable(
        "SECURE_HTTPS",
        bool,
        True,
        "Production is served over HTTPS (behind a proxy that sets X-Forwarded-Proto): SSL "
        "redirect, HSTS and secure cookies. `make serve` turns it off for plain "
        "http://127.0.0.1.",
    ),
    Variable(
        "SECURE_HSTS_SECONDS",
        int,
        31536000,
        "max-age of the Strict-Transport-Security header in production (0 turns HSTS off).",
    ),
    Variable(
        "MEDIA_STORAGE_URL",
        str,
        "",
        "S3-compatible object store for uploaded media: s3://bucket[/prefix][?endpoint_url=…"
        "&region_name=…&custom_domain=…]; empty means files under MEDIA_ROOT.",
    ),
    Variable(
        "AWS_STORAGE_BUCKET_NAME", str, "", "Bucket for media when MEDIA_STORAGE_URL is not set."
    ),
    Variable("AWS_S3_ENDPOINT_URL", str, "", "S3 API endpoint for a store other than AWS."),
    Variable("AWS_S3_REGION_NAME", str, "", "Region of the media bucket."),
    Variable(
        "AWS_S3_CUSTOM_DOMAIN", str, "", "Host (e.g. a CDN) that serves the media bucket's files."
    ),
    Variable("AWS_ACCESS_KEY_ID", str, "", "Access key of the media object store.", secret=True),
    Variable(
        "AWS_SECRET_ACCESS_KEY", str, "", "Secret key of the media object store.", secret=True
    ),
    Variable(
        "FRONTEND_CACHE_PURGE_URL",
        str,
        "",
        "Caching proxy (Varnish) that receives PURGE requests on publish, unpublish and move, "
        "e.g. http://127.0.0.1:6081; empty means no purging.",
    ),
    Variable(
        "SENTRY_DSN",
        str,
        "",
        "Sentry (or compatible) DSN; when set, errors are reported there.",
        secret=True,
    ),
    Variable("SENTRY_ENVIRONMENT", str, "production", "Environment name reported to Sentry."),
    Variable("LOG_LEVEL", str, "INFO", "Level of the JSON logs written to stdout in production."),
    Variable("GUNICORN_WORKERS", int, 2, "Gunicorn worker processes per app server."),
    Variable(
        "APP_SERVERS",
        int,
        1,
        "`make serve`: gunicorn app servers (each on its own port) behind Varnish.",
    ),
    Variable(
        "SEARCH_ENGINE",
        str,
        "",
        "`make serve`: elasticsearch or opensearch starts that engine for the stack "
        "(scripts/with-search-engine); empty means database search.",
    ),
    Variable(
        "OBJECT_STORE",
        str,
        "",
        "`make serve`: moto starts a local S3 server (moto) and keeps media there; empty means "
        "MEDIA_STORAGE_URL or local files.",
    ),
)

_BY_NAME = {variable.name: variable for variable in VARIABLES}


def read(name: str) -> Any:
    """Return the typed value of a declared variable, or its default when unset."""
    try:
        variable = _BY_NAME[name]
    except KeyError:
        raise ImproperlyConfigured(f"{name} is not declared in cms.env.VARIABLES") from None
    raw = os.environ.get(name)
    if raw is None:
        return variable.default
    try:
        return PARSERS[variable.type](raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"Environment variable {name}: {error}") from error
