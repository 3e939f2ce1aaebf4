# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Distribution, final bids and award: the budgets divided exactly over the partners, a
refusal reopening its volume, and the award creating contracts and lump sums."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db.models import Sum

from jeugdsturing.contracten.models import Begroting, Lumpsum, Overeenkomst
from jeugdsturing.verwerving import ocds, selectors
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import (
    AanbestedingStatus,
    Aanbod,
    Inschrijving,
    InschrijvingStatus,
    Perceel,
)
from tests.conftest import SHARED
from tests.verwerving.conftest import Tender
from tests.verwerving.test_procedure import _beoordeel

pytestmark = pytest.mark.django_db
JAAR = 2028


def _naar_eindinschrijving(t: Tender, alle_themas: bool = True) -> list[Inschrijving]:
    a = t.aanbesteding
    if alle_themas:
        for thema in a.regio.themas.exclude(pk__in=[p.thema_id for p in t.percelen]):
            t.percelen.append(
                Perceel.objects.create(
                    aanbesteding=a, code=thema.code, naam=thema.naam, thema=thema
                )
            )
    bids = _beoordeel(t, {0: (9, 9, 9), 1: (8, 8, 8), 2: (7, 7, 7), 3: (6, 6, 6)})
    for n, i in bids.items():  # partner 0 bids on every theme, the others on some
        i.percelen.set(t.percelen if n == 0 else t.percelen[n % len(t.percelen) :][:2])
    s.rangschikking_stel_vast(aanbesteding=a)
    s.selectie_maak_bekend(aanbesteding=a, op=date(2026, 12, 1))
    for naar in (AanbestedingStatus.DIALOOG, AanbestedingStatus.EINDINSCHRIJVING):
        s.aanbesteding_status_wijzig(aanbesteding=a, naar=naar, reden="volgende fase",
                                     op=datetime(2027, 1, 5, tzinfo=UTC))  # fmt: skip
    a.refresh_from_db()
    return list(a.inschrijvingen.filter(status=InschrijvingStatus.GESELECTEERD))


def _budget() -> int:
    return int(Begroting.objects.filter(regio__code="JZ13", jaar=JAAR, thema__isnull=False)
               .aggregate(s=Sum("bedrag_eurocent"))["s"])  # fmt: skip


def test_a_theme_without_partner_is_a_coverage_gap(tender: Tender):
    _naar_eindinschrijving(tender, alle_themas=False)
    with pytest.raises(ValidationError, match=r"Geen partner voor thema .*dekking ontbreekt"):
        s.verdeling_maak(aanbesteding=tender.aanbesteding, jaar=JAAR)


def test_distribution_divides_every_budget_exactly_and_a_refusal_reopens_its_volume(tender: Tender):
    partners = _naar_eindinschrijving(tender)
    a = tender.aanbesteding
    totaal = s.verdeling_maak(aanbesteding=a, jaar=JAAR)
    assert sum(totaal.values()) == _budget()  # exact to the cent
    for b in Begroting.objects.filter(regio=a.regio, jaar=JAAR, thema__isnull=False):
        cel = Aanbod.objects.filter(
            inschrijving__aanbesteding=a, jaar=JAAR, gemeente=b.gemeente, thema=b.thema
        ).aggregate(s=Sum("bedrag_eurocent"))
        assert cel["s"] == b.bedrag_eurocent
    weigeraar = next(i for i in partners if i.pk in totaal and i.nummer != 1)
    voor = dict(totaal)
    with pytest.raises(ValidationError, match="reden van de weigering"):
        s.eindbod_geef(inschrijving=weigeraar, aanvaard=False)
    s.eindbod_geef(inschrijving=weigeraar, aanvaard=False, toelichting="te weinig volume")
    na = {
        i: int(v)
        for i, v in Aanbod.objects.filter(inschrijving__aanbesteding=a, jaar=JAAR)
        .values_list("inschrijving")
        .annotate(s=Sum("bedrag_eurocent"))
    }
    assert weigeraar.pk not in na
    assert sum(na.values()) == _budget()
    assert all(na[i] >= voor[i] for i in na)  # the others took over its volume
    weigeraar.refresh_from_db()
    assert weigeraar.status == InschrijvingStatus.TERUGGETROKKEN


def test_award_after_the_standstill_creates_contracts_and_lump_sums(tender: Tender):
    partners = _naar_eindinschrijving(tender)
    a = tender.aanbesteding
    s.verdeling_maak(aanbesteding=a, jaar=JAAR)
    with pytest.raises(ValidationError, match="Nog geen aanvaard aanbod"):
        s.gunning_maak_voorlopig(aanbesteding=a)
    for i in partners:
        s.eindbod_geef(inschrijving=i, aanvaard=True)
    a = s.gunning_maak_voorlopig(aanbesteding=a, op=date(2027, 6, 1))
    assert selectors.einde_bezwaartermijn_gunning(a) == date(2027, 6, 21)
    bezwaar = s.bezwaar_dien_in(inschrijving=partners[0], tekst="x", tegen="gunning",
                                op=date(2027, 6, 2))  # fmt: skip
    kw: dict[str, Any] = {"aanbesteding": a, "ingangsdatum": date(2028, 1, 1), "einddatum": date(2033, 12, 31),
          "verlengingsopties": 2, "verlengingsduur_jaren": 2}  # fmt: skip
    with pytest.raises(ValidationError, match="loopt tot en met 21 juni 2027"):
        s.gunning_maak_definitief(**kw, op=date(2027, 6, 21))
    with pytest.raises(ValidationError, match="bezwaren tegen de gunning open"):
        s.gunning_maak_definitief(**kw, op=date(2027, 6, 22))
    s.bezwaar_handel_af(bezwaar=bezwaar, uitkomst="ongegrond")
    ids = s.gunning_maak_definitief(**kw, op=date(2027, 6, 22))
    assert len(ids) == len(partners)
    contracten = Overeenkomst.objects.filter(pk__in=ids)
    assert {o.nummer for o in contracten} == {f"{a.referentie}-{i.nummer:02d}" for i in partners}
    assert all(o.verlengingsopties == 2 for o in contracten)
    lump = Lumpsum.objects.filter(overeenkomst__in=contracten, jaar=JAAR).aggregate(
        s=Sum("bedrag_eurocent")
    )
    assert lump["s"] == _budget()
    a.refresh_from_db()
    assert a.status == AanbestedingStatus.GEGUND
    pakket = ocds.release_package(a)
    assert ocds.schema_fouten(pakket, SHARED / "ocds") == []
    awards = pakket["releases"][0]["awards"]
    assert len(awards) == len(partners)
    assert {aw["status"] for aw in awards} == {"active"}
    assert round(sum(aw["value"]["amount"] for aw in awards) * 100) == _budget()
    assert set(
        a.inschrijvingen.filter(pk__in=[i.pk for i in partners]).values_list("status", flat=True)
    ) == {"gegund"}
