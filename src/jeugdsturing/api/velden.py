# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""What the API returns and accepts. Field names are the domain words of the exports
and the command line (snake_case), amounts in eurocent as whole numbers, dates ISO 8601.
The query parameters are read with serializers too, so a wrong one gets a problem with
its name (invalidParams)."""

from __future__ import annotations

from datetime import date
from typing import Any

from rest_framework import serializers as s

from jeugdsturing.contracten.models import OvereenkomstStatus
from jeugdsturing.escalatie.models import SignaalStatus
from jeugdsturing.monitor.indicatoren import ACHTER, DIMENSIES, INDICATOREN, MAANDEN_PER
from jeugdsturing.sturing.models import Pakketsoort

# --- parameters -------------------------------------------------------------------------

EERSTE, LAATSTE = date(2000, 1, 1), date(2100, 12, 31)


def _in_bereik(d: date) -> None:
    if not EERSTE <= d <= LAATSTE:
        raise s.ValidationError(
            f"{d.isoformat()} ligt buiten {EERSTE.year} tot en met {LAATSTE.year}"
        )


class JaarParameter(s.Serializer[Any]):
    jaar = s.IntegerField(min_value=2000, max_value=2100, required=False,
                          help_text="kalenderjaar, bijvoorbeeld 2027")  # fmt: skip


class JaarVerplicht(s.Serializer[Any]):
    jaar = s.IntegerField(min_value=2000, max_value=2100, help_text="kalenderjaar")


class PrognoseParameters(JaarVerplicht):
    maand = s.IntegerField(min_value=1, max_value=12, required=False, default=4,
                           help_text="stand na deze maand (1-12; standaard 4)")  # fmt: skip


class RealisatieParameters(JaarVerplicht):
    aanbieder = s.CharField(required=False, max_length=8, help_text="AGB-code")
    gemeente = s.CharField(required=False, max_length=4, help_text="CBS-gemeentecode")


class GemeenteParameters(s.Serializer[Any]):
    jeugdregio = s.CharField(required=False, max_length=4, help_text="code, bijvoorbeeld JZ13")
    provincie = s.CharField(required=False, max_length=50)
    regio = s.BooleanField(required=False, default=False,
                           help_text="alleen de gemeenten van uw regio")  # fmt: skip


class IndicatorParameters(s.Serializer[Any]):
    van = s.DateField(help_text="eerste dag, JJJJ-MM-DD", validators=[_in_bereik])
    tot = s.DateField(help_text="laatste dag, JJJJ-MM-DD", validators=[_in_bereik])
    per = s.ChoiceField(choices=list(MAANDEN_PER), required=False,
                        help_text="de periode opdelen in maanden, kwartalen, ...")  # fmt: skip
    by = s.ListField(child=s.ChoiceField(choices=list(DIMENSIES)), required=False, default=list,
                     help_text="uitsplitsen naar een of meer dimensies (herhaalbaar)")  # fmt: skip
    vergelijking = s.ListField(
        child=s.ChoiceField(choices=["vorige", "nulmeting"]), required=False, default=list,
        help_text="ook de vorige periode van gelijke lengte en/of de nulmeting",
    )  # fmt: skip
    nulmeting_van = s.DateField(required=False, validators=[_in_bereik])
    nulmeting_tot = s.DateField(required=False, validators=[_in_bereik])
    exact = s.BooleanField(required=False, default=False,
                           help_text="zonder afscherming (alleen het regioteam)")  # fmt: skip

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data["tot"] < data["van"]:
            raise s.ValidationError({"tot": [f"{data['tot']} ligt voor van ({data['van']})"]})
        if (data["tot"] - data["van"]).days > 366 * 10:
            raise s.ValidationError({"tot": ["hoogstens tien jaar per aanvraag"]})
        if "nulmeting" in data["vergelijking"]:
            nv, nt = data.get("nulmeting_van"), data.get("nulmeting_tot")
            if nv is None or nt is None:
                raise s.ValidationError(
                    {
                        "nulmeting_van": [
                            "vergelijking=nulmeting vraagt nulmeting_van en nulmeting_tot"
                        ]
                    }
                )
            if nt < nv:
                raise s.ValidationError({"nulmeting_tot": ["ligt voor nulmeting_van"]})
        data["by"] = list(dict.fromkeys(data["by"]))
        return data


class TrajectParameters(s.Serializer[Any]):
    van = s.DateField(validators=[_in_bereik])
    tot = s.DateField(validators=[_in_bereik])
    indicator = s.ChoiceField(choices=sorted(ACHTER))
    aanbieder = s.CharField(required=False, max_length=8)
    gemeente = s.CharField(required=False, max_length=4)
    gebied = s.CharField(required=False, max_length=20)
    thema = s.CharField(required=False, max_length=20)
    categorie = s.CharField(required=False, max_length=20)
    verwijzer = s.CharField(required=False, max_length=20)

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        if data["tot"] < data["van"]:
            raise s.ValidationError({"tot": [f"{data['tot']} ligt voor van ({data['van']})"]})
        return data


class OvereenkomstParameters(s.Serializer[Any]):
    status = s.ChoiceField(choices=[c.value for c in OvereenkomstStatus], required=False)
    thema = s.CharField(required=False, max_length=20, help_text="themacode")
    aanbieder = s.CharField(required=False, max_length=8, help_text="AGB-code")


class SignaalParameters(s.Serializer[Any]):
    status = s.ChoiceField(choices=[c.value for c in SignaalStatus], required=False)
    aanbieder = s.CharField(required=False, max_length=8, help_text="AGB-code")


class PakketParameters(s.Serializer[Any]):
    soort = s.ChoiceField(choices=[c.value for c in Pakketsoort], required=False)
    moment = s.DateField(required=False, validators=[_in_bereik],
                         help_text="stuurmoment: de eerste dag van de maand")  # fmt: skip


# --- resources --------------------------------------------------------------------------


class Regio(s.Serializer[Any]):
    code = s.CharField()
    naam = s.CharField()
    omschrijving = s.CharField()
    gemeenten = s.ListField(child=s.CharField(), help_text="CBS-gemeentecodes")
    jeugdregios = s.ListField(child=s.CharField())


class Gemeente(s.Serializer[Any]):
    code = s.CharField(help_text="CBS-gemeentecode, vier cijfers")
    naam = s.CharField()
    provincie = s.CharField()
    jeugdregio = s.CharField(allow_null=True)
    inwoners = s.IntegerField(allow_null=True)
    jongeren_0_17 = s.IntegerField(allow_null=True)


class Thema(s.Serializer[Any]):
    code = s.CharField()
    naam = s.CharField()
    omschrijving = s.CharField()
    budget_aandeel_pct = s.DecimalField(max_digits=5, decimal_places=2, allow_null=True)
    clienten_aandeel_pct = s.DecimalField(max_digits=5, decimal_places=2, allow_null=True)


class Gebied(s.Serializer[Any]):
    code = s.CharField()
    naam = s.CharField()
    gemeenten = s.ListField(child=s.CharField())


class Aanbieder(s.Serializer[Any]):
    agb_code = s.CharField()
    naam = s.CharField()
    kvk_nummer = s.CharField()


class Overeenkomst(s.Serializer[Any]):
    nummer = s.CharField()
    aanbieder = s.CharField(help_text="AGB-code (van de penvoerder)")
    aanbieder_naam = s.CharField()
    combinatie = s.CharField(allow_null=True)
    themas = s.ListField(child=s.CharField())
    ingangsdatum = s.DateField()
    einddatum = s.DateField()
    verlengingsopties = s.IntegerField()
    verlengingen_benut = s.IntegerField()
    status = s.CharField()
    variant = s.CharField()


class Begroting(s.Serializer[Any]):
    gemeente = s.CharField()
    gemeente_naam = s.CharField()
    jaar = s.IntegerField()
    thema = s.CharField(allow_null=True, help_text="leeg: de hele opdracht")
    bedrag_eurocent = s.IntegerField()


class Lumpsum(s.Serializer[Any]):
    jaar = s.IntegerField()
    aanbieder = s.CharField()
    aanbieder_naam = s.CharField()
    gemeente = s.CharField()
    gemeente_naam = s.CharField()
    thema = s.CharField()
    bedrag_eurocent = s.IntegerField()


class Realisatie(s.Serializer[Any]):
    aanbieder = s.CharField()
    gemeente = s.CharField()
    product = s.CharField()
    maand = s.CharField(help_text="JJJJ-MM")
    gedeclareerd_eurocent = s.IntegerField()
    afgewezen_eurocent = s.IntegerField()
    goedgekeurd_eurocent = s.IntegerField()


class Prognose(s.Serializer[Any]):
    aanbieder = s.CharField()
    gemeente = s.CharField()
    gerealiseerd_eurocent = s.IntegerField()
    prognose_eurocent = s.IntegerField()
    onder_eurocent = s.IntegerField()
    boven_eurocent = s.IntegerField()
    budget_eurocent = s.IntegerField(allow_null=True)
    methode = s.CharField()


class Indicatorwaarde(s.Serializer[Any]):
    periode_van = s.DateField()
    periode_tot = s.DateField()
    vergelijking = s.CharField(allow_null=True, help_text="leeg, vorige of nulmeting")
    aanbieder = s.CharField(allow_null=True, required=False)
    gemeente = s.CharField(allow_null=True, required=False)
    gebied = s.CharField(allow_null=True, required=False)
    thema = s.CharField(allow_null=True, required=False)
    categorie = s.CharField(allow_null=True, required=False)
    verwijzer = s.CharField(allow_null=True, required=False)
    indicator = s.ChoiceField(choices=list(INDICATOREN))
    waarde = s.FloatField(allow_null=True)
    afgeschermd = s.CharField(
        allow_null=True,
        help_text="waarom de waarde ontbreekt: 'afgeschermd' of '<5' (kleine aantallen)",
    )


class Aanbesteding(s.Serializer[Any]):
    referentie = s.CharField()
    naam = s.CharField()
    procedure = s.CharField()
    status = s.CharField()
    vragen_tot = s.DateTimeField()
    inschrijven_tot = s.DateTimeField()
    gegund_op = s.DateField(allow_null=True)


class OcdsPakket(s.Serializer[Any]):
    """An OCDS 1.1 release package (schema: standard.open-contracting.org)."""

    uri = s.CharField(required=False)
    version = s.CharField()
    publishedDate = s.CharField()
    publisher = s.DictField()
    releases = s.ListField(child=s.DictField())


class Pakketversie(s.Serializer[Any]):
    nummer = s.IntegerField()
    status = s.CharField()
    gemaakt_op = s.DateTimeField()
    verzonden_op = s.DateTimeField(allow_null=True)


class Pakket(s.Serializer[Any]):
    id = s.IntegerField()
    soort = s.CharField()
    moment = s.DateField()
    titel = s.CharField()
    aanbieder = s.CharField(allow_null=True)
    thema = s.CharField(allow_null=True)
    gebied = s.CharField(allow_null=True)
    versies = Pakketversie(many=True)


class PakketInhoud(Pakket):
    versie = s.IntegerField(help_text="de nieuwste versie die u mag zien")
    inhoud = s.DictField(help_text="de inhoud van die versie, zoals op de pagina")


class Signaal(s.Serializer[Any]):
    id = s.IntegerField()
    regel = s.CharField()
    regel_naam = s.CharField()
    aanbieder = s.CharField()
    thema = s.CharField(allow_null=True)
    gebied = s.CharField(allow_null=True)
    maatstaf = s.CharField()
    waarde = s.FloatField()
    doelwaarde = s.FloatField()
    onder = s.FloatField()
    boven = s.FloatField()
    volume = s.FloatField()
    niveau = s.CharField()
    periode_van = s.DateField()
    periode_tot = s.DateField()
    sinds = s.DateField()
    laatst_gezien = s.DateField()
    status = s.CharField()


class Raadsrapportage(s.Serializer[Any]):
    id = s.IntegerField()
    titel = s.CharField()
    gemeente = s.CharField(allow_null=True, help_text="leeg: de hele regio")
    jaar = s.IntegerField()
    helft = s.IntegerField()
    status = s.CharField()
    gepubliceerd_op = s.DateTimeField(allow_null=True)
    toelichting = s.CharField()
    inhoud = s.DictField(help_text="de cijfers van de rapportage")


class Verantwoording(s.Serializer[Any]):
    id = s.IntegerField()
    aanbieder = s.CharField()
    overeenkomst = s.CharField()
    jaar = s.IntegerField()
    maanden = s.IntegerField()
    bestandsnaam = s.CharField()
    ingediend_op = s.DateTimeField()
    vervangen = s.BooleanField()
    regels = s.IntegerField()


class Bestand(s.Serializer[Any]):
    bestand = s.FileField(help_text="het bestand (multipart/form-data)")


class Bestanden(s.Serializer[Any]):
    bestanden = s.ListField(child=s.FileField(), min_length=1, max_length=50,
                            help_text="een of meer .xml- of .zip-bestanden")  # fmt: skip


class Levering(s.Serializer[Any]):
    id = s.IntegerField()
    uitvraag = s.CharField()
    aanbieder = s.CharField()
    status = s.CharField()
    compleet = s.BooleanField()
    ontbreekt = s.ListField(child=s.CharField())
    ingediend_op = s.DateTimeField(allow_null=True)


class Import(s.Serializer[Any]):
    id = s.IntegerField()
    status = s.CharField(help_text="wachtrij, bezig, voltooid of afgebroken")
    gestart_op = s.DateTimeField()
    beeindigd_op = s.DateTimeField(allow_null=True)
    verwerkt = s.IntegerField()
    totaal = s.IntegerField(allow_null=True)
    geaccepteerd = s.IntegerField()
    dubbel = s.IntegerField()
    afgekeurd = s.IntegerField()
    afkeuringen = s.ListField(child=s.DictField(), help_text="per afgekeurd bericht: "
                              "bestand, berichttype, regel, element, waarde, reden")  # fmt: skip
