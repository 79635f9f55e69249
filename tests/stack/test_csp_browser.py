"""No Content-Security-Policy violation on the public site, in the Wagtail admin (with the
wagtail-localize translation editor) or in the API docs, in Chromium, under the stack's
production settings."""

from __future__ import annotations

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

pytestmark = [pytest.mark.product, pytest.mark.backend_independent, pytest.mark.browser]

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""

FIND_PAGES = """
import json
from wagtail.models import Page
from wagtail_localize.models import Translation
from pages.news.models import NewsPage
news = NewsPage.objects.live().filter(locale__language_code='fi').order_by('pk').first()
# The first Swedish translation of a page (vocabulary rows are translated the same way).
translations = Translation.objects.filter(target_locale__language_code='sv').order_by('pk')
target = next(
    (translation.get_target_instance() for translation in translations
     if issubclass(translation.source.specific_content_type.model_class(), Page)),
    None,
)
print(json.dumps({
    'news': news.url, 'news_id': news.pk, 'translated_id': target.pk if target else None,
}))
"""


def test_no_csp_violation_on_site_admin_translation_editor_and_api_docs(stack, admin_session):
    from playwright.sync_api import sync_playwright

    pages = stack.shell(FIND_PAGES)
    assert pages["translated_id"], "the demo content has no wagtail-localize translation"
    public = ["/fi/", pages["news"], "/fi/search/?q=koulutus", "/api/v1/docs"]
    admin = [
        "/admin/",
        "/admin/pages/",
        "/admin/images/",
        f"/admin/pages/{pages['news_id']}/edit/",
        f"/admin/pages/{pages['translated_id']}/edit/",
    ]
    violations: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        context = browser.new_context(locale="fi-FI")
        context.add_init_script(RECORD_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(30_000)
        page.on(
            "console",
            lambda message: (
                violations.append(f"{page.url}: {message.text}")
                if "Content Security Policy" in message.text
                else None
            ),
        )

        def visit(path: str) -> None:
            response = page.goto(stack.url + path, wait_until="networkidle")
            stack.count("requests")
            assert response is not None and response.status == 200, (path, response)
            for violation in page.evaluate("window.__cspViolations"):
                violations.append(f"{path}: {violation}")

        for path in public:
            visit(path)
        # The last public page is the API docs: Swagger UI rendered from our static files.
        page.wait_for_selector("#swagger-ui .swagger-ui")
        page.goto(stack.url + "/admin/login/")
        page.fill("input[name=username]", "stackadmin")
        page.fill("input[name=password]", "Stack-Admin-Pass-2026")
        page.click("button[type=submit]")
        page.wait_for_url("**/admin/")
        for path in admin:
            visit(path)
        # The page visited last is the Swedish translation: wagtail-localize's React editor.
        editor_rendered = page.locator(".js-translation-editor > *").count()
        browser.close()
    assert violations == [], "\n".join(violations)
    assert editor_rendered, "the translation editor did not render"
