# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""/api/v1/: collections in the plural, Dutch domain words, no trailing slash (NL API
Design Rules API-48)."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_not_required
from django.urls import path

from jeugdsturing.api import documentatie
from jeugdsturing.api import views as v

app_name = "api"


def _eindpunt(cls: Any) -> Any:
    """The view of an endpoint class: outside the pages' login redirect (the API answers
    401 itself), with the class's declaration where the access test reads it."""
    view = login_not_required(cls.as_view())
    view.toegang = cls.toegang
    return view


urlpatterns = [
    path("openapi.json", documentatie.openapi, name="openapi"),
    path("", documentatie.pagina, name="documentatie"),
    path("regios", _eindpunt(v.Regios), name="regios"),
    path("gemeenten", _eindpunt(v.Gemeenten), name="gemeenten"),
    path("themas", _eindpunt(v.Themas), name="themas"),
    path("gebieden", _eindpunt(v.Gebieden), name="gebieden"),
    path("aanbieders", _eindpunt(v.Aanbieders), name="aanbieders"),
    path("overeenkomsten", _eindpunt(v.Overeenkomsten), name="overeenkomsten"),
    path("begrotingen", _eindpunt(v.Begrotingen), name="begrotingen"),
    path("lumpsums", _eindpunt(v.Lumpsums), name="lumpsums"),
    path("realisatie", _eindpunt(v.Realisatie), name="realisatie"),
    path("prognoses", _eindpunt(v.Prognoses), name="prognoses"),
    path("indicatoren", _eindpunt(v.Indicatoren), name="indicatoren"),
    path("indicatoren/trajecten", _eindpunt(v.Trajecten), name="trajecten"),
    path("aanbestedingen", _eindpunt(v.Aanbestedingen), name="aanbestedingen"),
    path("aanbestedingen/<str:referentie>/ocds", _eindpunt(v.Ocds), name="ocds"),
    path("pakketten", _eindpunt(v.Pakketten), name="pakketten"),
    path("pakketten/<int:pk>", _eindpunt(v.PakketDetail), name="pakket"),
    path("signalen", _eindpunt(v.Signalen), name="signalen"),
    path("raadsrapportages", _eindpunt(v.Raadsrapportages), name="raadsrapportages"),
    path("verantwoordingen", _eindpunt(v.Verantwoordingen), name="verantwoordingen"),
    path("leveringen", _eindpunt(v.Leveringen), name="leveringen"),
    path("leveringen/<int:pk>/bestand", _eindpunt(v.LeveringBestand), name="levering_bestand"),
    path("importen", _eindpunt(v.Importen), name="importen"),
    path("importen/<int:pk>", _eindpunt(v.ImportDetail), name="import"),
]
