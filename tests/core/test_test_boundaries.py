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
    "tests/browser/test_admin_chooser_schedule.py",
    "tests/editorial/test_alt_text.py",
    "tests/editorial/test_role_actions.py",
    "tests/editorial/test_roles.py",
    "tests/editorial/test_scheduling.py",
    "tests/editorial/test_workflow.py",
    "tests/search/conftest.py",
    "tests/search/test_elasticsearch.py",
    "tests/search/test_live_engine.py",
    "tests/search/test_outage.py",
    "tests/search/test_service.py",
    "tests/site/test_machine_readable.py",
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


def test_plugins_tests_import_nothing_from_the_core_tests():
    offenders = [offence for path in python_files("pages") for offence in imports_of(path, "tests")]
    assert offenders == []


def test_the_product_marker_is_what_the_boundary_reads():
    assert is_product_test(ROOT / "tests/api/test_mirror.py")
    assert not is_product_test(Path(__file__))
