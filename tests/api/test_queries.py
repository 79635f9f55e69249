"""A list costs a constant number of queries, whatever the page size and relations."""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from cms.blocks import BodyBlock
from cms.vocabularies.factories import OrganisationFactory, PersonFactory, ThemeFactory
from cms.vocabularies.models import Language

pytestmark = pytest.mark.django_db

MAX_QUERIES = 6
#: A list whose cached response is stale: clock boundary, count, ids, page states, then the
#: changed items' rows, relations and translations.
AFTER_A_CHANGE_QUERIES = 7


@pytest.fixture
def twenty_full_publications(make_publication, translate_page):
    """Every kind of related field: a foreign key, many-to-manys, contacts, a StreamField."""
    publisher = OrganisationFactory()
    themes = [ThemeFactory(), ThemeFactory()]
    contacts = [PersonFactory(), PersonFactory()]
    languages = list(Language.objects.filter(code__in=["fi", "sv"]))
    body = BodyBlock().to_python(
        [{"type": "paragraph", "value": "<p>Sisällys ja <b>tiivistelmä</b>.</p>"}]
    )
    publications = [
        make_publication(
            publisher=publisher,
            themes=themes,
            contacts=contacts,
            languages=languages,
            body=body,
        )
        for _ in range(20)
    ]
    translate_page(publications[0], "sv", title="Publikation")
    return publications


@pytest.mark.parametrize("limit", [1, 100])
@pytest.mark.parametrize(
    "query", ["", "&locale=sv&fallback=true", "&theme=teema-0", "&organisation=julkaisija"]
)
def test_list_of_publications_runs_constant_queries(
    client, django_assert_max_num_queries, twenty_full_publications, limit, query
):
    first = twenty_full_publications[0]
    query = query.replace("teema-0", first.themes.first().slug)
    query = query.replace("julkaisija", first.publisher.slug)
    url = f"/api/v1/publications/?limit={limit}{query}"
    client.get(url)  # warm the per-process caches (site root paths, vocabularies)

    with django_assert_max_num_queries(MAX_QUERIES):
        response = client.get(url)

    body = response.json()
    assert body["count"] >= 20
    assert len(body["items"]) == min(limit, body["count"])
    item = body["items"][0]
    assert len(item["themes"]) == 2
    assert len(item["contacts"]) == 2 and item["contacts"][0]["organisation"]
    assert sorted(item["languages"]) == ["fi", "sv"]
    assert item["publisher"]["slug"] == first.publisher.slug
    assert item["body"][0]["value"] == "<p>Sisällys ja <b>tiivistelmä</b>.</p>"


def test_pages_list_runs_constant_queries(
    client, django_assert_max_num_queries, twenty_full_publications, make_event
):
    for _ in range(5):
        make_event()
    client.get("/api/v1/pages/?limit=100")
    with django_assert_max_num_queries(MAX_QUERIES):
        assert len(client.get("/api/v1/pages/?limit=100").json()["items"]) == 26


def test_vocabulary_edit_is_seen_at_once(client, twenty_full_publications, locales):
    client.get("/api/v1/publications/?limit=1")
    publisher = twenty_full_publications[0].publisher
    publisher.name = "Uusi nimi"
    publisher.save()

    item = client.get("/api/v1/publications/?limit=1").json()["items"][0]

    assert item["publisher"]["name"] == "Uusi nimi"
    assert Locale.objects.count() == 3


@pytest.mark.parametrize("limit", [1, 100])
def test_a_list_after_a_publish_runs_constant_queries(
    client, django_assert_max_num_queries, twenty_full_publications, publish, limit
):
    """The first request after a change: the page's ids, then only the changed item is
    built (its rows, relations and translations); the others' JSON comes from the cache."""
    url = f"/api/v1/publications/?limit={limit}"
    client.get(url)
    changed = twenty_full_publications[0]
    changed.title = "Uusi otsikko"
    publish(changed)

    with django_assert_max_num_queries(AFTER_A_CHANGE_QUERIES):
        body = client.get(url).json()

    assert len(body["items"]) == min(limit, 21)
    if limit == 100:
        assert "Uusi otsikko" in [item["title"] for item in body["items"]]
