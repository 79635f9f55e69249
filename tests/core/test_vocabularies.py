"""Shared vocabularies: editors get form errors for malformed contact details."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.vocabularies.factories import OrganisationFactory, ThemeFactory
from cms.vocabularies.models import Language, Person

ADD_PERSON = "wagtailsnippets_vocabularies_person:add"


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.fi", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize(
    ("field", "value"),
    [("phone", "call me maybe"), ("phone", "12"), ("email", "liisa.virtanen@")],
)
def test_malformed_contact_details_give_a_form_error(editor_client, locales, field, value):
    data = {"name": "Liisa Virtanen", "job_title": "opetusneuvos", "phone": "", "email": ""}
    data[field] = value
    response = editor_client.post(reverse(ADD_PERSON) + "?locale=fi", data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Person.objects.exists()


def test_valid_person_is_saved(editor_client, locales):
    organisation = OrganisationFactory()
    data = {
        "name": "Liisa Virtanen",
        "job_title": "opetusneuvos",
        "organisation": organisation.pk,
        "phone": "+358 29 533 0101",
        "email": "liisa.virtanen@example.fi",
    }
    response = editor_client.post(reverse(ADD_PERSON) + "?locale=fi", data)
    assert response.status_code == 302
    person = Person.objects.get()
    assert (person.phone, person.locale.language_code) == ("+358 29 533 0101", "fi")


def test_localized_term_follows_the_active_language(locales):
    from django.utils import translation

    theme = ThemeFactory(name="Johtaminen", slug="johtaminen")
    swedish = theme.copy_for_translation(locales["sv"])
    swedish.name = "Ledarskap"
    swedish.save()
    with translation.override("sv"):
        assert theme.localized.name == "Ledarskap"
    with translation.override("en"):
        assert theme.localized.name == "Johtaminen"


@pytest.mark.django_db
def test_languages_of_instruction_are_seeded():
    assert list(Language.objects.values_list("code", flat=True)) == ["fi", "sv", "en", "se"]
