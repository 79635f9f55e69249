"""Pages render in every language with landmarks, navigation, breadcrumbs and local dates."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from cms.testing import make_draft, make_private

HELSINKI = ZoneInfo("Europe/Helsinki")
pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_home_page_has_lang_landmarks_and_content_language(client, publication_indexes, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert response["Content-Language"] == language
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert html.count("<h1>") == 1
    assert publication_indexes[language].title in html


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fi", "22.10.2018 klo 9.00–16.00"),
        ("sv", "22.10.2018 kl. 9.00–16.00"),
        ("en", "22 October 2018 at 9:00–16:00"),
    ],
)
def test_event_times_follow_each_languages_conventions(client, make_event, language, expected):
    starts = dt.datetime(2018, 10, 22, 9, 0, tzinfo=HELSINKI)
    event = make_event(
        translate_to=("sv", "en"), starts_at=starts, ends_at=starts + dt.timedelta(hours=7)
    )
    page = event.get_translation(event.locale.__class__.objects.get(language_code=language))

    html = client.get(page.url).content.decode()

    assert expected in html


def test_multi_day_event_shows_both_dates(client, make_event):
    starts = dt.datetime(2020, 10, 28, 9, 0, tzinfo=HELSINKI)
    event = make_event(starts_at=starts, ends_at=starts + dt.timedelta(days=1, hours=6))

    html = client.get(event.url).content.decode()

    assert "28.10.2020 klo 9.00 – 29.10.2020 klo 15.00" in html


def test_breadcrumbs_lead_from_home_to_the_page(client, make_event, home_page):
    event = make_event(title="Digituki")

    html = client.get(event.url).content.decode()

    breadcrumbs = html.split('class="breadcrumbs"')[1].split("</nav>")[0]
    assert breadcrumbs.index(home_page.title) < breadcrumbs.index("Tapahtumat")
    assert 'aria-current="page">Digituki</a>' in breadcrumbs


def test_main_navigation_lists_live_public_sections_only(client, publication_indexes, home_page):
    from tests.publications.factories import PublicationIndexPageFactory

    html = client.get("/fi/").content.decode()
    navigation = html.split('class="main-navigation"')[1].split("</nav>")[0]
    assert "/fi/julkaisut/" in navigation

    make_private(publication_indexes["fi"])
    html = client.get("/fi/").content.decode()
    assert 'class="main-navigation"' not in html

    make_draft(publication_indexes["sv"])
    sv_html = client.get("/sv/").content.decode()
    assert "publikationer" not in sv_html.split('class="main-navigation"')[-1].split("</nav>")[0]
    assert PublicationIndexPageFactory._meta.model.objects.filter(live=False).exists()


def test_footer_links_the_accessibility_statement_in_each_language(
    client, translated_home_pages, locales
):
    from cms.translation import translate
    from home.accessibility import AccessibilityStatementPage

    statement = AccessibilityStatementPage(
        title="Saavutettavuusseloste",
        slug="saavutettavuusseloste",
        prepared_on=dt.date(2026, 9, 1),
        feedback_email="saavutettavuus@example.fi",
        enforcement="<p>Valvontaviranomainen</p>",
    )
    translated_home_pages["fi"].add_child(instance=statement)
    statement.save_revision().publish()
    translate(statement, locales["sv"], {"title": "Tillgänglighetsutlåtande"})

    fi_html = client.get("/fi/").content.decode()
    sv_html = client.get("/sv/").content.decode()
    statement_html = client.get(statement.url).content.decode()

    assert 'href="/fi/saavutettavuusseloste/">Saavutettavuusseloste</a>' in fi_html
    assert ">Tillgänglighetsutlåtande</a>" in sv_html
    assert "mailto:saavutettavuus@example.fi" in statement_html
    assert "1.9.2026" in statement_html


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_404_page_is_in_the_requested_language(client, translated_home_pages, language):
    response = client.get(f"/{language}/ei-ole-olemassa/")

    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'href="/{language}/"' in html


def test_500_page_renders_in_the_active_language(rf, settings):
    from django.utils import translation

    from cms.site.views import server_error

    with translation.override("sv"):
        response = server_error(rf.get("/sv/"))

    assert response.status_code == 500
    assert '<html lang="sv">' in response.content.decode()
