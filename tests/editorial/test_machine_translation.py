"""Machine translation: DeepL when a key is set, a dummy otherwise; results are always drafts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from cms.editorial.machine_translation import DeepLTranslator, DraftOnlyUpdateForm
from cms.testing import login
from cms.translation import translate

ROOT = Path(__file__).resolve().parents[2]


def _translator_class(**environment: str) -> str | None:
    script = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps((settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR or {}).get('CLASS')))"
    )
    env = {key: value for key, value in os.environ.items() if key != "DEEPL_API_KEY"}
    env.update(environment)
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_deepl_is_used_when_the_key_is_set_and_the_dummy_in_dev_otherwise():
    dev = {"DJANGO_SETTINGS_MODULE": "cms.settings.dev"}
    assert _translator_class(**dev, DEEPL_API_KEY="abc:fx").endswith(".DeepLTranslator")
    assert _translator_class(**dev).endswith(".DummyTranslator")


def test_deepl_gets_a_target_language_it_accepts():
    translator = DeepLTranslator({"AUTH_KEY": "key:fx"})
    finnish, english = Locale(language_code="fi"), Locale(language_code="en")
    parameters = translator.get_parameters(finnish, english, [])
    assert (parameters["source_lang"], parameters["target_lang"]) == ("FI", "EN-GB")
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"


def test_machine_translation_in_the_editor_leaves_a_draft(client, communications, event, locales):
    login(client, communications)
    client.post(
        reverse("wagtail_localize:submit_page_translation", args=[event.id]),
        {"locales": [locales["sv"].id]},
    )
    translation = Translation.objects.get(
        source__object_id=event.translation_key, target_locale=locales["sv"]
    )
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.id]),
        {"next": "/admin/"},
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(locale=locales["sv"]).exists()
    swedish = Page.objects.get(translation_key=event.translation_key, locale=locales["sv"])
    assert not swedish.live


def test_sync_cannot_publish_a_machine_translation(client, communications, event, locales):
    swedish = translate(event, locales["sv"], {"title": "Studiehandledarnas nätverksdag"})
    event.title = "Opinto-ohjaajien verkostopäivä, uusi nimi"
    event.save_revision().publish()
    source = TranslationSource.objects.get(object_id=event.translation_key)
    login(client, communications)
    url = reverse("wagtail_localize:update_translations", args=[source.id])
    response = client.post(url, {"use_machine_translation": "on", "publish_translations": "on"})
    assert response.status_code == 200
    with translation.override("fi"):  # new editors get the Finnish admin
        message = escape(str(DraftOnlyUpdateForm.DRAFTS_ONLY_MESSAGE))
    assert message in response.content.decode()
    swedish.refresh_from_db()
    assert swedish.title == "Studiehandledarnas nätverksdag", "nothing was published"

    response = client.post(url, {"use_machine_translation": "on"})
    assert response.status_code == 302
    swedish.refresh_from_db()
    assert swedish.title == "Studiehandledarnas nätverksdag"
