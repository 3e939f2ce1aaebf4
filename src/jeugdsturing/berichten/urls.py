# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.berichten import views

app_name = "berichten"

urlpatterns = [
    path("", views.index, name="index"),
    path("import/<int:pk>/", views.run, name="run"),
    path("quarantaine/", views.quarantaine, name="quarantaine"),
    path("quarantaine/<int:pk>/", views.quarantaine_detail, name="quarantaine_detail"),
    path("quarantaine/<int:pk>/bestand/", views.quarantaine_download, name="quarantaine_download"),
    path(
        "quarantaine/<int:pk>/verwijder/", views.quarantaine_verwijder, name="quarantaine_verwijder"
    ),
]
