"""``manage.py reindex [--locale fi] [--backend default]``: rebuild the search indexes.

Without ``--locale`` every backend's indexes are rebuilt from scratch (atomically where the
backend supports it) and the queue of pending updates is emptied, since the fresh index
already holds them. With ``--locale`` the objects of those locales are written again into the
existing indexes, which is what a locale's new analysis (or a fixed translation) needs.
A progress bar per locale shows how far each model has got.
"""

from __future__ import annotations

from collections.abc import Iterator

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import QuerySet
from django.utils import timezone
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config
from modelsearch.index import get_indexed_models
from wagtail.models import Locale, TranslatableMixin

from search.engine import ENGINE_ERRORS, mark_engine_up
from search.models import PendingIndexUpdate

BAR_WIDTH = 30
ALL_LOCALES = "-"


def chunks(queryset: QuerySet, size: int) -> Iterator[list]:
    """``queryset`` in primary-key order, ``size`` objects at a time, without OFFSET scans."""
    last_pk = None
    while True:
        page = queryset.order_by("pk")
        if last_pk is not None:
            page = page.filter(pk__gt=last_pk)
        batch = list(page[:size])
        if not batch:
            return
        yield batch
        last_pk = batch[-1].pk


class ProgressBar:
    """``fi  wagtailcore.Page  [##########----]  70%  700/1000`` redrawn in place."""

    def __init__(self, stream, label: str, total: int, enabled: bool) -> None:
        self.stream, self.label, self.total, self.enabled = stream, label, total, enabled
        self.done = 0

    def advance(self, count: int) -> None:
        self.done += count
        if self.enabled:
            share = self.done / self.total if self.total else 1
            filled = int(share * BAR_WIDTH)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            self.stream.write(
                f"\r{self.label:<40} [{bar}] {share:4.0%} {self.done}/{self.total}", ending=""
            )
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            if not self.done:
                self.advance(0)
            self.stream.write("")


class Command(BaseCommand):
    help = "Rebuild the search indexes, all of them or only the objects of some locales."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--locale",
            action="append",
            dest="locales",
            metavar="CODE",
            help="Only reindex objects of this locale (repeatable), e.g. --locale fi.",
        )
        parser.add_argument("--backend", dest="backend_name", help="Only this backend.")
        parser.add_argument("--chunk-size", type=int, default=500, help="Objects per request.")

    def handle(self, *args, locales=None, backend_name=None, chunk_size=500, **options) -> None:
        self.verbosity = options["verbosity"]
        if chunk_size < 1:
            raise CommandError("--chunk-size must be at least 1.")
        locale_objects = self.resolve_locales(locales or [])
        configured = list(get_app_config().get_search_backend_config())
        if backend_name and backend_name not in configured:
            raise CommandError(f"Unknown backend {backend_name!r}; use one of {configured}.")
        started = timezone.now()
        for name in [backend_name] if backend_name else configured:
            backend = get_search_backend(name)
            try:
                count = self.reindex_backend(name, backend, locale_objects, chunk_size)
            except ENGINE_ERRORS as error:
                raise CommandError(f"Search backend {name!r} is unreachable: {error}") from error
            if self.verbosity > 0:
                self.stdout.write(self.style.SUCCESS(f"{name}: indexed {count} objects"))
        if not locale_objects and not backend_name:
            PendingIndexUpdate.objects.filter(queued_at__lt=started).delete()
            mark_engine_up()

    def resolve_locales(self, codes: list[str]) -> list[Locale]:
        found = {locale.language_code: locale for locale in Locale.objects.all()}
        unknown = [code for code in codes if code not in found]
        if unknown:
            raise CommandError(f"Unknown locale(s) {unknown}; use some of {sorted(found)}.")
        return [found[code] for code in codes]

    def models_by_index(self, backend) -> dict:
        grouped: dict = {}
        for model in get_indexed_models():
            index = backend.get_index_for_model(model)
            grouped.setdefault(index.get_key(), (index, []))[1].append(model)
        return grouped

    def reindex_backend(self, name: str, backend, locales: list[Locale], chunk_size: int) -> int:
        count = 0
        for index, models in self.models_by_index(backend).values():
            rebuilder = None
            if not locales and backend.rebuilder_class:
                rebuilder = backend.rebuilder_class(index)
                index = rebuilder.start()
            for model in models:
                index.add_model(model)
                for locale_code, queryset in self.querysets(model, locales):
                    count += self.index_queryset(
                        index,
                        model,
                        queryset,
                        f"{name} {locale_code} {model._meta.label}",
                        chunk_size,
                    )
            if rebuilder is not None:
                rebuilder.finish()
            elif hasattr(index, "refresh"):
                index.refresh()
        return count

    def querysets(self, model, locales: list[Locale]) -> Iterator[tuple[str, QuerySet]]:
        """The model's indexed objects per locale (or all at once if it has no locale)."""
        queryset = model.get_indexed_objects()
        if not issubclass(model, TranslatableMixin):
            if not locales:
                yield ALL_LOCALES, queryset
            return
        for locale in locales or Locale.objects.order_by("pk"):
            yield locale.language_code, queryset.filter(locale=locale)

    def index_queryset(self, index, model, queryset: QuerySet, label: str, size: int) -> int:
        total = queryset.count()
        progress = ProgressBar(self.stdout, label, total, self.verbosity > 0 and total > 0)
        for batch in chunks(queryset, size):
            index.add_items(model, batch)
            progress.advance(len(batch))
        progress.close()
        return total
