# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Pages for the data-analist: upload, import history, quarantine."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db.models import Count, Sum
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_POST

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import services
from jeugdsturing.berichten.privacy import Onleesbaar, ontsleutel
from jeugdsturing.core.access import Actie, Sectie, requires
from jeugdsturing.regio.models import Gemeente
from jeugdsturing.weergave.tabel import Kolom, tabel

MAX_UPLOAD_FILES = 50


def _door(request: HttpRequest) -> User | None:
    return request.user if isinstance(request.user, User) else None


def _zet_in_wachtrij(
    request: HttpRequest, omschrijving: str, quarantaine: m.Quarantaine | None = None
) -> m.ImportRun | None:
    """Check the uploaded files and queue their import (a background job); None, with a
    message, when they cannot be taken."""
    files = request.FILES.getlist("bestanden")
    if not files:
        messages.error(request, "Kies een of meer bestanden (.xml of .zip).")
        return None
    if len(files) > MAX_UPLOAD_FILES:
        messages.error(
            request, f"Hoogstens {MAX_UPLOAD_FILES} bestanden tegelijk; gebruik een .zip."
        )
        return None
    for f in files:
        name = Path(f.name or "bestand").name
        if Path(name).suffix.lower() not in {".xml", ".zip"}:
            messages.error(request, f"{name}: alleen .xml- of .zip-bestanden.")
            return None
    return services.import_in_wachtrij(
        bestanden=[(f.name or "bestand", f.chunks()) for f in files],
        gebruiker=_door(request), omschrijving=omschrijving, quarantaine=quarantaine,
    )  # fmt: skip


@requires(Sectie.BERICHTEN, post=Actie.AANLEVEREN)
def index(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        run = _zet_in_wachtrij(
            request,
            "upload: " + ", ".join(f.name or "" for f in request.FILES.getlist("bestanden")),
        )
        if run is not None:
            return redirect("berichten:run", pk=run.pk)
    runs = Paginator(m.ImportRun.objects.select_related("gebruiker"), 25).get_page(
        request.GET.get("pagina")
    )
    # Assignments withdrawn (RedenWijziging 13) after care had started: allowed by the
    # standard, but the team wants to know (computed with the trajectories, so the same
    # whatever order the messages came in).
    na_start = Paginator(
        m.Traject.objects.filter(verwijderd_na_start=True).order_by("gemeente", "toewijzingnummer"),
        25,
    ).get_page(request.GET.get("verwijderd"))
    gemeenten = dict(
        Gemeente.objects.filter(code__in={t.gemeente for t in na_start}).values_list("code", "naam")
    )
    for t in na_start:
        t.gemeente_naam = gemeenten.get(t.gemeente, t.gemeente)  # type: ignore[attr-defined]
    return render(
        request,
        "berichten/index.html",
        {
            "runs": runs,
            "na_start": na_start,
            "aantallen": {
                "berichten": m.Bericht.objects.count(),
                "trajecten": m.Traject.objects.count(),
                "quarantaine": m.Quarantaine.objects.filter(opgelost_door__isnull=True).count(),
            },
        },
    )


@requires(Sectie.BERICHTEN)
def run(request: HttpRequest, pk: int) -> HttpResponse:
    r = get_object_or_404(m.ImportRun, pk=pk)
    per_type = (
        m.Bericht.objects.filter(import_run=r)
        .values("berichttype")
        .annotate(n=Count("pk"), regels=Sum("regels"))
        .order_by("berichttype")
    )
    # The rejections, paged and sortable, filterable by message type (a run of a year's
    # traffic can reject thousands).
    afkeuringen = list(r.afkeuringen or [])
    soort = request.GET.get("type", "")
    gekozen = [a for a in afkeuringen if soort in ("", a.get("message_type") or "")]
    tabel_ = tabel(
        request, gekozen,
        [Kolom("file", "Bestand"), Kolom("message_type", "Type"),
         Kolom("line", "Regel", getal=True), Kolom("element", "Element"),
         Kolom("value", "Waarde"), Kolom("reason", "Reden")],
        standaard="file",
    )  # fmt: skip
    typen = sorted({a.get("message_type") or "" for a in afkeuringen} - {""})
    opgelost = m.Quarantaine.objects.filter(opgelost_door__import_run=r).first()
    return render(
        request,
        "berichten/run.html",
        {
            "run": r, "per_type": per_type, "afkeuringen": tabel_, "typen": typen,
            "type": soort, "loopt": r.status in {m.ImportStatus.IN_WACHTRIJ, m.ImportStatus.BEZIG},
            "opgelost": opgelost,
        },
    )  # fmt: skip


@requires(Sectie.BERICHTEN)
def quarantaine(request: HttpRequest) -> HttpResponse:
    rows = Paginator(
        m.Quarantaine.objects.filter(opgelost_door__isnull=True).defer("inhoud"), 50
    ).get_page(request.GET.get("pagina"))
    return render(request, "berichten/quarantaine.html", {"rows": rows})


@requires(Sectie.BERICHTEN, post=Actie.AANLEVEREN)
def quarantaine_detail(request: HttpRequest, pk: int) -> HttpResponse:
    q = get_object_or_404(m.Quarantaine, pk=pk)
    if request.method == "POST":
        run = _zet_in_wachtrij(request, f"verbeterd bestand voor {q.bestand}", quarantaine=q)
        if run is not None:
            return redirect("berichten:run", pk=run.pk)
    return render(request, "berichten/quarantaine_detail.html", {"q": q})


@requires(Sectie.BERICHTEN, Actie.EXPORTEREN)
def quarantaine_download(request: HttpRequest, pk: int) -> HttpResponse:
    q = get_object_or_404(m.Quarantaine, pk=pk)
    try:
        inhoud = ontsleutel(bytes(q.inhoud))
    except Onleesbaar as e:
        messages.error(request, str(e))
        return redirect("berichten:quarantaine_detail", pk=pk)
    name = Path(q.bestand.rsplit("!", 1)[-1]).name or "bericht.xml"
    soort = "application/zip" if name.lower().endswith(".zip") else "application/xml"
    response = HttpResponse(inhoud, content_type=soort)
    response["Content-Disposition"] = content_disposition_header(True, name) or "attachment"
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@requires(Sectie.BERICHTEN, Actie.WIJZIGEN)
def quarantaine_verwijder(request: HttpRequest, pk: int) -> HttpResponse:
    q = get_object_or_404(m.Quarantaine, pk=pk)
    services.quarantaine_verwijder(quarantaine=q, door=_door(request))
    messages.success(request, f"Het afgekeurde bestand {q.bestandsnaam} is verwijderd.")
    return redirect("berichten:quarantaine")
