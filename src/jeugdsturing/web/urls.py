# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from jeugdsturing.monitor import views as monitor_views
from jeugdsturing.raad import views as raad_views
from jeugdsturing.scenario import views as scenario_views
from jeugdsturing.sturing import views as sturing_views
from jeugdsturing.verwerving import views as verwerving_views
from jeugdsturing.web import tweede_factor, views, views_gebruikers

urlpatterns = [
    path("", views.home, name="home"),
    path("inloggen/", tweede_factor.Inloggen.as_view(), name="login"),
    path("tweede-factor/", tweede_factor.controle, name="tweede_factor_controle"),
    path("tweede-factor/instellen/", tweede_factor.instellen, name="tweede_factor_instellen"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("regio/", views.regio_detail, name="regio"),
    path("referentie/", views.referentie, name="referentie"),
    path("verwerving/", verwerving_views.overzicht, name="verwerving"),
    path("verwerving/", include("jeugdsturing.verwerving.urls")),
    path("contracten/", views.contracten, name="contracten"),
    path("contracten/", include("jeugdsturing.contracten.urls")),
    path("monitor/", monitor_views.dashboard, name="monitor"),
    path("monitor/", include("jeugdsturing.monitor.urls")),
    path("sturing/", sturing_views.overzicht, name="sturing"),
    path("sturing/", include("jeugdsturing.sturing.urls")),
    path("escalatie/", include("jeugdsturing.escalatie.urls")),
    path("toegang/", include("jeugdsturing.escalatie.urls_toegang")),
    path("zorgcontinuiteit/", include("jeugdsturing.continuiteit.urls")),
    path("scenario/", scenario_views.overzicht, name="scenario"),
    path("scenario/", include("jeugdsturing.scenario.urls")),
    path("rapportages/", raad_views.overzicht, name="rapportages"),
    path("rapportages/", include("jeugdsturing.raad.urls")),
    path("beheer/", views.beheer, name="beheer"),
    path("beheer/audit/", views.audit, name="audit"),
    path("beheer/gebruikers/", views_gebruikers.gebruikers, name="gebruikers"),
    path("beheer/gebruikers/<int:pk>/", views_gebruikers.gebruiker, name="gebruiker"),
    path("wachtwoord/", views_gebruikers.wachtwoord, name="wachtwoord"),
    path("api-sleutels/", views_gebruikers.api_sleutels, name="api_sleutels"),
    path("api/v1/", include("jeugdsturing.api.urls")),
    path("berichten/", include("jeugdsturing.berichten.urls")),
    # One login page: the admin's own login form forwards to it.
    path("admin/login/", views.admin_login, name="admin_login"),
    path("admin/", admin.site.urls),
]
