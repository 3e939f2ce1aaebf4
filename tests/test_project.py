# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Project-level promises: two set-up commands, documented settings, safe defaults, CLI."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from jeugdsturing import env
from jeugdsturing.web.management.commands.settingsdoc import render
from tests.conftest import DEMO_PASSWORD, ROOT, login


def test_readme_setup_section_has_exactly_two_commands_make_demo_and_make_test():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("## Installeren en starten") : readme.index("## Daarna")]
    blocks = re.findall(r"```sh\n(.*?)```", setup, flags=re.S)
    commands = [line for block in blocks for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    assert readme.index("## Installeren en starten") < readme.index("## Daarna")
    assert readme.count("## ") == 2  # nothing comes before the set-up section


def test_makefile_runs_every_check():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    test_target = makefile[makefile.index("\ntest:") :].split("\n\n")[0]
    for check in ("ruff format --check", "ruff check", "mypy", "pytest"):
        assert check in test_target
    demo_target = makefile[makefile.index("\ndemo:") :].split("\n\n")[0]
    for step in ("migrate", "demo load", "runserver $(HOST)"):
        assert step in demo_target
    assert "HOST   ?= 127.0.0.1:8000" in makefile


def test_configuration_page_is_generated_from_the_declarations():
    page = (ROOT / "docs" / "configuratie.md").read_text(encoding="utf-8")
    assert page == render(), "draai: jeugdsturing settingsdoc > docs/configuratie.md"
    for s in env.SETTINGS:
        assert f"`{s.name}`" in page


def test_every_env_read_in_settings_is_declared():
    source = (ROOT / "src" / "jeugdsturing" / "settings.py").read_text(encoding="utf-8")
    used = set(re.findall(r'env\.get(?:_bool|_list)?\("([A-Z_]+)"\)', source))
    assert used
    assert used <= set(env.BY_NAME)
    assert "os.environ" not in source


def test_safe_defaults():
    assert settings.DEBUG is False
    assert settings.SESSION_COOKIE_SECURE is True
    assert settings.CSRF_COOKIE_SECURE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True
    assert "*" not in settings.ALLOWED_HOSTS
    # CORS only for the origins an installation names, only under /api/, no cookies
    assert settings.CORS_ALLOWED_ORIGINS == []
    assert settings.CORS_URLS_REGEX == r"^/api/.*$"
    assert settings.CORS_ALLOW_CREDENTIALS is False
    assert settings.DATABASES["default"]["ENGINE"] in {
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    }


@pytest.mark.django_db
def test_security_headers_on_pages():
    c = login("beleid", DEMO_PASSWORD)
    response = c.get("/", HTTP_ORIGIN="https://evil.example")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "Access-Control-Allow-Origin" not in response


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("ja", True), ("0", False), ("off", False), ("", None)]
)
def test_boolean_settings(monkeypatch, value, expected):
    monkeypatch.setenv("DEBUG", value)
    assert env.get_bool("DEBUG") is expected


def test_a_bad_boolean_is_named(monkeypatch):
    monkeypatch.setenv("DEBUG", "misschien")
    with pytest.raises(ValueError, match="DEBUG: 'misschien' is geen geldige ja/nee-waarde"):
        env.get_bool("DEBUG")


def _python(code: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in {"SECRET_KEY", "PSEUDONYMISATION_KEY", "QUARANTINE_KEYS", "DEBUG"}
    }
    geen_bestand = {"KEYS_FILE": "var/bestaat-niet.env"}  # not a developer's own keys file
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        env={**clean, **geen_bestand, **extra_env},
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=120,
    )


FERNET = "0" * 43 + "="  # a well-formed Fernet key for the subprocess tests
EIGEN = {"SECRET_KEY": "a" * 50, "PSEUDONYMISATION_KEY": "b" * 50, "QUARANTINE_KEYS": FERNET}


def test_server_refuses_development_keys_without_debug():
    result = _python("import jeugdsturing.wsgi")
    assert result.returncode != 0
    assert "Zet SECRET_KEY, PSEUDONYMISATION_KEY en QUARANTINE_KEYS op een eigen waarde" in (
        result.stderr
    )
    ok = _python("import jeugdsturing.wsgi", **EIGEN)
    assert ok.returncode == 0, ok.stderr
    dev = _python("import jeugdsturing.wsgi", DEBUG="1")
    assert dev.returncode == 0, dev.stderr


@pytest.mark.parametrize("naam", ["SECRET_KEY", "PSEUDONYMISATION_KEY", "QUARANTINE_KEYS"])
def test_a_published_development_value_set_explicitly_is_refused(naam):
    publiek = {
        "SECRET_KEY": env.INSECURE_DEFAULT,
        "PSEUDONYMISATION_KEY": env.INSECURE_DEFAULT + "-pseudoniem",
        "QUARANTINE_KEYS": f"{FERNET}, {env.INSECURE_DEFAULT}",
    }[naam]
    result = _python("import jeugdsturing.wsgi", **(EIGEN | {naam: publiek}))
    assert result.returncode != 0
    assert f"Zet {naam} op een eigen waarde" in result.stderr
    check = _python(
        "from jeugdsturing.cli import main; main(['check', '--deploy'])",
        **(EIGEN | {naam: publiek}),
    )
    assert f"{naam} heeft de ontwikkelwaarde" in check.stderr


def test_the_cli_refuses_development_keys_unless_demo():
    code = "from jeugdsturing.cli import main; main(['reference', 'load', '--help'])"
    geweigerd = _python(code, DEBUG="1")
    assert geweigerd.returncode == 2
    assert "Geweigerd: SECRET_KEY, PSEUDONYMISATION_KEY, QUARANTINE_KEYS" in geweigerd.stderr
    assert "jeugdsturing sleutels maak" in geweigerd.stderr
    demo = _python(code.replace("'--help'", "'--help', '--demo'"), DEBUG="1")
    assert demo.returncode == 0, demo.stderr
    eigen = _python(code, **EIGEN)
    assert eigen.returncode == 0, eigen.stderr


def test_sleutels_maak_writes_a_private_keys_file_that_the_settings_read(tmp_path: Path):
    bestand = tmp_path / "var" / "sleutels.env"
    maak = _python(
        "from jeugdsturing.cli import main; main(['sleutels', 'maak'])", KEYS_FILE=str(bestand)
    )
    assert maak.returncode == 0, maak.stderr
    assert bestand.stat().st_mode & 0o777 == 0o600
    inhoud = dict(regel.split("=", 1) for regel in bestand.read_text().splitlines() if "=" in regel)
    assert set(inhoud) == {"SECRET_KEY", "PSEUDONYMISATION_KEY", "QUARANTINE_KEYS"}
    assert len(set(inhoud.values())) == 3
    lees = "from django.conf import settings as s; import django; print(s.PSEUDONYMISATION_KEY, s.INSECURE_KEYS)"
    uit = _python(f"import os; os.environ['DJANGO_SETTINGS_MODULE']='jeugdsturing.settings'; {lees}",
                  KEYS_FILE=str(bestand))  # fmt: skip
    assert uit.stdout.split()[0] == inhoud["PSEUDONYMISATION_KEY"]
    assert uit.stdout.strip().endswith("[]")
    # the environment wins over the file; a second run keeps the keys
    uit = _python(f"import os; os.environ['DJANGO_SETTINGS_MODULE']='jeugdsturing.settings'; {lees}",
                  KEYS_FILE=str(bestand), PSEUDONYMISATION_KEY="c" * 50)  # fmt: skip
    assert uit.stdout.split()[0] == "c" * 50
    opnieuw = _python(
        "from jeugdsturing.cli import main; main(['sleutels', 'maak'])", KEYS_FILE=str(bestand)
    )
    assert "bestaat al" in opnieuw.stdout
    assert bestand.read_text().count("SECRET_KEY=" + inhoud["SECRET_KEY"]) == 1
    bestand.chmod(0o644)
    open_ = _python(
        "from jeugdsturing.cli import main; main(['sleutels', 'maak'])", KEYS_FILE=str(bestand)
    )
    assert "chmod 600" in open_.stderr


def test_same_key_twice_is_refused():
    result = _python(
        "import jeugdsturing.settings", SECRET_KEY="x" * 50, PSEUDONYMISATION_KEY="x" * 50
    )
    assert result.returncode != 0
    assert "PSEUDONYMISATION_KEY moet verschillen van SECRET_KEY" in result.stderr


def test_console_script_lists_the_project_commands():
    result = _python("from jeugdsturing.cli import main; main(['help'])")
    assert result.returncode == 0, result.stderr
    for command in ("reference", "region", "demo", "settingsdoc", "migrate", "runserver"):
        assert command in result.stdout


def test_deploy_check_names_the_development_keys():
    result = _python("from jeugdsturing.cli import main; main(['check', '--deploy'])")
    assert result.returncode != 0
    assert "jeugdsturing.E001" in result.stderr
    assert "SECRET_KEY heeft de ontwikkelwaarde (openbaar in de broncode)" in result.stderr


def test_deploy_check_is_clean_with_own_keys_once_the_static_files_are_collected(tmp_path):
    from django.core.management.utils import get_random_secret_key

    # a key as `jeugdsturing sleutels maak` makes it (Django wants 50 varied characters)
    statisch = {**EIGEN, "SECRET_KEY": get_random_secret_key(),
                "STATIC_ROOT": str(tmp_path / "static")}  # fmt: skip
    check = "from jeugdsturing.cli import main; main(['check', '--deploy'])"
    voor = _python(check, **statisch)
    assert voor.returncode != 0
    assert "jeugdsturing.E002" in voor.stderr
    assert "collectstatic" in voor.stderr
    verzameld = _python(
        "from jeugdsturing.cli import main; main(['collectstatic', '--no-input', '-v', '0'])",
        **statisch,
    )
    assert verzameld.returncode == 0, verzameld.stderr
    na = _python(check, **statisch)
    assert na.returncode == 0, na.stderr
    assert "System check identified no issues" in na.stdout


def test_demo_load_is_refused_without_debug():
    with pytest.raises(CommandError, match="alleen met DEBUG=1"):
        call_command("demo", "load")


@pytest.mark.django_db
def test_region_configure_reports_the_file_and_key(tmp_path: Path):
    bad = tmp_path / "regio.toml"
    bad.write_text('code = "X1"\nnaam = "Proef"\ngemeenten = ["0363", "9999"]\n', encoding="utf-8")
    with pytest.raises(
        CommandError, match=r"regio\.toml: gemeenten: onbekende gemeentecode\(s\) 9999"
    ):
        call_command("region", "configure", str(bad))
    broken = tmp_path / "kapot.toml"
    broken.write_text("code = ", encoding="utf-8")
    with pytest.raises(CommandError, match=r"kapot\.toml: \(bestand\): geen geldige TOML"):
        call_command("region", "configure", str(broken))


@pytest.mark.django_db
def test_region_configure_a_new_region_and_list_it(tmp_path: Path, capsys):
    path = tmp_path / "hr.toml"
    path.write_text(
        'code = "HR"\nnaam = "Holland Rijnland (proef)"\njeugdregios = ["JZ18"]\n'
        'gemeenten = ["0546", "0626"]\n'
        '[[gebieden]]\ncode = "L"\nnaam = "Leiden"\ngemeenten = ["0546"]\n'
        '[[gebieden]]\ncode = "V"\nnaam = "Voorschoten"\ngemeenten = ["0626"]\n',
        encoding="utf-8",
    )
    call_command("region", "configure", str(path))
    call_command("region", "list")
    out = capsys.readouterr().out
    assert "HR Holland Rijnland (proef): gebieden nieuw: 2, regio nieuw: 1" in out
    assert "Leiden, Voorschoten" in out


@pytest.mark.django_db
@pytest.mark.slow
def test_demo_load_imports_simulated_traffic_for_the_demo_region(
    tmp_path: Path, monkeypatch, capsys
):
    from jeugdsturing.berichten import models as m

    monkeypatch.chdir(tmp_path)  # the simulated files go under ./var
    call_command("demo", "load", "--force", "--schaal", "0.003")
    out = capsys.readouterr().out
    assert "Berichtenverkeer inlezen" in out
    assert m.Bericht.objects.count() > 500
    assert m.Traject.objects.filter(gemeente__in=["0363", "0362"]).exists()
    assert list(tmp_path.glob("var/demo-ijw-JZ13-*/*.zip"))
    # The steering cycle: June packs sent, one dialogue with agreements, October packs
    # that carry them.
    from jeugdsturing.sturing.models import Overleg, Pakketversie, Stuurafspraak

    assert "pakketten juni 2027 verzonden" in out
    assert Overleg.objects.count() == 1
    assert Stuurafspraak.objects.count() == 3
    oktober = Pakketversie.objects.get(
        pakket__moment="2027-10-01", pakket__aanbieder__naam="Amstelzorg"
    )
    assert oktober.status == "verzonden"
    meegenomen = [a["omschrijving"] for e in oktober.inhoud_gedeeld["elementen"]
                  for a in e["afspraken"]]  # fmt: skip
    assert len(meegenomen) == 3
    # The transition to the demo tender's contracts: planned by rules, one plan
    # withdrawn, the budget reserved, the first quarter of 2028 imported and followed.
    from jeugdsturing.continuiteit.models import GevalStatus, Transitie
    from jeugdsturing.contracten.models import Continuiteitsbudget

    t = Transitie.objects.get()
    assert t.gevallen.filter(status=GevalStatus.ZONDER_PLAN).count() == 1
    assert t.gevallen.filter(status=GevalStatus.AFGEROND).exists()
    assert t.gevallen.filter(volgstand="onderbreking", tussen_dagen=25).count() == 1
    assert Continuiteitsbudget.objects.filter(jaar=2028, bedrag_eurocent__gt=0).exists()
    assert "0 berichten 2028 afgekeurd" in out
    # Idempotent: a second run imports nothing new.
    before = m.Bericht.objects.count()
    call_command("demo", "load", "--force", "--schaal", "0.003")
    assert m.Bericht.objects.count() == before
    assert "0 berichten ingelezen" in capsys.readouterr().out
    assert Stuurafspraak.objects.count() == 3


@pytest.mark.django_db
def test_every_model_change_has_its_migration():
    uit = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=uit)
    except SystemExit as e:  # makemigrations --check exits 1 when a migration is missing
        raise AssertionError(f"ontbrekende migratie:\n{uit.getvalue()}") from e
