# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""No server error on malformed input (issue 25): for every URL pattern of the project and
every query or form parameter the views read, malformed values are sent as every role,
and any 5xx fails the test. The parameter names are read from the views' source, so a new
parameter is fuzzed without editing this file."""

from __future__ import annotations

import inspect
import re
import sys
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from jeugdsturing.rollen import Rol
from jeugdsturing.verwerving.models import Aanbesteding
from tests.conftest import ROOT, login

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

# What a hostile or unlucky user types into an address or a form.
SLECHT = ["", "0", "-1", "NaN", "1e309", "0001-01-01", "9999-12-31", "2027-02-30", "x" * 300,
          "C/D", "<x>", "1,5", "٣", "\x00", "99999999999999999999"]  # fmt: skip
LEES = re.compile(
    r"""(?:request\.(?:GET|POST)|\bp|\bq|\bdata)(?:\.get|\.getlist)?[\[(]\s*["']([a-z_0-9-]+)["']"""
)


VELD = re.compile(r'name="([a-z_0-9-]+)"')
ACTIE = re.compile(r'name="actie"[^>]*value="([a-z_-]+)"|value="([a-z_-]+)"[^>]*name="actie"')
# The values of the forms' actie on a page: every branch of its POST is fuzzed, not only
# the refusal of an unknown action. Fewer bad values there, as they multiply.
SLECHT_ACTIE = ["", "NaN", "-1", "x" * 300, "\x00", "99999999999999999999"]


def _routes() -> list[tuple[str, Any]]:
    uit: list[tuple[str, Any]] = []

    def walk(patterns: list[Any], prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.app_name != "admin":
                    walk(p.url_patterns, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                uit.append((prefix + str(p.pattern), p.callback))

    walk(get_resolver().url_patterns, "")
    return [(r, v) for r, v in uit if r not in ("inloggen/", "uitloggen/", "admin/login/")]


def _parameters() -> list[str]:
    """Every parameter name the project's view modules read from GET or POST, every field
    name of the templates' forms, and the fields the real-price form reads in a loop."""
    from jeugdsturing.contracten.reeleprijs import Kostprijsopbouw

    namen: set[str] = set(Kostprijsopbouw.velden())
    # the sorted and paged tables (weergave.tabel), with the prefixes the pages use
    namen |= {f"{v}{p}" for v in ("", "s", "d") for p in ("sorteer", "pagina")}
    modules = {sys.modules[v.__module__] for _, v in _routes() if v.__module__ in sys.modules}
    for m in modules:
        namen |= set(LEES.findall(inspect.getsource(m)))
    for sjabloon in (ROOT / "src" / "jeugdsturing").glob("*/templates/**/*.html"):
        namen |= set(VELD.findall(sjabloon.read_text(encoding="utf-8")))
    return sorted(namen - {"csrfmiddlewaretoken"})


def _pad(route: str) -> str:
    ref = Aanbesteding.objects.order_by("pk").values_list("referentie", flat=True).first()
    route = re.sub(r"<str:referentie>", ref or "AJH-2026", route)
    route = re.sub(r"<(?:int:)?[^>]*>", "1", route)
    return "/" + route


def test_the_fuzzer_finds_the_views_and_their_parameters():
    routes, namen = _routes(), _parameters()
    assert len(routes) > 60
    for verwacht in ("jaar", "maand", "van", "tot", "pagina", "sorteer", "waarde", "goedkeuring",
                     "bruto_maandsalaris", "nulmeting", "indicator"):  # fmt: skip
        assert verwacht in namen, verwacht


@pytest.mark.parametrize("rol", [r.value for r in Rol])
def test_no_malformed_parameter_gives_a_server_error(rol):
    c = login(rol)
    c.raise_request_exception = False  # a server error is an answer here, collected below
    namen = _parameters()
    fouten: list[str] = []
    for route, _ in _routes():
        pad = _pad(route)
        pagina = c.get(pad)
        if pagina.status_code in (403, 404, 405):
            continue  # not for this role: refused before any parameter is read
        for waarde in SLECHT:
            params = dict.fromkeys(namen, waarde)
            for methode in (c.get, c.post):
                r = methode(pad, params)
                if r.status_code >= 500:
                    fouten.append(f"{methode.__name__.upper()} {pad} = {waarde!r}: {r.status_code}")
        html = pagina.content.decode(errors="replace") if pagina.status_code == 200 else ""
        for actie in sorted({a or b for a, b in ACTIE.findall(html)}):
            for waarde in SLECHT_ACTIE:
                r = c.post(pad, {**dict.fromkeys(namen, waarde), "actie": actie})
                if r.status_code >= 500:
                    fouten.append(f"POST {pad} actie={actie} = {waarde!r}: {r.status_code}")
    assert not fouten, f"{len(fouten)} serverfouten:\n" + "\n".join(fouten[:60])
