"""Trainings: page-creation rules, validation and translation through wagtail-localize."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from wagtail.test.utils import WagtailPageTestCase

from cms.timezones import HELSINKI
from home.models import HomePage
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory
from pages.trainings.models import TrainingIndexPage, TrainingPage
from pages.trainings.tests.forms import training_form_data


class TrainingPageTreeTests(WagtailPageTestCase):
    def test_index_lives_under_home_and_holds_trainings(self):
        self.assertAllowedParentPageTypes(TrainingIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(TrainingIndexPage, {TrainingPage})
        self.assertAllowedParentPageTypes(TrainingPage, {TrainingIndexPage})
        self.assertAllowedSubpageTypes(TrainingPage, set())

    def test_editor_can_create_training_under_index(self):
        home = HomePage.objects.get(locale__language_code="fi")
        index = TrainingIndexPageFactory(parent=home)
        self.login()
        self.assertCanCreateAt(TrainingIndexPage, TrainingPage)
        self.assertCanNotCreateAt(HomePage, TrainingPage)
        self.assertCanCreate(
            index,
            TrainingPage,
            training_form_data("Uusi koulutus", "uusi-koulutus"),
        )


def _training(**fields) -> TrainingPage:
    start = dt.datetime(2027, 3, 10, 9, tzinfo=HELSINKI)
    values = {
        "title": "Koulutus",
        "slug": "koulutus",
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=7),
        **fields,
    }
    return TrainingPage(**values)


@pytest.mark.parametrize(
    ("fields", "error_field"),
    [
        ({"ends_at": dt.datetime(2027, 3, 9, 9, tzinfo=HELSINKI)}, "ends_at"),
        ({"registration_closes": dt.date(2027, 3, 11)}, "registration_closes"),
        (
            {
                "registration_opens": dt.date(2027, 3, 5),
                "registration_closes": dt.date(2027, 3, 1),
            },
            "registration_opens",
        ),
        ({"is_free": False, "price": None}, "price"),
        ({"is_free": True, "price": 50}, "price"),
    ],
)
def test_invalid_trainings_give_field_errors(db, fields, error_field):
    with pytest.raises(ValidationError) as raised:
        _training(**fields).clean()
    assert error_field in raised.value.error_dict


def test_registration_may_close_on_start_day(db):
    _training(registration_closes=dt.date(2027, 3, 10)).clean()


def test_negative_capacity_is_rejected_by_the_form(db):
    page = _training(capacity=-1)
    with pytest.raises(ValidationError) as raised:
        page.full_clean(exclude=["path", "depth", "content_type", "locale", "translation_key"])
    assert "capacity" in raised.value.error_dict


def test_factory_builds_a_live_training(home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    training = TrainingPageFactory(parent=index)
    assert training.live
    assert list(index.get_listed_pages()) == [training]


def test_editor_enters_the_venue_address_in_parts(admin_client, home_page):
    from django.urls import reverse

    index = TrainingIndexPageFactory(parent=home_page)
    add_url = reverse("wagtailadmin_pages:add", args=("trainings", "trainingpage", index.pk))
    form = admin_client.get(add_url).content.decode()
    for name in ("street_address", "postal_code", "locality"):
        assert f'name="{name}"' in form

    address = {"street_address": "Valtakatu 2", "locality": "Rovaniemi"}
    data = training_form_data("Lapin koulutus", "lapin-koulutus", **address, postal_code="961")
    response = admin_client.post(add_url, data)
    assert response.status_code == 200
    assert "Anna suomalainen postinumero: viisi numeroa." in response.content.decode()
    assert not TrainingPage.objects.filter(slug="lapin-koulutus").exists()

    data = training_form_data("Lapin koulutus", "lapin-koulutus", **address, postal_code="96100")
    assert admin_client.post(add_url, data).status_code == 302
    training = TrainingPage.objects.get(slug="lapin-koulutus")
    assert training.postal_address_line == "Valtakatu 2, 96100 Rovaniemi"


def test_street_address_and_town_translate_with_the_finnish_default(translated_home_pages, locales):
    from cms.translation import translate

    index = TrainingIndexPageFactory(parent=translated_home_pages["fi"])
    translate(index, locales["sv"], {"title": "Utbildningar"})
    translate(index, locales["en"], {"title": "Trainings"})
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
