"""The plugin core: content types plug in through the registry, never by name."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.api.api_contribution import ApiContribution
from cms.editorial.sections import EditorialSection
from cms.plugins import ContentTypePlugin, PluginRegistry, registry
from cms.site.site_contribution import FeedContribution, SiteContribution
from home.models import HomePage
from search.search_contribution import SearchContribution
from tests.publications.factories import PublicationIndexPageFactory
from tests.publications.forms import publication_form_data
from tests.publications.models import PublicationIndexPage, PublicationPage

ROOT = Path(__file__).resolve().parents[2]
#: The layers that must work with any set of plugins.
CORE_DIRS = ("cms", "search", "home")
#: Where naming the plugins is the point: the settings that enable them (the one line a
#: plugin needs), migrations, and the demo content (data about the real sections).
NAMING_ALLOWED = ("cms/settings/", "/migrations/", "cms/demo/", "home/demo.py", "load_demo.py")
#: Words that are the product's own domain, not a content type's name.
DOMAIN_PHRASES = ("education-sector networks",)


def core_files() -> list[Path]:
    return [
        path
        for top in CORE_DIRS
        for path in (ROOT / top).rglob("*.py")
        if not any(part in str(path.relative_to(ROOT)) for part in NAMING_ALLOWED)
    ]


#: The events test plugin's key and label are also the core's word for change events
#: (``cms/api/change_feed.py``); its model names are still checked.
GENERIC_WORDS = {"events"}


def content_type_names() -> list[str]:
    """What names a content type: its key, app label and model names (the test plugins' too)."""
    return sorted(
        {
            name
            for plugin in registry
            for name in (
                plugin.key,
                plugin.app_label,
                plugin.page_model.__name__,
                plugin.index_model.__name__,
            )
            if name not in GENERIC_WORDS
        }
    )


def names_in_code(path: Path) -> list[tuple[int, str]]:
    """Identifiers and string literals (docstrings aside: they are prose) with their lines."""
    tree = ast.parse(path.read_text())
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings:
                found.append((node.lineno, node.value))
        elif isinstance(node, ast.Name):
            found.append((node.lineno, node.id))
        elif isinstance(node, ast.Attribute):
            found.append((node.lineno, node.attr))
        elif isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef | ast.arg):
            found.append((node.lineno, getattr(node, "name", None) or getattr(node, "arg", "")))
        elif isinstance(node, ast.ImportFrom):
            found.append((node.lineno, node.module or ""))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
    return found


def imported_modules(path: Path) -> list[str]:
    """Every module ``path`` imports (``from cms import site`` counts as ``cms.site``)."""
    modules = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.append(node.module)
            modules.extend(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def test_enabled_plugins_are_registered_in_order():
    keys = [plugin.key for plugin in registry]
    assert "trainings" in keys
    assert keys[-2:] == ["publications", "events"]
    assert registry.get("publications").page_model is PublicationPage


def test_the_core_imports_no_content_type():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in core_files()
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"import.*\bpages\.|from pages\b", line)
    ]
    assert offenders == []


def test_the_base_pages_import_nothing_above_them():
    """Site rendering and search ask the base pages (through hooks), never the reverse."""
    above = ("cms.site", "cms.api", "cms.editorial", "cms.templatetags", "search", "home")
    assert imported_modules(ROOT / "cms" / "models.py")  # the check reads the imports
    imported = [
        module
        for module in imported_modules(ROOT / "cms" / "models.py")
        if any(module == layer or module.startswith(f"{layer}.") for layer in above)
    ]
    assert imported == []


def test_the_core_names_no_content_type_in_code_or_strings():
    """Not as an identifier, a string (an API description, a lookup) or an import."""
    names = content_type_names()
    assert {"trainings", "TrainingPage", "publications", "PublicationIndexPage"} <= set(names)
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    offenders = []
    for path in core_files():
        for line, text in names_in_code(path):
            for phrase in DOMAIN_PHRASES:
                text = text.replace(phrase, "")
            match = pattern.search(text)
            if match:
                offenders.append(f"{path.relative_to(ROOT)}:{line}: {match.group(0)}")
    assert offenders == []


def test_registry_finds_the_plugin_of_a_content_or_listing_model():
    publications = registry.get("publications")
    assert registry.for_page_model(PublicationPage) is publications
    assert registry.for_index_model(PublicationIndexPage) is publications
    assert registry.for_page_model(PublicationIndexPage) is None
    assert registry.for_index_model(PublicationPage) is None
    assert registry.for_page_model(HomePage) is None
    assert registry.for_index_model(HomePage) is None
    assert registry.find("publications") is publications
    assert registry.find("no-such-type") is None


def plugin(**overrides) -> ContentTypePlugin:
    values = {"key": "reports", "page_model": PublicationPage, "index_model": PublicationIndexPage}
    return ContentTypePlugin(**{**values, **overrides})


def test_a_plugin_reads_its_contribution_by_type_or_gets_the_default():
    declared = SiteContribution(card_template="publications/card.html")
    reports = PluginRegistry().register(plugin(contributions=(declared,)))

    assert reports.contribution(SiteContribution) is declared
    assert reports.contribution(EditorialSection) == EditorialSection()
    assert reports.contribution(SearchContribution) == SearchContribution()
    assert [field.name for field in reports.contribution(ApiContribution).fields] == ["lead"]


def test_the_test_plugin_declares_every_kind_of_contribution():
    publications = registry.get("publications")
    kinds = {type(contribution) for contribution in publications.contributions}
    assert kinds == {ApiContribution, SiteContribution, SearchContribution, EditorialSection}


@pytest.mark.parametrize(
    ("overrides", "problem"),
    [
        (
            {"contributions": {"site": SiteContribution()}},
            "contributions must be a tuple of contribution objects",
        ),
        ({"contributions": ("site",)}, "'site' is not a contribution"),
        ({"contributions": (SiteContribution,)}, "SiteContribution is a class"),
        (
            {"contributions": (SiteContribution(), SiteContribution())},
            "two SiteContribution contributions",
        ),
        ({"theme_field": "topics"}, "theme_field 'topics' is not a many-to-many to Theme"),
        ({"theme_field": "isbn"}, "theme_field 'isbn' is not a many-to-many to Theme"),
        ({"date_field": "published"}, "date_field 'published' is not a date field"),
        (
            {"contributions": (ApiContribution(orderings=("pages",)),)},
            "ApiContribution: ordering 'pages' is not a field of PublicationPage",
        ),
        (
            {"contributions": (ApiContribution(filters=dict),)},
            "ApiContribution: filters must be a ninja Schema subclass",
        ),
        (
            {"contributions": (SiteContribution(filter_form=dict),)},
            "SiteContribution: filter_form must be a ListingFilterForm subclass",
        ),
        (
            {"contributions": (SearchContribution(excerpt_field="summary"),)},
            "SearchContribution: excerpt_field 'summary' is not an attribute of PublicationPage",
        ),
    ],
)
def test_register_refuses_a_wrong_declaration_naming_the_plugin(overrides, problem):
    with pytest.raises(ImproperlyConfigured) as refused:
        PluginRegistry().register(plugin(**overrides))

    assert str(refused.value).startswith("Content-type plugin 'reports': ")
    assert problem in str(refused.value)


def test_the_date_field_orders_feeds_and_dates_their_items():
    scheduled = PluginRegistry().register(
        plugin(date_field="go_live_at", contributions=(SiteContribution(feed=FeedContribution()),))
    )
    page = PublicationPage(go_live_at=dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC))

    assert scheduled.newest_first == ("-go_live_at", "-first_published_at")
    assert plugin().newest_first == ("-first_published_at",)
    feed = scheduled.contribution(SiteContribution).feed
    assert feed.published(scheduled, page) == page.go_live_at


class TestPluginPageTree(WagtailPageTestCase):
    """A plugin enabled only in test settings joins the page tree with no core edit."""

    def test_home_page_accepts_every_listing_page(self):
        allowed = set(HomePage.allowed_subpage_models())
        assert set(registry.index_models()) <= allowed
        assert PublicationIndexPage in allowed

    def test_editor_creates_a_publication_through_the_admin(self):
        home = HomePage.objects.get(locale__language_code="fi")
        self.login()
        self.assertCanCreate(
            home,
            PublicationIndexPage,
            nested_form_data({"title": "Julkaisut", "slug": "julkaisut", "intro": rich_text("")}),
        )
        index = PublicationIndexPage.objects.get()
        self.assertCanCreate(
            index,
            PublicationPage,
            publication_form_data("Opas", "opas", lead="Lyhyt opas.", isbn="978-1"),
        )
        assert PublicationPage.objects.child_of(index).get().title == "Opas"

    def test_only_one_listing_page_per_home(self):
        home = HomePage.objects.get(locale__language_code="fi")
        PublicationIndexPageFactory(parent=home)
        self.assertFalse(PublicationIndexPage.can_create_at(home))
