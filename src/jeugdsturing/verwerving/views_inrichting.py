# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Setting up a tender (team): the tender itself, its lots or themes, award criteria with
a scale, knock-out requirements, the planning, the committee; standard sets from seeds
000 and 002 in one click. What bidders compete on can change only while the tender is a
concept; after the announcement only the deadlines can move later (services.py)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from jeugdsturing.core.access import Actie, Sectie, requires, rollen_met
from jeugdsturing.regio.models import Thema
from jeugdsturing.regio.selectors import regio_voor
from jeugdsturing.verwerving import forms as f
from jeugdsturing.verwerving import services as s
from jeugdsturing.verwerving.models import Aanbesteding, AanbestedingStatus
from jeugdsturing.verwerving.views import _aanbesteding, _gebruiker, _uitvoeren
from jeugdsturing.weergave.invoer import nummer


@requires(Sectie.VERWERVING, Actie.WIJZIGEN)
def nieuw(request: HttpRequest) -> HttpResponse:
    """A new tender, as a concept."""
    regio = regio_voor(request.user)
    if regio is None:
        raise PermissionDenied("Uw account hoort bij geen regio.")
    form = f.AanbestedingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        a = form.save(commit=False)
        a.regio = regio
        try:
            s.aanbesteding_bewaar(aanbesteding=a, door=_gebruiker(request))
        except ValidationError as e:
            form.add_error(None, e)
        else:
            messages.success(request, f"Aanbesteding {a.referentie} aangemaakt (concept).")
            return redirect("verwerving:inrichting", referentie=a.referentie)
    return render(request, "verwerving/nieuw.html", {"form": form, "regio": regio})


def _themas(a: Aanbesteding) -> list[tuple[str, str]]:
    return [(str(t.pk), f"{t.code} {t.naam}") for t in a.regio.themas.order_by("volgorde")]


@requires(Sectie.VERWERVING, Actie.WIJZIGEN)
def inrichting(request: HttpRequest, referentie: str) -> HttpResponse:
    a = _aanbesteding(request, referentie)
    if request.method == "POST":
        return _uitvoeren(
            request, lambda: _verwerk(request, a), "verwerving:inrichting", referentie
        )
    concept = a.status == AanbestedingStatus.CONCEPT
    kandidaten = User.objects.filter(
        profiel__rol__in=rollen_met(Sectie.VERWERVING, Actie.BEOORDELEN), profiel__regio=a.regio
    ).exclude(pk__in=a.beoordelaars.values("gebruiker"))
    return render(
        request,
        "verwerving/inrichting.html",
        {
            "a": a,
            "concept": concept,
            "form": f.AanbestedingForm(instance=a) if concept else None,
            "perceelform": f.PerceelForm(themas=_themas(a)),
            "criteriumform": f.CriteriumForm(),
            "eisform": f.EisForm(),
            "mijlpaalform": f.MijlpaalForm(),
            "termijnform": f.TermijnForm(
                initial={"vragen_tot": a.vragen_tot, "inschrijven_tot": a.inschrijven_tot}
            ),
            "kandidaten": kandidaten.order_by("username"),
            "beoordelaars": a.beoordelaars.select_related("gebruiker"),
            "percelen": a.percelen.select_related("thema"),
            "criteria": a.criteria.all(),
            "eisen": a.eisen.all(),
            "mijlpalen": a.mijlpalen.all(),
            "gewicht": sum(c.weging for c in a.criteria.all()),
        },
    )


def _verwerk(request: HttpRequest, a: Aanbesteding) -> str:
    """One POST of the setup page; returns the message."""
    p = request.POST
    actie = p.get("actie", "")
    if actie == "bewaar":
        form = f.AanbestedingForm(p, instance=a)
        f.geldig(form)
        s.aanbesteding_bewaar(aanbesteding=form.save(commit=False), door=_gebruiker(request))
        return "Aanbesteding opgeslagen."
    if actie == "perceel":
        d = f.geldig(f.PerceelForm(p, themas=_themas(a)))
        thema = Thema.objects.get(pk=d["thema"]) if d["thema"] else None
        perceel = s.perceel_voeg_toe(
            aanbesteding=a,
            code=str(d["code"]),
            naam=str(d["naam"]),
            thema=thema,
            max_partners=d["max_partners"],
            wachtkamer=d["wachtkamer"] or 0,
        )
        return f"Perceel {perceel.code} toegevoegd."
    if actie == "criterium":
        d = f.geldig(f.CriteriumForm(p))
        c = s.criterium_voeg_toe(
            aanbesteding=a,
            code=str(d["code"]),
            naam=str(d["naam"]),
            weging=d["weging"],
            minimum=d["minimum"],
            schaal=d["schaal"],
        )
        return f"Criterium {c.code} toegevoegd."
    if actie == "eis":
        d = f.geldig(f.EisForm(p))
        eis = s.eis_voeg_toe(
            aanbesteding=a,
            code=str(d["code"]),
            omschrijving=str(d["omschrijving"]),
            soort=str(d["soort"]),
        )
        return f"Eis {eis.code} toegevoegd."
    if actie == "mijlpaal":
        d = f.geldig(f.MijlpaalForm(p))
        m = s.mijlpaal_voeg_toe(
            aanbesteding=a,
            fase=str(d["fase"]),
            naam=str(d["naam"]),
            datum=d["datum"],
            eind=d["eind"],
        )
        return f"Mijlpaal {m.naam} toegevoegd."
    if actie == "verwijder":
        try:
            pk = int(p.get("pk", ""))
        except ValueError as e:
            raise ValidationError("Welk onderdeel?") from e
        naam = s.onderdeel_verwijder(aanbesteding=a, soort=p.get("soort", ""), pk=pk)
        return f"{naam} verwijderd."
    if actie == "sjabloon":
        n = s.sjabloon_neem_over(aanbesteding=a, wat=p.get("wat", ""))
        return f"{n} onderdelen uit het sjabloon overgenomen."
    if actie == "beoordelaar":
        gebruiker = User.objects.filter(pk=nummer(p.get("gebruiker"))).first()
        if gebruiker is None:
            raise ValidationError("Kies een beoordelaar.")
        s.beoordelaar_benoem(aanbesteding=a, gebruiker=gebruiker)
        return f"{gebruiker.username} benoemd in de beoordelingscommissie."
    if actie == "termijn":
        d = f.geldig(f.TermijnForm(p))
        s.termijn_verleng(
            aanbesteding=a,
            vragen_tot=d["vragen_tot"],
            inschrijven_tot=d["inschrijven_tot"],
            reden=str(d["reden"]),
            door=_gebruiker(request),
        )
        return "Termijnen verlengd; maak dit bekend in een Nota van Inlichtingen."
    raise ValidationError(f"Onbekende actie '{actie}'.")
