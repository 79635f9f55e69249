"""A network's term: the QuerySet (SQL) and the model (Python) agree on the active days."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.strategies import RULE_SETTINGS, days, days_near
from pages.networks.factories import NetworkIndexPageFactory, NetworkPageFactory
from pages.networks.models import NetworkPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(home_page) -> NetworkPage:
    return NetworkPageFactory(parent=NetworkIndexPageFactory(parent=home_page))


@RULE_SETTINGS
@given(start=st.none() | days(), data=st.data())
def test_a_network_is_active_on_the_same_days_in_sql_and_python(network, start, data):
    end = data.draw(st.none() | days_near(start or data.draw(days()), 5))
    NetworkPage.objects.filter(pk=network.pk).update(term_start=start, term_end=end)
    network.refresh_from_db()
    edges = [day for day in (start, end) if day] or [data.draw(days())]
    for day in data.draw(st.lists(st.sampled_from(edges).flatmap(days_near), max_size=6)):
        active = NetworkPage.objects.active_on(day).filter(pk=network.pk).exists()
        assert active is network.is_active_on(day)
