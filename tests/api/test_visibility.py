"""The no-leak matrix: what is not public never appears anywhere in the API."""

from __future__ import annotations

import datetime as dt

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from tests.publications.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db


def hidden_draft(publication_index, publish):
    page = PublicationPageFactory(parent=publication_index, title="Luonnos", live=False)
    page.save_revision()
    return page


def hidden_scheduled(publication_index, publish):
    page = PublicationPageFactory(parent=publication_index, title="Ajastettu", live=False)
    page.go_live_at = timezone.now() + dt.timedelta(days=3)
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    return page


def hidden_expired(publication_index, publish):
    page = publish(PublicationPageFactory(parent=publication_index, title="Vanhentunut"))
    # Expired, but the scheduler has not yet run to unpublish it.
    type(page).objects.filter(pk=page.pk).update(expire_at=timezone.now() - dt.timedelta(hours=1))
    return page


def hidden_restricted(publication_index, publish):
    page = publish(PublicationPageFactory(parent=publication_index, title="Rajattu"))
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    return page


def hidden_under_restricted_parent(publication_index, publish):
    page = publish(PublicationPageFactory(parent=publication_index, title="Rajatun alla"))
    restriction = PageViewRestriction.objects.create(
        page=publication_index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.first()])
    return page


def hidden_unpublished(publication_index, publish):
    page = publish(PublicationPageFactory(parent=publication_index, title="Poistettu julkaisusta"))
    page.unpublish()
    return page


HIDDEN = [
    hidden_draft,
    hidden_scheduled,
    hidden_expired,
    hidden_restricted,
    hidden_under_restricted_parent,
    hidden_unpublished,
]


def every_id_in(body) -> set[int]:
    """Every page id mentioned anywhere in a list or detail body, translations included."""
    items = body.get("items", [body])
    ids = set()
    for item in items:
        ids.add(item.get("id"))
        ids.update(link["id"] for link in item.get("translations", {}).values())
    return ids


@pytest.mark.parametrize("make_hidden", HIDDEN, ids=lambda f: f.__name__)
def test_hidden_pages_never_appear(client, publication_index, publish, make_hidden):
    page = make_hidden(publication_index, publish)
    term = page.title.split()[0]

    for url in (
        "/api/v1/publications/",
        f"/api/v1/publications/?search={term}",
        "/api/v1/pages/",
        f"/api/v1/pages/?search={term}",
        f"/api/v1/publications/?translation_key={page.translation_key}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert page.pk not in every_id_in(response.json()), url
    assert client.get(f"/api/v1/publications/{page.pk}").status_code == 404
    assert client.get(f"/api/v1/pages/{page.pk}").status_code == 404
    # The feed may have announced a page that was public once; its last word is then a
    # tombstone (for an expired page, once the scheduler has run).
    call_command("publish_scheduled")
    events = [
        c["event"] for c in client.get("/api/v1/changes/").json()["items"] if c["id"] == page.pk
    ]
    assert events == [] or events[-1] == "unpublished"


def test_unpublished_translation_is_not_linked_nor_served(
    client, make_publication, translate_page, publish
):
    publication = make_publication()
    swedish = translate_page(publication, "sv", title="Publikation")
    swedish.unpublish()

    item = client.get(f"/api/v1/publications/{publication.pk}").json()
    fallback = client.get("/api/v1/publications/?locale=sv&fallback=true").json()["items"]

    assert set(item["translations"]) == {"fi"}
    assert client.get("/api/v1/publications/?locale=sv").json()["count"] == 0
    assert [(entry["id"], entry["served_locale"]) for entry in fallback] == [(publication.pk, "fi")]
    assert client.get(f"/api/v1/publications/{swedish.pk}").status_code == 404


def test_draft_changes_of_a_live_page_are_not_served(client, make_publication):
    publication = make_publication(title="Julkaistu otsikko")
    publication.title = "Luonnoksen otsikko"
    publication.save_revision()

    item = client.get(f"/api/v1/publications/{publication.pk}").json()

    assert item["title"] == "Julkaistu otsikko"
