"""``manage.py setup_roles``: editor groups, permissions and workflows (idempotent)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError

from cms.editorial.roles import COMMUNICATIONS, TRANSLATORS, setup_roles
from cms.editorial.sections import section_roles

DEMO_PASSWORD = "eduverkko-demo"


class Command(BaseCommand):
    help = (
        "Create or update the editor groups (communications, section writers, translators), "
        "their page, snippet and media permissions in every locale, and the workflows."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--demo-users",
            action="store_true",
            help="Also create one user per group (username = role key), in DEBUG only.",
        )

    def handle(self, *args, demo_users: bool, **options) -> None:
        if demo_users and not settings.DEBUG:
            raise CommandError("--demo-users creates known passwords; it runs only with DEBUG.")
        report = setup_roles()
        self.stdout.write(
            self.style.SUCCESS(
                f"{report.groups} groups, {report.page_permissions} new page permissions, "
                f"{report.workflows} workflows in use."
            )
        )
        if demo_users:
            self._demo_users()

    def _demo_users(self) -> None:
        user_model = get_user_model()
        for role in (COMMUNICATIONS, *section_roles(), TRANSLATORS):
            user, created = user_model.objects.get_or_create(
                username=role.key,
                defaults={"email": f"{role.key}@example.fi", "first_name": role.name},
            )
            if created:
                user.set_password(DEMO_PASSWORD)
                user.save()
            user.groups.add(Group.objects.get(name=role.name))
            state = "created" if created else "exists; password unchanged"
            self.stdout.write(f"  {role.name}: user {role.key!r} ({state})")
        self.stdout.write(f"Demo editors' password: {DEMO_PASSWORD!r}")
