"""The contribution a content-type plugin makes to site search.

A plugin declares its searchable fields in its model's ``search_fields`` (the Wagtail way),
and the theme facet reads the plugin's ``theme_field``; a :class:`SearchContribution`
adds what search needs beyond that. A plugin that declares none is still searched, with
the defaults below.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from cms.plugins import Contribution

if TYPE_CHECKING:
    from cms.plugins import ContentTypePlugin


@dataclass(frozen=True)
class SearchContribution(Contribution):
    """How one content type takes part in site search.

    ``excerpt_field`` is the text shown under a result's title (default: the lead); a
    field or property of the page model.
    """

    excerpt_field: str = "lead"

    def problems(self, plugin: ContentTypePlugin) -> list[str]:
        if hasattr(plugin.page_model, self.excerpt_field):
            return []
        return [
            f"excerpt_field {self.excerpt_field!r} is not an attribute "
            f"of {plugin.page_model.__name__}"
        ]
