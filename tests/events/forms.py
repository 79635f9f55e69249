"""Admin form data for an event page, as the editor's browser would post it."""

from __future__ import annotations

from wagtail.test.utils.form_data import nested_form_data


def event_form_data(title: str, slug: str, **overrides) -> dict:
    fields = {
        "title": title,
        "slug": slug,
        "lead": "",
        "starts_at": "1.9.2027 9.00",
        "ends_at": "1.9.2027 12.00",
        "venue": "",
        "organiser": "",
        "image": "",
        "image_alt_text": "",
    }
    return nested_form_data({**fields, **overrides})
