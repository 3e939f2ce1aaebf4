# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Login everywhere, and each role reaches only what it may."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from tests.conftest import DEMO_PASSWORD, ROOT, login

pytestmark = pytest.mark.django_db

ALL = {
    "home", "regio", "referentie", "verwerving", "contracten", "monitor",
    "sturing", "scenario", "rapportages", "beheer", "audit", "gebruikers", "escalatie",
    "toegang", "zorgcontinuiteit",
}  # fmt: skip
STUREN = {"escalatie", "toegang"}
ZC = {"zorgcontinuiteit"}  # the transition to new contracts (docs/zorgcontinuiteit.md)
BERICHTEN = {"berichten", "quarantaine"}

# Written out by hand, independently of jeugdsturing.core.access, so that a change to
# the policy shows up here as a deliberate change.
EXPECTED = {
    "regiobeheerder": ALL,  # not the message pages: they hold personal data
    "contractmanager": {"home", "regio", "referentie", "verwerving", "contracten", "monitor",
                        "sturing", "rapportages"} | STUREN | ZC,
    "beleid": {"home", "regio", "referentie", "verwerving", "contracten", "monitor", "sturing",
               "scenario", "rapportages"} | STUREN | ZC,
    "data-analist": {"home", "regio", "referentie", "contracten", "monitor", "sturing",
                     "scenario", "rapportages"} | BERICHTEN | STUREN | ZC,
    "financien": {"home", "regio", "referentie", "contracten", "monitor", "sturing", "scenario",
                  "rapportages"} | STUREN | ZC,
    "aanbieder": {"home", "regio", "verwerving", "contracten", "monitor", "sturing"} | STUREN | ZC,
    # The toegang: intake, referral advice and case notes; no money, no tender, no monitor.
    "toegang": {"home", "regio"} | STUREN,
    "beoordelaar": {"home", "regio", "verwerving"},
    "gemeente": {"home", "regio", "referentie", "contracten", "monitor", "sturing", "scenario",
                 "rapportages"} | ZC,
    "raad": {"home", "rapportages"},
}  # fmt: skip


def all_url_paths() -> list[str]:
    """Every URL pattern of the project (admin included), with sample arguments."""
    paths: list[str] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = str(p.pattern)
                if isinstance(p.pattern, RoutePattern):
                    route = re.sub(r"<(?:int:)?[^>]*>", "1", route)
                else:  # regex patterns in the admin
                    route = route.lstrip("^").rstrip("$")
                    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", "1", route)
                    route = route.replace("\\", "")
                paths.append("/" + prefix + route)

    walk(get_resolver().url_patterns, "")
    return sorted(set(paths))


def test_url_enumeration_finds_the_project_and_admin_pages():
    paths = all_url_paths()
    assert "/" in paths
    assert "/beheer/audit/" in paths
    assert any(p.startswith("/admin/regio/gemeente/") for p in paths)
    assert len(paths) > 50


@pytest.mark.parametrize("path", all_url_paths())
def test_every_url_sends_an_anonymous_user_to_the_login_page(client, path):
    if path in {"/api/v1/", "/api/v1/openapi.json"}:  # the contract: no data, for anyone
        assert client.get(path).status_code == 200
        return
    if path.startswith("/api/"):  # the API answers for itself (tests/api/test_matrix.py)
        response = client.get(path)
        assert response.status_code == 401, path
        assert response["Content-Type"] == "application/problem+json"
        return
    if path in {"/inloggen/"}:
        response = client.get(path)
        assert response.status_code == 200
        assert "Inloggen" in response.content.decode()
        return
    response = client.get(path, follow=True)
    assert response.redirect_chain, f"{path} gaf {response.status_code} zonder doorverwijzing"
    final_url = response.redirect_chain[-1][0]
    assert final_url.startswith("/inloggen/"), f"{path} -> {final_url}"
    assert response.status_code == 200


PATHS = {
    "home": "/", "regio": "/regio/", "referentie": "/referentie/", "verwerving": "/verwerving/",
    "contracten": "/contracten/", "monitor": "/monitor/", "sturing": "/sturing/",
    "scenario": "/scenario/", "rapportages": "/rapportages/", "beheer": "/beheer/",
    "audit": "/beheer/audit/", "gebruikers": "/beheer/gebruikers/", "admin:index": "/admin/",
    "berichten": "/berichten/", "quarantaine": "/berichten/quarantaine/",
    "escalatie": "/escalatie/", "toegang": "/toegang/", "zorgcontinuiteit": "/zorgcontinuiteit/",
}  # fmt: skip


@pytest.mark.parametrize("rol", sorted(EXPECTED))
def test_each_role_reaches_only_what_it_may(rol):
    c = login(rol)
    reached = set()
    for name, path in PATHS.items():
        status = c.get(path, follow=True).status_code
        assert status in {200, 403}, f"{rol} {path}: {status}"
        if status == 200:
            reached.add(name)
    assert reached == EXPECTED[rol]


@pytest.mark.parametrize("rol", sorted(EXPECTED))
def test_navigation_shows_only_reachable_sections(rol):
    html = login(rol).get("/").content.decode()
    nav = html[html.index('aria-label="Hoofdmenu"') :] if "Hoofdmenu" in html else ""
    for name in (
        "verwerving",
        "contracten",
        "monitor",
        "sturing",
        "scenario",
        "rapportages",
        "beheer",
        "escalatie",
        "toegang",
        "zorgcontinuiteit",
    ):
        assert (f'href="{PATHS[name]}"' in nav) == (name in EXPECTED[rol]), f"{rol}: {name}"


def test_forbidden_page_is_dutch():
    response = login("raad").get("/monitor/")
    assert response.status_code == 403
    assert "Geen toegang" in response.content.decode()


def test_non_admin_in_admin_gets_403_not_a_login_loop():
    response = login("beleid").get("/admin/regio/gemeente/", follow=True)
    assert response.status_code == 403


def test_admin_login_form_forwards_to_the_one_login_page(client):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/inloggen/?next=/admin/"


def test_after_login_the_user_lands_where_they_were_going():
    c = Client()
    response = c.post(
        "/inloggen/?next=/sturing/",
        {"username": "beleid", "password": DEMO_PASSWORD, "next": "/sturing/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/sturing/"


def test_wrong_password_shows_a_dutch_error(client):
    response = client.post("/inloggen/", {"username": "beleid", "password": "fout"})
    assert response.status_code == 200
    assert "onjuist" in response.content.decode()


def test_gemeente_user_sees_only_own_budget_row_and_the_region_total():
    html = login("gemeente").get("/contracten/").content.decode()
    assert "Amstelveen" in html
    assert "Aalsmeer" not in html
    assert "Totaal regio" in html
    assert "296.015" in html
    full = login("financien").get("/contracten/").content.decode()
    for naam in ("Aalsmeer", "Amstelveen", "Amsterdam", "Diemen", "Ouder-Amstel", "Uithoorn"):
        assert naam in full
    assert "253.315" in full
    assert "292.070" in full


def test_user_without_profile_is_not_a_team_member():
    User.objects.create_user("zonderrol", password="x-Yz-123456")
    c = Client()
    c.force_login(User.objects.get(username="zonderrol"))
    assert c.get("/monitor/").status_code == 403
    assert c.get("/").status_code == 200


def test_years_are_not_shown_with_a_thousands_separator():
    for path in ("/", "/sturing/", "/contracten/"):
        html = login("regiobeheerder").get(path).content.decode()
        assert not re.search(r"\b2\.0[2-4]\d\b", html), path  # "2.028"


# --- the policy itself ----------------------------------------------------------------


def _views() -> list[tuple[str, Any]]:
    """Every (route, view function) of the project, the admin's own views left out."""
    uit: list[tuple[str, Any]] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.app_name == "admin":
                    continue
                walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                uit.append((prefix + str(p.pattern), p.callback))

    walk(get_resolver().url_patterns, "")
    return uit


# Pages outside the policy: logging in (and the admin's login form that forwards to the
# one login page) and the API's contract (no data) for anyone, logging out for anyone
# logged in.
OPENBAAR = {"inloggen/", "admin/login/", "api/v1/", "api/v1/openapi.json"}
INGELOGD = {"uitloggen/"}


def test_every_view_declares_its_section_and_action():
    from jeugdsturing.core.access import RECHTEN, toegang_van

    zonder = []
    for route, view in _views():
        if route in OPENBAAR:
            assert getattr(view, "login_required", True) is False, route
            continue
        if route in INGELOGD:
            continue
        toegang = toegang_van(view)
        if toegang is None:
            zonder.append(route)
            continue
        for actie in {toegang.actie, toegang.post}:
            assert (toegang.sectie, actie) in RECHTEN, f"{route}: {toegang} niet in RECHTEN"
    assert not zonder, f"views zonder @requires(sectie, actie): {zonder}"
    assert len(_views()) > 40


def test_the_admin_is_outside_the_roles():
    """The admin can set any field, so no role opens it (tests/core/test_accounts.py)."""
    for rol in EXPECTED:
        assert login(rol).get("/admin/", follow=True).status_code == 403, rol


def test_what_the_table_does_not_declare_is_denied_for_every_role():
    from jeugdsturing.core.access import RECHTEN, Actie, Sectie, mag

    niet = [(s, a) for s in Sectie for a in Actie if (s, a) not in RECHTEN]
    assert (Sectie.RAPPORTAGES, Actie.BEOORDELEN) in niet
    for rol in EXPECTED:
        user = User.objects.get(username=rol)
        assert not any(mag(user, s, a) for s, a in niet), rol


def test_docs_rollen_is_made_from_the_table():
    from jeugdsturing.web.rollendoc import render

    page = (ROOT / "docs" / "rollen.md").read_text(encoding="utf-8")
    assert page == render(), "draai: jeugdsturing rollendoc > docs/rollen.md"


def test_the_table_and_the_independent_matrix_agree_on_the_pages():
    """The hand-written EXPECTED above and the table agree on every section page."""
    from jeugdsturing.core.access import Sectie, mag

    paginas = {
        "regio": Sectie.REGIO, "referentie": Sectie.REFERENTIE,
        "verwerving": Sectie.VERWERVING, "contracten": Sectie.CONTRACTEN,
        "monitor": Sectie.MONITOR, "sturing": Sectie.STURING, "scenario": Sectie.SCENARIO,
        "rapportages": Sectie.RAPPORTAGES, "beheer": Sectie.BEHEER, "audit": Sectie.AUDIT,
        "berichten": Sectie.BERICHTEN, "zorgcontinuiteit": Sectie.ZORGCONTINUITEIT,
    }  # fmt: skip
    for rol, verwacht in EXPECTED.items():
        user = User.objects.get(username=rol)
        for naam, sectie in paginas.items():
            assert mag(user, sectie) == (naam in verwacht), (rol, naam)


def test_a_refusal_names_what_was_asked_and_who_may():
    response = login("beleid").post("/contracten/begroting/", {"gemeente": "0362"})
    assert response.status_code == 403
    html = response.content.decode()
    assert "Contracten en geld" in html
    assert "wijzigen" in html
    assert "financiën" in html


def test_scope_of_each_bound_role():
    from jeugdsturing.core.access import Scope, scope_van

    gemeente = scope_van(User.objects.get(username="gemeente"))
    assert (gemeente.gemeente, gemeente.aanbieder, gemeente.exact) == ("0362", None, False)
    aanbieder = scope_van(User.objects.get(username="aanbieder"))
    assert aanbieder.aanbieder is not None
    assert aanbieder.gemeente is None
    assert aanbieder.toont(aanbieder.aanbieder, "0363")
    assert not aanbieder.toont("00000000", "0363")
    team = scope_van(User.objects.get(username="data-analist"))
    assert team.exact
    assert not team.beperkt
    assert Scope.publiek().exact is False
    assert Scope.beheer().exact is True


def test_commands_ask_the_policy_for_user():
    from django.core.management import call_command
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Monitor"):
        call_command("monitor", "--region", "JZ13", "--from", "2027-01-01", "--to",
                     "2027-12-31", "--user", "raad")  # fmt: skip
    with pytest.raises(CommandError, match="Contracten en geld"):
        call_command("contracten", "lumpsum", "--region", "JZ13", "--year", "2028",
                     "--user", "beoordelaar")  # fmt: skip


def test_contracten_command_with_user_shows_only_the_users_part(capsys):
    import json

    from django.core.management import call_command

    call_command("contracten", "lumpsum", "--region", "JZ13", "--year", "2028")
    alles = json.loads(capsys.readouterr().out)
    call_command("contracten", "lumpsum", "--region", "JZ13", "--year", "2028",
                 "--user", "gemeente")  # fmt: skip
    eigen = json.loads(capsys.readouterr().out)
    assert alles
    assert eigen
    assert {r["gemeente"] for r in eigen} == {"0362"}
    assert len(eigen) < len(alles)


def test_the_ocds_command_asks_the_policy_for_user(tmp_path):
    from django.core.management import call_command
    from django.core.management.base import CommandError

    from jeugdsturing.verwerving.models import Aanbesteding

    a = Aanbesteding.objects.filter(regio__code="JZ13").first()
    with pytest.raises(CommandError, match="Verwerving"):
        call_command("verwerving", "ocds", a.referentie, "--out", str(tmp_path / "x.json"),
                     "--user", "aanbieder")  # fmt: skip
    assert not (tmp_path / "x.json").exists()
