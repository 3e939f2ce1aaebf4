# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
# Profiel moves to the gebruikers app (ADR 0006). The tables stay where they are
# (core_profiel, core_historicalprofiel): only Django's idea of which app owns them
# changes here; gebruikers.0001 takes them over.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="HistoricalProfiel"),
                migrations.DeleteModel(name="Profiel"),
            ],
            database_operations=[],
        )
    ]
