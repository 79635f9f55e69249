"""Building blocks of the plugins' test factories (factory_boy is a dev dependency)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import factory
import wagtail_factories


def many_to_many(field_name: str) -> factory.PostGeneration:
    """A declaration that fills a (Parental)ManyToManyField from a list passed by the caller.

    ``TrainingPageFactory(themes=[theme])`` sets the relation after the page exists.
    """

    def assign(instance: Any, create: bool, extracted: Iterable | None, **kwargs: Any):
        if extracted is not None:
            getattr(instance, field_name).set(extracted)
        # A non-None result makes ContentPageFactory save the page, storing the relation.
        return extracted

    return factory.PostGeneration(assign)


class ContentPageFactory(wagtail_factories.PageFactory):
    """Base factory for content pages: saves relations set by post-generation hooks."""

    class Meta:
        abstract = True

    @classmethod
    def _after_postgeneration(cls, instance: Any, create: bool, results: dict | None = None):
        if create and results and any(value is not None for value in results.values()):
            instance.save()
