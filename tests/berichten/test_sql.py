# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
"""The bulk statements of the import, on SQLite and PostgreSQL alike."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import transaction
from django.utils import timezone

from jeugdsturing.berichten import models as m
from jeugdsturing.berichten import sql
from jeugdsturing.berichten.services import BERICHT_VELDEN


def _rij(run: m.ImportRun, n: int) -> tuple[object, ...]:
    waarden = {
        "berichttype": "JW305", "identificatie": f"ID{n}", "dagtekening": date(2026, 1, 1),
        "afzender": "12345678", "ontvanger": "0363", "gemeente": "0363",
        "aanbieder": "12345678", "referentie": "", "sha256": f"{n:064d}", "bestand": f"{n}.xml",
        "regels": n % 7, "import_run_id": run.pk, "ontvangen_op": timezone.now(),
        "retourcodes": "",
    }  # fmt: skip
    return tuple(waarden[v] for v in BERICHT_VELDEN)


@pytest.mark.django_db(transaction=True)
def test_new_ids_belong_to_their_rows_in_order() -> None:
    run = m.ImportRun.objects.create(bron="test")
    m.Bericht.objects.create(**dict(zip(BERICHT_VELDEN, _rij(run, 0), strict=True)))
    gezien: list[int] = []
    for begin, aantal in ((1, 3), (4, 1500)):  # more rows than one statement's parameters
        with transaction.atomic():
            ids = sql.invoegen_met_ids(
                m.Bericht, BERICHT_VELDEN, [_rij(run, n) for n in range(begin, begin + aantal)]
            )
        assert ids == sorted(ids)
        assert len(set(ids)) == aantal
        stored = dict(m.Bericht.objects.filter(pk__in=ids).values_list("pk", "identificatie"))
        assert [stored[i] for i in ids] == [f"ID{n}" for n in range(begin, begin + aantal)]
        gezien += ids
    assert min(gezien) > m.Bericht.objects.get(identificatie="ID0").pk
    # The ORM's own inserts still get a fresh key afterwards (PostgreSQL: the sequence moved).
    later = m.Bericht.objects.create(**dict(zip(BERICHT_VELDEN, _rij(run, 9999), strict=True)))
    assert later.pk > max(gezien)
    assert sql.invoegen_met_ids(m.Bericht, BERICHT_VELDEN, []) == []


@pytest.mark.django_db(transaction=True)
def test_upsert_sets_seldom_changing_fields_only_where_they_differ() -> None:
    """`zelden` fields are left out of the upsert's UPDATE on SQLite and set afterwards
    where they differ: a changed value still arrives, an unchanged one stays, and the
    other fields follow on every row, on both databases."""
    velden = ("sleutel", "gemeente", "aanbieder", "client", "gebied", "taakgericht",
              "toewijzingnummer", "categorie", "productcode", "verwijzer_type",
              "reden_beeindiging", "status", "verlengingen")  # fmt: skip
    leeg = ("", False, "", "", "", "", "")
    zelden = ("gemeente", "aanbieder")

    def upsert(rows: list[tuple[object, ...]]) -> None:
        with transaction.atomic():
            sql.upsert(m.Traject, velden, rows, conflict=("sleutel",), zelden=zelden)

    upsert([("T|0363|1", "0363", "11111111", "c1", *leeg, "lopend", 0),
            ("T|0363|2", "0363", "22222222", "c2", *leeg, "lopend", 0)])  # fmt: skip
    upsert([("T|0363|1", "0363", "11111111", "c1x", *leeg, "beeindigd", 1),  # aanbieder the same
            ("T|0363|2", "0363", "33333333", "c2", *leeg, "lopend", 2),  # aanbieder changed
            ("T|0363|3", "0363", "44444444", "c3", *leeg, "toegewezen", 0)])  # fmt: skip
    stored = {
        t.sleutel: (t.aanbieder, t.client, t.status, t.verlengingen)
        for t in m.Traject.objects.all()
    }
    assert stored == {
        "T|0363|1": ("11111111", "c1x", "beeindigd", 1),
        "T|0363|2": ("33333333", "c2", "lopend", 2),
        "T|0363|3": ("44444444", "c3", "toegewezen", 0),
    }


@pytest.mark.django_db(transaction=True)
def test_lookups_and_deletes_by_many_values_of_each_type() -> None:
    """selecteer and verwijderen by strings, dates and keys, more values than one IN list
    holds on SQLite (PostgreSQL takes them as one array), none, and unknown ones."""
    run = m.ImportRun.objects.create(bron="test")
    with transaction.atomic():
        ids = sql.invoegen_met_ids(m.Bericht, BERICHT_VELDEN, [_rij(run, n) for n in range(1200)])
    alle = {f"ID{n}" for n in range(1200)}
    gevonden = sql.selecteer(
        m.Bericht, ("identificatie",), gelijk={"afzender": "12345678", "berichttype": "JW305"},
        in_veld="identificatie", waarden=alle | {"onbekend"},
    )  # fmt: skip
    assert {r[0] for r in gevonden} == alle
    assert not list(
        sql.selecteer(
            m.Bericht, ("id",), gelijk={"afzender": "00000000"}, in_veld="identificatie",
            waarden=alle,
        )
    )  # fmt: skip
    assert not list(sql.selecteer(m.Bericht, ("id",), gelijk={}, in_veld="id", waarden=set()))
    per_dag = sql.selecteer(
        m.Bericht, ("id",), gelijk={}, in_veld="dagtekening", waarden={date(2026, 1, 1)}
    )
    assert sorted(r[0] for r in per_dag) == ids
    sql.verwijderen(m.Bericht, "id", ids[:700])
    sql.verwijderen(m.Bericht, "id", [])
    assert sorted(m.Bericht.objects.values_list("id", flat=True)) == ids[700:]
    sql.verwijderen(m.Bericht, "sha256", [f"{n:064d}" for n in range(700, 1200)])
    assert not m.Bericht.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_existing_keys_of_many_fields_are_found_and_only_those() -> None:
    """sql.bestaand: which (afzender, berichttype, identificatie) keys are stored, for more
    keys than one IN list holds, with keys that differ from a stored one in one field."""
    run = m.ImportRun.objects.create(bron="test")
    with transaction.atomic():
        sql.invoegen_met_ids(m.Bericht, BERICHT_VELDEN, [_rij(run, n) for n in range(1200)])
    velden = ("afzender", "berichttype", "identificatie")
    opgeslagen = {("12345678", "JW305", f"ID{n}") for n in range(1200)}
    anders = {
        ("12345678", "JW305", "ID1200"),
        ("12345678", "JW307", "ID1"),
        ("87654321", "JW305", "ID1"),
        ("12345678", "JW305", "id1"),
    }
    assert sql.bestaand(m.Bericht, velden, opgeslagen | anders) == opgeslagen
    assert sql.bestaand(m.Bericht, velden, anders) == set()
    assert sql.bestaand(m.Bericht, velden, []) == set()


@pytest.mark.django_db(transaction=True)
def test_lookups_by_values_with_characters_an_array_quotes() -> None:
    """Text values go to PostgreSQL as the text of one array (sql._array): quotes,
    backslashes, commas, braces, spaces, NULL and the empty string are found as
    themselves, on both databases."""
    run = m.ImportRun.objects.create(bron="test")
    vreemd = ['a"b', "c\\d", "e,f", "{g}", " h ", "NULL", "", 'i\\"j', "k}"]
    rijen = []
    for n, ident in enumerate(vreemd):
        rij = dict(zip(BERICHT_VELDEN, _rij(run, n), strict=True))
        rij["identificatie"] = ident
        rijen.append(tuple(rij[v] for v in BERICHT_VELDEN))
    with transaction.atomic():
        sql.invoegen_met_ids(m.Bericht, BERICHT_VELDEN, rijen)
    gevonden = sql.selecteer(
        m.Bericht, ("identificatie",), gelijk={"afzender": "12345678"},
        in_veld="identificatie", waarden=[*vreemd, "NUL", "a", '"'],
    )  # fmt: skip
    assert sorted(r[0] for r in gevonden) == sorted(vreemd)
    velden = ("afzender", "berichttype", "identificatie")
    sleutels = {("12345678", "JW305", v) for v in [*vreemd, "b", "\\"]}
    assert sql.bestaand(m.Bericht, velden, sleutels) == {("12345678", "JW305", v) for v in vreemd}
