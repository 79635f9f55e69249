"""The change feed: every public change in order, tombstones, stable opaque cursors."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from pages.trainings.factories import TrainingIndexPageFactory

pytestmark = pytest.mark.django_db


def events(client, query: str = "") -> list[tuple[str, int, str]]:
    body = client.get(f"/api/v1/changes/{query}").json()
    return [(item["event"], item["id"], item["locale"]) for item in body["items"]]


def test_publish_update_unpublish_delete(client, make_training, publish):
    training = make_training()
    publish(training)
    training.unpublish()
    publish(training)
    page_id = training.pk
    training.delete()

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
        "translation_key": str(training.translation_key),
        "type": "trainings",
        "locale": "fi",
        "at": item["at"],
    }


def test_listing_pages_and_never_public_pages_are_not_logged(client, training_index, make_training):
    from pages.trainings.factories import TrainingPageFactory

    draft = TrainingPageFactory(parent=training_index, live=False)
    draft.save_revision()
    draft.delete()

    assert events(client) == []


def test_translations_are_logged_in_their_locale(client, make_training, translate_page):
    training = make_training()
    swedish = translate_page(training, "sv", title="Utbildning")

    # The Finnish item's ``translations`` map now lists the Swedish one: "updated".
    assert events(client) == [
        ("published", training.pk, "fi"),
        ("published", swedish.pk, "sv"),
        ("updated", training.pk, "fi"),
    ]
    assert events(client, "?locale=sv") == [("published", swedish.pk, "sv")]
    assert events(client, "?type=trainings&locale=fi") == [
        ("published", training.pk, "fi"),
        ("updated", training.pk, "fi"),
    ]


def test_move_logs_moved_for_the_page(client, home_page, make_training, publish):
    training = make_training()
    other_index = publish(TrainingIndexPageFactory(parent=home_page, slug="toinen"))
    training.move(other_index, pos="last-child")

    assert events(client)[-1] == ("moved", training.pk, "fi")


def test_view_restriction_withdraws_and_restores(client, training_index, make_training):
    training = make_training()
    restriction = PageViewRestriction.objects.create(
        page=training_index, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.first()])
    restriction.delete()

    assert events(client) == [
        ("published", training.pk, "fi"),
        ("unpublished", training.pk, "fi"),
        ("published", training.pk, "fi"),
    ]


def test_cursor_pages_through_and_is_stable(client, make_training):
    trainings = [make_training() for _ in range(5)]

    first = client.get("/api/v1/changes/?limit=2").json()
    assert [item["id"] for item in first["items"]] == [t.pk for t in trainings[:2]]
    assert first["has_more"] is True

    rest = client.get(f"/api/v1/changes/?cursor={first['next_cursor']}").json()
    assert [item["id"] for item in rest["items"]] == [t.pk for t in trainings[2:]]
    assert rest["has_more"] is False

    # Nothing new: the same cursor comes back, and new events appear after it later.
    idle = client.get(f"/api/v1/changes/?cursor={rest['next_cursor']}").json()
    assert idle == {"items": [], "next_cursor": rest["next_cursor"], "has_more": False}
    assert rest["next_cursor"] == rest["items"][-1]["cursor"]
    trainings[0].unpublish()
    later = client.get(f"/api/v1/changes/?cursor={rest['next_cursor']}").json()
    assert [(i["event"], i["id"]) for i in later["items"]] == [("unpublished", trainings[0].pk)]
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
