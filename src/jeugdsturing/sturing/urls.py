# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.sturing import views, views_uitvraag

app_name = "sturing"

urlpatterns = [
    path("doelen/<str:thema>/", views.doelen, name="doelen"),
    path("uitvraag/", views_uitvraag.uitvragen, name="uitvragen"),
    path("uitvraag/<int:pk>/", views_uitvraag.uitvraag, name="uitvraag"),
    path("levering/<int:pk>/", views_uitvraag.levering, name="levering"),
    path("bijlage/<int:pk>/", views_uitvraag.bijlage, name="bijlage"),
]
