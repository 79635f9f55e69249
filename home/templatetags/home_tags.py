"""Template tags for core pages of the home app, used in every page's footer."""

from __future__ import annotations

from django import template
from wagtail.models import Locale, Page

from home.accessibility import AccessibilityStatementPage

register = template.Library()


@register.simple_tag(takes_context=True)
def accessibility_statement(context: template.Context) -> Page | None:
    """The live accessibility statement of the active language, or of the default one."""
    statements = AccessibilityStatementPage.objects.live().public().select_related("locale")
    by_language = {page.locale.language_code: page for page in statements}
    return by_language.get(Locale.get_active().language_code) or by_language.get(
        Locale.get_default().language_code
    )
