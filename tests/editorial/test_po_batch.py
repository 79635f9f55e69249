"""Batch PO export and import for a whole section and locale (``manage.py translation_po``)."""

from __future__ import annotations

import polib
import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from pages.trainings.factories import TrainingPageFactory


@pytest.fixture
def trainings(training, training_indexes):
    second = TrainingPageFactory(parent=training_indexes["fi"], title="Hybridiopetuksen työpaja")
    return [training, second]


def _translate_file(path, prefix: str) -> None:
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = f"{prefix} {entry.msgid}"
    po.save(str(path))


def _export(directory, language: str) -> None:
    call_command(
        "translation_po",
        "export",
        "--section",
        "trainings",
        "--locale",
        language,
        "--output",
        str(directory),
    )


def test_export_then_import_creates_draft_translations(tmp_path, trainings, locales):
    _export(tmp_path, "sv")
    files = sorted(tmp_path.glob("*.sv.po"))
    assert len(files) == 3, "the listing page and both trainings"
    for path in files:
        _translate_file(path, "SV")

    call_command("translation_po", "import", "--locale", "sv", str(tmp_path))
    for page in trainings:
        swedish = Page.objects.get(translation_key=page.translation_key, locale=locales["sv"])
        assert swedish.get_latest_revision_as_object().title == f"SV {page.title}"
        assert not swedish.live or swedish.has_unpublished_changes, "imports are drafts"


def test_import_refuses_a_file_for_another_locale(tmp_path, trainings):
    _export(tmp_path, "en")
    with pytest.raises(CommandError, match="1 of 1 files"):
        call_command(
            "translation_po", "import", "--locale", "sv", str(sorted(tmp_path.glob("*.po"))[0])
        )


def test_import_refuses_a_file_that_is_not_po(tmp_path, roles):
    junk = tmp_path / "notes.po"
    junk.write_text("this is not gettext")
    with pytest.raises(CommandError, match="not imported"):
        call_command("translation_po", "import", "--locale", "sv", str(junk))


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["export", "--section", "nosuch", "--locale", "sv", "--output", "x"], "Unknown section"),
        (["export", "--section", "trainings", "--locale", "de", "--output", "x"], "Unknown locale"),
        (["export", "--section", "trainings", "--locale", "fi", "--output", "x"], "source"),
        (["import", "--locale", "sv", "/nonexistent.po"], "no such file"),
    ],
)
def test_bad_arguments_are_explained(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("translation_po", *arguments)
