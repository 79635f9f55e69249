"""schema.org JSON-LD: shared building blocks and the ``<script>`` that carries it.

Plugins build their page's object (``SiteContribution.structured_data``) from these helpers,
so organisations and people look the same whichever content type mentions them.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cms.origin import absolute_url, page_url
from cms.plugins import registry
from cms.site.localization import active_home_page, localized_names, localizer_for
from cms.site.site_contribution import SiteContribution

if TYPE_CHECKING:
    from django.http import HttpRequest
    from wagtail.models import Page

CONTEXT = "https://schema.org"
#: The site's logo (static file) and its size in pixels, for ``publisher.logo``.
LOGO = "cms/logo.png"
LOGO_SIZE = (600, 60)


def organization(organisation, request: HttpRequest | None) -> dict[str, Any] | None:
    """An ``Organization`` in the reader's language, or ``None`` for no organisation."""
    if organisation is None:
        return None
    localized = localizer_for(request)(organisation)
    data: dict[str, Any] = {"@type": "Organization", "name": localized.name}
    if localized.short_name:
        data["alternateName"] = localized.short_name
    if organisation.website:
        data["url"] = organisation.website
    if localized.city:
        data["address"] = {
            "@type": "PostalAddress",
            "addressLocality": localized.city,
            "addressCountry": "FI",
        }
    return data


def postal_address(
    *, street_address: str, postal_code: str, locality: str, region: str = ""
) -> dict[str, Any]:
    """A Finnish ``PostalAddress`` from its parts, each in the property search engines read
    it from (``postalCode`` and ``addressLocality``, not a town inside ``streetAddress``)."""
    return with_optional(
        {"@type": "PostalAddress"},
        streetAddress=street_address,
        postalCode=postal_code,
        addressLocality=locality,
        addressRegion=region,
        addressCountry="FI",
    )


def contact_point(contact, request: HttpRequest | None) -> dict[str, Any]:
    """A person to contact, as the ``ContactPoint`` that ``contactPoint`` expects (its range
    is ContactPoint, not Person); the job title says what to contact them about."""
    localized = localizer_for(request)(contact)
    return with_optional(
        {"@type": "ContactPoint", "name": contact.name},
        contactType=localized.job_title,
        telephone=contact.phone,
        email=contact.email,
    )


def contact_points(request: HttpRequest | None, people) -> list[dict[str, Any]]:
    return [contact_point(contact, request) for contact in people]


def site_publisher(request: HttpRequest) -> dict[str, Any]:
    """The site as an ``Organization`` with its logo: the publisher of its articles."""
    home = active_home_page(request)
    data: dict[str, Any] = {
        "@type": "Organization",
        "name": home.title if home is not None else settings.WAGTAIL_SITE_NAME,
        "url": page_url(home, request) if home is not None else absolute_url("/"),
        "logo": {
            "@type": "ImageObject",
            "url": absolute_url(static(LOGO)),
            "width": LOGO_SIZE[0],
            "height": LOGO_SIZE[1],
        },
    }
    return data


def person(contact, request: HttpRequest | None) -> dict[str, Any]:
    localized = localizer_for(request)(contact)
    return with_optional(
        {"@type": "Person", "name": contact.name},
        jobTitle=localized.job_title,
        telephone=contact.phone,
        email=contact.email,
        worksFor=organization(contact.organisation, request) if contact.organisation_id else None,
    )


def with_optional(data: dict[str, Any], **values: Any) -> dict[str, Any]:
    """``data`` plus the given properties that have a value: schema.org consumers expect a
    property to be left out, not present and empty."""
    data.update({key: value for key, value in values.items() if value not in (None, "", [])})
    return data


def keywords(request: HttpRequest | None, terms) -> str:
    """Vocabulary terms (themes, topics) as a ``keywords`` string in the reader's language."""
    return ", ".join(localized_names(request, terms))


def contacts(request: HttpRequest | None, people) -> list[dict[str, Any]]:
    return [person(contact, request) for contact in people]


def page_basics(
    page: Page, request: HttpRequest, schema_type: str | list[str], *, in_language: bool = True
) -> dict[str, Any]:
    """The properties every page object shares: type, name, URL, language, description.

    ``inLanguage`` belongs to CreativeWork and Event; types without it (Organization,
    Project) pass ``in_language=False``.
    """
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": schema_type,
        "name": page.title,
        "url": page_url(page, request),
    }
    if in_language:
        data["inLanguage"] = page.locale.language_code
    description = getattr(page, "lead", "") or page.search_description
    if description:
        data["description"] = description
    return data


def structured_data_for(page: Page, request: HttpRequest) -> dict[str, Any] | None:
    """The page's JSON-LD object, for content pages whose plugin contributes one."""
    plugin = registry.for_page_model(type(page))
    describe = plugin.contribution(SiteContribution).structured_data if plugin else None
    return describe(page, request) if describe is not None else None


def json_ld_script(data: dict[str, Any] | None) -> SafeString:
    """``<script type="application/ld+json">`` with ``<``, ``>`` and ``&`` escaped so that no
    value can close the script element."""
    if not data:
        return SafeString("")
    payload = (
        json.dumps(data, ensure_ascii=False, default=str)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return format_html('<script type="application/ld+json">{}</script>', SafeString(payload))
