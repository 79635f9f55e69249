"""``{{ props|within_permissions }}``: the translation editor offers only what the user may do.

wagtail-localize's React editor shows "Convert to alias" whenever its props carry the link;
converting replaces the live translation with the source at once, so the link is dropped
for users who may not publish (the conversion view refuses them too).
"""

from __future__ import annotations

import json

from django import template

register = template.Library()


@register.filter
def within_permissions(props: str) -> str:
    data = json.loads(props)
    if not data.get("perms", {}).get("canPublish"):
        data.get("links", {})["convertToAliasUrl"] = None
    return json.dumps(data)
