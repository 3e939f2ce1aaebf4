# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""A provider's answer to an uitvraag, as pure data: read from the web form or from the
filled-in Excel template, checked the same way, every error naming where it is (sheet,
row and column, or the field of the form). Writing the template is here too."""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from jeugdsturing.contracten.rapportage import Fout
from jeugdsturing.weergave.werkboek import WerkboekFout, bladen, bladnamen

MAX_BYTES, MAX_FOUTEN = 5 * 1024 * 1024, 100  # an upload's size, errors reported
MAX_RIJEN, MAX_KOLOMMEN = 10_000, 50  # a sheet's bounds (weergave.werkboek)

# The delivery's key figures: field, label, kind (geheel | decimaal | percentage).
KERNCIJFERS: tuple[tuple[str, str, str], ...] = (
    ("klachten", "Ontvangen klachten in de periode", "geheel"),
    ("incidenten", "Gemelde incidenten in de periode", "geheel"),
    ("calamiteiten", "Gemelde calamiteiten (bij de inspectie) in de periode", "geheel"),
    ("fte", "Personeel in de jeugdhulp (fte, einde periode)", "decimaal"),
    ("verloop_pct", "Verloop van personeel (%, over de periode)", "percentage"),
    ("verzuim_pct", "Ziekteverzuim (%, over de periode)", "percentage"),
)
UITKOMSTEN = (
    ("clienten", "Beëindigde trajecten in de periode", "geheel"),
    ("uitval_pct", "Uitval: voortijdig beëindigd (%)", "percentage"),
    ("tevredenheid_pct", "Tevredenheid over het gebruik en effect van de hulp (%)", "percentage"),
    ("doelrealisatie_pct", "Doelen (grotendeels) bereikt (%)", "percentage"),
)
BLAD_KERN, BLAD_UITKOMSTEN, BLAD_WACHTLIJST, BLAD_INDICATOREN = (
    "Kerncijfers", "Uitkomsten", "Wachtlijst", "Indicatoren",
)  # fmt: skip


class Ongeldig(ValueError):
    def __init__(self, fouten: list[Fout]) -> None:
        self.fouten = fouten
        super().__init__("; ".join(str(f) for f in fouten[:5]))


@dataclass(frozen=True)
class Context:
    """What the region expects of this provider: gemeenten, themes and gebieden (code ->
    name), and the goal indicators the provider reports (code -> (name, kind))."""

    gemeenten: Mapping[str, str]
    themas: Mapping[str, str]
    gebieden: Mapping[str, str]
    indicatoren: Mapping[str, tuple[str, str]]


@dataclass(frozen=True)
class Uitkomst:
    gemeente: str
    clienten: int
    uitval_pct: Decimal | None
    tevredenheid_pct: Decimal | None
    doelrealisatie_pct: Decimal | None


@dataclass(frozen=True)
class Wachtende:
    thema: str
    gebied: str  # "" for the whole region
    wachtenden: int


@dataclass(frozen=True)
class Gegevens:
    kern: Mapping[str, Decimal | int | None]
    uitkomsten: tuple[Uitkomst, ...] = ()
    wachtlijst: tuple[Wachtende, ...] = ()
    indicatoren: Mapping[str, Decimal | None] = field(default_factory=dict)
    toelichting: str = ""

    def ontbreekt(self, ctx: Context) -> list[str]:
        """What a complete delivery has and this one does not (Dutch, for the team)."""
        uit = [label for k, label, _ in KERNCIJFERS if self.kern.get(k) is None]
        if not self.uitkomsten:
            uit.append("uitkomstcijfers per gemeente")
        elif any(
            u.clienten and None in (u.uitval_pct, u.tevredenheid_pct, u.doelrealisatie_pct)
            for u in self.uitkomsten
        ):
            uit.append("uitkomstcijfers van een gemeente met beëindigde trajecten")
        uit += [ctx.indicatoren[c][0] for c in ctx.indicatoren if self.indicatoren.get(c) is None]
        return uit


# --- values -------------------------------------------------------------------------------


def tekst(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v).strip()


def waarde(v: Any, soort: str) -> Decimal | int | None:
    """An empty cell is None; otherwise a whole number, a decimal or a percentage 0-100.
    Text may use a decimal comma; no thousands separators."""
    if isinstance(v, bool):
        raise ValueError("geen getal")
    t = tekst(v)
    if t == "":
        return None
    if isinstance(v, int | float):
        d = Decimal(str(v))
    else:
        if not re.fullmatch(r"-?\d+([.,]\d+)?", t.replace("%", "").strip()):
            raise ValueError("geen getal: gebruik cijfers, met een komma voor decimalen (12,5)")
        try:
            d = Decimal(t.replace("%", "").strip().replace(",", "."))
        except InvalidOperation as e:  # pragma: no cover - the pattern is a number
            raise ValueError("geen getal") from e
    if d < 0:
        raise ValueError("negatief")
    if soort == "geheel":
        if d != d.to_integral_value():
            raise ValueError("geen geheel getal")
        return int(d)
    if soort == "percentage" and d > 100:
        raise ValueError("een percentage ligt tussen 0 en 100")
    return d.quantize(Decimal("0.1"))


def indicatorwaarde(v: Any, soort: str) -> Decimal | None:
    if soort == "ja_nee":
        t = tekst(v).lower()
        if t == "":
            return None
        if t in ("ja", "1", "j"):
            return Decimal(1)
        if t in ("nee", "0", "n"):
            return Decimal(0)
        raise ValueError("ja of nee")
    w = waarde(v, "percentage" if soort == "percentage" else "decimaal")
    return Decimal(w) if w is not None else None


# --- the web form ------------------------------------------------------------------------


def uit_formulier(post: Mapping[str, str], ctx: Context) -> Gegevens:
    """The form's fields: kern-<veld>, uitkomst-<gemeente>-<veld>,
    wacht-<thema>-<gebied or 'regio'>, ind-<code>, toelichting."""
    fouten: list[Fout] = []

    def lees(naam: str, label: str, soort: str) -> Any:
        try:
            return waarde(post.get(naam, ""), soort)
        except ValueError as e:
            fouten.append(Fout("formulier", None, label, post.get(naam, ""), str(e)))
            return None

    kern = {k: lees(f"kern-{k}", label, soort) for k, label, soort in KERNCIJFERS}
    uitkomsten = []
    for code, naam in ctx.gemeenten.items():
        rij = {
            k: lees(f"uitkomst-{code}-{k}", f"{naam}: {label}", soort)
            for k, label, soort in UITKOMSTEN
        }
        if any(v is not None for v in rij.values()):
            uitkomsten.append(_uitkomst(code, rij))
    wachtlijst = []
    for thema in ctx.themas:
        for gebied in ("", *ctx.gebieden):
            w = lees(f"wacht-{thema}-{gebied or 'regio'}", f"wachtlijst {thema} {gebied}", "geheel")
            if w is not None:
                wachtlijst.append(Wachtende(thema, gebied, int(w)))
    indicatoren = {}
    for code, (naam, soort) in ctx.indicatoren.items():
        try:
            indicatoren[code] = indicatorwaarde(post.get(f"ind-{code}", ""), soort)
        except ValueError as e:
            fouten.append(Fout("formulier", None, naam, post.get(f"ind-{code}", ""), str(e)))
    if fouten:
        raise Ongeldig(fouten)
    return Gegevens(kern, tuple(uitkomsten), tuple(wachtlijst), indicatoren,
                    post.get("toelichting", "").strip())  # fmt: skip


def _uitkomst(gemeente: str, rij: Mapping[str, Any]) -> Uitkomst:
    return Uitkomst(
        gemeente, int(rij.get("clienten") or 0), rij.get("uitval_pct"),
        rij.get("tevredenheid_pct"), rij.get("doelrealisatie_pct"),
    )  # fmt: skip


# --- the Excel template ----------------------------------------------------------------------


def sjabloon(*, aanbieder: str, agb_code: str, naam: str, ctx: Context,
             eerder: Gegevens | None = None) -> bytes:  # fmt: skip
    """An .xlsx template: the key figures, one row per gemeente for the outcome figures,
    one per theme and gebied for the waiting list, one per reported indicator; filled
    with an earlier delivery when there is one."""
    wb = Workbook()
    kern = wb.active
    assert kern is not None  # noqa: S101 (a new workbook has one sheet)
    kern.title = BLAD_KERN
    kern.append(["kenmerk", "omschrijving", "waarde"])
    for k, label, _ in KERNCIJFERS:
        kern.append([k, label, _cel(eerder.kern.get(k) if eerder else None)])
    kern.append(["toelichting", "Toelichting bij de levering (optioneel)",
                 eerder.toelichting if eerder else None])  # fmt: skip
    uit = wb.create_sheet(BLAD_UITKOMSTEN)
    uit.append(["gemeente_code", "gemeente", *(k for k, _, _ in UITKOMSTEN)])
    eerdere = {u.gemeente: u for u in (eerder.uitkomsten if eerder else ())}
    for code, gnaam in ctx.gemeenten.items():
        u = eerdere.get(code)
        uit.append([code, gnaam, *([_cel(getattr(u, k)) for k, _, _ in UITKOMSTEN] if u else [])])
    wacht = wb.create_sheet(BLAD_WACHTLIJST)
    wacht.append(["thema_code", "gebied_code", "wachtenden"])
    eerder_w = {(w.thema, w.gebied): w.wachtenden for w in (eerder.wachtlijst if eerder else ())}
    for thema in ctx.themas:
        for gebied in ("", *ctx.gebieden):
            wacht.append([thema, gebied or None, eerder_w.get((thema, gebied))])
    ind = wb.create_sheet(BLAD_INDICATOREN)
    ind.append(["code", "indicator", "waarde"])
    for code, (inaam, soort) in ctx.indicatoren.items():
        w = eerder.indicatoren.get(code) if eerder else None
        ind.append([code, inaam, ("ja" if w else "nee") if soort == "ja_nee" and w is not None
                    else _cel(w)])  # fmt: skip
    for ws in (kern, uit, wacht, ind):
        for cel in ws[1]:
            cel.font = Font(bold=True)
        for i in range(1, ws.max_column + 1):
            ws.column_dimensions[get_column_letter(i)].width = 22 if i > 1 else 18
        ws.freeze_panes = "A2"
    kern.column_dimensions["B"].width = 60
    ind.column_dimensions["B"].width = 80
    toelichting = wb.create_sheet("Toelichting")
    for regel in (
        f"{naam}: {aanbieder} ({agb_code})",
        "",
        "Vul de bladen Kerncijfers, Uitkomsten, Wachtlijst en Indicatoren in en lever het "
        "bestand aan op de pagina Sturing > Uitvraag.",
        "Uitkomsten (Outcome in Zicht) per woongemeente over de trajecten die in de periode "
        "eindigden: uitval, tevredenheid over gebruik en effect, doelrealisatie, in %.",
        "Wachtlijst: het aantal jeugdigen dat op de peildatum wacht op de start, per thema en "
        "gebied (een lege gebiedscode: de hele regio).",
        "Getallen met een komma voor decimalen; geen scheidingstekens voor duizendtallen.",
    ):
        toelichting.append([regel])
    toelichting.column_dimensions["A"].width = 120
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _cel(v: Any) -> Any:
    return float(v) if isinstance(v, Decimal) else v


def _bladen(data: bytes) -> dict[str, list[list[Any]]]:
    if len(data) > MAX_BYTES:
        raise Ongeldig([Fout("-", None, None, None, "bestand groter dan 5 MB")])
    nodig = (BLAD_KERN, BLAD_UITKOMSTEN, BLAD_WACHTLIJST, BLAD_INDICATOREN)
    try:
        gelezen = bladen(data, nodig, max_rijen=MAX_RIJEN, max_kolommen=MAX_KOLOMMEN)
    except WerkboekFout as e:
        raise Ongeldig([Fout(e.blad, None, None, None, str(e))]) from None
    ontbreekt = [b for b in nodig if b not in gelezen]
    if ontbreekt:
        gevonden = ", ".join(bladnamen(data))
        raise Ongeldig([
            Fout(b, None, None, None, f"blad ontbreekt (gevonden: {gevonden})") for b in ontbreekt
        ])  # fmt: skip
    return gelezen


def _kolommen(blad: str, rijen: list[list[Any]], nodig: tuple[str, ...],
              fouten: list[Fout]) -> dict[str, int] | None:  # fmt: skip
    kop = [tekst(v).lower() for v in (rijen[0] if rijen else [])]
    mist = [k for k in nodig if k not in kop]
    if mist:
        fouten += [Fout(blad, 1, None, None, f"kolom ontbreekt in de kopregel: {k}") for k in mist]
        return None
    return {k: kop.index(k) for k in nodig}


def uit_bestand(data: bytes, ctx: Context) -> Gegevens:
    """Read a filled-in template; all errors are collected (up to 100)."""
    bladen = _bladen(data)
    fouten: list[Fout] = []

    def cel(rij: list[Any], i: int) -> Any:
        return rij[i] if i < len(rij) else None

    def kolom(pos: Mapping[str, int], k: str) -> str:
        return f"{get_column_letter(pos[k] + 1)} ({k})"

    kern: dict[str, Any] = {k: None for k, _, _ in KERNCIJFERS}
    toelichting = ""
    soorten = {k: s for k, _, s in KERNCIJFERS}
    rijen = bladen[BLAD_KERN]
    pos = _kolommen(BLAD_KERN, rijen, ("kenmerk", "waarde"), fouten)
    if pos is not None:
        for nr, rij in enumerate(rijen[1:], start=2):
            k = tekst(cel(rij, pos["kenmerk"]))
            if k == "toelichting":
                toelichting = tekst(cel(rij, pos["waarde"]))
            elif k in soorten:
                try:
                    kern[k] = waarde(cel(rij, pos["waarde"]), soorten[k])
                except ValueError as e:
                    fouten.append(Fout(BLAD_KERN, nr, kolom(pos, "waarde"),
                                       tekst(cel(rij, pos["waarde"])), f"{k}: {e}"))  # fmt: skip
            elif k:
                fouten.append(Fout(BLAD_KERN, nr, kolom(pos, "kenmerk"), k, "onbekend kenmerk"))
    uitkomsten: dict[str, Uitkomst] = {}
    rijen = bladen[BLAD_UITKOMSTEN]
    velden = tuple(k for k, _, _ in UITKOMSTEN)
    pos = _kolommen(BLAD_UITKOMSTEN, rijen, ("gemeente_code", *velden), fouten)
    if pos is not None:
        for nr, rij in enumerate(rijen[1:], start=2):
            code = (
                tekst(cel(rij, pos["gemeente_code"])).zfill(4)
                if tekst(cel(rij, pos["gemeente_code"]))
                else ""
            )
            waarden: dict[str, Any] = {}
            for k, _, soort in UITKOMSTEN:
                try:
                    waarden[k] = waarde(cel(rij, pos[k]), soort)
                except ValueError as e:
                    fouten.append(
                        Fout(BLAD_UITKOMSTEN, nr, kolom(pos, k), tekst(cel(rij, pos[k])), str(e))
                    )
            if all(v is None for v in waarden.values()):
                continue
            if code not in ctx.gemeenten:
                fouten.append(Fout(BLAD_UITKOMSTEN, nr, kolom(pos, "gemeente_code"), code,
                                   "geen gemeente van deze regio"))  # fmt: skip
            elif code in uitkomsten:
                fouten.append(Fout(BLAD_UITKOMSTEN, nr, kolom(pos, "gemeente_code"), code,
                                   "deze gemeente staat al op een eerdere rij"))  # fmt: skip
            else:
                uitkomsten[code] = _uitkomst(code, waarden)
    wachtlijst: dict[tuple[str, str], Wachtende] = {}
    rijen = bladen[BLAD_WACHTLIJST]
    pos = _kolommen(BLAD_WACHTLIJST, rijen, ("thema_code", "gebied_code", "wachtenden"), fouten)
    if pos is not None:
        for nr, rij in enumerate(rijen[1:], start=2):
            try:
                w = waarde(cel(rij, pos["wachtenden"]), "geheel")
            except ValueError as e:
                fouten.append(Fout(BLAD_WACHTLIJST, nr, kolom(pos, "wachtenden"),
                                   tekst(cel(rij, pos["wachtenden"])), str(e)))  # fmt: skip
                continue
            if w is None:
                continue
            thema, gebied = tekst(cel(rij, pos["thema_code"])), tekst(cel(rij, pos["gebied_code"]))
            if thema not in ctx.themas:
                bekend = ", ".join(ctx.themas)
                fouten.append(Fout(BLAD_WACHTLIJST, nr, kolom(pos, "thema_code"), thema,
                                   f"onbekend thema (bekend: {bekend})"))  # fmt: skip
            elif gebied and gebied not in ctx.gebieden:
                fouten.append(Fout(BLAD_WACHTLIJST, nr, kolom(pos, "gebied_code"), gebied,
                                   "geen gebied van deze regio"))  # fmt: skip
            else:
                wachtlijst[(thema, gebied)] = Wachtende(thema, gebied, int(w))
    indicatoren: dict[str, Decimal | None] = dict.fromkeys(ctx.indicatoren)
    rijen = bladen[BLAD_INDICATOREN]
    pos = _kolommen(BLAD_INDICATOREN, rijen, ("code", "waarde"), fouten)
    if pos is not None:
        for nr, rij in enumerate(rijen[1:], start=2):
            code = tekst(cel(rij, pos["code"]))
            if not code:
                continue
            if code not in ctx.indicatoren:
                fouten.append(Fout(BLAD_INDICATOREN, nr, kolom(pos, "code"), code,
                                   "geen indicator die deze aanbieder rapporteert"))  # fmt: skip
                continue
            try:
                indicatoren[code] = indicatorwaarde(
                    cel(rij, pos["waarde"]), ctx.indicatoren[code][1]
                )
            except ValueError as e:
                fouten.append(Fout(BLAD_INDICATOREN, nr, kolom(pos, "waarde"),
                                   tekst(cel(rij, pos["waarde"])), str(e)))  # fmt: skip
    if fouten:
        raise Ongeldig(fouten[:MAX_FOUTEN])
    return Gegevens(kern, tuple(uitkomsten.values()), tuple(wachtlijst.values()), indicatoren,
                    toelichting)  # fmt: skip
