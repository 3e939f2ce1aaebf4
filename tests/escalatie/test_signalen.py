# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Signal rules: defaults from TOML, evaluation and recording, expiry, the CLI rows,
the evaluation after an import, and clear errors in a rule file."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from jeugdsturing.berichten.models import ImportRun, Traject
from jeugdsturing.berichten.na_import import import_voltooid
from jeugdsturing.escalatie.config import STANDAARD, lees_escalatie
from jeugdsturing.escalatie.models import Signaal, Signaalregel, SignaalStatus
from jeugdsturing.escalatie.services import (
    regels_richt_in,
    signalen_werk_bij,
    standaard_inrichten,
    traject_open,
)
from jeugdsturing.monitor import service
from jeugdsturing.regio.config import ConfigError
from jeugdsturing.regio.models import Regio
from tests.escalatie.conftest import PEIL

pytestmark = pytest.mark.django_db


def test_the_default_rules_are_one_per_pattern_of_seed_003(regio):
    tellers = standaard_inrichten(regio)
    assert tellers["regels nieuw"] == 7
    maatstaven = set(Signaalregel.objects.filter(regio=regio).values_list("maatstaf", flat=True))
    assert maatstaven == {"doorlooptijd", "uitstroom_volgens_plan", "afschaling",
                          "herhaald_gebruik", "verlengingen", "zwaardere_zorg",
                          "weigeringen"}  # fmt: skip
    assert standaard_inrichten(regio) == {}  # idempotent


def test_the_weak_provider_is_flagged_and_no_other(regio, aanbieders, trajecten):
    standaard_inrichten(regio)
    tellers = signalen_werk_bij(regio=regio, peil=PEIL)
    zwak = aanbieders[-1]
    signalen = Signaal.objects.filter(regio=regio)
    assert {s.aanbieder_id for s in signalen} == {zwak.pk}
    assert {s.regel.code for s in signalen} == {"lage-uitstroom", "lange-doorlooptijd"}
    assert tellers["signalen nieuw"] == 2
    s = signalen.get(regel__code="lage-uitstroom")
    assert s.waarde == pytest.approx(18 / 60)
    assert s.doelwaarde == pytest.approx((5 * 42 + 18) / 360)
    assert s.waarde < s.onder
    assert s.niveau == "99,8"
    # the trajectories behind it: the weak provider's 42 unplanned endings
    achter = Traject.objects.filter(pk__in=s.trajecten)
    assert achter.count() == 42
    assert set(achter.values_list("reden_beeindiging", flat=True)) == {"33"}


def test_a_second_evaluation_updates_and_does_not_duplicate(regio, trajecten):
    standaard_inrichten(regio)
    signalen_werk_bij(regio=regio, peil=PEIL)
    tellers = signalen_werk_bij(regio=regio, peil=PEIL)
    assert tellers == {"signalen bijgewerkt": 2}
    assert Signaal.objects.filter(regio=regio).count() == 2


def test_a_signal_expires_when_the_unit_is_back_inside_but_one_in_a_case_stays(
    regio, aanbieders, trajecten
):
    standaard_inrichten(regio)
    signalen_werk_bij(regio=regio, peil=PEIL)
    zwak = aanbieders[-1]
    duur = Signaal.objects.get(regel__code="lange-doorlooptijd")
    traject_open(regio=regio, aanbieder=zwak, signalen=[duur], titel="T", aanleiding="duur")
    # the weak provider now ends as planned as often as the others
    Traject.objects.filter(aanbieder=zwak.agb_code, reden_beeindiging="33").update(
        reden_beeindiging="31"
    )
    service.vergeet(
        Regio.objects.get(code="JZ13")
    )  # an in-place change is not a new data version (docs/escalatie.md)
    tellers = signalen_werk_bij(regio=regio, peil=PEIL)
    assert tellers["signalen verlopen"] == 1
    assert Signaal.objects.get(regel__code="lage-uitstroom").status == SignaalStatus.VERLOPEN
    assert Signaal.objects.get(pk=duur.pk).status == SignaalStatus.IN_BEHANDELING


def test_cli_rows_have_the_keys_of_the_issue(regio, aanbieders, trajecten):
    standaard_inrichten(regio)
    out = StringIO()
    call_command("sturing", "signalen", "--region", "JZ13", "--as-of", "2027-12-31",
                 "--format", "json", stdout=out)  # fmt: skip
    rijen = json.loads(out.getvalue())
    assert {r["provider"] for r in rijen} == {aanbieders[-1].agb_code}
    for r in rijen:
        assert {"rule", "provider", "indicator", "value", "lower", "upper", "level",
                "since"} <= set(r)  # fmt: skip
    assert not Signaal.objects.exists()  # without --vastleggen nothing is recorded
    call_command("sturing", "signalen", "--region", "JZ13", "--as-of", "2027-12-31",
                 "--vastleggen", stdout=StringIO())  # fmt: skip
    assert Signaal.objects.count() == len(rijen)


def test_cli_refuses_bad_input_in_dutch(regio):
    with pytest.raises(CommandError, match="JJJJ-MM-DD"):
        call_command("sturing", "signalen", "--region", "JZ13", "--as-of", "31-12-2027")
    with pytest.raises(CommandError, match="geen actieve signaalregels"):
        call_command("sturing", "signalen", "--region", "JZ13", "--as-of", "2027-12-31")
    standaard_inrichten(regio)
    with pytest.raises(CommandError, match="Onbekende signaalregel: bestaat-niet"):
        call_command("sturing", "signalen", "--region", "JZ13", "--as-of", "2027-12-31",
                     "--regel", "bestaat-niet")  # fmt: skip
    with pytest.raises(CommandError, match="voor het regioteam"):
        call_command("sturing", "signalen", "--region", "JZ13", "--as-of", "2027-12-31",
                     "--user", "aanbieder")  # fmt: skip


def test_signals_are_evaluated_after_an_import(regio, aanbieders, trajecten):
    standaard_inrichten(regio)
    import_voltooid.send(sender=ImportRun, run=None, accepted=1)
    assert {s.aanbieder_id for s in Signaal.objects.all()} == {aanbieders[-1].pk}
    assert Signaal.objects.first().laatst_gezien == max(t.stop_gemeld_op for t in trajecten)


def test_rules_change_with_history(regio, tmp_path: Path):
    standaard_inrichten(regio)
    tekst = STANDAARD.read_text(encoding="utf-8").replace(
        "minimum_volume = 20", "minimum_volume = 30", 1
    )
    (tmp_path / "regels.toml").write_text(tekst, encoding="utf-8")
    tellers = regels_richt_in(regio=regio, config=lees_escalatie(tmp_path / "regels.toml"))
    assert tellers["regels gewijzigd"] == 1
    regel = Signaalregel.objects.get(regio=regio, code="lange-doorlooptijd")
    assert regel.minimum_volume == 30
    assert regel.history.count() == 2
    assert "regels.toml" in regel.history.first().history_change_reason


@pytest.mark.parametrize(
    ("vervang", "sleutel"),
    [
        ('maatstaf = "doorlooptijd"', "regel[0].maatstaf"),
        ("minimum_volume = 20", "regel[0].minimum_volume"),
        ('niveau = "99,8"', "regel[0].niveau"),
        ('prioriteit = "urgentie_dan_aankomst"', "verwijsbeleid.prioriteit"),
        ('vergelijking = "drempel"', "regel[6].vergelijking"),
    ],
)
def test_a_bad_rule_file_names_file_and_key(tmp_path: Path, vervang, sleutel):
    fout = {"maatstaf": 'maatstaf = "wachten"', "minimum_volume": "minimum_volume = -1",
            "niveau": 'niveau = "90"', "prioriteit": 'prioriteit = "loting"',
            "vergelijking": 'vergelijking = "regio"'}  # fmt: skip
    naam = sleutel.rsplit(".", 1)[-1]
    tekst = STANDAARD.read_text(encoding="utf-8").replace(vervang, fout[naam], 1)
    pad = tmp_path / "fout.toml"
    pad.write_text(tekst, encoding="utf-8")
    with pytest.raises(ConfigError) as e:
        lees_escalatie(pad)
    assert e.value.source == str(pad)
    assert e.value.key == sleutel


def test_a_rule_can_compare_with_the_target_of_a_goal(regio, aanbieders, trajecten):
    from decimal import Decimal

    from jeugdsturing.sturing.models import Doel, Doelindicator

    doel = Doel.objects.create(regio=regio, code="T-2028", horizon="doel_2028", teksten=["x"])
    Doelindicator.objects.create(
        doel=doel, code="uitstroom-plan", naam="Uitstroom volgens plan", soort="gemeten",
        waardesoort="percentage", streefwaarde=Decimal("75"), richting="omhoog",
    )  # fmt: skip
    Signaalregel.objects.create(
        regio=regio, code="doel-uitstroom", naam="Uitstroom onder het doel",
        maatstaf="uitstroom_volgens_plan", groepering="aanbieder", vergelijking="doel",
        doelindicator="uitstroom-plan", minimum_volume=20, niveau="99,8", ernst="hoog",
    )  # fmt: skip
    signalen_werk_bij(regio=regio, peil=PEIL)
    s = Signaal.objects.get(regel__code="doel-uitstroom")
    assert s.doelwaarde == pytest.approx(0.75)  # the goal's 75%, not the region's 40%
    assert s.aanbieder_id == aanbieders[-1].pk
    # a goal without a target: the rule is skipped, not evaluated against nothing
    Doelindicator.objects.filter(code="uitstroom-plan").update(streefwaarde=None)
    service.vergeet(Regio.objects.get(code="JZ13"))
    Signaal.objects.all().delete()
    signalen_werk_bij(regio=regio, peil=PEIL)
    assert not Signaal.objects.filter(regel__code="doel-uitstroom").exists()


def test_a_refusal_at_the_intake_point_is_a_signal(regio, aanbieders):
    from datetime import UTC, datetime

    from jeugdsturing.escalatie.services import (
        aanmelding_maak,
        aanmelding_weiger,
        aanmelding_wijs_toe,
    )

    standaard_inrichten(regio)
    a = aanmelding_maak(
        regio=regio, gebied=regio.gebieden.first(), thema=regio.themas.first(), bsn="111222333",
        urgentie="normaal", ontvangen_op=datetime(2027, 5, 1, 9, tzinfo=UTC),
    )  # fmt: skip
    aanmelding_wijs_toe(aanmelding=a, aanbieder=aanbieders[2],
                        op=datetime(2027, 5, 1, 10, tzinfo=UTC))  # fmt: skip
    signalen_werk_bij(regio=regio, peil=PEIL)
    assert not Signaal.objects.filter(regel__code="weigering").exists()  # assigned, not refused
    aanmelding_weiger(aanmelding=a, reden="Geen plek.")
    signalen_werk_bij(regio=regio, peil=PEIL)
    s = Signaal.objects.get(regel__code="weigering")
    assert (s.aanbieder_id, s.waarde, s.volume, s.niveau) == (aanbieders[2].pk, 1, 1, "drempel")
    out = StringIO()
    call_command("sturing", "signalen", "--region", "JZ13", "--as-of", "2027-12-31",
                 "--regel", "weigering", stdout=out)  # fmt: skip
    [rij] = json.loads(out.getvalue())
    assert (rij["provider"], rij["value"], rij["upper"], rij["level"]) == (
        aanbieders[2].agb_code,
        1.0,
        0.0,
        "drempel",
    )
    # a threshold of two refusals: one is not enough (and the running signal expires)
    Signaalregel.objects.filter(code="weigering").update(minimum_volume=2)
    assert signalen_werk_bij(regio=regio, peil=PEIL)["signalen verlopen"] == 1
    # outside the period (twelve months up to the date) a refusal no longer counts
    Signaalregel.objects.filter(code="weigering").update(minimum_volume=1)
    signalen_werk_bij(regio=regio, peil=date(2028, 6, 30))
    assert not Signaal.objects.filter(regel__code="weigering", status="open").exists()
