# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The endpoints of /api/v1/. Each declares its (section, action) in `toegang`, as a
page does with @requires; reading through the API is an export, so it asks EXPORTEREN
where the policy has that action for the section, else BEKIJKEN. The rows come from the
same selectors as the pages, for the caller's Scope."""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView, ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from jeugdsturing.api import velden as v
from jeugdsturing.berichten import models as bm
from jeugdsturing.berichten import services as berichtenservices
from jeugdsturing.contracten import services as contractservices
from jeugdsturing.contracten.jaarprognose import jaarprognose
from jeugdsturing.contracten.models import Begroting, Lumpsum, Verantwoording
from jeugdsturing.contracten.rapportage import RapportageOngeldig
from jeugdsturing.contracten.selectors import (
    lumpsum_rijen,
    realisatie_rijen,
    zichtbare_overeenkomsten,
)
from jeugdsturing.core.access import Actie, Scope, Sectie, Toegang, mag, scope_van, weigering
from jeugdsturing.escalatie.selectors import signalen_voor
from jeugdsturing.monitor.indicatoren import DIMENSIES, INDICATOREN, Periode, perioden
from jeugdsturing.monitor.service import PeriodeNietVast, regio_monitor
from jeugdsturing.raad.selectors import rapportages_voor
from jeugdsturing.regio.models import Gebied, Gemeente, Regio, Thema
from jeugdsturing.regio.selectors import ingerichte_regio
from jeugdsturing.sturing import services as sturingservices
from jeugdsturing.sturing.models import Levering, Pakket, Pakketversie
from jeugdsturing.sturing.selectors import pakket_zicht, zichtbare_versies
from jeugdsturing.sturing.uitvraagbestand import Ongeldig
from jeugdsturing.verwerving import ocds
from jeugdsturing.verwerving.models import Aanbesteding, AanbestedingStatus

Rij = dict[str, Any]
EXPORT = Actie.EXPORTEREN
# The error answers (problem+json) of every operation are added to the document in one
# place: api.schema.nabewerking.


def _regio(request: Request) -> Regio:
    return ingerichte_regio(request.user)


def _scope(request: Request) -> Scope:
    return scope_van(request.user)


def _geldig(soort: type[serializers.Serializer[Any]], data: Any) -> dict[str, Any]:
    """Query parameters or a form read with a serializer: a 400 naming what is wrong."""
    ser = soort(data=data)
    ser.is_valid(raise_exception=True)
    return dict(ser.validated_data)


def _parameters(soort: type[serializers.Serializer[Any]], request: Request) -> dict[str, Any]:
    return _geldig(soort, request.query_params)


def _gebruiker(request: Request) -> User | None:
    return request.user if isinstance(request.user, User) else None


class Lijst(ListAPIView):  # type: ignore[type-arg]
    """A collection: `rijen` gives what the caller may see; paged by Paginering."""

    tag: ClassVar[str] = ""
    samenvatting: ClassVar[str] = ""
    toegang: ClassVar[Toegang]
    parameters: ClassVar[type[serializers.Serializer[Any]] | None] = None

    def get_queryset(self) -> Any:
        p = _parameters(self.parameters, self.request) if self.parameters else {}
        return self.rijen(self.request, p)

    def rijen(self, request: Request, p: dict[str, Any]) -> Any:
        raise NotImplementedError


def _lijst_schema(cls: type[Lijst]) -> type[Lijst]:
    """The schema of a collection: its tag and summary from the class."""
    return extend_schema(
        tags=[cls.tag],
        summary=cls.samenvatting,
        description=cls.__doc__ or "",
        parameters=[cls.parameters] if cls.parameters else None,
        responses={200: cls.serializer_class(many=True)},  # type: ignore[misc]
    )(cls)


# --- reference data and the region -------------------------------------------------------


@_lijst_schema
class Regios(Lijst):
    """De stuurregio waarin u werkt, met haar gemeenten en jeugdregio's."""

    tag, samenvatting = "regio", "Uw regio"
    toegang = Toegang(Sectie.REGIO, Actie.BEKIJKEN, Actie.BEKIJKEN)
    serializer_class = v.Regio

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        r = _regio(request)
        return [{
            "code": r.code, "naam": r.naam, "omschrijving": r.omschrijving,
            "gemeenten": sorted(r.gemeenten.values_list("code", flat=True)),
            "jeugdregios": sorted(r.jeugdregios.values_list("code", flat=True)),
        }]  # fmt: skip


@_lijst_schema
class Gemeenten(Lijst):
    """Alle gemeenten van Nederland (CBS), met jeugdregio, inwoners en jongeren;
    filterbaar op jeugdregio, provincie of uw eigen regio."""

    tag, samenvatting = "regio", "Gemeenten"
    toegang = Toegang(Sectie.REFERENTIE, Actie.BEKIJKEN, Actie.BEKIJKEN)
    serializer_class = v.Gemeente
    parameters = v.GemeenteParameters

    def rijen(self, request: Request, p: dict[str, Any]) -> QuerySet[Gemeente]:
        qs = Gemeente.objects.select_related("jeugdregio").order_by("code")
        if p.get("jeugdregio"):
            qs = qs.filter(jeugdregio__code=p["jeugdregio"])
        if p.get("provincie"):
            qs = qs.filter(provincie__iexact=p["provincie"])
        if p.get("regio"):
            qs = qs.filter(regios=_regio(request))
        return qs

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        pagina = self.paginate_queryset(self.get_queryset())
        rijen = [{
            "code": g.code, "naam": g.naam, "provincie": g.provincie,
            "jeugdregio": g.jeugdregio.code if g.jeugdregio else None,
            "inwoners": g.inwoners, "jongeren_0_17": g.jongeren_0_17,
        } for g in pagina or []]  # fmt: skip
        return self.get_paginated_response(v.Gemeente(rijen, many=True).data)


@_lijst_schema
class Themas(Lijst):
    """De thema's (of percelen) van de regio, met hun aandeel in budget en cliënten."""

    tag, samenvatting = "regio", "Thema's"
    toegang = Toegang(Sectie.REGIO, Actie.BEKIJKEN, Actie.BEKIJKEN)
    serializer_class = v.Thema

    def rijen(self, request: Request, p: dict[str, Any]) -> QuerySet[Thema]:
        return Thema.objects.filter(regio=_regio(request)).order_by("volgorde", "code")


@_lijst_schema
class Gebieden(Lijst):
    """De gebieden van de regio en de gemeenten die erin liggen."""

    tag, samenvatting = "regio", "Gebieden"
    toegang = Toegang(Sectie.REGIO, Actie.BEKIJKEN, Actie.BEKIJKEN)
    serializer_class = v.Gebied

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        qs = Gebied.objects.filter(regio=_regio(request)).prefetch_related("gemeenten")
        return [
            {"code": g.code, "naam": g.naam,
             "gemeenten": sorted(x.code for x in g.gemeenten.all())}
            for g in qs.order_by("volgorde", "code")
        ]  # fmt: skip


# --- providers, contracts and money --------------------------------------------------------


@_lijst_schema
class Aanbieders(Lijst):
    """De aanbieders met een overeenkomst in de regio; een aanbieder ziet zichzelf."""

    tag, samenvatting = "contracten", "Aanbieders"
    toegang = Toegang(Sectie.CONTRACTEN, EXPORT, EXPORT)
    serializer_class = v.Aanbieder

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        gezien: dict[str, Rij] = {}
        for o in zichtbare_overeenkomsten(_regio(request), scope=_scope(request)):
            a = o.aanbieder
            gezien[a.agb_code] = {"agb_code": a.agb_code, "naam": a.naam,
                                  "kvk_nummer": a.kvk_nummer}  # fmt: skip
        return sorted(gezien.values(), key=lambda r: r["agb_code"])


@_lijst_schema
class Overeenkomsten(Lijst):
    """De overeenkomsten die u mag zien: het team alle, een aanbieder de eigen, een
    gemeente die met een plafond of lumpsum voor haar inwoners."""

    tag, samenvatting = "contracten", "Overeenkomsten"
    toegang = Toegang(Sectie.CONTRACTEN, EXPORT, EXPORT)
    serializer_class = v.Overeenkomst
    parameters = v.OvereenkomstParameters

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        alle = self._alle(request)
        return [
            r for r in alle
            if p.get("status") in (None, r["status"])
            and p.get("aanbieder") in (None, r["aanbieder"])
            and (p.get("thema") is None or p["thema"] in r["themas"])
        ]  # fmt: skip

    def _alle(self, request: Request) -> list[Rij]:
        return [{
            "nummer": o.nummer, "aanbieder": o.aanbieder.agb_code,
            "aanbieder_naam": o.aanbieder.naam,
            "combinatie": o.combinatie.naam if o.combinatie else None,
            "themas": sorted(t.code for t in o.themas.all()),
            "ingangsdatum": o.ingangsdatum, "einddatum": o.einddatum,
            "verlengingsopties": o.verlengingsopties, "verlengingen_benut": o.verlengingen_benut,
            "status": o.status, "variant": o.variant,
        } for o in zichtbare_overeenkomsten(_regio(request), scope=_scope(request))]  # fmt: skip


@_lijst_schema
class Begrotingen(Lijst):
    """Het budget per gemeente, jaar en thema (leeg thema: de hele opdracht). Een
    gemeente ziet haar eigen begroting; aanbieders zien geen begrotingen."""

    tag, samenvatting = "geld", "Begrotingen"
    toegang = Toegang(Sectie.CONTRACTEN, EXPORT, EXPORT)
    serializer_class = v.Begroting
    parameters = v.JaarParameter

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        scope = _scope(request)
        qs = Begroting.objects.filter(regio=_regio(request)).select_related("gemeente", "thema")
        if p.get("jaar"):
            qs = qs.filter(jaar=p["jaar"])
        if scope.gemeente:
            qs = qs.filter(gemeente__code=scope.gemeente)
        if scope.aanbieder:
            qs = qs.none()
        return [{
            "gemeente": b.gemeente.code, "gemeente_naam": b.gemeente.naam, "jaar": b.jaar,
            "thema": b.thema.code if b.thema else None, "bedrag_eurocent": b.bedrag_eurocent,
        } for b in qs.order_by("jaar", "gemeente__code", "thema__code")]  # fmt: skip


@_lijst_schema
class Lumpsums(Lijst):
    """De lumpsumbijdragen per aanbieder, gemeente, thema en jaar, exact zoals
    vastgesteld (eurocent)."""

    tag, samenvatting = "geld", "Lumpsums"
    toegang = Toegang(Sectie.CONTRACTEN, EXPORT, EXPORT)
    serializer_class = v.Lumpsum
    parameters = v.JaarParameter

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        regio, scope = _regio(request), _scope(request)
        jaren = [p["jaar"]] if p.get("jaar") else sorted(
            set(Lumpsum.objects.filter(overeenkomst__regio=regio).values_list("jaar", flat=True))
        )  # fmt: skip
        return [{"jaar": j, **r} for j in jaren for r in lumpsum_rijen(regio, j, scope=scope)]


@_lijst_schema
class Realisatie(Lijst):
    """De PxQ-realisatie per zorgmaand, aanbieder, gemeente en product: gedeclareerd
    (JW323), afgewezen (JW325) en goedgekeurd, in eurocent, zoals nu bekend."""

    tag, samenvatting = "geld", "Realisatie"
    toegang = Toegang(Sectie.CONTRACTEN, EXPORT, EXPORT)
    serializer_class = v.Realisatie
    parameters = v.RealisatieParameters

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        rijen = realisatie_rijen(_regio(request), p["jaar"], scope=_scope(request))
        return [
            r for r in rijen
            if p.get("aanbieder") in (None, r["aanbieder"])
            and p.get("gemeente") in (None, r["gemeente"])
        ]  # fmt: skip


@_lijst_schema
class Prognoses(Lijst):
    """De jaarprognose per aanbieder en gemeente na een maand: gerealiseerd, prognose
    met onder- en bovengrens, budget en methode (docs/prognose.md)."""

    tag, samenvatting = "geld", "Jaarprognose"
    toegang = Toegang(Sectie.CONTRACTEN, EXPORT, EXPORT)
    serializer_class = v.Prognose
    parameters = v.PrognoseParameters

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        uit = jaarprognose(_regio(request), p["jaar"], p["maand"], scope=_scope(request))
        return uit.rijen


# --- the monitor ----------------------------------------------------------------------------


def _lang(rij: Rij, by: list[str], vergelijking: str | None) -> list[Rij]:
    """One row per indicator (long form, for BI tools): a number, or why it is
    missing."""
    basis = {"periode_van": rij["periode_van"], "periode_tot": rij["periode_tot"],
             "vergelijking": vergelijking, **{d: rij.get(d) for d in by}}  # fmt: skip
    uit = []
    for ind in INDICATOREN:
        w = rij.get(ind)
        getal = isinstance(w, int | float) and not isinstance(w, bool)
        uit.append({**basis, "indicator": ind, "waarde": w if getal else None,
                    "afgeschermd": None if getal or w is None else str(w)})  # fmt: skip
    return uit


@_lijst_schema
class Indicatoren(Lijst):
    """De indicatoren van de monitor (docs/indicatoren.md), met dezelfde dimensies,
    perioden en vergelijkingen als `jeugdsturing monitor`, één rij per indicator. Kleine
    aantallen zijn afgeschermd zoals op de pagina's (vaste perioden); alleen het
    regioteam krijgt met exact=true de onafgeschermde cijfers."""

    tag, samenvatting = "monitor", "Indicatoren"
    toegang = Toegang(Sectie.MONITOR, EXPORT, EXPORT)
    serializer_class = v.Indicatorwaarde
    parameters = v.IndicatorParameters

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        if p["exact"] and not mag(request.user, Sectie.MONITOR, Actie.EXACT):
            raise PermissionDenied("exact=true: " + weigering(Sectie.MONITOR, Actie.EXACT))
        monitor = regio_monitor(_regio(request), _scope(request))
        by = p["by"]
        pp = perioden(p["van"], p["tot"], p.get("per"))
        groepen: list[tuple[list[Periode], str | None]] = [(pp, None)]
        if "vorige" in p["vergelijking"]:
            groepen.append(([q.vorige() for q in pp], "vorige"))
        if "nulmeting" in p["vergelijking"]:
            groepen.append(([Periode(p["nulmeting_van"], p["nulmeting_tot"])], "nulmeting"))
        uit: list[Rij] = []
        try:
            for periodes, soort in groepen:
                for r in monitor.rijen(periodes, by, exact=p["exact"]):
                    uit += _lang(r, by, soort)
        except PeriodeNietVast as e:
            raise serializers.ValidationError({"van": [str(e)]}) from None
        return uit


class Trajecten(GenericAPIView):  # type: ignore[type-arg]
    """De gepseudonimiseerde trajecten achter een indicator (alleen het regioteam), zoals
    `jeugdsturing monitor --detail`."""

    toegang = Toegang(Sectie.MONITOR, Actie.EXACT, Actie.EXACT)

    @extend_schema(
        tags=["monitor"], summary="Trajecten achter een indicator",
        parameters=[v.TrajectParameters],
        responses={200: OpenApiTypes.OBJECT},
    )  # fmt: skip
    def get(self, request: Request) -> Response:
        p = _parameters(v.TrajectParameters, request)
        monitor = regio_monitor(_regio(request), _scope(request))
        filters = {d: p[d] for d in DIMENSIES if d in p}
        frame = monitor.detail(Periode(p["van"], p["tot"]), p["indicator"], filters)
        rijen = [{k: (w.isoformat() if isinstance(w, date) else w) for k, w in r.items()}
                 for r in frame.to_dicts()]  # fmt: skip
        pagina = self.paginate_queryset(rijen)  # type: ignore[arg-type]
        return self.get_paginated_response(pagina)


# --- tenders ---------------------------------------------------------------------------------


def _aanbestedingen(request: Request) -> QuerySet[Aanbesteding]:
    qs = Aanbesteding.objects.filter(regio=_regio(request)).order_by("-inschrijven_tot")
    return qs.exclude(status=AanbestedingStatus.CONCEPT)


@_lijst_schema
class Aanbestedingen(Lijst):
    """De aanbestedingen van de regio (zonder concepten)."""

    tag, samenvatting = "verwerving", "Aanbestedingen"
    toegang = Toegang(Sectie.VERWERVING, EXPORT, EXPORT)
    serializer_class = v.Aanbesteding

    def rijen(self, request: Request, p: dict[str, Any]) -> QuerySet[Aanbesteding]:
        return _aanbestedingen(request)


class Ocds(GenericAPIView):  # type: ignore[type-arg]
    """De aanbesteding in gepubliceerde vorm: een OCDS 1.1-releasepakket, getoetst aan het
    officiële schema; inschrijvingen blijven verzegeld tot de sluitingstijd."""

    toegang = Toegang(Sectie.VERWERVING, EXPORT, EXPORT)
    serializer_class = v.OcdsPakket

    @extend_schema(tags=["verwerving"], summary="OCDS-releasepakket",
                   responses={200: v.OcdsPakket})  # fmt: skip
    def get(self, request: Request, referentie: str) -> Response:
        a = _aanbestedingen(request).filter(referentie=referentie).first()
        if a is None:
            raise Http404(f"Geen aanbesteding met referentie {referentie!r}.")
        return Response(ocds.release_package(a))


# --- steering ----------------------------------------------------------------------------


def _pakket_rij(pk: Pakket, versies: list[Any]) -> Rij:
    return {
        "id": pk.pk, "soort": pk.soort, "moment": pk.moment, "titel": pk.titel,
        "aanbieder": pk.aanbieder.agb_code if pk.aanbieder else None,
        "thema": pk.thema.code if pk.thema else None,
        "gebied": pk.gebied.code if pk.gebied else None,
        "versies": [{"nummer": x.nummer, "status": x.status, "gemaakt_op": x.gemaakt_op,
                     "verzonden_op": x.verzonden_op} for x in versies],
    }  # fmt: skip


def _pakketten(request: Request) -> QuerySet[Pakket]:
    return Pakket.objects.filter(regio=_regio(request)).select_related(
        "aanbieder", "thema", "gebied", "regio"
    )


@_lijst_schema
class Pakketten(Lijst):
    """De pakketten van de prestatiedialoog (PD1 per aanbieder, PD2 per thema of gebied)
    die u mag zien, met hun versies: het team alle, een aanbieder de verzonden versies
    van zijn PD1 en van de PD2 waarin hij partner is, een gemeente de verzonden PD2."""

    tag, samenvatting = "sturing", "Pakketten"
    toegang = Toegang(Sectie.STURING, EXPORT, EXPORT)
    serializer_class = v.Pakket
    parameters = v.PakketParameters

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        uit = []
        partners: dict[Any, Any] = {}
        # the versions without their contents (a list shows only their numbers and dates)
        zonder_inhoud = Prefetch("versies", queryset=Pakketversie.objects.defer(
            "inhoud", "inhoud_gedeeld", "verschillen", "verschillen_gedeeld"))  # fmt: skip
        qs = _pakketten(request).prefetch_related(zonder_inhoud)
        if p.get("soort"):
            qs = qs.filter(soort=p["soort"])
        if p.get("moment"):
            qs = qs.filter(moment=p["moment"])
        for pk in qs.order_by("-moment", "soort", "titel"):
            zicht, _ = pakket_zicht(request.user, pk, partners)
            if zicht is None:
                continue
            versies = zichtbare_versies(pk, zicht)
            if versies:
                uit.append(_pakket_rij(pk, versies))
        return uit


class PakketDetail(GenericAPIView):  # type: ignore[type-arg]
    toegang = Toegang(Sectie.STURING, EXPORT, EXPORT)
    serializer_class = v.PakketInhoud

    @extend_schema(tags=["sturing"], summary="Eén pakket met de inhoud van de nieuwste versie",
                   responses={200: v.PakketInhoud})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        pakket = _pakketten(request).filter(pk=pk).first()
        if pakket is None:
            raise Http404(f"Geen pakket {pk} in uw regio.")
        zicht, reden = pakket_zicht(request.user, pakket)
        versies = zichtbare_versies(pakket, zicht) if zicht else []
        if zicht is None or not versies:
            raise PermissionDenied(reden or "Van dit pakket is nog geen versie verzonden.")
        laatste = versies[0]
        inhoud = laatste.inhoud if zicht == "team" else laatste.inhoud_gedeeld
        return Response({**_pakket_rij(pakket, versies), "versie": laatste.nummer,
                         "inhoud": inhoud})  # fmt: skip


@_lijst_schema
class Signalen(Lijst):
    """De signalen van de signaalregels (docs/escalatie.md); een aanbieder ziet de
    eigen."""

    tag, samenvatting = "sturing", "Signalen"
    toegang = Toegang(Sectie.ESCALATIE, Actie.BEKIJKEN, Actie.BEKIJKEN)
    serializer_class = v.Signaal

    parameters = v.SignaalParameters

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        qs = signalen_voor(_scope(request)).filter(regio=_regio(request)).order_by("-sinds", "pk")
        if p.get("status"):
            qs = qs.filter(status=p["status"])
        if p.get("aanbieder"):
            qs = qs.filter(aanbieder__agb_code=p["aanbieder"])
        return [{
            "id": x.pk, "regel": x.regel.code, "regel_naam": x.regel.naam,
            "aanbieder": x.aanbieder.agb_code, "thema": x.thema.code if x.thema else None,
            "gebied": x.gebied.code if x.gebied else None, "maatstaf": x.maatstaf,
            "waarde": x.waarde, "doelwaarde": x.doelwaarde, "onder": x.onder, "boven": x.boven,
            "volume": x.volume, "niveau": x.niveau, "periode_van": x.periode_van,
            "periode_tot": x.periode_tot, "sinds": x.sinds, "laatst_gezien": x.laatst_gezien,
            "status": x.status,
        } for x in qs]  # fmt: skip


@_lijst_schema
class Raadsrapportages(Lijst):
    """De raadsrapportages: het team alle van de regio, gemeente en raad de
    gepubliceerde."""

    tag, samenvatting = "rapportages", "Raadsrapportages"
    toegang = Toegang(Sectie.RAPPORTAGES, EXPORT, EXPORT)
    serializer_class = v.Raadsrapportage

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        qs = rapportages_voor(request.user, _regio(request), _scope(request))
        return [{
            "id": r.pk, "titel": r.titel, "gemeente": r.gemeente.code if r.gemeente else None,
            "jaar": r.jaar, "helft": r.helft, "status": r.status,
            "gepubliceerd_op": r.gepubliceerd_op, "toelichting": r.toelichting,
            "inhoud": r.inhoud,
        } for r in qs.order_by("-jaar", "-helft", "pk")]  # fmt: skip


# --- deliveries ------------------------------------------------------------------------


def _fouten(fouten: list[Any], naam: str) -> serializers.ValidationError:
    return serializers.ValidationError({naam: [str(f) for f in fouten]})


def _verantwoording_rij(x: Verantwoording) -> Rij:
    return {
        "id": x.pk, "aanbieder": x.overeenkomst.aanbieder.agb_code,
        "overeenkomst": x.overeenkomst.nummer, "jaar": x.jaar, "maanden": x.maanden,
        "bestandsnaam": x.bestandsnaam, "ingediend_op": x.ingediend_op,
        "vervangen": x.vervangen, "regels": x.regels.count(),
    }  # fmt: skip


class Verantwoordingen(Lijst):
    """De rapportages over lumpsumrealisatie (na 4, 8 en 12 maanden). Een aanbieder
    levert het ingevulde sjabloon aan (multipart, veld `bestand`), met dezelfde toetsing
    en foutmeldingen (blad, rij, kolom) als op de website."""

    toegang = Toegang(Sectie.CONTRACTEN, EXPORT, Actie.AANLEVEREN)
    serializer_class = v.Verantwoording
    parser_classes = [MultiPartParser]

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        scope = _scope(request)
        qs = Verantwoording.objects.filter(overeenkomst__regio=_regio(request)).select_related(
            "overeenkomst__aanbieder"
        )
        if scope.aanbieder:
            qs = qs.filter(overeenkomst__aanbieder__agb_code=scope.aanbieder)
        if scope.gemeente:
            qs = qs.none()
        return [_verantwoording_rij(x) for x in qs.order_by("-ingediend_op", "-pk")]

    @extend_schema(tags=["aanleveren"], summary="Lumpsumrapportages",
                   responses={200: v.Verantwoording(many=True)})  # fmt: skip
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["aanleveren"], summary="Een lumpsumrapportage aanleveren", request=v.Bestand,
        responses={201: v.Verantwoording},
    )  # fmt: skip
    def post(self, request: Request) -> Response:
        bestand = _geldig(v.Bestand, request.data)["bestand"]
        scope = _scope(request)
        try:
            x = contractservices.verantwoording_lees_in(
                regio=_regio(request), data=bestand.read(), bestandsnaam=bestand.name or "upload",
                door=_gebruiker(request), alleen_aanbieder=scope.aanbieder,
            )  # fmt: skip
        except RapportageOngeldig as e:
            raise _fouten(e.fouten, "bestand") from None
        x = Verantwoording.objects.select_related("overeenkomst__aanbieder").get(pk=x.pk)
        return Response(v.Verantwoording(_verantwoording_rij(x)).data, status=201)


def _leveringen(request: Request) -> QuerySet[Levering]:
    scope = _scope(request)
    qs = Levering.objects.filter(uitvraag__regio=_regio(request)).select_related(
        "uitvraag", "aanbieder"
    )
    if scope.aanbieder_id is not None:
        return qs.filter(aanbieder_id=scope.aanbieder_id)
    if not mag(request.user, Sectie.STURING, Actie.WIJZIGEN):
        raise PermissionDenied("De leveringen van aanbieders zijn voor het regioteam.")
    return qs


def _levering_rij(x: Levering) -> Rij:
    return {
        "id": x.pk, "uitvraag": x.uitvraag.naam, "aanbieder": x.aanbieder.agb_code,
        "status": x.status, "compleet": x.compleet, "ontbreekt": list(x.ontbreekt or []),
        "ingediend_op": x.ingediend_op,
    }  # fmt: skip


@_lijst_schema
class Leveringen(Lijst):
    """De leveringen op de uitvragen van de prestatiedialoog: een aanbieder de eigen,
    het team alle."""

    tag, samenvatting = "aanleveren", "Leveringen op uitvragen"
    toegang = Toegang(Sectie.STURING, EXPORT, EXPORT)
    serializer_class = v.Levering

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        return [_levering_rij(x) for x in _leveringen(request).order_by("-uitvraag__moment", "pk")]


class LeveringBestand(GenericAPIView):  # type: ignore[type-arg]
    """Het ingevulde Excel-sjabloon van een uitvraag aanleveren (multipart, veld
    `bestand`): dezelfde toetsing en foutmeldingen als op de website."""

    toegang = Toegang(Sectie.STURING, Actie.AANLEVEREN, Actie.AANLEVEREN)
    serializer_class = v.Bestand
    parser_classes = [MultiPartParser]

    @extend_schema(tags=["aanleveren"], summary="Een uitvraag beantwoorden", request=v.Bestand,
                   responses={200: v.Levering})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        lev = _leveringen(request).filter(pk=pk).first()
        if lev is None:
            raise Http404(f"Geen levering {pk} van uw organisatie.")
        bestand = _geldig(v.Bestand, request.data)["bestand"]
        try:
            sturingservices.levering_lees_in(
                levering=lev, data=bestand.read(),
                bestandsnaam=bestand.name or "uitvraag.xlsx", door=_gebruiker(request),
            )  # fmt: skip
        except Ongeldig as e:
            raise _fouten(e.fouten, "bestand") from None
        lev.refresh_from_db()
        return Response(v.Levering(_levering_rij(lev)).data)


def _import_rij(r: bm.ImportRun) -> Rij:
    return {
        "id": r.pk, "status": r.status, "gestart_op": r.gestart_op,
        "beeindigd_op": r.beeindigd_op, "verwerkt": r.verwerkt, "totaal": r.totaal,
        "geaccepteerd": r.geaccepteerd, "dubbel": r.dubbel, "afgekeurd": r.afgekeurd,
        "afkeuringen": list(r.afkeuringen or []),
    }  # fmt: skip


class Importen(Lijst):
    """De imports van iJw-berichten. De data-analist levert .xml- of .zip-bestanden aan
    (multipart, veld `bestanden`); de import loopt als achtergrondtaak en
    /importen/{id} toont hoe ver hij is."""

    toegang = Toegang(Sectie.BERICHTEN, EXPORT, Actie.AANLEVEREN)
    serializer_class = v.Import
    parser_classes = [MultiPartParser]

    def rijen(self, request: Request, p: dict[str, Any]) -> list[Rij]:
        return [_import_rij(r) for r in bm.ImportRun.objects.order_by("-gestart_op", "-pk")]

    @extend_schema(tags=["aanleveren"], summary="Imports van iJw-berichten",
                   responses={200: v.Import(many=True)})  # fmt: skip
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)

    @extend_schema(
        tags=["aanleveren"], summary="iJw-berichten aanleveren", request=v.Bestanden,
        responses={202: v.Import},
    )  # fmt: skip
    def post(self, request: Request) -> Response:
        bestanden = _geldig(v.Bestanden, request.data)["bestanden"]
        for f in bestanden:
            naam = (f.name or "").rsplit("/", 1)[-1]
            if not naam.lower().endswith((".xml", ".zip")):
                raise serializers.ValidationError(
                    {"bestanden": [f"{naam or 'zonder naam'}: alleen .xml- of .zip-bestanden"]}
                )
        run = berichtenservices.import_in_wachtrij(
            bestanden=[(f.name or "bestand", f.chunks()) for f in bestanden],
            gebruiker=_gebruiker(request),
            omschrijving="API: " + ", ".join(f.name or "" for f in bestanden),
        )
        run.refresh_from_db()
        antwoord = Response(v.Import(_import_rij(run)).data, status=202)
        antwoord["Location"] = request.build_absolute_uri(
            reverse("api:import", kwargs={"pk": run.pk})
        )
        return antwoord


class ImportDetail(GenericAPIView):  # type: ignore[type-arg]
    toegang = Toegang(Sectie.BERICHTEN, EXPORT, EXPORT)
    serializer_class = v.Import

    @extend_schema(tags=["aanleveren"], summary="Eén import: status en uitkomst",
                   responses={200: v.Import})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        run = bm.ImportRun.objects.filter(pk=pk).first()
        if run is None:
            raise Http404(f"Geen import {pk}.")
        return Response(v.Import(_import_rij(run)).data)
