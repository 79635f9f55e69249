"""PO files: per page in wagtail-localize's editor, and per section with ``translation_po``."""

from __future__ import annotations

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation

from cms.testing import login
from tests.publications.factories import PublicationPageFactory


@pytest.fixture
def publications(publication, publication_indexes):
    second = PublicationPageFactory(parent=publication_indexes["fi"], title="Hybridiopetuksen opas")
    return [publication, second]


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
        "publications",
        "--locale",
        language,
        "--output",
        str(directory),
    )


def test_export_then_import_creates_draft_translations(tmp_path, publications, locales):
    _export(tmp_path, "sv")
    files = sorted(tmp_path.glob("*.sv.po"))
    assert len(files) == 3, "the listing page and both publications"
    for path in files:
        _translate_file(path, "SV")

    call_command("translation_po", "import", "--locale", "sv", str(tmp_path))
    for page in publications:
        swedish = Page.objects.get(translation_key=page.translation_key, locale=locales["sv"])
        assert swedish.get_latest_revision_as_object().title == f"SV {page.title}"
        assert not swedish.live or swedish.has_unpublished_changes, "imports are drafts"


def test_import_refuses_a_file_for_another_locale(tmp_path, publications):
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
        (
            ["export", "--section", "publications", "--locale", "de", "--output", "x"],
            "Unknown locale",
        ),
        (["export", "--section", "publications", "--locale", "fi", "--output", "x"], "source"),
        (["import", "--locale", "sv", "/nonexistent.po"], "no such file"),
    ],
)
def test_bad_arguments_are_explained(db, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("translation_po", *arguments)


def _start_translation(client, user, page, locale) -> Translation:
    """Log in and press "Translate" for ``page`` into ``locale``, as in the page's menu."""
    login(client, user)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.id]),
        {"locales": [locale.id]},
    )
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def test_per_page_upload_in_the_translation_editor_then_publish(
    client, communications, publication, locales, django_capture_on_commit_callbacks
):
    translation = _start_translation(client, communications, publication, locales["sv"])
    po = polib.pofile(
        client.get(reverse("wagtail_localize:download_pofile", args=[translation.id])).text
    )
    for entry in po:
        entry.msgstr = {publication.title: "Guide till kvalitetsstrategin"}.get(
            entry.msgid, entry.msgid
        )
    upload = SimpleUploadedFile("sv.po", str(po).encode(), content_type="text/x-gettext")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302
    swedish = translation.get_target_instance()
    assert not swedish.live, "an upload only fills in the translation"

    edit_url = reverse("wagtailadmin_pages:edit", args=[swedish.id])
    # wagtail-localize publishes when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    swedish.refresh_from_db()
    assert swedish.live
    assert swedish.title == "Guide till kvalitetsstrategin"


@pytest.mark.parametrize(
    "content",
    [b'msgid ""\nmsgstr ""\n"Language: sv\\n"\n\nmsgid "a"\nmsgstr "b"\n', b"\xff\xfe not po"],
    ids=["no-translation-header", "not-a-po-file"],
)
def test_per_page_upload_of_a_foreign_file_is_explained(
    client, communications, publication, locales, content
):
    translation = _start_translation(client, communications, publication, locales["sv"])
    strings_before = StringTranslation.objects.count()
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.id]),
        {"file": SimpleUploadedFile("agency.po", content), "next": "/admin/"},
        follow=True,
    )
    assert response.status_code == 200
    errors = [message for message in response.context["messages"] if message.level_tag == "error"]
    assert errors, "the editor is told why nothing was imported"
    assert StringTranslation.objects.count() == strings_before
