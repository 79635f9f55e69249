"""Admin reports: translation status (filterable, CSV export) and Finnish/Swedish parity."""

from __future__ import annotations

import csv

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import permission_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.editorial.parity import parity_languages, parity_report
from cms.editorial.sections import sections
from cms.editorial.status import StatusRow, TranslationState, translation_status

REPORT_PERMISSION = "editorial.view_translation_report"
ROWS_PER_PAGE = 50


class StatusFilterForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), required=False)
    language = forms.ChoiceField(label=_("Language"), required=False)
    state = forms.ChoiceField(
        label=_("State"),
        required=False,
        choices=[("", _("All")), *((state.value, state.label) for state in TranslationState)],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("", _("All")),
            *((plugin.key, plugin.verbose_name_plural.capitalize()) for plugin, _s in sections()),
        ]
        self.fields["language"].choices = [
            ("", _("All")),
            *(
                (locale.language_code, locale.get_display_name())
                for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE)
            ),
        ]


def filtered_rows(form: StatusFilterForm) -> list[StatusRow]:
    data = form.cleaned_data
    rows = translation_status(
        section_key=data["section"] or None,
        languages=[data["language"]] if data["language"] else None,
    )
    if data["state"]:
        rows = [row for row in rows if row.state == data["state"]]
    return rows


def csv_response(name: str, header: list, rows: list[list]) -> HttpResponse:
    """A CSV download for spreadsheet users: headers in the editor's language, a BOM so that
    Excel reads the UTF-8 text (ä, ö, å) correctly."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow([str(title) for title in header])
    writer.writerows(rows)
    return response


def _language_name(code: str) -> str:
    return str(get_language_info(code)["name_translated"])


def status_csv(rows: list[StatusRow]) -> HttpResponse:
    header = [
        _("Section"),
        _("Page ID"),
        _("Title"),
        _("Language"),
        _("State"),
        _("Translation ID"),
        _("Source published"),
    ]
    return csv_response(
        "translation-status",
        header,
        [
            [
                str(row.section.verbose_name_plural).capitalize(),
                row.source_id,
                row.source_title,
                _language_name(row.language),
                row.state.label,
                row.translation_id or "",
                timezone.localtime(row.source_published_at).strftime("%d.%m.%Y %H.%M")
                if row.source_published_at
                else "",
            ]
            for row in rows
        ],
    )


def parity_csv(reports: list) -> HttpResponse:
    header = [_("Section"), _("Page ID"), _("Title"), _("Published in"), _("Missing in")]
    return csv_response(
        "parity",
        header,
        [
            [
                str(report.section.verbose_name_plural).capitalize(),
                gap.page_id,
                gap.title,
                _language_name(gap.live_language),
                _language_name(gap.missing_language),
            ]
            for report in reports
            for gap in report.gaps
        ],
    )


@permission_required(REPORT_PERMISSION, raise_exception=True)
def translation_status_report(request: HttpRequest) -> HttpResponse:
    form = StatusFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        return render(
            request, "editorial/translation_status.html", {"form": form, "rows": None}, status=400
        )
    if not form.is_bound:
        form = StatusFilterForm({})
        form.is_valid()
    rows = filtered_rows(form)
    if request.GET.get("export") == "csv":
        return status_csv(rows)
    counts = {state: sum(row.state == state for row in rows) for state in TranslationState}
    return render(
        request,
        "editorial/translation_status.html",
        {
            "form": form,
            "rows": Paginator(rows, ROWS_PER_PAGE).get_page(request.GET.get("p")),
            "counts": counts,
            "csv_query": _with_export(request),
        },
    )


def _with_export(request: HttpRequest) -> str:
    query = request.GET.copy()
    query.pop("p", None)
    query["export"] = "csv"
    return query.urlencode()


@permission_required(REPORT_PERMISSION, raise_exception=True)
def parity_view(request: HttpRequest) -> HttpResponse:
    reports = parity_report()
    if request.GET.get("export") == "csv":
        return parity_csv(reports)
    return render(
        request,
        "editorial/parity.html",
        {"sections": reports, "languages": parity_languages()},
    )
