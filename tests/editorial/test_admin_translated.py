"""The admin screens an editor uses are wholly Finnish (and Swedish): no English strings.

Every string Django, Wagtail, wagtail-localize or this project translates while rendering
the screens is recorded; a string that has no Finnish (Swedish) translation in the merged
catalogues, ours in ``locale/`` and ``locale/admin/`` included, fails the test with its
text, so the fix is to add it to ``locale/admin/<lang>/LC_MESSAGES/django.po``.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils.translation import trans_real
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from cms.testing import login
from cms.translation import translate

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


def _screens(training, swedish, training_indexes) -> list[str]:
    source = TranslationSource.objects.get(object_id=training.translation_key)
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[training_indexes["fi"].id]),
        reverse("wagtailadmin_pages:edit", args=[training.id]),
        reverse(
            "wagtailadmin_pages:add",
            args=["trainings", "trainingpage", training_indexes["fi"].id],
        ),
        reverse("wagtailadmin_pages:edit", args=[swedish.id]),
        reverse("wagtail_localize:update_translations", args=[source.id]),
        reverse("wagtail_localize:submit_page_translation", args=[training.id]),
        reverse("wagtailadmin_pages:history", args=[training.id]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("editorial_translation_status"),
        reverse("editorial_parity"),
    ]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_editor_screens_have_no_english(
    client, communications, training, training_indexes, locales, untranslated, language
):
    swedish = translate(training, locales["sv"], {"title": "Digipedagogikkurs"})
    UserProfile.objects.filter(user=communications).update(preferred_language=language)
    login(client, communications)
    for url in _screens(training, swedish, training_indexes):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode().lower()
        # A page's title is not a "job title"; languages are not "Maa-asetustot".
        assert "tehtävänimike" not in html and "maa-asetustot" not in html, url
    missing = sorted(untranslated.get(language, set()))
    assert not missing, f"{len(missing)} untranslated in {language}:\n" + "\n".join(missing)
