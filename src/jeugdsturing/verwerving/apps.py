from django.apps import AppConfig


class VerwervingConfig(AppConfig):
    name = "jeugdsturing.verwerving"
    verbose_name = "Verwerving"
