"""Configuration: every environment variable is declared once, documented, and typed."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms import env

ROOT = Path(__file__).resolve().parents[2]


def test_readme_documents_exactly_the_declared_variables():
    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"^\| `([A-Z][A-Z0-9_]+)` \|", readme, re.MULTILINE))
    assert documented == {variable.name for variable in env.VARIABLES}


def test_no_module_reads_the_environment_directly():
    allowed = {ROOT / "cms" / "env.py", ROOT / "manage.py", ROOT / "cms" / "wsgi.py"}
    offenders = [
        str(path.relative_to(ROOT))
        for folder in ("cms", "home", "pages", "search")
        for path in (ROOT / folder).rglob("*.py")
        if path not in allowed and re.search(r"os\.environ|os\.getenv", path.read_text())
    ]
    assert offenders == []


def test_values_are_parsed_by_type(monkeypatch):
    monkeypatch.setenv("DEBUG", "yes")
    monkeypatch.setenv("ALLOWED_HOSTS", "a.example, b.example")
    monkeypatch.setenv("PORT", "8123")
    assert env.read("DEBUG") is True
    assert env.read("ALLOWED_HOSTS") == ["a.example", "b.example"]
    assert env.read("PORT") == 8123


def test_bad_values_name_the_variable(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env.read("DEBUG")


def test_production_refuses_to_start_without_a_secret_key():
    environment = {
        key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DATABASE_URL"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", "ALLOWED_HOSTS": "x"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set in production" in result.stderr


def run_production_check(**variables: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DATABASE_URL", "CACHE_URL"}
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "cms.settings.production", **variables})
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_a_cache_that_processes_do_not_share():
    result = run_production_check(SECRET_KEY="s" * 50, ALLOWED_HOSTS="x", CACHE_URL="locmem://")
    assert result.returncode != 0
    assert "CACHE_URL must name a cache every process shares" in result.stderr


def test_production_starts_with_a_shared_cache():
    result = run_production_check(
        SECRET_KEY="s" * 50, ALLOWED_HOSTS="x", CACHE_URL="db://django_cache"
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("url", "backend", "location"),
    [
        ("redis://cache.internal:6379/1", "cms.caches.RedisCache", "redis://cache.internal:6379/1"),
        (
            "rediss://cache.internal:6380/0",
            "cms.caches.RedisCache",
            "rediss://cache.internal:6380/0",
        ),
        ("db://django_cache", "django.core.cache.backends.db.DatabaseCache", "django_cache"),
        ("locmem://", "django.core.cache.backends.locmem.LocMemCache", None),
        ("", "django.core.cache.backends.locmem.LocMemCache", None),
    ],
)
def test_cache_url_selects_the_cache(url, backend, location):
    from cms.caches import caches_from_url

    default = caches_from_url(url)["default"]
    assert default["BACKEND"] == backend
    assert default.get("LOCATION") == location


@pytest.mark.parametrize("url", ["memcached://cache:11211", "db://"])
def test_unusable_cache_url_is_refused_with_its_name(url):
    from cms.caches import caches_from_url

    with pytest.raises(ImproperlyConfigured, match="CACHE_URL"):
        caches_from_url(url)
