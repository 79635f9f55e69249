"""Login throttling for the admin login and the password form of private pages.

After ``FAILURE_LIMIT`` failed attempts from one address within ``WINDOW`` seconds
(per page for page passwords), further attempts are refused with a message saying how
long to wait, before the password is even checked. Failures are counted atomically in the
rate-limit cache (:mod:`cms.counters`, ``PARTNER_API_RATE_CACHE``): Redis where there is
one, so every process sees the same count.
"""

from __future__ import annotations

import time

from django import forms
from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from wagtail.admin.forms.auth import LoginForm
from wagtail.views import authenticate_with_password

from cms.api.access import client_ip
from cms.counters import increment

FAILURE_LIMIT = 5
WINDOW = 15 * 60


def _key(scope: str, request: HttpRequest) -> tuple[str, int]:
    now = time.time()
    window_start = int(now // WINDOW) * WINDOW
    retry_after = max(int(window_start + WINDOW - now), 1)
    return f"login-failures:{scope}:{client_ip(request)}:{window_start}", retry_after


def retry_after_if_locked(scope: str, request: HttpRequest) -> int | None:
    """Seconds to wait if ``scope`` is locked for the request's address, else ``None``."""
    key, retry_after = _key(scope, request)
    failures = caches[settings.PARTNER_API_RATE_CACHE].get(key) or 0
    return retry_after if failures >= FAILURE_LIMIT else None


def record_failure(scope: str, request: HttpRequest) -> None:
    key, _retry_after = _key(scope, request)
    increment(caches[settings.PARTNER_API_RATE_CACHE], key, timeout=WINDOW + 1)


def locked_message(retry_after: int) -> str:
    minutes = max(1, round(retry_after / 60))
    return _("Too many failed attempts from your address. Try again in %(minutes)s minutes.") % {
        "minutes": minutes
    }


class ThrottledLoginForm(LoginForm):
    """The admin login form, refusing attempts while the address is locked out."""

    def clean(self):
        retry_after = retry_after_if_locked("admin", self.request)
        if retry_after is not None:
            raise forms.ValidationError(locked_message(retry_after), code="throttled")
        try:
            return super().clean()
        except forms.ValidationError:
            record_failure("admin", self.request)
            raise


def throttled_page_password(
    request: HttpRequest, page_view_restriction_id: int, page_id: int
) -> HttpResponse:
    """Wagtail's page password view, refusing guesses while the address is locked out."""
    scope = f"page:{page_view_restriction_id}"
    if request.method == "POST":
        retry_after = retry_after_if_locked(scope, request)
        if retry_after is not None:
            response = HttpResponse(
                locked_message(retry_after), status=429, content_type="text/plain; charset=utf-8"
            )
            response["Retry-After"] = str(retry_after)
            return response
    response = authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:  # the form again: wrong
        record_failure(scope, request)
    return response
