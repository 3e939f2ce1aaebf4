# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class WebConfig(AppConfig):
    """The web shell: start page, navigation, the section pages without an app of their
    own yet, management and audit pages, and the commands that combine apps (demo,
    region)."""

    name = "jeugdsturing.web"
    verbose_name = "Webschil"


class GegevensbeheerConfig(admin_apps.AdminConfig):
    """Django's admin with the site of jeugdsturing.web.beheer (the access policy)."""

    default = False  # named in INSTALLED_APPS; WebConfig is this module's app
    default_site = "jeugdsturing.web.beheer.Gegevensbeheer"
