# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
# The tender's status history moves into the one status history (core.Statuswijziging,
# ADR 0008): every row is copied with its moment, user and reason. Bids, places per lot
# and agreements had no history of their status: each gets its current status as its
# first row, as does a tender without history. Reversible.

from django.db import migrations

BEGIN = "stand bij invoering van de statusgeschiedenis"


def _beginrijen(apps, model, ct):
    Statuswijziging = apps.get_model("core", "Statuswijziging")
    met = set(Statuswijziging.objects.filter(content_type=ct).values_list("object_id", flat=True))
    Statuswijziging.objects.bulk_create(
        Statuswijziging(content_type=ct, object_id=o.pk, veld="status", naar=o.status, reden=BEGIN)
        for o in model.objects.exclude(pk__in=met)
    )


def kopieer(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Statuswijziging = apps.get_model("core", "Statuswijziging")
    Oud = apps.get_model("verwerving", "AanbestedingStatuswijziging")
    ct, _ = ContentType.objects.get_or_create(app_label="verwerving", model="aanbesteding")
    Statuswijziging.objects.bulk_create(
        Statuswijziging(
            content_type=ct, object_id=w.aanbesteding_id, veld="status", van=w.van,
            naar=w.naar, op=w.op, door_id=w.door_id, reden=w.reden,
        )  # fmt: skip
        for w in Oud.objects.order_by("op", "pk")
    )
    for naam in ("aanbesteding", "inschrijving", "perceelplaats", "afspraak"):
        ct, _ = ContentType.objects.get_or_create(app_label="verwerving", model=naam)
        _beginrijen(apps, apps.get_model("verwerving", naam), ct)


def terug(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Statuswijziging = apps.get_model("core", "Statuswijziging")
    Oud = apps.get_model("verwerving", "AanbestedingStatuswijziging")
    ct = ContentType.objects.filter(app_label="verwerving", model="aanbesteding").first()
    if ct is not None:
        rijen = Statuswijziging.objects.filter(content_type=ct).exclude(reden=BEGIN)
        for w in rijen.order_by("op", "pk"):
            oud = Oud.objects.create(
                aanbesteding_id=w.object_id, van=w.van, naar=w.naar, door_id=w.door_id,
                reden=w.reden[:500],
            )  # fmt: skip
            Oud.objects.filter(pk=oud.pk).update(op=w.op)
    Statuswijziging.objects.filter(
        content_type__app_label="verwerving",
        content_type__model__in=["aanbesteding", "inschrijving", "perceelplaats", "afspraak"],
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("verwerving", "0006_vraag_publicatietekst"),
        ("core", "0003_levenscyclus"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(kopieer, terug),
        migrations.DeleteModel(name="AanbestedingStatuswijziging"),
    ]
