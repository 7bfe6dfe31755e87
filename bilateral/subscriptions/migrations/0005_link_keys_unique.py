"""Link keys required and unique (0004 filled them, in its own transaction)."""

from django.db import migrations, models

import bilateral.subscriptions.models


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0004_link_keys"),
    ]

    operations = [
        migrations.AlterField(
            model_name="subscriber",
            name="link_key",
            field=models.CharField(
                default=bilateral.subscriptions.models.new_link_key,
                editable=False,
                max_length=32,
                unique=True,
                verbose_name="link key",
            ),
        ),
    ]
