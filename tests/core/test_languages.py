"""Three content languages with prefixed URLs; "/" picks one from Accept-Language."""

from __future__ import annotations

import pytest
from wagtail.models import Locale


@pytest.mark.django_db
def test_three_locales_exist_after_migrate():
    codes = set(Locale.objects.values_list("language_code", flat=True))
    assert codes == {"fi", "sv", "en"}
    assert Locale.get_default().language_code == "fi"


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("sv-FI,sv;q=0.9", "/sv/"),
        ("en-GB,en;q=0.8", "/en/"),
        ("fi", "/fi/"),
        ("de-DE,de;q=0.9", "/fi/"),
        ("", "/fi/"),
    ],
)
def test_root_redirects_by_accept_language(client, translated_home_pages, accept_language, target):
    response = client.get("/", headers={"accept-language": accept_language})
    assert response.status_code == 302
    assert response["Location"] == target


def test_every_language_serves_its_home_page(client, translated_home_pages):
    for language, page in translated_home_pages.items():
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()
        assert page.title in response.content.decode()


def test_page_urls_carry_the_language_prefix(translated_home_pages):
    for language, page in translated_home_pages.items():
        assert page.get_url() == f"/{language}/"
