# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.continuiteit import views

app_name = "continuiteit"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("<int:pk>/", views.transitie, name="transitie"),
    path("<int:pk>/gevallen/", views.gevallen, name="gevallen"),
    path("<int:pk>/gevallen/<int:geval_pk>/", views.geval, name="geval"),
    path("<int:pk>/regels/", views.regels, name="regels"),
    path("<int:pk>/budget/", views.budget, name="budget"),
    path("<int:pk>/verloop/", views.verloop, name="verloop"),
]
