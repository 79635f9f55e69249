"""Language prefixes and compression: Django's language redirects kept away from the API and
never into a 404 on the site; API responses compressed when asked.

Partners asking with ``Accept-Encoding: br`` or ``gzip`` get compressed API responses (a
full list page of 100 items shrinks several-fold; brotli preferred when both are equally
welcome); the public site's responses are left to the front proxy.

``LocaleMiddleware`` answers a 404 outside the language prefixes with a redirect to the
same path under the reader's language (cookie, then Accept-Language), which the page tree
always "matches". For an API client a missing object must stay a 404 with its problem body,
so API paths skip that step (and the ``Vary: Accept-Language`` it adds: API responses do not
depend on that header). On the site, an unprefixed page path (``/uutiset/<slug>/``, a link
someone shortened) is looked up in every language's tree and redirected to the page's
translation in the reader's language, else to the page in its own language, instead of to
a prefixed path that does not exist.
"""

from __future__ import annotations

from collections.abc import Iterator

import brotli
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_sequence, compress_string
from wagtail.models import Page

from cms.site.localization import home_pages
from cms.visibility import visible

API_PREFIX = "/api/"


def unprefixed_page_target(request: HttpRequest, language: str) -> str | None:
    """URL of the page an unprefixed path names, in ``language`` when translated, or None."""
    components = [part for part in request.path_info.split("/") if part]
    if not components:
        return None
    homes = home_pages(request)
    order = sorted(homes, key=lambda code: code != language)
    for code in order:
        try:
            found = homes[code].specific.route(request, components).page
        except Http404:
            continue
        candidates = visible(Page.objects.filter(translation_key=found.translation_key), request)
        by_language = {
            page.locale.language_code: page for page in candidates.select_related("locale")
        }
        target = by_language.get(language) or by_language.get(code)
        if target is not None:
            return target.get_url(request)
    return None


class LocaleMiddlewareOutsideApi(LocaleMiddleware):
    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        if request.path_info.startswith(API_PREFIX):
            return response
        if response.status_code == 404 and not translation.get_language_from_path(
            request.path_info
        ):
            target = unprefixed_page_target(request, translation.get_language())
            if target is not None:
                query = request.META.get("QUERY_STRING", "")
                redirect = HttpResponseRedirect(f"{target}?{query}" if query else target)
                patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
                return redirect
        return super().process_response(request, response)


#: Content codings the API produces, best first when a client weighs them equally.
CODINGS = ("br", "gzip")
#: Bodies shorter than this are sent as they are (compression would not pay).
MIN_COMPRESSED_LENGTH = 200
#: Brotli quality 5: most of the size gain of 11 at a fraction of the CPU, per request.
BROTLI_QUALITY = 5


def preferred_coding(accept_encoding: str) -> str | None:
    """The coding to use for an ``Accept-Encoding`` value (RFC 9110 section 12.5.3), or None."""
    weights: dict[str, float] = {}
    for part in accept_encoding.split(","):
        name, *parameters = (piece.strip() for piece in part.split(";"))
        weight = 1.0
        for parameter in parameters:
            if parameter.lower().startswith("q="):
                try:
                    weight = float(parameter[2:])
                except ValueError:
                    weight = 0.0
        if name:
            weights[name.lower()] = weight
    default = weights.get("*", 0.0)
    welcome = [coding for coding in CODINGS if weights.get(coding, default) > 0]
    if not welcome:
        return None
    return max(welcome, key=lambda coding: (weights.get(coding, default), -CODINGS.index(coding)))


def brotli_stream(chunks: Iterator[bytes]) -> Iterator[bytes]:
    compressor = brotli.Compressor(quality=BROTLI_QUALITY)
    for chunk in chunks:
        output = compressor.process(chunk)
        if output:
            yield output
    yield compressor.finish()


class ApiCompressionMiddleware:
    """Brotli or gzip for API responses, as the client asks.

    Every API response says ``Vary: Accept-Encoding`` (a 304 too, as its 200 would). A
    client that accepts a coding gets a weak ETag, as RFC 9110 asks of a transformed body:
    the same weak tag for every coding, since the content is the same, so ``If-None-Match``
    (compared weakly) answers 304 whichever coding the cached copy has.
    """

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if not request.path_info.startswith(API_PREFIX):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        coding = preferred_coding(request.META.get("HTTP_ACCEPT_ENCODING", ""))
        if coding is None or response.has_header("Content-Encoding"):
            return response
        # The tag this client sees is weak whether or not this body is compressed (a 304 or
        # a HEAD carries the tag its GET would), so its cached copy always matches.
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response.headers["ETag"] = "W/" + etag
        if response.status_code == 304 or (response.streaming and response.is_async):
            return response
        if not response.streaming and len(response.content) < MIN_COMPRESSED_LENGTH:
            return response
        if response.streaming:
            content = response.streaming_content
            response.streaming_content = (
                brotli_stream(content) if coding == "br" else compress_sequence(content)
            )
            del response.headers["Content-Length"]
        else:
            compressed = (
                brotli.compress(response.content, quality=BROTLI_QUALITY)
                if coding == "br"
                else compress_string(response.content)
            )
            if len(compressed) >= len(response.content):
                return response
            response.content = compressed
            response.headers["Content-Length"] = str(len(compressed))
        response.headers["Content-Encoding"] = coding
        return response
