# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Production smoke test (CI): the set-up of docs/installatie.md on a fresh PostgreSQL
database, then a user's and a system's first steps over HTTP.

    DATABASE_URL=postgres://user:pw@127.0.0.1:5432/postgres python tools/rooktest_productie.py

Steps, each must succeed: a new database; `migrate`, `collectstatic` and a clean
`check --deploy` with DEBUG off and this installation's own keys; the demo region and its
users; gunicorn (WhiteNoise for the static files) and the job worker started as the
systemd units start them; a gemeente user logs in through the login page and opens the
monitor, and a static file comes with its hashed name and a year's cache; an API key for
the data-analist (`jeugdsturing apisleutel maak`); simulated iJw traffic uploaded as a zip
through the API, the job followed until done; the indicators read back through the API;
a backup with pg_dump restored into another database with the same contents. The
databases are removed afterwards."""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile
from pathlib import Path
from typing import NoReturn

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
WACHTWOORD = "demo-jeugdsturing"


def stap(tekst: str) -> None:
    print(f"== {tekst}", flush=True)


def fout(tekst: str) -> NoReturn:
    sys.exit(f"!! productietest: {tekst}")


def vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def uitvoeren(programma: str, *args: str, **kw: object) -> subprocess.CompletedProcess[str]:
    """A PostgreSQL client program (psql, pg_dump, pg_restore) with our own arguments."""
    pad = shutil.which(programma)
    if pad is None:
        fout(f"{programma} niet gevonden (Debian: postgresql-client)")
    return subprocess.run([pad, *args], text=True, **kw)  # type: ignore[call-overload, no-any-return]  # noqa: S603


def psql(url: str, sql: str) -> None:
    uitvoeren("psql", url, "-q", "-v", "ON_ERROR_STOP=1", "-c", sql, check=True)


def met_database(url: str, naam: str) -> str:
    deel = urllib.parse.urlsplit(url)
    return urllib.parse.urlunsplit(deel._replace(path="/" + naam))


def jeugdsturing(env: dict[str, str], *args: str, cwd: Path) -> str:
    r = subprocess.run(  # noqa: S603
        [str(BIN / "jeugdsturing"), *args], env=env, cwd=cwd, capture_output=True, text=True
    )
    if r.returncode != 0:
        fout(f"jeugdsturing {' '.join(args)}: {r.stderr[-2000:]}")
    return r.stdout


def multipart(veld: str, naam: str, data: bytes) -> tuple[bytes, str]:
    grens = uuid.uuid4().hex
    body = (
        (
            f'--{grens}\r\nContent-Disposition: form-data; name="{veld}"; filename="{naam}"\r\n'
            "Content-Type: application/zip\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{grens}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={grens}"


def api(
    basis: str, sleutel: str, pad: str, data: bytes | None = None, soort: str | None = None
) -> tuple[int, dict[str, object], dict[str, str]]:
    kop = {"Authorization": f"Bearer {sleutel}", "Accept": "application/json"}
    if soort:
        kop["Content-Type"] = soort
    req = urllib.request.Request(basis + pad, data=data, headers=kop)  # noqa: S310
    try:
        with urllib.request.urlopen(req, timeout=120) as r:  # noqa: S310
            return r.status, json.loads(r.read()), dict(r.headers)
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b"{}"), dict(e.headers)


def main() -> None:
    beheer = os.environ.get("DATABASE_URL", "")
    if not beheer.startswith("postgres"):
        fout("zet DATABASE_URL op een PostgreSQL-server (een database om vandaan te beheren)")
    naam = f"jeugdsturing_productie_{os.getpid()}"
    terug = naam + "_hersteld"
    url = met_database(beheer, naam)
    werk = Path(tempfile.mkdtemp(prefix="jeugdsturing-productie-"))
    env = {
        **os.environ,
        "DEBUG": "0",
        "DATABASE_URL": url,
        "SECRET_KEY": secrets.token_urlsafe(50),
        "PSEUDONYMISATION_KEY": secrets.token_urlsafe(48),
        "QUARANTINE_KEYS": subprocess.run(
            [
                sys.executable,
                "-c",
                "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip(),
        "ALLOWED_HOSTS": "127.0.0.1",
        "HTTPS": "0",
        "SECURE_COOKIES": "0",
        "STATIC_ROOT": str(werk / "static"),
        "UPLOAD_DIR": str(werk / "uploads"),
        "AFGELEID_DIR": str(werk / "afgeleid"),
        "KEYS_FILE": str(werk / "geen.env"),
    }
    processen: list[subprocess.Popen[bytes]] = []
    stap(f"nieuwe database {naam}")
    psql(beheer, f"CREATE DATABASE {naam}")
    try:
        stap("migrate, collectstatic, check --deploy (DEBUG uit, eigen sleutels)")
        jeugdsturing(env, "migrate", "--no-input", "-v", "0", cwd=werk)
        jeugdsturing(env, "collectstatic", "--no-input", "-v", "0", cwd=werk)
        # As installed: TLS at the proxy (docs/installatie.md). The server below is reached
        # over plain HTTP on loopback instead (HTTPS=0, cookies without Secure): the one
        # difference, since this test has no TLS proxy.
        achter_proxy = {**env, "HTTPS": "1", "TLS_PROXY": "1", "SECURE_COOKIES": "1"}
        uit = jeugdsturing(achter_proxy, "check", "--deploy", cwd=werk)
        if "no issues" not in uit:
            fout(f"check --deploy: {uit}")
        stap("demoregio en gebruikers")
        jeugdsturing(env, "demo", "load", "--force", "--geen-berichtenverkeer", cwd=werk)
        poort = vrije_poort()
        basis = f"http://127.0.0.1:{poort}"
        stap(f"gunicorn en de taakwerker op {basis}")
        processen.append(
            subprocess.Popen(  # noqa: S603
                [str(BIN / "jeugdsturing"), "db_worker", "-v", "0"],
                env=env,
                cwd=werk,
                start_new_session=True,
            )
        )
        processen.append(
            subprocess.Popen(  # noqa: S603
                [
                    str(BIN / "gunicorn"),
                    "jeugdsturing.wsgi",
                    "--bind",
                    f"127.0.0.1:{poort}",
                    "--workers",
                    "2",
                    "--timeout",
                    "120",
                ],
                env=env,
                cwd=werk,
                start_new_session=True,
            )
        )
        for _ in range(150):
            try:
                urllib.request.urlopen(basis + "/inloggen/", timeout=5).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.2)
        else:
            fout("gunicorn antwoordt niet")

        stap("een gemeente logt in over HTTP en opent de monitor")
        jar = http.cookiejar.CookieJar()
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        html = browser.open(basis + "/inloggen/", timeout=30).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        css = re.search(r'href="(/static/jeugdsturing/site\.[0-9a-f]{12}\.css)"', html)
        if token is None or css is None:
            fout("inlogpagina zonder CSRF-token of zonder gehashte stylesheet")
        gegevens = urllib.parse.urlencode(
            {"username": "gemeente", "password": WACHTWOORD, "csrfmiddlewaretoken": token.group(1)}
        ).encode()
        antwoord = browser.open(
            urllib.request.Request(  # noqa: S310
                basis + "/inloggen/", data=gegevens, headers={"Referer": basis + "/inloggen/"}
            ),
            timeout=60,
        )
        if "/inloggen/" in antwoord.geturl():
            fout("inloggen als gemeente mislukt")
        monitor = browser.open(basis + "/monitor/", timeout=60)
        if monitor.status != 200 or "Monitor" not in monitor.read().decode():
            fout("de monitor opent niet")
        stijl = urllib.request.urlopen(basis + css.group(1), timeout=30)  # noqa: S310
        if "max-age=315360000" not in stijl.headers.get("Cache-Control", ""):
            fout(f"WhiteNoise: {css.group(1)} zonder lange cache ({stijl.headers})")

        stap("API-sleutel voor de data-analist; iJw-verkeer via de API")
        sleutel = jeugdsturing(
            env, "apisleutel", "maak", "--user", "data-analist", "--naam", "rooktest", cwd=werk
        ).strip()
        map_ = werk / "verkeer"
        jeugdsturing(
            env,
            "ijw",
            "simulate",
            "--region",
            "JZ13",
            "--from",
            "2026-01-01",
            "--to",
            "2026-06-30",
            "--scale",
            "0.01",
            "--out",
            str(map_),
            cwd=werk,
        )
        bundel = werk / "verkeer.zip"
        with zipfile.ZipFile(bundel, "w") as z:
            for binnen in sorted(map_.glob("*.zip")):
                with zipfile.ZipFile(binnen) as b:
                    for lid in b.namelist():
                        z.writestr(f"{binnen.stem}/{lid}", b.read(lid))
        body, soort = multipart("bestanden", "verkeer.zip", bundel.read_bytes())
        status, run, kop = api(basis, sleutel, "/api/v1/importen", body, soort)
        if status != 202:
            fout(f"upload: {status} {run}")
        plek = kop["Location"].removeprefix(basis)
        for _ in range(600):
            status, run, _ = api(basis, sleutel, plek)
            if run.get("status") in ("voltooid", "afgebroken"):
                break
            time.sleep(0.5)
        print(
            f"   import: {run.get('status')}, {run.get('geaccepteerd')} berichten, "
            f"{run.get('afgekeurd')} afgekeurd",
            flush=True,
        )
        if run.get("status") != "voltooid" or not run.get("geaccepteerd") or run.get("afgekeurd"):
            fout(f"de import via de taakwerker: {run}")

        stap("de indicatoren via de API")
        status, ind, _ = api(
            basis,
            sleutel,
            "/api/v1/indicatoren?van=2026-01-01&tot=2026-06-30&by=gemeente&pageSize=1000",
        )
        rijen = ind.get("resultaten", []) if status == 200 else []
        in_zorg = sum(r["waarde"] or 0 for r in rijen if r["indicator"] == "clienten_in_zorg")  # type: ignore[index,union-attr]
        print(f"   {len(rijen)} rijen, {in_zorg} cliënten in zorg", flush=True)
        if not in_zorg:
            fout(f"geen indicatoren: {status} {str(ind)[:500]}")

        stap("back-up met pg_dump, hersteld in een nieuwe database")
        dump = werk / "jeugdsturing.dump"
        uitvoeren("pg_dump", "-Fc", "-f", str(dump), url, check=True)
        psql(beheer, f"CREATE DATABASE {terug}")
        uitvoeren(
            "pg_restore", "--no-owner", "-d", met_database(beheer, terug), str(dump), check=True
        )
        tel = (
            "select (select count(*) from berichten_bericht), "
            "(select count(*) from berichten_traject), (select count(*) from auth_user)"
        )
        tellingen = [
            uitvoeren("psql", u, "-tA", "-c", tel, capture_output=True, check=True).stdout.strip()
            for u in (url, met_database(beheer, terug))
        ]
        print(f"   berichten|trajecten|gebruikers: {tellingen[0]} -> {tellingen[1]}", flush=True)
        if tellingen[0] != tellingen[1]:
            fout("het herstel verschilt van het origineel")
        jeugdsturing(
            {**env, "DATABASE_URL": met_database(beheer, terug)}, "migrate", "--check", cwd=werk
        )
        stap("productietest geslaagd")
    finally:
        for p in processen:
            try:
                os.killpg(p.pid, signal.SIGTERM)
                p.wait(timeout=30)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(p.pid, signal.SIGKILL)
        for db in (terug, naam):
            uitvoeren("psql", beheer, "-q", "-c", f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        shutil.rmtree(werk, ignore_errors=True)


if __name__ == "__main__":
    main()
