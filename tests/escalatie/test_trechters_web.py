# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Funnel plots on the monitor page, the signals page and in the provider's PD1 pack:
named for the team, only its own name for the provider, none for a gemeente."""

from __future__ import annotations

from datetime import date

import pytest

from jeugdsturing.escalatie.services import signalen_werk_bij, standaard_inrichten
from jeugdsturing.sturing.pakket.bronnen import Bronnen, Onderwerp
from jeugdsturing.sturing.services import pakket_maak
from tests.conftest import login
from tests.escalatie.conftest import PEIL, maak_trajecten

pytestmark = pytest.mark.django_db

MONITOR = "/monitor/?van=2027-01-01&tot=2027-12-31&indicator=uitstroom_volgens_plan&by=aanbieder"


def test_the_monitor_page_shows_a_funnel_plot_per_provider(aanbieders, trajecten):
    team = login("data-analist").get(MONITOR).content.decode()
    assert 'aria-label="Trechterdiagram"' in team
    figuur = team[team.index('aria-label="Trechterdiagram"') :].split("</figure>")[0]
    assert aanbieders[-1].naam in figuur  # the weak provider is outside, labelled
    eigen = login("aanbieder").get(MONITOR).content.decode()
    assert 'aria-label="Trechterdiagram"' in eigen
    figuur = eigen[eigen.index('aria-label="Trechterdiagram"') :].split("</figure>")[0]
    assert aanbieders[-1].naam not in figuur
    assert "andere aanbieder" in figuur  # the weak provider's point, unnamed
    assert aanbieders[0].naam in figuur  # its own point is named, also inside the limits
    assert 'aria-label="Trechterdiagram"' not in login("gemeente").get(MONITOR).content.decode()
    # an indicator without a fair comparison has no funnel plot
    zonder = MONITOR.replace("uitstroom_volgens_plan", "instroom")
    assert 'aria-label="Trechterdiagram"' not in login("data-analist").get(zonder).content.decode()


def test_the_pd1_pack_shows_the_providers_position_signals_and_case(regio, aanbieders):
    maak_trajecten([*aanbieders[1:], aanbieders[0]])  # Amstelzorg is the weak one
    standaard_inrichten(regio)
    signalen_werk_bij(regio=regio, peil=PEIL)
    moment = date(2028, 1, 1)
    b = Bronnen(regio, moment)
    versie = pakket_maak(regio=regio, moment=moment, onderwerp=Onderwerp("pd1", aanbieder=aanbieders[0]),
                         bronnen=b)  # fmt: skip
    for inhoud, benoemd in ((versie.inhoud, True), (versie.inhoud_gedeeld, False)):
        el = next(e for e in inhoud["elementen"] if e["code"] == "3")
        tabellen = {t["code"]: t for t in el["tabellen"]}
        assert {"signaalregels", "signalen"} <= set(tabellen)
        assert el["kleur"] in ("oranje", "rood")
        trechters = [g for g in el["grafieken"] if g["soort"] == "trechter"]
        assert {g["regel"] for g in trechters} == {"lage-uitstroom", "lange-doorlooptijd"}
        namen = {p["naam"] for g in trechters for p in g["punten"]}
        assert aanbieders[0].naam in namen
        assert (aanbieders[1].naam in namen) == benoemd
