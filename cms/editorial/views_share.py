"""Share-link views: making, listing and revoking links in the admin, and serving the draft
to the link's holder under a "draft preview" banner."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from cms.editorial.models import ShareLink
from cms.editorial.share import ShareLinkExpired, create_link, link_path, read_token


class ShareLinkForm(forms.Form):
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=settings.EDITORIAL_SHARE_LINK_MAX_DAYS,
        initial=settings.EDITORIAL_SHARE_LINK_DAYS,
        help_text=_("Anyone with the link can read the latest draft of this page until then."),
    )


def create_share_link(request: HttpRequest, page_id: int) -> HttpResponse:
    """Admin view: an editor of the page makes, lists and revokes links for reviewers.

    Links are absolute on the host the editor is using (the request's), not a fixed port.
    """
    page = get_object_or_404(Page, id=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    if request.method == "POST" and "revoke" in request.POST:
        ShareLink.objects.filter(page=page, id=request.POST.get("revoke")).update(
            revoked_at=timezone.now()
        )
        return redirect("editorial_share_link", page_id=page.id)
    new_link = None
    form = ShareLinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        new_link = create_link(page, form.cleaned_data["days"], request.user)
    now = timezone.now()
    links = [
        {
            "link": link,
            "url": request.build_absolute_uri(link_path(link)),
            "active": link.revoked_at is None and link.expires_at > now,
        }
        for link in ShareLink.objects.filter(page=page).select_related("created_by")
    ]
    return render(
        request,
        "editorial/share_link.html",
        {
            "page": page,
            "form": form,
            "link": request.build_absolute_uri(link_path(new_link)) if new_link else None,
            "expires_at": new_link.expires_at if new_link else None,
            "links": links,
        },
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
        _add_banner(response, payload.expires_at)
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _add_banner(response: HttpResponse, expires_at) -> None:
    """Mark the shared page as a draft preview, right after the opening ``<body>`` tag."""
    if getattr(response, "streaming", False) or "html" not in response.get("Content-Type", ""):
        return
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    html = response.content.decode(response.charset)
    body = html.find("<body")
    if body == -1:
        return
    end = html.find(">", body) + 1
    banner = render_to_string("editorial/share_banner.html", {"expires_at": expires_at})
    response.content = (html[:end] + banner + html[end:]).encode(response.charset)
