"""Alphabetical order per language: Swedish and Finnish put Å, Ä, Ö after Z; É sorts with E.

One rule, three places: :func:`collation_key` sorts in Python (filter choices read from the
vocabulary catalogue), and :func:`collated` orders querysets (API lists, the network
listing) with a database collation of the same rule: ICU collations on PostgreSQL
(``sv-x-icu``, ``fi-x-icu``, ``en-x-icu``, created by ``initdb`` from ICU), and on SQLite
collations registered on every connection that call :func:`collation_key`. Without the
rule, databases and ``str.casefold`` sort by code point: "Yrkesutbildning, Ämneslärare,
Åländska skolor", Å after Ä, and every capital before every small letter.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from django.db.backends.signals import connection_created
from django.db.models import F
from django.db.models.functions import Collate
from django.dispatch import receiver

#: Letters that Swedish and Finnish sort after Z, in this order (Æ with Ä, Ø with Ö).
NORDIC_TAIL = {"å": "{a", "ä": "{b", "æ": "{b", "ö": "{c", "ø": "{c"}
NORDIC_LANGUAGES = ("fi", "sv")
SQLITE_COLLATIONS = {"fi": "eduverkko_fi", "sv": "eduverkko_sv", "en": "eduverkko_en"}
POSTGRES_COLLATIONS = {"fi": "fi-x-icu", "sv": "sv-x-icu", "en": "en-x-icu"}


def _base_letter(char: str) -> str:
    """ "é" → "e", "ü" → "u": the letter without its accents."""
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=20_000)
def collation_key(text: str, language: str) -> tuple[str, str, str]:
    """A sort key for ``text`` in ``language``: letters first, then accents, then case."""
    language = language.split("-")[0]
    folded = (text or "").casefold()
    nordic = language in NORDIC_LANGUAGES
    primary = "".join(
        NORDIC_TAIL[char] if nordic and char in NORDIC_TAIL else _base_letter(char)
        for char in folded
    )
    return primary, folded, text or ""


def sorted_by_name(items, language: str, name=lambda item: item.name) -> list:
    return sorted(items, key=lambda item: collation_key(str(name(item)), language))


def collation_name(language: str, vendor: str) -> str | None:
    language = language.split("-")[0]
    if vendor == "sqlite":
        return SQLITE_COLLATIONS.get(language, SQLITE_COLLATIONS["en"])
    if vendor == "postgresql":
        return POSTGRES_COLLATIONS.get(language, POSTGRES_COLLATIONS["en"])
    return None


def collated(field: str, language: str, vendor: str):
    """``field`` ordered by ``language``'s alphabet (``-field`` descending), for ``order_by``."""
    descending = field.startswith("-")
    name = field.lstrip("-")
    collation = collation_name(language, vendor)
    if collation is None:
        return field
    expression = Collate(F(name), collation)
    return expression.desc() if descending else expression.asc()


#: Text fields that ``localized_ordering`` sorts alphabetically in the reader's language.
TEXT_ORDERING_FIELDS = ("title", "name")


def localized_ordering(fields, language: str, vendor: str) -> list:
    """``fields`` for ``order_by`` with the text ones collated in ``language``."""
    return [
        collated(field, language, vendor)
        if isinstance(field, str) and field.lstrip("-") in TEXT_ORDERING_FIELDS
        else field
        for field in fields
    ]


def _sqlite_compare(language: str):
    def compare(left: str, right: str) -> int:
        a, b = collation_key(left, language), collation_key(right, language)
        return (a > b) - (a < b)

    return compare


@receiver(connection_created)
def register_sqlite_collations(sender, connection, **kwargs) -> None:
    """Give every SQLite connection the per-language collations."""
    if connection.vendor != "sqlite":
        return
    for language, name in SQLITE_COLLATIONS.items():
        connection.connection.create_collation(name, _sqlite_compare(language))
