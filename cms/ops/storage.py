"""``STORAGES["default"]`` from ``MEDIA_STORAGE_URL`` (or the usual ``AWS_*`` variables).

``s3://bucket/prefix?endpoint_url=http://127.0.0.1:9000&region_name=eu-north-1`` stores
uploaded images and documents in an S3-compatible object store through django-storages,
served from the store's URL (or ``custom_domain``, e.g. a CDN) so that every app server sees
every upload. Credentials come from ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` (or the
machine's role). Without either setting, media are files under ``MEDIA_ROOT``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from django.core.exceptions import ImproperlyConfigured

#: Query parameters of ``MEDIA_STORAGE_URL`` passed on to django-storages' S3 backend.
S3_OPTIONS = {"endpoint_url", "region_name", "custom_domain", "url_protocol", "addressing_style"}
FILE_SYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def media_storage(
    url: str,
    *,
    bucket: str = "",
    endpoint_url: str = "",
    region_name: str = "",
    custom_domain: str = "",
    access_key: str = "",
    secret_key: str = "",
) -> dict[str, Any]:
    """The ``default`` storage: S3 when a URL or bucket is given, else the file system."""
    options: dict[str, Any] = {}
    if url:
        parts = urlsplit(url)
        if parts.scheme != "s3" or not parts.netloc:
            raise ImproperlyConfigured(
                "MEDIA_STORAGE_URL must look like s3://bucket[/prefix][?endpoint_url=…]."
            )
        options["bucket_name"] = parts.netloc
        if parts.path.strip("/"):
            options["location"] = parts.path.strip("/")
        for name, value in parse_qsl(parts.query):
            if name not in S3_OPTIONS:
                raise ImproperlyConfigured(
                    f"MEDIA_STORAGE_URL: unknown option {name!r}; use {sorted(S3_OPTIONS)}."
                )
            options[name] = value
    elif bucket:
        options["bucket_name"] = bucket
    else:
        return dict(FILE_SYSTEM)
    for name, value in (
        ("endpoint_url", endpoint_url),
        ("region_name", region_name),
        ("custom_domain", custom_domain),
        ("access_key", access_key),
        ("secret_key", secret_key),
    ):
        if value:
            options.setdefault(name, value)
    if "custom_domain" not in options and "endpoint_url" in options:
        # Path-style URLs on the store itself: http://host:port/bucket/key.
        endpoint = urlsplit(options["endpoint_url"])
        options["custom_domain"] = f"{endpoint.netloc}/{options['bucket_name']}"
        options.setdefault("url_protocol", f"{endpoint.scheme}:")
    # Media are public (published images); URLs need no signature and never expire.
    options.update({"querystring_auth": False, "file_overwrite": False})
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def media_origin(storage: dict[str, Any]) -> str | None:
    """``scheme://host`` media are served from, for the Content-Security-Policy."""
    options = storage.get("OPTIONS", {})
    domain = options.get("custom_domain")
    if not domain:
        return None if storage == FILE_SYSTEM else "https://*.amazonaws.com"
    return f"{options.get('url_protocol', 'https:')}//{domain.split('/', 1)[0]}"
