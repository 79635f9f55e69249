"""The OpenAPI document: served, complete for every plugin, and equal to the snapshot."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from cms.api.management.commands.export_openapi import schema_json
from cms.plugins import registry

SNAPSHOT = Path(__file__).with_name("openapi.json")
REGENERATE = (
    "DJANGO_SETTINGS_MODULE=cms.settings.test python manage.py export_openapi "
    "tests/api/openapi.json"
)


def test_schema_matches_the_committed_snapshot():
    """Fails on any change of the public contract; if the change is intended, regenerate."""
    assert schema_json() == SNAPSHOT.read_text(encoding="utf-8"), (
        f"The API schema changed. If that is intended, run: {REGENERATE}"
    )


@pytest.mark.django_db
def test_schema_and_docs_are_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.1")
    assert client.get("/api/v1/docs").status_code == 200


def test_every_plugin_has_typed_list_and_detail_endpoints():
    schema = json.loads(schema_json())
    for plugin in registry:
        assert f"/api/v1/{plugin.key}/" in schema["paths"], plugin.key
        assert f"/api/v1/{plugin.key}/{{id}}" in schema["paths"], plugin.key
    components = schema["components"]["schemas"]
    # Each test plugin's own fields are in its typed schema, and only there.
    publication = components["PublicationsItem"]["properties"]
    event = components["EventsItem"]["properties"]
    assert {"isbn", "publisher", "contacts", "available"} <= publication.keys()
    assert {"starts_at", "venue", "has_ended"} <= event.keys()
    assert "isbn" not in event and "starts_at" not in publication
    assert (
        "application/problem+json"
        in (schema["paths"]["/api/v1/events/"]["get"]["responses"]["400"]["content"])
    )


def test_every_list_documents_the_common_parameters_and_its_orderings():
    schema = json.loads(schema_json())
    for key, orderings in (
        ("publications", {"released_at", "-available_until"}),
        ("events", {"starts_at", "-ends_at"}),
    ):
        parameters = schema["paths"][f"/api/v1/{key}/"]["get"]["parameters"]
        by_name = {p["name"]: p for p in parameters if "name" in p}  # (headers: $ref)
        assert {"locale", "fallback", "translation_key", "search", "theme", "organisation"} <= (
            by_name.keys()
        )
        assert {"updated_since", "ordering", "limit", "offset", "cursor"} <= by_name.keys()
        documented = json.dumps(by_name["ordering"]["schema"])
        assert all(f'"{ordering}"' in documented for ordering in orderings), (key, documented)


def test_document_is_what_client_generators_need():
    """Servers, anonymous access at document level (no operation demands a key), one
    ``Locale`` schema, ``<verb>_<noun>`` operation ids, described operations and tags."""
    schema = json.loads(schema_json())
    assert schema["servers"] == [{"url": "http://testserver", "description": "This installation."}]
    assert schema["security"] == [{}, {"partnerKey": []}]
    operations = [op for path in schema["paths"].values() for op in path.values()]
    assert all("security" not in op for op in operations)
    assert all(op.get("description") for op in operations)
    ids = sorted(op["operationId"] for op in operations)
    assert (
        "get_publication" in ids
        and "list_events" in ids
        and "get_page" in ids
        and "search_pages" in ids
    )
    assert all(re.fullmatch(r"(list|get|search)_[a-z_]+", op_id) for op_id in ids), ids
    tags = {tag["name"]: tag["description"] for tag in schema["tags"]}
    assert {t for op in operations for t in op["tags"]} == set(tags) and all(tags.values())
    locale_schemas = [
        json.dumps(parameter["schema"])
        for op in operations
        for parameter in op.get("parameters", [])
        if parameter.get("name") == "locale"
    ]
    assert locale_schemas and all("#/components/schemas/Locale" in s for s in locale_schemas)
    assert all('"enum"' not in s for s in locale_schemas)
    text = json.dumps(schema)
    refs = set(re.findall(r"#/components/schemas/(\w+)", text))
    unused = [name for name in schema["components"]["schemas"] if name not in refs]
    assert unused == []


def test_reads_document_304_validators_and_rate_limit_headers():
    schema = json.loads(schema_json())
    for path in ("/api/v1/publications/", "/api/v1/search/", "/api/v1/changes/"):
        responses = schema["paths"][path]["get"]["responses"]
        assert "304" in responses, path
        headers = {ref["$ref"].rsplit("/", 1)[1] for ref in responses["200"]["headers"].values()}
        assert {"ETag", "Last-Modified", "X-RateLimit-Limit", "X-RateLimit-Remaining"} <= headers
        assert "Retry-After" in responses["429"]["headers"]
        names = {
            p.get("$ref", "").rsplit("/", 1)[-1] for p in schema["paths"][path]["get"]["parameters"]
        }
        assert {"If-None-Match", "If-Modified-Since"} <= names
    search = schema["paths"]["/api/v1/search/"]["get"]
    envelope = schema["components"]["schemas"]["SearchList"]["properties"]
    assert {"count", "items"} <= envelope.keys() and "total" not in envelope
    limit = next(p for p in search["parameters"] if p.get("name") == "limit")
    assert limit["schema"]["type"] == "integer"
    assert "application/problem+json" in search["responses"]["400"]["content"]
    assert "/api/v1/changes/head/" in schema["paths"]
    assert "cursor" in schema["components"]["schemas"]["EventsList"]["properties"]
