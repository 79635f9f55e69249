"""Scheduling in one step: the schedule dialog's button publishes or submits on a schedule.

Wagtail's "Set publishing schedule" dialog only saves the times into a draft; the page
stays unpublished past its go-live time unless the editor also finds "Schedule to
publish". Our dialog button (``action-schedule``, see the overridden
``wagtailadmin/panels/publishing/schedule_publishing_panel.html``) instead takes the one
step the editor's role allows:

* who may publish the page schedules its publication (the revision is approved for its
  go-live time and the scheduler publishes it then);
* who may not submits the page for review with the schedule: approving it schedules the
  publication (see :func:`cms.editorial.review.publish_approved_workflow`);
* while a review is already under way the times are saved into the draft under review,
  which the approval then schedules.

The decision is made again on the server for every request, whatever the button said.

What is scheduled is shown beside the page's status (explorer rows, page header) and in
the "Scheduled publishing" report, for the pages each editor may edit.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.db.models import CharField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Cast
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Revision
from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.plugins import ContentTypePlugin, registry

#: The name of the schedule dialog's submit button.
SCHEDULE_FIELD = "action-schedule"
#: The page form's schedule fields (a dialog with neither filled in schedules nothing).
SCHEDULE_TIMES = ("go_live_at", "expire_at")


class ScheduleAction(StrEnum):
    PUBLISH = "publish"
    SUBMIT = "submit"
    SAVE = "save"

    @property
    def label(self) -> str:
        return str(SCHEDULE_LABELS[self])


SCHEDULE_LABELS = {
    ScheduleAction.PUBLISH: _("Schedule publication"),
    ScheduleAction.SUBMIT: _("Submit for review with this schedule"),
    ScheduleAction.SAVE: _("Save the schedule into the draft under review"),
}

#: The edit/create views' POST keys for each action (Wagtail reads these).
POST_KEYS = {ScheduleAction.PUBLISH: "action-publish", ScheduleAction.SUBMIT: "action-submit"}


def schedule_action(user, page: Page | None = None, parent: Page | None = None) -> ScheduleAction:
    """What scheduling does for ``user`` on ``page`` (or on a new page under ``parent``)."""
    if page is not None and page.pk is not None:
        permissions = page.permissions_for_user(user)
        if permissions.can_publish():
            return ScheduleAction.PUBLISH
        if permissions.can_submit_for_moderation():
            return ScheduleAction.SUBMIT
        return ScheduleAction.SAVE
    if parent is None:
        return ScheduleAction.SAVE
    if parent.permissions_for_user(user).can_publish_subpage():
        return ScheduleAction.PUBLISH
    return ScheduleAction.SUBMIT if parent.has_workflow else ScheduleAction.SAVE


def _take_schedule_step(request: HttpRequest, action: ScheduleAction) -> None:
    """Turn the schedule button into the edit view's publish or submit action."""
    if request.method != "POST" or not request.POST.get(SCHEDULE_FIELD):
        return
    if not any(request.POST.get(name) for name in SCHEDULE_TIMES):
        return
    key = POST_KEYS.get(action)
    if key is None:
        return
    post = request.POST.copy()
    post[key] = "1"
    request.POST = post


def before_edit_page(request: HttpRequest, page: Page) -> None:
    """``before_edit_page`` hook."""
    _take_schedule_step(request, schedule_action(request.user, page=page))


def before_create_page(request: HttpRequest, parent_page: Page, page_class: type) -> None:
    """``before_create_page`` hook."""
    _take_schedule_step(request, schedule_action(request.user, parent=parent_page))


@dataclass(frozen=True)
class PageSchedule:
    """When a page goes live (an approved, scheduled revision) and when it expires."""

    go_live_at: dt.datetime | None
    expire_at: dt.datetime | None

    def __bool__(self) -> bool:
        return bool(self.go_live_at or self.expire_at)


def _scheduled_go_live() -> Subquery:
    return Subquery(
        Revision.page_revisions.filter(
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            approved_go_live_at__isnull=False,
        )
        .order_by("-created_at")
        .values("approved_go_live_at")[:1]
    )


def annotate_schedule(pages: QuerySet[Page]) -> QuerySet[Page]:
    """``scheduled_go_live_at`` on each page, in the listing's one query."""
    return pages.annotate(scheduled_go_live_at=_scheduled_go_live())


def page_schedule(page: Page) -> PageSchedule:
    """The schedule shown beside the page's status (explorer row, page header).

    Uses :func:`annotate_schedule`'s annotation when the listing made it, and Wagtail's
    ``approved_schedule`` annotation to skip the query for the unscheduled pages.
    """
    if page.pk is None:  # a page being created has no schedule yet
        return PageSchedule(go_live_at=None, expire_at=None)
    if hasattr(page, "scheduled_go_live_at"):
        go_live_at = page.scheduled_go_live_at
    elif page.approved_schedule:
        revision = page.scheduled_revision
        go_live_at = revision.approved_go_live_at if revision else None
    else:
        go_live_at = None
    expire_at = page.expire_at if page.expire_at and not page.expired else None
    return PageSchedule(go_live_at=go_live_at, expire_at=expire_at)


class ScheduledKind(StrEnum):
    PUBLISH = "publish"
    EXPIRY = "expiry"

    @property
    def label(self) -> str:
        return str(_("Goes live") if self is ScheduledKind.PUBLISH else _("Expires"))


@dataclass(frozen=True)
class ScheduledItem:
    """One row of the scheduled-publishing report."""

    page: Page
    kind: ScheduledKind
    at: dt.datetime
    section: ContentTypePlugin | None
    scheduled_by: str


def _section(page: Page) -> ContentTypePlugin | None:
    return registry.for_page_model(page.specific_class) if page.specific_class else None


def scheduled_items(user, section_key: str | None = None) -> list[ScheduledItem]:
    """Everything scheduled to go live or expire, on the pages ``user`` may edit or publish,
    soonest first; ``section_key`` keeps one section's pages."""
    editable = PagePermissionPolicy().instances_user_has_any_permission_for(
        user, ["change", "publish"]
    )
    revisions = (
        Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        .select_related("user")
        .order_by("approved_go_live_at")
    )
    scheduled = {revision.object_id: revision for revision in revisions}
    pages = editable.filter(
        Q(pk__in=[int(object_id) for object_id in scheduled])
        | Q(live=True, expired=False, expire_at__isnull=False)
    ).select_related("locale", "content_type")
    items = []
    for page in pages:
        section = _section(page)
        if section_key and (section is None or section.key != section_key):
            continue
        revision = scheduled.get(str(page.pk))
        if revision is not None:
            by = (
                revision.user.get_full_name() or revision.user.get_username()
                if revision.user
                else ""
            )
            items.append(
                ScheduledItem(
                    page, ScheduledKind.PUBLISH, revision.approved_go_live_at, section, by
                )
            )
        if page.live and page.expire_at and not page.expired:
            items.append(ScheduledItem(page, ScheduledKind.EXPIRY, page.expire_at, section, ""))
    return sorted(items, key=lambda item: item.at)
