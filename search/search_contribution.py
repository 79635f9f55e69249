"""What a content-type plugin contributes to search: ``contributions["search"]``.

A plugin declares its searchable fields in its model's ``search_fields`` (the Wagtail way);
this object adds what search needs beyond that. A plugin that contributes nothing is still
searched, with the defaults below.
"""

from __future__ import annotations

from dataclasses import dataclass

#: The key of this feature in ``ContentTypePlugin.contributions``.
FEATURE = "search"


@dataclass(frozen=True)
class SearchContribution:
    """How one content type takes part in site search.

    ``theme_field`` names the many-to-many relation to ``vocabularies.Theme`` whose counts
    make the theme facet (it must also be an ``index.FilterField``); None leaves the type out
    of the theme facet. ``excerpt_field`` is the text shown under a result's title.
    """

    theme_field: str | None = "themes"
    excerpt_field: str = "lead"


#: What a plugin without a search contribution gets: no theme facet, the lead as excerpt.
DEFAULT_CONTRIBUTION = SearchContribution(theme_field=None)


def contribution_for(plugin) -> SearchContribution:
    """The search contribution of ``plugin``, or the defaults when it declares none."""
    return plugin.contributions.get(FEATURE, DEFAULT_CONTRIBUTION)
