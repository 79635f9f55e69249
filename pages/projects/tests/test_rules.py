"""A project's status on a day: the QuerySet (SQL) and the model (Python) agree.

One project is stored once and rewritten for each generated case; its status is asked of
the database (filtering and the listing's rank) and of the page read back from it.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.strategies import RULE_SETTINGS, days, days_near
from pages.projects.factories import ProjectResultIndexPageFactory, ProjectResultPageFactory
from pages.projects.models import ProjectResultPage, Status, status_rank

pytestmark = pytest.mark.django_db

RANKS = {Status.ONGOING: 0, Status.PLANNED: 1, Status.ENDED: 2}


@pytest.fixture
def project(home_page) -> ProjectResultPage:
    return ProjectResultPageFactory(parent=ProjectResultIndexPageFactory(parent=home_page))


@st.composite
def periods(draw) -> dict:
    """A period with or without an end (and the end may precede the start in old data)."""
    start = draw(days())
    return {
        "period_start": start,
        "period_end": draw(st.none() | days_near(start, 5)),
        "status": draw(st.sampled_from(Status.values)),
    }


@RULE_SETTINGS
@given(fields=periods(), data=st.data())
def test_the_status_on_a_day_is_the_same_in_sql_and_python(project, fields, data):
    ProjectResultPage.objects.filter(pk=project.pk).update(**fields)
    project.refresh_from_db()
    edges = [fields["period_start"], fields["period_end"] or fields["period_start"]]
    for today in data.draw(st.lists(st.sampled_from(edges).flatmap(days_near), max_size=6)):
        status = project.current_status(today)
        for candidate in Status.values:
            selected = ProjectResultPage.objects.with_status([candidate], today)
            assert selected.filter(pk=project.pk).exists() is (candidate == status)
        rank = (
            ProjectResultPage.objects.filter(pk=project.pk)
            .annotate(rank=status_rank(today))
            .values_list("rank", flat=True)
            .get()
        )
        assert rank == RANKS[Status(status)]
