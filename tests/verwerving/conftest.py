# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.contrib.auth.models import User

from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.regio.models import Regio
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Beoordelaar,
    Criterium,
    Eis,
    Inschrijving,
    Perceel,
)

VRAGEN_TOT = datetime(2026, 9, 1, 12, tzinfo=UTC)
INSCHRIJVEN_TOT = datetime(2026, 10, 1, 12, tzinfo=UTC)
VOOR = datetime(2026, 8, 15, 9, tzinfo=UTC)
NA = datetime(2026, 10, 2, 9, tzinfo=UTC)


@dataclass
class Tender:
    aanbesteding: Aanbesteding
    percelen: list[Perceel]
    criteria: list[Criterium]
    eisen: list[Eis]
    aanbieders: list[Aanbieder]
    beoordelaars: list[Beoordelaar]


def nieuwe_aanbieders(n: int) -> list[Aanbieder]:
    return [
        Aanbieder.objects.create(naam=f"Testaanbieder {i:02d}", agb_code=f"9799{i:04d}")
        for i in range(1, n + 1)
    ]


@pytest.fixture
def tender(db) -> Tender:
    regio = Regio.objects.get(code="JZ13")
    a = Aanbesteding.objects.create(
        regio=regio, referentie="TEST-AJH", naam="Aanvullende jeugdhulp (test)",
        max_partners=3, wachtkamer=1, minimum_totaal=Decimal("5.50"),
        vragen_tot=VRAGEN_TOT, inschrijven_tot=INSCHRIJVEN_TOT,
    )  # fmt: skip
    percelen = [
        Perceel.objects.create(aanbesteding=a, code=t.code, naam=t.naam, thema=t)
        for t in regio.themas.order_by("volgorde")[:2]
    ]
    criteria = [
        Criterium.objects.create(aanbesteding=a, code="visie", naam="Visie", weging=50, minimum=Decimal("5.5")),
        Criterium.objects.create(aanbesteding=a, code="samenwerking", naam="Samenwerking", weging=30),
        Criterium.objects.create(aanbesteding=a, code="gebied", naam="Gebiedsgericht", weging=20),
    ]  # fmt: skip
    eisen = [
        Eis.objects.create(aanbesteding=a, code="UEA-1", omschrijving="Geen uitsluitingsgronden", soort="uitsluiting"),
        Eis.objects.create(aanbesteding=a, code="KWAL", omschrijving="Kwaliteitscertificaat"),
    ]  # fmt: skip
    beoordelaars = [
        Beoordelaar.objects.create(
            aanbesteding=a, gebruiker=User.objects.create_user(f"beoordelaar-test-{i}")
        )
        for i in (1, 2)
    ]
    s.aanbesteding_status_wijzig(
        aanbesteding=a, naar=AanbestedingStatus.AANGEKONDIGD, reden="publicatie"
    )
    a.refresh_from_db()
    return Tender(a, percelen, criteria, eisen, nieuwe_aanbieders(6), beoordelaars)


def dien_in(t: Tender, aanbieder: Aanbieder) -> Inschrijving:
    return s.inschrijving_dien_in(
        aanbesteding=t.aanbesteding, aanbieder=aanbieder, percelen=t.percelen[:1],
        visie="Onze visie", antwoorden={"V1": "antwoord"},
        capaciteit=[{"expertise": "ambulant", "gebied": "Noord", "min": 5, "max": 20}],
        uea={"uitsluitingsgronden": "geen"}, op=VOOR,
    )  # fmt: skip
