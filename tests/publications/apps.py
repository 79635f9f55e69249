from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "tests.publications"
    label = "publications"
    verbose_name = "Publications (test plugin)"

    def ready(self) -> None:
        from cms.plugins import register
        from tests.publications.plugin import build_plugin

        register(build_plugin)
