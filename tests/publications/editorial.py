"""The publications section's editorial workflow: its own editors, moderated, bilingual."""

from cms.editorial.sections import EditorialRole, EditorialSection, WorkflowKind

EDITORIAL = EditorialSection(
    roles=(EditorialRole("publication_editors", "Publication editors"),),
    workflow=WorkflowKind.MODERATED,
    parity_required=True,
)
