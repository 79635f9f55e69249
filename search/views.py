"""The site search page and the title suggestions behind its search box."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from search.service import SearchInputError, search_pages, suggest_titles

RESULTS_PER_PAGE = 10


#: Result pages beyond this are refused: their offset would overflow the database's integers.
MAX_PAGE = 10_000


def _page_number(raw: str | None) -> int:
    """The requested result page; junk reads as page 1, a number out of range is refused."""
    try:
        number = int(raw or 1)
    except ValueError:
        return 1
    if not 1 <= number <= MAX_PAGE:
        raise SearchInputError("page", f"The page must be a number from 1 to {MAX_PAGE}.")
    return number


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    """Results for ``?q=`` in the language of the URL, filterable by ``?type=``."""
    query = request.GET.get("q", "")
    type_key = request.GET.get("type") or None
    context = {"query": query.strip(), "type_key": type_key, "error": None, "outcome": None}
    status = 200
    try:
        number = _page_number(request.GET.get("page"))
        outcome = search_pages(
            query,
            get_language(),
            type_key,
            limit=RESULTS_PER_PAGE,
            offset=(number - 1) * RESULTS_PER_PAGE,
        )
    except SearchInputError as error:
        context["error"] = error
        status = 400
    else:
        context["outcome"] = outcome
        # A paginator over the total, so the template can show page links.
        context["paginator_page"] = Paginator(range(outcome.total), RESULTS_PER_PAGE).get_page(
            number
        )
    return render(request, "search/search_page.html", context, status=status)


@require_safe
def suggest(request: HttpRequest) -> JsonResponse:
    """Titles that start with what has been typed: ``{"query", "suggestions", "degraded"}``."""
    query = request.GET.get("q", "")
    try:
        titles, degraded = suggest_titles(query, get_language())
    except SearchInputError as error:
        return JsonResponse({"detail": error.message, "field": error.field}, status=400)
    return JsonResponse({"query": query.strip(), "suggestions": titles, "degraded": degraded})
