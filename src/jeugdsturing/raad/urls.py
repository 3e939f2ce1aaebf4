# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.raad import views

app_name = "raad"

urlpatterns = [
    path("<int:pk>/", views.rapport, name="rapport"),
    path("<int:pk>/pdf/", views.rapport_pdf, name="pdf"),
    path("<int:pk>/open-data.csv", views.rapport_csv_view, name="csv"),
    path("codeboek.csv", views.codeboek, name="codeboek"),
]
