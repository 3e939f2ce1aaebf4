from django.apps import AppConfig


class RegioConfig(AppConfig):
    name = "jeugdsturing.regio"
    verbose_name = "Regio en referentiedata"
