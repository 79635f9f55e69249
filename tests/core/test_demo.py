"""``load_demo`` builds the same site however often it runs."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page
from wagtail_localize.models import Translation

from cms.plugins import registry


def site_snapshot() -> list[tuple]:
    return sorted(
        Page.objects.filter(depth__gt=1).values_list(
            "locale__language_code", "url_path", "title", "live", "numchild"
        )
    )


@pytest.mark.django_db(transaction=False)
def test_load_demo_twice_gives_the_same_site():
    output = io.StringIO()
    call_command("load_demo", force=True, stdout=output)
    first = site_snapshot()
    call_command("load_demo", force=True, stdout=output)
    assert site_snapshot() == first
    assert "password 'eduverkko-demo'" in output.getvalue()

    for plugin in registry:
        for language in ("fi", "sv", "en"):
            listed = plugin.page_model.objects.live().filter(locale__language_code=language)
            assert listed.exists(), f"no {plugin.key} demo pages in {language}"
    # Search engines' Article and Event results ask for an image: every demo page that can
    # carry one does.
    for plugin in registry:
        if any(field.name == "image" for field in plugin.page_model._meta.get_fields()):
            without = plugin.page_model.objects.filter(image__isnull=True)
            assert not without.exists(), f"{plugin.key} demo pages without an image"
    # Swedish and English pages are real wagtail-localize translations editors can open.
    finnish_pages = Page.objects.filter(locale__language_code="fi", depth__gt=1).count()
    assert Translation.objects.filter(target_locale__language_code="sv").count() >= finnish_pages


@pytest.mark.django_db
def test_load_demo_refuses_outside_debug_unless_forced(settings):
    from django.contrib.auth import get_user_model
    from django.core.management import CommandError

    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())
    assert not get_user_model().objects.filter(username="admin").exists()
