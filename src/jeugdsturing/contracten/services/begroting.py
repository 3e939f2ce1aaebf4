# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Budgets and the rules that protect them: a change that would exceed the year's
total (Begrotingskader) or a gemeente's budget needs a recorded approval
(Goedkeuring) that covers the excess; ceilings of PxQ contracts follow the same rule."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum

from jeugdsturing.contracten.models import (
    Begroting,
    Begrotingskader,
    Continuiteitsbudget,
    Goedkeuring,
    Lumpsum,
    Overeenkomst,
    Plafond,
)
from jeugdsturing.core.bestanden import bijlage
from jeugdsturing.regio.config import BegrotingConfig
from jeugdsturing.regio.models import Gemeente, Regio, Thema
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


@transaction.atomic
def goedkeuring_leg_vast(
    *,
    regio: Regio,
    onderwerp: str,
    besluit: str,
    goedgekeurd_door: str,
    datum: date,
    bedrag_eurocent: int,
    door: User | None = None,
    document: tuple[str, bytes] | None = None,
) -> Goedkeuring:
    """Record an approval; ``document`` is the decision (name, content), checked by its
    content like every upload (core.bestanden)."""
    if not besluit.strip() or not goedgekeurd_door.strip():
        raise ValidationError("Een goedkeuring noemt het besluit en wie het nam.")
    if not onderwerp.strip():
        raise ValidationError("Een goedkeuring noemt waarvoor en waarom (het onderwerp).")
    if bedrag_eurocent <= 0:
        raise ValidationError("Een goedkeuring dekt een overschrijding groter dan nul.")
    naam, soort, inhoud = "", "", None
    if document is not None:
        b = bijlage(*document)
        naam, soort, inhoud = b.naam, b.content_type, document[1]
    return Goedkeuring.objects.create(
        regio=regio, onderwerp=onderwerp.strip(), besluit=besluit,
        goedgekeurd_door=goedgekeurd_door, datum=datum, bedrag_eurocent=bedrag_eurocent,
        vastgelegd_door=door,
        document_naam=naam, document_type=soort, document=inhoud,
    )  # fmt: skip


@transaction.atomic
def begrotingskader_zet(
    *, regio: Regio, jaar: int, totaal_eurocent: int, bron: str
) -> Begrotingskader:
    kader, _ = Begrotingskader.objects.update_or_create(
        regio=regio, jaar=jaar, defaults={"totaal_eurocent": totaal_eurocent, "bron": bron}
    )
    return kader


@transaction.atomic
def begroting_zet(
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
        themas = (
            Begroting.objects.filter(
                regio=regio, gemeente=gemeente, jaar=jaar, thema__isnull=False
            ).aggregate(s=Sum("bedrag_eurocent"))["s"]
            or 0
        )
        if bedrag_eurocent < themas:
            raise ValidationError(
                f"De begroting van {gemeente.naam} {jaar} ({euro(bedrag_eurocent)}) komt onder de "
                f"som van haar themabudgetten ({euro(themas)}); verlaag eerst de themabudgetten."
            )
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
def begrotingen_richt_in(*, regio: Regio, begroting: BegrotingConfig, reden: str) -> dict[str, int]:
    """The budgets of a region configuration (regio/config.py), each through
    begroting_zet: a configuration that would raise a year's total above its frame
    (Begrotingskader) is refused like any other change without approval. Returns counts
    per 'begrotingsregels <nieuw|gewijzigd|ongewijzigd>'."""
    gemeenten = {g.code: g for g in regio.gemeenten.all()}
    tellers: dict[str, int] = {}
    for code, bedragen in begroting.bedragen_eurocent.items():
        for jaar, bedrag in zip(begroting.jaren, bedragen, strict=True):
            oud = Begroting.objects.filter(
                regio=regio, gemeente=gemeenten[code], jaar=jaar, thema__isnull=True
            ).first()
            nieuw = begroting_zet(
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
def plafond_zet(
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


@transaction.atomic
def continuiteitsbudget_zet(
    *, regio: Regio, bedragen: Mapping[tuple[str, int], int], bron: str, reden: str
) -> int:
    """Reserve the continuity budget per (gemeente code, year), replacing the region's
    previous reservation (a year or gemeente no longer in ``bedragen`` goes to 0, so the
    trail keeps it). A reservation is a part of the gemeente's budget for the year: it
    may not exceed it. The lump sums are not touched. Returns the rows written."""
    if not reden.strip():
        raise ValidationError("Geef een reden voor de reservering.")
    gemeenten = {g.code: g for g in regio.gemeenten.all()}
    begroot = {
        (g, j): b
        for g, j, b in Begroting.objects.filter(regio=regio, thema__isnull=True).values_list(
            "gemeente__code", "jaar", "bedrag_eurocent"
        )
    }
    for (code, jaar), bedrag in sorted(bedragen.items()):
        if code not in gemeenten:
            raise ValidationError(f"Gemeente {code} hoort niet bij regio {regio.code}.")
        if bedrag < 0:
            raise ValidationError(f"Een reservering is niet negatief ({code}, {jaar}).")
        grens = begroot.get((code, jaar))
        if grens is not None and bedrag > grens:
            raise ValidationError(
                f"De reservering voor zorgcontinuïteit van {gemeenten[code].naam} {jaar} "
                f"({euro(bedrag)}) is hoger dan haar begroting ({euro(grens)})."
            )
    bestaand = {
        (c.gemeente.code, c.jaar): c
        for c in Continuiteitsbudget.objects.select_for_update()
        .filter(regio=regio)
        .select_related("gemeente")
    }
    geschreven = 0
    for sleutel in sorted(set(bestaand) | set(bedragen)):
        bedrag = bedragen.get(sleutel, 0)
        rij = bestaand.get(sleutel)
        if rij is None:
            if bedrag == 0:
                continue
            rij = Continuiteitsbudget(
                regio=regio, gemeente=gemeenten[sleutel[0]], jaar=sleutel[1],
                bedrag_eurocent=bedrag, bron=bron,
            )  # fmt: skip
        elif rij.bedrag_eurocent == bedrag and rij.bron == bron:
            continue
        rij.bedrag_eurocent, rij.bron = bedrag, bron
        rij._change_reason = reden  # type: ignore[attr-defined]
        rij.save()
        geschreven += 1
    return geschreven
