"""What news adds to the site: topic/year filters, grant calls, feeds per topic, JSON-LD."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import feedparser
import pytest

from cms.testing import json_ld
from cms.timezones import HELSINKI

pytestmark = pytest.mark.django_db


@pytest.fixture
def news_index(home_page):
    from pages.news.factories import NewsIndexPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    return index


@pytest.fixture
def make_news(news_index):
    from pages.news.factories import NewsPageFactory

    def make(**fields):
        page = NewsPageFactory(parent=news_index, **fields)
        page.save_revision().publish()
        page.refresh_from_db()
        return page

    return make


@pytest.fixture
def grants_topic():
    from cms.vocabularies.factories import ThemeFactory

    return ThemeFactory(name="Valtionavustukset", slug="valtionavustukset")


def test_listing_filters_by_topic_and_year_newest_first(
    client, news_index, make_news, grants_topic
):
    make_news(title="Vanha haku", publication_date=dt.date(2018, 10, 22), topics=[grants_topic])
    make_news(title="Verkostowebinaari", publication_date=dt.date(2020, 4, 21))
    make_news(title="Uusi haku", publication_date=dt.date(2020, 10, 28), topics=[grants_topic])

    def titles(**query):
        html = client.get(news_index.url, query).content.decode()
        return [chunk.split("</a>")[0].split(">")[-1] for chunk in html.split("<h3>")[1:]]

    assert titles() == ["Uusi haku", "Verkostowebinaari", "Vanha haku"]
    assert titles(topic="valtionavustukset") == ["Uusi haku", "Vanha haku"]
    assert titles(year="2020") == ["Uusi haku", "Verkostowebinaari"]
    assert titles(topic="valtionavustukset", year="2018") == ["Vanha haku"]
    html = client.get(news_index.url, {"year": "nineteen"}).content.decode()
    assert 'id="id_year-error"' in html


def test_grant_call_shows_amount_deadline_and_whether_open(client, news_index, make_news):
    make_news(
        title="Ammatillisen koulutuksen johtamisen kehittäminen",
        publication_date=dt.date(2018, 10, 22),
        is_grant_call=True,
        grant_amount=Decimal("4000000.00"),
        application_deadline=dt.datetime(2018, 11, 21, 16, 15, tzinfo=HELSINKI),
    )

    html = client.get(news_index.url).content.decode()

    assert "4\xa0000\xa0000\xa0€" in html
    assert "21.11.2018 klo 16.15" in html
    assert "badge--past" in html
    open_only = client.get(news_index.url, {"open_grant_calls": "on"}).content.decode()
    assert "Ammatillisen koulutuksen johtamisen" not in open_only


def test_topic_feed_of_news(client, make_news, grants_topic):
    make_news(title="Avustushaku", topics=[grants_topic], lead="Haku on auki.")
    make_news(title="Muu uutinen")

    feed = feedparser.parse(client.get("/fi/feeds/news/valtionavustukset/atom.xml").content)
    everything = feedparser.parse(client.get("/fi/feeds/news/rss.xml").content)

    assert [entry.title for entry in feed.entries] == ["Avustushaku"]
    assert feed.entries[0].summary == "Haku on auki."
    assert {entry.title for entry in everything.entries} == {"Avustushaku", "Muu uutinen"}


def test_news_json_ld_is_a_news_article(client, make_news, grants_topic):
    news = make_news(
        title="OPH:n webinaari verkostohankkeille",
        lead="Yli sata koulutuksen järjestäjää osallistui.",
        publication_date=dt.date(2020, 4, 21),
        topics=[grants_topic],
    )

    (data,) = json_ld(client.get(news.url).content.decode())

    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "OPH:n webinaari verkostohankkeille"
    assert data["datePublished"].startswith("2020-04-21T")
    assert data["description"] == "Yli sata koulutuksen järjestäjää osallistui."
    assert data["inLanguage"] == "fi"
    assert data["keywords"] == "Valtionavustukset"
    assert data["url"].endswith(news.url)


def test_article_json_ld_has_author_url_and_publisher_logo(client, home_page):
    from cms.vocabularies.factories import OrganisationFactory, PersonFactory
    from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

    index = NewsIndexPageFactory(parent=home_page)
    index.save_revision().publish()
    oph = OrganisationFactory(name="Opetushallitus", website="https://www.oph.fi/")
    news = NewsPageFactory(parent=index, contacts=[PersonFactory(organisation=oph)])
    news.save_revision().publish()
    (data,) = json_ld(client.get(news.url).content.decode())
    assert [(author["@type"], author["url"]) for author in data["author"]] == [
        ("Organization", "https://www.oph.fi/")
    ]
    assert data["publisher"]["url"] == "http://testserver/fi/"
    assert data["publisher"]["logo"]["url"] == "http://testserver/static/cms/logo.png"
