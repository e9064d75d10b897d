from django.db import migrations, models


def titles_as_data(apps, schema_editor):
    """A title written before messages were kept as data stays as it was written."""
    Review = apps.get_model("reporting", "Review")
    for review in Review.objects.only("pk", "title").iterator():
        Review.objects.filter(pk=review.pk).update(
            about={"said": "text", "values": {"text": review.title}}
        )


class Migration(migrations.Migration):
    dependencies = [("reporting", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="review",
            name="about",
            field=models.JSONField(default=dict, verbose_name="record"),
            preserve_default=False,
        ),
        migrations.RunPython(titles_as_data, migrations.RunPython.noop),
        migrations.RemoveField(model_name="review", name="title"),
    ]
