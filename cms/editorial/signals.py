"""Receivers: roles after migrate, new listing pages configured, new editors speak Finnish."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import DEFAULT_DB_ALIAS
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.users.models import UserProfile

from cms.editorial.roles import configure_new_page, setup_roles


@receiver(post_save, dispatch_uid="editorial_configure_new_page")
def configure_new_section_page(
    sender, instance, created: bool, raw: bool = False, **kwargs
) -> None:
    """A home or listing page created in any locale (by an editor, a translation) is set up."""
    if created and not raw and isinstance(instance, Page):
        configure_new_page(instance)


@receiver(post_save, sender=get_user_model(), dispatch_uid="editorial_admin_language")
def default_admin_language(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """Give a new user the default admin language instead of whatever their browser asks.

    Wagtail otherwise follows the request's Accept-Language for users without a preference;
    the organisation works in Finnish, so new editors start in Finnish and can switch to
    Swedish or English in their account settings.
    """
    if not created or raw:
        return
    profile = UserProfile.get_for_user(instance)
    if not profile.preferred_language:
        profile.preferred_language = settings.EDITORIAL_ADMIN_DEFAULT_LANGUAGE
        profile.save(update_fields=["preferred_language"])


def setup_roles_after_migrate(sender, using: str = DEFAULT_DB_ALIAS, **kwargs) -> None:
    if using == DEFAULT_DB_ALIAS:
        setup_roles()
