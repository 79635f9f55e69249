"""Translating a training through wagtail-localize's PO export and import."""

from __future__ import annotations

import datetime as dt

import polib
from wagtail_localize.models import Translation, TranslationSource

from cms.translation import publish_translation, translate
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory
from pages.trainings.lifecycle import HELSINKI


def test_po_round_trip_translates_text_and_synchronises_the_rest(translated_home_pages, locales):
    index = TrainingIndexPageFactory(parent=translated_home_pages["fi"])
    publish_translation(_translation(index, locales["sv"]))
    training = TrainingPageFactory(
        parent=index,
        title="Pedagoginen johtajuus",
        lead="Koulutus johtajille.",
        venue="Auditorio",
        capacity=40,
        starts_at=dt.datetime(2027, 5, 4, 9, tzinfo=HELSINKI),
        ends_at=dt.datetime(2027, 5, 4, 16, tzinfo=HELSINKI),
        body=[{"type": "paragraph", "value": "<p>Ohjelma julkaistaan pian.</p>"}],
    )
    translation = _translation(training, locales["sv"])

    po = translation.export_po()
    sources = {entry.msgid for entry in po}
    assert {"Pedagoginen johtajuus", "Koulutus johtajille.", "Auditorio"} <= sources
    assert "Ohjelma julkaistaan pian." in sources
    swedish = {
        "Pedagoginen johtajuus": "Pedagogiskt ledarskap",
        "Koulutus johtajille.": "Utbildning för ledare.",
        "Auditorio": "Auditoriet",
        "Ohjelma julkaistaan pian.": "Programmet publiceras snart.",
    }
    for entry in po:
        entry.msgstr = swedish.get(entry.msgid, entry.msgid)
    uploaded = polib.pofile(str(po))  # what a translator's tool sends back
    assert translation.import_po(uploaded) == []

    target = publish_translation(translation)
    assert target.locale.language_code == "sv"
    assert target.live
    assert target.title == "Pedagogiskt ledarskap"
    assert target.venue == "Auditoriet"
    assert "Programmet publiceras snart." in str(target.body)
    assert target.capacity == 40
    assert target.starts_at == training.starts_at
    assert target.get_parent().specific.locale.language_code == "sv"

    training.capacity = 55
    training.starts_at = dt.datetime(2027, 5, 5, 9, tzinfo=HELSINKI)
    training.ends_at = dt.datetime(2027, 5, 5, 16, tzinfo=HELSINKI)
    training.save_revision().publish()
    TranslationSource.update_or_create_from_instance(training)
    publish_translation(translation)
    target.refresh_from_db()
    assert target.capacity == 55, "synchronised fields follow the Finnish source"
    assert target.starts_at == training.starts_at
    assert target.title == "Pedagogiskt ledarskap", "translations survive a resync"


def _translation(page, locale) -> Translation:
    source, _ = TranslationSource.get_or_create_from_instance(page)
    return Translation.objects.create(source=source, target_locale=locale)


def test_translate_matches_each_paragraph_of_a_rich_text_block(translated_home_pages, locales):
    index = TrainingIndexPageFactory(parent=translated_home_pages["fi"])
    body = [{"type": "paragraph", "value": "<p>Ensimmäinen.</p><p>Toinen.</p>", "id": "b1"}]
    training = TrainingPageFactory(parent=index, title="Koulutus", body=body)
    swedish_body = [{"type": "paragraph", "value": "<p>Första.</p><p>Andra.</p>", "id": "b1"}]
    translate(index, locales["sv"], {"title": "Utbildningar"})

    target = translate(training, locales["sv"], {"title": "Utbildning", "body": swedish_body})

    rendered = str(target.body)
    assert rendered.index("Första.") < rendered.index("Andra.")
    assert "Ensimmäinen" not in rendered


def test_street_address_link_url_and_abbreviation_translate_with_finnish_default(
    translated_home_pages, locales
):
    from cms.vocabularies.factories import OrganisationFactory
    from pages.news.factories import NewsIndexPageFactory, NewsPageFactory

    index = TrainingIndexPageFactory(parent=translated_home_pages["fi"])
    publish_translation(_translation(index, locales["sv"]))
    publish_translation(_translation(index, locales["en"]))
    training = TrainingPageFactory(
        parent=index,
        street_address="Pohjoisesplanadi 11–13",
        postal_code="00170",
        locality="Helsinki",
    )
    swedish = translate(
        training,
        locales["sv"],
        {"street_address": "Norra esplanaden 11–13", "locality": "Helsingfors"},
    )
    english = translate(training, locales["en"], {"title": "Training"})
    assert swedish.postal_address_line == "Norra esplanaden 11–13, 00170 Helsingfors"
    assert english.postal_address_line == "Pohjoisesplanadi 11–13, 00170 Helsinki"  # the default

    news_index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    publish_translation(_translation(news_index, locales["sv"]))
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

    oph = OrganisationFactory(name="Opetushallitus", short_name="OPH")
    assert translate(oph, locales["sv"], {"short_name": "UBS"}).short_name == "UBS"
    assert translate(oph, locales["en"], {"name": "EDUFI"}).short_name == "OPH"
