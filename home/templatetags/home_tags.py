"""Template tags for core pages of the home app, used in every page's footer."""

from __future__ import annotations

from django import template
from wagtail.models import Locale, Page

from cms.site.navigation import home_children
from cms.visibility import visible
from home.accessibility import AccessibilityStatementPage

register = template.Library()


@register.simple_tag(takes_context=True)
def accessibility_statement(context: template.Context) -> Page | None:
    """The accessibility statement of the active language, else the default language's."""
    request = context.get("request")
    if request is None:
        return None
    for page in home_children(request):
        if page.specific_class is AccessibilityStatementPage:
            return page
    statements = AccessibilityStatementPage.objects.filter(locale=Locale.get_default())
    return visible(statements, request).first()
