# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The performance dialogue packs: one source of truth, frozen versions with their
differences, the provider's copy, who sees what, and agreements that carry over."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from jeugdsturing.berichten.models import Traject, TrajectStatus
from jeugdsturing.contracten.jaarprognose import jaarprognose, prognose_totaal
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.core.access import Scope, scope_van
from jeugdsturing.monitor.indicatoren import Periode
from jeugdsturing.monitor.informatie import stand_na
from jeugdsturing.monitor.selectors import informatie_data
from jeugdsturing.monitor.service import informatie_rijen, regio_monitor
from jeugdsturing.regio.models import Regio, Thema
from jeugdsturing.sturing import services
from jeugdsturing.sturing.models import (
    AfspraakStatus,
    Pakketsoort,
    Pakketversie,
    VersieStatus,
)
from jeugdsturing.sturing.pakket.bronnen import Onderwerp
from jeugdsturing.sturing.pakket.elementen.stromen import STROMEN
from jeugdsturing.sturing.pakket.inhoud import pakketperiode
from tests.conftest import login
from tests.monitor.conftest import agb_codes, maak_trajecten

pytestmark = pytest.mark.django_db
JUNI, OKTOBER = date(2027, 6, 1), date(2027, 10, 1)
VANDAAG = timezone.localdate()


@pytest.fixture
def regio() -> Regio:
    return Regio.objects.get(code="JZ13")


@pytest.fixture
def agb() -> dict[str, str]:
    codes = agb_codes()
    maak_trajecten(codes)
    return codes


def pd1(naam_of_agb: str) -> Onderwerp:
    a = Aanbieder.objects.get(agb_code=naam_of_agb)
    return Onderwerp(Pakketsoort.PD1, aanbieder=a)


def maak(regio: Regio, agb: str, moment: date = JUNI, verzend: bool = False) -> Pakketversie:
    v = services.pakket_maak(regio=regio, moment=moment, onderwerp=pd1(agb))
    return services.pakket_verzend(versie=v) if verzend else v


def element(inhoud: dict[str, Any], code: str) -> dict[str, Any]:
    return next(e for e in inhoud["elementen"] if e["code"] == code)  # type: ignore[no-any-return]


def cijfers(inhoud: dict[str, Any], code: str) -> dict[str, Any]:
    return {c["code"]: c["waarde"] for c in element(inhoud, code)["cijfers"]}


def aanbieder_scope() -> Scope:
    return scope_van(User.objects.get(username="aanbieder"))


# --- one source of truth -------------------------------------------------------------------


def test_client_flows_equal_the_monitor_for_the_same_filters_and_viewer(regio, agb):
    v = maak(regio, agb["eigen"])
    periode, _ = pakketperiode(JUNI)
    filters = {"aanbieder": agb["eigen"]}
    team = regio_monitor(regio, Scope(exact=True)).rijen([periode], [], exact=True, filters=filters)
    eigen = regio_monitor(regio, aanbieder_scope())
    gedeeld = eigen.rijen([periode], [], filters=filters)
    regionaal = eigen.rijen([periode], [], regionaal=True)
    vorige_jaar = Periode(periode.van.replace(year=periode.van.year - 1),
                          periode.tot.replace(year=periode.tot.year - 1))  # fmt: skip
    vorige = eigen.rijen([vorige_jaar], [], filters=filters)
    el_team, el_gedeeld = element(v.inhoud, "3"), element(v.inhoud_gedeeld, "3")
    assert team[0]["clienten_in_zorg"] == 40  # the fixture's trajectories are in it
    for key, *_ in STROMEN:
        assert cijfers(v.inhoud, "3")[key] == team[0][key], key
        c = next(x for x in el_gedeeld["cijfers"] if x["code"] == key)
        assert c["waarde"] == gedeeld[0][key], key
        assert c["vorige"] == (vorige[0][key] if vorige else None), key
        if c["vergelijking"] is not None:
            assert c["vergelijking"] == regionaal[0][key], key
        assert "/monitor/?" in c["link"]
        assert f"aanbieder={agb['eigen']}" in c["link"]
    per_thema = next(t for t in el_team["tabellen"] if t["code"] == "per_thema")
    rijen = regio_monitor(regio, Scope(exact=True)).rijen([periode], ["thema"], exact=True,
                                                          filters=filters)  # fmt: skip
    assert [r[1] for r in per_thema["rijen"]] == [r["clienten_in_zorg"] for r in rijen]


def test_budget_and_forecast_equal_the_realisation_page(regio, agb):
    v = maak(regio, agb["eigen"])
    rijen = jaarprognose(regio, 2027, 4, scope=aanbieder_scope()).rijen
    t = prognose_totaal(rijen)
    assert t["budget"] > 0
    for inhoud in (v.inhoud, v.inhoud_gedeeld):
        c = cijfers(inhoud, "1")
        assert (c["budget"], c["gerealiseerd"], c["prognose"]) == (
            t["budget"], t["gerealiseerd"], t["prognose"],
        )  # fmt: skip
        per_gemeente = element(inhoud, "1")["tabellen"][0]
        assert sum(r[3] for r in per_gemeente["rijen"]) == t["prognose"]
    assert "/contracten/realisatie/?jaar=2027&maand=4" in element(v.inhoud, "1")["link"]


def test_information_figures_equal_the_information_page(regio, agb):
    v = maak(regio, agb["eigen"])
    periode, _ = pakketperiode(JUNI)
    rij = informatie_rijen(
        regio_monitor(regio, aanbieder_scope()), informatie_data(regio, 2027), [periode], [],
        peil=stand_na(periode.tot), filters={"aanbieder": agb["eigen"]},
    )[0]  # fmt: skip
    c = cijfers(v.inhoud_gedeeld, "2")
    for key in ("startberichten_tijdig_pct", "stopberichten_tijdig_pct",
                "toewijzingen_zonder_start", "zonder_declaratie_pct"):  # fmt: skip
        assert c[key] == rij[key], key


def test_goal_figures_are_the_monitor_over_the_twelve_months(regio, agb):
    v = maak(regio, agb["eigen"])
    gemeten = [c for c in element(v.inhoud, "4")["cijfers"] if c["link"]]
    assert gemeten
    for c in gemeten:
        assert "van=2026-05-01" in c["link"]
        assert "tot=2027-04-30" in c["link"]
        assert f"aanbieder={agb['eigen']}" in c["link"]


# --- versions --------------------------------------------------------------------------------


def test_a_sent_pack_is_frozen_and_a_new_version_lists_its_differences(regio, agb):
    v1 = maak(regio, agb["eigen"], verzend=True)
    voor = json.dumps(v1.inhoud, sort_keys=True)
    # new data arrive after sending: ten more trajectories for the provider
    Traject.objects.bulk_create([
        Traject(sleutel=f"later-{i}", gemeente="0362", aanbieder=agb["eigen"], client=f"{900 + i:064x}",
                toewijzingnummer=f"L{i}", categorie="45", productcode="45A01",
                toewijzingsdatum=date(2027, 2, 1), toewijzing_ingangsdatum=date(2027, 2, 1),
                begindatum=date(2027, 2, 10) + timedelta(days=i), start_gemeld_op=date(2027, 2, 12),
                status=TrajectStatus.LOPEND)
        for i in range(10)
    ])  # fmt: skip
    v1.refresh_from_db()
    assert json.dumps(v1.inhoud, sort_keys=True) == voor
    v2 = services.pakket_maak(regio=regio, moment=JUNI, onderwerp=pd1(agb["eigen"]))
    assert v2.nummer == 2
    assert (
        cijfers(v2.inhoud, "3")["clienten_in_zorg"]
        == cijfers(v1.inhoud, "3")["clienten_in_zorg"] + 10
    )
    verschil = {(d["element"], d["cijfer"]): d for d in v2.verschillen}
    assert verschil[("3", "Cliënten in zorg")]["was"] == 40
    assert verschil[("3", "Cliënten in zorg")]["wordt"] == 50
    v1.refresh_from_db()
    assert v1.status == VersieStatus.VERZONDEN  # until the new one is sent
    services.pakket_verzend(versie=v2)
    v1.refresh_from_db()
    assert v1.status == VersieStatus.VERVANGEN
    v1.inhoud["elementen"][0]["cijfers"] = []
    with pytest.raises(ValidationError, match="ligt vast"):
        v1.save()
    with pytest.raises(ValidationError, match="niet de nieuwste"):
        services.pakket_verzend(versie=Pakketversie.objects.get(pk=v1.pk))


# --- the provider's copy -------------------------------------------------------------------


def test_the_providers_copy_protects_small_numbers_and_holds_only_its_own_data(regio, agb):
    v = maak(regio, agb["klein"])  # Arkin Jong: 3 trajectories
    assert cijfers(v.inhoud, "3")["clienten_in_zorg"] == 3
    assert cijfers(v.inhoud_gedeeld, "3")["clienten_in_zorg"] == "<5"
    tekst = json.dumps(v.inhoud_gedeeld, ensure_ascii=False)
    for naam, code in Aanbieder.objects.exclude(agb_code=agb["klein"]).values_list(
        "naam", "agb_code"
    ):
        assert naam not in tekst
        assert code not in tekst


def test_a_theme_pack_shows_partners_by_name_to_the_team_only(regio, agb):
    thema = Thema.objects.get(regio=regio, code="B")
    v = services.pakket_maak(regio=regio, moment=JUNI,
                             onderwerp=Onderwerp(Pakketsoort.PD2_THEMA, thema=thema))  # fmt: skip
    assert any(t["code"] == "per_aanbieder" for e in v.inhoud["elementen"] for t in e["tabellen"])
    tekst = json.dumps(v.inhoud_gedeeld, ensure_ascii=False)
    assert "per_aanbieder" not in tekst
    assert "Amstelzorg" not in tekst


# --- who sees what ---------------------------------------------------------------------------


def test_a_provider_sees_only_its_own_sent_pack_and_dialogue(regio, agb):
    eigen = maak(regio, agb["eigen"])
    ander = maak(regio, agb["ander"], verzend=True)
    aanbieder = login("aanbieder")
    r = aanbieder.get(f"/sturing/pakket/{eigen.pakket.pk}/")
    assert r.status_code == 404  # a concept is not shown to the provider
    services.pakket_verzend(versie=eigen)
    r = aanbieder.get(f"/sturing/pakket/{eigen.pakket.pk}/")
    assert r.status_code == 200
    assert "Amstelzorg" in r.content.decode()
    r = aanbieder.get(f"/sturing/pakket/{ander.pakket.pk}/")
    assert r.status_code == 403
    assert "eigen organisatie" in r.content.decode()
    assert aanbieder.get(f"/sturing/pakket/{ander.pakket.pk}/pdf/").status_code == 403
    o = services.overleg_leg_vast(versie=ander, datum=VANDAAG, aanwezigen="x", verslag={})
    assert aanbieder.get(f"/sturing/overleg/{o.pk}/").status_code == 403
    assert login("gemeente").get(f"/sturing/pakket/{eigen.pakket.pk}/").status_code == 403
    assert login("raad").get(f"/sturing/pakket/{eigen.pakket.pk}/").status_code == 403
    lijst = aanbieder.get("/sturing/pakketten/?moment=2027-06").content.decode()
    assert "Amstelzorg" in lijst
    assert "Horizon Jeugd" not in lijst


def test_the_provider_writes_its_interpretation_and_the_team_reads_it(regio, agb):
    v = maak(regio, agb["eigen"], verzend=True)
    pad = f"/sturing/pakket/{v.pakket.pk}/"
    r = login("aanbieder").post(
        pad, {"element": "2", "tekst": "De stopberichten lopen achter door een nieuw systeem."}
    )
    assert r.status_code == 302
    assert "nieuw systeem" in login("contractmanager").get(pad).content.decode()
    ander = maak(regio, agb["ander"], verzend=True)
    r = login("aanbieder").post(
        f"/sturing/pakket/{ander.pakket.pk}/", {"element": "2", "tekst": "x"}
    )
    assert r.status_code == 403
    assert login("contractmanager").post(pad, {"element": "2", "tekst": "x"}).status_code == 403


# --- agreements ------------------------------------------------------------------------------


def test_agreements_carry_into_the_next_pack_with_their_history(regio, agb):
    juni = maak(regio, agb["eigen"], verzend=True)
    o = services.overleg_leg_vast(versie=juni, datum=date(2027, 6, 20), aanwezigen="regio, aanbieder",
                                  verslag={"2": "Stopberichten te laat."})  # fmt: skip
    a = services.afspraak_maak(overleg=o, element="2", omschrijving="Stopberichten binnen 5 werkdagen",
                               eigenaar="Amstelzorg", deadline=date(2027, 9, 1))  # fmt: skip
    services.afspraak_wijzig(
        afspraak=a, naar=AfspraakStatus.IN_UITVOERING, reden="nieuw systeem besteld"
    )
    oktober = maak(regio, agb["eigen"], moment=OKTOBER)
    for inhoud in (oktober.inhoud, oktober.inhoud_gedeeld):
        [meegenomen] = element(inhoud, "2")["afspraken"]
        assert meegenomen["omschrijving"] == "Stopberichten binnen 5 werkdagen"
        assert meegenomen["status"] == "in uitvoering"
        assert [w["reden"] for w in meegenomen["geschiedenis"]][-1] == "nieuw systeem besteld"
        assert element(inhoud, "1")["afspraken"] == []
        assert next(s for s in inhoud["samenvatting"] if s["code"] == "2")["afspraken"] == 1
    # another provider's pack does not carry it
    assert element(maak(regio, agb["ander"], moment=OKTOBER).inhoud, "2")["afspraken"] == []
    # done before October: shown once more as done, then no longer
    services.afspraak_wijzig(afspraak=a, naar=AfspraakStatus.AFGEROND, reden="gerealiseerd")
    services.overleg_leg_vast(versie=services.pakket_verzend(versie=oktober), datum=date(2027, 10, 20),
                              aanwezigen="regio", verslag={})  # fmt: skip
    oktober2 = maak(regio, agb["eigen"], moment=OKTOBER)
    assert element(oktober2.inhoud, "2")["afspraken"][0]["status"] == "afgerond"
    maart = maak(regio, agb["eigen"], moment=date(2028, 3, 1))
    assert element(maart.inhoud, "2")["afspraken"] == []


def test_a_dialogue_is_recorded_on_a_sent_version_only(regio, agb):
    v = maak(regio, agb["eigen"])
    with pytest.raises(ValidationError, match="niet verzonden"):
        services.overleg_leg_vast(versie=v, datum=VANDAAG, aanwezigen="x", verslag={})
    services.pakket_verzend(versie=v)
    o = services.overleg_leg_vast(versie=v, datum=VANDAAG, aanwezigen="x", verslag={})
    with pytest.raises(ValidationError, match="termijn"):
        services.afspraak_maak(overleg=o, element="1", omschrijving="a", eigenaar="b",
                               deadline=VANDAAG - timedelta(days=1))  # fmt: skip
    services.overleg_stel_vast(overleg=o)
    with pytest.raises(ValidationError, match="vastgesteld"):
        services.afspraak_maak(overleg=o, element="1", omschrijving="a", eigenaar="b",
                               deadline=VANDAAG)  # fmt: skip


def test_the_team_records_the_dialogue_on_the_page(regio, agb):
    v = maak(regio, agb["eigen"], verzend=True)
    team = login("contractmanager")
    r = team.post(f"/sturing/pakket/{v.pakket.pk}/overleg/", {
        "datum": VANDAAG.isoformat(), "aanwezigen": "regio en Amstelzorg",
        "verslag-3": "Instroom stijgt.",
    })  # fmt: skip
    assert r.status_code == 302
    pad = r["Location"]
    r = team.post(pad, {"actie": "afspraak", "afspraak-element": "3",
                        "afspraak-omschrijving": "Wachtlijst halveren", "afspraak-eigenaar": "Amstelzorg",
                        "afspraak-deadline": (VANDAAG + timedelta(days=90)).isoformat()})  # fmt: skip
    assert r.status_code == 302
    html = login("aanbieder").get(pad).content.decode()
    assert "Wachtlijst halveren" in html
    assert "Instroom stijgt." in html
    assert login("aanbieder").post(pad, {"actie": "vaststellen"}).status_code == 403


# --- output ------------------------------------------------------------------------------------


def test_the_team_makes_and_sends_on_the_page_and_downloads_pdf_and_excel(regio, agb):
    team = login("contractmanager")
    sleutel = f"pd1:{agb['eigen']}"
    r = team.post("/sturing/pakketten/", {"moment": "2027-06", "sleutel": sleutel, "actie": "maak"})
    assert r.status_code == 302
    r = team.post(
        "/sturing/pakketten/", {"moment": "2027-06", "sleutel": sleutel, "actie": "verzend"}
    )
    assert r.status_code == 302
    v = Pakketversie.objects.get(pakket__sleutel=sleutel, pakket__moment=JUNI)
    assert v.status == VersieStatus.VERZONDEN
    r = login("aanbieder").get(f"/sturing/pakket/{v.pakket.pk}/pdf/")
    assert r["Content-Type"] == "application/pdf"
    assert r["Cache-Control"] == "no-store"
    pdf = PdfReader(io.BytesIO(r.content))
    eerste = pdf.pages[0].extract_text()
    assert "Samenvatting" in eerste
    assert "Budget en jaarprognose" in eerste
    assert f"pagina 1 van {len(pdf.pages)}" in eerste
    r = team.get(f"/sturing/pakket/{v.pakket.pk}/xlsx/")
    wb = load_workbook(io.BytesIO(r.content))
    assert wb.sheetnames[0] == "Samenvatting"
    assert len(wb.sheetnames) == 6
    blad = wb[wb.sheetnames[3]]  # element 3
    waarden = [
        rij for rij in blad.iter_rows(values_only=True) if rij and rij[0] == "Cliënten in zorg"
    ]
    assert waarden[0][1] == 40  # a number, not text


def test_the_batch_command_writes_a_file_per_pack(regio, agb, tmp_path: Path):
    uit = io.StringIO()
    call_command("sturing", "pakketten", "--region", "JZ13", "--moment", "2027-06", "--soort",
                 "pd2_opdracht", "--format", "xlsx", "--out", str(tmp_path), "--geen-voortgang",
                 stdout=uit)  # fmt: skip
    samenvatting = json.loads(uit.getvalue())
    assert samenvatting["pakketten"] == 1
    assert (tmp_path / samenvatting["bestanden"][0]).exists()
    with pytest.raises(CommandError, match="pakketten maken"):
        call_command("sturing", "pakketten", "--region", "JZ13", "--moment", "2027-06",
                     "--out", str(tmp_path), "--user", "aanbieder")  # fmt: skip
    with pytest.raises(CommandError, match="JJJJ-MM"):
        call_command("sturing", "pakketten", "--region", "JZ13", "--moment", "juni",
                     "--out", str(tmp_path))  # fmt: skip


@pytest.mark.parametrize(
    "pad",
    ["/sturing/pakketten/?moment=kapot", "/sturing/pakketten/?moment=2027-13",
     "/sturing/pakketten/?moment=99999-01"],
)  # fmt: skip
def test_bad_parameters_on_the_pack_pages_give_a_page_not_an_error(pad):
    assert login("contractmanager").get(pad).status_code == 200


def test_bad_posts_give_a_message_not_an_error(regio, agb):
    v = maak(regio, agb["eigen"], verzend=True)
    o = services.overleg_leg_vast(versie=v, datum=VANDAAG, aanwezigen="x", verslag={})
    team = login("contractmanager")
    for data in ({"actie": "stand", "afspraak": "abc"}, {"actie": "afspraak"}, {"actie": "?"}):
        r = team.post(f"/sturing/overleg/{o.pk}/", data)
        assert r.status_code == 200  # the page again, with the message
        assert 'role="alert"' in r.content.decode()
    r = team.post("/sturing/pakketten/", {"moment": "2027-06", "sleutel": "x", "actie": "maak"})
    assert r.status_code == 302
    assert (
        login("contractmanager").get(f"/sturing/pakket/{v.pakket.pk}/?versie=99").status_code == 404
    )
    assert login("contractmanager").get(f"/sturing/pakket/{v.pakket.pk}/doc/").status_code == 404
    r = login("aanbieder").post(f"/sturing/pakket/{v.pakket.pk}/", {"element": "9", "tekst": "x"})
    assert r.status_code == 302
