"""Translators hand their work over: save the translation as a draft and send it for review.

wagtail-localize's editor keeps a translator's strings outside the page until someone
publishes them, which translators may not do. "Submit for review" saves the translation as a
new draft revision of the page (the live page is not touched) and starts the page's review
workflow, so the section's reviewers are notified, the translation status report shows the
translation in progress, and the reviewer compares the revisions to see what changed.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import Translation


def _start_review(page: Page, user) -> bool:
    """Start (or resubmit to) the page's workflow; False when the page has none."""
    state = page.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user=user)
        return True
    if state is not None:
        return True
    workflow = page.get_workflow()
    if workflow is None:
        return False
    workflow.start(page, user)
    return True


def save_draft(translation: Translation, user) -> None:
    """A new revision of the translation's page holding the translated strings (and the
    source's synchronised fields), the live row untouched.

    (wagtail-localize's ``save_target(publish=False)`` writes the strings into the page row
    too, which for a live translation is the public page.)
    """
    draft = translation.source.get_ephemeral_translated_instance(
        translation.target_locale, fallback=True
    )
    draft.full_clean()
    draft.save_revision(user=user, log_action=True, clean=False)


@require_POST
def submit_translation_for_review(request: HttpRequest, translation_id: int) -> HttpResponse:
    translation = get_object_or_404(Translation, id=translation_id, enabled=True)
    try:
        target = translation.get_target_instance()
    except Page.DoesNotExist:
        raise Http404 from None
    if not isinstance(target, Page):
        raise Http404
    if not target.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[target.id])
    try:
        save_draft(translation, request.user)
    except ValidationError as error:
        messages.error(
            request,
            _("The translation could not be saved: %(errors)s")
            % {"errors": "; ".join(error.messages)},
        )
        return redirect(edit_url)
    page = Page.objects.get(id=target.id).specific
    if _start_review(page, request.user):
        messages.success(
            request,
            _("The translation “%(title)s” was saved as a draft and sent for review.")
            % {"title": page.get_admin_display_title()},
        )
    else:
        messages.success(
            request,
            _("The translation “%(title)s” was saved as a draft.")
            % {"title": page.get_admin_display_title()},
        )
    return redirect(edit_url)
