from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "jeugdsturing.core"
    verbose_name = "Gebruikers, rollen en audit"

    def ready(self) -> None:
        from jeugdsturing.core import checks  # noqa: F401  (registers the system checks)
