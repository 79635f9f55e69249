"""Which addresses may receive webhooks (the model field's validator).

The rule lives in :mod:`cms.api.outbound`; this path stays because migrations name it.
"""

from __future__ import annotations

from cms.api.outbound import validate_destination_url


def validate_webhook_url(url: str) -> None:
    """HTTPS to a public host; plain HTTP to loopback only where the setting allows it."""
    validate_destination_url(url)
