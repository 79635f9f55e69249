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
    Variable(
        "ELASTICSEARCH_URL", str, "", "Elasticsearch URL; when set it becomes the search backend."
    ),
    Variable(
        "ELASTICSEARCH_INDEX_PREFIX", str, "eduverkko", "Prefix of the Elasticsearch indexes."
    ),
    Variable("PORT", int, 8000, "Port that `make run` serves on."),
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
        "Seconds between two runs of scheduled publishing and expiry (`run_scheduler`).",
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
