"""Per-page PO upload, hardened: a file without wagtail-localize's header is an error, not a 500.

wagtail-localize's own upload view reads the ``X-WagtailLocalize-TranslationID`` header
without checking that it exists, so a PO file from elsewhere (a translation agency's
tool that dropped the header) crashes it. This view answers such files with a message
and hands every other upload to wagtail-localize unchanged.
"""

from __future__ import annotations

import os
import tempfile

import polib
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.views import edit_translation

from cms.editorial.po import TRANSLATION_ID_KEY


def _upload_problem(request: HttpRequest) -> str | None:
    upload = request.FILES.get("file")
    if upload is None:
        return _("Choose a PO file to upload.")
    # polib treats a string argument as a path when one exists, so parse a temporary file
    # (as wagtail-localize does) rather than the uploaded text itself.
    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    try:
        po = polib.pofile(handle.name)
    except (OSError, UnicodeDecodeError, ValueError):
        return _("Please upload a valid PO file.")
    finally:
        os.unlink(handle.name)
        upload.seek(0)
    if TRANSLATION_ID_KEY not in po.metadata:
        return _(
            "This PO file does not say which translation it belongs to. "
            "Download the PO file of this page again and translate that one."
        )
    return None


def upload_pofile(request: HttpRequest, translation_id: int) -> HttpResponse:
    problem = _upload_problem(request) if request.method == "POST" else None
    if problem is None:
        return edit_translation.upload_pofile(request, translation_id)
    messages.error(request, problem)
    return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
