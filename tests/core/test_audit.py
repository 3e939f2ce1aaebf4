# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Every change to money, reference data and roles is recorded: who, when, before, after."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from jeugdsturing.contracten.models import Begroting
from jeugdsturing.gebruikers.models import Profiel
from jeugdsturing.rollen import Rol
from tests.conftest import DEMO_PASSWORD, login, met_tweede_factor

pytestmark = pytest.mark.django_db


def admin_client() -> Client:
    c = login("regiobeheerder", DEMO_PASSWORD)
    return c


def test_budget_change_through_admin_is_audited_with_user_and_before_after():
    """The admin is for a superuser of the installation; its changes are audited too."""
    from django.contrib.auth.models import User

    b = Begroting.objects.get(regio__code="JZ13", gemeente__code="0358", jaar=2028, thema=None)
    User.objects.create_superuser("installatie", password="Lange-Zin-Voor-Beheer-1")
    c = Client()
    c.force_login(User.objects.get(username="installatie"))
    met_tweede_factor(c, User.objects.get(username="installatie"))
    url = f"/admin/contracten/begroting/{b.pk}/change/"
    form = c.get(url)
    assert form.status_code == 200
    response = c.post(
        url,
        {
            "regio": b.regio_id,
            "gemeente": b.gemeente_id,
            "jaar": 2028,
            "thema": "",
            "bedrag_eurocent": 670_000_000,
            "bron": b.bron,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    last = b.history.first()
    assert last.history_user.username == "installatie"
    assert last.history_type == "~"
    delta = last.diff_against(last.prev_record)
    assert [(ch.field, ch.old, ch.new) for ch in delta.changes] == [
        ("bedrag_eurocent", 660_000_000, 670_000_000)
    ]

    page = admin_client().get("/beheer/audit/?model=contracten.begroting").content.decode()
    assert "installatie" in page
    # amounts as euros, not eurocents (issue 24)
    assert "bedrag: €\xa06.600.000,00 → €\xa06.700.000,00" in page
    assert "begroting: Aalsmeer 2028" in page


def test_role_change_is_audited():
    profiel = Profiel.objects.get(user__username="beleid")
    profiel.rol = Rol.FINANCIEN
    profiel.save()
    assert profiel.history.first().diff_against(profiel.history.all()[1]).changed_fields == ["rol"]


def test_audit_page_lists_command_changes_as_system():
    page = admin_client().get("/beheer/audit/?model=regio.gemeente").content.decode()
    assert "systeem (commando)" in page
    assert "referentiedata geladen" in page


def test_the_audit_trail_pages():
    c = admin_client()
    page = c.get("/beheer/audit/").content.decode()
    assert page.count("<tr>\n    <td>") == 50
    assert "pagina 1 van" in page
    assert 'href="?pagina=2"' in page
    tweede = c.get("/beheer/audit/?pagina=2").content.decode()
    assert "pagina 2 van" in tweede
    gefilterd = c.get("/beheer/audit/?model=regio.gemeente").content.decode()
    assert 'href="?model=regio.gemeente&amp;pagina=2"' in gefilterd
    assert c.get("/beheer/audit/?pagina=abc").status_code == 200  # the first page
    # filtered on who, oldest first within the window, and the filters stay in the links
    systeem = c.get("/beheer/audit/?wie=regiobeheerder&volgorde=oudste").content.decode()
    assert "systeem (commando)" not in systeem
    nieuw = c.get("/beheer/audit/").content.decode()
    oud = c.get("/beheer/audit/?volgorde=oudste").content.decode()
    datums = re.findall(r"<td>(\d\d-\d\d-\d{4} \d\d:\d\d:\d\d)</td>", oud)
    assert datums
    assert datums != re.findall(r"<td>(\d\d-\d\d-\d{4} \d\d:\d\d:\d\d)</td>", nieuw)
    assert 'href="?volgorde=oudste&amp;pagina=2"' in oud


def test_only_regiobeheerder_sees_the_audit_trail():
    for rol in Rol:
        if rol == Rol.REGIOBEHEERDER:
            continue
        c = login(rol.value, DEMO_PASSWORD)
        assert c.get("/beheer/audit/").status_code == 403, rol


def test_profile_binding_rules():
    from django.core.exceptions import ValidationError

    from jeugdsturing.regio.models import Gemeente

    p = Profiel(
        user=User.objects.create_user("x"),
        rol=Rol.GEMEENTE,
        regio_id=Profiel.objects.get(user__username="beleid").regio_id,
    )
    with pytest.raises(ValidationError, match="hoort bij één gemeente"):
        p.full_clean()
    p.gemeente = Gemeente.objects.get(code="0392")  # Haarlem is not in JZ13
    with pytest.raises(ValidationError, match="hoort niet bij de regio"):
        p.full_clean()
