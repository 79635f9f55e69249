"""Share-link views: creating a link in the admin, and serving the draft to its holder."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from cms.editorial.share import ShareLinkExpired, read_token, share_url


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=settings.EDITORIAL_SHARE_LINK_MAX_DAYS,
        initial=settings.EDITORIAL_SHARE_LINK_DAYS,
        help_text=_("Anyone with the link can read the latest draft of this page until then."),
    )


def create_share_link(request: HttpRequest, page_id: int) -> HttpResponse:
    """Admin view: an editor of the page makes a link for a reviewer without an account."""
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    link = expires_at = None
    form = ShareLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        link, expires_at = share_url(page, form.cleaned_data["days"])
    return render(
        request,
        "editorial/share_link.html",
        {"page": page, "form": form, "link": link, "expires_at": expires_at},
    )


@never_cache
def serve_shared_draft(request: HttpRequest, token: str) -> HttpResponse:
    """Public view: render the latest revision of the page in the token, in its language."""
    try:
        payload = read_token(token)
    except ShareLinkExpired:
        response = render(request, "editorial/share_expired.html", status=410)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response
    except signing.BadSignature:
        raise Http404 from None
    page = get_object_or_404(Page, id=payload.page_id).specific
    draft = page.get_latest_revision_as_object()
    with translation.override(page.locale.language_code):
        response = draft.make_preview_request(request, draft.default_preview_mode)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response
