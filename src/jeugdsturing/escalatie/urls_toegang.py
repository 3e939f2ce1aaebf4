# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.escalatie import views_toegang

app_name = "toegang"

urlpatterns = [
    path("", views_toegang.toegang, name="overzicht"),
    path("aanmelding/<int:pk>/", views_toegang.aanmelding, name="aanmelding"),
    path("advies/", views_toegang.advies, name="advies"),
]
