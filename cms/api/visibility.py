"""What the public may see: the single definition every endpoint and the feed rely on.

A page is public when it is live, inside its publication window and not under a view
restriction (its own or an ancestor's). The restriction test is a correlated subquery on
the tree path, so it costs no extra query, unlike ``PageQuerySet.public()`` which loads
every restriction first.
"""

from __future__ import annotations

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction


def restricted_q() -> Q:
    """Pages that are, or are below, a page with a view restriction."""
    restrictions = PageViewRestriction.objects.annotate(restricted_path=F("page__path")).filter(
        restricted_path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return Q(Exists(restrictions))


def public_q() -> Q:
    now = timezone.now()
    return (
        Q(live=True)
        & (Q(go_live_at__isnull=True) | Q(go_live_at__lte=now))
        & (Q(expire_at__isnull=True) | Q(expire_at__gt=now))
        & ~restricted_q()
    )


def public_pages(queryset: QuerySet) -> QuerySet:
    """Only the pages of ``queryset`` that anyone may read right now."""
    return queryset.filter(public_q())


def in_locale(queryset: QuerySet, locale: str, *, fallback: bool, default_locale: str) -> QuerySet:
    """Pages in ``locale``; with ``fallback``, the ``default_locale`` page where none exists.

    ``queryset`` must already be public; the fallback test looks for a *public* translation,
    so a page whose translation is a draft or restricted falls back to the original.
    """
    if not fallback or locale == default_locale:
        return queryset.filter(locale__language_code=locale)
    translated = public_pages(Page.objects.all()).filter(
        translation_key=OuterRef("translation_key"), locale__language_code=locale
    )
    return queryset.filter(
        Q(locale__language_code=locale)
        | Q(locale__language_code=default_locale) & ~Q(Exists(translated))
    )
