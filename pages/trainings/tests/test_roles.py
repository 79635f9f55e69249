"""The trainings section's own group and workflow keep their Finnish names: an earlier setup
named them in English ("Training planners", "Section review: trainings"), and ``setup_roles``
renames those in place so existing members and pages keep them."""

from __future__ import annotations

from django.contrib.auth.models import Group
from wagtail.models import Workflow

from cms.editorial.roles import setup_roles
from pages.trainings.editorial import TRAINING_PLANNERS

SECTION_WORKFLOW = "Osion tarkastus: koulutukset"


def test_the_planners_group_and_section_workflow_are_renamed_from_english(roles):
    Group.objects.filter(name=TRAINING_PLANNERS.name).update(name="Training planners")
    Workflow.objects.filter(name=SECTION_WORKFLOW).update(name="Section review: trainings")
    groups = Group.objects.count()
    setup_roles()
    assert Group.objects.count() == groups, "renamed, not duplicated"
    assert Group.objects.filter(name="Koulutussuunnittelijat").exists()
    assert not Group.objects.filter(name="Training planners").exists()
    names = set(Workflow.objects.values_list("name", flat=True))
    assert SECTION_WORKFLOW in names
    assert "Section review: trainings" not in names
