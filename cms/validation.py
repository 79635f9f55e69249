"""Collecting a model's validation errors field by field, and the check every period needs.

A page's ``clean()`` reports every problem at once, each next to its field in the editor,
so it gathers messages before raising one ``ValidationError``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError


class FieldErrors:
    """Messages by field name, raised together by :meth:`raise_any`."""

    def __init__(self) -> None:
        self.messages: dict[str, list[Any]] = {}

    def add(self, field: str, message: Any) -> None:
        self.messages.setdefault(field, []).append(message)

    def check_order(self, first: Any, last: Any, *, field: str, message: Any) -> None:
        """``last`` may not come before ``first`` (a period, a window); empty ends are open."""
        if first is not None and last is not None and last < first:
            self.add(field, message)

    def raise_any(self) -> None:
        if self.messages:
            raise ValidationError(self.messages)
