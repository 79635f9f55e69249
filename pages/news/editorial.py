"""The news section's editorial workflow: moderated by communications, bilingual, calls close."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from cms.editorial.sections import ClosedRule, EditorialSection, WorkflowKind
from pages.news.models import NewsPage


def grant_call_has_closed(page: NewsPage, now: dt.datetime) -> bool:
    """A grant call whose deadline has passed; ordinary news never closes."""
    return page.grant_call_closed_at(now)


EDITORIAL = EditorialSection(
    workflow=WorkflowKind.MODERATED,
    parity_required=True,
    closed=ClosedRule(applies=grant_call_has_closed, label=_("The application period has ended")),
)
