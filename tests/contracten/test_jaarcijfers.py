# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Annual accounts entered by form or upload for the excess-profit watch (issue 24)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from jeugdsturing.contracten.jaarcijfers import JaarcijfersFout, lees_jaarcijfers
from jeugdsturing.contracten.models import Aanbieder, Jaarcijfers
from tests.conftest import login

pytestmark = pytest.mark.django_db
PAD = "/contracten/overwinst/"


def _aanbieder(naam: str = "Horizon Jeugd") -> Aanbieder:
    return Aanbieder.objects.get(naam=naam)


def test_invoeren_door_het_team():
    a = _aanbieder()
    c = login("financien")
    html = c.post(PAD, {"aanbieder": a.agb_code, "jaar": "2027", "omzet": "12.500.000",
                        "kosten": "11.900.000,50", "resultaat": "599.999,50",
                        "bron": "jaarrekening 2027"}, follow=True).content.decode()  # fmt: skip
    assert "Jaarcijfers 2027 van Horizon Jeugd vastgelegd" in html
    j = Jaarcijfers.objects.get(aanbieder=a, jaar=2027)
    assert (j.omzet_eurocent, j.kosten_eurocent, j.resultaat_eurocent) == (
        1_250_000_000,
        1_190_000_050,
        59_999_950,
    )
    assert j.history.first().history_change_reason == "jaarcijfers 2027: jaarrekening 2027"
    html = c.post(PAD, {"aanbieder": a.agb_code, "jaar": "2027", "omzet": "100", "kosten": "50",
                        "resultaat": "40"}, follow=True).content.decode()  # fmt: skip
    assert "Resultaat: €\xa040,00 is niet omzet min kosten (€\xa050,00)" in html


def test_een_aanbieder_levert_alleen_de_eigen_cijfers():
    eigen = _aanbieder("Amstelzorg")
    ander = _aanbieder()
    c = login("aanbieder")
    html = c.post(PAD, {"aanbieder": ander.agb_code, "jaar": "2027", "omzet": "1", "kosten": "1"},
                  follow=True).content.decode()  # fmt: skip
    assert "Aanbieder: kies een aanbieder (uw eigen organisatie)" in html
    html = c.post(PAD, {"aanbieder": eigen.agb_code, "jaar": "2027", "omzet": "2.000.000",
                        "kosten": "1.800.000"}, follow=True).content.decode()  # fmt: skip
    assert "Jaarcijfers 2027 van Amstelzorg vastgelegd" in html
    assert (
        "ingevoerd door de aanbieder zelf"
        in Jaarcijfers.objects.get(aanbieder=eigen, jaar=2027).bron
    )
    for rol in ("beleid", "data-analist"):
        assert login(rol).post(PAD, {"aanbieder": eigen.agb_code}).status_code == 403
    assert login("gemeente").get(PAD).status_code == 403
    assert "Overwinst" not in login("gemeente").get("/contracten/begroting/").content.decode()


def test_inlezen_is_alles_of_niets():
    a, b = _aanbieder(), _aanbieder("Arkin Jong")
    goed = f"\ufeffAGB-code;jaar;omzet;kosten;omzet jeugdhulp\n{a.agb_code};2027;1.000.000;900.000;800.000\n{b.agb_code};2027;2.000.000,00;2.100.000;\n"
    c = login("contractmanager")
    html = c.post(
        PAD, {"bestand": SimpleUploadedFile("cijfers.csv", goed.encode())}, follow=True
    ).content.decode()
    assert "2 regels jaarcijfers ingelezen uit cijfers.csv" in html
    assert Jaarcijfers.objects.get(aanbieder=b, jaar=2027).resultaat_eurocent == -10_000_000
    fout = goed.replace("900.000", "9x0")
    html = c.post(PAD, {"bestand": SimpleUploadedFile("fout.csv", fout.replace("2027", "2028").encode())},
                  follow=True).content.decode()  # fmt: skip
    assert "fout.csv, rij 2, kolom kosten: &#x27;9x0&#x27; is geen getal" in html
    assert not Jaarcijfers.objects.filter(
        jaar=2028
    ).exists()  # the valid row 3 is not stored either


@pytest.mark.parametrize(
    ("tekst", "melding"),
    [
        ("agb;jaar\n1;2027\n", "kolom(men) omzet, kosten ontbreken"),
        (
            "AGB-code;jaar;omzet;kosten\n123;2027;1;1\n",
            "rij 2, kolom AGB-code: '123' is geen AGB-code",
        ),
        ("AGB-code;jaar;omzet;kosten\n12345678;27;1;1\n", "rij 2, kolom jaar: '27' is geen jaar"),
        (
            "AGB-code;jaar;omzet;kosten\n12345678;2027;1;1\n12345678;2027;2;2\n",
            "rij 3: aanbieder 12345678 staat voor 2027 al",
        ),
        ("AGB-code;jaar;omzet;kosten;omzet jeugdhulp\n12345678;2027;1;1;5\n", "hoger dan de omzet"),
        ("AGB-code;jaar;omzet;kosten\n", "geen regels met jaarcijfers"),
    ],
)
def test_fouten_noemen_rij_en_kolom(tekst, melding):
    with pytest.raises(JaarcijfersFout, match=melding.replace("(", r"\(").replace(")", r"\)")):
        lees_jaarcijfers(tekst, "x.csv")
