"""The Content-Security-Policy: strict on the public site, widened for the editors' tools.

The public site runs no inline script and loads nothing from other origins except media
from the object store, so its policy is ``'self'`` throughout. The Wagtail admin (with
wagtail-localize's React translation editor) and the API's Swagger UI set inline styles and
run a few inline scripts, so under ``/admin/`` and ``/api/v1/docs`` the policy also allows
``'unsafe-inline'`` for scripts and styles; these pages are for signed-in editors and
developers, and still load nothing from other origins.
"""

from __future__ import annotations

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.http import HttpRequest, HttpResponseBase

ADMIN_PREFIX = "/admin/"
#: Path prefixes that get :data:`EDITOR_TOOLS_EXTRA`.
EDITOR_TOOL_PREFIXES = (ADMIN_PREFIX, "/api/v1/docs")
EDITOR_TOOLS_EXTRA = {
    "script-src": [UNSAFE_INLINE],
    "style-src": [UNSAFE_INLINE],
    "img-src": ["blob:"],
}
#: The admin frames its own pages (Wagtail's live preview panel); nothing else is framed.
EDITOR_TOOLS_REPLACE = {"frame-ancestors": [SELF]}


def policy(media_origin: str | None) -> dict:
    """``CONTENT_SECURITY_POLICY`` for django-csp, with media served from ``media_origin``."""
    media = [media_origin] if media_origin else []
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF],
            "style-src": [SELF],
            "img-src": [SELF, "data:", *media],
            "media-src": [SELF, *media],
            "font-src": [SELF, "data:"],
            "connect-src": [SELF],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


class PathPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, adding :data:`EDITOR_TOOLS_EXTRA` on the editors' tools.

    Also lets the admin frame its own pages (Wagtail's live preview panel) while
    ``X_FRAME_OPTIONS = "DENY"`` keeps everything else out of frames.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if request.path.startswith(ADMIN_PREFIX) and "X-Frame-Options" in response:
            response["X-Frame-Options"] = "SAMEORIGIN"
        return super().process_response(request, response)

    def get_policy_parts(
        self, request: HttpRequest, response: HttpResponseBase, report_only: bool = False
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(EDITOR_TOOL_PREFIXES):
            update = dict(parts.update or {})
            for directive, sources in EDITOR_TOOLS_EXTRA.items():
                update[directive] = [*update.get(directive, []), *sources]
            parts.update = update
            if request.path.startswith(ADMIN_PREFIX):
                parts.replace = {**(parts.replace or {}), **EDITOR_TOOLS_REPLACE}
        return parts
