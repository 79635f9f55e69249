"""A partner's mirror kept only through ``/changes/`` ends identical to fresh lists.

The partner takes the feed's head, copies every list (all languages), then follows the
feed: ``unpublished``/``deleted`` drop the item, any other event re-reads it (a 404 drops
it). Editors meanwhile rename and delete vocabulary terms, move a listing page to a new
slug, add, unpublish and delete translations, and retitle and unpublish a page that
another one shows in ``related_pages``. After every operation the mirror must equal what
the lists answer now: zero drift.
"""

from __future__ import annotations

import pytest
from wagtail.models import Locale

from cms.plugins import registry
from cms.vocabularies.factories import (
    OrganisationFactory,
    PersonFactory,
    RegionFactory,
    ThemeFactory,
)
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory

pytestmark = [pytest.mark.product, pytest.mark.django_db]


@pytest.fixture
def training_index(home_page, publish):
    """The trainings listing under the Finnish home page only (the mirror adds the rest)."""
    return publish(TrainingIndexPageFactory(parent=home_page))


class Mirror:
    """What a partner keeps: every item by id, and where it stopped reading the feed."""

    def __init__(self, client) -> None:
        self.client = client
        self.cursor = client.get("/api/v1/changes/head/").json()["cursor"]
        self.items = fresh_items(client)
        self.events = 0

    def sync(self) -> None:
        while True:
            body = self.client.get(f"/api/v1/changes/?cursor={self.cursor}&limit=50").json()
            for event in body["items"]:
                self.events += 1
                self.apply(event)
            self.cursor = body["next_cursor"]
            if not body["has_more"]:
                return

    def apply(self, event: dict) -> None:
        if event["event"] in ("unpublished", "deleted"):
            self.items.pop(event["id"], None)
            return
        response = self.client.get(f"/api/v1/{event['type']}/{event['id']}")
        if response.status_code == 404:
            self.items.pop(event["id"], None)
        else:
            assert response.status_code == 200, response.content
            self.items[event["id"]] = response.json()


def fresh_items(client) -> dict[int, dict]:
    """Every item of every type in every language, read through the lists' ``next`` links."""
    items = {}
    for plugin in registry:
        url = f"/api/v1/{plugin.key}/?limit=100"
        while url:
            body = client.get(url).json()
            items.update({item["id"]: item for item in body["items"]})
            url = body["next"]
    return items


def drift(mirror: Mirror) -> list[str]:
    fresh = fresh_items(mirror.client)
    problems = [f"missing {pk}" for pk in fresh.keys() - mirror.items.keys()]
    problems += [f"extra {pk}" for pk in mirror.items.keys() - fresh.keys()]
    problems += [
        f"stale {pk}: {sorted(k for k in fresh[pk] if fresh[pk][k] != mirror.items[pk].get(k))}"
        for pk in fresh.keys() & mirror.items.keys()
        if fresh[pk] != mirror.items[pk]
    ]
    return problems


def translate_row(row, language: str, **values):
    copy = row.copy_for_translation(Locale.objects.get(language_code=language))
    for name, value in values.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def test_mirror_through_the_feed_alone_has_zero_drift(
    client, home_page, training_index, publish, translate_page, django_capture_on_commit_callbacks
):
    region = RegionFactory(name="Lappi")
    translate_row(region, "sv", name="Lappland")
    theme = ThemeFactory(name="Johtaminen")
    organiser = OrganisationFactory(name="Lapin AVI")
    person = PersonFactory(name="Maija Mallikas", organisation=organiser)
    trainings = [
        publish(
            TrainingPageFactory(
                parent=training_index,
                region=region,
                organiser=organiser,
                themes=[theme],
                contacts=[person],
            )
        )
        for _ in range(3)
    ]
    swedish = translate_page(trainings[0], "sv", title="Utbildning")
    english = translate_page(trainings[0], "en", title="Training")
    translate_page(trainings[1], "sv", title="Andra utbildningen")
    network_index = publish(NetworkIndexPageFactory(parent=home_page))
    network = publish(
        NetworkPageFactory(
            parent=network_index, related_pages=[("page", trainings[1]), ("page", trainings[2])]
        )
    )
    translate_page(network, "sv", title="Nätverket")
    other_index = publish(TrainingIndexPageFactory(parent=home_page, slug="kurssit"))

    mirror = Mirror(client)
    compared = len(mirror.items)
    assert compared == 8

    def rename(row, name):
        row.name = name
        row.save()

    operations = [
        lambda: rename(region, "Lapin maakunta"),
        lambda: rename(region.get_translation(Locale.objects.get(language_code="sv")), "Lappi"),
        lambda: rename(theme, "Johtajuus"),
        lambda: rename(organiser, "Lapin aluehallintovirasto"),
        lambda: rename(person, "Maija Meikäläinen"),
        lambda: setattr(training_index, "slug", "koulutustarjonta") or publish(training_index),
        lambda: translate_page(trainings[2], "en", title="Third training"),
        lambda: swedish.unpublish(),
        lambda: english.delete(),
        lambda: setattr(trainings[1], "title", "Uusi otsikko") or publish(trainings[1]),
        lambda: trainings[2].unpublish(),
        lambda: region.delete(),
        lambda: publish(TrainingPageFactory(parent=training_index, contacts=[person])),
        lambda: trainings[0].move(other_index, pos="last-child"),
        lambda: publish(type(trainings[2]).objects.get(pk=trainings[2].pk)),  # republished
        lambda: rename(person, "Maija Mallikas"),
        lambda: trainings[1].delete(),
        lambda: setattr(other_index, "slug", "kurssit-2027") or publish(other_index),
    ]
    for number, operation in enumerate(operations, start=1):
        with django_capture_on_commit_callbacks(execute=True):
            operation()
        mirror.sync()
        compared += len(mirror.items)
        assert drift(mirror) == [], f"after operation {number}"

    print(
        f"mirror: {len(operations)} operations, {mirror.events} events, "
        f"{compared} items compared, drift 0"
    )
    assert mirror.events >= len(operations)
