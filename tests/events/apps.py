from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "tests.events"
    label = "events"
    verbose_name = "Events (test plugin)"

    def ready(self) -> None:
        from cms.plugins import register
        from tests.events.plugin import build_plugin

        register(build_plugin)
