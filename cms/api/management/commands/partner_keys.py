"""``manage.py partner_keys create|list|revoke``: partner keys without the admin."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from cms.api.models import PartnerKey
from cms.vocabularies.models import Organisation


def expiry(value: str) -> dt.datetime:
    """A date (YYYY-MM-DD): the key expires at the end of that day, Finnish time."""
    try:
        day = dt.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(f"--expires: {error}") from error
    return timezone.make_aware(dt.datetime.combine(day + dt.timedelta(days=1), dt.time.min))


class Command(BaseCommand):
    help = "Create, list or revoke partner API keys. A new key is printed only once."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Create a key and print it once.")
        create.add_argument("--name", required=True)
        create.add_argument("--organisation", required=True, help="Organisation slug.")
        create.add_argument("--daily-quota", type=int, default=10_000)
        create.add_argument("--expires", help="Last valid day, YYYY-MM-DD.")
        actions.add_parser("list", help="List keys (prefixes only).")
        revoke = actions.add_parser("revoke", help="Revoke a key by its prefix.")
        revoke.add_argument("prefix")

    def handle(self, *args: Any, action: str, **options: Any) -> None:
        getattr(self, f"handle_{action}")(**options)

    def handle_create(
        self, name: str, organisation: str, daily_quota: int, expires: str | None, **_: Any
    ) -> None:
        owner = Organisation.objects.filter(slug=organisation, locale__language_code="fi").first()
        if owner is None:
            raise CommandError(f"No organisation with the slug {organisation!r}.")
        if daily_quota < 1:
            raise CommandError("--daily-quota must be at least 1.")
        key, raw_key = PartnerKey.issue(
            name=name,
            organisation=owner,
            daily_quota=daily_quota,
            expires_at=expiry(expires) if expires else None,
        )
        self.stdout.write(f"Created key {key.prefix} for {owner.name}. Store it now:")
        self.stdout.write(raw_key)

    def handle_list(self, **_: Any) -> None:
        for key in PartnerKey.objects.select_related("organisation"):
            state = "usable" if key.is_usable() else "revoked or expired"
            used = key.last_used_at.isoformat() if key.last_used_at else "never"
            self.stdout.write(
                f"{key.prefix}\t{key.name}\t{key.organisation.name}\t"
                f"quota {key.daily_quota}/day\t{state}\tlast used {used}"
            )

    def handle_revoke(self, prefix: str, **_: Any) -> None:
        key = PartnerKey.objects.filter(prefix=prefix).first()
        if key is None:
            raise CommandError(f"No key with the prefix {prefix!r}.")
        key.revoked = True
        key.save()
        self.stdout.write(f"Revoked key {prefix} ({key.name}).")
