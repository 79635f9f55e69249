"""Assembles the partner API from routers; it defines no endpoint itself."""

from __future__ import annotations

from typing import Any

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
        schema = super().get_openapi_schema(*args, **kwargs)
        for path in schema["paths"].values():
            for operation in path.values():
                operation["security"] = [{}, {"partnerKey": []}]
                for status, response in operation.get("responses", {}).items():
                    content = response.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        content[PROBLEM_CONTENT_TYPE] = content.pop("application/json")
        schema.setdefault("components", {})["securitySchemes"] = SECURITY_SCHEME
        return schema


def build_api() -> NinjaAPI:
    """A NinjaAPI with one router per content type, then the shared and registered ones."""
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
