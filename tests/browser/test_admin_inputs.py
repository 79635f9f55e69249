"""Finnish dates and vocabulary pickers in Chromium (Finnish locale, Helsinki time).

A section's writer in the Finnish admin (on the test plugin) types dates as Finns write
them; the picker's JavaScript must keep them (it used to replace them with the current time
on blur), the saved page must hold them, and the theme picker must list each term once, in
Finnish.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from cms.editorial.roles import setup_roles
from cms.translation import translate
from cms.vocabularies.models import Theme
from tests.publications.editorial import EDITORIAL
from tests.publications.factories import PublicationIndexPageFactory
from tests.publications.models import PublicationPage

PASSWORD = "browser-dates-password"
HELSINKI = dt.timezone(dt.timedelta(hours=2))

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def planning(translated_home_pages):
    index = PublicationIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    translate(index, Locale.objects.get(language_code="sv"), {"title": "Publikationer"})
    setup_roles()
    theme = Theme.objects.create(name="Johtaminen", slug="johtaminen")
    swedish = theme.copy_for_translation(Locale.objects.get(language_code="sv"))
    swedish.name = "Ledarskap"
    swedish.save()
    user = get_user_model().objects.create_user("julkaisija", "j@example.fi", PASSWORD)
    user.groups.add(Group.objects.get(name=EDITORIAL.roles[0].name))
    return index, theme


def test_writer_types_finnish_dates_and_picks_a_finnish_theme(base_url, browser_page, planning):
    page, base = browser_page, base_url
    index, theme = planning
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", "julkaisija")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base}/admin/")

    page.goto(f"{base}/admin/pages/add/publications/publicationpage/{index.id}/")
    page.fill("#id_title", "Kevään opas")
    # Unreadable text stays as typed when the field loses focus (no silent "now").
    page.fill("#id_released_at", "ensi maanantaina")
    page.press("#id_released_at", "Tab")
    assert page.input_value("#id_released_at") == "ensi maanantaina"

    for selector, value in (
        ("#id_released_at", "10.3.2027 12.00"),
        ("#id_available_until", "1.3.2028"),
    ):
        page.fill(selector, value)
        page.press(selector, "Tab")
        page.keyboard.press("Escape")
        assert page.input_value(selector) == value

    themes = page.locator("input[name='themes']")
    assert themes.count() == 1, "each term once, the Finnish source row"
    assert "Ledarskap" not in page.locator("#id_themes").inner_text()
    page.check(f"input[name='themes'][value='{theme.id}']")

    page.locator("footer button[type=submit]").first.click()
    page.wait_for_url(f"{base}/admin/pages/*/edit/")
    publication = PublicationPage.objects.get(title="Kevään opas")
    assert publication.released_at == dt.datetime(2027, 3, 10, 12, 0, tzinfo=HELSINKI)
    assert publication.available_until == dt.date(2028, 3, 1)
    assert list(publication.themes.all()) == [theme]
    assert page.input_value("#id_released_at") == "10.3.2027 12.00"
