"""The core's editorial tests run over a translated trainings section (see the fixture plugins)."""

from __future__ import annotations

import pytest


@pytest.fixture
def roles(training_indexes) -> None:
    """Set the roles up once the trainings section exists in every locale."""
    from cms.editorial.roles import setup_roles

    setup_roles()
