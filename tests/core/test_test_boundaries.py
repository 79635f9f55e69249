"""The two test trees stay apart: the core's tests run on the test plugin, plugins' on theirs.

``tests/`` tests the core against ``tests/publications`` (as Wagtail core tests against
``wagtail.test.testapp``); ``pages/<plugin>/tests`` test one plugin. Neither imports the
other: fixtures cross only through the pytest plugins of ``pyproject.toml`` and plain helpers
through ``cms.testing``. Whole-product tests (the production stack, the browser editorial
cycle, the partner mirror, accessibility across every page type) are the exception, and say
so with ``pytestmark = pytest.mark.product``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.backend_independent

ROOT = Path(__file__).resolve().parents[2]

#: Core tests still written on a real content type: each is to be rewritten on the test
#: plugin. The list only shrinks: a module that no longer imports ``pages`` must leave it.
PENDING_REWRITE_ON_TEST_PLUGIN: set[str] = {
    "tests/api/conftest.py",
    "tests/search/conftest.py",
    "tests/search/test_elasticsearch.py",
    "tests/search/test_live_engine.py",
    "tests/search/test_outage.py",
    "tests/search/test_service.py",
}


#: Core tests still asking for a real plugin's fixtures (``make_training`` and the like);
#: the list only shrinks, like the one above.
PENDING_FIXTURES_OF_REAL_PLUGINS: set[str] = {
    "tests/api/test_http.py",
    "tests/api/test_lists.py",
    "tests/api/test_openapi_tools.py",
    "tests/api/test_pages_and_vocabularies.py",
    "tests/api/test_queries.py",
    "tests/api/test_read_requests_write_nothing.py",
    "tests/api/test_response_cache.py",
    "tests/api/test_schemathesis.py",
    "tests/api/test_webhooks.py",
    "tests/core/test_bad_input.py",
    "tests/core/test_input_properties.py",
    "tests/core/test_login_throttle.py",
    "tests/core/test_purge.py",
    "tests/editorial/conftest.py",
    "tests/editorial/test_admin_translated.py",
    "tests/editorial/test_alt_text.py",
    "tests/editorial/test_machine_translation.py",
    "tests/editorial/test_role_actions.py",
    "tests/editorial/test_roles.py",
    "tests/editorial/test_scheduling.py",
    "tests/editorial/test_share.py",
    "tests/editorial/test_translators.py",
    "tests/editorial/test_vocabulary_choosers.py",
    "tests/editorial/test_workflow.py",
    "tests/search/conftest.py",
    "tests/search/test_api.py",
    "tests/search/test_elasticsearch.py",
    "tests/search/test_live_engine.py",
    "tests/search/test_outage.py",
    "tests/search/test_postgres_sql.py",
    "tests/search/test_reindex.py",
    "tests/search/test_service.py",
    "tests/search/test_sqlite_plans.py",
    "tests/search/test_views.py",
}


def imported_modules(tree: ast.Module) -> Iterator[tuple[int, str]]:
    """Every module an import statement names, at any depth (fixtures import lazily)."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            yield node.lineno, node.module


def imports_of(path: Path, package: str) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{line}"
        for line, module in imported_modules(tree)
        if module == package or module.startswith(f"{package}.")
    ]


def is_product_test(path: Path) -> bool:
    """The module marks all its tests ``product`` (``pytestmark`` at module level)."""
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "pytestmark" for target in node.targets
        ):
            return "pytest.mark.product" in ast.unparse(node.value)
    return False


def python_files(folder: str) -> list[Path]:
    return sorted(
        path for path in (ROOT / folder).rglob("*.py") if "node_modules" not in path.parts
    )


def test_core_tests_import_no_content_type():
    offenders = [
        offence
        for path in python_files("tests")
        if not is_product_test(path)
        and str(path.relative_to(ROOT)) not in PENDING_REWRITE_ON_TEST_PLUGIN
        for offence in imports_of(path, "pages")
    ]
    assert offenders == []


def test_pending_rewrites_are_still_pending():
    done = [
        name
        for name in sorted(PENDING_REWRITE_ON_TEST_PLUGIN)
        if not imports_of(ROOT / name, "pages")
    ]
    assert done == [], "rewritten on the test plugin: remove from PENDING_REWRITE_ON_TEST_PLUGIN"


def fixtures_defined_in(path: Path) -> set[str]:
    """Names of the ``@pytest.fixture`` functions a module defines."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return {
        node.name
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        and any("fixture" in ast.unparse(decorator) for decorator in node.decorator_list)
    }


def real_plugin_fixtures() -> set[str]:
    """The fixtures real plugins share as pytest plugins (``pages/<plugin>/tests/fixtures.py``)."""
    return {
        name
        for path in sorted((ROOT / "pages").glob("*/tests/fixtures.py"))
        for name in fixtures_defined_in(path)
    }


def fixtures_requested(path: Path, names: set[str]) -> list[str]:
    """``file:line fixture`` for each test or fixture in ``path`` that asks for one of ``names``."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        f"{path.relative_to(ROOT)}:{node.lineno} {argument.arg}"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef)
        for argument in node.args.args
        if argument.arg in names
    ]


def test_core_tests_use_no_real_plugins_fixtures():
    """Importing nothing from ``pages`` is not enough: ``make_training`` is a real plugin too."""
    names = real_plugin_fixtures()
    assert {"make_training", "training_indexes"} <= names
    offenders = [
        offence
        for path in python_files("tests")
        if not is_product_test(path)
        and str(path.relative_to(ROOT)) not in PENDING_FIXTURES_OF_REAL_PLUGINS
        for offence in fixtures_requested(path, names)
    ]
    assert offenders == []


def test_pending_fixture_rewrites_are_still_pending():
    names = real_plugin_fixtures()
    done = [
        name
        for name in sorted(PENDING_FIXTURES_OF_REAL_PLUGINS)
        if not fixtures_requested(ROOT / name, names)
    ]
    assert done == [], "rewritten on the test plugins: remove from PENDING_FIXTURES_OF_REAL_PLUGINS"


def test_plugins_tests_import_nothing_from_the_core_tests():
    offenders = [offence for path in python_files("pages") for offence in imports_of(path, "tests")]
    assert offenders == []


def test_the_product_marker_is_what_the_boundary_reads():
    assert is_product_test(ROOT / "tests/api/test_mirror.py")
    assert not is_product_test(Path(__file__))
