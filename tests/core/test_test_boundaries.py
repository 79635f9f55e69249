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
        for offence in imports_of(path, "pages")
    ]
    assert offenders == []


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
        for offence in fixtures_requested(path, names)
    ]
    assert offenders == []


def test_plugins_tests_import_nothing_from_the_core_tests():
    offenders = [offence for path in python_files("pages") for offence in imports_of(path, "tests")]
    assert offenders == []


def test_the_product_marker_is_what_the_boundary_reads():
    assert is_product_test(ROOT / "tests/api/test_mirror.py")
    assert not is_product_test(Path(__file__))
