"""Publications in the partner API: the common fields, the lead and the ISBN."""

from cms.api.api_contribution import ApiContribution
from cms.api.fields import Value


def contribution() -> ApiContribution:
    return ApiContribution(fields=(Value("lead", str), Value("isbn", str)))
