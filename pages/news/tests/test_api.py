"""News in the partner API: topics, publication dates, grant calls, image renditions."""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

import pytest
from django.utils import timezone
from hypothesis import given
from wagtail.images.tests.utils import get_test_image_file

from cms.media.models import CustomImage
from cms.strategies import INPUT_SETTINGS, date_text
from cms.testing import assert_no_server_error, ids, problem_parameter, publish
from cms.vocabularies.factories import ThemeFactory
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def make(home_page):
    index = publish(NewsIndexPageFactory(parent=home_page))
    return lambda **fields: publish(NewsPageFactory(parent=index, **fields))


def test_topic_and_publication_date_filters(client, make):
    grants = ThemeFactory(slug="valtionavustukset")
    old = make(publication_date=dt.date(2018, 10, 22), topics=[grants])
    new = make(publication_date=dt.date(2020, 4, 21))

    assert ids(client, "/api/v1/news/?topic=valtionavustukset") == [old.pk]
    assert ids(client, "/api/v1/news/?theme=valtionavustukset") == [old.pk]
    assert ids(client, "/api/v1/news/?published_after=2019-01-01") == [new.pk]
    assert ids(client, "/api/v1/news/?published_before=2018-10-22") == [old.pk]
    assert ids(client, "/api/v1/news/") == [new.pk, old.pk]  # newest first


def test_grant_call_filters(client, make):
    open_call = make(grant_call=True)
    closed_call = make(grant_call=True)
    type(closed_call).objects.filter(pk=closed_call.pk).update(
        application_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    plain = make()

    assert set(ids(client, "/api/v1/news/?grant_call=true")) == {open_call.pk, closed_call.pk}
    assert ids(client, "/api/v1/news/?grant_call=false") == [plain.pk]
    assert ids(client, "/api/v1/news/?open_calls=true") == [open_call.pk]
    assert set(ids(client, "/api/v1/news/?open_calls=false")) == {closed_call.pk, plain.pk}
    item = client.get(f"/api/v1/news/{open_call.pk}").json()
    assert item["is_grant_call"] is True and item["grant_call_open"] is True
    assert item["grant_amount"] == 1_000_000.0


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("published_after=22.10.2018", "published_after"),
        ("published_after=2020-01-01&published_before=2019-01-01", "published_before"),
        ("grant_call=maybe", "grant_call"),
        ("topic=A%20B", "topic"),
    ],
)
def test_bad_news_parameters(client, query, parameter):
    assert problem_parameter(client, f"/api/v1/news/?{query}") == parameter


def test_image_is_a_rendition_with_alt_text_in_the_page_language(client, make):
    image = CustomImage.objects.create(
        title="Webinaari", alt_text="Osallistujia webinaarissa", file=get_test_image_file()
    )
    with_override = make(image=image, image_alt_text="Kuvakaappaus webinaarista")
    plain = make(image=image)

    item = client.get(f"/api/v1/news/{with_override.pk}").json()
    assert item["image"]["url"].startswith("http://testserver/media/images/")
    assert item["image"]["width"] > 0 and item["image"]["height"] > 0
    assert item["image"]["alt"] == "Kuvakaappaus webinaarista"
    assert client.get(f"/api/v1/news/{plain.pk}").json()["image"]["alt"] == (
        "Osallistujia webinaarissa"
    )


@pytest.mark.parametrize("name", ["published_after", "published_before"])
def test_date_parameters_never_fail(client, make, name):
    make(title="Uutinen arvioinnista")

    @INPUT_SETTINGS
    @given(value=date_text())
    def check(value):
        url = f"/api/v1/news/?{urlencode({name: value})}"
        assert_no_server_error(client.get(url), url)

    check()
