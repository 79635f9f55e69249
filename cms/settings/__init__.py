"""Settings per environment: ``base`` plus one of ``dev``, ``test`` and ``production``."""

from types import ModuleType
from typing import Any


def inherit(namespace: dict[str, Any], base: ModuleType) -> None:
    """Copy the settings (UPPER_CASE names) of ``base`` into an environment's namespace.

    Used instead of ``from base import *`` so that each environment module states plainly
    what it inherits and linters can still see every name it overrides.
    """
    namespace.update({name: value for name, value in vars(base).items() if name.isupper()})
