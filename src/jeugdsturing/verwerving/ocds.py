# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The tender as an OCDS 1.1.5 release package, with the bid, enquiry, selectionCriteria
and awardCriteriaBreakdown extensions (docs/verwerving.md, "OCDS").

What goes out is what may be published: the published (anonymised) answers of the Nota
van Inlichtingen, not the questions that are not yet answered or who asked them; per
bid its status, rank and its consensus scores per criterion once the selection is
known; the lottery record; the objection (standstill) period as a milestone."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from jeugdsturing.verwerving.models import (
    Aanbesteding,
    AanbestedingStatus,
    Inschrijving,
    InschrijvingStatus,
)
from jeugdsturing.verwerving.selectors import einde_bezwaartermijn, verzegeld
from jeugdsturing.weergave.templatetags.datums import datum_lang

EXTENSIES = {
    "ocds_bid_extension": "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/v1.1.5/extension.json",
    "ocds_enquiry_extension": "https://raw.githubusercontent.com/open-contracting-extensions/ocds_enquiry_extension/v1.1.5/extension.json",
    "ocds_selectionCriteria_extension": "https://raw.githubusercontent.com/open-contracting-extensions/ocds_selectionCriteria_extension/master/extension.json",
    "ocds_awardCriteriaBreakdown_extension": "https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteriaBreakdown_extension/master/extension.json",
}  # fmt: skip
RELEASE_SCHEMA_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"

TENDER_STATUS = {
    AanbestedingStatus.CONCEPT: "planning",
    AanbestedingStatus.AANGEKONDIGD: "active",
    AanbestedingStatus.BEOORDELING: "active",
    AanbestedingStatus.SELECTIE: "active",
    AanbestedingStatus.DIALOOG: "active",
    AanbestedingStatus.EINDINSCHRIJVING: "active",
    AanbestedingStatus.VOORLOPIGE_GUNNING: "active",
    AanbestedingStatus.GEGUND: "complete",
    AanbestedingStatus.INGETROKKEN: "cancelled",
}
BID_STATUS = {
    InschrijvingStatus.CONCEPT: "invited",
    InschrijvingStatus.INGEDIEND: "pending",
    InschrijvingStatus.UITGESLOTEN: "disqualified",
    InschrijvingStatus.AFGEWEZEN: "disqualified",
    InschrijvingStatus.GESELECTEERD: "valid",
    InschrijvingStatus.WACHTKAMER: "valid",
    InschrijvingStatus.NIET_GESELECTEERD: "valid",
    InschrijvingStatus.TERUGGETROKKEN: "withdrawn",
    InschrijvingStatus.GEGUND: "valid",
}


def _iso(d: date | datetime | None) -> str | None:
    if d is None:
        return None
    if not isinstance(d, datetime):
        d = datetime.combine(d, time(0), tzinfo=timezone.get_current_timezone())
    return d.isoformat()


def _org(prefix: str, agb: str) -> str:
    return f"NL-AGB-{agb}" if prefix == "aanbieder" else f"{prefix}-{agb}"


def _schoon(waarde: Any) -> Any:
    """Leave out empty values: OCDS wants no empty strings, lists or objects."""
    if isinstance(waarde, dict):
        uit = {k: _schoon(v) for k, v in waarde.items()}
        return {k: v for k, v in uit.items() if v not in (None, "", [], {})}
    if isinstance(waarde, list):
        return [_schoon(v) for v in waarde if v not in (None, "", [], {})]
    return waarde


def release_package(aanbesteding: Aanbesteding, *, nu: datetime | None = None) -> dict[str, Any]:
    a = aanbesteding
    moment = nu or timezone.now()
    ocid = f"{settings.OCDS_PREFIX}-{a.referentie}"
    koper = {"id": f"NL-JZREGIO-{a.regio.code}", "name": a.regio.naam}
    bekend = a.status not in (
        AanbestedingStatus.CONCEPT, AanbestedingStatus.AANGEKONDIGD, AanbestedingStatus.BEOORDELING
    )  # fmt: skip
    # Sealed until the deadline: no bidders, no number of bids, no bid times.
    verzegeld_ = verzegeld(a, moment)
    inschrijvingen = (
        []
        if verzegeld_
        else list(
            a.inschrijvingen.exclude(status=InschrijvingStatus.CONCEPT)
            .select_related("aanbieder")
            .prefetch_related("combinanten__aanbieder", "percelen", "consensus__criterium")
            .order_by("nummer")
        )
    )
    partijen: dict[str, dict[str, Any]] = {
        koper["id"]: {**koper, "roles": ["buyer", "procuringEntity"]}
    }
    for i in inschrijvingen:
        for org in (i.aanbieder, *i.bevestigde_leden()):
            pid = _org("aanbieder", org.agb_code)
            partij = partijen.setdefault(
                pid,
                {"id": pid, "name": org.naam, "roles": [],
                 "identifier": {"scheme": "NL-AGB", "id": org.agb_code, "legalName": org.naam}},
            )  # fmt: skip
            if "tenderer" not in partij["roles"]:
                partij["roles"].append("tenderer")
    criteria = list(a.criteria.all())
    totaal_weging = sum(c.weging for c in criteria) or 1
    award_criteria = {
        "weightingDescription": f"Gewogen gemiddelde van de consensusscores (schaal "
        f"{a.schaal_min}-{a.schaal_max}); bij gelijke stand: {a.beslisregel}.",
        "criteria": [
            {
                "type": "quality",
                "name": c.naam,
                "description": f"criterium {c.code}",
                "numbers": [
                    {"number": float(c.weging * 100 / totaal_weging), "weight": "percentageExact"},
                    *_minimum(c.minimum),
                ],
            }
            for c in criteria
        ],
    }
    mijlpalen: list[dict[str, Any]] = [
        {
            "id": f"mijlpaal-{m.pk}", "title": m.naam, "description": m.fase, "type": "engagement",
            "dueDate": _iso(m.datum),
            "status": "met" if m.datum < moment.date() else "scheduled",
        }
        for m in a.mijlpalen.all()
    ]  # fmt: skip
    einde = einde_bezwaartermijn(a)
    if einde is not None:
        mijlpalen.append(
            {"id": "bezwaartermijn-selectie", "title": "Einde bezwaartermijn selectie (standstill)",
             "type": "approval", "dueDate": _iso(einde),
             "status": "met" if einde < moment.date() else "scheduled",
             "description": f"{a.bezwaartermijn_dagen} kalenderdagen na bekendmaking op "
                            f"{datum_lang(a.selectie_bekendgemaakt_op)}"}
        )  # fmt: skip
    for lot in a.lotingen.all():
        mijlpalen.append(
            {"id": f"loting-{lot.pk}", "title": "Loting bij gelijke stand", "type": "assessment",
             "status": "met", "dateMet": _iso(lot.uitgevoerd_op),
             "description": f"inschrijvingen {', '.join(map(str, lot.inschrijvingen))}; zaad "
                            f"{lot.zaad}; getuigen: {', '.join(lot.getuigen)}; getrokken "
                            f"volgorde {', '.join(map(str, lot.volgorde))} (SHA-256 van "
                            "'zaad|nummer', oplopend)"}
        )  # fmt: skip
    tender: dict[str, Any] = {
        "id": a.referentie,
        "title": a.naam,
        "description": a.omschrijving,
        "status": TENDER_STATUS[AanbestedingStatus(a.status)],
        "procuringEntity": {"id": koper["id"], "name": koper["name"]},
        "procurementMethod": "selective",
        "procurementMethodDetails": a.procedure,
        "mainProcurementCategory": "services",
        "awardCriteria": "qualityOnly",
        "awardCriteriaDetails": award_criteria["weightingDescription"],
        "submissionMethod": ["electronicSubmission"],
        "enquiryPeriod": {"endDate": _iso(a.vragen_tot)},
        "tenderPeriod": {"endDate": _iso(a.inschrijven_tot)},
        "hasEnquiries": a.vragen.exists(),
        "enquiries": [
            {
                "id": f"nvi-{v.nota_nummer}-{v.volgnummer}",
                "date": _iso(v.gesteld_op),
                "title": f"Nota van Inlichtingen {v.nota_nummer}, vraag {v.volgnummer}",
                "description": v.gepubliceerde_tekst,
                "answer": v.antwoord,
                "dateAnswered": _iso(v.beantwoord_op),
            }
            for v in a.vragen.filter(nota_nummer__isnull=False).order_by("volgnummer")
        ],
        "lots": [
            {
                "id": p.code,
                "title": p.naam,
                "status": TENDER_STATUS[AanbestedingStatus(a.status)],
                "awardCriteria": award_criteria,
            }
            for p in a.percelen.all()
        ],
        "selectionCriteria": {
            "description": f"Uitsluitingsgronden en geschiktheidseisen; daarna de "
            f"{a.max_partners} hoogst gerangschikte inschrijvingen, de volgende "
            f"{a.wachtkamer} in de wachtkamer.",
            "criteria": [
                *[
                    {
                        "type": "suitability" if e.soort == "uitsluiting" else "technical",
                        "description": f"{e.code}: {e.omschrijving}",
                        "appliesTo": ["supplier"],
                    }
                    for e in a.eisen.all()
                ],
                {
                    "type": "other",
                    "description": "Rangschikking op de gunningscriteria",
                    "forReduction": True,
                    "numbers": [{"number": a.max_partners, "threshold": "maximumBids"}],
                },
            ],
        },
        "numberOfTenderers": None if verzegeld_ else len(inschrijvingen),
        "tenderers": [
            {"id": _org("aanbieder", i.aanbieder.agb_code), "name": i.aanbieder.naam}
            for i in inschrijvingen
        ],
        "milestones": mijlpalen,
    }
    uitgesloten = sum(
        BID_STATUS[InschrijvingStatus(i.status)] == "disqualified" for i in inschrijvingen
    )
    bids = {
        "statistics": [
            {"id": "bids", "measure": "bids", "value": len(inschrijvingen)},
            {"id": "disqualifiedBids", "measure": "disqualifiedBids", "value": uitgesloten},
        ],
        "details": [_bid(i, bekend) for i in inschrijvingen],
    }
    eerste = a.status in (AanbestedingStatus.CONCEPT, AanbestedingStatus.AANGEKONDIGD)
    awards = _awards(a, inschrijvingen)
    for award in awards:
        for supplier in award["suppliers"]:
            rollen = partijen[supplier["id"]]["roles"]
            if "supplier" not in rollen:
                rollen.append("supplier")
    release = {
        "ocid": ocid,
        "id": f"{ocid}-{a.status}-{moment:%Y%m%dT%H%M%S}",
        "date": _iso(moment),
        "tag": ["tender"] if eerste else ["tenderUpdate", *(["award"] if awards else [])],
        "initiationType": "tender",
        "language": "nl",
        "parties": list(partijen.values()),
        "buyer": koper,
        "tender": tender,
        "bids": None if verzegeld_ else bids,
        "awards": awards,
    }  # fmt: skip
    pakket: dict[str, Any] = _schoon(
        {
            "uri": f"https://data.jeugdsturing.nl/ocds/{ocid}.json",
            "version": "1.1",
            "extensions": list(EXTENSIES.values()),
            "publishedDate": _iso(moment),
            "publisher": {"name": a.regio.naam},
            "license": "https://creativecommons.org/publicdomain/zero/1.0/",
            "publicationPolicy": "https://data.jeugdsturing.nl/ocds/beleid",
            "releases": [release],
        }
    )
    return pakket


def _awards(a: Aanbesteding, inschrijvingen: list[Inschrijving]) -> list[dict[str, Any]]:
    """One award per partner once the award is provisional (pending) or definitive
    (active): the value of its accepted offers, its lots and bid."""
    if a.status not in (AanbestedingStatus.VOORLOPIGE_GUNNING, AanbestedingStatus.GEGUND):
        return []
    definitief = a.status == AanbestedingStatus.GEGUND
    status = InschrijvingStatus.GEGUND if definitief else InschrijvingStatus.GESELECTEERD
    uit = []
    for i in inschrijvingen:
        if i.status != status:
            continue
        waarde = sum(b.bedrag_eurocent for b in i.aanbod.all())
        uit.append(
            {
                "id": f"{a.referentie}-award-{i.nummer}",
                "title": f"Gunning aan {i.aanbieder.naam}",
                "status": "active" if definitief else "pending",
                "date": _iso(a.gegund_op if definitief else a.voorlopig_gegund_op),
                "value": {"amount": waarde / 100, "currency": "EUR"},
                "suppliers": [
                    {"id": _org("aanbieder", i.aanbieder.agb_code), "name": i.aanbieder.naam}
                ],
                "relatedBids": [str(i.nummer)],
                "relatedLots": [p.code for p in i.percelen.all()],
            }
        )
    return uit


def _minimum(minimum: Decimal | None) -> list[dict[str, Any]]:
    return [] if minimum is None else [{"number": float(minimum), "threshold": "minimumScore"}]


def _bid(i: Inschrijving, bekend: bool) -> dict[str, Any]:
    uit: dict[str, Any] = {
        "id": str(i.nummer),
        "date": _iso(i.ingediend_op),
        "status": BID_STATUS[InschrijvingStatus(i.status)],
        "tenderers": [{"id": _org("aanbieder", i.aanbieder.agb_code), "name": i.aanbieder.naam}]
        + [
            {"id": _org("aanbieder", lid.agb_code), "name": lid.naam}
            for lid in i.bevestigde_leden()
        ],
        "relatedLots": [p.code for p in i.percelen.all()],
    }
    if bekend:
        status = InschrijvingStatus(i.status)
        uit["description"] = f"{status.label}" + (f": {i.reden}" if i.reden else "")
        if i.rang is not None:
            uit["hasRank"] = True
            uit["rank"] = i.rang
        # Per-bid consensus scores: not in the bid extension, published as an extra field
        # (docs/verwerving.md).
        uit["scores"] = [
            {"criterion": c.criterium.code, "score": float(c.waarde)}
            for c in sorted(i.consensus.all(), key=lambda c: c.criterium.code)
        ]
        if i.totaal is not None:
            uit["totalScore"] = float(i.totaal)
    return uit


# --- validation -----------------------------------------------------------------------


def merge_patch(doel: Any, patch: Any) -> Any:
    """JSON Merge Patch (RFC 7386), as OCDS applies an extension to the schema."""
    if not isinstance(patch, Mapping):
        return patch
    uit = dict(doel) if isinstance(doel, Mapping) else {}
    for k, v in patch.items():
        if v is None:
            uit.pop(k, None)
        else:
            uit[k] = merge_patch(uit.get(k), v)
    return uit


def schema_fouten(pakket: dict[str, Any], map_: Path) -> list[str]:
    """Errors of a release package against the OCDS 1.1.5 package schema, its releases
    against the release schema with the extensions applied. Empty: valid."""
    from jsonschema import Draft4Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4

    release = json.loads((map_ / "1.1.5" / "release-schema.json").read_text())
    for naam in EXTENSIES:
        patch = json.loads((map_ / "extensions" / naam / "release-schema.json").read_text())
        release = merge_patch(release, patch)
    pakket_schema = json.loads((map_ / "1.1.5" / "release-package-schema.json").read_text())
    registry = Registry().with_resource(
        RELEASE_SCHEMA_URL, Resource.from_contents(release, default_specification=DRAFT4)
    )
    fouten = []
    for schema in (pakket_schema, release):
        validator = Draft4Validator(schema, registry=registry)
        onderwerpen = [pakket] if schema is pakket_schema else pakket.get("releases", [])
        for onderwerp in onderwerpen:
            for e in validator.iter_errors(onderwerp):
                pad = "/".join(str(p) for p in e.absolute_path)
                fouten.append(f"{pad or '(root)'}: {e.message}")
    return fouten


def schrijf(aanbesteding: Aanbesteding, pad: Path) -> list[str]:
    """Write the release package; validated first when OCDS_SCHEMA_DIR is set. Returns
    the schema errors (nothing is written when there are any)."""
    pakket = release_package(aanbesteding)
    if settings.OCDS_SCHEMA_DIR:
        fouten = schema_fouten(pakket, Path(settings.OCDS_SCHEMA_DIR))
        if fouten:
            return fouten
    pad.write_text(json.dumps(pakket, ensure_ascii=False, indent=2), encoding="utf-8")
    return []
