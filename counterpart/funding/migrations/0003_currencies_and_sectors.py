"""The currencies the programme uses and the DAC 5-digit sectors, from the data the product ships."""

from django.db import migrations

from counterpart.funding.services.reference import reference_data_load


def load(apps, schema_editor):
    reference_data_load(apps.get_model("funding", "Currency"), apps.get_model("funding", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("funding", "0002_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
