# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing demo load: reference data, the four seed regions, public figures, demo users.

Later capabilities add their demo data here, so one command fills the demo region."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.berichten.importeren import berichten_importeer, standaard_werkers
from jeugdsturing.berichten.simulator import AANBIEDERS, aanbieder_agb, simuleer_regio
from jeugdsturing.continuiteit.demo import continuiteit_demo
from jeugdsturing.contracten.demo import contracten_demo
from jeugdsturing.contracten.models import Aanbieder
from jeugdsturing.contracten.services import aanbieder_bewaar
from jeugdsturing.escalatie.demo import escalatie_demo
from jeugdsturing.gebruikers.services import gebruiker_bewaar, rollen_synchroniseer
from jeugdsturing.regio.models import Gemeente, Regio
from jeugdsturing.rollen import Rol
from jeugdsturing.sturing.demo import sturing_demo
from jeugdsturing.verwerving.demo import verwerving_demo

DEMO_REGIO = "JZ13"
DEMO_PASSWORD = "demo-jeugdsturing"  # noqa: S105  (demo only; refused without DEBUG)
DEMO_AANBIEDER_INDEX = 0  # the demo provider user works for the first simulated provider
DEMO_GEMEENTE = "0362"  # Amstelveen
DEMO_PERIODE = ("2024-01-01", "2027-12-31")  # two warm-up years, then 2026-2027
DEMO_SCHAAL = 0.1  # a tenth of the CBS volume: real-looking, and quick to load
DEMO_SEED = 2028

HR_GEBRUIKER = "hollandrijnland"
DEMO_USERS: list[tuple[Rol, str]] = [
    (Rol.REGIOBEHEERDER, "Beheer van regio, gebruikers en audit"),
    (Rol.CONTRACTMANAGER, "Contractmanagement"),
    (Rol.BELEID, "Beleid"),
    (Rol.DATA_ANALIST, "Monitoring en data"),
    (Rol.FINANCIEN, "Financiën"),
    (Rol.AANBIEDER, f"Aanbieder {AANBIEDERS[DEMO_AANBIEDER_INDEX]}"),
    (Rol.BEOORDELAAR, "Lid beoordelingscommissie"),
    (Rol.GEMEENTE, "Gemeente Amstelveen"),
    (Rol.TOEGANG, "Gebiedsteam (toegang)"),
    (Rol.RAAD, "Gemeenteraad (alleen gepubliceerde rapportages)"),
]


def _berichtenmap(regio: str, schaal: float) -> Path:
    """Where the demo writes its simulated traffic (monthly zips)."""
    return Path("var") / f"demo-ijw-{regio}-{DEMO_SEED}-{schaal:g}"


class Command(BaseCommand):
    help = "Laad referentiedata, de vier regio's uit de brondocumenten en demogebruikers."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["load"])
        parser.add_argument(
            "--force",
            action="store_true",
            help="Ook zonder DEBUG (demogebruikers hebben een bekend wachtwoord).",
        )
        parser.add_argument(
            "--schaal",
            type=float,
            default=DEMO_SCHAAL,
            help=f"Volume van het gesimuleerde berichtenverkeer (standaard {DEMO_SCHAAL}).",
        )
        parser.add_argument(
            "--geen-berichtenverkeer",
            action="store_true",
            help="Sla het simuleren en inlezen van iJw-berichten over.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "demo load maakt gebruikers met een bekend wachtwoord en draait daarom alleen "
                "met DEBUG=1 (make demo) of met --force."
            )
        self.stdout.write("Referentiedata laden ...")
        call_command("reference", "load", stdout=self.stdout)
        self.stdout.write("Regio's inrichten ...")
        call_command("region", "configure", stdout=self.stdout)
        rollen_synchroniseer()
        regio = Regio.objects.get(code=DEMO_REGIO)
        agb = aanbieder_agb(regio, DEMO_AANBIEDER_INDEX)
        aanbieder = Aanbieder.objects.filter(agb_code=agb).first() or aanbieder_bewaar(
            agb_code=agb, naam=AANBIEDERS[DEMO_AANBIEDER_INDEX]
        )
        gemeente = Gemeente.objects.get(code=DEMO_GEMEENTE)
        for rol, naam in DEMO_USERS:
            gebruiker_bewaar(
                username=rol.value,
                password=DEMO_PASSWORD,
                rol=rol,
                regio=regio,
                gemeente=gemeente if rol == Rol.GEMEENTE else None,
                aanbieder=aanbieder if rol == Rol.AANBIEDER else None,
                naam=naam,
            )
        if not options["geen_berichtenverkeer"]:
            self._berichtenverkeer(regio.code, options["schaal"])
        self.stdout.write("Contracten, tarieven, begrotingen en lumpsums ...")
        tellers = contracten_demo(regio=regio, schaal=options["schaal"])
        self.stdout.write("  " + ", ".join(f"{v} {k}" for k, v in tellers.items()))
        self.stdout.write("Doelen per thema ...")
        call_command("sturing", "doelen", stdout=self.stdout)
        if not options["geen_berichtenverkeer"]:
            self.stdout.write("Signalen, verbetertraject en aanmeldingen 2027 ...")
            tellers = escalatie_demo(regio=regio)
            self.stdout.write("  " + ", ".join(f"{v} {k}" for k, v in tellers.items()))
        if not options["geen_berichtenverkeer"]:
            self.stdout.write(
                "Prestatiedialoog (uitvraag 2026-2027, pakketten juni en oktober 2027) ..."
            )
            tellers = sturing_demo(regio=regio)
            self.stdout.write("  " + ", ".join(f"{v} {k}" for k, v in tellers.items()))
        self._openbare_cijfers()
        self.stdout.write("Aanbesteding (tot en met de selectie) ...")
        tellers = verwerving_demo(regio=regio)
        self.stdout.write("  " + ", ".join(f"{v} {k}" for k, v in tellers.items()))
        if not options["geen_berichtenverkeer"]:
            self.stdout.write(
                "Zorgcontinuïteit (analyse, plan, budget, eerste kwartaal 2028 gesimuleerd) ..."
            )
            tellers = continuiteit_demo(
                regio=regio, berichten=_berichtenmap(regio.code, options["schaal"])
            )
            self.stdout.write("  " + ", ".join(f"{v} {k}" for k, v in tellers.items()))
        self.stdout.write("")
        self.stdout.write(f"Demoregio: {regio.naam} ({regio.code}). Inloggen als:")
        for rol, naam in DEMO_USERS:
            self.stdout.write(f"  gebruiker {rol.value:16} wachtwoord {DEMO_PASSWORD}   ({naam})")
        self.stdout.write(
            f"  gebruiker {HR_GEBRUIKER:16} wachtwoord {DEMO_PASSWORD}   "
            "(Beleid Holland Rijnland: risicoverevening)"
        )

    def _openbare_cijfers(self) -> None:
        """The public figures for the scenarios (Iv3, gemeentefonds, SCP) when the
        directory is present, and a beleid user for Holland Rijnland (JZ18), the region
        of the risk-equalisation seed."""
        map_ = settings.OPEN_DATA_DIR
        if not (map_ / "iv3").is_dir():
            self.stdout.write(f"Openbare cijfers overgeslagen: {map_} ontbreekt (OPEN_DATA_DIR).")
        else:
            self.stdout.write("Openbare cijfers voor de scenario's ...")
            call_command("scenario", "bronnen", "--dir", str(map_), stdout=self.stdout)
        gebruiker_bewaar(
            username=HR_GEBRUIKER,
            password=DEMO_PASSWORD,
            rol=Rol.BELEID,
            regio=Regio.objects.get(code="JZ18"),
            gemeente=None,
            aanbieder=None,
            naam="Beleid Holland Rijnland",
        )

    def _berichtenverkeer(self, regio: str, schaal: float) -> None:
        """Simulated iJw traffic of the demo region, written once under ./var and imported
        (a second run finds every message already imported)."""
        map_ = _berichtenmap(regio, schaal)
        if not any(map_.glob("*.zip")):
            self.stdout.write(
                f"Berichtenverkeer simuleren ({DEMO_PERIODE[0]} t/m {DEMO_PERIODE[1]}) ..."
            )
            simuleer_regio(
                regio_code=regio, van=DEMO_PERIODE[0], tot=DEMO_PERIODE[1], seed=DEMO_SEED,
                scale=schaal, out=map_,
            )  # fmt: skip
        self.stdout.write("Berichtenverkeer inlezen ...")
        result = berichten_importeer(
            [map_], bron="demo", omschrijving="demo: gesimuleerd berichtenverkeer",
            werkers=standaard_werkers(), vandaag=date.fromisoformat(DEMO_PERIODE[1]),
        )  # fmt: skip
        self.stdout.write(
            f"  {result.accepted} berichten ingelezen ({result.regels} productregels), "
            f"{result.duplicates} al aanwezig, {len(result.rejected)} afgekeurd"
        )
