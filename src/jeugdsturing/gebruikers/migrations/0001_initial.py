# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
# Profiel and its history, taken over from the core app (ADR 0006): the tables exist
# already (core.0001), so this migration only records them in the state of this app.

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("contracten", "0001_initial"),
        ("regio", "0001_initial"),
        ("core", "0002_profiel_naar_gebruikers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='HistoricalProfiel',
                fields=[
                    ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                    ('rol', models.CharField(choices=[('regiobeheerder', 'Regiobeheerder'), ('contractmanager', 'Contractmanager'), ('beleid', 'Beleidsadviseur'), ('data-analist', 'Data-analist'), ('financien', 'Financiën'), ('aanbieder', 'Aanbieder'), ('beoordelaar', 'Beoordelaar'), ('gemeente', 'Gemeente'), ('raad', 'Gemeenteraad')], max_length=20, verbose_name='rol')),
                    ('history_id', models.AutoField(primary_key=True, serialize=False)),
                    ('history_date', models.DateTimeField(db_index=True)),
                    ('history_change_reason', models.TextField(null=True)),
                    ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                    ('aanbieder', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='contracten.aanbieder')),
                    ('gemeente', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regio.gemeente')),
                    ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ('regio', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='regio.regio', verbose_name='regio')),
                    ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'historical profiel',
                    'verbose_name_plural': 'historical profielen',
                    'db_table': 'core_historicalprofiel',
                    'ordering': ('-history_date', '-history_id'),
                    'get_latest_by': ('history_date', 'history_id'),
                },
                bases=(simple_history.models.HistoricalChanges, models.Model),
            ),
            migrations.CreateModel(
                name='Profiel',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('rol', models.CharField(choices=[('regiobeheerder', 'Regiobeheerder'), ('contractmanager', 'Contractmanager'), ('beleid', 'Beleidsadviseur'), ('data-analist', 'Data-analist'), ('financien', 'Financiën'), ('aanbieder', 'Aanbieder'), ('beoordelaar', 'Beoordelaar'), ('gemeente', 'Gemeente'), ('raad', 'Gemeenteraad')], max_length=20, verbose_name='rol')),
                    ('aanbieder', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contracten.aanbieder')),
                    ('gemeente', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regio.gemeente')),
                    ('regio', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='regio.regio', verbose_name='regio')),
                    ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='profiel', to=settings.AUTH_USER_MODEL)),
                ],
                options={
                    'verbose_name': 'profiel',
                    'verbose_name_plural': 'profielen',
                    'db_table': 'core_profiel',
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('gemeente__isnull', False), ('rol', 'gemeente')), models.Q(models.Q(('rol', 'gemeente'), _negated=True), ('gemeente__isnull', True)), _connector='OR'), name='profiel_gemeente_alleen_bij_gemeenterol'), models.CheckConstraint(condition=models.Q(models.Q(('aanbieder__isnull', False), ('rol', 'aanbieder')), models.Q(models.Q(('rol', 'aanbieder'), _negated=True), ('aanbieder__isnull', True)), _connector='OR'), name='profiel_aanbieder_alleen_bij_aanbiederrol')],
                },
            ),
            ],
        ),
    ]
