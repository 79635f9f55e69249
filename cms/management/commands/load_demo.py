"""``manage.py load_demo``: build the demo site; running it again changes nothing."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from wagtail.models import Site

from cms.demo import DemoContext
from cms.demo.vocabularies import build_vocabularies
from cms.plugins import registry
from home.demo import build_accessibility_statement

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "eduverkko-demo"

HOME_TRANSLATIONS = {
    "sv": {
        "title": "Utbildningsnätverk",
        "slug": "startsida",
        "intro": "<p>Utbildningar, nyheter, projektresultat och nätverk "
        "för personal inom utbildning och kultur.</p>",
    },
    "en": {
        "title": "Education networks",
        "slug": "home",
        "intro": "<p>Trainings, news, project results and networks "
        "for education and culture staff.</p>",
    },
}


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
        context = DemoContext(home=home)
        context.translate(home, HOME_TRANSLATIONS)
        build_vocabularies(context)
        for plugin in registry:
            if plugin.demo_builder is not None:
                plugin.demo_builder(context)
        build_accessibility_statement(context)
        self.stdout.write(f"Demo content: {len(context.created)} new pages.")
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
                f"Admin: http://127.0.0.1:8000/admin/  user {ADMIN_USERNAME!r}  "
                f"password {ADMIN_PASSWORD!r}"
                + ("" if created else " (existing user; password unchanged)")
            )
        )
