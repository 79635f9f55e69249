"""Structured logs: one JSON object per line on stdout, each with the request's id.

The request id comes from :mod:`cms.ops.requests` (a context variable, so every line logged
while a request is handled carries it, whatever logger wrote it). Secrets never reach the
output: partner keys, bearer tokens, passwords and URL credentials are masked in the message
and in every extra field before the line is written.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from typing import Any

from cms.ops.requests import current_request_id

#: Attributes every ``LogRecord`` has; anything else on a record was passed as ``extra``.
_STANDARD_ATTRIBUTES = frozenset(
    vars(logging.LogRecord("", 0, "", 0, "", (), None)).keys() | {"message", "asctime"}
)
#: Extras that are objects, not data (Django passes the request and the server socket).
_SKIPPED_EXTRAS = frozenset({"request", "server_time", "status_code_class"})

MASK = "[redacted]"
_SECRET_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    # Authorization: Bearer <key>, X-Api-Key: <key>, in headers or header dumps.
    (re.compile(r"(?i)(bearer\s+)[^\s,;\"']+"), r"\1" + MASK),
    (re.compile(r"(?i)(x-api-key[\"']?\s*[:=]\s*[\"']?)[^\s,;\"']+"), r"\1" + MASK),
    # key=..., password=..., token=..., secret=... in query strings, forms and messages.
    (
        re.compile(
            r"(?i)\b((?:api[_-]?)?key|password\d?|passwd|token|secret|signature|"
            r"csrfmiddlewaretoken|sessionid)([\"']?\s*[=:]\s*[\"']?)[^\s&,;\"']+"
        ),
        r"\1\2" + MASK,
    ),
    # scheme://user:password@host (database, cache, storage, Sentry URLs).
    (re.compile(r"(\b[a-z][a-z0-9+.-]*://[^:/@\s]*:)[^@\s]+@"), r"\1" + MASK + "@"),
)


def redact(text: str) -> str:
    """``text`` with every secret-looking value replaced by :data:`MASK`."""
    for pattern, replacement in _SECRET_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


#: Names of fields whose values are always masked, whatever they look like.
_SECRET_NAMES = re.compile(
    r"(?i)(password|passwd|secret|token|key|authorization|cookie|signature|dsn)"
)


def _plain(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return redact(value) if isinstance(value, str) else value
    if isinstance(value, dict):
        return {
            str(key): MASK if _SECRET_NAMES.search(str(key)) else _plain(item)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    return redact(str(value))


class JsonFormatter(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request id, extras."""

    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": redact(record.getMessage()),
            "request_id": getattr(record, "request_id", None) or current_request_id(),
        }
        for name, value in vars(record).items():
            if name not in _STANDARD_ATTRIBUTES and name not in _SKIPPED_EXTRAS:
                entry.setdefault(name, _plain(value))
        if record.exc_info:
            entry["exception"] = redact(self.formatException(record.exc_info))
        if record.stack_info:
            entry["stack"] = redact(self.formatStack(record.stack_info))
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(level: str = "INFO") -> dict[str, Any]:
    """``LOGGING`` for production: everything as JSON lines on stdout."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": JsonFormatter}},
        "handlers": {
            "stdout": {
                "class": "logging.StreamHandler",
                "stream": "ext://sys.stdout",
                "formatter": "json",
            }
        },
        "root": {"handlers": ["stdout"], "level": level},
        "loggers": {
            # Django's own handlers would print plain text (and mail admins); route to root.
            "django": {"handlers": [], "level": level, "propagate": True},
            "django.server": {"handlers": [], "propagate": True},
            "gunicorn.error": {"handlers": [], "propagate": True},
            "gunicorn.access": {"handlers": [], "propagate": True},
        },
    }
