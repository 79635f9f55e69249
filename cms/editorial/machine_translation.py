"""Machine translation that never publishes: DeepL set up for our locales, drafts only.

wagtail-localize's own translation editor only fills in strings, so a machine translation
made there is published only when a person presses "Publish". Its "update translations"
form, however, can machine-translate *and* publish in one step; :class:`DraftOnlyUpdateForm`
refuses that combination with a form error, so every machine translation is reviewed.
"""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail_localize.machine_translators import deepl
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)

#: DeepL has no plain "EN" target any more; our English is British English.
DEEPL_TARGETS = {"EN": "EN-GB", "PT": "PT-PT"}


class DeepLTranslator(deepl.DeepLTranslator):
    def get_parameters(self, source_locale, target_locale, strings) -> dict:
        parameters = super().get_parameters(source_locale, target_locale, strings)
        target = parameters["target_lang"]
        parameters["target_lang"] = DEEPL_TARGETS.get(target, target)
        return parameters


class DraftOnlyUpdateForm(UpdateTranslationsForm):
    DRAFTS_ONLY_MESSAGE = _(
        "Machine translations are saved as drafts for a person to review. "
        "Untick “Publish immediately”, or do not use machine translation."
    )

    def clean(self) -> dict:
        cleaned_data = super().clean()
        if cleaned_data.get("use_machine_translation") and cleaned_data.get("publish_translations"):
            raise forms.ValidationError(self.DRAFTS_ONLY_MESSAGE)
        return cleaned_data


class DraftOnlyUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages" view with the draft-only form."""

    template_name = "editorial/update_translations.html"

    def get_form(self) -> DraftOnlyUpdateForm:
        if self.request.method == "POST":
            return DraftOnlyUpdateForm(self.request.POST)
        return DraftOnlyUpdateForm()
