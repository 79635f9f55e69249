"""HTTP behaviour: validators and 304, caching headers, CORS, limits for anonymous clients."""

from __future__ import annotations

import gzip
import json

import brotli
import pytest
from django.test import override_settings
from django.utils.http import http_date

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "/api/v1/publications/",
    "/api/v1/pages/",
    "/api/v1/themes/",
    "/api/v1/openapi.json",
]


@pytest.mark.parametrize("url", ENDPOINTS)
def test_every_response_has_validators_and_cache_control(client, make_publication, url):
    make_publication()

    response = client.get(url)

    assert response.status_code == 200
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert response["Cache-Control"] == "public, max-age=60"


@pytest.mark.parametrize("url", ["/api/v1/changes/", "/api/v1/changes/head/"])
def test_the_change_feed_is_never_cacheable_but_revalidates(client, make_publication, url):
    make_publication()

    response = client.get(url)
    again = client.get(url, HTTP_IF_NONE_MATCH=response["ETag"])

    assert response["Cache-Control"] == "no-store"
    assert (again.status_code, again["Cache-Control"]) == (304, "no-store")


def test_if_none_match_gives_304_until_content_changes(client, make_publication, publish):
    publication = make_publication(title="Ensimmäinen")
    first = client.get("/api/v1/publications/")

    again = client.get("/api/v1/publications/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]

    publication.title = "Muutettu"
    publish(publication)
    changed = client.get("/api/v1/publications/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert changed.json()["items"][0]["title"] == "Muutettu"


def test_if_none_match_accepts_lists_weak_tags_and_star(client, make_publication):
    make_publication()
    etag = client.get("/api/v1/publications/")["ETag"]

    assert (
        client.get("/api/v1/publications/", HTTP_IF_NONE_MATCH=f'"x", W/{etag}').status_code == 304
    )
    assert client.get("/api/v1/publications/", HTTP_IF_NONE_MATCH="*").status_code == 304
    assert client.get("/api/v1/publications/", HTTP_IF_NONE_MATCH='"other"').status_code == 200


def test_if_modified_since(client, make_publication):
    make_publication()
    last_modified = client.get("/api/v1/publications/")["Last-Modified"]

    unchanged = client.get("/api/v1/publications/", HTTP_IF_MODIFIED_SINCE=last_modified)
    assert unchanged.status_code == 304

    old = http_date(0)
    assert client.get("/api/v1/publications/", HTTP_IF_MODIFIED_SINCE=old).status_code == 200


def test_errors_are_not_cached(client):
    response = client.get("/api/v1/publications/?limit=1000")
    assert response.status_code == 400
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response


def test_cors_allows_any_origin_by_default(client):
    response = client.get("/api/v1/themes/", HTTP_ORIGIN="https://kunta.example.fi")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]


@override_settings(PARTNER_API_CORS_ORIGINS=["https://kalenteri.example.fi"])
def test_cors_only_configured_origins(client):
    allowed = client.get("/api/v1/themes/", HTTP_ORIGIN="https://kalenteri.example.fi")
    other = client.get("/api/v1/themes/", HTTP_ORIGIN="https://evil.example.com")

    assert allowed["Access-Control-Allow-Origin"] == "https://kalenteri.example.fi"
    assert "Origin" in allowed["Vary"]
    assert "Access-Control-Allow-Origin" not in other


def test_cors_preflight(client):
    response = client.options(
        "/api/v1/publications/",
        HTTP_ORIGIN="https://kunta.example.fi",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]


def test_writes_are_not_allowed(client):
    assert client.post("/api/v1/publications/", {}).status_code == 405


@override_settings(PARTNER_API_ANONYMOUS_RATE=3)
def test_anonymous_rate_per_ip_gives_429_with_retry_after(client):
    statuses = [client.get("/api/v1/themes/").status_code for _ in range(3)]
    assert statuses == [200, 200, 200]

    limited = client.get("/api/v1/themes/")
    assert limited.status_code == 429
    assert 1 <= int(limited["Retry-After"]) <= 60
    assert limited.json()["status"] == 429
    # Another address has its own allowance.
    assert client.get("/api/v1/themes/", REMOTE_ADDR="192.0.2.7").status_code == 200


@override_settings(
    PARTNER_API_ANONYMOUS_RATE=1, PARTNER_API_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR"
)
def test_client_address_from_the_proxy_header(client):
    assert (
        client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="spoofed, 198.51.100.1").status_code
        == 200
    )
    assert client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code == 429
    assert client.get("/api/v1/themes/", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code == 200


def test_unknown_api_path_is_a_json_404(client):
    response = client.get("/api/v1/recipes/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_missing_final_slash_redirects_with_the_query(client):
    response = client.get("/api/v1/publications?limit=5")
    assert response.status_code == 301
    assert response["Location"] == "/api/v1/publications/?limit=5"


@pytest.mark.parametrize(
    ("accept_encoding", "coding"),
    [
        ("gzip", "gzip"),
        ("gzip, deflate, br", "br"),
        ("br;q=0.5, gzip", "gzip"),
        ("*", "br"),
        ("br;q=0, gzip;q=0", None),
        ("identity", None),
    ],
)
def test_api_responses_are_compressed_as_asked(client, make_publication, accept_encoding, coding):
    for _ in range(3):
        make_publication()
    plain = client.get("/api/v1/publications/?limit=100")
    answer = client.get("/api/v1/publications/?limit=100", HTTP_ACCEPT_ENCODING=accept_encoding)

    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in answer["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert answer.get("Content-Encoding") == coding
    if coding is None:
        assert answer.content == plain.content
        return
    decompress = brotli.decompress if coding == "br" else gzip.decompress
    assert json.loads(decompress(answer.content)) == plain.json()
    assert len(answer.content) < len(plain.content) / 3
    assert int(answer["Content-Length"]) == len(answer.content)
    # One weak tag for the content in every coding: a cached copy in either revalidates.
    assert answer["ETag"] == "W/" + plain["ETag"]
    for other in ("br", "gzip", "identity"):
        again = client.get(
            "/api/v1/publications/?limit=100",
            HTTP_ACCEPT_ENCODING=other,
            HTTP_IF_NONE_MATCH=answer["ETag"],
        )
        assert again.status_code == 304
        assert "Accept-Encoding" in again["Vary"]
        assert again.content == b""
