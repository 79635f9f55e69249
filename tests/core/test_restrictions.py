"""The view-restriction part of the public rule, at every depth of the page tree.

:func:`cms.visibility.restricted_q` tests path prefixes up to ``PREFIX_DEPTHS`` and falls
back to a per-row test below that; Wagtail's own ``PageQuerySet.public()`` (which reads the
restrictions first) is the independent answer each case is compared with.
"""

from __future__ import annotations

import pytest
from wagtail.models import Page, PageViewRestriction

from cms.visibility import PREFIX_DEPTHS, public_pages

pytestmark = pytest.mark.django_db


@pytest.fixture
def chain(home_page) -> list[Page]:
    """Live pages one below the other, from the home page down past ``PREFIX_DEPTHS``."""
    pages = [home_page]
    for level in range(PREFIX_DEPTHS + 2):
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


@pytest.mark.parametrize("position", [1, 2, PREFIX_DEPTHS - 2, PREFIX_DEPTHS - 1, PREFIX_DEPTHS])
def test_a_restriction_hides_its_page_and_everything_below(chain, position):
    restricted = chain[position]
    restrict(restricted)

    depths = public_depths(chain)

    assert depths == [page.depth for page in chain if page.depth < restricted.depth]
    assert depths == wagtail_public_depths(chain)


def test_a_restriction_below_the_prefix_depths_is_found_per_row(chain):
    deepest = chain[-1]
    assert deepest.depth > PREFIX_DEPTHS
    restrict(deepest)

    assert public_depths(chain) == [page.depth for page in chain[:-1]]
    assert public_depths(chain) == wagtail_public_depths(chain)


def test_a_restriction_on_a_sibling_branch_hides_nothing_here(chain, home_page):
    sibling = home_page.add_child(instance=Page(title="Suojattu", slug="suojattu"))
    restrict(sibling)

    assert public_depths(chain) == [page.depth for page in chain]
