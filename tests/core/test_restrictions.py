"""The view-restriction part of the public rule, at every depth of the page tree.

:func:`cms.visibility.restricted_q` compares each page's path with the restricted pages'
paths in SQL; Wagtail's own ``PageQuerySet.public()`` (which reads the restrictions first and
excludes each one's subtree) is the independent answer each case is compared with.
"""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.visibility import public_pages

pytestmark = pytest.mark.django_db


#: How many live pages :func:`chain` puts one below the other under the home page.
LEVELS = 9


@pytest.fixture
def chain(home_page) -> list[Page]:
    """The home page and ``LEVELS`` live pages one below the other under it."""
    pages = [home_page]
    for level in range(LEVELS):
        parent = pages[-1]
        pages.append(parent.add_child(instance=Page(title=f"Taso {level}", slug=f"taso-{level}")))
    return pages


def restrict(page: Page) -> None:
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="salasana"
    )


def public_depths(pages: list[Page]) -> list[int]:
    ids = [page.pk for page in pages]
    return sorted(public_pages(Page.objects.filter(pk__in=ids)).values_list("depth", flat=True))


def wagtail_public_depths(pages: list[Page]) -> list[int]:
    ids = [page.pk for page in pages]
    return sorted(Page.objects.filter(pk__in=ids).public().values_list("depth", flat=True))


def test_without_restrictions_every_live_page_is_public(chain):
    assert public_depths(chain) == [page.depth for page in chain]


@pytest.mark.parametrize("position", [0, 1, 2, LEVELS // 2, LEVELS - 1])
def test_a_restriction_hides_its_page_and_everything_below(chain, position):
    restricted = chain[position]
    restrict(restricted)

    depths = public_depths(chain)

    assert depths == [page.depth for page in chain if page.depth < restricted.depth]
    assert depths == wagtail_public_depths(chain)


def test_a_restriction_on_the_deepest_page_hides_that_page_only(chain):
    deepest = chain[-1]
    restrict(deepest)

    assert public_depths(chain) == [page.depth for page in chain[:-1]]
    assert public_depths(chain) == wagtail_public_depths(chain)


def test_a_restriction_on_a_sibling_branch_hides_nothing_here(chain, home_page):
    sibling = home_page.add_child(instance=Page(title="Suojattu", slug="suojattu"))
    restrict(sibling)

    assert public_depths(chain) == [page.depth for page in chain]
