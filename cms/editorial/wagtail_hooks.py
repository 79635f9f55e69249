"""Admin wiring: report menu items, the share-link view and button, draft-only machine sync."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button

from cms.editorial.machine_translation import DraftOnlyUpdateTranslationsView
from cms.editorial.views_reports import REPORT_PERMISSION, parity_view, translation_status_report
from cms.editorial.views_share import create_share_link


@hooks.register("register_admin_urls")
def register_editorial_urls() -> list:
    return [
        path("editorial/share/<int:page_id>/", create_share_link, name="editorial_share_link"),
        path(
            "editorial/translations/",
            translation_status_report,
            name="editorial_translation_status",
        ),
        path("editorial/parity/", parity_view, name="editorial_parity"),
        # Registered before wagtail-localize's own route (this app is listed first), so
        # "Sync translated pages" can no longer publish a machine translation unreviewed.
        path(
            "localize/update/<int:translation_source_id>/",
            DraftOnlyUpdateTranslationsView.as_view(),
            name="editorial_update_translations",
        ),
    ]


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
