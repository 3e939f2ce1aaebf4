# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Load benchmark (issue 27): the pages the team, a gemeente and a provider open most,
under 1, 5 and 20 concurrent users, served as in production (gunicorn, several worker
processes, DEBUG off) from a copy of the demo database.

    python benchmarks/web/run.py [--db var/jeugdsturing.sqlite3] [--workers 4]
                                 [--gebruikers 1,5,20] [--seconden 60]

Each simulated user logs in (contractmanager, gemeente, aanbieder in turn), then asks the
pages one after the other without pause, for the given seconds per level; each request on
a new connection. Reference, measured in the same run at the same concurrency: the login
page (no data: what the server, the middleware and a template cost). Printed per level and
page: p50, p95, max (ms), errors, and the ratio of the page's p95 to the reference's; the
throughput; the load average before the level. docs/performance.md records the results.
Not a test: timings depend on the machine."""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGINAS = [
    ("start", "/"),
    ("monitor", "/monitor/"),
    ("monitor per aanbieder", "/monitor/?by=aanbieder&van=2027-01-01&tot=2027-12-31"),
    ("contracten", "/contracten/"),
    ("realisatie", "/contracten/realisatie/?jaar=2027&maand=10"),
    ("verwerving", "/verwerving/"),
    ("sturing", "/sturing/"),
]
REFERENTIE = ("inlogpagina (referentie)", "/inloggen/")
ROLLEN = ["contractmanager", "gemeente", "aanbieder"]
WACHTWOORD = "demo-jeugdsturing"


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def client(basis: str, gebruiker: str | None) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    if gebruiker is None:
        return opener
    html = opener.open(basis + "/inloggen/", timeout=60).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    if token is None:
        sys.exit("geen CSRF-token op de inlogpagina")
    data = urllib.parse.urlencode({"username": gebruiker, "password": WACHTWOORD,
                                   "csrfmiddlewaretoken": token.group(1)}).encode()  # fmt: skip
    req = urllib.request.Request(basis + "/inloggen/", data=data,  # noqa: S310 (http only)
                                 headers={"Referer": basis + "/inloggen/"})  # fmt: skip
    antwoord = opener.open(req, timeout=60)
    if "/inloggen/" in antwoord.geturl():
        sys.exit(f"inloggen als {gebruiker} mislukt")
    return opener


def vraag(opener: urllib.request.OpenerDirector, url: str) -> tuple[float, bool]:
    start = time.perf_counter()
    try:
        with opener.open(url, timeout=120) as r:
            r.read()
            ok = r.status == 200 and ("/inloggen/" not in r.geturl() or url.endswith("/inloggen/"))
    except Exception:  # every failure counts as an error of the page
        ok = False
    return (time.perf_counter() - start) * 1000, ok


def niveau(basis: str, gebruikers: int, seconden: float) -> dict[str, object]:
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in [*PAGINAS, REFERENTIE]}
    fouten: dict[str, int] = dict.fromkeys(tijden, 0)
    slot = threading.Lock()
    openers = [client(basis, ROLLEN[i % len(ROLLEN)]) for i in range(gebruikers)]
    anoniem = [client(basis, None) for _ in range(gebruikers)]
    # Warm (every worker has read the data once), and each user keeps the pages its role
    # may open (a gemeente has no tender pages: a refusal is not a measurement).
    rondes = []
    for o in openers:
        rondes.append([(n, p) for n, p in PAGINAS if vraag(o, basis + p)[1]] + [REFERENTIE])
    eind = time.perf_counter() + seconden

    def gebruiker(i: int) -> None:
        k = i
        while time.perf_counter() < eind:
            naam, pad = rondes[i][k % len(rondes[i])]
            o = anoniem[i] if pad == REFERENTIE[1] else openers[i]
            ms, ok = vraag(o, basis + pad)
            with slot:
                tijden[naam].append(ms)
                fouten[naam] += not ok
            k += 1

    load = os.getloadavg()[0]
    start = time.perf_counter()
    threads = [threading.Thread(target=gebruiker, args=(i,)) for i in range(gebruikers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    duur = time.perf_counter() - start
    ref95 = _p(tijden[REFERENTIE[0]], 95)
    paginas = {}
    for naam, ts in tijden.items():
        paginas[naam] = {
            "n": len(ts), "p50_ms": round(_p(ts, 50)), "p95_ms": round(_p(ts, 95)),
            "max_ms": round(max(ts, default=0)), "fouten": fouten[naam],
            "p95_tegen_referentie": round(_p(ts, 95) / ref95, 1) if ref95 else None,
        }  # fmt: skip
    totaal = sum(len(ts) for ts in tijden.values())
    return {"gebruikers": gebruikers, "belasting_vooraf": round(load, 2),
            "verzoeken_per_seconde": round(totaal / duur, 1), "paginas": paginas}  # fmt: skip


def _p(ts: list[float], p: int) -> float:
    if not ts:
        return 0.0
    if len(ts) == 1:
        return ts[0]
    return statistics.quantiles(ts, n=100, method="inclusive")[p - 1]


def tabel(uit: dict[str, object]) -> str:
    """A Markdown table: per page p50 / p95 ms at each level, errors, throughput."""
    niveaus: list[dict[str, object]] = uit["niveaus"]  # type: ignore[assignment]
    kop = "| pagina | " + " | ".join(f"{n['gebruikers']} gebr. p50 / p95 ms" for n in niveaus)
    regels = [f"{uit['machine']}, {uit['workers']} workers, {uit['seconden']} s per niveau", "",
              kop + " |", "|---" * (len(niveaus) + 1) + "|"]  # fmt: skip
    for naam, _ in [*PAGINAS, REFERENTIE]:
        cellen = []
        for n in niveaus:
            p = n["paginas"][naam]  # type: ignore[index]
            fout = f" ({p['fouten']} fouten)" if p["fouten"] else ""
            cellen.append(f"{p['p50_ms']} / {p['p95_ms']}{fout}")
        regels.append(f"| {naam} | " + " | ".join(cellen) + " |")
    regels.append("| verzoeken per seconde | " + " | ".join(
        f"{n['verzoeken_per_seconde']} (belasting vooraf {n['belasting_vooraf']})" for n in niveaus
    ) + " |")  # fmt: skip
    return "\n".join(regels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--db", type=Path, default=ROOT / "var" / "jeugdsturing.sqlite3")
    ap.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    ap.add_argument("--gebruikers", default="1,5,20")
    ap.add_argument("--seconden", type=float, default=60)
    ap.add_argument("--format", choices=["tabel", "json"], default="tabel")
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: geen database; draai eerst make demo")
    werkmap = Path(tempfile.mkdtemp(prefix="jeugdsturing-web-"))
    kopie = werkmap / "db.sqlite3"
    shutil.copy(args.db, kopie)
    poort = vrije_poort()
    basis = f"http://127.0.0.1:{poort}"
    env = {
        **os.environ, "DATABASE_URL": f"sqlite:///{kopie}", "DEBUG": "0",
        "SECRET_KEY": "benchmark-" + "x" * 50, "PSEUDONYMISATION_KEY": "b" * 64,
        "ALLOWED_HOSTS": "127.0.0.1", "SECURE_COOKIES": "0", "PYTHONPATH": str(ROOT / "src"),
    }  # fmt: skip
    server = subprocess.Popen(  # noqa: S603
        [sys.executable, "-m", "gunicorn", "jeugdsturing.wsgi", "-b", f"127.0.0.1:{poort}",
         "-w", str(args.workers), "--timeout", "120", "--log-level", "warning"],
        env=env, cwd=werkmap, start_new_session=True,
    )  # fmt: skip
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(basis + "/inloggen/", timeout=5).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        uit = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}", "workers": args.workers, "seconden": args.seconden,
            "niveaus": [niveau(basis, int(n), args.seconden) for n in args.gebruikers.split(",")],
        }  # fmt: skip
        print(
            json.dumps(uit, ensure_ascii=False, indent=1) if args.format == "json" else tabel(uit)
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        shutil.rmtree(werkmap, ignore_errors=True)


if __name__ == "__main__":
    main()
