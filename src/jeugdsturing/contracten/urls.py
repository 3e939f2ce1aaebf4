# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.contracten import views, views_verantwoording

app_name = "contracten"

urlpatterns = [
    path("begroting/", views.begroting, name="begroting"),
    path(
        "goedkeuringen/<int:pk>/document/",
        views.goedkeuring_document,
        name="goedkeuring_document",
    ),
    path("overeenkomsten/", views.overeenkomsten, name="overeenkomsten"),
    path("overeenkomsten/<int:pk>/", views.overeenkomst, name="overeenkomst"),
    path("lumpsums/", views.lumpsums, name="lumpsums"),
    path("realisatie/", views.realisatie, name="realisatie"),
    path("rapportages/", views_verantwoording.rapportages, name="rapportages"),
    path("reele-prijs/", views.reele_prijs, name="reele_prijs"),
    path("overwinst/", views_verantwoording.overwinst_view, name="overwinst"),
]
