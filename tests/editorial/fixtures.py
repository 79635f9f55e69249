"""Editorial fixtures for the core's and every plugin's tests (a pytest plugin, see pyproject).

Users in each editorial role, generic over the plugin registry: ``section_editor("news")``
is a writer of whichever plugin's section is named. ``roles`` sets the groups up over the
listing pages that exist when it runs, so a test folder overrides it to create its sections
first (``def roles(publication_indexes): setup_roles()``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest


@pytest.fixture
def roles(db) -> None:
    """The editorial groups, permissions and workflows, over the sections that exist now."""
    from cms.editorial.roles import setup_roles

    setup_roles()


@pytest.fixture
def make_editor(roles) -> Callable:
    """``make_editor("Viestintä")`` → a new user in that group (or none)."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from cms.testing import PASSWORD

    counter = iter(range(1000))

    def make(group_name: str | None, **fields):
        number = next(counter)
        user = get_user_model().objects.create_user(
            username=fields.pop("username", f"editor{number}"),
            email=fields.pop("email", f"editor{number}@example.fi"),
            password=PASSWORD,
            **fields,
        )
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def section_editor(make_editor) -> Callable:
    """``section_editor("trainings")`` → a new user in that plugin's (first) writer role."""
    from cms.editorial.sections import EditorialSection
    from cms.plugins import registry

    def make(plugin_key: str, **fields):
        section = registry.get(plugin_key).contribution(EditorialSection)
        assert section.roles, f"the {plugin_key} section declares no writer role"
        return make_editor(section.roles[0].name, **fields)

    return make


@pytest.fixture
def communications(make_editor):
    from cms.editorial.roles import COMMUNICATIONS

    return make_editor(COMMUNICATIONS.name, username="viestija", email="viestinta@example.fi")


@pytest.fixture
def translator(make_editor):
    from cms.editorial.roles import TRANSLATORS

    return make_editor(TRANSLATORS.name, username="kaantaja")
