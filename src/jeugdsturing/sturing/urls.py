# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.sturing import views

app_name = "sturing"

urlpatterns = [
    path("doelen/<str:thema>/", views.doelen, name="doelen"),
]
