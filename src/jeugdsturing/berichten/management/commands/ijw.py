# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing ijw import PATH [PATH ...] [--json] | ijw simulate ... | ijw purge"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from jeugdsturing.berichten.bronnen import Bron, tel
from jeugdsturing.berichten.importeren import (
    BATCH,
    berichten_importeer,
    standaard_werkers,
)
from jeugdsturing.berichten.services import quarantaine_hersleutel, quarantaine_ruim_op


def _dag(tekst: str) -> date:
    try:
        return date.fromisoformat(tekst)
    except ValueError:
        raise argparse.ArgumentTypeError(f"geen datum (JJJJ-MM-DD): {tekst!r}") from None


class Command(BaseCommand):
    help = "iJw-berichtenverkeer: importeren, simuleren, quarantaine opruimen."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Importeer bestanden, mappen en .zip-archieven.")
        imp.add_argument("paths", nargs="+", type=Path)
        imp.add_argument("--json", action="store_true", help="Eén JSON-object als uitvoer.")
        imp.add_argument("--geen-voortgang", action="store_true", help="Geen voortgangsbalk.")
        imp.add_argument(
            "--werkers",
            type=int,
            default=standaard_werkers(),
            help="Processen die berichten lezen en controleren naast het opslaan "
            f"(standaard {standaard_werkers()}: één per core; 0 op één core).",
        )
        imp.add_argument(
            "--vandaag",
            type=_dag,
            default=None,
            help="De dag waartegen de dagtekening wordt gecontroleerd (JJJJ-MM-DD; standaard "
            "vandaag): voor gesimuleerd verkeer dat vooruitloopt op de kalender.",
        )
        imp.add_argument(
            "--batch",
            type=int,
            default=BATCH,
            help=f"Berichten per transactie (standaard {BATCH}).",
        )
        sub.add_parser("purge", help="Verwijder quarantaine ouder dan de bewaartermijn.")
        sub.add_parser(
            "rekey",
            help="Versleutel de quarantaine opnieuw met de nieuwste sleutel van QUARANTINE_KEYS.",
        )
        sim = sub.add_parser("simulate", help="Schrijf gesimuleerd berichtenverkeer van een regio.")
        sim.add_argument("--region", required=True, help="regiocode, bijvoorbeeld JZ13")
        sim.add_argument("--from", dest="van", required=True, help="JJJJ-MM-DD")
        sim.add_argument("--to", dest="tot", required=True, help="JJJJ-MM-DD")
        sim.add_argument("--seed", type=int, default=1)
        sim.add_argument("--scale", type=float, default=1.0, help="volumefactor (1.0 = CBS-niveau)")
        sim.add_argument("--out", type=Path, required=True, help="map voor de .zip-bestanden")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "purge":
            self.stdout.write(f"{quarantaine_ruim_op()} afgekeurde bestanden verwijderd")
        elif action == "rekey":
            klaar, onleesbaar = quarantaine_hersleutel()
            self.stdout.write(f"{klaar} bestanden opnieuw versleuteld met de nieuwste sleutel")
            if onleesbaar:
                self.stderr.write(
                    f"{onleesbaar} bestanden zijn met geen van de sleutels te openen; "
                    "ze blijven staan tot de bewaartermijn."
                )
        elif action == "import":
            self._import(options)
        elif action == "simulate":
            self._simulate(options)

    def _import(self, options: dict[str, Any]) -> None:
        paths: list[Path] = options["paths"]
        missing = [str(p) for p in paths if not p.exists()]
        if missing:
            raise CommandError(f"bestaat niet: {', '.join(missing)}")
        show = not options["geen_voortgang"] and sys.stderr.isatty()
        counts: Counter[str] = Counter()
        # Counting reads every archive's central directory: only for a bar that is shown.
        bar = tqdm(
            total=tel(paths) if show else None, unit="bericht", disable=not show, file=sys.stderr
        )

        def voortgang(item: Bron, status: str) -> None:
            counts[status] += 1
            bar.update(1)
            bar.set_postfix(counts, refresh=False)

        trajectbalk: list[tqdm[Any]] = []  # made when the trajectories start

        def trajecten(klaar: int, totaal: int) -> None:
            if not trajectbalk:
                bar.close()
                trajectbalk.append(
                    tqdm(
                        total=totaal, unit="traject", desc="trajecten bijwerken",
                        disable=not show, file=sys.stderr,
                    )
                )  # fmt: skip
            trajectbalk[0].total = totaal
            trajectbalk[0].update(klaar - trajectbalk[0].n)

        try:
            result = berichten_importeer(
                paths,
                bron="cli",
                voortgang=voortgang,
                trajecten_voortgang=trajecten,
                omschrijving=" ".join(map(str, paths)),
                werkers=options["werkers"],
                batch=max(1, options["batch"]),
                wacht=lambda melding: self.stderr.write(melding),
                vandaag=options.get("vandaag"),
            )
        finally:
            bar.close()
            for b in trajectbalk:
                b.close()
        if options["json"]:
            self.stdout.write(json.dumps(result.as_json(), ensure_ascii=False))
            return
        afgekeurd = len({a.file for a in result.rejected})
        self.stdout.write(
            f"Import {result.run_id}: {result.accepted} geaccepteerd "
            f"({result.regels} productregels), {result.duplicates} dubbel, {afgekeurd} afgekeurd"
            + (f" (waarvan {result.conflicten} conflict)" if result.conflicten else "")
        )
        for a in result.rejected[:50]:
            self.stdout.write(f"  afgekeurd: {a}")
        if len(result.rejected) > 50:
            self.stdout.write(f"  ... en {len(result.rejected) - 50} meer (zie de quarantaine)")

    def _simulate(self, options: dict[str, Any]) -> None:
        from jeugdsturing.berichten.simulator import simuleer_regio
        from jeugdsturing.regio.models import Regio

        if not Regio.objects.filter(code=options["region"]).exists():
            raise CommandError(
                f"onbekende regio {options['region']} (zie: jeugdsturing region list)"
            )
        stats = simuleer_regio(
            regio_code=options["region"],
            van=options["van"],
            tot=options["tot"],
            seed=options["seed"],
            scale=options["scale"],
            out=options["out"],
        )
        self.stdout.write(", ".join(f"{k}: {v}" for k, v in sorted(stats.items())))
