"""News: page-creation rules, grant-call validation and state, listing, rendering, demo."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.demo.images import DemoImage, demo_image
from cms.demo.loader import demo_images
from cms.plugins import registry
from cms.timezones import HELSINKI, helsinki_today
from cms.translation import translate
from cms.vocabularies.factories import PersonFactory, ThemeFactory
from home.models import HomePage
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.news.models import NewsIndexPage, NewsPage

NETWORK, WEBINAR = "Demo: verkostokaavio", "Demo: webinaari"


def news_demo_image(title: str) -> DemoImage:
    """A picture of the news demo data (:func:`demo_image` draws it once and saves it)."""
    return demo_images(registry.get("news").demo_data)[title]


PUBLISHED = dt.date(2027, 3, 10)
DEADLINE = dt.datetime(2027, 4, 10, 16, 15, tzinfo=HELSINKI)


def _form(**fields) -> dict:
    return nested_form_data(
        {
            "title": "Uusi uutinen",
            "slug": "uusi-uutinen",
            "lead": "",
            "publication_date": "2027-03-10",
            "image": "",
            "image_caption": "",
            "body": streamfield([]),
            "related_links": streamfield([]),
            "grant_amount": "",
            "application_deadline": "",
            **fields,
        }
    )


class NewsPageTreeTests(WagtailPageTestCase):
    def test_index_lives_under_home_and_holds_news(self):
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsPage})
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_editor_can_create_news_and_grant_call_under_index(self):
        home = HomePage.objects.get(locale__language_code="fi")
        index = NewsIndexPageFactory(parent=home)
        self.login()
        self.assertCanCreateAt(NewsIndexPage, NewsPage)
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanCreate(index, NewsPage, _form())
        self.assertCanCreate(
            index,
            NewsPage,
            _form(
                slug="haku",
                is_grant_call="on",
                grant_amount="4000000",
                application_deadline="2027-04-10 16:15",
            ),
        )
        call = NewsPage.objects.get(slug="haku")
        assert call.application_deadline == DEADLINE

    def test_grant_call_without_amount_shows_the_error_on_the_amount(self):
        home = HomePage.objects.get(locale__language_code="fi")
        index = NewsIndexPageFactory(parent=home)
        self.login()
        response = self.client.post(
            reverse("wagtailadmin_pages:add", args=("news", "newspage", index.pk)),
            _form(is_grant_call="on", application_deadline="2027-04-10 16:15"),
        )
        assert response.status_code == 200
        assert "grant_amount" in response.context["form"].errors
        assert not NewsPage.objects.exists()


def _news(**fields) -> NewsPage:
    return NewsPage(title="Uutinen", slug="uutinen", publication_date=PUBLISHED, **fields)


def _call(**fields) -> NewsPage:
    values = {"grant_amount": Decimal("4000000"), "application_deadline": DEADLINE, **fields}
    return _news(is_grant_call=True, **values)


@pytest.mark.parametrize(
    ("make", "fields", "error_field"),
    [
        (_call, {"grant_amount": None}, "grant_amount"),
        (_call, {"application_deadline": None}, "application_deadline"),
        (_call, {"grant_amount": Decimal("-1")}, "grant_amount"),
        # 23.30 on the day before publication, Helsinki time.
        (
            _call,
            {"application_deadline": dt.datetime(2027, 3, 9, 21, 30, tzinfo=dt.UTC)},
            "application_deadline",
        ),
        (_news, {"grant_amount": Decimal("1000")}, "grant_amount"),
        (_news, {"application_deadline": DEADLINE}, "application_deadline"),
    ],
)
def test_invalid_news_give_field_errors(db, make, fields, error_field):
    with pytest.raises(ValidationError) as raised:
        make(**fields).clean()
    assert list(raised.value.error_dict) == [error_field]


def test_deadline_may_be_on_the_publication_day_in_helsinki(db):
    # 00.30 on 10.3. in Helsinki is still 9.3. in UTC.
    _call(application_deadline=dt.datetime(2027, 3, 9, 22, 30, tzinfo=dt.UTC)).clean()


def test_free_grant_amount_zero_and_plain_news_are_valid(db):
    _call(grant_amount=Decimal("0")).clean()
    _news().clean()


def test_grant_call_is_open_until_the_deadline_instant(db):
    call = _call()
    assert call.grant_call_open_at(DEADLINE - dt.timedelta(microseconds=1))
    assert not call.grant_call_open_at(DEADLINE)
    assert not call.grant_call_open_at(DEADLINE + dt.timedelta(days=1))
    # The same instant expressed in UTC.
    assert not call.grant_call_open_at(dt.datetime(2027, 4, 10, 13, 15, tzinfo=dt.UTC))


def test_only_a_grant_call_with_a_deadline_is_ever_open(db):
    early = DEADLINE - dt.timedelta(days=10)
    assert not _news(application_deadline=DEADLINE).grant_call_open_at(early)
    assert not _call(application_deadline=None).grant_call_open_at(early)


def test_grant_call_open_uses_the_current_time(db):
    assert _call(application_deadline=timezone.now() + dt.timedelta(hours=1)).grant_call_open
    assert not _call(application_deadline=timezone.now() - dt.timedelta(seconds=1)).grant_call_open


def test_publication_date_defaults_to_today_in_helsinki(db, monkeypatch):
    # 22.30 UTC on 9.3. is already 00.30 on 10.3. in Helsinki.
    monkeypatch.setattr(timezone, "now", lambda: dt.datetime(2027, 3, 9, 22, 30, tzinfo=dt.UTC))
    with timezone.override("UTC"):
        assert helsinki_today() == dt.date(2027, 3, 10)
        assert NewsPage().publication_date == dt.date(2027, 3, 10)


def test_listing_is_newest_first_and_hides_drafts(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    published = dt.datetime(2020, 10, 28, 9, tzinfo=HELSINKI)
    older = NewsPageFactory(parent=index, publication_date=dt.date(2020, 4, 21))
    first_same_day, second_same_day = (
        NewsPageFactory(
            parent=index,
            publication_date=dt.date(2020, 10, 28),
            first_published_at=published + dt.timedelta(minutes=minutes),
        )
        for minutes in (0, 5)
    )
    draft = NewsPageFactory(parent=index, publication_date=dt.date(2021, 1, 1))
    draft.unpublish()
    assert list(index.get_listed_pages()) == [second_same_day, first_same_day, older]


def test_listing_fetches_images_with_the_pages(
    home_page, settings, tmp_path, django_assert_num_queries
):
    NETWORK_IMAGE, WEBINAR_IMAGE = news_demo_image(NETWORK), news_demo_image(WEBINAR)
    settings.MEDIA_ROOT = tmp_path
    index = NewsIndexPageFactory(parent=home_page)
    images = [demo_image(NETWORK_IMAGE), demo_image(WEBINAR_IMAGE), demo_image(NETWORK_IMAGE)]
    for image in images:
        NewsPageFactory(parent=index, image=image)
    pages = list(index.get_listed_pages())
    with django_assert_num_queries(0):
        assert {page.image.alt_text for page in pages} == {
            NETWORK_IMAGE.alt_text,
            WEBINAR_IMAGE.alt_text,
        }
        assert [list(page.image.renditions.all()) for page in pages] == [[], [], []]
    assert images[0] == images[2]  # the demo image is drawn once, found by title after


def test_news_page_shows_grant_call_contacts_and_topics(home_page, client):
    index = NewsIndexPageFactory(parent=home_page)
    call = NewsPageFactory(
        parent=index,
        grant_call=True,
        publication_date=PUBLISHED,
        topics=[ThemeFactory(name="Valtionavustukset")],
        contacts=[PersonFactory(name="Liisa Virtanen", job_title="opetusneuvos")],
        image_caption="Kuvateksti",
    )
    html = client.get(call.url).content.decode()
    assert "1\xa0000\xa0000\xa0€" in html  # Finnish thousands separator, no break before €
    assert "9.4.2027" in html  # 30 days after 10.3.2027
    assert "Valtionavustukset" in html
    assert "Liisa Virtanen" in html and "opetusneuvos" in html
    assert "Kuvateksti" not in html  # no image, no caption


def test_swedish_translation_keeps_dates_and_shows_swedish_topics(
    translated_home_pages, locales, client
):
    index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    theme = ThemeFactory(name="Ammatillinen koulutus")
    translate(theme, locales["sv"], {"name": "Yrkesutbildning"})
    news = NewsPageFactory(parent=index, publication_date=PUBLISHED, topics=[theme])
    swedish = translate(news, locales["sv"], {"title": "Nyhet", "lead": "Ingress"})
    assert swedish.publication_date == PUBLISHED
    assert list(swedish.topics.all()) == [theme]
    html = client.get(swedish.url).content.decode()
    assert "Nyhet" in html and "Yrkesutbildning" in html
    assert "Ammatillinen koulutus" not in html


def test_factory_builds_a_live_valid_grant_call(home_page):
    index = NewsIndexPageFactory(parent=home_page)
    call = NewsPageFactory(parent=index, grant_call=True)
    call.clean()
    assert call.live and call.grant_call_open
    assert list(index.get_listed_pages()) == [call]


def test_plugin_is_registered_after_trainings():
    plugin = registry.get("news")
    assert (plugin.page_model, plugin.index_model, plugin.order) == (NewsPage, NewsIndexPage, 20)
    assert registry.for_page_model(NewsPage) is plugin
    assert registry.for_index_model(NewsIndexPage) is plugin


def test_demo_builds_news_in_three_languages_once(translated_home_pages, settings, tmp_path):
    from cms.demo.loader import VOCABULARIES, DemoLoader
    from cms.media.models import CustomImage

    settings.MEDIA_ROOT = tmp_path
    for _run in range(2):
        loader = DemoLoader(home=translated_home_pages["fi"])
        loader.load([VOCABULARIES, registry.get("news").demo_data])
    counts = {
        language: NewsPage.objects.filter(locale__language_code=language).count()
        for language in ("fi", "sv", "en")
    }
    assert counts == {"fi": 6, "sv": 6, "en": 6}
    assert loader.created == []
    # Every news item carries a picture (search engines' Article results ask for one).
    assert CustomImage.objects.count() == 6
    assert not NewsPage.objects.filter(image__isnull=True).exists()
    news = {page.slug: page for page in NewsPage.objects.filter(locale__language_code="fi")}
    GRANT_2018 = "ammatillisen-koulutuksen-johtamisen-valtionavustus-2018"
    assert news["jatkuvan-oppimisen-verkostojen-valtionavustushaku"].grant_call_open
    assert not news["kirjastojen-digituen-valtionavustushaku"].grant_call_open
    assert news[GRANT_2018].application_deadline == dt.datetime(
        2018, 11, 21, 16, 15, tzinfo=HELSINKI
    )
    assert {person.name for person in news[GRANT_2018].contacts.all()} == {
        "Liisa Virtanen",
        "Mikko Korhonen",
    }
    english = NewsPage.objects.get(
        translation_key=news[GRANT_2018].translation_key, locale__language_code="en"
    )
    assert english.title.startswith("4 million euros")
    assert english.image_caption and english.image_caption != news[GRANT_2018].image_caption


def test_main_image_alt_text_is_read_in_the_page_language(
    translated_home_pages, locales, client, settings, tmp_path
):
    NETWORK_IMAGE = news_demo_image(NETWORK)
    settings.MEDIA_ROOT = tmp_path
    image = demo_image(NETWORK_IMAGE)
    index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    translate(index, locales["sv"], {"title": "Nyheter", "slug": "nyheter"})
    news = NewsPageFactory(
        parent=index, slug="verkosto", image=image, image_alt_text=NETWORK_IMAGE.alt_text
    )
    swedish_alt = "En teckning av sju sammanlänkade cirklar."
    swedish = translate(news, locales["sv"], {"title": "Nätverk", "image_alt_text": swedish_alt})

    finnish_html = client.get(news.url).content.decode()
    swedish_html = client.get(swedish.url).content.decode()
    assert f'alt="{NETWORK_IMAGE.alt_text}"' in finnish_html
    assert f'alt="{swedish_alt}"' in swedish_html


def test_an_empty_alt_text_takes_the_images_so_translators_are_offered_it(
    translated_home_pages, locales, settings, tmp_path
):
    from wagtail_localize.models import StringSegment, TranslationSource

    NETWORK_IMAGE = news_demo_image(NETWORK)
    settings.MEDIA_ROOT = tmp_path
    image = demo_image(NETWORK_IMAGE)
    index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    news = NewsPageFactory(parent=index, slug="kuva", image=image, image_alt_text="")
    news.full_clean()
    news.save_revision().publish()
    assert news.image_alt_text == NETWORK_IMAGE.alt_text
    source, _created = TranslationSource.get_or_create_from_instance(news)
    strings = set(
        StringSegment.objects.filter(source=source).values_list("string__data", flat=True)
    )
    assert NETWORK_IMAGE.alt_text in strings


def test_a_related_links_title_and_url_translate(translated_home_pages, locales):
    news_index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    translate(news_index, locales["sv"], {"title": "Nyheter"})
    link = {"title": "Opetushallitus", "page": None, "url": "https://www.oph.fi/"}
    news = NewsPageFactory(
        parent=news_index, related_links=[{"type": "link", "value": link, "id": "oph"}]
    )
    swedish_link = {**link, "title": "Utbildningsstyrelsen", "url": "https://www.oph.fi/sv/"}
    swedish_news = translate(
        news,
        locales["sv"],
        {"related_links": [{"type": "link", "value": swedish_link, "id": "oph"}]},
    )
    (block,) = swedish_news.related_links
    assert (block.value["title"], block.value["url"]) == (
        "Utbildningsstyrelsen",
        "https://www.oph.fi/sv/",
    )
    (finnish_block,) = news.related_links
    assert finnish_block.value["url"] == "https://www.oph.fi/"
