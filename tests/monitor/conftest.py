# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

from datetime import date, timedelta

import pytest

from jeugdsturing.berichten.models import Traject, TrajectStatus
from jeugdsturing.contracten.models import Aanbieder


def agb_codes() -> dict[str, str]:
    """AGB codes of three demo providers: Amstelzorg (the demo provider user's), and two
    others."""
    namen = ["Amstelzorg", "Horizon Jeugd", "Arkin Jong"]
    codes = dict(Aanbieder.objects.filter(naam__in=namen).values_list("naam", "agb_code"))
    return {
        "eigen": codes["Amstelzorg"],
        "ander": codes["Horizon Jeugd"],
        "klein": codes["Arkin Jong"],
    }


@pytest.fixture
def agb() -> dict[str, str]:
    return agb_codes()


@pytest.fixture
def trajecten(agb: dict[str, str]) -> list[Traject]:
    return maak_trajecten(agb)


def maak_trajecten(agb: dict[str, str]) -> list[Traject]:
    """2027 in the demo region: Amstelzorg 40 trajectories (30 in Amstelveen 0362, 10 in
    Amsterdam 0363), Horizon Jeugd 30 in Amsterdam, Arkin Jong 3 in Amstelveen. Every
    trajectory of Amstelzorg and Horizon Jeugd with an even number ended as planned, the
    rest of those runs on; Arkin Jong's 3 ended as drop-out."""
    rijen = []
    plan = [
        ("eigen", "0362", 30),
        ("eigen", "0363", 10),
        ("ander", "0363", 30),
        ("klein", "0362", 3),
    ]
    n = 0
    for wie, gemeente, aantal in plan:
        for i in range(aantal):
            n += 1
            begin = date(2027, 1, 4) + timedelta(days=3 * i)
            eind, reden = None, ""
            if wie == "klein":
                eind, reden = begin + timedelta(days=20), "33"
            elif i % 2 == 0:
                eind, reden = begin + timedelta(days=60 + i), "31"
            rijen.append(
                Traject(
                    sleutel=f"test-{n}", gemeente=gemeente, aanbieder=agb[wie],
                    client=f"{n:064x}", geboortejaar=2015, gebied="",
                    toewijzingnummer=str(n), categorie="45", productcode="45A01",
                    toewijzingsdatum=begin - timedelta(days=14),
                    toewijzing_ingangsdatum=begin - timedelta(days=14), begindatum=begin,
                    einddatum=eind, reden_beeindiging=reden, start_gemeld_op=begin,
                    stop_gemeld_op=eind,
                    status=TrajectStatus.BEEINDIGD if eind else TrajectStatus.LOPEND,
                )
            )  # fmt: skip
    return Traject.objects.bulk_create(rijen)
