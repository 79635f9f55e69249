"""The “Partner API” admin menu: keys, webhook subscriptions and the delivery log."""

from __future__ import annotations

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet

from cms.api.admin_views import DeliveryIndexView, PartnerKeyCreateView, ReplayDeliveryView
from cms.api.models import PartnerKey, WebhookDelivery, WebhookSubscription
from cms.site import converters  # noqa: F401  (registers <db_id:…>)


class PartnerKeyViewSet(ModelViewSet):
    model = PartnerKey
    icon = "key"
    menu_label = _("Partner keys")
    url_prefix = "partner-api/keys"
    url_namespace = "partner_api_keys"
    add_view_class = PartnerKeyCreateView
    form_fields = ["name", "organisation", "daily_quota", "expires_at", "revoked"]
    list_display = ["name", "prefix", "organisation", "daily_quota", "expires_at", "last_used_at"]
    list_filter = ["revoked"]
    search_fields = ["name", "prefix"]
    copy_view_enabled = False


class WebhookSubscriptionViewSet(ModelViewSet):
    model = WebhookSubscription
    icon = "link-external"
    menu_label = _("Webhooks")
    url_prefix = "partner-api/webhooks"
    url_namespace = "partner_api_webhooks"
    form_fields = [
        "name",
        "organisation",
        "url",
        "secret",
        "types",
        "locales",
        "is_active",
        "legacy_signature",
    ]
    list_display = ["name", "url", "types", "locales", "is_active"]
    list_filter = ["is_active"]
    copy_view_enabled = False


class WebhookDeliveryViewSet(ModelViewSet):
    """The delivery log: read-only apart from “Send again”."""

    model = WebhookDelivery
    icon = "history"
    menu_label = _("Webhook deliveries")
    url_prefix = "partner-api/deliveries"
    url_namespace = "partner_api_deliveries"
    index_view_class = DeliveryIndexView
    form_fields = ["status"]
    list_display = [
        "__str__",
        "status",
        "attempts",
        "response_status",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
    ]
    list_filter = ["status", "subscription"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_urlpatterns(self) -> list:
        return [
            *super().get_urlpatterns(),
            path("replay/<db_id:pk>/", ReplayDeliveryView.as_view(), name="replay"),
        ]


class PartnerApiViewSetGroup(ViewSetGroup):
    menu_label = _("Partner API")
    menu_icon = "code"
    menu_order = 900
    items = (PartnerKeyViewSet, WebhookSubscriptionViewSet, WebhookDeliveryViewSet)


@hooks.register("register_admin_viewset")
def register_viewset() -> PartnerApiViewSetGroup:
    return PartnerApiViewSetGroup()
