"""The framework's floor: a plain view returning the partner list's bytes from memory.

It runs through the same middleware as the API, so the difference between the two is what
the API itself costs.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse

_captured: dict[str, object] = {"body": b"{}", "type": "application/json"}


def capture(response: HttpResponse) -> None:
    """Remember the body and content type the floor view will return."""
    _captured["body"] = response.content
    _captured["type"] = response["Content-Type"]


def floor_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse(_captured["body"], content_type=_captured["type"])
