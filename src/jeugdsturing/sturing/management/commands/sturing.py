# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""jeugdsturing sturing doelen [FILE ...], jeugdsturing sturing pakketten
--region JZ13 --moment 2027-06 --format pdf --out DIR (docs/sturing.md), and
jeugdsturing sturing regels / signalen --region JZ13 --as-of 2027-10-31
(docs/escalatie.md)."""

from __future__ import annotations

import json
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from jeugdsturing.core.access import Actie, Sectie, scope_voor_commando
from jeugdsturing.regio.config import ConfigError
from jeugdsturing.regio.models import Regio
from jeugdsturing.sturing.doelconfig import ingebouwde_doelen, lees_doelen
from jeugdsturing.sturing.models import Duiding, Pakketsoort, Pakketversie
from jeugdsturing.sturing.pakket.bronnen import Bronnen
from jeugdsturing.sturing.pakket.uitvoer import pakket_pdf, pakket_xlsx
from jeugdsturing.sturing.services import doelen_richt_in, pakket_maak, pakket_verzend
from jeugdsturing.sturing.services.pakketten import onderwerpen


def _moment(tekst: str) -> date:
    try:
        jaar, maand = (int(x) for x in tekst.split("-"))
        return date(jaar, maand, 1)
    except ValueError:
        raise CommandError(f"--moment {tekst!r}: verwacht JJJJ-MM, bijvoorbeeld 2027-06") from None


class Command(BaseCommand):
    help = (
        "Sturing: de doelen per thema inrichten uit een TOML-bestand, en de pakketten van de "
        "prestatiedialoog van een stuurmoment maken (docs/sturing.md)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        d = sub.add_parser("doelen", help="doelen inrichten (zonder bestanden: de meegeleverde)")
        d.add_argument("bestanden", nargs="*", type=Path)
        p = sub.add_parser("pakketten", help="de pakketten van een stuurmoment maken en uitvoeren")
        p.add_argument("--region", required=True, help="regiocode, bijvoorbeeld JZ13")
        p.add_argument("--moment", required=True, help="maand van het gesprek: JJJJ-MM")
        p.add_argument("--format", choices=["pdf", "xlsx", "json"], default="pdf")
        p.add_argument("--out", required=True, type=Path, help="map voor de bestanden")
        p.add_argument(
            "--soort", action="append", choices=list(Pakketsoort.values),
            help="alleen deze soort(en); zonder: PD1 per aanbieder en alle PD2-pakketten",
        )  # fmt: skip
        p.add_argument(
            "--exemplaar", choices=["gedeeld", "team"], default="gedeeld",
            help="gedeeld: voor de aanbieder of de partners (standaard); team: exacte cijfers",
        )  # fmt: skip
        p.add_argument("--verzend", action="store_true", help="de nieuwe versies ook verzenden")
        p.add_argument("--url", default="", help="adres van de website, voor de koppelingen")
        p.add_argument("--user", help="gebruiker namens wie (vraagt het toegangsbeleid)")
        p.add_argument("--geen-voortgang", action="store_true", help="geen voortgangsbalk")
        r = sub.add_parser("regels", help="signaalregels en verwijsbeleid van een regio inrichten")
        r.add_argument("--region", required=True, help="regiocode, bijvoorbeeld JZ13")
        r.add_argument("bestand", nargs="?", type=Path, help="TOML; zonder: de standaardregels")
        s = sub.add_parser("signalen", help="de signaalregels evalueren op een peildatum")
        s.add_argument("--region", required=True, help="regiocode, bijvoorbeeld JZ13")
        s.add_argument("--as-of", required=True, help="peildatum JJJJ-MM-DD")
        s.add_argument("--format", choices=["json", "tabel"], default="json")
        s.add_argument("--regel", action="append", help="alleen deze regel(s) (code)")
        s.add_argument(
            "--vastleggen", action="store_true",
            help="de signalen ook vastleggen (nieuwe openen, verdwenen laten verlopen)",
        )  # fmt: skip
        s.add_argument("--user", help="gebruiker namens wie (vraagt het toegangsbeleid)")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["actie"] == "pakketten":
            self._pakketten(opts)
            return
        if opts["actie"] in ("regels", "signalen"):
            from jeugdsturing.sturing.signalen_cli import regels, signalen

            uit = (regels if opts["actie"] == "regels" else signalen)(opts)
            self.stdout.write(uit)
            return
        for pad in opts["bestanden"] or ingebouwde_doelen():
            code = pad.stem
            try:
                regio = Regio.objects.get(code=code)
            except Regio.DoesNotExist:
                raise CommandError(
                    f"{pad}: geen regio {code!r} (de bestandsnaam is de regiocode)"
                ) from None
            try:
                config = lees_doelen(pad, list(regio.themas.values_list("code", flat=True)))
                tellers = doelen_richt_in(regio=regio, config=config)
            except (ConfigError, ValidationError) as e:
                raise CommandError(
                    str(e) if isinstance(e, ConfigError) else " ".join(e.messages)
                ) from e
            samenvatting = ", ".join(f"{k}: {v}" for k, v in sorted(tellers.items()))
            self.stdout.write(f"{regio.code} doelen: {samenvatting}")

    def _pakketten(self, opts: dict[str, Any]) -> None:
        door = None
        if opts["user"]:
            scope = scope_voor_commando(
                opts["user"], Sectie.STURING, (Actie.WIJZIGEN, "pakketten maken"),
                (Actie.EXPORTEREN, f"--format {opts['format']}"),
            )  # fmt: skip
            from django.contrib.auth import get_user_model

            door = get_user_model().objects.get(username=opts["user"])
            if (
                scope.regio_id is not None
                and Regio.objects.filter(pk=scope.regio_id, code=opts["region"]).count() == 0
            ):
                raise CommandError(f"--region {opts['region']}: niet de regio van {opts['user']}")
        try:
            regio = Regio.objects.get(code=opts["region"])
        except Regio.DoesNotExist:
            raise CommandError(f"--region {opts['region']!r}: onbekende regio") from None
        moment = _moment(opts["moment"])
        uit: Path = opts["out"]
        uit.mkdir(parents=True, exist_ok=True)
        gedeeld = opts["exemplaar"] == "gedeeld"
        begin = time.perf_counter()
        bronnen = Bronnen(regio, moment)
        lijst = onderwerpen(bronnen, tuple(opts["soort"]) if opts["soort"] else None)
        show = not opts["geen_voortgang"] and sys.stderr.isatty()
        balk = tqdm(total=len(lijst), unit="pakket", disable=not show, file=sys.stderr)
        bestanden = []
        for o in lijst:
            balk.set_description(o.naam[:30])
            try:
                versie = pakket_maak(regio=regio, moment=moment, onderwerp=o, door=door,
                                     bronnen=bronnen)  # fmt: skip
                if opts["verzend"]:
                    versie = pakket_verzend(versie=versie, door=door)
            except ValidationError as e:
                raise CommandError(f"{o.titel(moment)}: {' '.join(e.messages)}") from e
            bestanden.append(self._schrijf(versie, uit, opts["format"], gedeeld, opts["url"]))
            balk.update(1)
        balk.close()
        self.stdout.write(json.dumps({
            "regio": regio.code, "moment": f"{moment:%Y-%m}", "pakketten": len(bestanden),
            "formaat": opts["format"], "exemplaar": opts["exemplaar"],
            "verzonden": bool(opts["verzend"]), "map": str(uit), "bestanden": bestanden,
            "seconden": round(time.perf_counter() - begin, 1),
        }, ensure_ascii=False))  # fmt: skip

    @staticmethod
    def _schrijf(versie: Pakketversie, uit: Path, formaat: str, gedeeld: bool, url: str) -> str:
        naam = f"{versie.pakket.moment:%Y-%m}-{versie.pakket.sleutel.replace(':', '-')}.{formaat}"
        pad = uit / naam
        if formaat == "pdf":
            duidingen = (
                {d.element: d for d in Duiding.objects.filter(pakket=versie.pakket)}
                if versie.pakket.soort == Pakketsoort.PD1 else None
            )  # fmt: skip
            pad.write_bytes(pakket_pdf(versie, gedeeld=gedeeld, duidingen=duidingen, basis=url))
        elif formaat == "xlsx":
            pad.write_bytes(pakket_xlsx(versie, gedeeld=gedeeld))
        else:
            inhoud = versie.inhoud_gedeeld if gedeeld else versie.inhoud
            pad.write_text(json.dumps(inhoud, ensure_ascii=False, indent=1), encoding="utf-8")
        return naam
