"""Render time of the trainings listing: 20 of 10,000 trainings, through the full stack.

Run: ``python bench/site_listing.py [--trainings 10000] [--runs 30]``. Builds a throwaway
SQLite database (``/tmp/bench-site-listing.sqlite3``, or ``DATABASE_URL``), creates the
trainings in bulk (rows inserted directly, tree paths computed, no per-page treebeard
calls), then requests the listing through Django's test client (middleware, Wagtail
routing, template rendering) and prints a table of timings and query counts.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")
DEFAULT_DB = Path("/tmp/bench-site-listing.sqlite3")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_DB}")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from cms.vocabularies.catalogue import CATALOGUED_MODELS, catalogue  # noqa: E402
from cms.vocabularies.factories import AudienceFactory, OrganisationFactory, RegionFactory  # noqa: E402
from cms.vocabularies.models import Language  # noqa: E402
from home.accessibility import AccessibilityStatementPage  # noqa: E402
from pages.trainings.factories import TrainingIndexPageFactory  # noqa: E402
from pages.trainings.models import TrainingPage  # noqa: E402

BATCH = 500


def fresh_database() -> None:
    if os.environ["DATABASE_URL"] == f"sqlite:///{DEFAULT_DB}":
        DEFAULT_DB.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)


def bulk_trainings(index: Page, count: int) -> None:
    """Insert ``count`` live trainings under ``index``: base rows, then the child rows."""
    content_type = ContentType.objects.get_for_model(TrainingPage)
    regions = [RegionFactory(slug=f"alue-{n}", name=f"Alue {n}") for n in range(8)]
    organisers = [OrganisationFactory(slug=f"org-{n}", name=f"Organisaatio {n}") for n in range(5)]
    audiences = [AudienceFactory(slug=f"kohde-{n}", name=f"Kohderyhmä {n}") for n in range(6)]
    finnish = Language.objects.get(code="fi")
    now = timezone.now()
    local_fields = TrainingPage._meta.local_concrete_fields
    for start in range(0, count, BATCH):
        numbers = range(start, min(start + BATCH, count))
        bases = Page.objects.bulk_create(
            [
                Page(
                    title=f"Koulutus {n}",
                    draft_title=f"Koulutus {n}",
                    slug=f"koulutus-{n}",
                    path=Page._get_path(index.path, index.depth + 1, n + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}koulutus-{n}/",
                    content_type=content_type,
                    locale_id=index.locale_id,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
                for n in numbers
            ]
        )
        trainings = []
        for base, n in zip(bases, numbers, strict=True):
            starts = now + dt.timedelta(hours=n * 7 - count * 2)
            training = TrainingPage(
                page_ptr_id=base.pk,
                lead="Täydennyskoulutus opetus- ja kulttuuritoimen henkilöstölle.",
                starts_at=starts,
                ends_at=starts + dt.timedelta(hours=6),
                region=regions[n % len(regions)],
                organiser=organisers[n % len(organisers)],
                is_free=n % 3 != 0,
                price=None if n % 3 != 0 else 90,
            )
            trainings.append(training)
        TrainingPage.objects._insert(trainings, fields=local_fields, using="default")
        TrainingPage.audiences.through.objects.bulk_create(
            TrainingPage.audiences.through(
                trainingpage_id=training.pk, audience_id=audiences[n % len(audiences)].pk
            )
            for training, n in zip(trainings, numbers, strict=True)
        )
        TrainingPage.languages.through.objects.bulk_create(
            TrainingPage.languages.through(trainingpage_id=training.pk, language_id=finnish.pk)
            for training in trainings
        )
    Page.objects.filter(pk=index.pk).update(numchild=count)


def measure(
    client: Client, url: str, runs: int, *, cold: bool
) -> tuple[list[float], list[float], int, int]:
    """Wall-clock and CPU milliseconds per request, the query count and the items shown.

    CPU time (this process only) is reported beside wall time because the machine's two
    cores are shared: wall time includes the moments the scheduler ran someone else.
    ``cold`` empties the cache before every request, so no card is cached (the first view
    of these trainings); the process's vocabulary catalogue is reloaded before the clock
    starts. Warm is the usual state of a busy site.
    """
    response = client.get(url)  # warm-up: template loading, content types, site cache
    assert response.status_code == 200, (url, response.status_code)
    wall, cpu = [], []
    for _ in range(runs):
        if cold:
            cache.clear()
            for model in CATALOGUED_MODELS:
                catalogue(model)
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    if cold:
        cache.clear()
        for model in CATALOGUED_MODELS:
            catalogue(model)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    shown = response.content.decode().count('class="listing__item"')
    return wall, cpu, len(queries), shown


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trainings", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    fresh_database()
    home = Site.objects.get(is_default_site=True).root_page
    index = TrainingIndexPageFactory(parent=home)
    home.add_child(
        instance=AccessibilityStatementPage(
            title="Saavutettavuusseloste",
            prepared_on=dt.date(2026, 9, 1),
            feedback_email="saavutettavuus@example.fi",
            enforcement="<p>Valvontaviranomainen</p>",
        )
    )
    started = time.perf_counter()
    bulk_trainings(index, args.trainings)
    created_in = time.perf_counter() - started
    total = TrainingPage.objects.count()

    client = Client()
    url = index.url
    last_page = max(1, TrainingPage.objects.filter(ends_at__gt=timezone.now()).count() // 20)
    scenarios = [
        ("upcoming, page 1", url),
        ("upcoming, page 100", f"{url}?page=100"),
        (f"upcoming, last page ({last_page})", f"{url}?page={last_page}"),
        ("past, page 1", f"{url}?when=past"),
        ("region + audience + free", f"{url}?region=alue-3&audience=kohde-1&free=on"),
        (
            "all filters incl. dates",
            f"{url}?when=all&date_from=2000-01-01&date_to=2100-12-31"
            "&region=alue-2&format=on_site&language=fi&free=on",
        ),
    ]
    print(f"\n{total} trainings created in {created_in:.1f} s (bulk inserts)")
    print(f"database: {connection.vendor}, {args.runs} timed requests per row\n")
    header = (
        f"{'listing':<34} {'cache':<5} {'shown':>5} {'queries':>7} "
        f"{'wall median ms':>15} {'wall p95 ms':>12} {'CPU median ms':>14}"
    )
    print(header)
    print("-" * len(header))
    for name, scenario_url in scenarios:
        for cold in (False, True):
            wall, cpu, queries, shown = measure(client, scenario_url, args.runs, cold=cold)
            p95 = statistics.quantiles(wall, n=20)[-1]
            print(
                f"{name:<34} {'cold' if cold else 'warm':<5} {shown:>5} {queries:>7} "
                f"{statistics.median(wall):>15.1f} {p95:>12.1f} {statistics.median(cpu):>14.1f}"
            )
    print(f"\nload average during the run: {os.getloadavg()[0]:.2f} (2 cores)")


if __name__ == "__main__":
    main()
