"""The other half of projects' 0002: funding forgets the Sector model; the table is kept."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('funding', '0006_ledger_keys_checked_by_service'),
        ('projects', '0002_sector_from_funding'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
        migrations.AlterField(
            model_name='transaction',
            name='sector',
            field=models.ForeignKey(blank=True, db_constraint=False, db_index=False, help_text="Empty: the entry splits across its project's sectors.", null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='projects.sector', verbose_name='sector'),
        ),
        migrations.DeleteModel(
            name='Sector',
        ),
                ]
        )
    ]
