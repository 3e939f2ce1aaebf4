# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Role x endpoint: who gets an answer from which endpoint. The expectations are
written out here by hand from docs/rollen.md and the issue, not read from the policy
table (tests/core/test_access.py does the same for the pages)."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests.api.conftest import ROLLEN, Api

pytestmark = pytest.mark.django_db

TEAM = {"regiobeheerder", "contractmanager", "beleid", "data-analist", "financien"}
ALLEN = set(ROLLEN)
# endpoint -> the roles that get 200 (everyone else: 403; without a key: 401)
MAG: dict[str, set[str]] = {
    "regios": ALLEN - {"raad"},
    "themas": ALLEN - {"raad"},
    "gebieden": ALLEN - {"raad"},
    "gemeenten": TEAM | {"gemeente"},
    "aanbieders": TEAM | {"gemeente", "aanbieder"},
    "overeenkomsten": TEAM | {"gemeente", "aanbieder"},
    "begrotingen?jaar=2027": TEAM | {"gemeente", "aanbieder"},
    "lumpsums": TEAM | {"gemeente", "aanbieder"},
    "realisatie?jaar=2027": TEAM | {"gemeente", "aanbieder"},
    "prognoses?jaar=2027&maand=6": TEAM | {"gemeente", "aanbieder"},
    "indicatoren?van=2027-01-01&tot=2027-12-31": TEAM | {"gemeente", "aanbieder"},
    "indicatoren/trajecten?van=2027-01-01&tot=2027-12-31&indicator=instroom": TEAM,
    # tenders in machine form: the tender team (as the OCDS export on the page)
    "aanbestedingen": {"regiobeheerder", "contractmanager", "beleid"},
    "aanbestedingen/AJH-2026/ocds": {"regiobeheerder", "contractmanager", "beleid"},
    "pakketten": TEAM | {"gemeente", "aanbieder"},
    "signalen": TEAM | {"aanbieder", "toegang"},
    "raadsrapportages": TEAM | {"gemeente", "raad"},
    "verantwoordingen": TEAM | {"gemeente", "aanbieder"},
    # deliveries: the provider its own, the team all; a gemeente is refused in the view
    "leveringen": TEAM | {"aanbieder"},
    "importen": {"data-analist"},
    "importen/999999": set(),  # 404 for the data-analist, 403 for the others
}


def _routes() -> set[str]:
    uit: set[str] = set()

    def walk(patterns: Sequence[object], prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern) and prefix.startswith("api/v1/"):
                uit.add(prefix + str(p.pattern))

    walk(get_resolver().url_patterns, "")
    return uit


def test_every_endpoint_is_in_the_matrix():
    gedekt = {"api/v1/" + pad.split("?")[0] for pad in MAG}
    gedekt = {
        p.replace("AJH-2026", "<str:referentie>").replace("999999", "<int:pk>") for p in gedekt
    }
    schrijven = {"api/v1/leveringen/<int:pk>/bestand", "api/v1/pakketten/<int:pk>"}
    openbaar = {"api/v1/", "api/v1/openapi.json"}
    assert _routes() - gedekt - schrijven - openbaar == set()


@pytest.mark.parametrize("rol", ROLLEN)
def test_each_role_gets_exactly_its_endpoints(rol):
    api = Api(rol)
    fout = []
    for pad, rollen in MAG.items():
        r = api.get(pad)
        verwacht = 200 if rol in rollen else 403
        if pad == "importen/999999" and rol == "data-analist":
            verwacht = 404
        if r.status_code != verwacht:
            fout.append((pad, r.status_code, verwacht, r.content[:200]))
        assert r["Content-Type"] == (
            "application/json" if verwacht == 200 else "application/problem+json"
        ), pad
        assert r["API-Version"] == "1.0.0"
    assert not fout, fout


def test_without_a_key_every_endpoint_answers_401(client):
    for pad in MAG:
        r = client.get("/api/v1/" + pad)
        assert r.status_code == 401, pad
        assert r["Content-Type"] == "application/problem+json"
        assert r["WWW-Authenticate"] == "Bearer"
        assert "API-sleutel" in r.json()["detail"]


def test_writes_are_refused_to_roles_that_may_not_deliver(client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    for rol in ["gemeente", "raad", "contractmanager"]:
        api = Api(rol)
        r = api.post("importen", {"bestanden": [SimpleUploadedFile("a.xml", b"<x/>")]})
        assert r.status_code == 403, rol
        assert "Berichten: bestanden aanleveren (alleen voor data-analist)" in r.json()["detail"]
    for rol in ["gemeente", "beleid", "raad"]:
        r = Api(rol).post("verantwoordingen", {"bestand": SimpleUploadedFile("r.xlsx", b"x")})
        assert r.status_code == 403, rol
    for rol in ["contractmanager", "gemeente", "data-analist"]:
        r = Api(rol).post("leveringen/1/bestand", {"bestand": SimpleUploadedFile("u.xlsx", b"x")})
        assert r.status_code == 403, rol
