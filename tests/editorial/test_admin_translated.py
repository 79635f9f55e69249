"""The admin screens an editor uses are wholly Finnish (and Swedish): no English strings.

Every string Django, Wagtail, wagtail-localize or this project translates while rendering
the screens is recorded; a string that has no Finnish (Swedish) translation in the merged
catalogues, ours in ``locale/`` and ``locale/admin/`` included, fails the test with its
text, so the fix is to add it to ``locale/admin/<lang>/LC_MESSAGES/django.po``.
"""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from cms.testing import login
from cms.translation import translate
from cms.vocabularies.factories import OrganisationFactory
from cms.vocabularies.models import Organisation


def _screens(event, swedish, event_indexes) -> list[str]:
    source = TranslationSource.objects.get(object_id=event.translation_key)
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[event_indexes["fi"].id]),
        reverse("wagtailadmin_pages:edit", args=[event.id]),
        reverse(
            "wagtailadmin_pages:add",
            args=["events", "eventpage", event_indexes["fi"].id],
        ),
        reverse("wagtailadmin_pages:edit", args=[swedish.id]),
        reverse("wagtail_localize:update_translations", args=[source.id]),
        reverse("wagtail_localize:submit_page_translation", args=[event.id]),
        reverse("wagtailadmin_pages:history", args=[event.id]),
        reverse("wagtailimages:index"),
        reverse("wagtaildocs:index"),
        reverse("editorial_translation_status"),
        reverse("editorial_parity"),
        reverse("editorial_scheduled"),
        reverse(Organisation.snippet_viewset.chooser_viewset.get_url_name("choose")),
    ]


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_editor_screens_have_no_english(
    client, communications, event, event_indexes, locales, untranslated, language
):
    swedish = translate(event, locales["sv"], {"title": "Studiehandledarnas nätverksdag"})
    OrganisationFactory(name="Opetushallitus")  # rows in the organiser chooser
    UserProfile.objects.filter(user=communications).update(preferred_language=language)
    login(client, communications)
    for url in _screens(event, swedish, event_indexes):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode().lower()
        # A page's title is not a "job title"; languages are not "Maa-asetustot".
        assert "tehtävänimike" not in html and "maa-asetustot" not in html, url
    missing = sorted(untranslated.get(language, set()))
    assert not missing, f"{len(missing)} untranslated in {language}:\n" + "\n".join(missing)
