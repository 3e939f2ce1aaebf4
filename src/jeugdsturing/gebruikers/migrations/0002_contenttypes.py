# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
# The content types (and so the admin permissions and history links) of Profiel follow
# the model to the gebruikers app; a database made before the move keeps its rows.

from django.db import migrations


def verhuis(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("profiel", "historicalprofiel"):
        if not ContentType.objects.filter(app_label="gebruikers", model=model).exists():
            ContentType.objects.filter(app_label="core", model=model).update(
                app_label="gebruikers"
            )


def terug(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("profiel", "historicalprofiel"):
        if not ContentType.objects.filter(app_label="core", model=model).exists():
            ContentType.objects.filter(app_label="gebruikers", model=model).update(
                app_label="core"
            )


class Migration(migrations.Migration):
    dependencies = [
        ("gebruikers", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(verhuis, terug)]
