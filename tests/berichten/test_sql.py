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
