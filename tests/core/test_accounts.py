# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Accounts (issue 25): lockout after failed logins and the unlock by the regiobeheerder,
password rules, a password page for every user, the idle timeout, and user management by
the regiobeheerder that cannot escalate (the admin is for a superuser only)."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.models import User
from django.test import Client

from jeugdsturing.gebruikers.models import Profiel
from jeugdsturing.rollen import Rol
from tests.conftest import DEMO_PASSWORD, login, met_tweede_factor

pytestmark = pytest.mark.django_db


def _inloggen(c: Client, gebruiker: str, wachtwoord: str):
    return c.post("/inloggen/", {"username": gebruiker, "password": wachtwoord}, follow=True)


def test_lockout_after_the_limit_then_the_regiobeheerder_unlocks(settings):
    c = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        r = _inloggen(c, "gemeente", "verkeerd-wachtwoord")
        assert "Gebruikersnaam of wachtwoord is onjuist" in r.content.decode()
    assert _inloggen(c, "gemeente", "verkeerd-wachtwoord").status_code == 429
    r = _inloggen(c, "gemeente", DEMO_PASSWORD)  # the right one no longer helps
    assert r.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in r.content.decode()
    assert "regiobeheerder" in r.content.decode()
    # another user from the same address is not locked
    assert "Uitloggen" in _inloggen(Client(), "financien", DEMO_PASSWORD).content.decode()

    beheer = login("regiobeheerder")
    pk = User.objects.get(username="gemeente").pk
    assert "geblokkeerd" in beheer.get("/beheer/gebruikers/").content.decode()
    r = beheer.post(f"/beheer/gebruikers/{pk}/", {"actie": "ontgrendel"}, follow=True)
    assert "gemeente ontgrendeld" in r.content.decode()
    assert "Uitloggen" in _inloggen(c, "gemeente", DEMO_PASSWORD).content.decode()


def test_password_rules_and_every_user_changes_its_own():
    c = login("gemeente")  # not staff
    pagina = c.get("/wachtwoord/")
    assert pagina.status_code == 200
    assert "Wachtwoord wijzigen" in c.get("/").content.decode()
    for zwak in ("zomer2026", "123456789012", "gemeente2026"):
        r = c.post("/wachtwoord/", {"old_password": DEMO_PASSWORD, "new_password1": zwak,
                                    "new_password2": zwak})  # fmt: skip
        assert r.status_code == 200
        assert "melding fout" in r.content.decode(), zwak
    sterk = "Paars-Fietspad-Kade-17"
    r = c.post("/wachtwoord/", {"old_password": DEMO_PASSWORD, "new_password1": sterk,
                                "new_password2": sterk}, follow=True)  # fmt: skip
    assert "Uw wachtwoord is gewijzigd." in r.content.decode()
    assert c.get("/monitor/").status_code == 200  # still logged in
    assert User.objects.get(username="gemeente").check_password(sterk)


def test_a_session_ends_after_the_idle_timeout_with_the_reason(settings):
    c = login("financien")
    assert c.get("/contracten/").status_code == 200
    sessie = c.session
    sessie["laatst_actief"] = time.time() - settings.IDLE_TIMEOUT.total_seconds() - 5
    sessie.save()
    r = c.get("/contracten/", follow=True)
    assert r.redirect_chain[-1][0].startswith("/inloggen/")
    assert "uitgelogd na 30 minuten zonder activiteit" in r.content.decode()
    assert c.get("/contracten/").status_code == 302
    # the absolute age, however active the user is
    c = login("financien")
    sessie = c.session
    sessie["begonnen"] = time.time() - settings.SESSION_COOKIE_AGE - 5
    sessie.save()
    assert "uur na het inloggen" in c.get("/", follow=True).content.decode()


def test_the_admin_is_for_a_superuser_only():
    for rol in ("regiobeheerder", "contractmanager", "data-analist"):
        assert login(rol).get("/admin/", follow=True).status_code == 403, rol
        assert "Gegevensbeheer" not in login(rol).get("/beheer/").content.decode()
    User.objects.create_superuser("installatie", password="Lange-Zin-Voor-Beheer-1")
    c = Client()
    c.force_login(User.objects.get(username="installatie"))
    met_tweede_factor(c, User.objects.get(username="installatie"))
    assert c.get("/admin/").status_code == 200


def test_the_regiobeheerder_manages_its_own_region_and_cannot_escalate():
    c = login("regiobeheerder")
    html = c.get("/beheer/gebruikers/").content.decode()
    assert "contractmanager" in html
    assert "hollandrijnland" not in html  # another region's user
    r = c.post("/beheer/gebruikers/", {
        "username": "nieuwe-analist", "rol": "data-analist", "naam": "Nieuwe analist",
        "wachtwoord": "Groen-Kanaal-Brug-2027", "is_superuser": "1", "is_staff": "1",
    }, follow=True)  # fmt: skip
    assert "Gebruiker nieuwe-analist opgeslagen (Data-analist)" in r.content.decode()
    nieuw = User.objects.get(username="nieuwe-analist")
    assert (nieuw.is_superuser, nieuw.is_staff) == (False, False)
    assert Profiel.objects.get(user=nieuw).regio.code == "JZ13"
    assert nieuw.check_password("Groen-Kanaal-Brug-2027")
    # a weak first password, a gemeente of another region, a role that needs a binding
    for data, melding in [
        ({"username": "x1", "rol": "beleid", "wachtwoord": "zomer2026"}, "te kort"),
        ({"username": "x2", "rol": "gemeente", "gemeente": "0546",
          "wachtwoord": "Groen-Kanaal-Brug-2027"}, "kies er een"),
        ({"username": "x3", "rol": "aanbieder", "wachtwoord": "Groen-Kanaal-Brug-2027"},
         "hoort bij een aanbieder"),
        ({"username": "x4", "rol": "superuser", "wachtwoord": "Groen-Kanaal-Brug-2027"},
         "kies een rol"),
    ]:  # fmt: skip
        html = c.post("/beheer/gebruikers/", data, follow=True).content.decode()
        assert melding in html, (data, melding)
        assert not User.objects.filter(username=data["username"]).exists()
    # another region's user is not found, its own account is read-only, a superuser is
    # out of reach
    ander = User.objects.get(username="hollandrijnland")
    assert c.get(f"/beheer/gebruikers/{ander.pk}/").status_code == 404
    r = c.post(f"/beheer/gebruikers/{ander.pk}/", {"rol": "raad"})
    assert r.status_code == 404
    assert Profiel.objects.get(user=ander).rol != "raad"
    zelf = User.objects.get(username="regiobeheerder")
    r = c.post(f"/beheer/gebruikers/{zelf.pk}/", {"rol": "raad"}, follow=True)
    assert "andere regiobeheerder" in r.content.decode()
    assert Profiel.objects.get(user=zelf).rol == Rol.REGIOBEHEERDER
    # deactivate a user: it can no longer log in
    pk = User.objects.get(username="beleid").pk
    c.post(f"/beheer/gebruikers/{pk}/", {"rol": "beleid", "actief": "0"})
    assert not User.objects.get(username="beleid").is_active
    assert login("contractmanager").get("/beheer/gebruikers/").status_code == 403


def test_https_only_when_debug_is_off_and_nothing_is_cached(settings):
    from tests.test_project import EIGEN, _python

    lees = ("import os; os.environ['DJANGO_SETTINGS_MODULE']='jeugdsturing.settings'; "
            "from django.conf import settings as s; "
            "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, getattr(s, 'SECURE_PROXY_SSL_HEADER', None))")  # fmt: skip
    assert _python(lees, **EIGEN).stdout.split()[:2] == ["True", "31536000"]
    assert _python(lees, **EIGEN, DEBUG="1").stdout.split()[:2] == ["False", "0"]
    assert _python(lees, **EIGEN, HTTPS="0").stdout.split()[:2] == ["False", "0"]
    assert "HTTP_X_FORWARDED_PROTO" in _python(lees, **EIGEN, TLS_PROXY="1").stdout
    settings.SECURE_SSL_REDIRECT = True
    r = Client().get("/inloggen/")
    assert r.status_code == 301
    assert r["Location"].startswith("https://")
    settings.SECURE_SSL_REDIRECT = False
    c = login("financien")
    for pad in (
        "/contracten/",
        "/contracten/lumpsums/?jaar=2028&formaat=csv",
        "/monitor/?export=xlsx",
    ):
        assert "no-store" in c.get(pad)["Cache-Control"], pad
