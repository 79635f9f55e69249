"""The Finnish/Swedish parity view lists live pages missing in the other language."""

from __future__ import annotations

import csv
import io

from django.urls import reverse

from cms.editorial.parity import parity_report
from cms.editorial.sections import sections
from cms.testing import login
from cms.translation import translate
from tests.publications.factories import PublicationPageFactory


def _publications_parity():
    (report,) = [report for report in parity_report() if report.section.key == "publications"]
    return report


def test_every_section_is_listed_required_ones_first(publication_indexes, roles):
    required = {plugin.key for plugin, section in sections() if section.parity_required}
    reports = parity_report()
    assert {report.section.key for report in reports} == {plugin.key for plugin, _ in sections()}
    assert "publications" in {r.section.key for r in reports}
    assert {report.section.key for report in reports if report.required} == required
    assert [report.required for report in reports] == sorted(
        (report.required for report in reports), reverse=True
    )


def test_gaps_in_both_directions(publication, publication_indexes, locales):
    report = _publications_parity()
    assert [(gap.page_id, gap.missing_language) for gap in report.gaps] == [(publication.id, "sv")]

    translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin"})
    swedish_only = PublicationPageFactory(
        parent=publication_indexes["sv"], title="Endast på svenska"
    )
    report = _publications_parity()
    assert [(gap.page_id, gap.missing_language) for gap in report.gaps] == [(swedish_only.id, "fi")]
    assert report.live_counts == {"fi": 1, "sv": 2}


def test_an_unpublished_translation_is_still_a_gap(publication, locales):
    swedish = translate(publication, locales["sv"], {"title": "Guide till kvalitetsstrategin"})
    swedish.unpublish()
    assert [gap.page_id for gap in _publications_parity().gaps] == [publication.id]


def test_parity_view_in_the_admin(client, communications, publication):
    login(client, communications)
    response = client.get(reverse("editorial_parity"))
    assert response.status_code == 200
    body = response.content.decode()
    assert 'data-section="publications"' in body
    assert publication.title in body
    assert 'data-gap="sv"' in body
    optional = next(plugin.key for plugin, section in sections() if not section.parity_required)
    assert f'data-section="{optional}" data-required="false"' in body


def test_parity_csv_in_the_editors_language(client, communications, publication):
    login(client, communications)
    response = client.get(reverse("editorial_parity"), {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    gaps = {(row["Sivun tunniste"], row["Puuttuu kieleltä"]) for row in rows}
    assert (str(publication.id), "ruotsi") in gaps
