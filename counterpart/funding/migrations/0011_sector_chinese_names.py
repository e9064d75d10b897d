"""Every DAC sector the product ships now has its Chinese name: reload them into databases made
before (names only; the codes and categories are unchanged)."""

from django.db import migrations

from counterpart.funding.services.reference import reference_data_load


def load(apps, schema_editor):
    reference_data_load(apps.get_model("funding", "Currency"), apps.get_model("projects", "Sector"))


class Migration(migrations.Migration):
    dependencies = [("funding", "0010_name_ug"), ("projects", "0006_title_in_either_language")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
