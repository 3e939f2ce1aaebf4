# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Forms of the tender pages: they parse and check the input of one field (a date, a
number, a choice); the rules of the procedure are in services.py, so a page and a
script obey the same rules."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, cast

from django import forms

from jeugdsturing.verwerving.models import Aanbesteding

DATUMTIJD = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
DATUM = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AanbestedingForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = Aanbesteding
        fields = [
            "referentie",
            "naam",
            "omschrijving",
            "procedure",
            "max_partners",
            "wachtkamer",
            "selectie_per_perceel",
            "schaal_min",
            "schaal_max",
            "minimum_totaal",
            "beslisregel",
            "vragen_tot",
            "inschrijven_tot",
            "bezwaartermijn_dagen",
        ]
        widgets = {
            "vragen_tot": DATUMTIJD,
            "inschrijven_tot": DATUMTIJD,
            "omschrijving": forms.Textarea(attrs={"rows": 3, "cols": 70}),
        }

    geraamde_waarde = forms.DecimalField(
        required=False, min_value=0, max_digits=14, decimal_places=2, localize=True,
        label="geraamde waarde (euro, hele looptijd)",
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            self.fields["referentie"].disabled = True
            if self.instance.geraamde_waarde_eurocent is not None:
                self.initial["geraamde_waarde"] = (
                    Decimal(self.instance.geraamde_waarde_eurocent) / 100
                )

    def save(self, commit: bool = True) -> Aanbesteding:
        waarde = self.cleaned_data.get("geraamde_waarde")
        self.instance.geraamde_waarde_eurocent = None if waarde is None else int(waarde * 100)
        return super().save(commit=commit)  # type: ignore[no-any-return]


class PerceelForm(forms.Form):
    code = forms.CharField(max_length=20)
    naam = forms.CharField(max_length=200)
    thema = forms.ChoiceField(required=False, label="thema van de regio")
    max_partners = forms.IntegerField(
        required=False,
        min_value=1,
        label="maximaal te selecteren",
        help_text="alleen bij selectie per perceel; leeg: geen maximum",
    )
    wachtkamer = forms.IntegerField(min_value=0, initial=0, required=False, label="wachtkamer")

    def __init__(self, *args: Any, themas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["thema"]).choices = [("", "(geen)"), *themas]


class CriteriumForm(forms.Form):
    code = forms.CharField(max_length=20)
    naam = forms.CharField(max_length=300)
    weging = forms.DecimalField(max_digits=6, decimal_places=2, min_value=0)
    minimum = forms.DecimalField(max_digits=5, decimal_places=2, required=False)
    schaal = forms.CharField(
        required=False,
        label="schaalwaarden met beschrijving",
        help_text="één per regel: waarde = beschrijving, bijvoorbeeld 6 = voldoende",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 40}),
    )

    def clean_schaal(self) -> dict[str, str]:
        schaal: dict[str, str] = {}
        for n, regel in enumerate(str(self.cleaned_data["schaal"]).splitlines(), start=1):
            if not regel.strip():
                continue
            waarde, teken, beschrijving = regel.partition("=")
            if not teken or not waarde.strip() or not beschrijving.strip():
                raise forms.ValidationError(
                    f"Regel {n} '{regel.strip()}': schrijf 'waarde = beschrijving'."
                )
            schaal[waarde.strip().replace(",", ".")] = beschrijving.strip()
        return schaal


class EisForm(forms.Form):
    code = forms.CharField(max_length=20)
    omschrijving = forms.CharField(max_length=500)
    soort = forms.ChoiceField(
        choices=[("uitsluiting", "uitsluitingsgrond"), ("geschiktheid", "geschiktheidseis")]
    )


class MijlpaalForm(forms.Form):
    fase = forms.CharField(max_length=100)
    naam = forms.CharField(max_length=200)
    datum = forms.DateField(widget=DATUM)
    eind = forms.DateField(required=False, widget=DATUM)


class TermijnForm(forms.Form):
    vragen_tot = forms.DateTimeField(widget=DATUMTIJD)
    inschrijven_tot = forms.DateTimeField(widget=DATUMTIJD)
    reden = forms.CharField(max_length=300)


class CapaciteitForm(forms.Form):
    """One line of the capacity statement (seed 002 section 5.7)."""

    perceel = forms.ChoiceField(required=False, label="perceel of thema")
    expertise = forms.CharField(max_length=100, required=False)
    zorgvorm = forms.CharField(max_length=100, required=False)
    gebied = forms.ChoiceField(required=False)
    min = forms.IntegerField(min_value=0, required=False, label="minimum")
    max = forms.IntegerField(min_value=0, required=False, label="maximum")

    def __init__(
        self, *args: Any, gebieden: list[str], percelen: list[str] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["gebied"]).choices = [
            ("", ""),
            *((g, g) for g in gebieden),
        ]
        cast(forms.ChoiceField, self.fields["perceel"]).choices = [
            ("", ""),
            *((p, p) for p in percelen or []),
        ]

    def regel(self) -> dict[str, Any] | None:
        """The line as stored, or None when it is left empty."""
        d = self.cleaned_data
        if not any(d.get(k) not in (None, "") for k in ("expertise", "zorgvorm", "gebied")):
            return None
        regel = {
            "expertise": d.get("expertise", ""),
            "zorgvorm": d.get("zorgvorm", ""),
            "gebied": d.get("gebied", ""),
            "min": d.get("min") or 0,
            "max": d.get("max") or 0,
        }
        return {"perceel": d["perceel"], **regel} if d.get("perceel") else regel


class RondeForm(forms.Form):
    naam = forms.CharField(max_length=200)
    van = forms.DateField(widget=DATUM)
    tot = forms.DateField(widget=DATUM)


class OnderwerpForm(forms.Form):
    code = forms.CharField(max_length=20)
    naam = forms.CharField(max_length=300)
    bron = forms.CharField(max_length=100, required=False)


class VraagramingForm(forms.Form):
    expertise = forms.CharField(max_length=100, initial="alle")
    gebied = forms.CharField(max_length=100)
    aantal = forms.IntegerField(min_value=0)


class MonitorperiodeForm(forms.Form):
    van = forms.DateField(widget=DATUM)
    tot = forms.DateField(widget=DATUM)


def geldig(form: forms.BaseForm) -> dict[str, Any]:
    """The form's cleaned data, or a ValidationError naming every wrong field."""
    if not form.is_valid():
        raise forms.ValidationError(fouten(form))
    return dict(form.cleaned_data)


def fouten(form: forms.BaseForm) -> str:
    """A form's errors in one line, each naming its field."""
    delen = []
    for veld, lijst in form.errors.items():
        label = form.fields[veld].label or veld if veld in form.fields else "formulier"
        delen.append(f"{label}: {' '.join(str(e) for e in lijst)}")
    return "; ".join(delen)
