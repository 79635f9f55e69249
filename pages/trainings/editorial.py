"""The trainings section's editorial workflow: planners write, a past training is marked."""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext_lazy as _

from cms.editorial.sections import ClosedRule, EditorialRole, EditorialSection, WorkflowKind
from pages.trainings.models import TrainingPage

TRAINING_PLANNERS = EditorialRole(
    "training_planners", "Koulutussuunnittelijat", legacy_names=("Training planners",)
)


def has_ended(page: TrainingPage, now: dt.datetime) -> bool:
    return page.has_ended_at(now)


EDITORIAL = EditorialSection(
    roles=(TRAINING_PLANNERS,),
    workflow=WorkflowKind.LIGHT,
    parity_required=True,
    closed=ClosedRule(applies=has_ended, label=_("This training has ended")),
)
