from django.apps import AppConfig


class BerichtenConfig(AppConfig):
    name = "jeugdsturing.berichten"
    verbose_name = "iJw-berichtenverkeer"
