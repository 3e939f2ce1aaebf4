# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""docs/rollen.md, made from the access policy (core/access.py): `jeugdsturing rollendoc >
docs/rollen.md`. A test compares the file with this output, so the page cannot drift
from the table that decides."""

from __future__ import annotations

from jeugdsturing.core.access import (
    ACTIE_NAMEN,
    EIGEN_DEEL,
    RECHTEN,
    SECTIE_NAMEN,
    Actie,
    Sectie,
    tweede_factor_verplicht,
)
from jeugdsturing.rollen import Rol


def _met_deel(sectie: Sectie, rol: Rol, tekst: str) -> str:
    deel = EIGEN_DEEL.get((sectie, rol))
    return f"{tekst} ({deel})" if deel else tekst


def rechten_tabel() -> list[dict[str, object]]:
    """The policy table in the order of the sections and actions: per (section, action)
    the roles that may, with what part they see where it is not all of it."""
    rijen: list[dict[str, object]] = []
    for sectie in Sectie:
        for actie in Actie:
            rollen = RECHTEN.get((sectie, actie))
            if rollen is None:
                continue
            rijen.append(
                {
                    "onderdeel": SECTIE_NAMEN[sectie],
                    "actie": ACTIE_NAMEN[actie],
                    "rollen": [_met_deel(sectie, r, r.label) for r in Rol if r in rollen],
                    "per_rol": [_met_deel(sectie, r, "ja") if r in rollen else "" for r in Rol],
                }
            )
    return rijen


KOP = """# Rollen en rechten

Elke gebruiker heeft een profiel met één rol en één regio. De rol `gemeente` hoort bij
precies één gemeente van die regio, de rol `aanbieder` bij precies één aanbieder (beide
afgedwongen in de database). Inloggen is verplicht op elke pagina behalve de
loginpagina.

Eén tabel beslist: `RECHTEN` in `src/jeugdsturing/core/access.py`, per onderdeel en
actie de rollen die het mogen. Elke pagina, export, commando met `--user` en (later)
API-ingang vraagt het daar; wat de tabel niet noemt, mag niemand. Deze pagina wordt
gemaakt met `jeugdsturing rollendoc > docs/rollen.md` en een test houdt haar gelijk aan
de tabel; `tests/core/test_access.py` legt daarnaast onafhankelijk vast welke rol welke
pagina opent.

"""

VOET = """
Wie een actie niet mag, krijgt een weigering die zegt wat er gevraagd werd en welke
rollen het wel mogen; het menu toont alleen de onderdelen die de gebruiker mag openen.

De berichtenpagina's zijn alleen voor de data-analist: de quarantaine bevat (versleuteld)
persoonsgegevens uit afgekeurde berichten.

## Wat een gebruiker binnen een onderdeel ziet (Scope)

"Eigen" betekent dat het onderdeel filtert op de Scope van de gebruiker
(`core.access.Scope`): een gemeentegebruiker ziet in de begroting alleen de rijen van de
eigen gemeente plus het regiototaal. In de verwerving ziet een aanbieder alleen de eigen
inschrijving, vragen, scores en brief, en een beoordelaar alleen de aan hem toegewezen
inschrijvingen en, tot iedereen heeft ingediend, alleen zijn eigen scores
(docs/verwerving.md).

In de monitor (docs/indicatoren.md) ziet het regioteam (regiobeheerder, contractmanager,
beleid, data-analist, financiën) exacte cijfers en, door op een cijfer te klikken, de
gepseudonimiseerde trajecten erachter. Een gemeentegebruiker telt alleen de eigen
inwoners, een aanbiedergebruiker alleen de eigen trajecten met de regio als referentie;
beiden zien gepubliceerde cijfers (kleine aantallen afgeschermd) en geen trajecten.

## Commando's

`jeugdsturing monitor --user NAAM`, `jeugdsturing contracten ... --user NAAM` en
`jeugdsturing verwerving ocds ... --user NAAM` vragen hetzelfde beleid (onderdeel en
actie exporteren) en geven alleen wat die gebruiker mag zien. Zonder `--user` geeft
`monitor` de gepubliceerde cijfers van de hele regio, en geven `contracten` en
`verwerving` alles: wie commando's op de server draait, beheert de installatie.

Een superuser zonder profiel (aangemaakt met `jeugdsturing createsuperuser` bij de
installatie) telt als regiobeheerder. Het gegevensbeheer (Django-admin) kan elk veld
zetten en is daarom alleen voor een superuser van de installatie, buiten de rollen om;
geen rol opent het. De regiobeheerder beheert de gebruikers van de eigen regio onder
Beheer → Gebruikers: aanmaken met een eerste wachtwoord, een van de rollen hierboven
(nooit beheerder van de installatie), de gemeente of aanbieder waar de rol bij hoort,
(de)activeren, een nieuw wachtwoord en ontgrendelen na te veel mislukte inlogpogingen
(na `LOGIN_FAILURE_LIMIT` pogingen per gebruikersnaam en adres, django-axes). Het eigen
account wijzigt een andere regiobeheerder. Elke gebruiker wijzigt het eigen wachtwoord
via "Wachtwoord wijzigen" (minstens 12 tekens, niet te gewoon, niet alleen cijfers, niet
lijkend op de gebruikersnaam). Een sessie eindigt na `IDLE_TIMEOUT_MINUTES` zonder
activiteit en `SESSION_HOURS` na het inloggen.

Een tweede factor (code uit een authenticator-app, met herstelcodes) is verplicht voor
elke rol die gegevens op cliëntniveau of inschrijvingen kan zien, afgeleid uit de tabel
hierboven: {verplicht}. Voor de andere rollen is hij vrijwillig. De regiobeheerder
verwijdert een kwijtgeraakte tweede factor (docs/beveiliging.md).

## Demogebruikers

`jeugdsturing demo load` maakt in de demoregio Amsterdam-Amstelland (JZ13) één
gebruiker per rol, met als gebruikersnaam de rolnaam en wachtwoord `demo-jeugdsturing`.
De gemeentegebruiker hoort bij Amstelveen, de aanbiedergebruiker bij
"Amstelzorg", de eerste aanbieder van het gesimuleerde berichtenverkeer. Het commando
weigert zonder `DEBUG=1` (tenzij `--force`), omdat deze wachtwoorden bekend zijn.

## Audittrail

Elke wijziging van referentiedata, regio-inrichting, begrotingen, aanbieders en
profielen wordt vastgelegd met wie (of "systeem (commando)"), wanneer, wat (aangemaakt,
gewijzigd, verwijderd), de reden (bij commando's) en per veld de waarde voor en na.
Alleen de regiobeheerder ziet de audittrail (Beheer → Audittrail).
"""


def render() -> str:
    rollen = list(Rol)
    regels = [
        "| onderdeel | actie | " + " | ".join(r.value for r in rollen) + " |",
        "|---|---|" + "---|" * len(rollen),
    ]
    for rij in rechten_tabel():
        cellen = " | ".join(str(c) for c in rij["per_rol"])  # type: ignore[attr-defined]
        regels.append(f"| {rij['onderdeel']} | {rij['actie']} | {cellen} |")
    verplicht = ", ".join(r.label.lower() for r in rollen if tweede_factor_verplicht(r))
    return KOP + "\n".join(regels) + "\n" + VOET.replace("{verplicht}", verplicht)
