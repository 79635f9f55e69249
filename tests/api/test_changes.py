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


def test_expiry_is_logged_when_the_page_stops_being_visible(client, make_publication):
    """The scheduler wakes at the expiry instant (not a round later) and logs the tombstone."""
    import datetime as dt
    import time

    from django.utils import timezone

    from cms.editorial import scheduler

    publication = make_publication()
    expire_at = timezone.now() + dt.timedelta(seconds=0.6)
    type(publication).objects.filter(pk=publication.pk).update(expire_at=expire_at)

    wait = scheduler.seconds_until_due(interval=60)
    assert 0.3 < wait <= 0.6
    time.sleep(wait)
    assert scheduler.tick()
    assert client.get(f"/api/v1/publications/{publication.pk}").status_code == 404

    assert events(client)[-1] == ("unpublished", publication.pk, "fi")
    logged_at = dt.datetime.fromisoformat(client.get("/api/v1/changes/").json()["items"][-1]["at"])
    # Logged as the page stopped showing: within one tick's run, not a scheduler interval.
    assert dt.timedelta(0) <= logged_at - expire_at < dt.timedelta(seconds=1)
    # Nothing else is scheduled: the worker sleeps a full recheck period.
    assert scheduler.seconds_until_due(interval=60) == scheduler.RECHECK_SECONDS
    publication.refresh_from_db()
    assert publication.expired and not publication.live


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


def test_a_renamed_term_updates_only_the_items_that_show_it(client, make_publication):
    from cms.vocabularies.factories import ThemeFactory

    shown, unshown = ThemeFactory(name="Digitalisaatio"), ThemeFactory(name="Johtaminen")
    showing, other = make_publication(themes=[shown]), make_publication()
    before = client.get("/api/v1/changes/head/").json()["cursor"]

    unshown.name = "Johtaminen ja hallinto"
    unshown.save()
    assert events(client, f"?cursor={before}") == []

    shown.name = "Digitalisaatio ja tekoäly"
    shown.save()
    assert events(client, f"?cursor={before}") == [("updated", showing.pk, "fi")]
    assert other.pk not in [page_id for _event, page_id, _locale in events(client)[2:]]


def test_pages_announced_before_digests_get_a_baseline_at_migrate_not_an_event(
    client, make_publication
):
    """After the deploy that brought digests, the first renamed term updates only its items."""
    from django.apps import apps
    from django.db.models.signals import post_migrate

    from cms.api.models import PageState
    from cms.vocabularies.factories import ThemeFactory

    shown = ThemeFactory(name="Digitalisaatio")
    showing = make_publication(themes=[shown])
    make_publication()
    make_publication()
    PageState.objects.all().delete()  # as announced by the code before digests
    head = client.get("/api/v1/changes/head/").json()["cursor"]

    # What `manage.py migrate` does at the deploy.
    post_migrate.send(
        sender=apps.get_app_config("partner_api"),
        app_config=apps.get_app_config("partner_api"),
        verbosity=0,
        interactive=False,
        using="default",
        apps=apps,
        plan=[],
    )
    assert PageState.objects.count() == 3
    assert events(client, f"?cursor={head}") == []

    shown.name = "Digitalisaatio ja tekoäly"
    shown.save()
    assert events(client, f"?cursor={head}") == [("updated", showing.pk, "fi")]
