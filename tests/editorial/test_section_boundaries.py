"""Every writer role edits its own sections, in every locale, and no other section.

Driven by the registry, so every plugin (the test-only one included) is covered.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from cms.editorial.roles import COMMUNICATIONS, TRANSLATORS, setup_roles
from cms.editorial.sections import section_roles, sections
from cms.translation import translate


@pytest.fixture
def all_indexes(translated_home_pages, locales) -> dict:
    """Each section's listing page in fi, sv and en: ``{(section key, language): page}``."""
    pages = {}
    for plugin, _section in sections():
        index = plugin.index_model(title=plugin.key.capitalize(), slug=plugin.key)
        translated_home_pages["fi"].add_child(instance=index)
        index.save_revision().publish()
        pages[plugin.key, "fi"] = index
        for language in ("sv", "en"):
            title = f"{plugin.key} ({language})"
            pages[plugin.key, language] = translate(index, locales[language], {"title": title})
    setup_roles()
    return pages


@pytest.fixture
def editor_in(django_user_model):
    def make(group_name: str):
        user = django_user_model.objects.create_user(username=f"u-{group_name}", password="x")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


def test_writers_edit_their_sections_only_and_never_publish(all_indexes, editor_in):
    writers = section_roles()
    assert writers, "the plugins declare writer roles"
    for role in writers:
        user = editor_in(role.name)
        for plugin, section in sections():
            own = role in section.roles
            for language in ("fi", "sv", "en"):
                permissions = all_indexes[plugin.key, language].permissions_for_user(user)
                assert permissions.can_edit() is own, (role.key, plugin.key, language)
                assert permissions.can_add_subpage() is own, (role.key, plugin.key, language)
                assert not permissions.can_publish(), (role.key, plugin.key, language)


def test_communications_publish_everywhere(all_indexes, editor_in):
    user = editor_in(COMMUNICATIONS.name)
    for page in all_indexes.values():
        assert page.permissions_for_user(user).can_publish()


def test_translators_edit_target_languages_only(all_indexes, editor_in):
    user = editor_in(TRANSLATORS.name)
    for (key, language), page in all_indexes.items():
        permissions = page.permissions_for_user(user)
        assert permissions.can_edit() is (language != "fi"), (key, language)
        assert not permissions.can_publish()
