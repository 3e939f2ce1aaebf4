# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
# Contract status history moves into the one status history (core.Statuswijziging,
# ADR 0008): every row is copied with its moment, user and reason; a contract without
# history gets its current status as its first row. Reversible.

from django.db import migrations

BEGIN = "stand bij invoering van de statusgeschiedenis"


def kopieer(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Statuswijziging = apps.get_model("core", "Statuswijziging")
    Oud = apps.get_model("contracten", "OvereenkomstStatuswijziging")
    Overeenkomst = apps.get_model("contracten", "Overeenkomst")
    ct, _ = ContentType.objects.get_or_create(app_label="contracten", model="overeenkomst")
    Statuswijziging.objects.bulk_create(
        Statuswijziging(
            content_type=ct, object_id=w.overeenkomst_id, veld="status", van=w.van,
            naar=w.naar, op=w.op, door_id=w.door_id, reden=w.reden,
        )  # fmt: skip
        for w in Oud.objects.order_by("op", "pk")
    )
    met = set(Statuswijziging.objects.filter(content_type=ct).values_list("object_id", flat=True))
    Statuswijziging.objects.bulk_create(
        Statuswijziging(content_type=ct, object_id=ok.pk, veld="status", naar=ok.status, reden=BEGIN)
        for ok in Overeenkomst.objects.exclude(pk__in=met)
    )


def terug(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Statuswijziging = apps.get_model("core", "Statuswijziging")
    Oud = apps.get_model("contracten", "OvereenkomstStatuswijziging")
    ct = ContentType.objects.filter(app_label="contracten", model="overeenkomst").first()
    if ct is None:
        return
    rijen = Statuswijziging.objects.filter(content_type=ct).exclude(reden=BEGIN)
    for w in rijen.order_by("op", "pk"):
        oud = Oud.objects.create(
            overeenkomst_id=w.object_id, van=w.van, naar=w.naar, door_id=w.door_id,
            reden=w.reden[:500],
        )  # fmt: skip
        Oud.objects.filter(pk=oud.pk).update(op=w.op)
    Statuswijziging.objects.filter(content_type=ct).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("contracten", "0003_backtestuitslag"),
        ("core", "0003_levenscyclus"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(kopieer, terug),
        migrations.DeleteModel(name="OvereenkomstStatuswijziging"),
    ]
