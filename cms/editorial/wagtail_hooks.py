"""Admin wiring: report menu items, the share-link view and button, draft-only machine sync."""

from __future__ import annotations

from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from cms.editorial import guards, scheduling
from cms.editorial.handover import submit_translation_for_review
from cms.editorial.machine_translation import DraftOnlyUpdateTranslationsView
from cms.editorial.synchronised import carry_to_translations
from cms.editorial.views_po import upload_pofile
from cms.editorial.views_reports import REPORT_PERMISSION, parity_view, translation_status_report
from cms.editorial.views_scheduled import scheduled_report
from cms.editorial.views_share import create_share_link
from cms.site import converters  # noqa: F401  (registers <db_id:…>)


@hooks.register("register_admin_urls")
def register_editorial_urls() -> list:
    return [
        path("editorial/share/<db_id:page_id>/", create_share_link, name="editorial_share_link"),
        path(
            "editorial/translations/",
            translation_status_report,
            name="editorial_translation_status",
        ),
        path("editorial/parity/", parity_view, name="editorial_parity"),
        path("editorial/scheduled/", scheduled_report, name="editorial_scheduled"),
        # The next two are registered before wagtail-localize's own routes (this app is
        # listed first): "Sync translated pages" can no longer publish a machine translation
        # unreviewed, and a PO file without its translation header is an error, not a 500.
        path(
            "localize/update/<db_id:translation_source_id>/",
            DraftOnlyUpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
        path(
            "localize/translate/<db_id:translation_id>/pofile/upload/",
            upload_pofile,
            name="editorial_upload_pofile",
        ),
        path(
            "editorial/translations/<db_id:translation_id>/submit/",
            submit_translation_for_review,
            name="editorial_submit_translation",
        ),
        # Role guards (cms/editorial/guards.py) in front of wagtail-localize's own views.
        path(
            "localize/page/<db_id:page_id>/convert_to_alias/",
            guards.convert_to_alias,
            name="editorial_convert_to_alias",
        ),
        path(
            "localize/submit/page/<db_id:page_id>/",
            guards.SubmitPermittedPageTranslationView.as_view(),
            name="editorial_submit_page_translation",
        ),
    ]


hooks.register("construct_page_action_menu", guards.filter_page_action_menu)
hooks.register("before_edit_page", scheduling.before_edit_page)
hooks.register("before_create_page", scheduling.before_create_page)


@hooks.register("construct_explorer_page_queryset")
def annotate_explorer_schedule(parent_page, pages, request):
    """Each explorer row shows when it goes live, without a query per row."""
    return scheduling.annotate_schedule(pages)


@hooks.register("after_publish_page")
def carry_synchronised_fields(request, page) -> None:
    """Publishing a Finnish page drafts its synchronised fields into the translations."""
    carried = carry_to_translations(page.specific, request.user)
    if carried:
        messages.warning(
            request,
            _(
                "Dates, amounts and other shared fields changed: draft versions of these "
                "translations now carry them and wait for review: %(pages)s"
            )
            % {"pages": ", ".join(f"{p.title} ({p.locale.language_code})" for p in carried)},
        )


def _guard_translate_buttons() -> None:
    """Replace wagtail-localize's page-button hooks by filtered ones (its module is imported
    here so that its hooks are registered before they are wrapped)."""
    from wagtail_localize import wagtail_hooks as localize_hooks

    original = localize_hooks.page_listing_more_buttons
    for hook_name in ("register_page_header_buttons", "register_page_listing_more_buttons"):
        registered = hooks._hooks.get(hook_name, [])
        registered[:] = [
            (guards.permitted_translation_buttons(fn) if fn is original else fn, order)
            for fn, order in registered
        ]


_guard_translate_buttons()


class ReportMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item() -> MenuItem:
    return ReportMenuItem(
        _("Translation status"),
        reverse("editorial_translation_status"),
        icon_name="globe",
        order=900,
    )


@hooks.register("register_reports_menu_item")
def register_parity_menu_item() -> MenuItem:
    return ReportMenuItem(
        _("Finnish/Swedish parity"), reverse("editorial_parity"), icon_name="globe", order=901
    )


@hooks.register("register_reports_menu_item")
def register_scheduled_menu_item() -> MenuItem:
    return ReportMenuItem(
        _("Scheduled publishing"),
        reverse("editorial_scheduled"),
        icon_name="calendar-alt",
        order=902,
    )


def _share_button(page, user) -> Button | None:
    if not page.permissions_for_user(user).can_edit():
        return None
    return Button(
        _("Share preview link"),
        reverse("editorial_share_link", args=[page.id]),
        icon_name="link",
        priority=80,
    )


@hooks.register("register_page_header_buttons")
def share_link_header_button(page, user, view_name, next_url=None):
    """In the page editor's header menu."""
    if view_name == "edit" and (button := _share_button(page, user)):
        yield button


@hooks.register("register_page_listing_more_buttons")
def share_link_listing_button(page, user, next_url=None):
    """In the explorer's "more" menu: reaches translations, whose editor is wagtail-localize's."""
    if button := _share_button(page, user):
        yield button
