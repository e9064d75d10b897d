"""A class is its grade and number, not free text (a label could hold a pupil's name): the
number is read from the old label's last figure, or given in turn where it has none."""

import re

from django.db import migrations, models


def number_the_classes(apps, schema_editor):
    SchoolClass = apps.get_model("exchanges", "SchoolClass")
    taken: dict[tuple, set] = {}
    for group in SchoolClass.objects.order_by("pk"):
        used = taken.setdefault((group.school_id, group.grade), set())
        figures = re.findall(r"\d+", group.label or "")
        number = int(figures[-1]) if figures and 1 <= int(figures[-1]) <= 99 else None
        if number is None or number in used:
            number = min(n for n in range(1, 100) if n not in used)
        used.add(number)
        group.class_number = number
        group.label = ""  # whatever the label said goes with it
        group.save(update_fields=["class_number", "label"])


class Migration(migrations.Migration):
    dependencies = [("exchanges", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="schoolclass",
            name="class_number",
            field=models.PositiveSmallIntegerField(null=True),
        ),
        migrations.RunPython(number_the_classes, migrations.RunPython.noop),
        migrations.RemoveConstraint(model_name="schoolclass", name="class_label_once"),
        migrations.AlterModelOptions(
            name="schoolclass",
            options={
                "ordering": ["school", "grade", "class_number"],
                "verbose_name": "class",
                "verbose_name_plural": "classes",
            },
        ),
        migrations.RemoveField(model_name="schoolclass", name="label"),
        migrations.AlterField(
            model_name="schoolclass",
            name="class_number",
            field=models.PositiveSmallIntegerField(
                help_text="The class's number within its grade: 3 for Class 3.",
                verbose_name="class number",
            ),
        ),
        migrations.AddConstraint(
            model_name="schoolclass",
            constraint=models.UniqueConstraint(
                fields=("school", "grade", "class_number"), name="class_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="schoolclass",
            constraint=models.CheckConstraint(
                condition=models.Q(("class_number__gte", 1), ("class_number__lte", 99)),
                name="class_number_1_to_99",
            ),
        ),
    ]
