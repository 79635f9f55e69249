"""Events in the partner API: common fields, lead, times, venue, themes and whether the event
has ended (changes by itself at ``ends_at``); the soonest first, as in a calendar."""

from django.utils import timezone

from cms.api.api_contribution import ApiContribution
from cms.api.fields import Computed, RelatedList, Value


def contribution() -> ApiContribution:
    return ApiContribution(
        fields=(
            Value("lead"),
            Value("starts_at"),
            Value("ends_at"),
            Value("venue"),
            RelatedList("themes"),
            Computed("has_ended", bool, lambda page: page.has_ended_at(timezone.now())),
        ),
        orderings=("starts_at", "ends_at"),
        default_ordering=("starts_at", "title"),
    )
