from django.apps import AppConfig


class WebConfig(AppConfig):
    """The web shell: start page, navigation, the section pages without an app of their
    own yet, management and audit pages, and the commands that combine apps (demo,
    region)."""

    name = "jeugdsturing.web"
    verbose_name = "Webschil"
