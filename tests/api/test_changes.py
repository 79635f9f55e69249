"""The change feed: every public change in order, tombstones, stable opaque cursors."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.publications.factories import PublicationIndexPageFactory

pytestmark = pytest.mark.django_db


def events(client, query: str = "") -> list[tuple[str, int, str]]:
    body = client.get(f"/api/v1/changes/{query}").json()
    return [(item["event"], item["id"], item["locale"]) for item in body["items"]]


def test_publish_update_unpublish_delete(client, make_publication, publish):
    publication = make_publication()
    publish(publication)
    publication.unpublish()
    publish(publication)
    page_id = publication.pk
    publication.delete()

    assert events(client) == [
        ("published", page_id, "fi"),
        ("updated", page_id, "fi"),
        ("unpublished", page_id, "fi"),
        ("published", page_id, "fi"),
        ("unpublished", page_id, "fi"),  # Wagtail unpublishes a live page it deletes
        ("deleted", page_id, "fi"),
    ]
    item = client.get("/api/v1/changes/").json()["items"][-1]
    assert item == {
        "event_id": item["event_id"],
        "cursor": item["cursor"],
        "event": "deleted",
        "id": page_id,
        "translation_key": str(publication.translation_key),
        "type": "publications",
        "locale": "fi",
        "at": item["at"],
    }


def test_listing_pages_and_never_public_pages_are_not_logged(
    client, publication_index, make_publication
):
    from tests.publications.factories import PublicationPageFactory

    draft = PublicationPageFactory(parent=publication_index, live=False)
    draft.save_revision()
    draft.delete()

    assert events(client) == []


def test_translations_are_logged_in_their_locale(client, make_publication, translate_page):
    publication = make_publication()
    swedish = translate_page(publication, "sv", title="Publikation")

    # The Finnish item's ``translations`` map now lists the Swedish one: "updated".
    assert events(client) == [
        ("published", publication.pk, "fi"),
        ("published", swedish.pk, "sv"),
        ("updated", publication.pk, "fi"),
    ]
    assert events(client, "?locale=sv") == [("published", swedish.pk, "sv")]
    assert events(client, "?type=publications&locale=fi") == [
        ("published", publication.pk, "fi"),
        ("updated", publication.pk, "fi"),
    ]


def test_move_logs_moved_for_the_page(client, home_page, make_publication, publish):
    publication = make_publication()
    other_index = publish(PublicationIndexPageFactory(parent=home_page, slug="toinen"))
    publication.move(other_index, pos="last-child")

    assert events(client)[-1] == ("moved", publication.pk, "fi")


def test_view_restriction_withdraws_and_restores(client, publication_index, make_publication):
    publication = make_publication()
    restriction = PageViewRestriction.objects.create(
        page=publication_index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.first()])
    restriction.delete()

    assert events(client) == [
        ("published", publication.pk, "fi"),
        ("unpublished", publication.pk, "fi"),
        ("published", publication.pk, "fi"),
    ]


def test_cursor_pages_through_and_is_stable(client, make_publication):
    publications = [make_publication() for _ in range(5)]

    first = client.get("/api/v1/changes/?limit=2").json()
    assert [item["id"] for item in first["items"]] == [t.pk for t in publications[:2]]
    assert first["has_more"] is True

    rest = client.get(f"/api/v1/changes/?cursor={first['next_cursor']}").json()
    assert [item["id"] for item in rest["items"]] == [t.pk for t in publications[2:]]
    assert rest["has_more"] is False

    # Nothing new: the same cursor comes back, and new events appear after it later.
    idle = client.get(f"/api/v1/changes/?cursor={rest['next_cursor']}").json()
    assert idle == {"items": [], "next_cursor": rest["next_cursor"], "has_more": False}
    assert rest["next_cursor"] == rest["items"][-1]["cursor"]
    publications[0].unpublish()
    later = client.get(f"/api/v1/changes/?cursor={rest['next_cursor']}").json()
    assert [(i["event"], i["id"]) for i in later["items"]] == [("unpublished", publications[0].pk)]
    # Replaying an old cursor gives the same answer as before.
    assert (
        client.get(f"/api/v1/changes/?cursor={first['next_cursor']}&limit=3").json()["items"]
        == rest["items"]
    )


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("cursor=bm9wZQ", "cursor"),
        ("cursor=!!!", "cursor"),
        ("type=recipes", "type"),
        ("locale=de", "locale"),
        ("limit=501", "limit"),
        ("since=1", "since"),
    ],
)
def test_bad_feed_parameters(client, query, parameter):
    response = client.get(f"/api/v1/changes/?{query}")
    assert response.status_code == 400
    assert response.json()["errors"][0]["parameter"] == parameter


def test_head_is_the_end_of_the_feed(client, make_publication):
    assert client.get("/api/v1/changes/head/").json() == {"cursor": "YzI6MDow"}
    make_publication()
    make_publication()

    head = client.get("/api/v1/changes/head/").json()["cursor"]

    assert head == client.get("/api/v1/changes/").json()["next_cursor"]
    assert client.get(f"/api/v1/changes/?cursor={head}").json()["items"] == []
    assert client.get("/api/v1/changes/head/?locale=sv").json() == {"cursor": "YzI6MDow"}
    assert client.get("/api/v1/changes/head/?limit=1").status_code == 400


def test_old_cursors_still_work(client, make_publication):
    import base64

    first, second = make_publication(), make_publication()
    first_event = client.get("/api/v1/changes/").json()["items"][0]
    assert first_event["id"] == first.pk
    legacy = base64.urlsafe_b64encode(f"c1:{first_event['event_id']}".encode()).decode()
    body = client.get(f"/api/v1/changes/?cursor={legacy.rstrip('=')}").json()
    assert [item["id"] for item in body["items"]] == [second.pk]


def test_expiry_is_logged_when_due_by_its_own_task(client, make_publication, publish):
    import datetime as dt

    from django.test import override_settings
    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    from cms.api.tasks import record_expiry

    publication = make_publication()
    expire_at = timezone.now() + dt.timedelta(hours=1)
    publication.expire_at = expire_at
    from cms.settings import base as base_settings

    queues = base_settings.TASK_QUEUES
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": queues}}
    with override_settings(TASKS=database):
        publish(publication)
    scheduled = DBTaskResult.objects.get(task_path="cms.api.tasks.record_expiry")
    assert (scheduled.run_after, scheduled.queue_name) == (expire_at, "changes")

    assert record_expiry.call(publication.pk) == "still public"
    type(publication).objects.filter(pk=publication.pk).update(expire_at=timezone.now())
    assert record_expiry.call(publication.pk) == "logged"

    assert events(client)[-1] == ("unpublished", publication.pk, "fi")
    assert client.get(f"/api/v1/publications/{publication.pk}").status_code == 404
    # Wagtail's scheduler expires the page later: no second tombstone.
    publication.refresh_from_db()
    publication.unpublish()
    assert [event for event, *_ in events(client)].count("unpublished") == 1


def test_updated_since_follows_changes_without_republishing(client, make_publication):
    from django.utils import timezone

    from cms.vocabularies.factories import ThemeFactory

    theme = ThemeFactory(name="Digitalisaatio")
    publication = make_publication(themes=[theme])
    make_publication()
    after_publishing = timezone.now().isoformat()
    assert (
        client.get("/api/v1/publications/", {"updated_since": after_publishing}).json()["count"]
        == 0
    )

    theme.name = "Digitalisaatio ja tekoäly"
    theme.save()

    recent = client.get("/api/v1/publications/", {"updated_since": after_publishing}).json()
    assert [item["id"] for item in recent["items"]] == [publication.pk]
    assert recent["items"][0]["themes"][0]["name"] == "Digitalisaatio ja tekoäly"
    assert client.get("/api/v1/publications/", {"updated_since": "2000-01-01"}).json()["count"] == 2
    assert events(client)[-1] == ("updated", publication.pk, "fi")
