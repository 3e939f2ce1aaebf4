# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.sturing import views, views_dialoog, views_pakket, views_uitvraag

app_name = "sturing"

urlpatterns = [
    path("doelen/<str:thema>/", views.doelen, name="doelen"),
    path("uitvraag/", views_uitvraag.uitvragen, name="uitvragen"),
    path("uitvraag/<int:pk>/", views_uitvraag.uitvraag, name="uitvraag"),
    path("levering/<int:pk>/", views_uitvraag.levering, name="levering"),
    path("bijlage/<int:pk>/", views_uitvraag.bijlage, name="bijlage"),
    path("pakketten/", views_pakket.pakketten, name="pakketten"),
    path("pakket/<int:pk>/", views_pakket.pakket, name="pakket"),
    path("pakket/<int:pk>/overleg/", views_dialoog.overleg_nieuw, name="overleg_nieuw"),
    path("pakket/<int:pk>/<str:soort>/", views_pakket.pakket_bestand, name="pakket_bestand"),
    path("overleg/<int:pk>/", views_dialoog.overleg, name="overleg"),
]
