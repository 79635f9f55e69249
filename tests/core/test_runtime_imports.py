"""What a web or worker process imports: no demo content, no test factories.

``load_demo`` and the tests are the only readers of the demo data and of factory_boy
(a dev dependency); a production process that imported them would fail to start where
the dev extra is not installed, and would carry thousands of lines it never uses.
"""

from __future__ import annotations

import json

import pytest

from tests.core.test_production import run_manage

# Under the production settings (run_manage): what gunicorn does (the WSGI application runs
# every app's ready()), then what the first requests do: the URLconf, and through it the
# admin's URLs, which load every app's wagtail_hooks. Prints the modules loaded.
STARTUP = """
import json, sys
from cms.wsgi import application
from django.urls import get_resolver
resolver = get_resolver()
resolver.url_patterns
resolver.resolve("/fi/")
from wagtail import hooks
hooks.get_hooks("register_admin_urls")
print(json.dumps(sorted(sys.modules)))
"""


def forbidden(module: str) -> bool:
    """Test factories, factory_boy and the demo loader or data code."""
    parts = module.split(".")
    return (
        parts[0] in {"factory", "wagtail_factories"} or "demo" in parts or parts[-1] == "factories"
    )


@pytest.mark.backend_independent
def test_production_startup_imports_no_demo_or_factories():
    result = run_manage("shell", "--no-imports", "--command", STARTUP)
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    # The startup really ran: the plugins, their site code and the admin hooks are loaded.
    assert {"cms.urls", "pages.trainings.models", "cms.wagtail_hooks"} <= set(modules)
    assert [module for module in modules if forbidden(module)] == []


def test_the_check_recognises_what_it_forbids():
    assert forbidden("factory") and forbidden("factory.django")
    assert forbidden("wagtail_factories.builder")
    assert forbidden("cms.demo.loader") and forbidden("pages.news.factories")
    assert not forbidden("cms.factoryless") and not forbidden("pages.news.site")
