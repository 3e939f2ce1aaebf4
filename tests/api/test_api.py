# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What the API gives each caller, how it pages and how it says no; deliveries through
the API with the same checks as the web; API keys from making to revoking."""

from __future__ import annotations

import io
import zipfile
from datetime import date, timedelta

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import timezone

from jeugdsturing.core.access import scope_van
from jeugdsturing.gebruikers.models import ApiSleutel
from jeugdsturing.monitor.indicatoren import Periode
from jeugdsturing.monitor.service import regio_monitor, vergeet
from jeugdsturing.regio.models import Regio
from tests.api.conftest import Api
from tests.berichten.test_import import example
from tests.conftest import login
from tests.monitor.conftest import agb_codes, maak_trajecten
from tests.sturing.test_uitvraag import eigen_levering

pytestmark = pytest.mark.django_db


# --- errors, paging, headers -------------------------------------------------------------


def test_a_wrong_parameter_is_a_dutch_problem_naming_it():
    r = Api("financien").get("realisatie?jaar=twintig")
    assert r.status_code == 400
    assert r["Content-Type"] == "application/problem+json"
    body = r.json()
    assert body["title"] == "Ongeldige aanvraag"
    assert body["status"] == 400
    assert body["instance"] == "/api/v1/realisatie?jaar=twintig"
    assert body["invalidParams"] == [
        {"name": "jaar", "code": "invalid", "reason": "Een geldig getal is vereist."}
    ]
    assert body["detail"] == "jaar: Een geldig getal is vereist."
    r = Api("financien").get("realisatie")
    assert r.json()["invalidParams"][0] == {
        "name": "jaar", "code": "required", "reason": "Dit veld is vereist."
    }  # fmt: skip
    r = Api("beleid").get("indicatoren?van=2027-13-01&tot=2027-12-31&exact=misschien")
    assert {(f["name"], f["reason"]) for f in r.json()["invalidParams"]} == {
        ("van", "ongeldige datum: gebruik JJJJ-MM-DD"),
        ("exact", "geen ja/nee-waarde: gebruik true of false"),
    }
    r = Api("beleid").get("indicatoren?van=2027-02-01&tot=2027-01-01")
    assert r.json()["invalidParams"][0]["name"] == "tot"
    assert "ligt voor van" in r.json()["detail"]


def test_unknown_addresses_and_methods_are_problems_too():
    api = Api("beleid")
    r = api.get("bestaat-niet")
    assert r.status_code == 404
    assert r["Content-Type"] == "application/problem+json"
    assert "Er is geen eindpunt /api/v1/bestaat-niet" in r.json()["detail"]
    r = api.client.delete("/api/v1/themas", headers=api.kop)
    assert r.status_code == 405
    assert r.json()["detail"] == 'Methode "DELETE" niet toegestaan.'
    r = api.get("themas", Accept="text/csv")
    assert r.status_code == 406
    assert r.json()["detail"] == "Kan niet voldoen aan de opgegeven Accept header."


def test_collections_come_in_pages_with_links():
    api = Api("regiobeheerder")
    r = api.get("gemeenten?pageSize=50&page=2")
    body = r.json()
    assert r["X-Total-Count"] == str(body["totaal"])
    assert body["totaal"] > 300
    assert len(body["resultaten"]) == 50
    links = body["_links"]
    assert links["prev"]["href"] == "http://testserver/api/v1/gemeenten?pageSize=50"
    assert links["next"]["href"] == "http://testserver/api/v1/gemeenten?page=3&pageSize=50"
    assert 'rel="next"' in r["Link"]
    alle = api.alles("gemeenten?pageSize=1000")
    assert len(alle) == body["totaal"]
    assert len({g["code"] for g in alle}) == len(alle)
    r = api.get(f"gemeenten?pageSize=50&page={body['paginas'] + 1}")
    assert r.status_code == 404
    assert "bestaat niet" in r.json()["detail"]
    assert api.get("gemeenten?pageSize=5000").json()["invalidParams"][0]["name"] == "pageSize"
    amstelland = api.alles("gemeenten?jeugdregio=JZ13")
    assert {g["naam"] for g in amstelland} >= {"Amsterdam", "Amstelveen", "Aalsmeer"}


def test_every_answer_has_the_version_and_is_not_cached():
    r = Api("beleid").get("themas")
    assert r["API-Version"] == "1.0.0"
    assert "no-store" in r["Cache-Control"]


def test_cors_is_off_unless_an_origin_is_named(settings):
    api = Api("beleid")
    r = api.get("themas", Origin="https://bi.example")
    assert "Access-Control-Allow-Origin" not in r
    settings.CORS_ALLOWED_ORIGINS = ["https://bi.example"]
    r = api.get("themas", Origin="https://bi.example")
    assert r["Access-Control-Allow-Origin"] == "https://bi.example"
    assert "Access-Control-Allow-Credentials" not in r
    r = api.client.get("/monitor/", headers={"Origin": "https://bi.example"})
    assert "Access-Control-Allow-Origin" not in r  # only /api/


# --- what each caller sees ----------------------------------------------------------------


def test_a_gemeente_sees_its_own_money_and_a_provider_its_own_contracts():
    g = Api("gemeente")
    eigen = scope_van(g.user).gemeente
    rijen = g.alles("begrotingen")
    assert rijen
    assert {r["gemeente"] for r in rijen} == {eigen}
    assert {r["gemeente"] for r in g.alles("lumpsums")} <= {eigen}
    a = Api("aanbieder")
    agb = scope_van(a.user).aanbieder
    assert {o["aanbieder"] for o in a.alles("overeenkomsten")} == {agb}
    assert a.alles("begrotingen") == []
    assert [x["agb_code"] for x in a.alles("aanbieders")] == [agb]
    team = Api("financien").alles("overeenkomsten")
    assert len({o["aanbieder"] for o in team}) > 5


def test_indicators_are_protected_for_a_gemeente_exactly_as_the_monitor_publishes():
    maak_trajecten(agb_codes())
    regio = Regio.objects.get(code="JZ13")
    vergeet(regio)
    g = Api("gemeente")
    rijen = g.alles("indicatoren?van=2027-01-01&tot=2027-12-31&by=aanbieder&pageSize=1000")
    monitor = regio_monitor(regio, scope_van(g.user))
    verwacht = monitor.rijen([Periode(date(2027, 1, 1), date(2027, 12, 31))], ["aanbieder"])
    assert {r["aanbieder"] for r in rijen} == {r["aanbieder"] for r in verwacht}
    for v in verwacht:
        for ind, waarde in v.items():
            if ind in ("periode_van", "periode_tot", "aanbieder"):
                continue
            rij = next(
                r for r in rijen if r["aanbieder"] == v["aanbieder"] and r["indicator"] == ind
            )
            if isinstance(waarde, str):
                assert (rij["waarde"], rij["afgeschermd"]) == (None, waarde)
            else:
                assert (rij["waarde"], rij["afgeschermd"]) == (waarde, None)
    assert any(r["afgeschermd"] for r in rijen)  # the provider with 3 trajectories
    # Published figures only for fixed periods (differencing); exact only for the team.
    r = g.get("indicatoren?van=2027-01-01&tot=2027-05-17")
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "van"
    r = g.get("indicatoren?van=2027-01-01&tot=2027-12-31&exact=true")
    assert r.status_code == 403
    assert "exacte cijfers" in r.json()["detail"]
    exact = Api("beleid").alles(
        "indicatoren?van=2027-01-01&tot=2027-05-17&exact=true&by=aanbieder&pageSize=1000"
    )
    assert all(r["afgeschermd"] is None for r in exact)
    assert any(r["indicator"] == "clienten_in_zorg" and r["waarde"] == 3 for r in exact)


def test_the_team_reads_the_trajectories_behind_a_figure():
    maak_trajecten(agb_codes())
    vergeet(Regio.objects.get(code="JZ13"))
    rijen = Api("data-analist").alles(
        "indicatoren/trajecten?van=2027-01-01&tot=2027-12-31&indicator=instroom&gemeente=0362"
    )
    assert len(rijen) == 33
    assert all(len(r["client"]) == 64 for r in rijen)  # pseudonyms, never a BSN


def test_the_ocds_release_package_is_the_published_form():
    body = Api("contractmanager").json("aanbestedingen/AJH-2026/ocds")
    assert body["version"] == "1.1"
    assert body["releases"][0]["ocid"].endswith("AJH-2026")
    r = Api("contractmanager").get("aanbestedingen/BESTAAT-NIET/ocds")
    assert r.status_code == 404
    assert "BESTAAT-NIET" in r.json()["detail"]


# --- deliveries ----------------------------------------------------------------------------


def _ijw_zip() -> bytes:
    """Two official iJw examples in a zip."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("toewijzing.xml", example("JW301"))
        z.writestr("start.xml", example("JW305"))
    return buf.getvalue()


def test_the_data_analist_delivers_ijw_messages_and_follows_the_job(xsd):
    api = Api("data-analist")
    r = api.post("importen", {"bestanden": [SimpleUploadedFile("verkeer.zip", _ijw_zip())]})
    assert r.status_code == 202
    run = r.json()
    assert r["Location"] == f"http://testserver/api/v1/importen/{run['id']}"
    detail = api.json(f"importen/{run['id']}")
    assert detail["status"] == "voltooid"  # the immediate backend of the tests
    assert (detail["geaccepteerd"], detail["afgekeurd"], detail["totaal"]) == (2, 0, 2)
    r = api.post("importen", {"bestanden": [SimpleUploadedFile("brief.pdf", b"%PDF")]})
    assert r.status_code == 400
    assert r.json()["invalidParams"][0] == {
        "name": "bestanden", "code": "invalid", "reason": "brief.pdf: alleen .xml- of .zip-bestanden",
    }  # fmt: skip


def test_a_wrong_lump_sum_report_names_sheet_row_and_column():
    r = Api("aanbieder").post("verantwoordingen", {"bestand": SimpleUploadedFile("r.xlsx", b"x")})
    assert r.status_code == 400
    fout = r.json()["invalidParams"][0]
    assert fout["name"] == "bestand"
    assert "blad" in fout["reason"] or "bestand" in fout["reason"]


# --- API keys -------------------------------------------------------------------------------


def test_keys_are_stored_as_digests_and_shown_once():
    api = Api("beleid")
    s = ApiSleutel.objects.get(pk=api.sleutel.pk)
    assert api.tekst.startswith("js_")
    assert api.tekst not in (s.digest, s.token_key)
    assert len(s.digest) == 128
    assert api.get("themas").status_code == 200
    s.refresh_from_db()
    assert s.laatst_gebruikt is not None


def test_revoked_expired_and_disabled_keys_are_refused():
    api = Api("beleid")
    assert api.get("themas").status_code == 200
    ApiSleutel.objects.filter(pk=api.sleutel.pk).update(
        expiry=timezone.now() - timedelta(seconds=1)
    )
    r = api.get("themas")
    assert r.status_code == 401
    assert "verlopen of ingetrokken" in r.json()["detail"]
    api = Api("contractmanager")
    User.objects.filter(pk=api.user.pk).update(is_active=False)
    assert api.get("themas").status_code == 401
    api = Api("gemeente")
    api.sleutel.delete()
    assert api.get("themas").status_code == 401
    r = api.client.get("/api/v1/themas", headers={"Authorization": "Bearer js_onzin"})
    assert r.status_code == 401


def test_a_key_follows_its_users_role():
    api = Api("financien")
    assert api.get("importen").status_code == 403
    from jeugdsturing.gebruikers.models import Profiel

    Profiel.objects.filter(user=api.user).update(rol="data-analist")
    assert api.get("importen").status_code == 200


def test_the_session_works_after_the_second_factor_only():
    assert login("beleid").get("/api/v1/themas").status_code == 200
    r = login("beleid", tweede_factor=False).get("/api/v1/themas")
    assert r.status_code == 401
    assert "tweede factor" in r.json()["detail"]
    c = login("beleid")
    r = c.post("/api/v1/verantwoordingen", {"bestand": SimpleUploadedFile("r.xlsx", b"x")})
    assert r.status_code == 403  # a session needs the CSRF token to write


def test_the_page_makes_lists_and_revokes_keys():
    c = login("gemeente")
    r = c.post("/api-sleutels/", {"naam": "Power BI", "dagen": "90"})
    html = r.content.decode()
    assert "Kopieer de sleutel nu" in html
    sleutel = ApiSleutel.objects.get(user__username="gemeente", naam="Power BI")
    assert sleutel.expiry is not None
    tekst = html.split('<code id="nieuwe-sleutel">')[1].split("<")[0]
    r = c.get("/api/v1/themas", headers={"Authorization": f"Bearer {tekst}"})
    assert r.status_code == 200
    html = c.get("/api-sleutels/").content.decode()
    assert "Power BI" in html
    assert tekst not in html
    assert "Geldig tot" in html
    html = c.post("/api-sleutels/", {"naam": "", "dagen": ""}, follow=True).content.decode()
    assert "Geef de sleutel een naam" in html
    html = c.post("/api-sleutels/", {"naam": "x", "dagen": "9999"}, follow=True).content.decode()
    assert "Geldigheid: 1 tot en met 730 dagen" in html
    ander = Api("beleid")
    r = c.post("/api-sleutels/", {"actie": "intrekken", "sleutel": ander.sleutel.token_key})
    assert r.status_code == 404  # someone else's key
    c.post("/api-sleutels/", {"actie": "intrekken", "sleutel": sleutel.token_key})
    assert not ApiSleutel.objects.filter(pk=sleutel.pk).exists()
    assert c.get("/api/v1/themas", headers={"Authorization": f"Bearer {tekst}"}).status_code == 401


def test_the_operator_makes_a_key_on_the_command_line(capsys):
    call_command(
        "apisleutel", "maak", "--user", "data-analist", "--naam", "koppeling", "--dagen", "30"
    )
    tekst = capsys.readouterr().out.strip()
    assert tekst.startswith("js_")
    r = Api("beleid").client.get("/api/v1/importen", headers={"Authorization": f"Bearer {tekst}"})
    assert r.status_code == 200
    call_command("apisleutel", "lijst", "--user", "data-analist")
    assert "koppeling" in capsys.readouterr().out
    call_command("apisleutel", "intrekken", "--sleutel", tekst)
    r = Api("beleid").client.get("/api/v1/importen", headers={"Authorization": f"Bearer {tekst}"})
    assert r.status_code == 401


def test_collections_filter_on_their_domain_fields():
    api = Api("contractmanager")
    alle = api.alles("overeenkomsten")
    actief = api.alles("overeenkomsten?status=actief")
    assert actief
    assert {o["status"] for o in actief} == {"actief"}
    assert len(actief) < len(alle)
    thema = alle[0]["themas"][0]
    assert all(thema in o["themas"] for o in api.alles(f"overeenkomsten?thema={thema}"))
    agb = alle[0]["aanbieder"]
    assert {o["aanbieder"] for o in api.alles(f"overeenkomsten?aanbieder={agb}")} == {agb}
    r = api.get("overeenkomsten?status=weg")
    assert r.status_code == 400
    assert r.json()["invalidParams"][0]["name"] == "status"
    pd1 = api.alles("pakketten?soort=pd1")
    assert all(p["soort"] == "pd1" for p in pd1)
    assert api.alles("signalen?status=opgelost") == [
        s for s in api.alles("signalen") if s["status"] == "opgelost"
    ]


def test_a_service_refusal_is_a_problem_naming_the_request(uitvraag):
    from jeugdsturing.sturing import services
    from jeugdsturing.sturing.uitvraagbestand import sjabloon

    lev = eigen_levering(uitvraag)
    ctx = services.levering_context(lev)
    data = sjabloon(aanbieder="A", agb_code="1", naam="U", ctx=ctx)
    services.uitvraag_sluit(uitvraag=uitvraag)
    r = Api("aanbieder").post(
        f"leveringen/{lev.pk}/bestand", {"bestand": SimpleUploadedFile("u.xlsx", data)}
    )
    assert r.status_code == 400
    body = r.json()
    assert body["invalidParams"][0]["name"] == "aanvraag"
    assert "aanleveren kan alleen zolang ze uitgezet is" in body["detail"]
