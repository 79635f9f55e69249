"""Receivers: new listing pages get their section's permissions; new editors speak Finnish."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.users.models import UserProfile

from cms.editorial.roles import configure_if_index_page


@receiver(post_save, dispatch_uid="editorial_configure_index_page")
def configure_new_index_page(sender, instance, created: bool, raw: bool = False, **kwargs) -> None:
    """A listing page created in any locale (by an editor or a translation) is configured."""
    if created and not raw and isinstance(instance, Page):
        configure_if_index_page(instance)


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
