"""The plugin core: content types plug in through the registry, never by name."""

from __future__ import annotations

import re
from pathlib import Path

from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.plugins import registry
from home.models import HomePage
from tests.publications.factories import PublicationIndexPageFactory
from tests.publications.models import PublicationIndexPage, PublicationPage

CMS_DIR = Path(__file__).resolve().parents[2] / "cms"


def test_enabled_plugins_are_registered_in_order():
    keys = [plugin.key for plugin in registry]
    assert "trainings" in keys
    assert keys[-1] == "publications"
    assert registry.get("publications").page_model is PublicationPage


def test_the_core_imports_no_content_type():
    offenders = [
        f"{path.relative_to(CMS_DIR.parent)}:{number}"
        for path in CMS_DIR.rglob("*.py")
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if re.search(r"import.*\bpages\.|from pages\b", line)
    ]
    assert offenders == []


def test_registry_finds_the_plugin_of_a_model():
    assert registry.for_model(PublicationPage).key == "publications"
    assert registry.for_model(PublicationIndexPage).key == "publications"
    assert registry.for_model(HomePage) is None


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
            nested_form_data(
                {"title": "Opas", "slug": "opas", "lead": "Lyhyt opas.", "isbn": "978-1"}
            ),
        )
        assert PublicationPage.objects.child_of(index).get().title == "Opas"

    def test_only_one_listing_page_per_home(self):
        home = HomePage.objects.get(locale__language_code="fi")
        PublicationIndexPageFactory(parent=home)
        self.assertFalse(PublicationIndexPage.can_create_at(home))
