"""Publications in the partner API: common fields, lead, ISBN, publisher, languages,
contacts, themes, body and whether the publication is still available (changes at midnight)."""

from cms.api.api_contribution import ApiContribution
from cms.api.fields import Computed, Contacts, LanguageCodes, Related, RelatedList, Stream, Value
from cms.timezones import helsinki_today


def contribution() -> ApiContribution:
    return ApiContribution(
        fields=(
            Value("lead"),
            Value("isbn"),
            Related("publisher", shape="organisation"),
            LanguageCodes("languages"),
            Contacts("contacts"),
            RelatedList("themes"),
            Stream("body"),
            Value("released_at"),
            Value("available_until"),
            Computed("available", bool, lambda page: page.is_available_on(helsinki_today())),
        ),
        orderings=("released_at", "available_until"),
        organisation_lookups=("publisher",),
    )
