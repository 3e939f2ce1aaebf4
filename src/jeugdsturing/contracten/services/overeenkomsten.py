# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Providers, combinations, contracts (their lifecycle through core/levenscyclus.py),
products, tariffs and indexation."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.contracten.models import (
    VARIANT_EENHEDEN,
    Aanbieder,
    Combinatie,
    Indexatie,
    Onderaannemer,
    Overeenkomst,
    OvereenkomstProduct,
    OvereenkomstStatus,
    Product,
    Tarief,
    Uitvoeringsvariant,
)
from jeugdsturing.core.levenscyclus import status_begin, status_vermeld, status_wijzig
from jeugdsturing.regio.models import Code, Codelijst, Regio, Thema
from jeugdsturing.weergave.templatetags.datums import datum_lang


@transaction.atomic
def aanbieder_bewaar(*, agb_code: str, naam: str, kvk_nummer: str = "") -> Aanbieder:
    aanbieder = Aanbieder.objects.filter(agb_code=agb_code).first() or Aanbieder(agb_code=agb_code)
    aanbieder.naam, aanbieder.kvk_nummer = naam, kvk_nummer
    aanbieder.full_clean()
    aanbieder.save()
    return aanbieder


@transaction.atomic
def combinatie_maak(*, naam: str, penvoerder: Aanbieder, leden: list[Aanbieder]) -> Combinatie:
    alle = {penvoerder.pk, *(a.pk for a in leden)}
    if len(alle) < 2:
        raise ValidationError("Een combinatie bestaat uit een penvoerder en minstens één lid.")
    combinatie = Combinatie.objects.create(naam=naam, penvoerder=penvoerder)
    combinatie.leden.set(alle)
    return combinatie


@transaction.atomic
def overeenkomst_maak(
    *,
    regio: Regio,
    nummer: str,
    aanbieder: Aanbieder,
    ingangsdatum: date,
    einddatum: date,
    themas: list[Thema] | None = None,
    combinatie: Combinatie | None = None,
    verlengingsopties: int = 0,
    verlengingsduur_jaren: int = 0,
    herkomst: str = "",
    door: User | None = None,
) -> Overeenkomst:
    if combinatie is not None and combinatie.penvoerder_id != aanbieder.pk:
        raise ValidationError(
            {"aanbieder": "Bij een combinatie sluit de penvoerder de overeenkomst."}
        )
    for t in themas or []:
        if t.regio_id != regio.pk:
            raise ValidationError({"themas": f"Thema {t.code} hoort niet bij regio {regio.code}."})
    ok = Overeenkomst(
        regio=regio, nummer=nummer, aanbieder=aanbieder, combinatie=combinatie,
        ingangsdatum=ingangsdatum, einddatum=einddatum, verlengingsopties=verlengingsopties,
        verlengingsduur_jaren=verlengingsduur_jaren, herkomst=herkomst,
    )  # fmt: skip
    if einddatum < ingangsdatum:
        raise ValidationError({"einddatum": "De einddatum ligt voor de ingangsdatum."})
    ok.full_clean()
    ok.save()
    ok.themas.set(themas or [])
    status_begin(ok, reden="aangemaakt", door=door)
    return ok


@transaction.atomic
def overeenkomst_status_wijzig(
    *, overeenkomst: Overeenkomst, naar: str, reden: str, door: User | None = None
) -> Overeenkomst:
    ok = Overeenkomst.objects.select_for_update().get(pk=overeenkomst.pk)
    return status_wijzig(
        ok, naar=naar, reden=reden, door=door, onderwerp=f"Overeenkomst {ok.nummer}"
    )


@transaction.atomic
def overeenkomst_verleng(
    *, overeenkomst: Overeenkomst, reden: str, door: User | None = None
) -> Overeenkomst:
    """Use one extension option (002: six years plus 2 x 2)."""
    ok = Overeenkomst.objects.select_for_update().get(pk=overeenkomst.pk)
    if ok.verlengingen_benut >= ok.verlengingsopties:
        raise ValidationError(
            f"Overeenkomst {ok.nummer} heeft geen verlengingsoptie meer "
            f"({ok.verlengingen_benut} van {ok.verlengingsopties} benut)."
        )
    if ok.status not in {OvereenkomstStatus.ACTIEF, OvereenkomstStatus.OPGESCHORT}:
        raise ValidationError(f"Alleen een lopende overeenkomst kan worden verlengd ({ok.status}).")
    einde = ok.einddatum
    try:
        nieuw = einde.replace(year=einde.year + ok.verlengingsduur_jaren)
    except ValueError:  # 29 February
        nieuw = einde.replace(year=einde.year + ok.verlengingsduur_jaren, day=28)
    ok.einddatum = nieuw
    ok.verlengingen_benut += 1
    ok._change_reason = f"verlenging {ok.verlengingen_benut}: {reden}"  # type: ignore[attr-defined]
    ok.save()
    status_vermeld(
        ok, door=door,
        reden=f"verlengd tot {datum_lang(nieuw)} (optie {ok.verlengingen_benut} van "
        f"{ok.verlengingsopties}): {reden}",
    )  # fmt: skip
    return ok


@transaction.atomic
def onderaannemer_voeg_toe(
    *, overeenkomst: Overeenkomst, aanbieder: Aanbieder, omschrijving: str = ""
) -> Onderaannemer:
    if aanbieder.pk == overeenkomst.aanbieder_id:
        raise ValidationError("De contractant kan niet zijn eigen onderaannemer zijn.")
    return Onderaannemer.objects.create(
        overeenkomst=overeenkomst, aanbieder=aanbieder, omschrijving=omschrijving
    )


def _code_bestaat(lijst: str, code: str) -> bool:
    return Code.objects.filter(lijst=lijst, code=code).exists()


@transaction.atomic
def product_bewaar(
    *,
    regio: Regio,
    code: str,
    naam: str,
    categorie: str,
    eenheid: str = "",
    frequentie: str = "",
    thema: Thema | None = None,
) -> Product:
    if not _code_bestaat(Codelijst.PRODUCTCATEGORIE, categorie):
        raise ValidationError({"categorie": f"Productcategorie '{categorie}' staat niet in JZ020."})
    if eenheid and not _code_bestaat(Codelijst.EENHEID, eenheid):
        raise ValidationError({"eenheid": f"Eenheid '{eenheid}' staat niet in WJ756."})
    if frequentie and not _code_bestaat(Codelijst.FREQUENTIE, frequentie):
        raise ValidationError({"frequentie": f"Frequentie '{frequentie}' staat niet in WMO757."})
    if thema is not None and thema.regio_id != regio.pk:
        raise ValidationError({"thema": f"Thema {thema.code} hoort niet bij regio {regio.code}."})
    product = Product.objects.filter(regio=regio, code=code).first() or Product(
        regio=regio, code=code
    )
    product.naam, product.categorie, product.eenheid = naam, categorie, eenheid
    product.frequentie, product.thema = frequentie, thema
    product.full_clean()
    product.save()
    return product


@transaction.atomic
def overeenkomst_product_voeg_toe(
    *, overeenkomst: Overeenkomst, product: Product, variant: str
) -> OvereenkomstProduct:
    if product.regio_id != overeenkomst.regio_id:
        raise ValidationError(f"Product {product.code} hoort niet bij deze regio.")
    toegestaan = VARIANT_EENHEDEN[Uitvoeringsvariant(variant)]
    if variant == Uitvoeringsvariant.TAAKGERICHT:
        pass  # taakgericht care is paid by lump sum whatever the product's unit
    elif product.eenheid not in toegestaan:
        raise ValidationError(
            f"Product {product.code} heeft eenheid '{product.eenheid or 'geen'}'; de "
            f"{variant}e variant kent alleen eenheden {', '.join(sorted(toegestaan))} "
            "(iStandaarden, toewijzingsvarianten)."
        )
    regel, _ = OvereenkomstProduct.objects.update_or_create(
        overeenkomst=overeenkomst, product=product, defaults={"variant": variant}
    )
    return regel


@transaction.atomic
def tarief_voeg_toe(
    *,
    product: Product,
    bedrag_eurocent: int,
    geldig_van: date,
    geldig_tot: date | None = None,
    overeenkomst: Overeenkomst | None = None,
    reden: str = "",
) -> Tarief:
    """A new tariff. An open-ended earlier tariff of the same product (and contract)
    is closed the day before; any other overlap is refused."""
    if bedrag_eurocent < 0:
        raise ValidationError("Een tarief is niet negatief.")
    if geldig_tot is not None and geldig_tot < geldig_van:
        raise ValidationError("'Geldig tot' ligt voor 'geldig van'.")
    bestaand = Tarief.objects.select_for_update().filter(product=product, overeenkomst=overeenkomst)
    for t in bestaand:
        if t.geldig_tot is None and t.geldig_van < geldig_van:
            t.geldig_tot = geldig_van - timedelta(days=1)
            t._change_reason = f"afgesloten door nieuw tarief vanaf {datum_lang(geldig_van)}"  # type: ignore[attr-defined]
            t.save()
        eind = t.geldig_tot or date.max
        if t.geldig_van <= (geldig_tot or date.max) and geldig_van <= eind:
            raise ValidationError(
                f"Tarief voor {product.code} overlapt met het tarief geldig vanaf {t.geldig_van}."
            )
    tarief = Tarief(
        product=product, overeenkomst=overeenkomst, bedrag_eurocent=bedrag_eurocent,
        geldig_van=geldig_van, geldig_tot=geldig_tot,
    )  # fmt: skip
    tarief._change_reason = reden  # type: ignore[attr-defined]
    tarief.save()
    return tarief


@transaction.atomic
def indexatie_zet(*, regio: Regio, jaar: int, percentage: Decimal, bron: str = "") -> Indexatie:
    if not Decimal(-20) <= percentage <= Decimal(50):
        raise ValidationError(f"Indexatie {percentage}% voor {jaar} is niet aannemelijk.")
    obj, _ = Indexatie.objects.update_or_create(
        regio=regio, jaar=jaar, defaults={"percentage": percentage, "bron": bron}
    )
    return obj
