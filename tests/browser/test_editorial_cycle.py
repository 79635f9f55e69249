"""One full editorial cycle in a real browser (Debian's Chromium through Playwright).

Write a news item in Finnish, submit it, review and publish it as another communications
editor, translate it into Swedish by uploading a PO file, and publish the translation.
Uses the shared fixtures of ``tests/browser/conftest.py``.
"""

from __future__ import annotations

import polib
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from cms.editorial.roles import COMMUNICATIONS, setup_roles
from cms.translation import translate
from pages.news.factories import NewsIndexPageFactory
from pages.news.models import NewsPage

PASSWORD = "browser-cycle-password"

pytestmark = [
    pytest.mark.product,
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def newsroom(translated_home_pages):
    index = NewsIndexPageFactory(parent=translated_home_pages["fi"])
    translate(index, Locale.objects.get(language_code="sv"), {"title": "Nyheter"})
    setup_roles()
    editors = {}
    for username in ("kirjoittaja", "tarkastaja"):
        user = get_user_model().objects.create_user(
            username, f"{username}@example.fi", PASSWORD, first_name=username, last_name="X"
        )
        user.groups.add(Group.objects.get(name=COMMUNICATIONS.name))
        # Per-user admin language: these two work in the English admin.
        UserProfile.objects.filter(user=user).update(preferred_language="en")
        editors[username] = user
    return index, editors


def _log_in(page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def _log_out(page, base_url: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base_url}/admin/login/")


def _footer_action(page, selector: str) -> None:
    """Open the editor's footer action menu and press one of its actions."""
    action = page.locator(selector).first
    if not action.is_visible():
        page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    action.click()


def test_write_review_publish_translate_publish(base_url, browser_page, newsroom, tmp_path):
    page, base = browser_page, base_url
    index, _editors = newsroom

    # 1. The writer drafts a news item in Finnish and submits it for review.
    _log_in(page, base, "kirjoittaja")
    page.goto(f"{base}/admin/pages/add/news/newspage/{index.id}/")
    page.fill("#id_title", "Valtionavustusta ammatillisen koulutuksen johtamiseen")
    page.fill("#id_lead", "Ammatillisen koulutuksen järjestäjät voivat hakea avustusta.")
    page.fill("#id_publication_date", "2026-11-23")
    _footer_action(page, "button[name='action-submit']")
    page.wait_for_url(f"{base}/admin/pages/{index.id}/")
    news = NewsPage.objects.get(locale__language_code="fi")
    assert not news.live
    assert news.current_workflow_state.status == "in_progress"

    # 2. Another communications editor approves it, which publishes it.
    _log_out(page, base)
    _log_in(page, base, "tarkastaja")
    page.goto(f"{base}/admin/pages/{news.id}/edit/")
    _footer_action(page, "button[data-workflow-action-name='approve']")
    page.wait_for_url(f"{base}/admin/**")
    news.refresh_from_db()
    assert news.live
    assert page.request.get(f"{base}{news.url}").ok

    # 3. Translate into Swedish from the page's menu ("Translate"), as wagtail-localize does.
    swedish_locale = Locale.objects.get(language_code="sv")
    page.goto(f"{base}/admin/localize/submit/page/{news.id}/")
    page.check(f"input[name='locales'][value='{swedish_locale.id}']")
    page.click("form[method=POST] input[type=submit]")
    page.wait_for_url(f"{base}/admin/pages/*/edit/")
    swedish = Page.objects.get(translation_key=news.translation_key, locale=swedish_locale)
    assert not swedish.live

    # 4. Download the PO file, translate it as an agency would, and upload it.
    translation = Translation.objects.get(
        source__object_id=news.translation_key, target_locale=swedish_locale
    )
    po_url = reverse("wagtail_localize:download_pofile", args=[translation.id])
    po = polib.pofile(page.request.get(f"{base}{po_url}").text())
    swedish_titles = {
        "Valtionavustusta ammatillisen koulutuksen johtamiseen": (
            "Statsunderstöd för ledning inom yrkesutbildningen"
        ),
        "Ammatillisen koulutuksen järjestäjät voivat hakea avustusta.": (
            "Anordnare av yrkesutbildning kan ansöka om understöd."
        ),
    }
    for entry in po:
        entry.msgstr = swedish_titles.get(entry.msgid, entry.msgid)
    po_file = tmp_path / "sv.po"
    po.save(str(po_file))
    page.set_input_files("form[action*='pofile/upload'] input[type=file]", str(po_file))
    page.wait_for_load_state("networkidle")

    # 5. Publish the translation.
    page.get_by_role("button", name="Publish in").click()
    page.wait_for_load_state("networkidle")
    swedish.refresh_from_db()
    assert swedish.live
    assert swedish.title == "Statsunderstöd för ledning inom yrkesutbildningen"
    public = page.goto(f"{base}{swedish.url}")
    assert public.ok
    assert "Anordnare av yrkesutbildning" in page.content()
