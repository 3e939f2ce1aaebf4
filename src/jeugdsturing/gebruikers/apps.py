from django.apps import AppConfig


class GebruikersConfig(AppConfig):
    name = "jeugdsturing.gebruikers"
    verbose_name = "Gebruikers en rollen"
