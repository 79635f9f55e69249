"""``manage.py load_demo``: build the demo site; running it again changes nothing."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from cms.demo.loader import DemoDataError, DemoLoader, demo_data_files
from cms.origin import absolute_url

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "eduverkko-demo"


class Command(BaseCommand):
    help = "Load the demo site (Finnish, with Swedish and English translations). Idempotent."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load the demo even though DEBUG is off (it creates a known admin password).",
        )

    @transaction.atomic
    def handle(self, *args, **options) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "load_demo runs only with DEBUG on: it creates the user "
                f"{ADMIN_USERNAME!r} with a published password. Pass --force to load it anyway."
            )
        home = Site.objects.get(is_default_site=True).root_page.specific
        loader = DemoLoader(home=home)
        try:
            loader.load(demo_data_files())
        except DemoDataError as error:
            raise CommandError(f"Demo data: {error}") from error
        self.stdout.write(f"Demo content: {len(loader.created)} new pages.")
        self._ensure_admin()

    def _ensure_admin(self) -> None:
        user_model = get_user_model()
        user, created = user_model.objects.get_or_create(
            username=ADMIN_USERNAME,
            defaults={"is_superuser": True, "is_staff": True, "email": "admin@example.fi"},
        )
        if created:
            user.set_password(ADMIN_PASSWORD)
            user.save()
        self.stdout.write(
            self.style.SUCCESS(
                f"Admin: {absolute_url('/admin/')}  user {ADMIN_USERNAME!r}  "
                f"password {ADMIN_PASSWORD!r}"
                + ("" if created else " (existing user; password unchanged)")
            )
        )
