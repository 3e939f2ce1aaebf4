from django.apps import AppConfig


class MonitorConfig(AppConfig):
    name = "jeugdsturing.monitor"
    verbose_name = "Monitor"
