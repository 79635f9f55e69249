"""Money and times as each language writes them: "€2,500,000" in English, "2 500 000 €" else."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation
from django.utils.formats import date_format

from cms.templatetags.site_tags import euros
from cms.timezones import HELSINKI

pytestmark = pytest.mark.backend_independent


@pytest.mark.parametrize(
    ("language", "amount", "expected"),
    [
        ("en", Decimal("2500000.00"), "€2,500,000"),
        ("en", Decimal("120.00"), "€120"),
        ("en", Decimal("120.50"), "€120.50"),
        ("fi", Decimal("2500000.00"), "2\xa0500\xa0000\xa0€"),
        ("fi", Decimal("120.50"), "120,50\xa0€"),
        ("sv", Decimal("1200000"), "1\xa0200\xa0000\xa0€"),
    ],
)
def test_euros_follow_the_language(language, amount, expected):
    with translation.override(language):
        assert euros(amount) == expected


def test_english_times_use_a_colon_finnish_a_period():
    moment = dt.datetime(2027, 5, 4, 16, 15, tzinfo=HELSINKI)
    with translation.override("en"):
        assert date_format(moment, "TIME_FORMAT") == "16:15"
    with translation.override("fi"):
        assert date_format(moment, "TIME_FORMAT") == "16.15"


def test_swedish_and_finnish_wording():
    with translation.override("sv"):
        assert translation.gettext("Search") == "Sök"
        assert translation.pgettext("trainings when filter", "Past") == "Avslutade"
        assert translation.gettext("Guidance session") == "Informationsstyrningstillfälle"
        assert translation.gettext("All %(section)s") % {"section": "utbildningar"} == (
            "Alla utbildningar"
        )
    with translation.override("fi"):
        assert translation.gettext("Organisation") == "Organisaatio"
        assert translation.gettext("Partially compliant with WCAG 2.1 level AA").endswith(
            "AA-vaatimukset"
        )
        assert translation.gettext("All %(section)s") % {"section": "koulutukset"} == (
            "Kaikki koulutukset"
        )
