"""``manage.py seed_bench --trainings N --news M --projects P --networks K --seed S``.

Builds the benchmark dataset (:mod:`cms.seeding`): vocabularies and listing pages the
editor's way, the content pages in bulk, with a progress bar on stderr.
"""

from __future__ import annotations

import sys
import time

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from cms.plugins import registry
from cms.seeding import TRANSLATED_SHARE, seed


class Command(BaseCommand):
    help = "Create a large, deterministic fi/sv/en dataset for the benchmarks (bulk inserts)."

    def add_arguments(self, parser: CommandParser) -> None:
        for plugin in registry:
            parser.add_argument(
                f"--{plugin.key}",
                type=int,
                default=0,
                help=f"Finnish {plugin.key} to create (translations come on top).",
            )
        parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, *args, **options) -> None:
        counts = {plugin.key: options[plugin.key.replace("-", "_")] for plugin in registry}
        expected = round(sum(counts.values()) * (1 + sum(TRANSLATED_SHARE.values())))
        started = time.monotonic()
        show = not options["no_progress"] and expected > 0

        def progress(done: int) -> None:
            if not show:
                return
            share = min(1.0, done / expected)
            bar = "#" * int(share * 30)
            rate = done / max(time.monotonic() - started, 1e-6)
            sys.stderr.write(f"\r[{bar:<30}] {done}/~{expected} pages, {rate:.0f}/s")
            sys.stderr.flush()

        with transaction.atomic():
            created = seed(counts, seed=options["seed"], progress=progress)
        if show:
            sys.stderr.write("\n")
        elapsed = time.monotonic() - started
        total = sum(created.values())
        summary = ", ".join(f"{count} {key}" for key, count in created.items())
        self.stdout.write(f"Created {total} pages ({summary}) in {elapsed:.1f} s.")
