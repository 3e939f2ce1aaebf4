# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The multi-year perspective 2028-2033 (seed 002 3.3.1), the yearly adjustment of the
lump sums (3.3.3) and the recorded approval when a total would be exceeded."""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Sum

from jeugdsturing.contracten import services
from jeugdsturing.contracten.models import Begroting, Begrotingskader, Goedkeuring, Lumpsum
from jeugdsturing.regio.models import Gemeente, Regio
from tests.conftest import login

pytestmark = pytest.mark.django_db

# Seed 002 3.3.1, the table of the multi-year budget AJH per gemeente (x 1.000 euro).
SEED = {
    "Aalsmeer": [6600] * 6,
    "Amstelveen": [20000] * 6,
    "Amsterdam": [253315] + [249370] * 5,
    "Diemen": [5500] * 6,
    "Uithoorn": [8000] * 6,
    "Ouder-Amstel": [2600] * 6,
}
JAREN = list(range(2028, 2034))


def _lumpsums_per_gemeente(regio: Regio, jaar: int) -> dict[str, int]:
    uit: dict[str, int] = defaultdict(int)
    for naam, b in Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar).values_list(
        "gemeente__naam", "bedrag_eurocent"
    ):
        uit[naam] += b
    return dict(uit)


def test_lumpsums_per_gemeente_gelijk_aan_de_seedtabel_voor_elk_jaar():
    regio = Regio.objects.get(code="JZ13")
    for i, jaar in enumerate(JAREN):
        verwacht = {naam: bedragen[i] * 1000 * 100 for naam, bedragen in SEED.items()}
        assert _lumpsums_per_gemeente(regio, jaar) == verwacht, jaar


def test_perspectief_op_de_pagina():
    import re

    html = login("financien").get("/contracten/lumpsums/?jaar=2030").content.decode()
    tabel = html.split('aria-label="Meerjarig perspectief per gemeente"')[1].split("</table>")[0]
    jaren = [int(j) for j in re.findall(r'<th scope="col" class="getal">(\d{4})</th>', tabel)]
    assert jaren[-6:] == JAREN
    amsterdam = re.search(r'<th scope="row">Amsterdam</th>(.*?)</tr>', tabel, re.S)
    assert amsterdam is not None
    cellen = re.findall(r'<td class="getal">(.*?)</td>', amsterdam.group(1), re.S)[-6:]
    # every year of the perspective: the lump sums equal the budget (no "begroot" note)
    assert cellen == ["253.315"] + ["249.370"] * 5


def test_gemeente_ziet_alleen_de_eigen_rij():
    html = login("gemeente").get("/contracten/lumpsums/").content.decode()
    tabel = html.split('aria-label="Meerjarig perspectief per gemeente"')[1].split("</table>")[0]
    assert "Amstelveen" in tabel
    assert "Amsterdam" not in tabel
    assert "Jaarlijkse bijstelling" not in html


def test_bijstelling_binnen_het_kader():
    regio = Regio.objects.get(code="JZ13")
    diemen = Gemeente.objects.get(naam="Diemen")
    amsterdam_voor = _lumpsums_per_gemeente(regio, 2030)["Amsterdam"]
    c = login("financien")
    r = c.post("/contracten/lumpsums/", {"gemeente": diemen.code, "jaar": "2030",
                                         "bedrag_euro": "5.000.000", "reden": "rijksbijdrage lager"},
               follow=True)  # fmt: skip
    assert "zijn bijgesteld tot €\xa05.000.000,00" in r.content.decode()
    na = _lumpsums_per_gemeente(regio, 2030)
    assert na["Diemen"] == 5_000_000_00
    assert na["Amsterdam"] == amsterdam_voor
    themas = Begroting.objects.filter(regio=regio, gemeente=diemen, jaar=2030, thema__isnull=False)
    assert themas.aggregate(s=Sum("bedrag_eurocent"))["s"] == 5_000_000_00
    b = Begroting.objects.get(regio=regio, gemeente=diemen, jaar=2030, thema__isnull=True)
    assert b.bedrag_eurocent == 5_000_000_00
    assert "bijstelling lumpsums: rijksbijdrage lager" in b.history.first().history_change_reason
    assert "Vaststellingen en bijstellingen" in r.content.decode()


PDF = b"%PDF-1.7\n% besluit\n%%EOF\n"


def _besluit() -> SimpleUploadedFile:
    return SimpleUploadedFile("besluit-2031-17.pdf", PDF, content_type="application/pdf")


def test_bijstelling_boven_het_kader_vraagt_een_goedkeuring():
    regio = Regio.objects.get(code="JZ13")
    kader = Begrotingskader.objects.get(regio=regio, jaar=2031).totaal_eurocent
    c = login("financien")
    data = {"gemeente": "0362", "jaar": "2031", "bedrag_euro": "21.000.000", "reden": "meer jeugd"}
    html = c.post("/contracten/lumpsums/", data, follow=True).content.decode()
    assert "Niet bijgesteld" in html
    assert "overschrijdt" in html
    assert "leg eerst een goedkeuring vast" in html
    assert _lumpsums_per_gemeente(regio, 2031)["Amstelveen"] == 20_000_000_00
    # the approval, recorded on the budget page by a role that may approve
    r = c.post("/contracten/begroting/?jaar=2031", {
        "actie": "goedkeuring", "onderwerp": "Amstelveen 2031 hoger", "besluit": "B&W 2031-17",
        "wie": "college van B&W Amstelveen", "datum": "2031-03-01", "bedrag_euro": "1.000.000",
        "document": _besluit(),
    }, follow=True)  # fmt: skip
    assert "Goedkeuring &#x27;B&amp;W 2031-17&#x27; vastgelegd" in r.content.decode()
    g = Goedkeuring.objects.get(besluit="B&W 2031-17")
    # the decision is kept with the approval, for the roles that change budgets
    assert "besluit-2031-17.pdf" in r.content.decode()
    document = c.get(f"/contracten/goedkeuringen/{g.pk}/document/")
    assert document.content == PDF
    assert document["Cache-Control"] == "no-store"
    assert 'filename="besluit-2031-17.pdf"' in document["Content-Disposition"]
    assert login("gemeente").get(f"/contracten/goedkeuringen/{g.pk}/document/").status_code == 403
    assert login("hollandrijnland").get(
        f"/contracten/goedkeuringen/{g.pk}/document/"
    ).status_code in (403, 404)
    html = c.post(
        "/contracten/lumpsums/", data | {"goedkeuring": str(g.pk)}, follow=True
    ).content.decode()
    assert "zijn bijgesteld" in html
    assert _lumpsums_per_gemeente(regio, 2031)["Amstelveen"] == 21_000_000_00
    assert (
        Begrotingskader.objects.get(regio=regio, jaar=2031).totaal_eurocent == kader + 1_000_000_00
    )


def test_goedkeuring_alleen_door_wie_mag_goedkeuren():
    r = login("contractmanager").post("/contracten/begroting/", {
        "actie": "goedkeuring", "onderwerp": "x", "besluit": "y", "wie": "z",
        "datum": "2028-01-01", "bedrag_euro": "1",
    })  # fmt: skip
    assert r.status_code == 403
    html = login("contractmanager").get("/contracten/begroting/").content.decode()
    assert "Goedkeuring vastleggen" not in html
    assert (
        "Goedkeuring vastleggen"
        in login("financien").get("/contracten/begroting/").content.decode()
    )


@pytest.mark.parametrize(
    ("data", "melding"),
    [
        ({"datum": "2028-13-45"}, "Datum besluit: vul een datum in"),
        ({"bedrag_euro": "NaN"}, "Bedrag van de overschrijding: &#x27;NaN&#x27; is geen getal"),
        ({"besluit": " "}, "Een goedkeuring noemt het besluit en wie het nam"),
        ({"document": None}, "Besluit: voeg het document van het besluit toe"),
        (
            {"document": SimpleUploadedFile("besluit.pdf", b"geen pdf")},
            "besluit.pdf: geen PDF, Office- of OpenDocument-bestand",
        ),
    ],
)
def test_foute_goedkeuring_geeft_een_melding(data, melding):
    basis = {"actie": "goedkeuring", "onderwerp": "x", "besluit": "y", "wie": "z",
             "datum": "2028-01-01", "bedrag_euro": "1", "document": _besluit()}  # fmt: skip
    basis = {k: v for k, v in (basis | data).items() if v is not None}
    html = login("financien").post("/contracten/begroting/", basis, follow=True).content.decode()
    assert melding in html


def test_totaal_onder_de_themas_wordt_geweigerd():
    regio = Regio.objects.get(code="JZ13")
    amstelveen = Gemeente.objects.get(naam="Amstelveen")
    with pytest.raises(ValidationError, match="komt onder de som van haar themabudgetten"):
        services.begroting_zet(regio=regio, gemeente=amstelveen, jaar=2029,
                               bedrag_eurocent=1_000_000_00, reden="te laag")  # fmt: skip


def test_foute_bijstelling_geeft_een_melding():
    c = login("financien")
    for data, melding in [
        ({"gemeente": "9999"}, "Gemeente: kies een gemeente van de regio"),
        ({"jaar": "twee"}, "Jaar: &#x27;twee&#x27; is geen jaar"),
        ({"goedkeuring": "abc"}, "Goedkeuring: kies een vastgelegde goedkeuring"),
        ({"reden": ""}, "Geef een reden voor de bijstelling"),
        ({"jaar": "2040"}, "heeft voor 2040 geen themabudgetten"),
    ]:
        basis = {"gemeente": "0362", "jaar": "2030", "bedrag_euro": "20.000.000", "reden": "r"}
        html = c.post("/contracten/lumpsums/", basis | data, follow=True).content.decode()
        assert melding in html, melding
