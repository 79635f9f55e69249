from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EditorialConfig(AppConfig):
    name = "cms.editorial"
    label = "editorial"
    verbose_name = _("Editorial workflow")

    def ready(self) -> None:
        from cms.editorial import signals

        # Every `migrate` (and so every deploy and `make run`) brings groups, permissions
        # and workflows up to date; `manage.py setup_roles` does the same on demand.
        post_migrate.connect(signals.setup_roles_after_migrate, sender=self)
