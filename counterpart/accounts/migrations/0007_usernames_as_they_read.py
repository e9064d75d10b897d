import django.db.models.functions.text
from django.db import migrations, models


def read_usernames(apps, schema_editor):
    """Each account's username as it reads; of two existing ones that read alike, the later
    keeps no key (it signs in as before; no new account can take a name like either)."""
    from counterpart.accounts.usernames import username_key

    User = apps.get_model("accounts", "User")
    taken = set()
    for user in User.objects.order_by("pk").only("pk", "username"):
        key = username_key(user.username)
        if key not in taken:
            taken.add(key)
            User.objects.filter(pk=user.pk).update(username_key=key)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0006_sign_in_counts"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="username_key",
            field=models.CharField(
                editable=False,
                max_length=150,
                null=True,
                unique=True,
                verbose_name="username as it reads",
            ),
        ),
        migrations.RunPython(read_usernames, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="user",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                condition=models.Q(("email", ""), _negated=True),
                name="one_account_per_email",
            ),
        ),
    ]
