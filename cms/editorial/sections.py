"""What a content type declares about its editorial workflow, and how the core reads it.

A plugin declares an :class:`EditorialSection` among its contributions, usually built in
``pages/<app>/editorial.py``. A plugin that declares none still gets a section
with the defaults (communications only, light workflow, no parity requirement), so every
content type is covered by roles, workflows and the translation report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from django.utils import timezone

from cms.plugins import ContentTypePlugin, Contribution, registry

if TYPE_CHECKING:
    from django.utils.functional import Promise
    from wagtail.models import Page


class WorkflowKind(StrEnum):
    #: Write → review by communications → publish (official announcements).
    MODERATED = "moderated"
    #: One check by any editor of the section (or communications) before publishing.
    LIGHT = "light"


@dataclass(frozen=True)
class EditorialRole:
    """A group of editors; sections that share a role key share the group.

    ``name`` is the group's name as editors see it, in Finnish (the organisation's working
    language); a group still carrying one of ``legacy_names`` is renamed by ``setup_roles``.
    """

    key: str
    name: str
    legacy_names: tuple[str, ...] = ()


@dataclass(frozen=True)
class ClosedRule:
    """When a live page of the section counts as closed (a past training, an ended call).

    ``applies`` is asked with the specific page and the current time; the mark is computed
    at read time, so nobody has to republish the page when its date passes.
    """

    applies: Callable[[Page, dt.datetime], bool]
    label: str | Promise


@dataclass(frozen=True)
class EditorialSection(Contribution):
    """A plugin's editorial declaration.

    ``roles`` are the groups that write in the section besides communications;
    ``workflow`` picks the moderation workflow of the section's listing pages in every
    locale; ``parity_required`` puts the section in the Finnish/Swedish parity view (the
    language act obliges bilingual authorities to serve both); ``closed`` marks pages whose
    date has passed.
    """

    roles: tuple[EditorialRole, ...] = ()
    workflow: WorkflowKind | str = WorkflowKind.LIGHT
    parity_required: bool = False
    closed: ClosedRule | None = None

    def __post_init__(self) -> None:
        # Accept the plain strings "moderated"/"light" and fail early on anything else.
        object.__setattr__(self, "workflow", WorkflowKind(self.workflow))


def sections() -> Iterator[tuple[ContentTypePlugin, EditorialSection]]:
    """Every enabled plugin with its editorial section (defaults when it declares none)."""
    for plugin in registry:
        yield plugin, plugin.contribution(EditorialSection)


def section_roles() -> list[EditorialRole]:
    """The distinct writer roles the plugins declare, in plugin order."""
    roles: dict[str, EditorialRole] = {}
    for _plugin, section in sections():
        for role in section.roles:
            roles.setdefault(role.key, role)
    return list(roles.values())


@dataclass(frozen=True)
class ClosedMark:
    label: str

    def __str__(self) -> str:
        return self.label


def closed_mark(page: Page, now: dt.datetime | None = None) -> ClosedMark | None:
    """The "closed" mark of a page (ended training, expired grant call), or None.

    Templates use ``{% closed_mark page %}`` and the API can call this directly: the mark
    follows the clock, not the page's revisions.
    """
    plugin = registry.for_page_model(type(page))
    rule = plugin.contribution(EditorialSection).closed if plugin else None
    if rule is None:
        return None
    if rule.applies(page, now or timezone.now()):
        return ClosedMark(label=str(rule.label))
    return None
