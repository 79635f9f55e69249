"""Admin form data for a publication page, as the editor's browser would post it."""

from __future__ import annotations

from wagtail.test.utils.form_data import nested_form_data, streamfield


def publication_form_data(title: str, slug: str, **overrides) -> dict:
    fields = {
        "title": title,
        "slug": slug,
        "lead": "",
        "isbn": "",
        "released_at": "",
        "available_until": "",
        "body": streamfield([]),
    }
    return nested_form_data({**fields, **overrides})
