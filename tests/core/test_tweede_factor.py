# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The second factor: required for the roles that see client-level data or bids,
optional for the others, with recovery codes; the demo users are exempt only in DEBUG."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from jeugdsturing.core.access import tweede_factor_verplicht
from jeugdsturing.rollen import Rol
from tests.conftest import DEMO_PASSWORD, login

pytestmark = pytest.mark.django_db


def wachtwoord_alleen(gebruiker: str) -> Client:
    """Logged in through the login page with the password only."""
    c = Client()
    r = c.post("/inloggen/", {"username": gebruiker, "password": DEMO_PASSWORD})
    assert r.status_code == 302
    return c


def code(device: TOTPDevice, *, stap: int = 0) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=stap):06d}"


def test_the_roles_with_client_level_data_or_bids_need_it_the_others_may():
    verplicht = {r for r in Rol if tweede_factor_verplicht(r)}
    assert {Rol.DATA_ANALIST, Rol.TOEGANG, Rol.BEOORDELAAR, Rol.AANBIEDER, Rol.CONTRACTMANAGER,
            Rol.REGIOBEHEERDER} <= verplicht  # fmt: skip
    assert Rol.GEMEENTE not in verplicht
    assert Rol.RAAD not in verplicht


def test_a_required_role_sets_it_up_at_first_login_and_gets_recovery_codes():
    c = wachtwoord_alleen("data-analist")
    # Nothing but the second-factor pages: every other page leads there.
    r = c.get("/berichten/")
    assert r.status_code == 302
    assert r["Location"].startswith("/tweede-factor/instellen/?next=/berichten/")
    pagina = c.get(r["Location"]).content.decode()
    assert "Tweede factor instellen" in pagina
    assert "<svg" in pagina  # the QR code, inline
    assert "Hoofdmenu" not in pagina  # no menu before the second factor
    device = TOTPDevice.objects.get(user__username="data-analist", confirmed=False)
    fout = c.post("/tweede-factor/instellen/", {"code": "000000", "next": "/berichten/"})
    assert "Deze code klopt niet" in fout.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # as after the wait a wrong code costs (tested below)
    r = c.post("/tweede-factor/instellen/", {"code": code(device), "next": "/berichten/"})
    pagina = r.content.decode()
    codes = re.findall(r"<li><code>([^<]+)</code></li>", pagina)
    assert len(codes) == 10
    assert 'href="/berichten/"' in pagina
    assert c.get("/berichten/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    # Next login: the code is asked; a recovery code works once.
    c = wachtwoord_alleen("data-analist")
    assert c.get("/monitor/")["Location"].startswith("/tweede-factor/?next=/monitor/")
    r = c.post("/tweede-factor/", {"code": codes[0], "next": "/monitor/"})
    assert r.status_code == 302
    assert r["Location"] == "/monitor/"
    assert StaticDevice.objects.get(user__username="data-analist").token_set.count() == 9
    c = wachtwoord_alleen("data-analist")
    r = c.post("/tweede-factor/", {"code": codes[0], "next": "/monitor/"})
    assert "klopt niet, of is al gebruikt" in r.content.decode()
    # A next address elsewhere is not followed.
    device.refresh_from_db()
    r = c.post("/tweede-factor/", {"code": code(device, stap=1), "next": "https://elders.example/"})
    assert r["Location"] == "/"


def test_optional_for_a_gemeente_until_it_is_set_up(settings):
    c = wachtwoord_alleen("gemeente")
    assert c.get("/monitor/").status_code == 200
    assert "Tweede factor" in c.get("/monitor/").content.decode()  # offered in the header
    user = User.objects.get(username="gemeente")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    c = wachtwoord_alleen("gemeente")
    assert c.get("/monitor/")["Location"].startswith("/tweede-factor/")


def test_demo_users_are_exempt_only_in_debug(settings):
    settings.DEBUG = True
    c = wachtwoord_alleen("data-analist")
    assert c.get("/berichten/").status_code == 200
    settings.DEBUG = False
    assert c.get("/berichten/").status_code == 302  # the same session, DEBUG off: asked


def test_the_regiobeheerder_removes_a_lost_second_factor():
    user = User.objects.get(username="toegang")
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    beheer = login("regiobeheerder")
    r = beheer.post(f"/beheer/gebruikers/{user.pk}/", {"actie": "tweede_factor"}, follow=True)
    assert "tweede factor van toegang is verwijderd" in r.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    c = wachtwoord_alleen("toegang")
    assert c.get("/toegang/")["Location"].startswith("/tweede-factor/instellen/")


def test_a_wrong_code_slows_down_further_tries(settings):
    """django-otp's throttling: after a wrong code the next try waits (here made long, so
    that the test does not depend on how fast it runs)."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 3600
    user = User.objects.get(username="beoordelaar")
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    c = wachtwoord_alleen("beoordelaar")
    c.post("/tweede-factor/", {"code": "123456"})
    device.refresh_from_db()
    assert device.throttling_failure_count == 1
    r = c.post("/tweede-factor/", {"code": code(device)})
    assert r.status_code == 200  # refused: still waiting
    assert "langer wachten" in r.content.decode()
    assert c.get("/verwerving/").status_code == 302
