"""The editorial and translation workflow: roles, workflows, scheduling, share links, reports.

Content types take part through the ``"editorial"`` contribution of their plugin (an
:class:`cms.editorial.sections.EditorialSection`); nothing here names a content type.
"""
