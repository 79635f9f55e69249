"""The core's editorial tests run over the test plugin's section (and, until their rewrite on
the test plugin, the trainings section; see PENDING_REWRITE_ON_TEST_PLUGIN)."""

from __future__ import annotations

import pytest


@pytest.fixture
def roles(publication_indexes, training_indexes) -> None:
    """Set the roles up once both sections exist in every locale."""
    from cms.editorial.roles import setup_roles

    setup_roles()
