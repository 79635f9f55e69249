"""Publications in the partner API: common fields, lead, ISBN, themes and body."""

from cms.api.api_contribution import ApiContribution
from cms.api.fields import RelatedList, Stream, Value


def contribution() -> ApiContribution:
    return ApiContribution(
        fields=(Value("lead"), Value("isbn"), RelatedList("themes"), Stream("body"))
    )
