# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Setting up a tender: what bidders compete on (lots or themes, criteria, knock-out
requirements) changes only while it is a concept; after the announcement only the
deadlines move later. The planning, standard sets and the committee."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from jeugdsturing.core.access import Actie, Sectie, mag, scope_van
from jeugdsturing.core.levenscyclus import status_begin, status_vermeld
from jeugdsturing.regio.models import Thema
from jeugdsturing.verwerving import sjablonen as sj
from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Beoordelaar,
    Criterium,
    Eis,
    Mijlpaal,
    Perceel,
)
from jeugdsturing.verwerving.moment import nu as _nu
from jeugdsturing.verwerving.selectors import vrije_code
from jeugdsturing.verwerving.services.dialoog import dialoogonderwerp_maak
from jeugdsturing.weergave.templatetags.bedragen import komma
from jeugdsturing.weergave.templatetags.datums import tijd


def _in_concept(a: Aanbesteding, wat: str) -> None:
    if a.status != AanbestedingStatus.CONCEPT:
        raise ValidationError(
            f"{wat} kan alleen in de conceptfase worden gewijzigd: na de aankondiging ligt vast "
            "waarop wordt ingeschreven."
        )


# A reference is part of the tender's addresses (/verwerving/<referentie>/).
REFERENTIE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{1,39}")


@transaction.atomic
def aanbesteding_bewaar(*, aanbesteding: Aanbesteding, door: User | None = None) -> Aanbesteding:
    """Create a tender, or change it while it is a concept. A new tender starts as a
    concept with its first status record."""
    a = aanbesteding
    nieuw = a.pk is None
    if not nieuw:
        _in_concept(Aanbesteding.objects.get(pk=a.pk), "De aanbesteding")
    if a.vragen_tot >= a.inschrijven_tot:
        raise ValidationError(
            f"Vragen stellen kan tot {tijd(a.vragen_tot)}, inschrijven tot "
            f"{tijd(a.inschrijven_tot)}: de vragentermijn moet eerder eindigen."
        )
    if a.schaal_min >= a.schaal_max:
        raise ValidationError(f"De schaal {a.schaal_min}-{a.schaal_max} is leeg.")
    if a.max_partners < 1:
        raise ValidationError("Selecteer ten minste één partner.")
    if nieuw and Aanbesteding.objects.filter(referentie=a.referentie).exists():
        raise ValidationError(f"Referentie {a.referentie} bestaat al.")
    if not REFERENTIE.fullmatch(a.referentie or ""):
        raise ValidationError(
            f"Referentie '{(a.referentie or '')[:40]}': gebruik 2 tot 40 letters, cijfers, "
            "punten, streepjes of liggende streepjes (geen / of spaties): de referentie "
            "staat in de adressen van de aanbesteding."
        )
    a.save()
    if nieuw:
        status_begin(a, reden="aangemaakt", door=door)
    return a


@transaction.atomic
def termijn_verleng(
    *,
    aanbesteding: Aanbesteding,
    vragen_tot: datetime,
    inschrijven_tot: datetime,
    reden: str,
    door: User | None = None,
    op: datetime | None = None,
) -> Aanbesteding:
    """After the announcement the deadlines can only move later, before they have
    passed, with a reason (announce it in a Nota van Inlichtingen)."""
    a = Aanbesteding.objects.select_for_update().get(pk=aanbesteding.pk)
    moment = _nu(op)
    if a.status != AanbestedingStatus.AANGEKONDIGD:
        raise ValidationError("Termijnen verlengen kan alleen in de fase aangekondigd.")
    if not reden.strip():
        raise ValidationError("Geef de reden van de verlenging.")
    if vragen_tot < a.vragen_tot or inschrijven_tot < a.inschrijven_tot:
        raise ValidationError("Een termijn kan na de aankondiging alleen later worden.")
    if moment > a.inschrijven_tot:
        raise ValidationError("De inschrijftermijn is al verstreken.")
    if vragen_tot != a.vragen_tot and moment > a.vragen_tot:
        raise ValidationError("De vragentermijn is al verstreken.")
    if vragen_tot >= inschrijven_tot:
        raise ValidationError("De vragentermijn moet eindigen vóór de inschrijftermijn.")
    a.vragen_tot, a.inschrijven_tot = vragen_tot, inschrijven_tot
    a._change_reason = reden  # type: ignore[attr-defined]
    a.save()
    status_vermeld(
        a, door=door,
        reden=f"termijnen: vragen tot {tijd(vragen_tot)}, inschrijven tot "
        f"{tijd(inschrijven_tot)} ({reden})",
    )  # fmt: skip
    return a


@transaction.atomic
def perceel_voeg_toe(
    *,
    aanbesteding: Aanbesteding,
    code: str,
    naam: str,
    thema: Thema | None = None,
    max_partners: int | None = None,
    wachtkamer: int = 0,
) -> Perceel:
    _in_concept(aanbesteding, "Een perceel")
    if (max_partners is not None and max_partners < 1) or wachtkamer < 0:
        raise ValidationError(
            f"Perceel {code}: selecteer ten minste één partner (of laat het maximum leeg) en "
            "geef de wachtkamer als 0 of meer."
        )
    if thema is not None and thema.regio_id != aanbesteding.regio_id:
        raise ValidationError(f"Thema {thema.code} hoort niet bij de regio.")
    code = vrije_code(aanbesteding.percelen, code, "Perceel")
    return Perceel.objects.create(
        aanbesteding=aanbesteding, code=code, naam=naam, thema=thema,
        max_partners=max_partners, wachtkamer=wachtkamer,
    )  # fmt: skip


@transaction.atomic
def criterium_voeg_toe(
    *,
    aanbesteding: Aanbesteding,
    code: str,
    naam: str,
    weging: Decimal,
    minimum: Decimal | None = None,
    schaal: dict[str, str] | None = None,
) -> Criterium:
    _in_concept(aanbesteding, "Een gunningscriterium")
    code = vrije_code(aanbesteding.criteria, code, "Criterium")
    if weging <= 0:
        raise ValidationError(f"Criterium {code}: de weging moet positief zijn.")
    a = aanbesteding
    if minimum is not None and not a.schaal_min <= minimum <= a.schaal_max:
        raise ValidationError(
            f"Criterium {code}: minimum {komma(minimum)} ligt buiten de schaal "
            f"{komma(a.schaal_min)}-{komma(a.schaal_max)}."
        )
    for waarde in schaal or {}:
        try:
            getal = Decimal(waarde)
        except ArithmeticError as e:
            raise ValidationError(
                f"Criterium {code}: schaalwaarde '{waarde}' is geen getal."
            ) from e
        if not a.schaal_min <= getal <= a.schaal_max:
            raise ValidationError(
                f"Criterium {code}: schaalwaarde {komma(waarde)} ligt buiten de schaal."
            )
    return Criterium.objects.create(
        aanbesteding=a, code=code, naam=naam, weging=weging, minimum=minimum,
        beschrijving_schaal=dict(schaal or {}),
    )  # fmt: skip


@transaction.atomic
def eis_voeg_toe(*, aanbesteding: Aanbesteding, code: str, omschrijving: str, soort: str) -> Eis:
    _in_concept(aanbesteding, "Een eis")
    if soort not in ("uitsluiting", "geschiktheid"):
        raise ValidationError(f"Eis {code}: soort '{soort}' is geen uitsluiting of geschiktheid.")
    code = vrije_code(aanbesteding.eisen, code, "Eis")
    return Eis.objects.create(
        aanbesteding=aanbesteding, code=code, omschrijving=omschrijving, soort=soort
    )


@transaction.atomic
def mijlpaal_voeg_toe(
    *, aanbesteding: Aanbesteding, fase: str, naam: str, datum: date, eind: date | None = None
) -> Mijlpaal:
    """The planning can grow during the procedure (the dates of later phases are often
    fixed later); a finished tender's planning stays as it was."""
    if aanbesteding.status in (AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN):
        raise ValidationError("De planning van een afgeronde aanbesteding blijft zoals ze was.")
    if eind is not None and eind < datum:
        raise ValidationError(f"Mijlpaal {naam}: het einde ligt vóór het begin.")
    return Mijlpaal.objects.create(
        aanbesteding=aanbesteding, fase=fase, naam=naam, datum=datum, eind=eind
    )


ONDERDELEN = {"perceel": Perceel, "criterium": Criterium, "eis": Eis, "mijlpaal": Mijlpaal}


@transaction.atomic
def onderdeel_verwijder(*, aanbesteding: Aanbesteding, soort: str, pk: int) -> str:
    """Remove a lot, criterion or requirement (concept only) or a milestone."""
    model = ONDERDELEN.get(soort)
    if model is None:
        raise ValidationError(f"Onbekend onderdeel '{soort}'.")
    if soort == "mijlpaal":
        if aanbesteding.status in (AanbestedingStatus.GEGUND, AanbestedingStatus.INGETROKKEN):
            raise ValidationError("De planning van een afgeronde aanbesteding blijft zoals ze was.")
    else:
        _in_concept(aanbesteding, f"Een {soort}")
    obj = model._default_manager.filter(aanbesteding=aanbesteding, pk=pk).first()
    if obj is None:
        raise ValidationError(f"{soort} {pk} bestaat niet in deze aanbesteding.")
    naam = str(obj)
    obj.delete()
    return naam


@transaction.atomic
def sjabloon_neem_over(*, aanbesteding: Aanbesteding, wat: str) -> int:
    """Copy a standard set (sjablonen.py) into the tender; codes already present are
    skipped. Returns how many were added."""
    a = aanbesteding
    n = 0
    if wat == "eisen":
        bestaand = set(a.eisen.values_list("code", flat=True))
        for code, soort, oms in sj.EISEN:
            if code not in bestaand:
                eis_voeg_toe(aanbesteding=a, code=code, omschrijving=oms, soort=soort)
                n += 1
    elif wat == "criteria":
        bestaand = set(a.criteria.values_list("code", flat=True))
        for code, naam, weging, minimum in sj.CRITERIA:
            if code not in bestaand:
                criterium_voeg_toe(aanbesteding=a, code=code, naam=naam, weging=Decimal(weging),
                                   minimum=minimum, schaal=dict(sj.SCHAAL))  # fmt: skip
                n += 1
    elif wat == "themas":
        bestaand = set(a.percelen.values_list("code", flat=True))
        for thema in a.regio.themas.order_by("volgorde"):
            if thema.code not in bestaand:
                perceel_voeg_toe(aanbesteding=a, code=thema.code, naam=thema.naam, thema=thema)
                n += 1
    elif wat == "onderwerpen":
        bestaand = set(a.dialoogonderwerpen.values_list("code", flat=True))
        nieuw = [(f"O{k:02d}", naam, "000 4.2.3") for k, naam in enumerate(sj.ONDERWERPEN_000, 1)]
        nieuw += [(code, naam, "002 hfst. 5") for code, naam in sj.ONDERWERPEN_002]
        for code, naam, bron in nieuw:
            if code not in bestaand:
                dialoogonderwerp_maak(aanbesteding=a, code=code, naam=naam, bron=bron)
                n += 1
    else:
        raise ValidationError(f"Onbekend sjabloon '{wat}'.")
    return n


@transaction.atomic
def beoordelaar_benoem(*, aanbesteding: Aanbesteding, gebruiker: User) -> Beoordelaar:
    """Appoint a committee member: a user with the assessor role in the tender's region,
    until the ranking is fixed."""
    a = aanbesteding
    if a.status not in (
        AanbestedingStatus.CONCEPT, AanbestedingStatus.AANGEKONDIGD, AanbestedingStatus.BEOORDELING
    ):  # fmt: skip
        raise ValidationError("Na de selectie wordt de commissie niet meer gewijzigd.")
    if (
        not mag(gebruiker, Sectie.VERWERVING, Actie.BEOORDELEN)
        or scope_van(gebruiker).regio_id != a.regio_id
    ):
        raise ValidationError(f"{gebruiker.username} is geen beoordelaar in deze regio.")
    if a.beoordelaars.filter(gebruiker=gebruiker).exists():
        raise ValidationError(f"{gebruiker.username} zit al in de commissie.")
    return Beoordelaar.objects.create(aanbesteding=a, gebruiker=gebruiker)
