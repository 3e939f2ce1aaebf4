# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from django.urls import path

from jeugdsturing.verwerving import (
    views,
    views_documenten,
    views_inrichting,
    views_inschrijving,
    views_verloop,
)

app_name = "verwerving"

urlpatterns = [
    path("nieuw/", views_inrichting.nieuw, name="nieuw"),
    path("deelname/<int:pk>/", views.deelname, name="deelname"),
    path("<str:referentie>/", views.aanbesteding, name="aanbesteding"),
    path("<str:referentie>/beoordelen/", views.beoordelen, name="beoordelen"),
    path("<str:referentie>/actie/", views.actie, name="actie"),
    path("<str:referentie>/vraag/", views.vraag, name="vraag"),
    path("<str:referentie>/toetsing/", views.toetsing, name="toetsing"),
    path("<str:referentie>/inrichting/", views_inrichting.inrichting, name="inrichting"),
    path("<str:referentie>/inschrijven/", views_inschrijving.inschrijven, name="inschrijven"),
    path("<str:referentie>/bijlage/<int:pk>/", views_inschrijving.bijlage, name="bijlage"),
    path(
        "<str:referentie>/bijlage/<int:pk>/verwijder/",
        views_inschrijving.bijlage_verwijder,
        name="bijlage_verwijder",
    ),
    path("<str:referentie>/eindbod/", views_inschrijving.eindbod, name="eindbod"),
    path("<str:referentie>/consensus/", views_verloop.consensus, name="consensus"),
    path("<str:referentie>/selectie/", views_verloop.selectie, name="selectie"),
    path("<str:referentie>/bezwaar/", views_verloop.bezwaar, name="bezwaar"),
    path("<str:referentie>/dialoog/", views_verloop.dialoog, name="dialoog"),
    path("<str:referentie>/dekking/", views_verloop.dekking, name="dekking"),
    path("<str:referentie>/ocds.json", views_documenten.ocds_export, name="ocds"),
    path("<str:referentie>/brief/<int:nummer>.pdf", views_documenten.brief, name="brief"),
    path("<str:referentie>/nota/<int:nummer>.pdf", views_documenten.nota, name="nota"),
    path(
        "<str:referentie>/proces-verbaal.pdf",
        views_documenten.proces_verbaal,
        name="proces_verbaal",
    ),
]
