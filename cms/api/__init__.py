"""The partner content API at ``/api/v1/`` (django-ninja).

The core never names a content type: each plugin may declare an
:class:`cms.api.api_contribution.ApiContribution` among its ``contributions``, and
:mod:`cms.api.builder` turns every plugin into a list and a detail endpoint. Apps that
are not content-type plugins (search, for example) mount their own ninja routers with
:func:`register_router` from their ``AppConfig.ready()``::

    def ready(self):
        from cms.api import register_router
        from search.api import router

        register_router("/search/", router, description="Full-text search.")

Registration must happen before the URL configuration is first loaded, which is always
after every ``ready()`` has run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ninja import Router

#: Routers mounted by other apps, in registration order: (prefix, router, description).
extra_routers: list[tuple[str, Router, str]] = []


def register_router(prefix: str, router: Router, description: str = "") -> None:
    """Mount ``router`` under ``/api/v1/<prefix>`` in the partner API.

    ``description`` describes the router's tags in the OpenAPI document.

    The router's endpoints go through the same partner-key, rate-limit, ETag and CORS
    handling as the built-in ones. Registering the same prefix twice replaces the router,
    so a ``ready()`` that runs twice (as in some test runners) stays harmless.
    """
    prefix = "/" + prefix.strip("/") + "/"
    extra_routers[:] = [entry for entry in extra_routers if entry[0] != prefix]
    extra_routers.append((prefix, router, description))
