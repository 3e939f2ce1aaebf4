# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The uitvraag: made by the team, delivered by each provider on the form or as Excel
(errors naming sheet, row and column), late and incomplete deliveries visible, and a
provider sees only its own."""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from openpyxl import load_workbook

from jeugdsturing.core.access import scope_van
from jeugdsturing.regio.models import Regio
from jeugdsturing.sturing import services
from jeugdsturing.sturing.models import Indicatorwaarde, Levering, LeveringStatus, Uitvraag
from jeugdsturing.sturing.uitvraagbestand import Ongeldig, sjabloon, uit_bestand, uit_formulier
from tests.conftest import login

pytestmark = pytest.mark.django_db


@pytest.fixture
def uitvraag():
    regio = Regio.objects.get(code="JZ13")
    u = services.uitvraag_maak(
        regio=regio, moment=date(2027, 6, 10), periode_van=date(2027, 1, 1),
        periode_tot=date(2027, 4, 30), deadline=date(2027, 5, 31),
    )  # fmt: skip
    services.uitvraag_zet_uit(uitvraag=u)
    return u


def eigen_levering(uitvraag: Uitvraag) -> Levering:
    aanbieder_id = scope_van(User.objects.get(username="aanbieder")).aanbieder_id
    assert aanbieder_id is not None
    return uitvraag.leveringen.get(aanbieder_id=aanbieder_id)


def formulier(ctx, **extra) -> dict[str, str]:
    post = {"kern-klachten": "3", "kern-incidenten": "1", "kern-calamiteiten": "0",
            "kern-fte": "41,5", "kern-verloop_pct": "12,5", "kern-verzuim_pct": "6"}  # fmt: skip
    for code in ctx.gemeenten:
        post |= {f"uitkomst-{code}-clienten": "12", f"uitkomst-{code}-uitval_pct": "8",
                 f"uitkomst-{code}-tevredenheid_pct": "81", f"uitkomst-{code}-doelrealisatie_pct": "70"}  # fmt: skip
    for thema in ctx.themas:
        post[f"wacht-{thema}-regio"] = "4"
    for code, (_, soort) in ctx.indicatoren.items():
        post[f"ind-{code}"] = "ja" if soort == "ja_nee" else "55"
    post.update(extra)
    return post


def test_a_delivery_for_every_provider_with_a_contract(uitvraag):
    assert uitvraag.leveringen.count() >= 10
    assert all(x.status == LeveringStatus.OPEN for x in uitvraag.leveringen.all())
    assert [w.naar for w in uitvraag.statuswijzigingen.all()] == ["concept", "uitgezet"]
    with pytest.raises(ValidationError, match="al een uitvraag voor juni 2027"):
        services.uitvraag_maak(regio=uitvraag.regio, moment=date(2027, 6, 1),
                               periode_van=date(2027, 1, 1), periode_tot=date(2027, 4, 30),
                               deadline=date(2027, 5, 31))  # fmt: skip


def test_the_provider_delivers_on_the_form_and_again(uitvraag):
    lev = eigen_levering(uitvraag)
    ctx = services.levering_context(lev)
    assert ctx.indicatoren  # theme B's provider-reported indicators
    c = login("aanbieder")
    onvolledig = formulier(ctx, **{"kern-fte": ""})
    c.post(f"/sturing/levering/{lev.pk}/", onvolledig)
    lev.refresh_from_db()
    assert lev.status == LeveringStatus.INGEDIEND
    assert not lev.compleet
    assert lev.ontbreekt == ["Personeel in de jeugdhulp (fte, einde periode)"]
    c.post(f"/sturing/levering/{lev.pk}/", formulier(ctx))
    lev.refresh_from_db()
    assert lev.compleet
    assert lev.fte == Decimal("41.5")
    assert lev.uitkomsten.count() == len(ctx.gemeenten)
    assert Indicatorwaarde.objects.filter(aanbieder=lev.aanbieder, jaar=2027).count() == len(
        ctx.indicatoren
    )
    assert [w.reden.split(";")[0] for w in lev.statuswijzigingen.all()][-1] == "opnieuw ingediend"
    assert not lev.te_laat


def test_form_errors_name_the_field(uitvraag):
    lev = eigen_levering(uitvraag)
    ctx = services.levering_context(lev)
    naam = next(iter(ctx.gemeenten.values()))
    code = next(iter(ctx.gemeenten))
    r = login("aanbieder").post(
        f"/sturing/levering/{lev.pk}/", formulier(ctx, **{f"uitkomst-{code}-uitval_pct": "120"})
    )
    html = r.content.decode()
    assert f"{naam}: Uitval: voortijdig beëindigd (%)" in html
    assert "een percentage ligt tussen 0 en 100" in html
    lev.refresh_from_db()
    assert lev.status == LeveringStatus.OPEN


def test_the_excel_template_round_trips(uitvraag):
    lev = eigen_levering(uitvraag)
    ctx = services.levering_context(lev)
    services.levering_dien_in(levering=lev, gegevens=uit_formulier(formulier(ctx), ctx))
    data = login("aanbieder").get(f"/sturing/levering/{lev.pk}/?sjabloon=1").content
    terug = uit_bestand(data, ctx)
    assert terug.kern["fte"] == Decimal("41.5")
    assert len(terug.uitkomsten) == len(ctx.gemeenten)
    assert all(v is not None for v in terug.indicatoren.values())
    r = login("aanbieder").post(
        f"/sturing/levering/{lev.pk}/",
        {"actie": "bestand", "bestand": SimpleUploadedFile("ingevuld.xlsx", data)},
    )
    assert r.status_code == 302
    lev.refresh_from_db()
    assert lev.bestandsnaam == "ingevuld.xlsx"
    assert lev.compleet


def test_excel_errors_name_sheet_row_and_column(uitvraag):
    lev = eigen_levering(uitvraag)
    ctx = services.levering_context(lev)
    wb = load_workbook(io.BytesIO(sjabloon(aanbieder="A", agb_code="1", naam="U", ctx=ctx)))
    wb["Uitkomsten"]["D2"] = "veel"  # uitval_pct of the first gemeente
    wb["Uitkomsten"].append(["9999", "Nergens", 3, 1, 2, 3])
    wb["Kerncijfers"]["C2"] = -4  # klachten
    wb["Indicatoren"].append(["bestaat-niet", "?", 3])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(Ongeldig) as e:
        uit_bestand(buf.getvalue(), ctx)
    meldingen = [str(f) for f in e.value.fouten]
    assert (
        "blad 'Uitkomsten', rij 2, kolom D (uitval_pct): geen getal: gebruik cijfers, met een komma voor decimalen (12,5) (waarde 'veel')"
        in meldingen
    )
    assert any(m.startswith("blad 'Uitkomsten', rij ") and "kolom A (gemeente_code)" in m
               and "geen gemeente van deze regio" in m for m in meldingen)  # fmt: skip
    assert (
        "blad 'Kerncijfers', rij 2, kolom C (waarde): klachten: negatief (waarde '-4')" in meldingen
    )
    assert any("blad 'Indicatoren'" in m and "kolom A (code)" in m for m in meldingen)
    del wb["Wachtlijst"]
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(Ongeldig, match="blad 'Wachtlijst': blad ontbreekt"):
        uit_bestand(buf.getvalue(), ctx)


def test_late_and_missing_deliveries_are_visible_to_the_team(uitvraag):
    lev = eigen_levering(uitvraag)
    ctx = services.levering_context(lev)
    services.levering_dien_in(levering=lev, gegevens=uit_formulier(formulier(ctx), ctx))
    Levering.objects.filter(pk=lev.pk).update(
        ingediend_op=timezone.now().replace(year=2027, month=6, day=3)
    )
    lev.refresh_from_db()
    assert lev.te_laat
    html = login("contractmanager").get(f"/sturing/uitvraag/{uitvraag.pk}/").content.decode()
    assert "te laat" in html
    assert "Nog niet ingediend" in html


def test_each_provider_sees_only_its_own_delivery(uitvraag):
    eigen = eigen_levering(uitvraag)
    ander = uitvraag.leveringen.exclude(pk=eigen.pk).first()
    c = login("aanbieder")
    assert c.get(f"/sturing/levering/{eigen.pk}/").status_code == 200
    assert c.get(f"/sturing/levering/{ander.pk}/").status_code == 403
    assert c.post(f"/sturing/levering/{ander.pk}/", {}).status_code == 403
    assert c.get(f"/sturing/uitvraag/{uitvraag.pk}/").status_code == 403
    assert login("gemeente").get(f"/sturing/levering/{eigen.pk}/").status_code == 403
    assert login("contractmanager").get(f"/sturing/levering/{ander.pk}/").status_code == 200
    # the team reads a delivery but does not submit it for the provider
    assert login("contractmanager").post(f"/sturing/levering/{ander.pk}/", {}).status_code == 403
    lijst = c.get("/sturing/uitvraag/").content.decode()
    assert "Uitvraag juni 2027" in lijst


def test_documents_are_checked_and_sealed_to_the_provider_and_team(uitvraag):
    lev = eigen_levering(uitvraag)
    pdf = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
    c = login("aanbieder")
    c.post(f"/sturing/levering/{lev.pk}/",
           {"actie": "bijlage", "bijlagen": SimpleUploadedFile("inspectie.pdf", pdf)})  # fmt: skip
    stuk = lev.bijlagen.get()
    assert stuk.content_type == "application/pdf"
    r = c.post(f"/sturing/levering/{lev.pk}/",
               {"actie": "bijlage", "bijlagen": SimpleUploadedFile("rapport.pdf", b"MZ\x90")})  # fmt: skip
    assert "geen PDF" in r.content.decode()
    assert c.get(f"/sturing/bijlage/{stuk.pk}/").status_code == 200
    assert login("gemeente").get(f"/sturing/bijlage/{stuk.pk}/").status_code == 403
