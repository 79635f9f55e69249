"""Pages published in bulk (cms.bulk, seed_bench) are the pages an editor would publish."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from typing import Any

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page, PageLogEntry, ReferenceIndex, Revision, Site
from wagtail.search.models import IndexEntry
from wagtail_localize.models import Translation, TranslationSource

from cms.api.models import ChangeEvent, PageState
from cms.api.representations import digests
from cms.bulk import NewPage, publish_in_bulk
from cms.media.models import CustomImage
from cms.vocabularies import factories as vocabulary
from pages.trainings.factories import TrainingIndexPageFactory
from pages.trainings.models import TrainingPage
from search.service import search_pages

# Product test: seed_bench seeds every real plugin, and the bulk path is compared on the
# richest page there is (trainings: foreign keys, many-to-manys, a StreamField, dates).
pytestmark = pytest.mark.product

#: What differs between any two pages by nature: identity, slug and time of publishing.
OWN_VALUES = {
    "pk", "id", "page_ptr", "path", "slug", "url_path", "translation_key", "latest_revision",
    "live_revision", "first_published_at", "last_published_at", "latest_revision_created_at",
    "draft_title", "title",
}  # fmt: skip


def training_fields(region, organiser, image=None) -> dict[str, Any]:
    starts_at = timezone.now().replace(microsecond=0) + dt.timedelta(days=20)
    return {
        "image": image,
        # What the editor's form offers on the Finnish page (``clean``) and seed_bench writes.
        "image_alt_text": image.alt_text if image else "",
        "title": "Täydennyskoulutus varhaiskasvatuksen opettajille",
        "lead": "Aluehallintoviraston koulutus verkostoille.",
        "body": [{"type": "paragraph", "value": "<p>Ohjelma ja puhujat.</p>", "id": "b-1"}],
        "starts_at": starts_at,
        "ends_at": starts_at + dt.timedelta(hours=6),
        "venue": "Auditorio",
        "region": region,
        "organiser": organiser,
        "is_free": False,
        "price": Decimal("90.00"),
        "registration_opens": starts_at.date() - dt.timedelta(days=30),
        "registration_closes": starts_at.date() - dt.timedelta(days=2),
    }


#: wagtail-localize saves a translation's revision as a draft, then publishes it.
DRAFT_STATE = {"live", "has_unpublished_changes"}


def revision_content(page: Page, ignore: set[str] = frozenset()) -> dict[str, Any]:
    content = Revision.objects.get(pk=page.live_revision_id).content
    return {key: value for key, value in content.items() if key not in OWN_VALUES | ignore}


def references(page: Page) -> set[tuple]:
    return set(
        ReferenceIndex.objects.filter(object_id=str(page.pk)).values_list(
            "content_type", "to_content_type", "to_object_id", "model_path", "content_path"
        )
    )


def stream_value(value):
    """A StreamField's JSON parsed: PostgreSQL's jsonb hands its keys back in its own order."""
    if isinstance(value, str) and value.startswith("[{"):
        return json.loads(value)
    return value


def source_record(page: Page) -> tuple:
    """wagtail-localize's frozen source of ``page``, without what differs between pages."""
    source = TranslationSource.objects.get(object_id=page.translation_key)
    content = {
        key: stream_value(value)
        for key, value in json.loads(source.content_json).items()
        if key not in OWN_VALUES
    }
    return (
        source.object.content_type_id,
        source.specific_content_type_id,
        source.locale_id,
        source.object_repr == page.title,
        source.schema_version,
        content,
    )


def translation_records(page: Page) -> list[tuple]:
    return list(
        Translation.objects.filter(source__object_id=page.translation_key).values_list(
            "target_locale", "enabled"
        )
    )


def events(page: Page) -> list[str]:
    return list(
        ChangeEvent.objects.filter(page_id=page.pk).order_by("id").values_list("event", flat=True)
    )


def index_entry(page: Page) -> tuple:
    entry = IndexEntry.objects.get(object_id=str(page.pk), content_type__model="trainingpage")
    return entry.title, entry.body, entry.autocomplete


@pytest.mark.django_db
def test_a_bulk_published_page_matches_one_published_by_an_editor(
    django_capture_on_commit_callbacks,
):
    home = Site.objects.get(is_default_site=True).root_page
    index = TrainingIndexPageFactory(parent=home)
    region, organiser = vocabulary.RegionFactory(), vocabulary.OrganisationFactory()
    themes = [vocabulary.ThemeFactory(), vocabulary.ThemeFactory()]
    audiences = [vocabulary.AudienceFactory()]
    image = CustomImage.objects.create(
        title="Koulutus", alt_text="Opettajia auditoriossa", file=get_test_image_file()
    )
    fields = training_fields(region, organiser, image)

    with django_capture_on_commit_callbacks(execute=True):
        edited = index.add_child(instance=TrainingPage(slug="editorin", **fields))
        edited.themes.set(themes)
        edited.audiences.set(audiences)
        edited.save_revision().publish()
    edited = TrainingPage.objects.get(pk=edited.pk)

    (bulk,) = publish_in_bulk(
        Page.objects.get(pk=index.pk),
        [
            NewPage(
                TrainingPage(slug="massana", **fields),
                {"themes": themes, "audiences": audiences},
            )
        ],
    )
    bulk = TrainingPage.objects.get(pk=bulk.pk)
    index.refresh_from_db()

    # The tree: siblings one step apart, the parent counting both, URLs from the slug.
    assert (bulk.depth, bulk.path[:-4]) == (edited.depth, edited.path[:-4])
    assert bulk.path > edited.path
    assert index.numchild == 2 and list(index.get_children()) == [edited.page_ptr, bulk.page_ptr]
    assert bulk.url_path == f"{index.url_path}massana/"
    assert bulk.url == f"{index.url}massana/"
    # Live, published state and the revision behind it.
    for name in ("live", "has_unpublished_changes", "draft_title", "locale_id", "content_type_id"):
        assert getattr(bulk, name) == getattr(edited, name), name
    assert bulk.live_revision_id == bulk.latest_revision_id is not None
    assert bulk.first_published_at and bulk.last_published_at
    assert revision_content(bulk) == revision_content(edited)
    assert bulk.translation_key != edited.translation_key
    assert set(bulk.themes.all()) == set(edited.themes.all()) == set(themes)
    # The history editors see, and what Wagtail's usage views read.
    actions = [
        (entry.action, entry.label, entry.content_changed)
        for page in (edited, bulk)
        for entry in PageLogEntry.objects.filter(page=page, action="wagtail.publish")
    ]
    assert actions[0] == actions[1] and len(actions) == 2
    assert references(bulk) == references(edited) != set()
    assert ("media", "customimage") in {
        (row.to_content_type.app_label, row.to_content_type.model)
        for row in ReferenceIndex.objects.filter(object_id=str(bulk.pk))
    }
    assert bulk.image_alt == edited.image_alt == "Opettajia auditoriossa"
    # What partners see: a "published" event and the digest of the item they got.
    for page in (edited, bulk):
        (event,) = ChangeEvent.objects.filter(page_id=page.pk)
        assert (event.event, event.type, event.locale) == ("published", "trainings", "fi")
        assert PageState.objects.get(page_id=page.pk).digest == digests([page])[page.pk]
    # Search: the same index entries, and both found.
    assert index_entry(bulk) == index_entry(edited)
    found = {hit.id for hit in search_pages("koulutuksen", "fi").hits}
    assert {edited.pk, bulk.pk} <= found


@pytest.mark.django_db
def test_a_bulk_published_translation_matches_one_made_through_wagtail_localize(
    django_capture_on_commit_callbacks, translate_page, locales
):
    home = Site.objects.get(is_default_site=True).root_page
    index = TrainingIndexPageFactory(parent=home)
    region, organiser = vocabulary.RegionFactory(), vocabulary.OrganisationFactory()
    themes = [vocabulary.ThemeFactory()]
    fields = training_fields(region, organiser)
    swedish = {"title": "Fortbildning för lärare i småbarnspedagogik", "lead": "Utbildning."}

    with django_capture_on_commit_callbacks(execute=True):
        edited = index.add_child(instance=TrainingPage(slug="editorin", **fields))
        edited.themes.set(themes)
        edited.save_revision().publish()
        edited = TrainingPage.objects.get(pk=edited.pk)
        edited_sv = translate_page(edited, "sv", **swedish)
    swedish_index = Page.objects.get(pk=edited_sv.get_parent().pk)

    (bulk,) = publish_in_bulk(
        Page.objects.get(pk=index.pk),
        [NewPage(TrainingPage(slug="massana", **fields), {"themes": themes})],
    )
    copy = TrainingPage(
        slug="massana", locale=locales["sv"], translation_key=bulk.translation_key,
        **{**fields, **swedish},
    )  # fmt: skip
    (bulk_sv,) = publish_in_bulk(swedish_index, [NewPage(copy, {"themes": themes}, source=bulk)])
    bulk, bulk_sv = TrainingPage.objects.get(pk=bulk.pk), TrainingPage.objects.get(pk=bulk_sv.pk)

    # The translation is the Swedish page of the same object, with the editor's content.
    assert bulk_sv.get_translation(locales["fi"]).pk == bulk.pk
    assert revision_content(bulk_sv, DRAFT_STATE) == revision_content(edited_sv, DRAFT_STATE)
    # wagtail-localize's records: the frozen Finnish source and an enabled translation.
    assert source_record(bulk) == source_record(edited)
    assert translation_records(bulk) == translation_records(edited) == [(locales["sv"].pk, True)]
    # Partners: the translation is published and the source's item, which now lists the
    # Swedish URL, is updated; every stored digest is the item partners get now.
    assert events(bulk) == events(edited) == ["published", "updated"]
    assert events(bulk_sv) == events(edited_sv) == ["published"]
    for page in (edited, edited_sv, bulk, bulk_sv):
        assert PageState.objects.get(page_id=page.pk).digest == digests([page])[page.pk]
    assert index_entry(bulk_sv) == index_entry(edited_sv)


@pytest.mark.django_db
def test_seed_bench_builds_a_small_dataset_in_every_language(client):
    output = io.StringIO()
    call_command(
        "seed_bench", trainings=12, news=4, projects=3, networks=2, seed=3, no_progress=True,
        stdout=output, stderr=io.StringIO(),
    )  # fmt: skip
    assert "Created" in output.getvalue()
    finnish = TrainingPage.objects.filter(locale__language_code="fi")
    assert finnish.count() == 12
    assert set(TrainingPage.objects.values_list("locale__language_code", flat=True)) <= {
        "fi", "sv", "en"
    }  # fmt: skip
    translated = TrainingPage.objects.exclude(locale__language_code="fi")
    for page in translated:
        source = finnish.get(translation_key=page.translation_key)
        assert (page.starts_at, page.region_id) == (source.starts_at, source.region_id)
        assert page.title != source.title
    # Translations carry wagtail-localize's records, as "Translate this page" leaves them.
    for page in translated:
        assert Translation.objects.filter(
            source__object_id=page.translation_key, target_locale=page.locale, enabled=True
        ).exists()
    # Most pages show one of a few seeded images, described in their own language.
    illustrated = TrainingPage.objects.filter(image__isnull=False)
    assert 0 < illustrated.count() < TrainingPage.objects.count()
    assert CustomImage.objects.count() <= 6
    for page in illustrated.select_related("image", "locale"):
        assert page.image.width > 0 and page.image_alt_text
        if page.locale.language_code == "fi":
            assert page.image_alt_text == page.image.alt_text
        else:
            assert page.image_alt_text != page.image.alt_text
    # Every page is live with its revision, and the site lists the upcoming ones.
    assert not TrainingPage.objects.filter(live_revision__isnull=True).exists()
    index = Page.objects.get(
        depth=3, locale__language_code="fi", url_path__endswith="/koulutukset/"
    )
    response = client.get(index.url + "?when=all")
    assert response.status_code == 200
    shown = response.content.decode().count('class="listing__item"')
    assert shown == 12

    # The same seed gives the same pages.
    titles = sorted(finnish.values_list("title", "starts_at", "region_id"))
    TrainingPage.objects.all().delete()
    call_command("seed_bench", trainings=12, seed=3, no_progress=True, stdout=io.StringIO())
    assert sorted(finnish.values_list("title", "starts_at", "region_id")) == titles


@pytest.mark.django_db
def test_the_queries_of_a_batch_do_not_grow_with_its_pages(translate_page, locales):
    home = Site.objects.get(is_default_site=True).root_page
    index = TrainingIndexPageFactory(parent=home)
    swedish_index = translate_page(index, "sv")
    region, organiser = vocabulary.RegionFactory(), vocabulary.OrganisationFactory()
    themes = [vocabulary.ThemeFactory(), vocabulary.ThemeFactory()]
    image = CustomImage.objects.create(
        title="Koulutus", alt_text="Opettajia auditoriossa", file=get_test_image_file()
    )

    def translation_of(page: TrainingPage, fields: dict) -> TrainingPage:
        return TrainingPage(
            slug=f"sida-{page.pk}",
            locale=locales["sv"],
            translation_key=page.translation_key,
            **{**fields, "title": "Kurs"},
        )

    def publish_with_translations(count: int) -> int:
        """Queries of publishing ``count`` Finnish pages and then their Swedish translations."""
        fields = training_fields(region, organiser, image)
        sources = [
            NewPage(TrainingPage(slug=f"sivu-{count}-{n}", **fields), {"themes": themes})
            for n in range(count)
        ]
        with CaptureQueriesContext(connection) as queries:
            published = publish_in_bulk(Page.objects.get(pk=index.pk), sources)
            copies = [
                NewPage(translation_of(page, fields), {"themes": themes}, source=page)
                for page in published
            ]
            publish_in_bulk(Page.objects.get(pk=swedish_index.pk), copies)
        return len(queries)

    publish_with_translations(1)  # content types and the like, cached once per process
    assert publish_with_translations(2) == publish_with_translations(12)
