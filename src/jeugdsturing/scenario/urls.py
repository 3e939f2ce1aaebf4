# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.scenario import views

app_name = "scenario"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("risicoverevening/", views.verevening, name="verevening"),
    path("kostenprojectie/", views.kostenprojectie, name="kostenprojectie"),
]
