"""Who may approve a review, and what approving the last task does.

Imported by settings (``WAGTAIL_FINISH_WORKFLOW_ACTION``) while models load, so nothing
heavy is imported at module level.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied


def may_approve(page, user, state=None) -> bool:
    """Whether ``user`` may approve ``page``'s review (``state``, by default the current
    one): not their own submission, unless they could publish the page directly anyway."""
    state = state or page.current_workflow_state
    if state is None or user.is_superuser:
        return True
    if state.requested_by_id != user.pk:
        return True
    return page.permissions_for_user(user).can_publish()


def publish_approved_workflow(workflow_state, user=None) -> None:
    """``WAGTAIL_FINISH_WORKFLOW_ACTION``: the approved revision goes live.

    The approving reviewer was checked by the review task (a member of its groups); the
    publish itself then needs no publish permission of theirs, which writer roles lack.
    Self-approval by such a writer is refused.
    """
    from wagtail.models import Page

    content = workflow_state.content_object
    if (
        user is not None
        and isinstance(content, Page)
        and not may_approve(content, user, workflow_state)
    ):
        raise PermissionDenied
    content.get_latest_revision().publish(user=user, skip_permission_checks=True)
