"""Every UI string of templates, forms and the admin's panels has a Finnish and a Swedish text."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCE_FOLDERS = ("cms", "home", "pages", "search", "locale")


@pytest.fixture(scope="module")
def extracted_catalogues(tmp_path_factory) -> Path:
    """The catalogues as ``makemessages`` would write them from the current source."""
    if shutil.which("xgettext") is None:
        pytest.fail("gettext is not installed (apt-get install gettext)")
    copy = tmp_path_factory.mktemp("source")
    for folder in SOURCE_FOLDERS:
        shutil.copytree(
            ROOT / folder, copy / folder, ignore=shutil.ignore_patterns("__pycache__", "*.mo")
        )
    shutil.copy(ROOT / "manage.py", copy / "manage.py")
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fi", "-l", "sv", "--no-obsolete"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "PATH": "/usr/bin:/bin"},
    )
    return copy / "locale"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_every_ui_string_is_translated(extracted_catalogues, language):
    catalogue = polib.pofile(str(extracted_catalogues / language / "LC_MESSAGES" / "django.po"))
    missing = [
        entry.msgid
        for entry in catalogue
        if not entry.obsolete and (entry.fuzzy or not entry.translated())
    ]
    assert missing == [], f"{len(missing)} strings lack a {language} translation: {missing[:20]}"


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_compiled_catalogues_are_current(language):
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    source = polib.pofile(str(folder / "django.po"))
    compiled = polib.mofile(str(folder / "django.mo"))
    assert {(e.msgctxt, e.msgid): e.msgstr for e in source.translated_entries()} == {
        (e.msgctxt, e.msgid): e.msgstr for e in compiled
    }
