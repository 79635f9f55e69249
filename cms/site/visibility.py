"""Compatibility import path: the visibility rule lives in :mod:`cms.visibility`."""

from cms.visibility import visible

__all__ = ["visible"]
