# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""Services are the only write path: views, selectors, template tags, URL modules,
context processors and management commands never write to the database themselves; they
call a service (an app's services.py or services package, or the import with its SQL
module berichten/sql.py)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT, met_tweede_factor

SRC = ROOT / "src" / "jeugdsturing"

# Calls that write whatever they are called on.
SCHRIJVEN = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create",
             "update_or_create"}  # fmt: skip
# Calls that write on a related manager (obj.relatie.add) but also exist on sets and dicts.
RELATIE = {"add", "remove", "clear", "set"}
# Methods that make a queryset: a name assigned from an expression with one of these (or
# with .objects) holds a queryset, so its .update() writes.
QUERYSET = {"objects", "filter", "exclude", "all", "select_related", "prefetch_related",
            "order_by", "select_for_update", "annotate", "values", "defer", "only"}  # fmt: skip


def leesmodules() -> list[Path]:
    """The modules that only read or call services."""
    uit = []
    for p in SRC.rglob("*.py"):
        if "migrations" in p.parts:
            continue
        if (
            p.name.startswith("views")
            or p.name in ("selectors.py", "urls.py", "context_processors.py")
            or "templatetags" in p.parts
            or "commands" in p.parts
            or p.parent.name in ("views", "selectors")
        ):
            uit.append(p)
    return sorted(uit)


def _maakt_queryset(expr: ast.AST) -> bool:
    return any(isinstance(n, ast.Attribute) and n.attr in QUERYSET for n in ast.walk(expr))


def schrijfplekken(bron: str) -> list[str]:
    """Line and call of every ORM write in a module's source."""
    boom = ast.parse(bron)
    querysets = {
        doel.id
        for node in ast.walk(boom)
        if isinstance(node, ast.Assign) and _maakt_queryset(node.value)
        for doel in node.targets
        if isinstance(doel, ast.Name)
    }
    uit = []
    for node in ast.walk(boom):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        naam, ontvanger = node.func.attr, node.func.value
        if naam == "save" and any(
            k.arg == "commit" and isinstance(k.value, ast.Constant) and k.value.value is False
            for k in node.keywords
        ):
            continue  # a ModelForm filled in without writing
        schrijft = (
            naam in SCHRIJVEN
            or (naam in RELATIE and isinstance(ontvanger, ast.Attribute))
            or (
                naam == "update"
                and (
                    isinstance(ontvanger, ast.Call | ast.Attribute)
                    or (isinstance(ontvanger, ast.Name) and ontvanger.id in querysets)
                )
            )
        )
        if schrijft:
            uit.append(f"{node.lineno} .{naam}()")
    return uit


def test_no_orm_writes_outside_the_services():
    modules = leesmodules()
    assert len(modules) > 20
    gevonden = [
        f"{p.relative_to(ROOT)}:{plek}"
        for p in modules
        for plek in schrijfplekken(p.read_text(encoding="utf-8"))
    ]
    assert not gevonden, "schrijven buiten een service:\n" + "\n".join(gevonden)


def test_the_check_finds_writes_and_leaves_sets_dicts_and_forms_alone():
    bron = (
        "def v(r, q, s, form):\n"
        "    q.delete()\n"
        "    M.objects.create(a=1)\n"
        "    r.leden.add(s)\n"
        "    M.objects.filter(a=1).update(b=2)\n"
        "    qs = M.objects.filter(a=1)\n"
        "    qs.update(b=3)\n"
        "    r.vragen.update(b=4)\n"
        "    form.save()\n"
        "    gezien = set()\n"
        "    gezien.add(1)\n"
        "    context = {}\n"
        "    context.update(a=1)\n"
        "    form.save(commit=False)\n"
    )
    assert schrijfplekken(bron) == [
        "2 .delete()", "3 .create()", "4 .add()", "5 .update()", "7 .update()",
        "8 .update()", "9 .save()",
    ]  # fmt: skip


# --- writes that went around the services before -----------------------------------------


@pytest.mark.django_db
def test_removing_a_rejected_file_is_in_the_audit_trail(client, django_user_model):
    from django.contrib.auth.models import User

    from jeugdsturing.berichten import models as m

    q = m.Quarantaine.objects.create(
        sha256="a" * 64, bestand="var/upload-x/001_fout.xml", afkeuringen=[],
        inhoud=b"versleuteld",
    )  # fmt: skip
    client.force_login(User.objects.get(username="data-analist"))
    met_tweede_factor(client, User.objects.get(username="data-analist"))
    response = client.post(f"/berichten/quarantaine/{q.pk}/verwijder/", follow=True)
    assert "fout.xml is verwijderd" in response.content.decode()
    weg = m.Quarantaine.history.filter(sha256="a" * 64, history_type="-").get()
    assert weg.history_user.username == "data-analist"
    assert weg.history_change_reason == "verwijderd door de data-analist"
    assert not hasattr(weg, "inhoud")
