"""The value notation of demo data files: trilingual texts, relative dates and page references.

Demo data is JSON, so a few values that JSON cannot say directly are written as small
objects that the loader recognises by their exact keys:

``{"fi": …, "sv": …, "en": …}``
    A translated value: the Finnish one is the source, Swedish and English its translations.
    Any value may be one (a title, a rich-text paragraph inside a StreamField block); a value
    that is the same in every language is written once, without the object.
``{"days_from_today": 24}``, ``{"days_from_today": 24, "time": "09:00"}``
    A date, or an aware Helsinki date and time, relative to the day the demo is loaded, so
    that the demo always has upcoming trainings and an open grant call.
``{"this_year": "01-15"}``
    A date in the year the demo is loaded (a yearly action plan).
``{"page": "trainings:slug"}``
    The id of the Finnish page ``slug`` of the content type whose plugin key is ``trainings``.
    Pages that hold one are created after every plugin's other pages exist, so a plugin can
    link another without knowing the order in which plugins load; a reference to a plugin
    that is not installed is left out (with the list item that holds it).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.utils import timezone

LANGUAGES = ("fi", "sv", "en")
SOURCE_LANGUAGE = "fi"
TARGET_LANGUAGES = ("sv", "en")


class Missing:
    """What a reference to an uninstalled plugin resolves to; its list item is dropped."""


MISSING = Missing()
#: Resolves ``"plugin-key:slug"`` to a page id, or :data:`MISSING` if the plugin is absent.
PageResolver = Callable[[str], "int | Missing"]


def is_translated(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == set(LANGUAGES)


def is_marker(value: Any) -> bool:
    """Whether ``value`` is one of the notation's objects (other than a translated value)."""
    return isinstance(value, dict) and (
        set(value) in ({"days_from_today"}, {"days_from_today", "time"}, {"this_year"}, {"page"})
    )


def occurs(found: Callable[[Any], bool], value: Any) -> bool:
    """Whether ``found`` holds for ``value`` or anything nested in it."""
    if found(value):
        return True
    if isinstance(value, dict):
        return any(occurs(found, item) for item in value.values())
    if isinstance(value, list):
        return any(occurs(found, item) for item in value)
    return False


def has_translations(value: Any) -> bool:
    return occurs(is_translated, value)


def has_page_references(value: Any) -> bool:
    return occurs(lambda item: is_marker(item) and "page" in item, value)


def resolve(value: Any, language: str, today: dt.date, pages: PageResolver) -> Any:
    """``value`` in ``language``, with its dates and page references made concrete.

    Dates become :class:`datetime.date`/:class:`datetime.datetime` objects; the caller
    serialises them where raw StreamField data needs strings.
    """
    if is_translated(value):
        return resolve(value[language], language, today, pages)
    if is_marker(value):
        if "page" in value:
            return pages(value["page"])
        if "this_year" in value:
            return dt.date.fromisoformat(f"{today.year}-{value['this_year']}")
        day = today + dt.timedelta(days=value["days_from_today"])
        if "time" not in value:
            return day
        return timezone.make_aware(dt.datetime.combine(day, dt.time.fromisoformat(value["time"])))
    if isinstance(value, dict):
        return {key: resolve(item, language, today, pages) for key, item in value.items()}
    if isinstance(value, list):
        items = [resolve(item, language, today, pages) for item in value]
        return [item for item in items if not _holds_missing(item)]
    return value


def _holds_missing(item: Any) -> bool:
    """A list item that is, or is a StreamField block whose value is, a missing reference."""
    return item is MISSING or (isinstance(item, dict) and item.get("value") is MISSING)
