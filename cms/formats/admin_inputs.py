"""Date and time inputs of the admin in the editor's own conventions.

Wagtail's pickers use one ISO-like format for everyone, and the date picker replaces what
it cannot parse with the current time when the field loses focus, so "10.3.2027 12.00"
silently became today. Here each admin language writes and reads its own format (Finnish
and Finland-Swedish ``10.3.2027 12.00``, English ``10.3.2027 12:00``); the picker keeps
whatever was typed, and the form (``*_INPUT_FORMATS`` of ``cms/formats/<lang>``) reports
what it cannot read as an error next to the field, with the typed text still in it.

The picker (jQuery datetimepicker) and Django's ``dateformat`` share PHP-style format
letters, so one format string per language serves both.
"""

from __future__ import annotations

import datetime as dt
import json

from django.db import models
from django.utils import dateformat, timezone
from django.utils.translation import get_language
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput, AdminTimeInput

#: (date, time) in PHP-style letters per admin language; Finnish for anything else.
ADMIN_INPUT_FORMATS = {
    "fi": ("j.n.Y", "G.i"),
    "sv": ("j.n.Y", "G.i"),
    "en": ("j.n.Y", "G:i"),
}
#: The picker must never overwrite a typed value it cannot parse.
PICKER_OPTIONS = {"validateOnBlur": False, "allowBlank": True}


def admin_formats() -> tuple[str, str]:
    language = (get_language() or "fi").split("-")[0]
    return ADMIN_INPUT_FORMATS.get(language, ADMIN_INPUT_FORMATS["fi"])


def _format(value, php_format: str) -> str:
    if isinstance(value, dt.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    return dateformat.format(value, php_format)


class _LocalizedInput:
    """Formats chosen at render time, from the language of the request being served."""

    def _php_format(self) -> str:
        raise NotImplementedError

    def format_value(self, value):
        if isinstance(value, (dt.date, dt.time)):
            return _format(value, self._php_format())
        return super().format_value(value)

    def get_config(self) -> dict:
        return {**super().get_config(), "format": self._php_format(), **PICKER_OPTIONS}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["config_json"] = json.dumps(self.get_config())
        return context


class LocalizedDateInput(_LocalizedInput, AdminDateInput):
    def _php_format(self) -> str:
        return admin_formats()[0]


class LocalizedDateTimeInput(_LocalizedInput, AdminDateTimeInput):
    def _php_format(self) -> str:
        date_format, time_format = admin_formats()
        return f"{date_format} {time_format}"

    def get_config(self) -> dict:
        return {**super().get_config(), "formatTime": admin_formats()[1]}


class LocalizedTimeInput(_LocalizedInput, AdminTimeInput):
    def _php_format(self) -> str:
        return admin_formats()[1]

    def get_config(self) -> dict:
        return {**super().get_config(), "formatTime": admin_formats()[1]}


def register_admin_inputs() -> None:
    """Every model date, time and datetime field edited in the admin uses these inputs."""
    register_form_field_override(models.DateField, override={"widget": LocalizedDateInput})
    register_form_field_override(models.TimeField, override={"widget": LocalizedTimeInput})
    register_form_field_override(models.DateTimeField, override={"widget": LocalizedDateTimeInput})
