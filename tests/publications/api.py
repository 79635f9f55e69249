"""Publications in the partner API: the common fields, the lead, the ISBN and the themes."""

from cms.api.api_contribution import ApiContribution
from cms.api.fields import RelatedList, Value


def contribution() -> ApiContribution:
    return ApiContribution(fields=(Value("lead", str), Value("isbn", str), RelatedList("themes")))
