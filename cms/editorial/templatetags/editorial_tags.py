"""``{% closed_mark page as mark %}``: whether a page's date has passed (computed, no republish)."""

from __future__ import annotations

from django import template

from cms.editorial.sections import ClosedMark, closed_mark

register = template.Library()


@register.simple_tag(name="closed_mark")
def page_closed_mark(page) -> ClosedMark | None:
    return closed_mark(page)
