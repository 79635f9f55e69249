"""Compatibility import path: the visibility rule lives in :mod:`cms.visibility`."""

from cms.visibility import in_locale, public_pages, public_q, restricted_q

__all__ = ["in_locale", "public_pages", "public_q", "restricted_q"]
