"""Fixtures for the editorial workflow tests: a translated section tree, groups and editors."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import trans_real

from cms.editorial.roles import COMMUNICATIONS, TRANSLATORS, setup_roles
from cms.translation import translate
from pages.trainings.editorial import TRAINING_PLANNERS
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory

PASSWORD = "correct-horse-battery"


@pytest.fixture
def training_indexes(translated_home_pages, locales) -> dict:
    """The trainings listing page in fi, sv and en."""
    index = TrainingIndexPageFactory(parent=translated_home_pages["fi"])
    index.save_revision().publish()
    index.refresh_from_db()
    pages = {"fi": index}
    for language, title in (("sv", "Utbildningar"), ("en", "Trainings")):
        pages[language] = translate(index, locales[language], {"title": title})
    return pages


@pytest.fixture
def roles(training_indexes) -> None:
    setup_roles()


@pytest.fixture
def make_editor(roles) -> Callable:
    """``make_editor("Viestintä")`` → a new user in that group (or none)."""
    counter = iter(range(1000))

    def make(group_name: str | None, **fields):
        number = next(counter)
        user = get_user_model().objects.create_user(
            username=fields.pop("username", f"editor{number}"),
            email=fields.pop("email", f"editor{number}@example.fi"),
            password=PASSWORD,
            **fields,
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def communications(make_editor):
    return make_editor(COMMUNICATIONS.name, username="viestija", email="viestinta@example.fi")


@pytest.fixture
def planner(make_editor):
    return make_editor(TRAINING_PLANNERS.name, username="suunnittelija")


@pytest.fixture
def translator(make_editor):
    return make_editor(TRANSLATORS.name, username="kaantaja")


@pytest.fixture
def training(training_indexes):
    """A published Finnish training."""
    page = TrainingPageFactory(parent=training_indexes["fi"], title="Digipedagogiikan kurssi")
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def login(client, user) -> None:
    assert client.login(username=user.username, password=PASSWORD)


#: Text that reads the same in every language (names, symbols, format strings).
LANGUAGE_NEUTRAL = re.compile(r"^[\W\d_]*$|^%\(\w+\)s$|^(Wagtail|PDF|CSV|URL|ID|PO)$")


@pytest.fixture
def untranslated(monkeypatch):
    """Strings looked up in the active language that no catalogue translates."""
    missed: dict[str, set[str]] = {}
    original_gettext = trans_real.DjangoTranslation.gettext
    original_ngettext = trans_real.DjangoTranslation.ngettext

    def gettext(self, message):
        language, text = self.language(), message.split("\x04")[-1]
        if (
            language in ("fi", "sv")
            and message not in self._catalog
            and not LANGUAGE_NEUTRAL.match(text)
        ):
            missed.setdefault(language, set()).add(text)
        return original_gettext(self, message)

    def ngettext(self, singular, plural, n):
        language = self.language()
        if language in ("fi", "sv"):
            try:
                self._catalog.plural(singular, n)
            except KeyError:
                missed.setdefault(language, set()).add(singular.split("\x04")[-1])
        return original_ngettext(self, singular, plural, n)

    monkeypatch.setattr(trans_real.DjangoTranslation, "gettext", gettext)
    monkeypatch.setattr(trans_real.DjangoTranslation, "ngettext", ngettext)
    return missed
