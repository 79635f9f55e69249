"""The core's editorial tests run over the test plugins' sections: publications (moderated)
and events (light workflow, with its own writer role)."""

from __future__ import annotations

import re

import pytest
from django.utils.translation import trans_real


@pytest.fixture
def roles(publication_indexes, event_indexes) -> None:
    """Set the roles up once both sections exist in every locale."""
    from cms.editorial.roles import setup_roles

    setup_roles()


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
