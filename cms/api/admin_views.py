"""Admin screens of the partner API: keys shown once on creation, webhook replay."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import CreateView, IndexView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import MenuItem

from cms.api.models import PartnerKey, WebhookDelivery
from cms.api.webhooks import replay


class PartnerKeyCreateView(CreateView):
    """Creates the key's secret and shows it once, in the response page itself.

    Only the key's hash is saved. The secret is never put in a flash message: messages
    travel in a cookie (or the session), so the secret would be stored client-side and sent
    back with later requests. The page is ``no-store`` so no cache keeps it either.
    """

    created_template_name = "partner_api/key_created.html"

    def save_instance(self) -> PartnerKey:
        self.raw_key = self.form.instance.assign_secret()
        return super().save_instance()

    def save_action(self) -> HttpResponse:
        response = TemplateResponse(
            self.request,
            self.created_template_name,
            {
                "key": self.object,
                "raw_key": self.raw_key,
                "index_url": reverse("partner_api_keys:index"),
                "page_title": _("Partner key created"),
                "header_title": _("Partner key created"),
            },
        )
        add_never_cache_headers(response)
        response["Cache-Control"] = "no-store"
        return response


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
