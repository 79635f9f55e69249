"""``manage.py setup_roles``: editor groups, permissions and workflows (idempotent)."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from cms.editorial.roles import setup_roles


class Command(BaseCommand):
    help = (
        "Create or update the editor groups (communications, section writers, translators), "
        "their page, snippet and media permissions in every locale, and the workflows."
    )

    def handle(self, *args, **options) -> None:
        report = setup_roles()
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.groups} groups, {report.page_permissions} new page permissions, "
                f"{report.workflows} workflows in use."
            )
        )
