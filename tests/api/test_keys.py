"""Partner keys: hashed storage, quotas, revocation, expiry, the command and the admin."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from cms.api.models import PartnerKey, hash_key
from cms.vocabularies.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def organisation():
    return OrganisationFactory(slug="helsinki", name="Helsingin kaupunki")


@pytest.fixture
def issued(organisation):
    return PartnerKey.issue(name="Tapahtumakalenteri", organisation=organisation, daily_quota=3)


def test_only_the_hash_is_stored(issued):
    key, raw_key = issued
    key.refresh_from_db()
    assert raw_key.startswith(f"evk_{key.prefix}_")
    assert key.hashed_key == hash_key(raw_key)
    assert raw_key not in {str(value) for value in vars(key).values()}


def test_key_raises_the_limit_to_its_quota_then_429(client, issued):
    key, raw_key = issued
    headers = {"HTTP_AUTHORIZATION": f"Bearer {raw_key}"}

    responses = [client.get("/api/v1/themes/", **headers) for _ in range(3)]
    assert [response.status_code for response in responses] == [200, 200, 200]
    assert responses[-1]["X-RateLimit-Limit"] == "3"
    assert responses[-1]["X-RateLimit-Remaining"] == "0"

    over = client.get("/api/v1/themes/", HTTP_X_API_KEY=raw_key)
    assert over.status_code == 429
    assert 1 <= int(over["Retry-After"]) <= 24 * 60 * 60
    # The quota is the key's, not the address's: anonymous access still works.
    assert client.get("/api/v1/themes/").status_code == 200
    key.refresh_from_db()
    assert key.last_used_at is not None


@pytest.mark.parametrize("state", ["unknown", "revoked", "expired"])
def test_unusable_keys_get_401(client, issued, state):
    key, raw_key = issued
    if state == "unknown":
        raw_key = raw_key[:-4] + "xxxx"
    elif state == "revoked":
        key.revoked = True
        key.save()
    else:
        key.expires_at = timezone.now() - dt.timedelta(minutes=1)
        key.save()

    response = client.get("/api/v1/themes/", HTTP_AUTHORIZATION=f"Bearer {raw_key}")

    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert "WWW-Authenticate" in response


def test_revoking_records_when(issued):
    key, _raw = issued
    key.revoked = True
    key.save()
    assert key.revoked_at is not None
    assert not key.is_usable()


def test_management_command_creates_lists_and_revokes(client, organisation):
    out = io.StringIO()
    call_command(
        "partner_keys",
        "create",
        "--name=Kuntaportaali",
        "--organisation=helsinki",
        "--daily-quota=50",
        "--expires=2099-12-31",
        stdout=out,
    )
    raw_key = out.getvalue().strip().splitlines()[-1]
    key = PartnerKey.objects.get(name="Kuntaportaali")
    assert key.hashed_key == hash_key(raw_key)
    assert key.daily_quota == 50
    assert client.get("/api/v1/themes/", HTTP_AUTHORIZATION=f"Bearer {raw_key}").status_code == 200

    listing = io.StringIO()
    call_command("partner_keys", "list", stdout=listing)
    assert key.prefix in listing.getvalue() and raw_key not in listing.getvalue()

    call_command("partner_keys", "revoke", key.prefix, stdout=io.StringIO())
    assert client.get("/api/v1/themes/", HTTP_AUTHORIZATION=f"Bearer {raw_key}").status_code == 401


def test_management_command_refuses_bad_input(organisation):
    with pytest.raises(CommandError, match="No organisation"):
        call_command("partner_keys", "create", "--name=x", "--organisation=nobody")
    with pytest.raises(CommandError, match="--expires"):
        call_command(
            "partner_keys", "create", "--name=x", "--organisation=helsinki", "--expires=soon"
        )
    with pytest.raises(CommandError, match="No key"):
        call_command("partner_keys", "revoke", "nope")


def test_admin_creates_a_key_and_shows_it_once(admin_client, organisation):
    response = admin_client.post(
        "/admin/partner-api/keys/new/",
        {"name": "Portaali", "organisation": organisation.pk, "daily_quota": 100},
    )

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = PartnerKey.objects.get(name="Portaali")
    raw_key = re.search(r"evk_[\w-]+", response.content.decode()).group()
    assert key.hashed_key == hash_key(raw_key)
    # Never in a cookie: neither the messages cookie nor any other.
    assert all(raw_key not in morsel.value for morsel in response.cookies.values())
    assert all(raw_key not in morsel.value for morsel in admin_client.cookies.values())
    assert not [m for m in admin_client.get("/admin/").context["messages"] if raw_key in str(m)]
    listing = admin_client.get("/admin/partner-api/keys/")
    assert key.prefix.encode() in listing.content
    assert raw_key.encode() not in listing.content


def test_requests_with_invalid_keys_count_against_the_address(client, settings):
    settings.PARTNER_API_ANONYMOUS_RATE = 3
    bad = {"HTTP_AUTHORIZATION": "Bearer evk_guess_0000"}

    statuses = [client.get("/api/v1/themes/", **bad).status_code for _ in range(3)]
    over = client.get("/api/v1/themes/", **bad)

    assert statuses == [401, 401, 401]
    assert over.status_code == 429
    assert "Retry-After" in over
    # The same address without a key is throttled too: guesses spent its allowance.
    assert client.get("/api/v1/themes/").status_code == 429


def test_a_used_key_revoked_or_expired_is_refused_at_once(client, issued):
    """Keys are read from the cache after the first request; a save drops them from it."""
    key, raw_key = issued
    auth = {"HTTP_AUTHORIZATION": f"Bearer {raw_key}"}
    assert client.get("/api/v1/themes/", **auth).status_code == 200
    assert client.get("/api/v1/themes/", **auth).status_code == 200

    key.revoked = True
    key.save()
    assert client.get("/api/v1/themes/", **auth).status_code == 401

    key.revoked = False
    key.save()
    assert client.get("/api/v1/themes/", **auth).status_code == 200
    key.expires_at = timezone.now() - dt.timedelta(minutes=1)
    key.save()
    assert client.get("/api/v1/themes/", **auth).status_code == 401
