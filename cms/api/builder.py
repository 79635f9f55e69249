"""Assembles the partner API from routers; it defines no endpoint itself."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.utils import translation
from ninja import NinjaAPI

from cms.api import change_feed, extra_routers, pages, vocabularies
from cms.api.content import build_router
from cms.api.errors import register_exception_handlers
from cms.origin import base_url
from cms.plugins import registry

NAMESPACE = pages.NAMESPACE
DESCRIPTION = """\
Published content of the Finnish education-sector networks, one list and item endpoint
per content type (`/pages/` spans them all), in Finnish, Swedish and English, with the
shared vocabularies and a change feed for synchronisation.

Public content needs no key (a modest per-IP rate applies). Partner keys, sent as
`Authorization: Bearer <key>`, raise the limit to the key's daily quota; every operation
works with and without one (in a generated client, add the header to the plain client).
Every response carries `ETag` and `Last-Modified`; send `If-None-Match` to get `304 Not Modified`.
Send `Accept-Encoding: br` or `gzip` for a compressed body; the `ETag` is then weak and
the same for every coding, so `If-None-Match` works whichever copy you kept.
Errors are `application/problem+json` bodies naming the offending parameter.
Lists (and `/search/`) page by `cursor`: follow `next`, which stays right while content
changes; `offset` only jumps.

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
`event_id` and `cursor`. A slow endpoint delays only its own later events: each try is
cut off after 15 s and retried with backoff. Subscriptions set up before Standard
Webhooks also get the deprecated `X-Eduverkko-Signature`
(`sha256=<hex HMAC of "<X-Eduverkko-Timestamp>.<body>">`) until the partner has switched;
it will be removed, and new subscriptions never get it.
"""


PROBLEM_CONTENT_TYPE = "application/problem+json"
SECURITY_SCHEME = {
    "partnerKey": {
        "type": "http",
        "scheme": "bearer",
        "description": "Optional partner key: raises the rate limit to the key's quota.",
    }
}


#: Descriptions of the tags of the core's routers; plugins' tags are described from the
#: plugin, registered routers pass theirs to :func:`cms.api.register_router`.
CORE_TAGS = {
    "pages": "Pages of every content type in one list, with links to their typed endpoints.",
    "vocabularies": "The shared vocabularies (themes, audiences, regions, organisations) "
    "that content refers to by slug, named in the requested language.",
    "changes": "The change feed: every publication, update, move, unpublication and "
    "deletion in order, for partners that keep a copy in sync.",
}
LOCALE_SCHEMA = {
    "type": "string",
    "enum": [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES],
    "description": "A content language: fi (Finnish), sv (Swedish) or en (English).",
    "title": "Locale",
}
LOCALE_REF = {"$ref": "#/components/schemas/Locale"}


class PartnerApi(NinjaAPI):
    """NinjaAPI whose schema states what the responses really are, as client generators
    and linters (Redocly, Spectral, openapi-python-client) read it.

    - Error bodies are ``application/problem+json`` (ninja would say ``application/json``).
    - ``servers`` lists ``BASE_URL``; the optional partner key is a security scheme that
      the document-level requirement lists next to anonymous access (``{}``). Operations
      repeat no requirement: generators then give a plain client, to which a partner adds
      the ``Authorization`` header.
    - Every language parameter uses one shared ``Locale`` schema instead of an inline
      enum per operation (one ``Locale`` type in generated code, not one per endpoint).
    - Tags are described; component schemas no operation refers to are left out (the
      query parameter models that ninja flattens into parameters).
    """

    #: Filled by :func:`build_api`: tag name -> description.
    tag_descriptions: dict[str, str]

    def get_openapi_schema(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        with translation.override("en"):
            schema = super().get_openapi_schema(*args, **kwargs)
        used_tags: list[str] = []
        for path in schema["paths"].values():
            for operation in path.values():
                operation.pop("security", None)
                for tag in operation.get("tags", []):
                    if tag not in used_tags:
                        used_tags.append(tag)
                for parameter in operation.get("parameters", []):
                    if parameter.get("name") == "locale":
                        parameter["schema"] = shared_locale(parameter["schema"])
                for response in operation.get("responses", {}).values():
                    content = response.get("content", {})
                    body = content.get("application/json", {})
                    if body.get("schema", {}).get("$ref", "").endswith("/Problem"):
                        content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
        components = schema.setdefault("components", {})
        components["securitySchemes"] = SECURITY_SCHEME
        components.setdefault("schemas", {})["Locale"] = LOCALE_SCHEMA
        components["schemas"] = used_schemas(schema)
        describe_http_headers(schema)
        schema["security"] = [{}, {"partnerKey": []}]
        schema["servers"] = [{"url": base_url(), "description": "This installation."}]
        schema["info"]["contact"] = {"name": settings.WAGTAIL_SITE_NAME, "url": f"{base_url()}/"}
        schema["tags"] = [
            {"name": tag, "description": self.tag_descriptions.get(tag, "")}
            for tag in sorted(used_tags)
        ]
        return schema


def shared_locale(parameter_schema: dict[str, Any]) -> dict[str, Any]:
    """A ``locale`` parameter's schema pointing at the shared ``Locale`` (nullable stays
    nullable; default and description are kept)."""
    kept = {
        key: value for key, value in parameter_schema.items() if key in ("default", "description")
    }
    nullable = any(option.get("type") == "null" for option in parameter_schema.get("anyOf", []))
    if nullable:
        return {"anyOf": [LOCALE_REF, {"type": "null"}], **kept}
    return {"allOf": [LOCALE_REF], **kept} if kept else dict(LOCALE_REF)


def used_schemas(schema: dict[str, Any]) -> dict[str, Any]:
    """The component schemas reachable from the paths (transitively), in their order."""
    schemas = schema["components"]["schemas"]
    reached: set[str] = set()
    pending = [schema["paths"]]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/components/schemas/"):
                name = ref.rsplit("/", 1)[1]
                if name not in reached:
                    reached.add(name)
                    pending.append(schemas[name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    return {name: value for name, value in schemas.items() if name in reached}


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
        api.tag_descriptions = dict(CORE_TAGS)
        for plugin in registry:
            api.add_router(f"/{plugin.key}/", build_router(plugin))
            api.tag_descriptions[plugin.key] = (
                f"{str(plugin.verbose_name_plural).capitalize()}: the list (filters, "
                "ordering, paging) and single items."
            )
        api.add_router("/pages/", pages.router)
        api.add_router("/", vocabularies.router)
        api.add_router("/changes/", change_feed.router)
        for prefix, router, description in extra_routers:
            api.add_router(prefix, router)
            for tag in router.tags or []:
                api.tag_descriptions.setdefault(tag, description)
    return api
