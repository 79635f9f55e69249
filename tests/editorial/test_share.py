"""Share links: made in the admin by an editor, read without an account, expiring."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.editorial.models import ShareLink
from cms.editorial.share import make_token, read_token
from cms.testing import login
from cms.translation import translate


def _create_link(client, user, page, days="3") -> str:
    login(client, user)
    response = client.post(reverse("editorial_share_link", args=[page.id]), {"days": days})
    assert response.status_code == 200
    match = re.search(
        r'value="(http://testserver/[a-z]{2}/_share/[^"]+)"', response.content.decode()
    )
    assert match, "the admin shows the new link"
    client.logout()
    return match.group(1).removeprefix("http://testserver")


def test_reviewer_without_account_reads_the_latest_draft(client, event_organiser, event):
    event.title = "Luonnos: opinto-ohjaajien verkostopäivä"
    event.save_revision()
    link = _create_link(client, event_organiser, event)

    response = client.get(link)
    assert response.status_code == 200
    assert "Luonnos: opinto-ohjaajien verkostopäivä" in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    public = client.get(event.url)
    assert "Luonnos" not in public.content.decode(), "the public still sees the live version"


def test_link_works_for_a_swedish_draft_in_swedish(client, communications, event, locales):
    swedish = translate(event, locales["sv"], {"title": "Studiehandledarnas nätverksdag"})
    swedish.title = "Utkast: digipedagogik"
    swedish.save_revision()
    link = _create_link(client, communications, swedish)
    assert link.startswith("/sv/_share/")
    response = client.get(link)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Utkast: digipedagogik" in body
    assert '<html lang="sv">' in body


def test_expired_link_says_so(client, event_organiser, event, monkeypatch):
    link = _create_link(client, event_organiser, event, days="1")
    later = timezone.now() + dt.timedelta(days=1, minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    response = client.get(link)
    assert response.status_code == 410
    assert event.title not in response.content.decode()


def test_tampered_or_foreign_links_are_not_found(client, event):
    token = make_token(event.id, timezone.now() + dt.timedelta(days=1))
    assert client.get(f"/fi/_share/{token[:-2]}xx/").status_code == 404
    assert client.get("/sv/_share/not-a-token/").status_code == 404
    missing = make_token(999_999, timezone.now() + dt.timedelta(days=1))
    assert client.get(f"/fi/_share/{missing}/").status_code == 404


@pytest.mark.parametrize("days", ["0", "31", "soon"])
def test_bad_validity_is_a_form_error(client, event_organiser, event, days):
    login(client, event_organiser)
    response = client.post(reverse("editorial_share_link", args=[event.id]), {"days": days})
    assert response.status_code == 200
    assert "/_share/" not in response.content.decode()
    assert response.context["form"].errors["days"]


def test_only_editors_of_the_page_can_make_links(client, translator, event):
    login(client, translator)
    response = client.post(reverse("editorial_share_link", args=[event.id]), {"days": "3"})
    assert response.status_code in (302, 403)
    assert "/_share/" not in response.content.decode()


def test_the_editor_offers_the_share_button(client, event_organiser, event):
    login(client, event_organiser)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[event.id]))
    assert reverse("editorial_share_link", args=[event.id]) in response.content.decode()


def test_translations_offer_the_link_in_the_explorer(client, communications, event, locales):
    swedish = translate(event, locales["sv"], {"title": "Studiehandledarnas nätverksdag"})
    login(client, communications)
    response = client.get(reverse("wagtailadmin_explore", args=[swedish.get_parent().id]))
    assert reverse("editorial_share_link", args=[swedish.id]) in response.content.decode()


def test_links_use_the_public_origin_list_and_revoke(client, event_organiser, event, settings):
    settings.BASE_URL = "https://cms.example.fi"
    login(client, event_organiser)
    url = reverse("editorial_share_link", args=[event.id])
    response = client.post(url, {"days": "3"})
    html = response.content.decode()
    match = re.search(r'value="(https://cms\.example\.fi/fi/_share/[^"]+)"', html)
    assert match, "the link is on the site's public origin (BASE_URL), not a fixed port"
    assert "w-clipboard#copy" in html
    path = match.group(1).removeprefix("https://cms.example.fi")
    client.post(url, {"days": "5"})
    listing = client.get(url).content.decode()
    assert listing.count("data-share-link-row=") == 2

    shared = client.get(path).content.decode()
    assert "data-draft-preview" in shared, "the shared page says it is a draft preview"
    assert shared.index("data-draft-preview") > shared.index("<body")

    link_id = read_token(path.rstrip("/").rsplit("/", 1)[-1]).link_id
    assert f'name="revoke" value="{link_id}"' in listing
    client.post(url, {"revoke": link_id})
    assert ShareLink.objects.get(id=link_id).revoked_at is not None
    assert client.get(path).status_code == 410, "a revoked link no longer opens the draft"
    assert f'name="revoke" value="{link_id}"' not in client.get(url).content.decode()
