"""Events in the partner API: common fields, lead, times, venue, themes and image."""

from cms.api.api_contribution import ApiContribution
from cms.api.fields import RelatedList, Value


def contribution() -> ApiContribution:
    return ApiContribution(
        fields=(
            Value("lead"),
            Value("starts_at"),
            Value("ends_at"),
            Value("venue"),
            RelatedList("themes"),
        )
    )
