"""Sectors move from funding to projects (they classify what a project does; the ledger, above
projects, reads them from here). The table stays where it is: only Django's state changes."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0001_initial'),
        ('funding', '0006_ledger_keys_checked_by_service'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.CreateModel(
            name='Sector',
            fields=[
                ('name_en', models.CharField(max_length=200, verbose_name='name (English)')),
                ('name_zh', models.CharField(blank=True, max_length=200, verbose_name='name (Chinese)')),
                ('code', models.CharField(max_length=5, primary_key=True, serialize=False, verbose_name='DAC code')),
                ('category', models.CharField(choices=[('health', 'Health'), ('education', 'Education'), ('employment', 'Employment'), ('housing', 'Housing'), ('roads', 'Roads'), ('water', 'Water'), ('social_protection', 'Social protection'), ('industry', 'Industry'), ('infrastructure', 'Infrastructure'), ('governance', 'Governance'), ('other', 'Other')], max_length=20, verbose_name='category')),
            ],
            options={
                'verbose_name': 'sector',
                'verbose_name_plural': 'sectors',
                'db_table': 'funding_sector',
                'ordering': ['code'],
            },
        ),
        migrations.AlterField(
            model_name='projectsector',
            name='sector',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='projects.sector', verbose_name='sector'),
        ),
                ]
        )
    ]
