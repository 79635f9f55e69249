"""Admin and page-password logins are throttled per address, with a message saying so."""

from __future__ import annotations

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from cms.throttle import FAILURE_LIMIT

pytestmark = pytest.mark.django_db


def test_admin_login_locks_out_after_repeated_failures(client, django_user_model):
    django_user_model.objects.create_superuser("toimittaja", "t@example.fi", "oikea-salasana")

    for _attempt in range(FAILURE_LIMIT):
        response = client.post("/admin/login/", {"username": "toimittaja", "password": "väärä"})
        assert response.status_code == 200
    locked = client.post("/admin/login/", {"username": "toimittaja", "password": "oikea-salasana"})

    # Even the right password is refused while locked, and the form says why.
    assert locked.status_code == 200
    assert "_auth_user_id" not in client.session
    with translation.override("fi"):
        assert "Too many failed attempts" in locked.content.decode() or (
            "epäonnistunutta" in locked.content.decode()
        )


def test_page_password_form_locks_out_after_repeated_failures(client, make_publication):
    page = make_publication(title="Yksityinen julkaisu")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="oikea"
    )
    url = f"/fi/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"

    for _attempt in range(FAILURE_LIMIT):
        assert client.post(url, {"password": "väärä", "return_url": page.url}).status_code == 200
    locked = client.post(url, {"password": "oikea", "return_url": page.url})

    assert locked.status_code == 429
    assert "Retry-After" in locked
    assert "failed attempts" in locked.content.decode() or "epäonnistunutta" in (
        locked.content.decode()
    )
    assert "Yksityinen julkaisu" not in client.get(page.url).content.decode().split("<main")[-1]
