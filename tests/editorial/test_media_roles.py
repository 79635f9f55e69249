"""Images and documents for every writer role, driven through the admin views.

Wagtail's collection permission policies check ``wagtailimages.Image`` and
``wagtaildocs.Document`` permissions whatever the image model is; these tests go through
the library, the chooser, upload and edit as each writer role, never through ``has_perm``.
"""

from __future__ import annotations

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from cms.editorial.roles import COMMUNICATIONS, TRANSLATORS
from cms.editorial.sections import section_roles
from cms.testing import login

#: Communications and every section's writer role, whichever plugins declare them.
WRITER_GROUPS = list(dict.fromkeys([COMMUNICATIONS.name, *(role.name for role in section_roles())]))


def _png() -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 6), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("kuva.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def demo_image(roles):
    return get_image_model().objects.create(
        title="Verkostotapaaminen", alt_text="Ihmisiä pöydän ääressä", file=_png()
    )


@pytest.mark.parametrize("group", WRITER_GROUPS)
def test_writer_lists_chooses_uploads_and_edits_images(client, make_editor, demo_image, group):
    login(client, make_editor(group))

    library = client.get(reverse("wagtailimages:index"))
    assert library.status_code == 200
    assert "Verkostotapaaminen" in library.content.decode()

    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    chooser_html = chooser.json()["html"]
    assert "Verkostotapaaminen" in chooser_html
    assert 'id="tab-label-upload"' in chooser_html or "upload" in chooser_html.lower()

    upload = client.post(
        reverse("wagtailimages:add"),
        {"title": "Koulutuspäivä", "alt_text": "Kouluttaja puhuu", "file": _png()},
    )
    assert upload.status_code == 302, upload.content.decode()[:2000]
    uploaded = get_image_model().objects.get(title="Koulutuspäivä")

    edit = client.post(
        reverse("wagtailimages:edit", args=[demo_image.id]),
        {"title": "Verkostotapaaminen 2026", "alt_text": "Ihmisiä pöydän ääressä"},
    )
    assert edit.status_code == 302
    demo_image.refresh_from_db()
    assert demo_image.title == "Verkostotapaaminen 2026"
    assert uploaded.uploaded_by_user is not None


@pytest.mark.parametrize("group", WRITER_GROUPS)
def test_writer_uploads_and_chooses_documents(client, make_editor, roles, group):
    login(client, make_editor(group))
    upload = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Hakuohje",
            "file": SimpleUploadedFile("hakuohje.txt", b"Hakuaika 21.11.", "text/plain"),
        },
    )
    assert upload.status_code == 302, upload.content.decode()[:2000]
    document = get_document_model().objects.get(title="Hakuohje")
    assert client.get(reverse("wagtaildocs:index")).status_code == 200
    chooser = client.get(reverse("wagtaildocs_chooser:choose"))
    assert "Hakuohje" in chooser.json()["html"]
    edit = client.get(reverse("wagtaildocs:edit", args=[document.id]))
    assert edit.status_code == 200


def test_translator_chooses_images_but_does_not_upload(client, translator, demo_image):
    """Translators translate: they may pick an image for a translation, not change the library."""
    assert TRANSLATORS.name
    login(client, translator)
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    assert "Verkostotapaaminen" in chooser.json()["html"]
    upload = client.post(
        reverse("wagtailimages:add"), {"title": "X", "alt_text": "X", "file": _png()}
    )
    assert upload.status_code in (302, 403)
    assert not get_image_model().objects.filter(title="X").exists()
