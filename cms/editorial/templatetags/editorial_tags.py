"""Editorial template tags: a page's closed mark, and what scheduling does for the editor."""

from __future__ import annotations

from django import template
from wagtail.models import Page

from cms.editorial.scheduling import PageSchedule, ScheduleAction, page_schedule, schedule_action
from cms.editorial.sections import ClosedMark, closed_mark

register = template.Library()


@register.simple_tag(name="closed_mark")
def page_closed_mark(page) -> ClosedMark | None:
    return closed_mark(page)


@register.simple_tag(name="schedule_action", takes_context=True)
def page_schedule_action(context) -> ScheduleAction:
    """What the schedule dialog's button does for the current editor (edit or create view)."""
    request = context["request"]
    page = context.get("page")
    if page is not None and page.pk is not None:
        return schedule_action(request.user, page=page)
    parent_id = (
        request.resolver_match.kwargs.get("parent_page_id") if request.resolver_match else None
    )
    parent = Page.objects.filter(pk=parent_id).first() if parent_id else None
    return schedule_action(request.user, parent=parent)


@register.simple_tag(name="page_schedule")
def page_schedule_tag(page) -> PageSchedule:
    return page_schedule(page)
