"""The DAC 3-digit sector categories join the sectors (what a publisher gives when it says no
more than the category): reload the code lists into databases made before."""

from django.db import migrations

from counterpart.funding.services.reference import reference_data_load


def load(apps, schema_editor):
    reference_data_load(apps.get_model("funding", "Currency"), apps.get_model("projects", "Sector"))


class Migration(migrations.Migration):
    dependencies = [
        ("funding", "0012_alter_ledgerbalance_options_and_more"),
        ("projects", "0008_documents_are_web_pages"),
    ]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
