"""Admin screens of the partner API: keys shown once on creation, webhook replay."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import MenuItem

from cms.api.models import PartnerKey, WebhookDelivery
from cms.api.webhooks import replay


class PartnerKeyCreateView(CreateView):
    """Creates the key's secret and shows it once; only its hash is saved."""

    def save_instance(self) -> PartnerKey:
        self.raw_key = self.form.instance.assign_secret()
        return super().save_instance()

    def get_success_message(self, instance: PartnerKey) -> str:
        return _(
            "Partner key “%(name)s” created. Copy it now, it cannot be shown again: %(key)s"
        ) % {"name": instance.name, "key": self.raw_key}


class DeliveryIndexView(IndexView):
    """The delivery log, with a “Send again” action on each delivery."""

    def get_list_more_buttons(self, instance: WebhookDelivery) -> list:
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(
                _("Send again"),
                url=reverse("partner_api_deliveries:replay", args=(instance.pk,)),
                icon_name="resubmit",
                priority=30,
            ),
        ]


class ReplayDeliveryView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and queue (POST) a new delivery of a logged event."""

    template_name = "partner_api/replay_confirm.html"
    page_title = _("Send webhook again")
    index_url_name = "partner_api_deliveries:index"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.has_perm("partner_api.change_webhookdelivery"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict:
        context = super().get_context_data(**kwargs)
        context["delivery"] = get_object_or_404(WebhookDelivery, pk=self.kwargs["pk"])
        context["index_url"] = reverse(self.index_url_name)
        return context

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        delivery = get_object_or_404(WebhookDelivery, pk=pk)
        copy = replay(delivery)
        messages.success(
            request,
            _("The event was queued again as delivery %(id)s.") % {"id": copy.pk},
        )
        return redirect(self.index_url_name)
