"""Every benchmark on one dataset, one Markdown table: ``make bench`` / ``make bench-quick``.

    python bench/run.py [--quick] [--sizes 1000,10000,50000] [--no-http] [--duration 10]

Builds a throwaway database (SQLite in /tmp, or DATABASE_URL, e.g. under
``scripts/with-postgres``) with ``manage.py seed_bench`` and grows it size by size
(trainings; news, projects and networks in proportion; translations on top). At each size
it measures in this process, through Django's test client and the full middleware stack:

- the partner API list of 20 trainings, repeated (warm), right after its first item was
  published again (the first request after a change), with every cache emptied first (a
  cold start, or the first request after a renamed term), stock Wagtail API v2
  ``fields=*`` serving the same fields, and the framework floor (a plain view returning
  the same bytes from memory);
- a detail item, the public trainings listing (warm and with cold cards);
- search (service, API and site page) and the editors' translation status report.

At the largest size it then serves the product for real: Redis, gunicorn with the
production settings and 2 workers, and drives it with ``wrk`` on 127.0.0.1 (API list,
detail, filtered list, 304 revalidation, listing and detail pages, and a static file from
whitenoise in the same process as the anchor), then reads the workers' RSS.

The table (median, p95, SQL queries, ratio to the row's anchor) is printed and written
with the machine, versions and dataset size to ``bench/results/latest.json``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DEFAULT_DB = Path(tempfile.gettempdir()) / "eduverkko-bench.sqlite3"
os.environ.setdefault("DATABASE_URL", f"sqlite:///{DEFAULT_DB}")
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"

import django  # noqa: E402

django.setup()

from django.core.cache import cache  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, override_settings  # noqa: E402

from bench import floor  # noqa: E402
from bench.served import serve_and_load  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "latest.json"
#: What API v2 may show with ``fields=*``: the same fields our API serves.
V2_FIELDS = [
    "lead", "kind", "format", "status", "starts_at", "ends_at", "venue", "street_address",
    "postal_code", "locality", "region", "organiser", "audiences", "themes", "languages",
    "is_free", "price", "capacity",
    "registration_url", "registration_opens", "registration_closes", "body", "contacts",
]  # fmt: skip
SEARCHES = [
    ("fi", "koulutuksen"),
    ("fi", "täydennyskoulutukset opettajille"),
    ("sv", "utbildningar"),
]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(len(ordered) * share) - 1))]


class Table:
    """The rows measured so far, each with its anchor's median for the ratio."""

    def __init__(self) -> None:
        self.rows: list[dict] = []

    def add(self, group: str, name: str, size: int, timings: list[float], queries, anchor=None):
        row = {
            "group": group,
            "name": name,
            "pages": size,
            "median_ms": round(statistics.median(timings), 2),
            "p95_ms": round(percentile(timings, 0.95), 2),
            "queries": queries,
            "anchor": anchor,
        }
        self.rows.append(row)
        return row

    def find(self, group: str, name: str, size: int) -> dict | None:
        return next(
            (r for r in self.rows if (r["group"], r["name"], r["pages"]) == (group, name, size)),
            None,
        )

    def markdown(self) -> str:
        lines = [
            "| group | measure | pages | median | p95 | SQL | × anchor |",
            "|---|---|---:|---:|---:|---:|---:|",
        ]
        for row in self.rows:
            anchor = self.find(row["group"], row["anchor"], row["pages"]) if row["anchor"] else None
            ratio = ""
            if anchor:
                key = "rps" if "rps" in row else "median_ms"
                ratio = f"{row[key] / anchor[key]:.2f} × {row['anchor']}" if anchor[key] else ""
            if "rps" in row:
                median, p95 = f"{row['rps']:.0f} req/s", f"{row['p95_ms']:.1f} ms"
            else:
                median, p95 = f"{row['median_ms']:.2f} ms", f"{row['p95_ms']:.2f} ms"
            queries = "" if row["queries"] is None else str(row["queries"])
            lines.append(
                f"| {row['group']} | {row['name']} | {row['pages']} | {median} | {p95} "
                f"| {queries} | {ratio} |"
            )
        return "\n".join(lines)


def timed(function: Callable[[], object], repeat: int, before=None) -> tuple[list[float], int]:
    """Milliseconds of ``repeat`` calls (after a warm-up) and the queries of one more."""
    if before:
        before()
    function()
    timings = []
    for _ in range(repeat):
        if before:
            before()
        started = time.perf_counter()
        function()
        timings.append((time.perf_counter() - started) * 1000)
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        function()
    return timings, len(queries)


def cold() -> None:
    """Every cache empty: a cold start, or the first request after a vocabulary edit."""
    from cms.vocabularies.catalogue import CATALOGUED_MODELS, catalogue

    cache.clear()
    for model in CATALOGUED_MODELS:
        catalogue(model)  # the process's own term table is rebuilt outside the clock


def publisher(client: Client, url: str, **headers) -> Callable[[], None]:
    """A change partners must see: the first item of ``url`` edited and published again.

    Wagtail's own publish, with every signal (change log, item digests, search index), so
    the list that follows is the first request after a real publish.
    """
    from pages.trainings.models import TrainingPage

    first_id = client.get(url, **headers).json()["items"][0]["id"]
    edits = iter(range(1, 10**9))

    def publish() -> None:
        page = TrainingPage.objects.get(pk=first_id)
        page.lead = f"{page.lead.split(' [', 1)[0]} [{next(edits)}]"
        page.save_revision().publish()

    return publish


def get(client: Client, url: str, **headers) -> Callable[[], object]:
    def request():
        response = client.get(url, **headers)
        assert response.status_code in (200, 304), (url, response.status_code)
        return response

    return request


def grow(size: int) -> None:
    """Seed up to ``size`` Finnish trainings, with news, projects and networks in proportion."""
    from pages.trainings.models import TrainingPage

    have = TrainingPage.objects.filter(locale__language_code="fi").count()
    if have >= size:
        return
    scale = (size - have) / size
    call_command(
        "seed_bench",
        trainings=size - have,
        news=int(size / 10 * scale),
        projects=int(size / 20 * scale),
        networks=int(size / 50 * scale),
        seed=size,
    )


def measure_in_process(table: Table, size: int, repeat: int, key: str) -> dict[str, str]:
    from wagtail.api import APIField

    from pages.trainings.models import TrainingIndexPage, TrainingPage

    TrainingPage.api_fields = [APIField(name) for name in V2_FIELDS]
    client = Client()
    auth = {"HTTP_X_API_KEY": key}
    index = TrainingIndexPage.objects.get(locale__language_code="fi")
    detail = TrainingPage.objects.filter(locale__language_code="fi").order_by("pk").first()
    urls = {
        "api_list": "/api/v1/trainings/?limit=20",
        "api_detail": f"/api/v1/trainings/{detail.pk}",
        "api_filtered": "/api/v1/trainings/?limit=20&locale=sv&fallback=true",
        "listing": index.url,
        "detail": detail.url,
        "static": "",
    }
    group = "partner API"
    floor.capture(get(client, urls["api_list"], **auth)())
    table.add(group, "framework floor", size, *timed(get(client, "/bench/floor/"), repeat))
    table.add(
        group,
        "ours, repeated",
        size,
        *timed(get(client, urls["api_list"], **auth), repeat),
        anchor="framework floor",
    )
    table.add(
        group,
        "ours, after a publish",
        size,
        *timed(
            get(client, urls["api_list"], **auth),
            repeat,
            before=publisher(client, urls["api_list"], **auth),
        ),
        anchor="stock v2 fields=*",
    )
    table.add(
        group,
        "ours, every cache emptied",
        size,
        *timed(get(client, urls["api_list"], **auth), repeat, before=cold),
        anchor="stock v2 fields=*",
    )
    v2 = "/api/v2/pages/?type=trainings.TrainingPage&fields=*&limit=20"
    table.add(
        group,
        "stock v2 fields=*",
        size,
        *timed(get(client, v2), max(5, repeat // 3)),
        anchor="framework floor",
    )
    table.add(
        group,
        "detail, repeated",
        size,
        *timed(get(client, urls["api_detail"], **auth), repeat),
        anchor="framework floor",
    )

    group = "public site"
    table.add(group, "listing, warm", size, *timed(get(client, index.url), repeat))
    table.add(
        group,
        "listing, cold cards",
        size,
        *timed(get(client, index.url), repeat, before=cold),
        anchor="listing, warm",
    )
    table.add(group, "detail page, warm", size, *timed(get(client, detail.url), repeat))
    return urls


def measure_search(table: Table, size: int, repeat: int, key: str, group: str) -> None:
    from search.service import search_pages

    client = Client()
    for language, query in SEARCHES:
        outcome = search_pages(query, language)
        # A row measures the backend it names: not the fallback, not an empty index.
        assert outcome.total and not outcome.degraded, (group, query, outcome)
        table.add(
            group,
            f"service {language} “{query}”",
            size,
            *timed(lambda q=query, lang=language: search_pages(q, lang), repeat),
        )
    table.add(
        group,
        "API /api/v1/search/?q=koulutuksen",
        size,
        *timed(get(client, "/api/v1/search/?q=koulutuksen", HTTP_X_API_KEY=key), repeat),
    )
    table.add(
        group,
        "site /fi/search/?q=koulutuksen",
        size,
        *timed(get(client, "/fi/search/?q=koulutuksen"), repeat),
    )


def search_engine() -> str | None:
    """The engine answering search (``scripts/with-search-engine``), or None for the database."""
    from search.engine import has_fallback

    return os.environ.get("SEARCH_ENGINE", "search engine") if has_fallback() else None


def measure_search_backends(table: Table, size: int, repeat: int, key: str) -> None:
    """Search rows on the database, and on the search engine too when one is configured.

    With an engine the pages were written to both (the database backend is the engine's
    fallback), so one dataset gives both sets of rows.
    """
    from modelsearch.backends import get_search_backend

    from search.config import DATABASE_BACKEND

    engine = search_engine()
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": dict(DATABASE_BACKEND)}):
        measure_search(table, size, repeat, key, f"search ({connection.vendor})")
    if engine:
        get_search_backend("default").refresh_indexes()  # every page written is searchable
        measure_search(table, size, repeat, key, f"search ({engine})")


def measure_editorial(table: Table, size: int) -> None:
    from cms.editorial.status import translation_status

    table.add("editorial", "translation status report", size, *timed(translation_status, 3))


def machine() -> dict:
    import wagtail

    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
        "database": f"{connection.vendor} {connection.Database.__name__}",
        "load_average": [round(load, 2) for load in os.getloadavg()],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, short runs")
    parser.add_argument("--sizes", help="Finnish trainings per step, e.g. 1000,10000,50000")
    parser.add_argument("--repeat", type=int)
    parser.add_argument("--duration", type=int, help="seconds of load per HTTP row")
    parser.add_argument("--no-http", action="store_true")
    parser.add_argument("--search-only", action="store_true", help="only the search rows")
    parser.add_argument(
        "--append", action="store_true", help="add the rows to bench/results/latest.json"
    )
    args = parser.parse_args()
    sizes = [
        int(s)
        for s in (args.sizes or ("300,1000" if args.quick else "1000,10000,50000")).split(",")
    ]
    repeat = args.repeat or (15 if args.quick else 30)
    duration = args.duration or (3 if args.quick else 10)

    if os.environ["DATABASE_URL"] == f"sqlite:///{DEFAULT_DB}":
        DEFAULT_DB.unlink(missing_ok=True)
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    from wagtail.models import Page

    from cms.api.models import PartnerKey
    from cms.vocabularies.models import Organisation

    if search_engine():
        # The engine's indexes with the project's analysis, before pages are written to them.
        call_command("reindex", backend_name="default", verbosity=0)
    table = Table()
    load_during: list[float] = []
    started = time.monotonic()
    key = None
    for size in sizes:
        grow(size)
        if key is None:
            organisation = Organisation.objects.filter(locale__language_code="fi").first()
            _row, key = PartnerKey.issue(name="bench", organisation=organisation, daily_quota=10**9)
        load_during.append(os.getloadavg()[0])
        if not args.search_only:
            urls = measure_in_process(table, size, repeat, key)
            measure_editorial(table, size)
        measure_search_backends(table, size, repeat, key)
        print(table.markdown().splitlines()[-1], file=sys.stderr)
    http = {}
    if not (args.no_http or args.search_only):
        http = serve_and_load(table, sizes[-1], urls, key, duration)
    report = {
        "machine": machine(),
        "dataset": {
            "sizes": sizes,
            "pages": Page.objects.count(),
        },
        "load_average_during": load_during,
        "elapsed_s": round(time.monotonic() - started),
        "rows": table.rows,
        "http": http,
    }
    if args.append and RESULTS.exists():
        earlier = json.loads(RESULTS.read_text())
        earlier["rows"].extend(table.rows)
        earlier.setdefault("appended", []).append(
            {key: report[key] for key in report if key != "rows"}
        )
        table.rows, report = earlier["rows"], earlier
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2, default=str))
    print(
        f"\n{report['dataset']['pages']} pages; {connection.vendor}; load average "
        f"{' '.join(str(x) for x in report['machine']['load_average'])} (2 cores shared)\n"
    )
    print(table.markdown())
    if http.get("rss_mb"):
        print(f"\nworker RSS after the load: {', '.join(f'{m:.0f} MB' for m in http['rss_mb'])}")


if __name__ == "__main__":
    main()
