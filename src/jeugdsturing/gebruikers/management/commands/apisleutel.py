# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""`jeugdsturing apisleutel maak|lijst|intrekken`: API keys from the server's shell, for
the operator who connects a system (a BI tool, a job) in a user's name. The key has that
user's role and Scope, exactly as one made on the page "API-sleutels"."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from jeugdsturing.gebruikers.models import ApiSleutel
from jeugdsturing.gebruikers.services import api_sleutel_maak, api_sleutel_trek_in


def _gebruiker(naam: str) -> User:
    try:
        return User.objects.select_related("profiel").get(username=naam)
    except User.DoesNotExist as e:
        raise CommandError(f"--user: onbekende gebruiker {naam!r}") from e


class Command(BaseCommand):
    help = "API-sleutels maken, tonen en intrekken (docs/api.md)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="actie", required=True)
        maak = sub.add_parser("maak", help="Maak een sleutel; drukt de sleutel eenmaal af.")
        maak.add_argument("--user", required=True, help="gebruikersnaam")
        maak.add_argument("--naam", required=True, help="waarvoor de sleutel is")
        maak.add_argument("--dagen", type=int, help="geldig zoveel dagen (zonder: onbeperkt)")
        lijst = sub.add_parser("lijst", help="Toon de sleutels (naam, begin, geldigheid).")
        lijst.add_argument("--user", help="alleen van deze gebruiker")
        intrek = sub.add_parser("intrekken", help="Trek een sleutel in.")
        intrek.add_argument("--sleutel", required=True, help="het begin van de sleutel (js_…)")

    def handle(self, *args: Any, **opts: Any) -> None:
        if opts["actie"] == "maak":
            try:
                _, tekst = api_sleutel_maak(
                    gebruiker=_gebruiker(opts["user"]), naam=opts["naam"],
                    geldig_dagen=opts["dagen"],
                )  # fmt: skip
            except ValidationError as e:
                raise CommandError("; ".join(e.messages)) from None
            self.stdout.write(tekst)
            self.stderr.write("Bewaar de sleutel nu: hij is later niet meer te zien.")
        elif opts["actie"] == "lijst":
            qs = ApiSleutel.objects.select_related("user").order_by("user__username", "-created")
            if opts["user"]:
                qs = qs.filter(user=_gebruiker(opts["user"]))
            for s in qs:
                tot = f"{s.expiry:%Y-%m-%d}" if s.expiry else "onbeperkt"
                self.stdout.write(f"{s.user.username}\t{s.token_key}…\t{s.naam}\t{tot}")
        else:
            sleutels = list(ApiSleutel.objects.filter(token_key=opts["sleutel"][:15]))
            if not sleutels:
                raise CommandError(f"--sleutel: geen sleutel die begint met {opts['sleutel']!r}")
            for s in sleutels:
                api_sleutel_trek_in(door=None, sleutel=s)
            self.stderr.write("Ingetrokken.")
