# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""One lifecycle mechanism: every status field has a transition table (or is declared a
computed state), changes only through status_wijzig, and leaves an append-only history."""

from __future__ import annotations

import ast
from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError

from jeugdsturing.core.levenscyclus import AFGELEID, REGISTER, status_vermeld, status_wijzig
from jeugdsturing.core.models import Statuswijziging
from jeugdsturing.rollen import Rol
from tests import factories as maak
from tests.conftest import ROOT

SRC = ROOT / "src" / "jeugdsturing"


def status_velden() -> list[str]:
    """Every concrete field called status (or ending in _status) of the project's models."""
    uit = []
    for model in apps.get_models():
        if not model.__module__.startswith("jeugdsturing.") or model.__name__.startswith(
            "Historical"
        ):
            continue
        for f in model._meta.concrete_fields:
            if f.name == "status" or f.name.endswith("_status"):
                uit.append(f"{model._meta.label}.{f.name}")
    return sorted(uit)


def test_every_status_field_has_a_transition_table_or_is_declared_computed():
    velden = status_velden()
    assert "verwerving.Aanbesteding.status" in velden
    assert "berichten.ImportRun.status" in velden
    zonder = [v for v in velden if v not in REGISTER and v not in AFGELEID]
    assert not zonder, f"statusvelden zonder levenscyclus: {zonder}"
    assert set(REGISTER) >= {
        "verwerving.Aanbesteding.status", "verwerving.Inschrijving.status",
        "verwerving.Perceelplaats.status", "verwerving.Afspraak.status",
        "contracten.Overeenkomst.status", "berichten.ImportRun.status",
    }  # fmt: skip
    assert set(AFGELEID) == {"berichten.Traject.status"}


def test_every_transition_table_covers_all_choices_and_leads_nowhere_unknown():
    for lc in REGISTER.values():
        keuzes = {str(c) for c, _ in lc.model._meta.get_field(lc.veld).choices}
        assert set(lc.overgangen) == keuzes, lc.sleutel
        assert set().union(*lc.overgangen.values()) <= keuzes, lc.sleutel
        assert lc.begin <= keuzes, lc.sleutel


def _status_schrijvers(pad) -> list[str]:
    """Assignments to .status and .update(status=...) in one module."""
    boom = ast.parse(pad.read_text(encoding="utf-8"))
    uit = []
    for node in ast.walk(boom):
        doelen = []
        if isinstance(node, ast.Assign):
            doelen = node.targets
        elif isinstance(node, ast.AugAssign | ast.AnnAssign):
            doelen = [node.target]
        for doel in doelen:
            for d in ast.walk(doel):
                if isinstance(d, ast.Attribute) and d.attr == "status":
                    uit.append(f"{pad.relative_to(ROOT)}:{node.lineno}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in ("update", "bulk_update")
            and any(k.arg == "status" for k in node.keywords)
        ):
            uit.append(f"{pad.relative_to(ROOT)}:{node.lineno}")
    return uit


def test_no_status_is_set_outside_the_lifecycle_module():
    modules = [
        p for p in SRC.rglob("*.py")
        if "migrations" not in p.parts and p.name != "levenscyclus.py"
    ]  # fmt: skip
    assert len(modules) > 100
    gevonden = [plek for p in modules for plek in _status_schrijvers(p)]
    assert not gevonden, f"status gezet buiten core/levenscyclus.py: {gevonden}"


def test_the_check_finds_a_direct_assignment(tmp_path):
    pad = ROOT / "tests" / "core" / "_voorbeeld_status.py"
    pad.write_text("def f(x):\n    x.status = 'klaar'\n    x.qs.update(status='klaar')\n")
    try:
        assert len(_status_schrijvers(pad)) == 2
    finally:
        pad.unlink()


@pytest.mark.django_db
def test_every_object_s_status_is_the_last_of_its_history():
    """After the demo (a tender through the selection, contracts, agreements) and an
    import run: each object's current status is where its history ends."""
    from jeugdsturing.berichten.importeren import berichten_importeer

    berichten_importeer([], bron="test", omschrijving="lege import")
    gecontroleerd = 0
    for lc in REGISTER.values():
        for obj in lc.model._default_manager.all():
            laatste = (
                Statuswijziging.objects.filter(
                    content_type__app_label=lc.model._meta.app_label,
                    content_type__model=lc.model._meta.model_name,
                    object_id=obj.pk,
                    veld=lc.veld,
                )
                .order_by("op", "pk")
                .last()
            )
            assert laatste is not None, f"{lc.sleutel} {obj.pk}: geen geschiedenis"
            assert laatste.naar == getattr(obj, lc.veld), f"{lc.sleutel} {obj.pk}"
            gecontroleerd += 1
    assert gecontroleerd > 50


@pytest.mark.django_db
def test_a_change_the_table_does_not_allow_is_refused_in_dutch_and_leaves_no_trace():
    ok = maak.overeenkomst()
    voor = ok.statuswijzigingen.count()
    with pytest.raises(ValidationError, match="van 'concept' naar 'beëindigd' is niet toegestaan"):
        status_wijzig(ok, naar="beeindigd", reden="test")
    with pytest.raises(ValidationError, match="reden"):
        status_wijzig(ok, naar="actief", reden=" ")
    ok.refresh_from_db()
    assert ok.status == "concept"
    assert ok.statuswijzigingen.count() == voor


@pytest.mark.django_db
def test_a_change_appends_from_to_who_when_why():
    ok = maak.overeenkomst()
    wie = maak.gebruiker(rol=Rol.FINANCIEN)
    status_wijzig(ok, naar="actief", reden="getekend", door=wie)
    status_vermeld(ok, reden="verlengd", door=wie)
    eerste, tweede = list(ok.statuswijzigingen.order_by("-pk")[:2])[::-1]
    assert (eerste.van, eerste.naar, eerste.door, eerste.reden) == (
        "concept", "actief", wie, "getekend",
    )  # fmt: skip
    assert (tweede.van, tweede.naar) == ("actief", "actief")
    assert eerste.op.date() <= date.today()  # noqa: DTZ011
    assert eerste.naar_tekst == "actief"


@pytest.mark.django_db
def test_the_history_is_not_rewritten():
    w = Statuswijziging.objects.first()
    w.reden = "anders"
    with pytest.raises(ValueError, match="niet herschreven"):
        w.save()
    with pytest.raises(ValueError, match="niet verwijderd"):
        w.delete()
