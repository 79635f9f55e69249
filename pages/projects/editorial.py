"""The project-results section's editorial workflow: project editors write, lightly reviewed."""

from cms.editorial.sections import EditorialRole, EditorialSection, WorkflowKind

#: Shared with the networks section: the same people keep projects and networks current.
PROJECT_EDITORS = EditorialRole(
    "project_editors", "Hankesivujen toimittajat", legacy_names=("Project editors",)
)

EDITORIAL = EditorialSection(roles=(PROJECT_EDITORS,), workflow=WorkflowKind.LIGHT)
