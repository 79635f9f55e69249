"""``manage.py export_openapi [PATH]``: write the partner API's OpenAPI schema as JSON.

The committed snapshot ``tests/api/openapi.json`` is regenerated with::

    DJANGO_SETTINGS_MODULE=cms.settings.test python manage.py export_openapi tests/api/openapi.json

(test settings, because the test-only plugin's endpoints are part of what is tested).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser


def schema_json() -> str:
    """The schema as stable, diff-friendly JSON text."""
    from cms.api.urls import api

    return json.dumps(api.get_openapi_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


class Command(BaseCommand):
    help = "Write the OpenAPI schema of /api/v1/ to PATH (or print it)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="File to write; prints when omitted.")

    def handle(self, *args: Any, path: str | None, **options: Any) -> None:
        text = schema_json()
        if path is None:
            self.stdout.write(text, ending="")
            return
        Path(path).write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote {path}.")
