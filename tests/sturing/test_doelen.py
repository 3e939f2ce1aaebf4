# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Transformation goals: the goal file (seed 002's theme B table exactly), its checks,
loading it, entering reported values, and progress read from the monitor itself."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import polars as pl
import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from jeugdsturing.core.access import Scope
from jeugdsturing.monitor.indicatoren import NORMEN, Periode
from jeugdsturing.monitor.selectors import MonitorData
from jeugdsturing.monitor.service import Monitor
from jeugdsturing.regio.config import ConfigError
from jeugdsturing.regio.models import Regio
from jeugdsturing.sturing.doelconfig import ingebouwde_doelen, lees_doelen, parse_doelen
from jeugdsturing.sturing.models import Doel, Doelindicator, Indicatorwaarde
from jeugdsturing.sturing.selectors import doelen_stand
from jeugdsturing.sturing.services import indicatorwaarde_zet
from tests.conftest import login
from tests.monitor.test_indicatoren import frame, traj, verl

THEMAS = ["A", "B", "C", "D"]
JZ13 = next(p for p in ingebouwde_doelen() if p.name == "JZ13.toml")


def seed_tabel_thema_b(shared) -> dict[str, tuple[list[str], list[str]]]:
    """Seed 002's table of theme B, straight from the text: horizon -> (goals,
    indicators), each a list of the bullets as printed."""
    tekst = next((shared / "seeds").glob("002_*.txt")).read_text(encoding="utf-8")
    tabel = tekst[tekst.index("Doelen\t\tIndicator") : tekst.index("Per thema wordt in de")]
    horizon = {"Waarnaartoe": "outcome_2050", "Doel AJH": "doel_2034", "AJH 2028": "doel_2028",
               "Kritische": "ksf"}  # fmt: skip
    uit: dict[str, tuple[list[str], list[str]]] = {}
    laatste = ""
    for regel in tabel.split("\n")[1:]:
        cellen = regel.split("\t")
        if len(cellen) < 2:
            continue
        sleutel = next((h for k, h in horizon.items() if cellen[0].startswith(k)), laatste)
        laatste = sleutel
        doelen, indicatoren = uit.setdefault(sleutel, ([], []))

        def bullets(cel: str) -> list[str]:
            return [b.strip() for b in cel.split("•")[1:] if b.strip()]

        doelen += bullets(cellen[1])
        if len(cellen) > 2:
            indicatoren += bullets(cellen[2])
    return uit


def _gelijk(a: str) -> str:
    """As the seed prints it, modulo a closing full stop and its 'o' for 0."""
    return re.sub(r"naar o\.", "naar 0.", a).rstrip(".").strip()


def test_theme_b_is_seed_002_table_exactly(shared):
    seed = seed_tabel_thema_b(shared)
    config = lees_doelen(JZ13, THEMAS)
    b = {d.horizon: d for d in config.doelen if d.thema == "B"}
    assert set(b) == set(seed) == {"outcome_2050", "doel_2034", "doel_2028", "ksf"}
    for horizon, (doelen, indicatoren) in seed.items():
        assert [_gelijk(t) for t in b[horizon].teksten] == [_gelijk(t) for t in doelen]
        assert [_gelijk(i.naam) for i in b[horizon].indicatoren] == [
            _gelijk(i) for i in indicatoren
        ], horizon
        assert not b[horizon].voorbeeld
    voorbeelden = [d for d in config.doelen if d.thema in ("A", "C", "D")]
    assert voorbeelden
    assert all(d.voorbeeld for d in voorbeelden)
    # Every target in the file names where it comes from.
    for d in config.doelen:
        for i in d.indicatoren:
            assert i.streefwaarde is None or i.streefwaarde_bron


@pytest.mark.parametrize(
    ("wijziging", "sleutel", "melding"),
    [
        (
            {"indicator": "bestaat_niet"},
            "indicatoren[0].indicator",
            "geen indicator van de monitor",
        ),
        ({"filters": {"kleur": "rood"}}, "indicatoren[0].filters.kleur", "geen dimensie"),
        ({"meting": "verandering_pct", "nulmeting": None}, "indicatoren[0].nulmeting", "nulmeting"),
        ({"streefwaarde": 5}, "indicatoren[0].streefwaarde_bron", "bron"),
        ({"richting": "opzij"}, "indicatoren[0].richting", "kies uit"),
    ],
)
def test_errors_name_the_file_and_the_key(wijziging, sleutel, melding):
    indicator = {"code": "x", "naam": "X", "soort": "gemeten", "indicator": "instroom",
                 "richting": "omlaag", **wijziging}  # fmt: skip
    indicator = {k: v for k, v in indicator.items() if v is not None}
    data = {"regio": "JZ13", "doelen": [
        {"code": "B-1", "thema": "B", "horizon": "doel_2034", "teksten": ["t"],
         "indicatoren": [indicator]},
    ]}  # fmt: skip
    with pytest.raises(ConfigError, match=melding) as e:
        parse_doelen(data, "doelen.toml", THEMAS)
    assert e.value.source == "doelen.toml"
    assert e.value.key == f"doelen[0].{sleutel}"


def test_an_unknown_theme_is_refused():
    data = {"regio": "JZ13", "doelen": [
        {"code": "Z-1", "thema": "Z", "horizon": "doel_2034", "teksten": ["t"]}]}  # fmt: skip
    with pytest.raises(ConfigError, match="'Z' is geen thema van JZ13"):
        parse_doelen(data, "doelen.toml", THEMAS)


@pytest.mark.django_db
def test_the_demo_loads_the_goals_and_a_second_load_writes_nothing():
    regio = Regio.objects.get(code="JZ13")
    assert Doel.objects.filter(regio=regio, thema__code="B").count() == 4
    voor = Doel.history.count() + Doelindicator.history.count()
    call_command("sturing", "doelen")
    assert Doel.history.count() + Doelindicator.history.count() == voor


@pytest.mark.django_db
def test_reported_values_follow_their_kind():
    plan = Doelindicator.objects.get(code="plan-gezinsgerichte-aanpak")
    with pytest.raises(ValidationError, match="document"):
        indicatorwaarde_zet(indicator=plan, jaar=2027, waarde=Decimal(1))
    with pytest.raises(ValidationError, match="ja \\(1\\) of nee \\(0\\)"):
        indicatorwaarde_zet(indicator=plan, jaar=2027, waarde=Decimal(2))
    w = indicatorwaarde_zet(indicator=plan, jaar=2027, waarde=Decimal(1), document="AB-besluit 12")
    assert w.history.first().history_change_reason == "waarde 2027 ingevoerd"
    opgeleid = Doelindicator.objects.get(code="professionals-opgeleid")
    with pytest.raises(ValidationError, match="de aanbieder rapporteert"):
        indicatorwaarde_zet(indicator=opgeleid, jaar=2027, waarde=Decimal(40))
    gemeten = Doelindicator.objects.get(code="afname-verblijf")
    with pytest.raises(ValidationError, match="komt uit de monitor"):
        indicatorwaarde_zet(indicator=gemeten, jaar=2027, waarde=Decimal(4))


@pytest.mark.django_db
def test_a_measured_figure_is_the_monitor_figure_for_the_same_filters():
    """One source of truth: the goal's value is what Monitor.rijen gives for the same
    indicator, filters and year."""
    rijen = [
        traj(i, client=f"c{i}", categorie="43" if i % 3 else "45", thema="B",
             begindatum=date(2026 + i % 2, 3, 1), einddatum=None)
        for i in range(1, 40)
    ]  # fmt: skip
    data = MonitorData(
        frame(*rijen), verl(),
        pl.DataFrame({"gemeente": ["0362"], "naam": ["Amstelveen"], "jongeren_0_17": [17_000]}),
    )  # fmt: skip
    monitor = Monitor(data, Scope.beheer(), NORMEN)
    regio = Regio.objects.get(code="JZ13")
    standen = doelen_stand(regio=regio, scope=Scope.beheer(), jaar=2027, monitor=monitor)
    ind = next(i for s in standen for i in s.indicatoren if i.indicator.code == "afname-verblijf")
    per_jaar = {
        j: monitor.rijen(
            [Periode(date(j, 1, 1), date(j, 12, 31))], [], exact=True,
            filters={"categorie": ["43", "44"]},
        )[0]["clienten_in_zorg"]
        for j in (2026, 2027)
    }  # fmt: skip
    assert per_jaar[2027] > per_jaar[2026] > 0
    verwacht = round((per_jaar[2027] - per_jaar[2026]) / per_jaar[2026] * 100, 1)
    assert ind.voortgang.waarde == verwacht
    assert ind.voortgang.oordeel == "verkeerde_kant"  # more residential care, not less
    assert ind.link is not None
    assert "categorie=43&categorie=44" in ind.link


@pytest.mark.django_db
def test_the_goals_page_per_role():
    html = login("beleid").get("/sturing/doelen/B/?jaar=2027").content.decode()
    assert "Alle kinderen groeien veilig thuis op" in html
    assert "Door gemeenten goedgekeurd plan voor gezinsgerichte aanpak" in html
    assert 'name="waarde"' in html  # the team enters reported values
    aanbieder = login("aanbieder").get("/sturing/doelen/B/?jaar=2027").content.decode()
    assert "Alle kinderen groeien veilig thuis op" in aanbieder
    assert 'name="waarde"' not in aanbieder
    plan = Doelindicator.objects.get(code="plan-gezinsgerichte-aanpak")
    geweigerd = login("gemeente").post(
        "/sturing/doelen/B/", {"indicator": plan.pk, "jaar": 2027, "waarde": "1"}
    )
    assert geweigerd.status_code == 403
    login("beleid").post(
        "/sturing/doelen/B/?jaar=2027",
        {"indicator": plan.pk, "jaar": 2027, "waarde": "1", "document": "besluit AB"},
    )
    assert Indicatorwaarde.objects.get(indicator=plan, jaar=2027).waarde == 1
    overzicht = login("beleid").get("/sturing/?jaar=2027").content.decode()
    assert "Creëren/stabiliseren van een thuissituatie" in overzicht
    assert "Stuurkalender" in overzicht


@pytest.mark.django_db
def test_the_regiobeheerder_adjusts_a_target_on_the_goals_page_with_history():
    """The admin is for a superuser only (issue 25); the regiobeheerder adjusts a target
    on the goals page, the history keeps before, after and the source."""
    ind = Doelindicator.objects.get(doel__regio__code="JZ13", code="afname-verblijf")
    thema = ind.doel.thema.code
    url = f"/sturing/doelen/{thema}/"
    beheer = login("regiobeheerder")
    assert "Streefwaarde aanpassen" in beheer.get(url).content.decode()
    r = beheer.post(url, {"actie": "streefwaarde", "indicator": ind.pk, "streefwaarde": "-35",
                          "streefjaar": "2030", "bron": "besluit DB 12-11-2026"}, follow=True)  # fmt: skip
    assert "streefwaarde aangepast" in r.content.decode()
    ind.refresh_from_db()
    assert (ind.streefwaarde, ind.streefjaar) == (Decimal("-35"), 2030)
    laatste = ind.history.first()
    assert laatste.history_user.username == "regiobeheerder"
    assert "besluit DB 12-11-2026" in laatste.history_change_reason
    r = beheer.post(url, {"actie": "streefwaarde", "indicator": ind.pk, "streefwaarde": "veel",
                          "bron": "x"}, follow=True)  # fmt: skip
    assert "Streefwaarde: &#x27;veel&#x27; is geen getal" in r.content.decode()
    c = login("contractmanager")
    assert "Streefwaarde aanpassen" not in c.get(url).content.decode()
    assert c.post(url, {"actie": "streefwaarde", "indicator": ind.pk, "streefwaarde": "1",
                        "bron": "x"}).status_code == 403  # fmt: skip
