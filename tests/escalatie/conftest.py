# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from datetime import date, timedelta

import pytest

from jeugdsturing.berichten.models import Traject, TrajectStatus
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.monitor import service
from jeugdsturing.regio.models import Regio

PEIL = date(2027, 12, 31)


@pytest.fixture
def regio() -> Regio:
    return Regio.objects.get(code="JZ13")


@pytest.fixture
def aanbieders() -> list[Aanbieder]:
    """Six demo providers; the last is the weak one of the fixture (Amstelzorg, the demo
    provider user's, is the first)."""
    eerste = Aanbieder.objects.get(naam="Amstelzorg")
    rest = list(Aanbieder.objects.exclude(pk=eerste.pk).order_by("agb_code")[:5])
    return [eerste, *rest]


def maak_trajecten(aanbieders: list[Aanbieder], *, zwak_gepland: int = 18) -> list[Traject]:
    """2027: every provider 60 trajectories that ended in 2027; the first five end 42 of
    60 (70%) as planned after 150-209 days; the last (weak) ends `zwak_gepland` of 60 as
    planned after 400-459 days. Clients are distinct (no repeat use)."""
    service.vergeet(Regio.objects.get(code="JZ13"))
    rijen, n = [], 0
    for j, a in enumerate(aanbieders):
        zwak = j == len(aanbieders) - 1
        for i in range(60):
            n += 1
            eind = date(2027, 1, 10) + timedelta(days=5 * i)
            duur = (400 if zwak else 150) + i
            begin = eind - timedelta(days=duur)
            gepland = i < (zwak_gepland if zwak else 42)
            rijen.append(Traject(
                sleutel=f"esc-{n}", gemeente="0363", aanbieder=a.agb_code,
                client=f"{n:064x}", geboortejaar=2014, gebied="", toewijzingnummer=str(n),
                categorie="45", productcode="45A01", toewijzingsdatum=begin - timedelta(days=10),
                toewijzing_ingangsdatum=begin, begindatum=begin, einddatum=eind,
                reden_beeindiging="31" if gepland else "33", start_gemeld_op=begin,
                stop_gemeld_op=eind, status=TrajectStatus.BEEINDIGD,
            ))  # fmt: skip
    return Traject.objects.bulk_create(rijen)


@pytest.fixture
def trajecten(aanbieders: list[Aanbieder]) -> list[Traject]:
    return maak_trajecten(aanbieders)
