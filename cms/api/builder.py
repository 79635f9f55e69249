"""Assembles the partner API from routers; it defines no endpoint itself."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.utils import translation
from ninja import NinjaAPI

from cms.api import extra_routers, feed, pages, vocabularies
from cms.api.content import build_router
from cms.api.contribution import contribution_for
from cms.api.errors import register_exception_handlers
from cms.plugins import registry

NAMESPACE = pages.NAMESPACE
DESCRIPTION = """\
Published content of the Finnish education-sector networks: trainings, news, project
results and network pages, in Finnish, Swedish and English, with the shared vocabularies
and a change feed for synchronisation.

Public content needs no key (a modest per-IP rate applies). Partner keys, sent as
`Authorization: Bearer <key>`, raise the limit to the key's daily quota. Every response
carries `ETag` and `Last-Modified`; send `If-None-Match` to get `304 Not Modified`.
Errors are `application/problem+json` bodies naming the offending parameter.

To stay in sync: take `/changes/head/`, copy the lists, then read `/changes/` from that
cursor, each time with the `next_cursor` of your previous read. It lists every
`published`, `updated`, `moved`, `unpublished` and `deleted` event in order; `updated`
also follows changes that do not republish the item (renamed vocabulary terms, new or
withdrawn translations, a listing page's new slug, a retitled related page), and
`updated_since` moves with them. On `unpublished`/`deleted` drop the item, otherwise
re-read it (a 404 means drop). The feed never skips an event committed late, and is
never cacheable.

Webhook subscribers receive the same events, in feed order per subscriber, as
Standard Webhooks (https://www.standardwebhooks.com/): verify `webhook-signature`
with a Standard Webhooks library and your `whsec_` secret, dedupe on `webhook-id`, and
accept `webhook-timestamp` within five minutes of your clock. The body carries the feed's
`event_id` and `cursor`.
"""


PROBLEM_CONTENT_TYPE = "application/problem+json"
SECURITY_SCHEME = {
    "partnerKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "Optional partner key: raises the rate limit to the key's quota.",
    }
}


class PartnerApi(NinjaAPI):
    """NinjaAPI whose schema states what the responses really are.

    Error bodies are documented as ``application/problem+json`` (ninja would say
    ``application/json``), and the optional partner key appears as a security scheme
    that every operation accepts but none requires.
    """

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        with translation.override("en"):
            schema = super().get_openapi_schema(*args, **kwargs)
        for path in schema["paths"].values():
            for operation in path.values():
                operation["security"] = [{}, {"partnerKey": []}]
                for response in operation.get("responses", {}).values():
                    content = response.get("content", {})
                    body = content.get("application/json", {})
                    if body.get("schema", {}).get("$ref", "").endswith("/Problem"):
                        content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
        schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEME
        describe_http_headers(schema)
        return schema


def _header(description: str, type_: str = "string") -> dict[str, Any]:
    return {"description": description, "schema": {"type": type_}}


RATE_LIMIT_HEADERS = {
    "X-RateLimit-Limit": _header(
        "Requests allowed in the current window (per minute without a key, per day with one).",
        "integer",
    ),
    "X-RateLimit-Remaining": _header("Requests left in the current window.", "integer"),
}
VALIDATOR_HEADERS = {
    "ETag": _header("Entity tag of the body; send it back in `If-None-Match`."),
    "Last-Modified": _header("When public content last changed (HTTP date)."),
    "Cache-Control": _header("`public, max-age=…`; `no-store` on the change feed."),
}
CONDITIONAL_PARAMETERS = [
    {
        "name": "If-None-Match",
        "in": "header",
        "required": False,
        "description": "An `ETag` from an earlier answer: `304 Not Modified` if unchanged.",
        "schema": {"type": "string"},
    },
    {
        "name": "If-Modified-Since",
        "in": "header",
        "required": False,
        "description": "An HTTP date: `304 Not Modified` if nothing changed since.",
        "schema": {"type": "string"},
    },
]


def _refs(kind: str, names: Iterable[str]) -> dict[str, Any]:
    return {name: {"$ref": f"#/components/{kind}/{name}"} for name in names}


def describe_http_headers(schema: dict[str, Any]) -> None:
    """Document conditional requests (304), validators and rate-limit headers on every read.

    Headers and parameters are defined once under ``components`` and referenced.
    """
    components = schema.setdefault("components", {})
    components["headers"] = {
        **VALIDATOR_HEADERS,
        **RATE_LIMIT_HEADERS,
        "Retry-After": _header("Seconds until the next window.", "integer"),
    }
    components["parameters"] = {item["name"]: item for item in CONDITIONAL_PARAMETERS}
    read_headers = _refs("headers", [*VALIDATOR_HEADERS, *RATE_LIMIT_HEADERS])
    for path in schema["paths"].values():
        for method, operation in path.items():
            if method != "get":
                continue
            responses = operation.setdefault("responses", {})
            operation.setdefault("parameters", []).extend(
                _refs("parameters", components["parameters"]).values()
            )
            # ninja keys responses by int status
            if 200 in responses:
                responses[200]["headers"] = read_headers
            responses[304] = {
                "description": "Not Modified: the representation matches `If-None-Match` "
                "(or did not change since `If-Modified-Since`); no body.",
                "headers": read_headers,
            }
            if 429 in responses:
                responses[429]["headers"] = _refs("headers", ["Retry-After", *RATE_LIMIT_HEADERS])


def build_api() -> NinjaAPI:
    """A NinjaAPI with one router per content type, then the shared and registered ones.

    The documentation is in English whatever language is active while it is built (the
    summaries use the models' translatable names).
    """
    with translation.override("en"):
        api = PartnerApi(
            title="Eduverkko partner API",
            version="1.0.0",
            description=DESCRIPTION,
            urls_namespace=NAMESPACE,
            openapi_url="/openapi.json",
            docs_url="/docs",
        )
        register_exception_handlers(api)
        for plugin in registry:
            api.add_router(f"/{plugin.key}/", build_router(plugin, contribution_for(plugin)))
        api.add_router("/pages/", pages.router)
        api.add_router("/", vocabularies.router)
        api.add_router("/changes/", feed.router)
        for prefix, router in extra_routers:
            api.add_router(prefix, router)
    return api
