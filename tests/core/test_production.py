"""Production settings: deploy checks, secrets kept out of logs, media storage, Sentry."""

from __future__ import annotations

import gzip
import io
import json
import logging
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import brotli
import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ImproperlyConfigured, ValidationError

from cms.ops.logging import JsonFormatter, redact
from cms.ops.storage import media_origin, media_storage

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "k" * 20 + "-production-secret-for-tests-only-0123456789",
    "ALLOWED_HOSTS": "cms.example.fi",
    "CACHE_URL": "db://django_cache",
}


def run_manage(*arguments: str, **variables: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        # The browser tests' conftest allows async-unsafe calls in this process; a deployment
        # never sets that (check --deploy refuses it).
        if key
        not in {
            "DATABASE_URL",
            "CACHE_URL",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update({**PRODUCTION, **variables})
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.backend_independent
def test_check_deploy_is_clean_under_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "secret",
    [
        "Authorization: Bearer ek_1a2b3c4d_SeCrEtPaRt",
        "X-Api-Key: ek_1a2b3c4d_SeCrEtPaRt",
        "/api/v1/news/?key=ek_1a2b3c4d_SeCrEtPaRt&limit=3",
        "username=admin&password=ek_1a2b3c4d_SeCrEtPaRt",
        "postgres://eduverkko:ek_1a2b3c4d_SeCrEtPaRt@db.internal:5432/cms",
    ],
)
def test_secrets_are_masked_in_log_text(secret):
    masked = redact(secret)
    assert "SeCrEtPaRt" not in masked
    assert "[redacted]" in masked


def test_json_log_lines_carry_the_request_id_and_mask_extras():
    from cms.ops.requests import _request_id

    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("tests.production.json")
    logger.addHandler(handler)
    logger.propagate = False
    token = _request_id.set("req-123")
    try:
        logger.warning("Login failed for %s", "admin", extra={"form": {"password": "hunter2"}})
        try:
            raise ValueError("password=hunter2")
        except ValueError:
            logger.exception("Boom")
    finally:
        _request_id.reset(token)
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines() if line.startswith("{")]
    assert [line["request_id"] for line in lines] == ["req-123", "req-123"]
    assert lines[0]["message"] == "Login failed for admin"
    assert "hunter2" not in stream.getvalue()
    assert "ValueError" in lines[1]["exception"]


def test_media_storage_url_selects_s3_with_path_style_public_urls():
    storage = media_storage(
        "s3://media/cms?endpoint_url=http://127.0.0.1:9000&region_name=eu-north-1",
        access_key="id",
        secret_key="secret",
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "media"
    assert options["location"] == "cms"
    assert options["custom_domain"] == "127.0.0.1:9000/media"
    assert options["querystring_auth"] is False
    assert media_origin(storage) == "http://127.0.0.1:9000"
    assert media_storage("")["BACKEND"].endswith("FileSystemStorage")
    assert media_storage("", bucket="b")["OPTIONS"]["bucket_name"] == "b"
    with pytest.raises(ImproperlyConfigured, match="MEDIA_STORAGE_URL"):
        media_storage("s3://media?acl=public-read")


@pytest.mark.parametrize("password", ["short-Pw1", "123456789012345", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_uncommon_password_is_accepted():
    validate_password("Opetus-verkko-2026-kevät")


class _Collector(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        # The SDK compresses with brotli when it is installed (the API's compression
        # brings it), otherwise with gzip, as a real Sentry server accepts.
        coding = self.headers.get("Content-Encoding")
        if coding == "gzip":
            body = gzip.decompress(body)
        elif coding == "br":
            body = brotli.decompress(body)
        type(self).received.append(body)
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.backend_independent
def test_sentry_receives_errors_when_a_dsn_is_set():
    server = HTTPServer(("127.0.0.1", 0), _Collector)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    _Collector.received.clear()
    try:
        result = run_manage(
            "shell",
            "-c",
            "import sentry_sdk\n"
            "try:\n    1 / 0\nexcept ZeroDivisionError as error:\n"
            "    sentry_sdk.capture_exception(error)\n"
            "sentry_sdk.flush(timeout=10)",
            SENTRY_DSN=f"http://publickey@127.0.0.1:{server.server_port}/42",
        )
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr
    envelopes = b"\n".join(_Collector.received)
    assert b"ZeroDivisionError" in envelopes
    assert PRODUCTION["SECRET_KEY"].encode() not in envelopes
