"""Every write of contracts and money: keyword-only functions in one transaction each.

The rules that protect money live here: a budget change that would exceed the year's
total, ceilings above a gemeente's budget, and lump sums above a theme budget all need
a recorded approval (Goedkeuring); contract status follows OVEREENKOMST_OVERGANGEN through
the one lifecycle mechanism (core/levenscyclus.py)."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from datetime import date, timedelta
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from jeugdsturing.contracten.models import (
    VARIANT_EENHEDEN,
    Aanbieder,
    Backtestuitslag,
    Begroting,
    Begrotingskader,
    Combinatie,
    Goedkeuring,
    Indexatie,
    Jaarcijfers,
    Lumpsum,
    LumpsumVaststelling,
    Onderaannemer,
    Overeenkomst,
    OvereenkomstProduct,
    OvereenkomstStatus,
    Plafond,
    Product,
    Tarief,
    Uitvoeringsvariant,
    Verantwoording,
    VerantwoordingRegel,
    Winstnorm,
)
from jeugdsturing.contracten.rapportage import BLAD, Fout, RapportageOngeldig, lees
from jeugdsturing.contracten.verdeling import Gewicht, lumpsums_verdelen
from jeugdsturing.core.levenscyclus import status_begin, status_vermeld, status_wijzig
from jeugdsturing.regio.config import BegrotingConfig
from jeugdsturing.regio.models import Code, Codelijst, Gemeente, Regio, Thema
from jeugdsturing.weergave.templatetags.bedragen import euro


class GoedkeuringVereist(ValidationError):
    """A change would exceed a total; it is allowed only with a recorded approval that
    covers the excess."""

    def __init__(self, wat: str, totaal: int, nieuw: int) -> None:
        self.overschrijding = nieuw - totaal
        super().__init__(
            f"{wat}: het nieuwe totaal {euro(nieuw)} overschrijdt {euro(totaal)} met "
            f"{euro(self.overschrijding)}; leg eerst een goedkeuring vast (besluit) die deze "
            "overschrijding dekt."
        )


def _dekt(goedkeuring: Goedkeuring | None, regio: Regio, overschrijding: int) -> bool:
    return (
        goedkeuring is not None
        and goedkeuring.regio_id == regio.pk
        and goedkeuring.bedrag_eurocent >= overschrijding
    )


# --- providers -----------------------------------------------------------------------


@transaction.atomic
def aanbieder_create_or_update(*, agb_code: str, naam: str, kvk_nummer: str = "") -> Aanbieder:
    aanbieder = Aanbieder.objects.filter(agb_code=agb_code).first() or Aanbieder(agb_code=agb_code)
    aanbieder.naam, aanbieder.kvk_nummer = naam, kvk_nummer
    aanbieder.full_clean()
    aanbieder.save()
    return aanbieder


@transaction.atomic
def combinatie_create(*, naam: str, penvoerder: Aanbieder, leden: list[Aanbieder]) -> Combinatie:
    alle = {penvoerder.pk, *(a.pk for a in leden)}
    if len(alle) < 2:
        raise ValidationError("Een combinatie bestaat uit een penvoerder en minstens één lid.")
    combinatie = Combinatie.objects.create(naam=naam, penvoerder=penvoerder)
    combinatie.leden.set(alle)
    return combinatie


# --- contracts -----------------------------------------------------------------------


@transaction.atomic
def overeenkomst_create(
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
        verlengingsduur_jaren=verlengingsduur_jaren,
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
        reden=f"verlengd tot {nieuw.isoformat()} (optie {ok.verlengingen_benut} van "
        f"{ok.verlengingsopties}): {reden}",
    )  # fmt: skip
    return ok


@transaction.atomic
def onderaannemer_add(
    *, overeenkomst: Overeenkomst, aanbieder: Aanbieder, omschrijving: str = ""
) -> Onderaannemer:
    if aanbieder.pk == overeenkomst.aanbieder_id:
        raise ValidationError("De contractant kan niet zijn eigen onderaannemer zijn.")
    return Onderaannemer.objects.create(
        overeenkomst=overeenkomst, aanbieder=aanbieder, omschrijving=omschrijving
    )


# --- products and tariffs ------------------------------------------------------------


def _code_bestaat(lijst: str, code: str) -> bool:
    return Code.objects.filter(lijst=lijst, code=code).exists()


@transaction.atomic
def product_create_or_update(
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
def overeenkomst_product_add(
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
def tarief_add(
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
            t._change_reason = f"afgesloten door nieuw tarief vanaf {geldig_van}"  # type: ignore[attr-defined]
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
def indexatie_set(*, regio: Regio, jaar: int, percentage: Decimal, bron: str = "") -> Indexatie:
    if not Decimal(-20) <= percentage <= Decimal(50):
        raise ValidationError(f"Indexatie {percentage}% voor {jaar} is niet aannemelijk.")
    obj, _ = Indexatie.objects.update_or_create(
        regio=regio, jaar=jaar, defaults={"percentage": percentage, "bron": bron}
    )
    return obj


# --- budgets, approvals, ceilings ----------------------------------------------------


@transaction.atomic
def goedkeuring_vastleggen(
    *,
    regio: Regio,
    onderwerp: str,
    besluit: str,
    goedgekeurd_door: str,
    datum: date,
    bedrag_eurocent: int,
    door: User | None = None,
) -> Goedkeuring:
    if not besluit.strip() or not goedgekeurd_door.strip():
        raise ValidationError("Een goedkeuring noemt het besluit en wie het nam.")
    if bedrag_eurocent <= 0:
        raise ValidationError("Een goedkeuring dekt een overschrijding groter dan nul.")
    return Goedkeuring.objects.create(
        regio=regio, onderwerp=onderwerp, besluit=besluit, goedgekeurd_door=goedgekeurd_door,
        datum=datum, bedrag_eurocent=bedrag_eurocent, vastgelegd_door=door,
    )  # fmt: skip


@transaction.atomic
def begrotingskader_set(
    *, regio: Regio, jaar: int, totaal_eurocent: int, bron: str
) -> Begrotingskader:
    kader, _ = Begrotingskader.objects.update_or_create(
        regio=regio, jaar=jaar, defaults={"totaal_eurocent": totaal_eurocent, "bron": bron}
    )
    return kader


@transaction.atomic
def begroting_set(
    *,
    regio: Regio,
    gemeente: Gemeente,
    jaar: int,
    bedrag_eurocent: int,
    thema: Thema | None = None,
    reden: str,
    goedkeuring: Goedkeuring | None = None,
    bron: str = "",
) -> Begroting:
    """Set one budget. For the whole assignment (no thema): the region's total for the
    year (Begrotingskader) may be exceeded only with an approval covering the excess;
    the total is then raised, with the approval as its reason. For a thema: a
    gemeente's thema budgets may not add up to more than its budget for the year."""
    if bedrag_eurocent < 0:
        raise ValidationError("Een begroting is niet negatief.")
    if not reden.strip():
        raise ValidationError("Geef een reden voor de wijziging van de begroting.")
    if not regio.gemeenten.filter(pk=gemeente.pk).exists():
        raise ValidationError(f"{gemeente} hoort niet bij regio {regio.code}.")
    bestaand = (
        Begroting.objects.select_for_update()
        .filter(regio=regio, gemeente=gemeente, jaar=jaar, thema=thema)
        .first()
    )
    anderen = Begroting.objects.filter(regio=regio, jaar=jaar, thema=thema)
    if thema is None:
        anderen = anderen.exclude(gemeente=gemeente)
        nieuw = (anderen.aggregate(s=Sum("bedrag_eurocent"))["s"] or 0) + bedrag_eurocent
        kader = Begrotingskader.objects.select_for_update().filter(regio=regio, jaar=jaar).first()
        if kader is not None and nieuw > kader.totaal_eurocent:
            if goedkeuring is None or not _dekt(goedkeuring, regio, nieuw - kader.totaal_eurocent):
                raise GoedkeuringVereist(
                    f"Begroting {regio.code} {jaar}", kader.totaal_eurocent, nieuw
                )
            kader.totaal_eurocent = nieuw
            kader._change_reason = f"verhoogd met goedkeuring {goedkeuring.besluit}"  # type: ignore[attr-defined]
            kader.save()
    else:
        totaal = Begroting.objects.filter(
            regio=regio, gemeente=gemeente, jaar=jaar, thema__isnull=True
        ).first()
        thema_som = (
            Begroting.objects.filter(regio=regio, gemeente=gemeente, jaar=jaar, thema__isnull=False)
            .exclude(thema=thema)
            .aggregate(s=Sum("bedrag_eurocent"))["s"]
            or 0
        ) + bedrag_eurocent
        if totaal is not None and thema_som > totaal.bedrag_eurocent:
            raise ValidationError(
                f"De themabudgetten van {gemeente.naam} {jaar} komen op {euro(thema_som)}, meer "
                f"dan haar begroting {euro(totaal.bedrag_eurocent)}; verhoog eerst die begroting."
            )
    if (
        bestaand is not None
        and bestaand.bedrag_eurocent == bedrag_eurocent
        and (not bron or bestaand.bron == bron)
    ):
        return bestaand  # unchanged: no write, no audit record (a re-run is idempotent)
    begroting = bestaand or Begroting(regio=regio, gemeente=gemeente, jaar=jaar, thema=thema)
    begroting.bedrag_eurocent = bedrag_eurocent
    if bron:
        begroting.bron = bron
    begroting._change_reason = (  # type: ignore[attr-defined]
        f"{reden} (goedkeuring {goedkeuring.besluit})" if goedkeuring else reden
    )
    begroting.save()
    return begroting


@transaction.atomic
def begrotingen_uit_inrichting(
    *, regio: Regio, begroting: BegrotingConfig, reden: str
) -> dict[str, int]:
    """The budgets of a region configuration (regio/config.py), each through
    begroting_set: a configuration that would raise a year's total above its frame
    (Begrotingskader) is refused like any other change without approval. Returns counts
    per 'begrotingsregels <nieuw|gewijzigd|ongewijzigd>'."""
    gemeenten = {g.code: g for g in regio.gemeenten.all()}
    tellers: dict[str, int] = {}
    for code, bedragen in begroting.bedragen_eurocent.items():
        for jaar, bedrag in zip(begroting.jaren, bedragen, strict=True):
            oud = Begroting.objects.filter(
                regio=regio, gemeente=gemeenten[code], jaar=jaar, thema__isnull=True
            ).first()
            nieuw = begroting_set(
                regio=regio, gemeente=gemeenten[code], jaar=jaar, bedrag_eurocent=bedrag,
                reden=reden, bron=begroting.bron,
            )  # fmt: skip
            if oud is None:
                soort = "nieuw"
            elif (oud.bedrag_eurocent, oud.bron) == (nieuw.bedrag_eurocent, nieuw.bron):
                soort = "ongewijzigd"
            else:
                soort = "gewijzigd"
            sleutel = f"begrotingsregels {soort}"
            tellers[sleutel] = tellers.get(sleutel, 0) + 1
    return tellers


@transaction.atomic
def plafond_set(
    *,
    overeenkomst: Overeenkomst,
    gemeente: Gemeente,
    jaar: int,
    bedrag_eurocent: int,
    reden: str,
    goedkeuring: Goedkeuring | None = None,
) -> Plafond:
    """A PxQ contract's ceiling for one gemeente's residents. The ceilings of all
    contracts for a gemeente may together exceed its budget only with approval."""
    if bedrag_eurocent < 0:
        raise ValidationError("Een plafond is niet negatief.")
    regio = overeenkomst.regio
    begroting = Begroting.objects.filter(
        regio=regio, gemeente=gemeente, jaar=jaar, thema__isnull=True
    ).first()
    if begroting is not None:
        anderen = (
            Plafond.objects.filter(overeenkomst__regio=regio, gemeente=gemeente, jaar=jaar)
            .exclude(overeenkomst=overeenkomst)
            .aggregate(s=Sum("bedrag_eurocent"))["s"]
            or 0
        )
        lumpsums = (
            Lumpsum.objects.filter(
                overeenkomst__regio=regio, gemeente=gemeente, jaar=jaar
            ).aggregate(s=Sum("bedrag_eurocent"))["s"]
            or 0
        )
        nieuw = anderen + lumpsums + bedrag_eurocent
        if nieuw > begroting.bedrag_eurocent and not _dekt(
            goedkeuring, regio, nieuw - begroting.bedrag_eurocent
        ):
            raise GoedkeuringVereist(
                f"Plafonds en lumpsums {gemeente.naam} {jaar}", begroting.bedrag_eurocent, nieuw
            )
    plafond = Plafond.objects.filter(
        overeenkomst=overeenkomst, gemeente=gemeente, jaar=jaar
    ).first()
    plafond = plafond or Plafond(overeenkomst=overeenkomst, gemeente=gemeente, jaar=jaar)
    plafond.bedrag_eurocent, plafond.goedkeuring = bedrag_eurocent, goedkeuring
    plafond._change_reason = reden  # type: ignore[attr-defined]
    plafond.save()
    return plafond


# --- lump sums -----------------------------------------------------------------------


@transaction.atomic
def lumpsums_vaststellen(
    *,
    regio: Regio,
    jaar: int,
    bedragen: Mapping[tuple[int, int, int], int],
    sleutelbron: str,
    reden: str,
    door: User | None = None,
    goedkeuring: Goedkeuring | None = None,
) -> LumpsumVaststelling:
    """Set a year's lump sums: amounts per (overeenkomst, gemeente, thema) ids. The
    contributions for one gemeente and thema may exceed its thema budget only with an
    approval covering the excess. Contributions not in ``bedragen`` are removed (their
    history stays)."""
    if not reden.strip():
        raise ValidationError("Geef een reden voor de vaststelling van de lumpsums.")
    overeenkomsten = {o.pk: o for o in Overeenkomst.objects.filter(regio=regio)}
    per_cel: dict[tuple[int, int], int] = defaultdict(int)
    for (ok_id, gemeente_id, thema_id), bedrag in bedragen.items():
        if ok_id not in overeenkomsten:
            raise ValidationError(f"Overeenkomst {ok_id} hoort niet bij regio {regio.code}.")
        if bedrag < 0:
            raise ValidationError(f"Negatieve lumpsum voor overeenkomst {ok_id}.")
        per_cel[(gemeente_id, thema_id)] += bedrag
    budget = {
        (b.gemeente_id, b.thema_id): b.bedrag_eurocent
        for b in Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=False)
    }
    excess = sum(max(0, s - budget.get(cel, 0)) for cel, s in per_cel.items())
    if excess and not _dekt(goedkeuring, regio, excess):
        cel, som = next((c, s) for c, s in per_cel.items() if s > budget.get(c, 0))
        g = Gemeente.objects.get(pk=cel[0])
        t = Thema.objects.get(pk=cel[1])
        raise GoedkeuringVereist(
            f"Lumpsums {g.naam} thema {t.code} {jaar}", budget.get(cel, 0), som
        )
    vaststelling = LumpsumVaststelling.objects.create(
        regio=regio, jaar=jaar, sleutelbron=sleutelbron, reden=reden, goedkeuring=goedkeuring,
        door=door,
    )  # fmt: skip
    bestaand = {
        (x.overeenkomst_id, x.gemeente_id, x.thema_id): x
        for x in Lumpsum.objects.filter(overeenkomst__regio=regio, jaar=jaar)
    }
    for sleutel, bedrag in sorted(bedragen.items()):
        obj = bestaand.pop(sleutel, None)
        if obj is not None and obj.bedrag_eurocent == bedrag:
            continue
        if obj is None:
            obj = Lumpsum(
                overeenkomst_id=sleutel[0], gemeente_id=sleutel[1], thema_id=sleutel[2], jaar=jaar
            )
        obj.bedrag_eurocent, obj.vaststelling = bedrag, vaststelling
        obj._change_reason = reden  # type: ignore[attr-defined]
        obj.save()
    for obj in bestaand.values():
        obj._change_reason = f"vervallen: {reden}"  # type: ignore[attr-defined]
        obj.delete()
    return vaststelling


@transaction.atomic
def lumpsums_uit_begroting(
    *,
    regio: Regio,
    jaar: int,
    sleutels: Mapping[tuple[int, int], Mapping[int, Gewicht]],
    sleutelbron: str,
    reden: str,
    door: User | None = None,
) -> LumpsumVaststelling:
    """Divide every thema budget of the year over the contracts with the given keys
    (per (gemeente id, thema id): overeenkomst id -> weight), exact to the cent."""
    budgetten: dict[tuple[int, int], int] = {
        (b.gemeente_id, b.thema_id or 0): b.bedrag_eurocent
        for b in Begroting.objects.filter(regio=regio, jaar=jaar, thema__isnull=False).order_by(
            "gemeente__code", "thema__volgorde"
        )
    }
    if not budgetten:
        raise ValidationError(f"Regio {regio.code} heeft voor {jaar} geen themabudgetten.")
    verdeeld = lumpsums_verdelen(budgetten, sleutels)
    bedragen = {(ok, g, t): b for (ok, g, t), b in verdeeld.items()}
    return lumpsums_vaststellen(
        regio=regio, jaar=jaar, bedragen=bedragen, sleutelbron=sleutelbron, reden=reden, door=door
    )


# --- derived caches ------------------------------------------------------------------


@transaction.atomic
def backtestuitslag_bewaar(
    *,
    regio: Regio,
    jaar: int,
    maand: int,
    data_versie: str,
    methode: str,
    verhoudingen: list[float],
    tabel: list[dict[str, object]] | None,
) -> Backtestuitslag:
    """Keep the backtest behind a forecast until the data change (the one write a read
    may cause: a derived result, keyed by the data version, that changes nothing a user
    sees; ADR 0009)."""
    uitslag, _ = Backtestuitslag.objects.get_or_create(
        regio=regio, jaar=jaar, maand=maand, data_versie=data_versie,
        defaults={"methode": methode, "verhoudingen": verhoudingen, "tabel": tabel},
    )  # fmt: skip
    return uitslag


# --- provider reports ----------------------------------------------------------------


@transaction.atomic
def verantwoording_upload(
    *,
    regio: Regio,
    data: bytes,
    bestandsnaam: str,
    door: User | None = None,
    alleen_aanbieder: str | None = None,
) -> Verantwoording:
    """Read a filled-in report template, check it against the region and the provider's
    lump-sum contract, and store it; an earlier report for the same period is kept and
    marked replaced. Raises RapportageOngeldig naming sheet, row and column."""
    gemeenten = list(regio.gemeenten.values_list("code", flat=True))
    themas = list(regio.themas.values_list("code", flat=True))
    rapport = lees(data, bestandsnaam, gemeenten=gemeenten, themas=themas)
    if alleen_aanbieder is not None and rapport.agb_code != alleen_aanbieder:
        raise RapportageOngeldig(
            [
                Fout(
                    BLAD,
                    2,
                    "A (agb_code)",
                    rapport.agb_code,
                    "u kunt alleen voor uw eigen organisatie rapporteren",
                )
            ]
        )
    overeenkomst = (
        Overeenkomst.objects.filter(
            regio=regio, aanbieder__agb_code=rapport.agb_code, lumpsums__jaar=rapport.jaar
        )
        .distinct()
        .first()
    )
    if overeenkomst is None:
        raise RapportageOngeldig(
            [
                Fout(
                    BLAD,
                    2,
                    "A (agb_code)",
                    rapport.agb_code,
                    f"deze aanbieder heeft in {regio.code} geen lumpsum voor {rapport.jaar}",
                )
            ]
        )
    Verantwoording.objects.filter(
        overeenkomst=overeenkomst, jaar=rapport.jaar, maanden=rapport.maanden, vervangen=False
    ).update(vervangen=True)
    v = Verantwoording.objects.create(
        overeenkomst=overeenkomst, jaar=rapport.jaar, maanden=rapport.maanden,
        bestandsnaam=bestandsnaam[:300], sha256=hashlib.sha256(data).hexdigest(),
        ingediend_door=door,
    )  # fmt: skip
    gem = {g.code: g for g in regio.gemeenten.all()}
    th = {t.code: t for t in regio.themas.all()}
    VerantwoordingRegel.objects.bulk_create(
        VerantwoordingRegel(
            verantwoording=v,
            gemeente=gem[r.gemeente],
            thema=th[r.thema],
            kosten_eurocent=r.kosten_eurocent,
            clienten=r.clienten,
        )
        for r in rapport.regels
    )
    return v


@transaction.atomic
def jaarcijfers_set(
    *,
    aanbieder: Aanbieder,
    jaar: int,
    omzet_eurocent: int,
    kosten_eurocent: int,
    bron: str,
    omzet_jeugd_eurocent: int | None = None,
) -> Jaarcijfers:
    obj, _ = Jaarcijfers.objects.update_or_create(
        aanbieder=aanbieder, jaar=jaar,
        defaults={
            "omzet_eurocent": omzet_eurocent, "kosten_eurocent": kosten_eurocent,
            "resultaat_eurocent": omzet_eurocent - kosten_eurocent,
            "omzet_jeugd_eurocent": omzet_jeugd_eurocent, "bron": bron,
        },
    )  # fmt: skip
    return obj


@transaction.atomic
def winstnorm_set(*, regio: Regio, jaar: int, max_resultaat_pct: Decimal, bron: str) -> Winstnorm:
    if not Decimal(0) <= max_resultaat_pct <= Decimal(100):
        raise ValidationError("Een winstnorm ligt tussen 0 en 100% van de omzet.")
    obj, _ = Winstnorm.objects.update_or_create(
        regio=regio, jaar=jaar, defaults={"max_resultaat_pct": max_resultaat_pct, "bron": bron}
    )
    return obj
