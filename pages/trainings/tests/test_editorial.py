"""A training whose end has passed is marked as ended on its page, without republishing."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone, translation
from django.utils.translation import gettext

from cms.editorial.sections import closed_mark
from pages.trainings.factories import TrainingIndexPageFactory, TrainingPageFactory

ENDED = "This training has ended"


def test_past_training_is_marked_ended(client, home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    past = TrainingPageFactory(
        parent=index, starts_at=timezone.now() - dt.timedelta(days=2), title="Mennyt kurssi"
    )
    revisions = past.revisions.count()
    with translation.override("fi"):
        ended = gettext(ENDED)
        assert str(closed_mark(past)) == ended
    assert ended in client.get(past.url).content.decode()
    assert past.revisions.count() == revisions


def test_ongoing_and_upcoming_trainings_are_not(client, home_page):
    index = TrainingIndexPageFactory(parent=home_page)
    ongoing = TrainingPageFactory(
        parent=index,
        starts_at=timezone.now() - dt.timedelta(hours=1),
        ends_at=timezone.now() + dt.timedelta(hours=1),
    )
    upcoming = TrainingPageFactory(parent=index)
    for page in (ongoing, upcoming):
        assert closed_mark(page) is None
        with translation.override("fi"):
            ended = gettext(ENDED)
        assert ended not in client.get(page.url).content.decode()
    assert closed_mark(ongoing, now=ongoing.ends_at) is not None, "the end instant closes it"
