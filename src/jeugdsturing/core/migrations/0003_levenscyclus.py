# SPDX-License-Identifier: EUPL-1.2
# SPDX-FileCopyrightText: 2026 de bijdragers aan jeugdsturing
# The one status history of every lifecycle (core/levenscyclus.py, ADR 0008).

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0002_profiel_naar_gebruikers'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='Statuswijziging',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('object_id', models.BigIntegerField(verbose_name='object')),
                ('veld', models.CharField(default='status', max_length=50, verbose_name='veld')),
                ('van', models.CharField(blank=True, max_length=30, verbose_name='van')),
                ('naar', models.CharField(max_length=30, verbose_name='naar')),
                ('op', models.DateTimeField(default=django.utils.timezone.now, verbose_name='op')),
                ('reden', models.CharField(max_length=1000, verbose_name='reden')),
                ('content_type', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='contenttypes.contenttype')),
                ('door', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'statuswijziging',
                'verbose_name_plural': 'statuswijzigingen',
                'ordering': ['op', 'pk'],
                'indexes': [models.Index(fields=['content_type', 'object_id', 'veld', 'op'], name='statuswijziging_object')],
            },
        ),
    ]
