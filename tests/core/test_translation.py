"""Translating a page through wagtail-localize's PO export and import (on the test plugin)."""

from __future__ import annotations

import polib
from wagtail_localize.models import Translation, TranslationSource

from cms.translation import publish_translation, translate
from tests.publications.factories import PublicationIndexPageFactory, PublicationPageFactory


def test_po_round_trip_translates_text_and_synchronises_the_rest(translated_home_pages, locales):
    from cms.vocabularies.factories import ThemeFactory

    index = PublicationIndexPageFactory(parent=translated_home_pages["fi"])
    publish_translation(_translation(index, locales["sv"]))
    leadership = ThemeFactory(name="Johtaminen")
    publication = PublicationPageFactory(
        parent=index,
        title="Pedagoginen johtajuus",
        lead="Opas johtajille.",
        isbn="978-952-13-1111-1",
        themes=[leadership],
        body=[{"type": "paragraph", "value": "<p>Ohjelma julkaistaan pian.</p>"}],
    )
    translation = _translation(publication, locales["sv"])

    po = translation.export_po()
    sources = {entry.msgid for entry in po}
    assert {"Pedagoginen johtajuus", "Opas johtajille."} <= sources
    assert "978-952-13-1111-1" not in sources, "synchronised, not translated"
    assert "Ohjelma julkaistaan pian." in sources
    swedish = {
        "Pedagoginen johtajuus": "Pedagogiskt ledarskap",
        "Opas johtajille.": "En guide för ledare.",
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
    assert target.lead == "En guide för ledare."
    assert "Programmet publiceras snart." in str(target.body)
    assert target.isbn == "978-952-13-1111-1"
    assert list(target.themes.all()) == [leadership]
    assert target.get_parent().specific.locale.language_code == "sv"

    publication.isbn = "978-952-13-2222-2"
    publication.save_revision().publish()
    TranslationSource.update_or_create_from_instance(publication)
    publish_translation(translation)
    target.refresh_from_db()
    assert target.isbn == "978-952-13-2222-2", "synchronised fields follow the Finnish source"
    assert target.title == "Pedagogiskt ledarskap", "translations survive a resync"


def _translation(page, locale) -> Translation:
    source, _ = TranslationSource.get_or_create_from_instance(page)
    return Translation.objects.create(source=source, target_locale=locale)


def test_translate_matches_each_paragraph_of_a_rich_text_block(translated_home_pages, locales):
    index = PublicationIndexPageFactory(parent=translated_home_pages["fi"])
    body = [{"type": "paragraph", "value": "<p>Ensimmäinen.</p><p>Toinen.</p>", "id": "b1"}]
    publication = PublicationPageFactory(parent=index, title="Opas", body=body)
    swedish_body = [{"type": "paragraph", "value": "<p>Första.</p><p>Andra.</p>", "id": "b1"}]
    translate(index, locales["sv"], {"title": "Publikationer"})

    target = translate(publication, locales["sv"], {"title": "Guide", "body": swedish_body})

    rendered = str(target.body)
    assert rendered.index("Första.") < rendered.index("Andra.")
    assert "Ensimmäinen" not in rendered


def test_a_snippet_translates_its_text_and_keeps_the_source_default(locales):
    from cms.vocabularies.factories import OrganisationFactory

    oph = OrganisationFactory(name="Opetushallitus", short_name="OPH")
    assert translate(oph, locales["sv"], {"short_name": "UBS"}).short_name == "UBS"
    assert translate(oph, locales["en"], {"name": "EDUFI"}).short_name == "OPH"
