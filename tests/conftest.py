# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client, RequestFactory
from hypothesis import HealthCheck, settings

# Tests never depend on timing: no per-example deadline and no "too slow" health check
# (a loaded CI machine must not turn a correct property into a failure).
settings.register_profile(
    "jeugdsturing", deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("jeugdsturing")

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _over_http(settings):
    """The test client and the live server speak plain HTTP; the redirect to HTTPS (on
    whenever DEBUG is off) is tested on its own in tests/core/test_accounts.py."""
    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _taken_meteen(settings, tmp_path_factory):
    """Background jobs run at once, inside the request that queues them (Django's
    immediate backend): a page test sees the finished import. The queue with its worker
    (the database backend and `db_worker`) is tested in tests/berichten/test_web.py."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    settings.UPLOAD_DIR = tmp_path_factory.mktemp("uploads")


@pytest.fixture(autouse=True)
def _statisch_zonder_manifest(settings):
    """Static files under their own names: the hashed names need `collectstatic`, which
    production runs (docs/installatie.md; CI's production smoke test checks them)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared ontbreekt: verwacht op {SHARED}")
    return SHARED


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database starts with the demo: reference data, three regions, users.
    (The simulated message traffic is left out here; tests make the traffic they need.)"""
    with django_db_blocker.unblock(), open(os.devnull, "w") as devnull:
        call_command("demo", "load", "--force", "--geen-berichtenverkeer", stdout=devnull)


DEMO_PASSWORD = "demo-jeugdsturing"


def login(
    gebruikersnaam: str, wachtwoord: str = DEMO_PASSWORD, *, tweede_factor: bool = True
) -> Client:
    """A test client logged in as a user: by default a demo user, named after its role
    (regiobeheerder, gemeente, aanbieder, ...). The one login helper of the tests. With
    tweede_factor (the default) the session has also given its second factor, with a
    confirmed app device of the user's, as after the code page (web/tweede_factor.py;
    that flow itself is tested in tests/core/test_tweede_factor.py)."""
    from django.contrib.auth.models import User

    c = Client()
    # django-axes checks every login against the lockouts, which needs the request.
    verzoek = RequestFactory().post("/inloggen/")
    assert c.login(request=verzoek, username=gebruikersnaam, password=wachtwoord), gebruikersnaam
    if tweede_factor:
        met_tweede_factor(c, User.objects.get(username=gebruikersnaam))
    return c


def met_tweede_factor(c: Client, user: Any) -> None:
    """The logged-in session of this client has given its second factor."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sessie = c.session
    sessie[DEVICE_ID_SESSION_KEY] = device.persistent_id
    sessie.save()
