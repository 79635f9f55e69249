"""``manage.py translation_po export|import``: PO files for a whole section and locale."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from cms.editorial.po import POImportError, export_section, import_po_file
from cms.plugins import registry


class Command(BaseCommand):
    help = (
        "Export PO files for every page of a section into a directory, or import translated "
        "PO files (one per page) as draft translations."
    )

    def add_arguments(self, parser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        export = actions.add_parser("export", help="Write one PO file per page.")
        export.add_argument("--section", required=True, help="Section key, e.g. news.")
        export.add_argument("--locale", required=True, help="Target language code, e.g. sv.")
        export.add_argument("--output", required=True, type=Path, help="Directory to write.")
        imports = actions.add_parser("import", help="Import translated PO files as drafts.")
        imports.add_argument("--locale", required=True, help="Target language code, e.g. sv.")
        imports.add_argument("files", nargs="+", type=Path, help="PO files or directories.")

    def _locale(self, code: str) -> Locale:
        if code == settings.LANGUAGE_CODE:
            raise CommandError(f"{code!r} is the source language; choose a target language.")
        try:
            return Locale.objects.get(language_code=code)
        except Locale.DoesNotExist:
            codes = ", ".join(Locale.objects.values_list("language_code", flat=True))
            raise CommandError(f"Unknown locale {code!r}; choose one of: {codes}.") from None

    def handle(self, *args, action: str, **options) -> None:
        locale = self._locale(options["locale"])
        if action == "export":
            self._export(options["section"], locale, options["output"])
        else:
            self._import(options["files"], locale)

    def _export(self, section: str, locale: Locale, output: Path) -> None:
        if section not in registry:
            keys = ", ".join(plugin.key for plugin in registry)
            raise CommandError(f"Unknown section {section!r}; choose one of: {keys}.")
        written = export_section(registry.get(section), locale, output)
        self.stdout.write(self.style.SUCCESS(f"Wrote {len(written)} PO files to {output}."))

    def _import(self, paths: list[Path], locale: Locale) -> None:
        files = []
        for path in paths:
            if path.is_dir():
                files.extend(sorted(path.glob("*.po")))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(f"{path}: no such file or directory.")
        failures = []
        for path in files:
            try:
                result = import_po_file(path, locale)
            except POImportError as error:
                failures.append(str(error))
                self.stderr.write(str(error))
                continue
            self.stdout.write(f"{path.name}: draft saved for “{result.page.title}”.")
            for warning in result.warnings:
                self.stdout.write(f"  warning: {warning}")
        if failures:
            raise CommandError(f"{len(failures)} of {len(files)} files were not imported.")
        self.stdout.write(self.style.SUCCESS(f"Imported {len(files)} PO files as drafts."))
