"""The editorial contribution: defaults for plugins that declare nothing, early errors."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from cms.editorial.sections import (
    EditorialSection,
    WorkflowKind,
    closed_mark,
    section_roles,
    sections,
)
from cms.plugins import ContentTypePlugin, registry


def test_a_plugin_without_a_declaration_gets_the_defaults():
    plugin = next(iter(registry))
    bare = ContentTypePlugin(
        key="bare", page_model=plugin.page_model, index_model=plugin.index_model
    )
    section = bare.contribution(EditorialSection)
    assert section == EditorialSection()
    assert section.workflow == WorkflowKind.LIGHT
    assert section.roles == ()


def test_every_enabled_plugin_has_a_section_including_the_test_plugin():
    keys = {plugin.key for plugin, _section in sections()}
    assert keys == {plugin.key for plugin in registry}
    assert "publications" in keys


def test_roles_shared_by_sections_are_one_group():
    keys = [role.key for role in section_roles()]
    assert len(keys) == len(set(keys))


def test_workflow_names_are_checked_when_the_plugin_is_declared():
    assert EditorialSection(workflow="moderated").workflow is WorkflowKind.MODERATED
    with pytest.raises(ValueError, match="strict"):
        EditorialSection(workflow="strict")


def test_pages_of_sections_without_a_closing_rule_are_never_closed(home_page):
    assert closed_mark(home_page) is None


def test_a_sections_closing_rule_marks_its_pages_by_the_clock(make_event):
    """The events test plugin closes an event once it has ended; no republishing needed."""
    now = timezone.now()
    ended = make_event(starts_at=now - dt.timedelta(days=2), ends_at=now - dt.timedelta(days=1))
    upcoming = make_event()
    revisions = upcoming.revisions.count()
    assert str(closed_mark(ended)) == "This event has ended"
    assert closed_mark(upcoming) is None
    assert str(closed_mark(upcoming, now=upcoming.ends_at)) == "This event has ended"
    assert upcoming.revisions.count() == revisions
