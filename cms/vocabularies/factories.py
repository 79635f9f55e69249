"""Factories for the shared vocabularies (Finnish rows unless a locale is given)."""

from __future__ import annotations

import factory
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from cms.vocabularies.models import Audience, Organisation, Person, Region, Theme


class TranslatableFactory(DjangoModelFactory):
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="fi"))

    class Meta:
        abstract = True


class ThemeFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Teema {n}")
    slug = factory.Sequence(lambda n: f"teema-{n}")

    class Meta:
        model = Theme


class AudienceFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Kohderyhmä {n}")
    slug = factory.Sequence(lambda n: f"kohderyhma-{n}")

    class Meta:
        model = Audience


class RegionFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Alue {n}")
    slug = factory.Sequence(lambda n: f"alue-{n}")
    kind = Region.Kind.MAAKUNTA

    class Meta:
        model = Region


class OrganisationFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Organisaatio {n}")
    slug = factory.Sequence(lambda n: f"organisaatio-{n}")
    organisation_type = Organisation.Type.OTHER
    city = "Helsinki"

    class Meta:
        model = Organisation


class PersonFactory(TranslatableFactory):
    name = factory.Sequence(lambda n: f"Henkilö {n}")
    job_title = "asiantuntija"
    organisation = factory.SubFactory(OrganisationFactory)
    phone = "+358 29 533 1000"
    email = factory.Sequence(lambda n: f"henkilo{n}@example.fi")

    class Meta:
        model = Person
