# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.monitor import views, views_informatie

app_name = "monitor"

urlpatterns = [
    path("trajecten/", views.trajecten, name="trajecten"),
    path("informatie/", views_informatie.informatie, name="informatie"),
]
