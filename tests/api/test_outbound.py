"""SSRF: webhooks reach only public addresses, checked when saved and again when sent."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ValidationError

from cms.api import outbound, webhooks
from cms.api.models import WebhookDelivery, WebhookSubscription
from cms.vocabularies.factories import OrganisationFactory

pytestmark = pytest.mark.django_db

REFUSED = [
    "https://127.0.0.1/hook",
    "https://169.254.169.254/latest/meta-data/",
    "https://10.1.2.3/hook",
    "https://192.168.0.10/hook",
    "https://172.16.5.4/hook",
    "https://100.64.0.1/hook",
    "https://[::1]/hook",
    "https://[::ffff:10.0.0.1]/hook",
    "https://[fd00::1]/hook",
    "https://0.0.0.0/hook",
    "https://localhost/hook",
    "https://user:pw@partner.example.fi/hook",
    "https://intranet/hook",
    "https://wiki.corp.internal/hook",
    "https://printer.local/hook",
    "http://partner.example.fi/hook",
]


def subscription_for(url: str) -> WebhookSubscription:
    return WebhookSubscription(name="x", organisation=OrganisationFactory(), url=url, secret="s")


@pytest.mark.parametrize("url", REFUSED)
def test_saving_a_non_public_destination_is_refused(settings, url):
    settings.PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = False
    with pytest.raises(ValidationError) as error:
        subscription_for(url).full_clean()
    assert "url" in error.value.message_dict


def test_public_https_destination_is_accepted(settings):
    settings.PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = False
    subscription_for("https://partner.example.fi/hooks/eduverkko").full_clean()


def test_admin_form_names_the_problem(admin_client, settings):
    settings.PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = False
    organisation = OrganisationFactory()
    response = admin_client.post(
        "/admin/partner-api/webhooks/new/",
        {"name": "x", "organisation": organisation.pk, "url": "https://10.0.0.7/", "secret": "s"},
    )
    assert response.status_code == 200
    assert "10.0.0.7" in response.content.decode()
    assert not WebhookSubscription.objects.exists()


class Receiver(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.hits = 0


class ReceiverHandler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.server.hits += 1
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args) -> None:
        """Quiet."""


@pytest.fixture
def receiver():
    server = Receiver()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def delivery_to(url: str) -> WebhookDelivery:
    subscription = subscription_for(url)
    subscription.save()  # saved while allowed (or re-pointed later): send time checks again
    return WebhookDelivery.objects.create(subscription=subscription, payload={"event": "x"})


def test_send_time_check_refuses_loopback_unless_allowed(settings, receiver):
    port = receiver.server_address[1]
    settings.PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = False

    delivery = webhooks.attempt(delivery_to(f"http://127.0.0.1:{port}/hook"))

    assert receiver.hits == 0
    assert delivery.response_status is None
    assert "127.0.0.1" in delivery.error  # the message names the refused address
    settings.PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = True
    assert webhooks.attempt(delivery).response_status == 204
    assert receiver.hits == 1


def test_every_resolved_address_is_checked(settings, monkeypatch, receiver):
    """A public name with one internal address among its DNS answers is refused outright."""
    port = receiver.server_address[1]
    settings.PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK = False
    real_getaddrinfo = socket.getaddrinfo

    def partner_dns(host, *args, **kwargs):
        if host == "partner.example.fi":
            return [
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
                (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port)),
            ]
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", partner_dns)

    delivery = webhooks.attempt(delivery_to(f"https://partner.example.fi:{port}/hook"))

    assert receiver.hits == 0
    assert "127.0.0.1" in delivery.error


def test_environment_proxies_are_not_used(monkeypatch):
    monkeypatch.setenv("https_proxy", "http://10.0.0.1:3128")
    handlers = outbound.build_opener().handlers
    proxies = [h for h in handlers if hasattr(h, "proxies")]
    assert all(h.proxies == {} for h in proxies)
