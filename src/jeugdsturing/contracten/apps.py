from django.apps import AppConfig


class ContractenConfig(AppConfig):
    name = "jeugdsturing.contracten"
    verbose_name = "Contracten en geld"
