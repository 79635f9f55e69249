"""Search latency at scale: ``python bench/search.py [--pages 10000] [--repeat 15] [--engine E]``.

Builds a throwaway test database (SQLite, or PostgreSQL when DATABASE_URL is set, e.g. through
``scripts/with-postgres``), fills it with training pages in fi, sv and en (60/20/20), indexes
them with ``manage.py reindex`` and prints a table of latencies of the full search service
(results, count, type and theme facets) and of title suggestions. Nothing is asserted.

``--engine opensearch`` (or ``opensearch:3.6.0``, ``elasticsearch``) also starts a throwaway
engine (scripts/search_engine.py), reindexes into it and adds its latencies as a third column
beside the database backend's.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django.utils import timezone  # noqa: E402

WORDS = {
    "fi": {
        "title": ["Täydennyskoulutus", "Koulutus", "Webinaari", "Työpaja", "Verkostotapaaminen"],
        "topic": ["varhaiskasvatuksen", "perusopetuksen", "lukiokoulutuksen", "kirjastojen"],
        "audience": ["opettajille", "rehtoreille", "ohjaajille", "henkilöstölle"],
        "lead": "Aluehallintoviraston koulutus opetus- ja kulttuuritoimen verkostoille.",
    },
    "sv": {
        "title": ["Fortbildning", "Utbildning", "Webbinarium", "Workshop", "Nätverksträff"],
        "topic": ["inom småbarnspedagogik", "i grundläggande utbildning", "för bibliotek"],
        "audience": ["för lärare", "för rektorer", "för handledare", "för personal"],
        "lead": "Regionförvaltningsverkets utbildning för nätverk inom undervisning och kultur.",
    },
    "en": {
        "title": ["Continuing education", "Training", "Webinar", "Workshop", "Network meeting"],
        "topic": ["in early childhood education", "in basic education", "for libraries"],
        "audience": ["for teachers", "for principals", "for counsellors", "for staff"],
        "lead": "Regional agency training for education and culture networks.",
    },
}
ROW = "{:<12} {:<5} {:<34} {:>6} {:>10.1f} {:>8.1f} {:>8.1f}"
ENGINE_COLUMNS = " {:>10.1f} {:>8.1f}"
QUERIES = [
    ("fi", "koulutus"),
    ("fi", "koulutuksen"),
    ("fi", "täydennyskoulutukset opettajille"),
    ("sv", "utbildningar"),
    ("en", "trainings"),
    ("fi", "xyzzy"),
]


def build_pages(total: int) -> None:
    from wagtail.models import Locale, Site

    from cms.translation import translate
    from pages.trainings.models import TrainingIndexPage, TrainingPage
    from search.indexing import paused_index_updates

    rng = random.Random(42)
    home = Site.objects.get(is_default_site=True).root_page.specific
    shares = {"fi": 0.6, "sv": 0.2, "en": 0.2}
    start = timezone.now() + dt.timedelta(days=30)
    with paused_index_updates(), transaction.atomic():
        homes = {"fi": home}
        for language, title in (("sv", "Startsida"), ("en", "Home")):
            homes[language] = translate(
                home, Locale.objects.get(language_code=language), {"title": title}
            )
        for language, share in shares.items():
            index = homes[language].add_child(
                instance=TrainingIndexPage(title=f"Trainings {language}", slug=f"t-{language}")
            )
            words = WORDS[language]
            for number in range(int(total * share)):
                title = " ".join(
                    [
                        rng.choice(words["title"]),
                        rng.choice(words["topic"]),
                        rng.choice(words["audience"]),
                    ]
                )
                index.add_child(
                    instance=TrainingPage(
                        title=f"{title} {number}",
                        slug=f"p-{number}",
                        lead=words["lead"],
                        starts_at=start,
                        ends_at=start + dt.timedelta(hours=6),
                    )
                )


def timed(repeat: int, function, *args) -> tuple[float, float, float]:
    """Wall median and 95th percentile and CPU median, in ms, of ``function(*args)``.

    CPU time (this process: Python and, for SQLite, the database) shows the cost apart
    from waiting for a busy machine; the load average is printed with the table.
    """
    function(*args)  # warm caches
    wall, cpu = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        function(*args)
        wall.append((time.perf_counter() - began) * 1000)
        cpu.append((time.process_time() - began_cpu) * 1000)
    wall.sort()
    p95 = wall[min(len(wall) - 1, math.ceil(len(wall) * 0.95) - 1)]
    return statistics.median(wall), p95, statistics.median(cpu)


def engine_backends(node) -> dict:
    from search.config import search_backends

    urls = {"ELASTICSEARCH_URL": "", "OPENSEARCH_URL": ""}
    urls[node.dist.url_variable] = node.url
    return search_backends(
        urls["ELASTICSEARCH_URL"], "bench", timeout=60, opensearch_url=urls["OPENSEARCH_URL"]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--engine", help="also measure this engine, e.g. opensearch")
    args = parser.parse_args()

    from django.test import override_settings

    from scripts.search_engine import EngineNode
    from search.config import search_backends
    from search.service import search_pages, suggest_titles

    setup_test_environment()
    node = EngineNode(args.engine) if args.engine else None
    database_only = override_settings(WAGTAILSEARCH_BACKENDS=search_backends("", ""))
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        if node is not None:
            node.start()
            override_settings(WAGTAILSEARCH_BACKENDS=engine_backends(node)).enable()
        began = time.perf_counter()
        build_pages(args.pages)
        built = time.perf_counter() - began
        began = time.perf_counter()
        call_command("reindex", verbosity=0)
        indexed = time.perf_counter() - began
        engine = f" and {node.dist.engine} {node.version()}" if node else ""
        print(
            f"\n{connection.vendor}{engine}: {args.pages} pages built in {built:.0f} s, "
            f"reindexed in {indexed:.0f} s ({args.pages / indexed:.0f} pages/s)\n"
        )
        print(f"load average: {' '.join(f'{load:.1f}' for load in os.getloadavg())}")
        header = ("operation", "lang", "query", "hits", "median ms", "p95 ms", "CPU ms")
        layout = "{:<12} {:<5} {:<34} {:>6} {:>10} {:>8} {:>8}"
        if node:
            header += (f"{node.dist.engine[:6]} med", "p95 ms")
            layout += " {:>10} {:>8}"
        print(layout.format(*header))
        operations = [("search", language, query, search_pages) for language, query in QUERIES]
        operations += [
            ("suggest", language, prefix, suggest_titles)
            for language, prefix in (("fi", "täyd"), ("sv", "fort"), ("en", "work"))
        ]
        for name, language, text, function in operations:
            with database_only:
                answer = function(text, language)
                count = answer.total if name == "search" else len(answer[0])
                row = ROW.format(
                    name, language, text, count, *timed(args.repeat, function, text, language)
                )
            if node:
                answer = function(text, language)
                engine_count = answer.total if name == "search" else len(answer[0])
                median, p95, _cpu = timed(args.repeat, function, text, language)
                row += ENGINE_COLUMNS.format(median, p95)
                if engine_count != count:
                    row += f"  ({engine_count} hits on the engine)"
            print(row)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        if node is not None:
            node.remove()


if __name__ == "__main__":
    main()
