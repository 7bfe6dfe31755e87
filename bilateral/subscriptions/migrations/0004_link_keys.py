"""Random link keys: every existing subscriber gets its own (then 0005 makes them required and unique)."""

from django.db import migrations, models

import bilateral.subscriptions.models


def give_every_subscriber_a_key(apps, schema_editor):
    Subscriber = apps.get_model("subscriptions", "Subscriber")
    batch = []
    for subscriber in Subscriber.objects.only("pk").iterator(chunk_size=2000):
        subscriber.link_key = bilateral.subscriptions.models.new_link_key()
        batch.append(subscriber)
        if len(batch) == 2000:
            Subscriber.objects.bulk_update(batch, ["link_key"])
            batch = []
    Subscriber.objects.bulk_update(batch, ["link_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0003_outbox"),
    ]

    operations = [
        migrations.AddField(
            model_name="subscriber",
            name="link_key",
            field=models.CharField(editable=False, max_length=32, null=True, verbose_name="link key"),
        ),
        migrations.RunPython(give_every_subscriber_a_key, migrations.RunPython.noop),
    ]
