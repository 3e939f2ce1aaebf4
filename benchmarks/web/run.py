# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Load benchmark (issues 27 and 26): the pages and API calls the team, a gemeente and a
provider use most, under concurrent users, served as in production (gunicorn, several
worker processes, WhiteNoise, DEBUG off) or, for comparison, by `runserver`.

    python benchmarks/web/run.py [--db var/jeugdsturing.sqlite3 | --database-url postgres://...]
                                 [--server gunicorn|runserver] [--workers 4]
                                 [--gebruikers 1,5,20] [--seconden 60]

With --db a copy of that SQLite database is used; with --database-url that database
itself (PostgreSQL: load it first with `DEBUG=1 jeugdsturing demo load`). Each simulated
user is a contractmanager, a gemeente or a provider in turn, with its own logged-in
session (made in the database beforehand, with the second factor given: logging in is
not what is measured) and its role's API key; it asks its pages and API calls one after
the other without pause, for the given seconds per level, each request on a new
connection. Reference, measured in the same run at the same concurrency: the login page
(no data: what the server, the middleware and a template cost). Printed per level and
page: p50, p95, max (ms), errors, and the ratio of the page's p95 to the reference's;
the throughput; the load average before the level. docs/performance.md records the
results. Not a test: timings depend on the machine."""

from __future__ import annotations

import argparse
import json
import os
import platform
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGINAS = [
    ("start", "/"),
    ("monitor", "/monitor/"),
    ("monitor per aanbieder, jaar 2027", "/monitor/?by=aanbieder&van=2027-01-01&tot=2027-12-31"),
    ("contracten", "/contracten/"),
    ("realisatie", "/contracten/realisatie/?jaar=2027&maand=10"),
    ("verwerving", "/verwerving/"),
    ("sturing", "/sturing/"),
    (
        "API indicatoren per gemeente",
        "/api/v1/indicatoren?van=2027-01-01&tot=2027-12-31&by=gemeente",
    ),
    ("API overeenkomsten", "/api/v1/overeenkomsten"),
    ("API lumpsums 2027", "/api/v1/lumpsums?jaar=2027"),
    ("API realisatie 2027", "/api/v1/realisatie?jaar=2027"),
    ("API pakketten", "/api/v1/pakketten"),
]
REFERENTIE = ("inlogpagina (referentie)", "/inloggen/")
ROLLEN = ["contractmanager", "gemeente", "aanbieder"]

# Run in the server's environment: a logged-in session per simulated user (second factor
# given) and one API key per role, printed as JSON.
INLOGGEN = """
import json, sys
import django
django.setup()
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.models import User
from django.contrib.sessions.backends.db import SessionStore
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice
from jeugdsturing.gebruikers.models import ApiSleutel
from jeugdsturing.gebruikers.services import api_sleutel_maak
uit = {"sessies": [], "sleutels": {}}
for i in range(int(sys.argv[1])):
    rol = sys.argv[2 + i % (len(sys.argv) - 2)]
    u = User.objects.get(username=rol)
    d = TOTPDevice.objects.filter(user=u, confirmed=True).first() or TOTPDevice.objects.create(
        user=u, name="benchmark", confirmed=True)
    s = SessionStore()
    s[SESSION_KEY] = str(u.pk)
    s[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    s[HASH_SESSION_KEY] = u.get_session_auth_hash()
    s[DEVICE_ID_SESSION_KEY] = d.persistent_id
    s.create()
    uit["sessies"].append([rol, s.session_key])
    if rol not in uit["sleutels"]:
        ApiSleutel.objects.filter(user=u, naam="benchmark").delete()
        uit["sleutels"][rol] = api_sleutel_maak(gebruiker=u, naam="benchmark")[1]
print(json.dumps(uit))
"""


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def vraag(url: str, kop: dict[str, str]) -> tuple[float, bool]:
    start = time.perf_counter()
    try:
        req = urllib.request.Request(url, headers=kop)  # noqa: S310 (http on loopback)
        with urllib.request.urlopen(req, timeout=120) as r:  # noqa: S310
            r.read()
            # a redirect to the login or code page is a failure, except for the login page
            naar = r.geturl()
            ok = r.status == 200 and (
                url.endswith("/inloggen/")
                or ("/inloggen/" not in naar and "/tweede-factor/" not in naar)
            )
    except Exception:  # every failure counts as an error of the page
        ok = False
    return (time.perf_counter() - start) * 1000, ok


def _kop(pad: str, sessie: str, sleutel: str) -> dict[str, str]:
    if pad == REFERENTIE[1]:
        return {}
    if pad.startswith("/api/"):
        return {"Authorization": f"Bearer {sleutel}", "Accept": "application/json"}
    return {"Cookie": f"sessionid={sessie}"}


def niveau(
    basis: str, gebruikers: int, seconden: float, toegang: dict[str, object]
) -> dict[str, object]:
    tijden: dict[str, list[float]] = {naam: [] for naam, _ in [*PAGINAS, REFERENTIE]}
    fouten: dict[str, int] = dict.fromkeys(tijden, 0)
    slot = threading.Lock()
    sessies: list[list[str]] = toegang["sessies"]  # type: ignore[assignment]
    sleutels: dict[str, str] = toegang["sleutels"]  # type: ignore[assignment]
    wie = [(rol, sessie, sleutels[rol]) for rol, sessie in sessies[:gebruikers]]
    # Warm (every worker has read the data once), and each user keeps the pages its role
    # may open (a gemeente has no tender pages: a refusal is not a measurement).
    rondes = []
    for _, sessie, sleutel in wie:
        mag = [(n, p) for n, p in PAGINAS if vraag(basis + p, _kop(p, sessie, sleutel))[1]]
        rondes.append([*mag, REFERENTIE])
    eind = time.perf_counter() + seconden

    def gebruiker(i: int) -> None:
        k = i
        _, sessie, sleutel = wie[i]
        while time.perf_counter() < eind:
            naam, pad = rondes[i][k % len(rondes[i])]
            ms, ok = vraag(basis + pad, _kop(pad, sessie, sleutel))
            with slot:
                tijden[naam].append(ms)
                fouten[naam] += not ok
            k += 1

    load = os.getloadavg()[0]
    start = time.perf_counter()
    threads = [threading.Thread(target=gebruiker, args=(i,)) for i in range(len(wie))]
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
    regels = [f"{uit['machine']}, {uit['server']}, {uit['database']}, "
              f"{uit['seconden']} s per niveau", "",
              kop + " |", "|---" * (len(niveaus) + 1) + "|"]  # fmt: skip
    for naam, _ in [*PAGINAS, REFERENTIE]:
        cellen = []
        for n in niveaus:
            p = n["paginas"][naam]  # type: ignore[index]
            fout = f" ({p['fouten']} fouten)" if p["fouten"] else ""
            cellen.append(f"{p['p50_ms']} / {p['p95_ms']}{fout}" if p["n"] else "-")
        regels.append(f"| {naam} | " + " | ".join(cellen) + " |")
    regels.append("| verzoeken per seconde | " + " | ".join(
        f"{n['verzoeken_per_seconde']} (belasting vooraf {n['belasting_vooraf']})" for n in niveaus
    ) + " |")  # fmt: skip
    return "\n".join(regels)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--db", type=Path, default=ROOT / "var" / "jeugdsturing.sqlite3")
    ap.add_argument("--database-url", help="PostgreSQL (gebruikt zoals hij is, geen kopie)")
    ap.add_argument("--server", choices=["gunicorn", "runserver"], default="gunicorn")
    ap.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    ap.add_argument("--gebruikers", default="1,5,20")
    ap.add_argument("--seconden", type=float, default=60)
    ap.add_argument("--format", choices=["tabel", "json"], default="tabel")
    args = ap.parse_args()
    werkmap = Path(tempfile.mkdtemp(prefix="jeugdsturing-web-"))
    if args.database_url:
        database_url, database = args.database_url, "PostgreSQL"
    else:
        if not args.db.exists():
            sys.exit(f"{args.db}: geen database; draai eerst make demo")
        kopie = werkmap / "db.sqlite3"
        shutil.copy(args.db, kopie)
        database_url, database = f"sqlite:///{kopie}", "SQLite"
    poort = vrije_poort()
    basis = f"http://127.0.0.1:{poort}"
    fernet = subprocess.run(
        [sys.executable, "-c",
         "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    env = {
        **os.environ, "DATABASE_URL": database_url, "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50), "PSEUDONYMISATION_KEY": secrets.token_urlsafe(48),
        "QUARANTINE_KEYS": fernet, "KEYS_FILE": str(werkmap / "geen.env"),
        "ALLOWED_HOSTS": "127.0.0.1", "SECURE_COOKIES": "0", "HTTPS": "0",
        "STATIC_ROOT": str(werkmap / "static"), "AFGELEID_DIR": str(werkmap / "afgeleid"),
        "PYTHONPATH": str(ROOT / "src"), "DJANGO_SETTINGS_MODULE": "jeugdsturing.settings",
    }  # fmt: skip
    jeugdsturing = [sys.executable, "-m", "jeugdsturing"]
    subprocess.run([*jeugdsturing, "collectstatic", "--no-input", "-v", "0"],  # noqa: S603
                   env=env, cwd=werkmap, check=True)  # fmt: skip
    hoogste = max(int(n) for n in args.gebruikers.split(","))
    toegang = json.loads(subprocess.run(  # noqa: S603
        [sys.executable, "-c", INLOGGEN, str(hoogste), *ROLLEN],
        env=env, cwd=werkmap, capture_output=True, text=True, check=True,
    ).stdout)  # fmt: skip
    if args.server == "gunicorn":
        opdracht = [sys.executable, "-m", "gunicorn", "jeugdsturing.wsgi", "-b",
                    f"127.0.0.1:{poort}", "-w", str(args.workers), "--timeout", "120",
                    "--log-level", "warning"]  # fmt: skip
        server_naam = f"gunicorn met {args.workers} werkprocessen"
    else:
        opdracht = [*jeugdsturing, "runserver", f"127.0.0.1:{poort}", "--noreload"]
        server_naam = "runserver (één proces, threads)"
    server = subprocess.Popen(  # noqa: S603
        opdracht, env=env, cwd=werkmap, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for _ in range(150):
            try:
                urllib.request.urlopen(basis + "/inloggen/", timeout=5).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        uit = {
            "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python "
            f"{platform.python_version()}", "server": server_naam, "database": database,
            "seconden": args.seconden,
            "niveaus": [niveau(basis, int(n), args.seconden, toegang)
                        for n in args.gebruikers.split(",")],
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
