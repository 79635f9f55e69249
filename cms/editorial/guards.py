"""Offer each role only what it may do, and refuse the rest on the server too.

* Approving the last review task publishes the page. A reviewer who may not publish
  directly (a training planner in a light-workflow section) publishes through the approval,
  with the workflow's authority, but never approves their own submission.
* Converting a translation back into an alias replaces the live translation with the source
  at once: only someone who may publish the page may do it.
* Starting a translation creates a page in the target locale: the form offers only the
  locales where the user may create that page, and refuses the others.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from wagtail.models import Locale, Page
from wagtail_localize.views import convert
from wagtail_localize.views.submit_translations import (
    SubmitPageTranslationView,
    SubmitTranslationForm,
)

from cms.editorial.review import may_approve

#: The wagtail-localize page action that turns a translation back into an alias.
CONVERT_TO_ALIAS_ACTION = "localize-convert-to-alias"
APPROVE_ACTION = "approve"


def filter_page_action_menu(menu_items: list, request: HttpRequest, context: dict) -> None:
    """``construct_page_action_menu``: drop what the user would be refused."""
    page = context.get("page")
    if page is None or page.pk is None:
        return
    permissions = page.permissions_for_user(request.user)
    hidden = set()
    if not permissions.can_publish():
        hidden.add(CONVERT_TO_ALIAS_ACTION)
    if not may_approve(page, request.user):
        hidden.add(APPROVE_ACTION)
    menu_items[:] = [item for item in menu_items if getattr(item, "name", None) not in hidden]


def convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    """wagtail-localize's conversion, for those who may publish the page only."""
    page = get_object_or_404(Page, id=page_id)
    if not page.permissions_for_user(request.user).can_publish():
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


def creatable_locales(page: Page, user) -> QuerySet[Locale]:
    """Locales into which ``user`` may translate ``page``: those where the page's parent has a
    translation under which they may add pages (or where the translation exists and they
    may edit it)."""
    parent = page.get_parent()
    allowed = []
    for locale in Locale.objects.exclude(id=page.locale_id):
        existing = page.get_translation_or_none(locale)
        if existing is not None and existing.alias_of_id is None:
            continue
        target_parent = parent.get_translation_or_none(locale) if parent else None
        if target_parent and target_parent.permissions_for_user(user).can_add_subpage():
            allowed.append(locale.id)
    return Locale.objects.filter(id__in=allowed)


class PermittedLocalesForm(SubmitTranslationForm):
    def __init__(self, instance, *args, user=None, **kwargs):
        super().__init__(instance, *args, **kwargs)
        field = self.fields["locales"]
        field.queryset = field.queryset.filter(id__in=creatable_locales(instance, user))


class SubmitPermittedPageTranslationView(SubmitPageTranslationView):
    """wagtail-localize's "Translate this page", limited to the locales the user may write."""

    def dispatch(self, request, *args, **kwargs):
        page = self.get_object()
        if request.user.is_authenticated and not creatable_locales(page, request.user).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form(self):
        if self.request.method == "POST":
            return PermittedLocalesForm(self.object, self.request.POST, user=self.request.user)
        initial = None
        if language := self.request.GET.get("select_locale"):
            initial = {"locales": Locale.objects.filter(language_code=language)}
        return PermittedLocalesForm(self.object, initial=initial, user=self.request.user)


def permitted_translation_buttons(buttons_hook):
    """Wrap wagtail-localize's page button hook: no "Translate this page" for a user who
    could not create the translation anywhere."""

    def hook(page, user, *args, **kwargs):
        for button in buttons_hook(page, user, *args, **kwargs):
            if (
                "/localize/submit/page/" in button.url
                and not creatable_locales(page, user).exists()
            ):
                continue
            yield button

    return hook
