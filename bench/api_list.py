"""Time a list of trainings: our ``/api/v1/trainings/`` against stock API v2 ``fields=*``.

Builds a throwaway SQLite database with 1,000 published trainings (each with a region, an
organiser, two audiences, two themes, two languages, two contacts and a body), then
measures each URL after one warm-up request and prints queries and timings::

    /work/main/.venv/bin/python bench/api_list.py [--trainings 1000] [--repeat 30]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.api_settings"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.api import APIField  # noqa: E402
from wagtail.models import Site  # noqa: E402

from cms.blocks import BodyBlock  # noqa: E402
from cms.vocabularies import factories as vocabulary  # noqa: E402
from cms.vocabularies.models import Language  # noqa: E402
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory  # noqa: E402
from pages.trainings.models import TrainingPage  # noqa: E402

#: What API v2 may show with ``fields=*``: the same fields our API serves.
V2_FIELDS = [
    "lead", "kind", "format", "status", "starts_at", "ends_at", "venue", "street_address",
    "postal_code", "locality", "region", "organiser", "audiences", "themes", "languages",
    "is_free", "price", "capacity",
    "registration_url", "registration_opens", "registration_closes", "body", "contacts",
]  # fmt: skip


def build_database(count: int) -> None:
    database = Path(settings.DATABASES["default"]["NAME"])
    database.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    home = Site.objects.get(is_default_site=True).root_page
    index = TrainingIndexPageFactory(parent=home)
    related = {
        "region": vocabulary.RegionFactory(),
        "organiser": vocabulary.OrganisationFactory(),
        "audiences": [vocabulary.AudienceFactory(), vocabulary.AudienceFactory()],
        "themes": [vocabulary.ThemeFactory(), vocabulary.ThemeFactory()],
        "contacts": [vocabulary.PersonFactory(), vocabulary.PersonFactory()],
        "languages": list(Language.objects.filter(code__in=["fi", "sv"])),
    }
    body = BodyBlock().to_python([{"type": "paragraph", "value": "<p>Ohjelma.</p>"}])
    for _ in range(count):
        TrainingPageFactory(parent=index, body=body, **related)


def measure(client: Client, url: str, repeat: int) -> tuple[int, int, float, float]:
    """Items, queries, median and 90th percentile milliseconds of ``url``."""
    response = client.get(url)  # warm-up: caches of site root paths and vocabularies
    assert response.status_code == 200, (url, response.status_code, response.content[:300])
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    query_count = len(queries)  # now: the next request resets the connection's query log
    body = response.json()
    items = len(body.get("items", []))
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p90 = statistics.quantiles(timings, n=10)[-1] if len(timings) > 1 else timings[0]
    return items, query_count, statistics.median(timings), p90


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainings", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=30)
    options = parser.parse_args()

    print(f"Building {options.trainings} trainings in SQLite…", file=sys.stderr)
    build_database(options.trainings)
    TrainingPage.api_fields = [APIField(name) for name in V2_FIELDS]
    client = Client()
    rows = [
        ("ours  /api/v1/trainings/?limit=20", "/api/v1/trainings/?limit=20"),
        ("ours  /api/v1/trainings/?limit=100", "/api/v1/trainings/?limit=100"),
        ("ours  /api/v1/trainings/?limit=20&locale=sv&fallback=true",
         "/api/v1/trainings/?limit=20&locale=sv&fallback=true"),
        ("ours  /api/v1/pages/?limit=20", "/api/v1/pages/?limit=20"),
        ("v2    /api/v2/pages/?type=trainings.TrainingPage&fields=*&limit=20",
         "/api/v2/pages/?type=trainings.TrainingPage&fields=*&limit=20"),
    ]  # fmt: skip
    print(f"\n{options.trainings} trainings, SQLite, {options.repeat} runs each\n")
    print(f"| {'request':<66} | items | queries | median ms | p90 ms |")
    print(f"|{'-' * 68}|-------|---------|-----------|--------|")
    for label, url in rows:
        items, queries, median, p90 = measure(client, url, options.repeat)
        print(f"| {label:<66} | {items:>5} | {queries:>7} | {median:>9.1f} | {p90:>6.1f} |")


if __name__ == "__main__":
    main()
