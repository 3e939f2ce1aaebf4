# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.escalatie import views

app_name = "escalatie"

urlpatterns = [
    path("", views.overzicht, name="overzicht"),
    path("signaal/<int:pk>/", views.signaal, name="signaal"),
    path("traject/<int:pk>/", views.traject, name="traject"),
    path("traject/<int:pk>/document/<int:doc>/", views.document, name="document"),
]
