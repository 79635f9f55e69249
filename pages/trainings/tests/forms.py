"""Admin form data for a training page, as the editor's browser would post it."""

from __future__ import annotations

from wagtail.test.utils.form_data import nested_form_data, streamfield


def training_form_data(title: str, slug: str, **overrides) -> dict:
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "",
            "kind": "course",
            "starts_at": "2027-03-01 09:00",
            "ends_at": "2027-03-01 16:00",
            "format": "online",
            "venue": "",
            "street_address": "",
            "postal_code": "",
            "locality": "",
            "is_free": "on",
            "status": "scheduled",
            "body": streamfield([]),
            **overrides,
        }
    )
