# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
# Import runs join the one status history (core.Statuswijziging, ADR 0008): each
# existing run gets its current status as its first row. Reversible.

from django.db import migrations

BEGIN = "stand bij invoering van de statusgeschiedenis"


def beginrijen(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Statuswijziging = apps.get_model("core", "Statuswijziging")
    ImportRun = apps.get_model("berichten", "ImportRun")
    ct, _ = ContentType.objects.get_or_create(app_label="berichten", model="importrun")
    Statuswijziging.objects.bulk_create(
        Statuswijziging(
            content_type=ct, object_id=r.pk, veld="status", naar=r.status, reden=BEGIN,
            op=r.gestart_op,
        )  # fmt: skip
        for r in ImportRun.objects.all()
    )


def terug(apps, schema_editor):
    Statuswijziging = apps.get_model("core", "Statuswijziging")
    Statuswijziging.objects.filter(
        content_type__app_label="berichten", content_type__model="importrun"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("berichten", "0012_indexen_zonder_like"),
        ("core", "0003_levenscyclus"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(beginrijen, terug)]
