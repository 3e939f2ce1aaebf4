# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every write of the transition: the analysis (and bringing it up to date), bulk rules
and applying them, a plan per case, reserving the continuity budget and the follow-up
from the messages. Statuses change only through core.levenscyclus."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from jeugdsturing.continuiteit import selectors
from jeugdsturing.continuiteit.analyse import Getroffen, getroffen
from jeugdsturing.continuiteit.models import (
    Besluit,
    Bulkregel,
    Geval,
    GevalStatus,
    Transitie,
    Volgstand,
)
from jeugdsturing.continuiteit.opvolging import Zorg, volg
from jeugdsturing.continuiteit.plan import Kern, Kosten, Regel, plannen, reservering
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.contracten.services import continuiteitsbudget_zet
from jeugdsturing.core.access import ingelogd
from jeugdsturing.core.levenscyclus import status_begin, status_wijzig
from jeugdsturing.regio.models import Regio, Thema
from jeugdsturing.verwerving.models import Aanbesteding, AanbestedingStatus
from jeugdsturing.weergave.templatetags.datums import datum_lang


def _analyse(transitie: Transitie) -> list[Getroffen]:
    regio, o, peil = transitie.regio, transitie.overgangsdatum, transitie.peildatum
    return getroffen(
        selectors.trajecten(regio), overgang=o, peil=peil,
        contractering=selectors.contractering(regio, o, transitie.aanbesteding),
        product_thema=selectors.product_thema(regio), tarieven=selectors.tarieven(regio, o),
    )  # fmt: skip


@transaction.atomic
def transitie_analyseer(
    *,
    regio: Regio,
    naam: str,
    overgangsdatum: date,
    peildatum: date,
    norm_onderbreking_dagen: int = 14,
    aanbesteding: Aanbesteding | None = None,
    door: AbstractBaseUser | None = None,
) -> Transitie:
    """Make a transition and its cases from the analysis at ``overgangsdatum`` with the
    data as known on ``peildatum``; with a tender, the new contracts are those of its
    definitive award."""
    if aanbesteding is not None and aanbesteding.regio_id != regio.pk:
        raise ValidationError("De aanbesteding hoort niet bij deze regio.")
    if aanbesteding is not None and aanbesteding.status != AanbestedingStatus.GEGUND:
        raise ValidationError(
            f"Aanbesteding {aanbesteding.referentie} is nog niet definitief gegund."
        )
    if not naam.strip():
        raise ValidationError("Geef de transitie een naam.")
    if peildatum > overgangsdatum:
        raise ValidationError(
            f"De peildatum ({datum_lang(peildatum)}) ligt na de ingangsdatum van de nieuwe "
            f"overeenkomsten ({datum_lang(overgangsdatum)}): de analyse kijkt vooruit."
        )
    if not 0 < norm_onderbreking_dagen <= 365:
        raise ValidationError("De norm voor een onderbreking ligt tussen 1 en 365 dagen.")
    t = Transitie.objects.create(
        regio=regio, naam=naam.strip(), overgangsdatum=overgangsdatum, peildatum=peildatum,
        norm_onderbreking_dagen=norm_onderbreking_dagen, gemaakt_door=ingelogd(door),
        aanbesteding=aanbesteding,
    )  # fmt: skip
    _gevallen_bij(t, _analyse(t), door)
    return t


@transaction.atomic
def transitie_werk_bij(
    *, transitie: Transitie, peildatum: date, door: AbstractBaseUser | None = None
) -> dict[str, int]:
    """Analyse again with newer data: new cases are added without a plan, cases that
    no longer run on the transition date lapse, plans stay."""
    t = Transitie.objects.select_for_update().get(pk=transitie.pk)
    if peildatum > t.overgangsdatum:
        raise ValidationError("De peildatum ligt na de ingangsdatum van de nieuwe overeenkomsten.")
    t.peildatum = peildatum
    t._change_reason = f"analyse bijgewerkt tot {datum_lang(peildatum)}"  # type: ignore[attr-defined]
    t.save()
    return _gevallen_bij(t, _analyse(t), door)


def _gevallen_bij(
    t: Transitie, lijst: Sequence[Getroffen], door: AbstractBaseUser | None
) -> dict[str, int]:
    aanbieders = dict(Aanbieder.objects.values_list("agb_code", "pk"))
    bestaand = {g.traject: g for g in t.gevallen.all()}
    tel = {"nieuw": 0, "bijgewerkt": 0, "vervallen": 0, "onbekende aanbieder": 0}
    gezien = set()
    for x in lijst:
        tr = x.traject
        if tr.aanbieder not in aanbieders:
            tel["onbekende aanbieder"] += 1
            continue
        gezien.add(tr.sleutel)
        velden = {
            "gemeente": tr.gemeente, "gebied": tr.gebied, "aanbieder_id": aanbieders[tr.aanbieder],
            "client": tr.client, "toewijzingnummer": tr.toewijzingnummer,
            "taakgericht": tr.taakgericht, "categorie": tr.categorie,
            "productcode": tr.productcode, "thema_id": x.thema, "reden": x.reden,
            "begindatum": tr.begindatum, "toewijzing_einddatum": tr.toewijzing_einddatum,
            "kans_lopend": x.kans_lopend, "restduur_maanden": x.restduur_maanden,
            "maandbedrag_eurocent": x.maandbedrag, "maandkosten": list(x.maandkosten),
        }  # fmt: skip
        g = bestaand.get(tr.sleutel)
        if g is None:
            g = Geval.objects.create(transitie=t, traject=tr.sleutel, **velden)
            status_begin(g, reden="getroffen bij de analyse", door=door)
            tel["nieuw"] += 1
            continue
        veranderd = {k: v for k, v in velden.items() if getattr(g, k) != v}
        if g.status == GevalStatus.VERVALLEN:
            status_wijzig(
                g, naar=GevalStatus.ZONDER_PLAN, reden="weer getroffen", door=door,
                velden=veranderd,
            )  # fmt: skip
        elif veranderd:
            for k, v in veranderd.items():
                setattr(g, k, v)
            g._change_reason = "analyse bijgewerkt"  # type: ignore[attr-defined]
            g.save()
        if veranderd:
            tel["bijgewerkt"] += 1
    for sleutel, g in bestaand.items():
        if sleutel not in gezien and g.status in {GevalStatus.ZONDER_PLAN, GevalStatus.GEPLAND}:
            status_wijzig(
                g, naar=GevalStatus.VERVALLEN, door=door,
                reden="loopt volgens de nieuwe gegevens niet meer op de overgangsdatum",
            )  # fmt: skip
            tel["vervallen"] += 1
    return tel


@transaction.atomic
def bulkregel_maak(
    *,
    transitie: Transitie,
    naam: str,
    besluit: str,
    toelichting: str,
    categorieen: Sequence[str] = (),
    thema: Thema | None = None,
    gemeente: str = "",
    aanbieder: Aanbieder | None = None,
    tot_einde_toewijzing: bool = False,
    maanden: int | None = None,
    partner: Aanbieder | None = None,
) -> Bulkregel:
    """Add a rule after the existing ones (the first that matches decides)."""
    if besluit not in Besluit.values:
        raise ValidationError(f"Onbekend besluit '{besluit}'.")
    if not naam.strip() or not toelichting.strip():
        raise ValidationError("Geef de regel een naam en een reden.")
    if not tot_einde_toewijzing and not maanden:
        raise ValidationError(
            "Kies de termijn: tot het einde van de toewijzing of een aantal maanden."
        )
    if maanden is not None and not 0 < maanden <= 60:
        raise ValidationError("Het aantal maanden ligt tussen 1 en 60.")
    if partner is not None and besluit != Besluit.OVERDRAGEN:
        raise ValidationError("Een partner hoort alleen bij een overdracht.")
    if partner is not None and partner.pk not in selectors.partners_per_thema(transitie).get(
        None, []
    ):
        raise ValidationError(
            f"{partner.naam} heeft geen overeenkomst op {datum_lang(transitie.overgangsdatum)}."
        )
    if gemeente and not transitie.regio.gemeenten.filter(code=gemeente).exists():
        raise ValidationError(f"Gemeente {gemeente} hoort niet bij de regio.")
    codes = [c.strip() for c in categorieen if c.strip()]
    for c in codes:
        if not (len(c) == 2 and c.isdigit()):
            raise ValidationError(f"Productcategorie '{c}' is geen code van twee cijfers (JZ020).")
    volgorde = (
        transitie.regels.order_by("-volgorde").values_list("volgorde", flat=True).first() or 0
    ) + 1
    return Bulkregel.objects.create(
        transitie=transitie, volgorde=volgorde, naam=naam.strip(), categorieen=",".join(codes),
        thema=thema, gemeente=gemeente, aanbieder=aanbieder, besluit=besluit,
        tot_einde_toewijzing=tot_einde_toewijzing, maanden=maanden, partner=partner,
        toelichting=toelichting.strip(),
    )  # fmt: skip


@transaction.atomic
def bulkregel_verwijder(*, regel: Bulkregel) -> None:
    """Remove a rule; the plans it made stay until the rules are applied again."""
    regel._change_reason = "regel verwijderd"  # type: ignore[attr-defined]
    regel.delete()


def _kern(g: Geval) -> Kern:
    return Kern(g.pk, g.categorie, g.thema_id, g.gemeente, g.aanbieder_id, g.toewijzing_einddatum)


@transaction.atomic
def regels_pas_toe(*, transitie: Transitie, door: AbstractBaseUser | None = None) -> dict[str, int]:
    """Plan every case not changed by hand with the first rule that matches it; a case
    a rule no longer matches loses its rule's plan. Returns counts."""
    t = transitie
    bulkregels = list(t.regels.order_by("volgorde"))
    regels = [
        Regel(r.pk, frozenset(c for c in r.categorieen.split(",") if c), r.thema_id, r.gemeente,
              r.aanbieder_id, r.besluit, r.tot_einde_toewijzing, r.maanden, r.partner_id)
        for r in bulkregels
    ]  # fmt: skip
    open_ = list(
        t.gevallen.filter(
            status__in=[GevalStatus.ZONDER_PLAN, GevalStatus.GEPLAND], handmatig=False
        )
    )
    bezetting: dict[int, int] = defaultdict(int)
    for p in t.gevallen.filter(handmatig=True, besluit=Besluit.OVERDRAGEN).values_list(
        "partner_id", flat=True
    ):
        if p is not None:
            bezetting[p] += 1
    plannen_, zonder_partner = plannen(
        regels, [_kern(g) for g in open_], overgang=t.overgangsdatum,
        partners=selectors.partners_per_thema(t), bezetting=bezetting,
        huidig={g.pk: g.partner_id for g in open_ if g.regel_id and g.partner_id},
    )  # fmt: skip
    tel = {"gepland": 0, "ongewijzigd": 0, "zonder partner": len(zonder_partner), "vrijgegeven": 0}
    toelichtingen = {r.pk: (r.naam, r.toelichting) for r in bulkregels}
    nu = timezone.now()
    for g in open_:
        plan = plannen_.get(g.pk)
        if plan is None:
            if g.status == GevalStatus.GEPLAND and g.regel_id is not None:
                status_wijzig(g, naar=GevalStatus.ZONDER_PLAN, door=door,
                              reden="geen regel past meer",
                              velden={"besluit": "", "plan_datum": None, "partner": None,
                                      "regel": None, "toelichting": ""})  # fmt: skip
                tel["vrijgegeven"] += 1
            continue
        velden = {"besluit": plan.besluit, "plan_datum": plan.datum, "partner_id": plan.partner,
                  "regel_id": plan.regel}  # fmt: skip
        if g.status == GevalStatus.GEPLAND and all(getattr(g, k) == v for k, v in velden.items()):
            tel["ongewijzigd"] += 1
            continue
        naam, toelichting = toelichtingen[plan.regel]
        status_wijzig(
            g, naar=GevalStatus.GEPLAND, door=door, reden=f"bulkregel: {naam}",
            velden={**velden, "toelichting": toelichting,
                    "besloten_door": ingelogd(door), "besloten_op": nu},
        )  # fmt: skip
        tel["gepland"] += 1
    return tel


@transaction.atomic
def plan_zet(
    *,
    geval: Geval,
    besluit: str,
    plan_datum: date,
    toelichting: str,
    partner: Aanbieder | None = None,
    door: AbstractBaseUser | None = None,
) -> Geval:
    """Decide one case by hand: it keeps this plan when rules are applied again."""
    t = geval.transitie
    if besluit not in Besluit.values:
        raise ValidationError(f"Onbekend besluit '{besluit}'.")
    if not toelichting.strip():
        raise ValidationError("Geef de reden van het besluit.")
    if plan_datum < t.overgangsdatum:
        raise ValidationError(
            f"De datum ({datum_lang(plan_datum)}) ligt voor de overgangsdatum "
            f"({datum_lang(t.overgangsdatum)})."
        )
    if besluit == Besluit.OVERDRAGEN:
        if partner is None:
            raise ValidationError("Kies de partner die de zorg overneemt.")
        kandidaten = selectors.partners_per_thema(t).get(
            geval.thema_id if geval.thema_id else None, []
        )
        if partner.pk not in kandidaten:
            raise ValidationError(
                f"{partner.naam} heeft vanaf {datum_lang(t.overgangsdatum)} geen overeenkomst "
                f"voor {'dit thema' if geval.thema_id else 'deze zorg'}."
            )
        if partner.pk == geval.aanbieder_id:
            raise ValidationError("Overdragen kan alleen aan een andere aanbieder.")
    elif partner is not None:
        raise ValidationError("Een partner hoort alleen bij een overdracht.")
    return status_wijzig(
        geval, naar=GevalStatus.GEPLAND, door=door, reden=f"per geval: {toelichting.strip()}",
        velden={"besluit": besluit, "plan_datum": plan_datum, "partner": partner,
                "toelichting": toelichting.strip(), "regel": None, "handmatig": True,
                "besloten_door": ingelogd(door), "besloten_op": timezone.now()},
    )  # fmt: skip


@transaction.atomic
def plan_trek_in(*, geval: Geval, toelichting: str, door: AbstractBaseUser | None = None) -> Geval:
    """Withdraw a case's plan (for example until a conversation with the family): it
    has no plan again and the rules leave it alone, until a new plan is made by hand."""
    if not toelichting.strip():
        raise ValidationError("Geef de reden waarom het plan wordt ingetrokken.")
    return status_wijzig(
        geval, naar=GevalStatus.ZONDER_PLAN, door=door,
        reden=f"plan ingetrokken: {toelichting.strip()}",
        velden={"besluit": "", "plan_datum": None, "partner": None, "regel": None,
                "toelichting": toelichting.strip(), "handmatig": True,
                "besloten_door": ingelogd(door), "besloten_op": timezone.now(),
                "volgstand": ""},
    )  # fmt: skip


@transaction.atomic
def budget_reserveer(*, transitie: Transitie) -> int:
    """Reserve the planned cases' expected continuity cost in the budget table, per
    gemeente and year (contracten.Continuiteitsbudget)."""
    t = transitie
    gevallen = t.gevallen.filter(status__in=[GevalStatus.GEPLAND, GevalStatus.AFGEROND])
    bedragen = reservering(
        [Kosten(g.gemeente, g.maandkosten, g.plan_datum) for g in gevallen if g.plan_datum],
        t.overgangsdatum,
    )
    return continuiteitsbudget_zet(
        regio=t.regio,
        bedragen=bedragen,
        bron=f"continuïteitsplan {t.naam}",
        reden=f"gereserveerd uit het continuïteitsplan {t.naam}",
    )


@transaction.atomic
def opvolging_werk_bij(*, transitie: Transitie, peil: date) -> dict[str, int]:
    """Follow every planned case from the trajectories as they are now: stop, start at
    the partner, gap or overlap, and whether continued care ended by its date. A case
    whose transfer or end is confirmed is closed; a gap above the norm is a signal."""
    t = Transitie.objects.select_for_update().get(pk=transitie.pk)
    gevallen = list(
        t.gevallen.filter(status__in=[GevalStatus.GEPLAND, GevalStatus.AFGEROND]).select_related(
            "aanbieder", "partner"
        )
    )
    per_client: dict[tuple[str, str], list[Zorg]] = defaultdict(list)
    for tr in selectors.trajecten(t.regio, clienten={g.client for g in gevallen}):
        if tr.status == "verwijderd":
            continue
        begin = tr.begindatum if tr.start_gemeld_op is not None else None
        eind = tr.einddatum if tr.stop_gemeld_op is not None else None
        per_client[(tr.gemeente, tr.client)].append(
            Zorg(tr.sleutel, tr.aanbieder, begin, eind, tr.reden_beeindiging)
        )
    tel: dict[str, int] = defaultdict(int)
    for g in gevallen:
        andere = per_client.get((g.gemeente, g.client), [])
        oud = next((z for z in andere if z.sleutel == g.traject), None)
        if oud is None or g.plan_datum is None:
            continue
        v = volg(
            besluit=g.besluit, plan_datum=g.plan_datum,
            partner=g.partner.agb_code if g.partner else None, oud=oud, andere=andere,
            overgang=t.overgangsdatum, peil=peil, norm=t.norm_onderbreking_dagen,
        )  # fmt: skip
        sinds = (g.signaal_sinds or peil) if v.signaal else None
        velden = {"volgstand": v.volgstand, "stop_datum": v.stop_datum,
                  "nieuwe_start": v.nieuwe_start, "nieuwe_aanbieder": v.nieuwe_aanbieder,
                  "tussen_dagen": v.tussen_dagen, "signaal_sinds": sinds}  # fmt: skip
        tel[v.volgstand] += 1
        naar = GevalStatus.AFGEROND if v.afgerond else GevalStatus.GEPLAND
        if naar != g.status:
            status_wijzig(g, naar=naar, reden=f"opvolging: {Volgstand(v.volgstand).label}",
                          velden=velden)  # fmt: skip
        elif any(getattr(g, k) != val for k, val in velden.items()):
            for k, val in velden.items():
                setattr(g, k, val)
            g._change_reason = "opvolging uit de berichten"  # type: ignore[attr-defined]
            g.save()
    t.opgevolgd_tot = peil
    t._change_reason = "opvolging bijgewerkt"  # type: ignore[attr-defined]
    t.save()
    return dict(tel)
