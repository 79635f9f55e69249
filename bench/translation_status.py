"""Time the translation status report against the number of pages; prints a table.

    DATABASE_URL=sqlite:////tmp/bench-editorial.sqlite3 .venv/bin/python bench/translation_status.py

Builds a throwaway database (migrate, then trainings with Swedish translations for half of
them), and measures ``translation_status()`` and the admin report view (first page of 50
rows) with the number of SQL queries each takes.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Locale, Site  # noqa: E402

from cms.editorial.roles import setup_roles  # noqa: E402
from cms.editorial.status import translation_status  # noqa: E402
from cms.plugins import registry  # noqa: E402

SIZES = (50, 200, 500)
REPEATS = 5


def build(total: int, parent, swedish: Locale) -> None:
    plugin = next(iter(registry))
    existing = plugin.page_model.objects.filter(locale__language_code="fi").count()
    for number in range(existing, total):
        page = plugin.page_model(
            title=f"Bench {number}",
            slug=f"bench-{number}",
            **bench_fields(plugin.page_model),
        )
        parent.add_child(instance=page)
        if number % 2 == 0:
            page.copy_for_translation(swedish, copy_parents=True).save_revision().publish()


def bench_fields(model) -> dict:
    from django.utils import timezone

    now = timezone.now()
    fields = {}
    for name in ("starts_at", "ends_at"):
        if any(field.name == name for field in model._meta.fields):
            fields[name] = now
    return fields


def timed(function) -> tuple[float, int]:
    durations, queries = [], 0
    for _ in range(REPEATS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            function()
            durations.append(time.perf_counter() - start)
        queries = len(captured)
    return statistics.median(durations) * 1000, queries


def main() -> None:
    call_command("migrate", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page.specific
    swedish = Locale.objects.get(language_code="sv")
    plugin = next(iter(registry))
    index = plugin.index_model.objects.filter(locale__language_code="fi").first()
    if index is None:
        index = plugin.index_model(title="Bench", slug="bench")
        home.add_child(instance=index)
        index.copy_for_translation(swedish, copy_parents=True).save_revision().publish()
    setup_roles()
    admin, _created = get_user_model().objects.get_or_create(
        username="bench", defaults={"is_superuser": True, "is_staff": True}
    )
    client = Client()
    client.force_login(admin)

    print("| source pages | rows | status() ms | status() queries | report ms | report queries |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for size in SIZES:
        build(size, index, swedish)
        rows = len(translation_status())
        status_ms, status_queries = timed(translation_status)
        report_ms, report_queries = timed(
            lambda: client.get("/admin/editorial/translations/").content
        )
        print(
            f"| {size} | {rows} | {status_ms:.0f} | {status_queries} "
            f"| {report_ms:.0f} | {report_queries} |"
        )


if __name__ == "__main__":
    main()
