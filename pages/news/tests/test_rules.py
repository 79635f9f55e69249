"""The open grant call rule: the QuerySet (SQL) and the model (Python) agree.

One news item is stored once and rewritten for each generated case; the rule is asked of
the database and of the page read back from it, at instants around the deadline.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cms.strategies import RULE_SETTINGS, instants, moments_near
from pages.news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.news.models import NewsPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def news(home_page) -> NewsPage:
    return NewsPageFactory(parent=NewsIndexPageFactory(parent=home_page))


# Ordinary news may carry a stale deadline in the database (a call unticked afterwards).
GRANT_CALLS = st.fixed_dictionaries(
    {"is_grant_call": st.booleans(), "application_deadline": st.none() | instants()}
)


def stored(news: NewsPage, fields: dict) -> NewsPage:
    NewsPage.objects.filter(pk=news.pk).update(**fields)
    news.refresh_from_db()
    return news


def selects(queryset, news: NewsPage) -> bool:
    return queryset.filter(pk=news.pk).exists()


@RULE_SETTINGS
@given(fields=GRANT_CALLS, data=st.data())
def test_an_open_grant_call_is_the_same_in_sql_and_python(news, fields, data):
    news = stored(news, fields)
    for at in data.draw(moments_near(news.application_deadline)):
        is_open = news.grant_call_open_at(at)
        assert selects(NewsPage.objects.grant_calls_open(at), news) is is_open
        assert selects(NewsPage.objects.grant_calls_open(at, False), news) is not is_open


@RULE_SETTINGS
@given(fields=GRANT_CALLS, data=st.data())
def test_a_closed_grant_call_is_the_same_in_sql_and_python(news, fields, data):
    news = stored(news, fields)
    for at in data.draw(moments_near(news.application_deadline)):
        closed = news.grant_call_closed_at(at)
        assert selects(NewsPage.objects.grant_calls_closed(at), news) is closed
