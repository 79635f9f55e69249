"""The "Scheduled publishing" report: what goes live or expires next, in the editor's sections."""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from cms.editorial.scheduling import scheduled_items
from cms.editorial.sections import sections
from cms.editorial.views_reports import REPORT_PERMISSION


class ScheduledFilterForm(forms.Form):
    section = forms.ChoiceField(label=_("Section"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["section"].choices = [
            ("", _("All")),
            *((plugin.key, plugin.verbose_name_plural.capitalize()) for plugin, _s in sections()),
        ]


@permission_required(REPORT_PERMISSION, raise_exception=True)
def scheduled_report(request: HttpRequest) -> HttpResponse:
    form = ScheduledFilterForm(request.GET or {})
    if not form.is_valid():
        return render(
            request, "editorial/scheduled.html", {"form": form, "items": None}, status=400
        )
    items = scheduled_items(request.user, section_key=form.cleaned_data["section"] or None)
    return render(request, "editorial/scheduled.html", {"form": form, "items": items})
