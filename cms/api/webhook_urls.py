"""Which addresses may receive webhooks: HTTPS, or plain HTTP to this machine in dev/test."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

LOOPBACK_HOSTS = {"127.0.0.1", "::1", "localhost"}


def validate_webhook_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme == "https":
        return
    loopback_allowed = getattr(settings, "PARTNER_API_WEBHOOK_ALLOW_HTTP_LOOPBACK", False)
    if parts.scheme == "http" and loopback_allowed and parts.hostname in LOOPBACK_HOSTS:
        return
    if loopback_allowed:
        raise ValidationError(
            _("Use an HTTPS address (plain HTTP is allowed only to 127.0.0.1 or localhost).")
        )
    raise ValidationError(_("Use an HTTPS address."))
