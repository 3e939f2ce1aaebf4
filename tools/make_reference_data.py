# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Write the project's reference data files from the public sources in ../shared.

Run once when the sources change (python tools/make_reference_data.py); the output
is committed under src/jeugdsturing/regio/data/ and cited in docs/referentiedata.md.
It cross-checks the two gemeente lists and fails loudly on any disagreement other
than the five documented region differences.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
OUT = ROOT / "src" / "jeugdsturing" / "regio" / "data"

KNOWN_REGION_DIFFERENCES = {"0050", "0626", "0744", "1696", "1723"}


def md_table_rows(path: Path) -> list[list[str]]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|") or set(line) <= set("|- "):
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        rows.append(cells)
    return rows


def gemeenten() -> None:
    derived = list(
        csv.DictReader((SHARED / "data/regio/gemeenten_jeugdregio_2025.csv").open(encoding="utf-8"))
    )
    istd = {
        r[0]: r
        for r in md_table_rows(SHARED / "ijw/codelijsten/CBS_Gemeentecodes.md")
        if re.fullmatch(r"\d{4}", r[0])
    }
    if len(derived) != 342 or len(istd) != 342:
        sys.exit(f"verwacht 342 gemeenten, gevonden {len(derived)} en {len(istd)}")
    out = []
    for row in derived:
        code = row["gemeentecode"].removeprefix("GM")
        other = istd.pop(code)
        # CBS's official 2026 names disambiguate six names with a province suffix
        # ('Hengelo (O.)'); the derived file drops it. Use the official name.
        official = other[1]
        if row["gemeentenaam"] not in (official, re.sub(r" \([A-Z]+\.\)$", "", official)):
            sys.exit(f"naam verschilt voor {code}: {official!r} / {row['gemeentenaam']!r}")
        disagree = row["agrees"] != "1"
        if disagree != (code in KNOWN_REGION_DIFFERENCES):
            sys.exit(f"onverwacht regioverschil voor {code} {row['gemeentenaam']}")
        out.append(
            {
                "code": code,
                "naam": other[1],
                "provincie": other[2],
                "jeugdregio": row["jeugdregio_code"],
                "inwoners": round(float(row["inwoners_gf2025"])),
                "jongeren_0_17": round(float(row["jongeren_0_17_gf2025"])),
                "jeugdregio_istandaarden": row["jeugdregio_jaapjunior_2026"] if disagree else "",
            }
        )
    if istd:
        sys.exit(f"gemeenten alleen in de iStandaarden-lijst: {sorted(istd)}")
    out.sort(key=lambda r: r["code"])
    with (OUT / "gemeenten.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(out[0]))
        writer.writeheader()
        writer.writerows(out)

    regions = list(
        csv.DictReader((SHARED / "data/regio/jeugdregios_2025.csv").open(encoding="utf-8"))
    )
    with (OUT / "jeugdregios.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["code", "naam"])
        for r in regions:
            writer.writerow([r["jeugdregio_code"], r["jeugdregio_naam"]])


CODE_LISTS = {
    # list id: (file, code column, description column)
    "JZ020": ("JZ020_Productcategorie", 0, 1),
    "WMO757": ("WMO757_Frequentie.md", 0, 1),
    "JZ588": ("JZ588_Reden_beeindiging.md", 0, 1),
    "JZ002": ("JZ002_Reden_wijziging_toewijzing.md", 0, 1),
    "COD327": ("COD327_Code_verwijzer.md", 0, 1),
    "COD467": ("COD467_Status_aanlevering.md", 0, 1),
    "WJ001": ("WJ001_Retourcode.md", 0, 1),
}


def codelijsten() -> None:
    rows = []
    for lijst, (fname, ci, di) in CODE_LISTS.items():
        for cells in md_table_rows(SHARED / "ijw/codelijsten" / fname):
            if len(cells) > max(ci, di) and re.fullmatch(r"[A-Z]?\d{1,4}", cells[ci]):
                rows.append((lijst, cells[ci], cells[di]))
    # WJ756 is written as one section per code: '# Code 01 - Minuut'
    text = (SHARED / "ijw/codelijsten/WJ756_Eenheid.md").read_text(encoding="utf-8")
    for code, oms in re.findall(r"^# Code (\d{2}) - (.+)$", text, flags=re.M):
        rows.append(("WJ756", code, oms.strip()))
    # WJ001 lists some codes in more than one section (per message group) with the
    # same meaning: keep one; a code listed twice with two meanings is an error.
    unique: dict[tuple[str, str], str] = {}
    for lijst, code, oms in rows:
        if unique.setdefault((lijst, code), oms) != oms:
            sys.exit(f"code {lijst} {code} heeft twee betekenissen")
    rows = [(lijst, code, oms) for (lijst, code), oms in unique.items()]
    with (OUT / "codelijsten.csv").open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["lijst", "code", "omschrijving"])
        writer.writerows(sorted(rows))


def cbs_jeugdhulp() -> None:
    """Per gemeente, CBS 2022 (provisional): youths with youth care in kind, trajectories
    and trajectories per referrer; % of youths in care with residential care. Counts are
    rounded by CBS to multiples of 5; '.' (suppressed) becomes empty."""
    rows = list(
        csv.DictReader(
            (SHARED / "data/cbs/cbs_jeugdzorg_in_natura_gemeenten_2022.csv").open(encoding="utf-8")
        )
    )
    verblijf: dict[str, str] = {}
    with (SHARED / "data/cbs/cbs_indicatoren_jeugdzorg_gemeenten_2022.csv").open(
        encoding="utf-8-sig"
    ) as fh:
        for r in csv.reader(fh, delimiter=";"):
            if len(r) > 3 and r[1].startswith("2022"):
                verblijf[r[0]] = r[3].replace(",", ".")
    names = {
        r["code"]: r["naam"] for r in csv.DictReader((OUT / "gemeenten.csv").open(encoding="utf-8"))
    }
    cols = {
        "jongeren": "TotaalJongerenMetJeugdzorgInNatura_1",
        "trajecten": "TotaalTrajectenInNatura_9",
        "v01_gemeente": "GemeentelijkeToegang_10",
        "v02_huisarts": "Huisarts_11",
        "v03_jeugdarts": "Jeugdarts_12",
        "v04_gi": "GecertificeerdeInstelling_13",
        "v05_specialist": "MedischSpecialist_14",
        "v08_rechter": "RechterOfficierVanJustitie_15",
        "v06_geen": "GeenVerwijzer_16",
    }
    out = []
    for r in rows:
        code = r["Wijken"].strip()
        if not code.startswith("GM") or code[2:] not in names:
            continue
        row = {"code": code[2:]}
        for key, col in cols.items():
            value = r[col].strip()
            row[key] = "" if value == "." else value
        naam = names[code[2:]]
        row["verblijf_pct"] = verblijf.get(naam, verblijf.get(r["Gemeentenaam_18"].strip(), ""))
        out.append(row)
    out.sort(key=lambda r: r["code"])
    target = ROOT / "src" / "jeugdsturing" / "berichten" / "data" / "cbs_jeugdhulp_2022.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(out[0]))
        writer.writeheader()
        writer.writerows(out)
    print(f"{len(out)} gemeenten met CBS-jeugdhulpcijfers")


if __name__ == "__main__":
    gemeenten()
    codelijsten()
    cbs_jeugdhulp()
    print("referentiedata geschreven naar", OUT)
