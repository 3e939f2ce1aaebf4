# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Environment variables the project reads, declared once with default and help text.

settings.py reads every variable through :data:`SETTINGS`; docs/configuratie.md is
checked against the same declarations by a test, so the documentation cannot drift.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path.cwd()


@dataclass(frozen=True)
class EnvSetting:
    name: str
    default: str
    help: str
    secret: bool = False

    def read(self) -> str:
        if self.name in os.environ:
            return os.environ[self.name]
        return _sleutelbestand().get(self.name, self.default)


_INSECURE = "onveilig-alleen-voor-ontwikkeling"

SETTINGS: tuple[EnvSetting, ...] = (
    EnvSetting(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'var' / 'jeugdsturing.sqlite3'}",
        "Database as a URL. Default: an SQLite file under ./var/. "
        "PostgreSQL: postgres://user:password@host:5432/name.",
    ),
    EnvSetting(
        "SECRET_KEY",
        _INSECURE,
        "Django secret key (sessions, CSRF). Required when DEBUG is off.",
        secret=True,
    ),
    EnvSetting(
        "PSEUDONYMISATION_KEY",
        _INSECURE + "-pseudoniem",
        "Key of the HMAC-SHA256 that turns a BSN into a pseudonym. Separate from "
        "SECRET_KEY so one can be rotated without the other. Required when DEBUG is off.",
        secret=True,
    ),
    EnvSetting(
        "QUARANTINE_KEYS",
        "",
        "Comma-separated Fernet keys (`jeugdsturing sleutels maak` makes one) that encrypt "
        "quarantined input, newest first: new files get the first, every key is tried to "
        "read. Rotate: put a new key first, run `jeugdsturing ijw rekey`, then drop the "
        "old key. Required when DEBUG is off; in development "
        "a key derived from SECRET_KEY is used.",
        secret=True,
    ),
    EnvSetting(
        "KEYS_FILE",
        "var/sleutels.env",
        "File with per-install keys (NAME=value lines, mode 0600) that `jeugdsturing "
        "sleutels maak` writes and `make demo` makes on first run; a variable set in the "
        "environment wins over the file. Relative to the directory the command starts in.",
    ),
    EnvSetting("DEBUG", "0", "1 turns on debug pages; only the dev command (make demo) sets it."),
    EnvSetting(
        "ALLOWED_HOSTS",
        "127.0.0.1,localhost",
        "Comma-separated host names the site answers to.",
    ),
    EnvSetting(
        "CSRF_TRUSTED_ORIGINS",
        "",
        "Comma-separated origins (https://host) trusted for CSRF behind a proxy.",
    ),
    EnvSetting(
        "API_CORS_ORIGINS",
        "",
        "Comma-separated origins (https://host) whose browser applications may call /api/ "
        "with an API key (CORS). Empty: none, and browsers keep other sites out.",
    ),
    EnvSetting(
        "STATIC_ROOT",
        "var/static",
        "Directory `jeugdsturing collectstatic` fills with the style sheets and scripts; "
        "WhiteNoise serves them from there (with DEBUG off), compressed and with a hash in "
        "their names.",
    ),
    EnvSetting(
        "SECURE_COOKIES",
        "",
        "1 sends session and CSRF cookies only over HTTPS; 0 allows HTTP. "
        "Default: on unless DEBUG is on.",
    ),
    EnvSetting(
        "HTTPS",
        "",
        "1: the site is served over HTTPS only: plain HTTP is redirected and browsers are "
        "told so for a year (HSTS). Default: on unless DEBUG is on; set 0 for a server "
        "without TLS on a closed network.",
    ),
    EnvSetting(
        "TLS_PROXY",
        "0",
        "1 when a proxy in front terminates TLS and sets X-Forwarded-Proto: https (then "
        "the redirect to HTTPS trusts that header). Only with a proxy that always sets it.",
    ),
    EnvSetting(
        "IJW_XSD_DIR",
        "",
        "Directory with the official iJw 3.2 XSD files (JW301.xsd ... and basisschema.xsd). "
        "When set, every message is also validated against them; the built-in checks "
        "always apply.",
    ),
    EnvSetting(
        "OCDS_SCHEMA_DIR",
        "",
        "Directory with the official OCDS 1.1.5 schema (1.1.5/release-package-schema.json, "
        "1.1.5/release-schema.json) and the extensions (extensions/*/release-schema.json). "
        "When set, every OCDS export is validated against the schema with the extensions "
        "applied before it is written.",
    ),
    EnvSetting(
        "OCDS_PREFIX",
        "ocds-jzstrn",
        "OCID prefix of the publisher (register one with the Open Contracting Partnership); "
        "an ocid is this prefix, a dash and the tender reference.",
    ),
    EnvSetting(
        "OPEN_DATA_DIR",
        "../shared/data",
        "Directory with the public figures for the scenarios (CBS Iv3, gemeentefonds, SCP, "
        "CBS wijken; the layout of ../shared/data). Read by `jeugdsturing scenario bronnen` "
        "and by `demo load` when present; relative to the directory the command starts in.",
    ),
    EnvSetting(
        "UPLOAD_DIR",
        "var/uploads",
        "Directory where files uploaded for import wait for the background worker "
        "(`jeugdsturing db_worker`); each upload gets a subdirectory readable by the "
        "server's user only (mode 0700), removed when its import ends. They hold iJw "
        "messages with BSNs: put it on the same protected disk as the database.",
    ),
    EnvSetting(
        "TASKS_BACKEND",
        "django_tasks_db.DatabaseBackend",
        "Where background jobs (imports from the web) are queued: the database backend "
        "(SQLite and PostgreSQL), worked off by `jeugdsturing db_worker`. "
        "`django_tasks.backends.immediate.ImmediateBackend` runs a job at once inside the "
        "request instead (no worker needed; for tests and small installations).",
    ),
    EnvSetting(
        "AFGELEID_DIR",
        "var/afgeleid",
        "Directory for data derived from the database per data version (the monitor's "
        "frames as Parquet), shared by the worker processes; relative to the directory the "
        "server starts in. Safe to empty at any time.",
    ),
    EnvSetting(
        "QUARANTINE_RETENTION_DAYS",
        "90",
        "Days that rejected (quarantined, encrypted) input is kept before it is purged.",
    ),
    EnvSetting(
        "TENDER_MAX_FILE_MB",
        "20",
        "Largest file (MB) a bidder can attach to a bid (UEA, evidence, vision document); "
        "accepted are PDF, Office Open XML / OpenDocument, PNG and JPEG, checked on content.",
    ),
    EnvSetting("TIME_ZONE", "Europe/Amsterdam", "Time zone for dates shown to users."),
    EnvSetting(
        "LOGIN_FAILURE_LIMIT",
        "5",
        "Failed logins for one user name from one address before that combination is "
        "locked (django-axes); the regiobeheerder unlocks it on the users page, or it opens "
        "again after LOGIN_COOLOFF_MINUTES.",
    ),
    EnvSetting(
        "LOGIN_COOLOFF_MINUTES",
        "30",
        "Minutes a locked login stays locked when nobody unlocks it.",
    ),
    EnvSetting(
        "IDLE_TIMEOUT_MINUTES",
        "30",
        "Minutes without a request after which a session ends (besides the absolute "
        "SESSION_HOURS).",
    ),
    EnvSetting("SESSION_HOURS", "8", "Hours after login at which a session ends regardless."),
    EnvSetting(
        "DAGTEKENING_MARGE_DAGEN",
        "7",
        "Days a message's Dagtekening may lie after the day of the import (clocks and "
        "time zones differ); a message dated later is refused and quarantined, so that a "
        "mistyped year cannot outrank every real change that follows.",
    ),
)

BY_NAME = {s.name: s for s in SETTINGS}
INSECURE_DEFAULT = _INSECURE
# Values published with the source code: never a key of a real installation.
PUBLIEK = frozenset({_INSECURE, _INSECURE + "-pseudoniem"})
SLEUTELS = ("SECRET_KEY", "PSEUDONYMISATION_KEY", "QUARANTINE_KEYS")


@functools.cache
def _sleutelbestand() -> dict[str, str]:
    """The per-install keys file (KEYS_FILE), NAME=value per line; empty when absent.
    Read once per process (settings ask for every variable at start-up)."""
    pad = Path(os.environ.get("KEYS_FILE", "var/sleutels.env"))
    try:
        tekst = pad.read_text(encoding="utf-8")
    except OSError:
        return {}
    uit = {}
    for regel in tekst.splitlines():
        naam, teken, waarde = regel.partition("=")
        if teken and not naam.strip().startswith("#") and naam.strip() in SLEUTELS:
            uit[naam.strip()] = waarde.strip()
    return uit


def get(name: str) -> str:
    return BY_NAME[name].read()


def is_default(name: str) -> bool:
    """True when a key is a value published with the source code: unset (the
    development default), or set explicitly to a published development value."""
    waarde = get(name)
    delen = waarde.split(",") if name == "QUARANTINE_KEYS" else [waarde]
    return not waarde.strip() or any(d.strip() in PUBLIEK for d in delen if d.strip())


def get_bool(name: str) -> bool | None:
    """'1/true/yes/on' -> True, '0/false/no/off' -> False, '' -> None."""
    value = get(name).strip().lower()
    if value == "":
        return None
    if value in {"1", "true", "yes", "on", "ja"}:
        return True
    if value in {"0", "false", "no", "off", "nee"}:
        return False
    raise ValueError(f"{name}: '{value}' is geen geldige ja/nee-waarde (gebruik 1 of 0)")


def get_list(name: str) -> list[str]:
    return [part.strip() for part in get(name).split(",") if part.strip()]
