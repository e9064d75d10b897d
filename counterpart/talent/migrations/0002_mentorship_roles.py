"""Mentorships name roles from a list, not free text (which could hold a name): each old text
becomes the role it describes, and whatever else it said is dropped."""

from django.db import migrations, models

ROLE_WORDS = [
    ("senior teacher", "senior_teacher"),
    ("teacher", "young_teacher"),
    ("senior doctor", "senior_doctor"),
    ("doctor", "young_doctor"),
    ("paediatrician", "young_doctor"),
    ("physician", "young_doctor"),
    ("nurse", "nurse"),
    ("engineer", "engineer"),
    ("technician", "technician"),
    ("official", "official"),
    ("manager", "manager"),
]


def role_of(text: str, default: str) -> str:
    lowered = (text or "").lower()
    if not lowered.strip():
        return default
    return next((role for word, role in ROLE_WORDS if word in lowered), "other_staff")


def roles_from_text(apps, schema_editor):
    Mentorship = apps.get_model("talent", "Mentorship")
    for mentorship in Mentorship.objects.all():
        mentorship.mentee_role = role_of(mentorship.mentee_role, "other_staff")
        mentorship.local_mentor_role = role_of(mentorship.local_mentor_role, "")
        mentorship.save(update_fields=["mentee_role", "local_mentor_role"])


class Migration(migrations.Migration):
    dependencies = [("talent", "0001_initial")]

    operations = [
        migrations.RunPython(roles_from_text, migrations.RunPython.noop),
        migrations.AddField(
            model_name="mentorship",
            name="mentee_field",
            field=models.CharField(
                blank=True,
                choices=[
                    ("paediatrics", "Paediatrics"),
                    ("ophthalmology", "Ophthalmology"),
                    ("cardiology", "Cardiology"),
                    ("orthopaedics", "Orthopaedics"),
                    ("general_surgery", "General surgery"),
                    ("internal_medicine", "Internal medicine"),
                    ("obstetrics", "Obstetrics and gynaecology"),
                    ("anaesthesiology", "Anaesthesiology"),
                    ("nursing", "Nursing"),
                    ("hospital_management", "Hospital management"),
                    ("language_teaching", "Language teaching"),
                    ("mathematics_teaching", "Mathematics teaching"),
                    ("science_teaching", "Science teaching"),
                    ("vocational_teaching", "Vocational teaching"),
                    ("civil_engineering", "Civil engineering"),
                    ("agriculture", "Agriculture"),
                    ("information_technology", "Information technology"),
                    ("finance", "Finance"),
                    ("public_administration", "Public administration"),
                ],
                max_length=40,
                verbose_name="mentee's field",
            ),
        ),
    ]
