from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    """The image model: Wagtail's, with alt text the editor must give."""

    name = "cms.media"
    label = "media"
    verbose_name = _("Media")
