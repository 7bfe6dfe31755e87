"""Suppressed addresses: hard bounces and complaints, kept as a keyed hash."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("subscriptions", "0005_link_keys_unique"),
    ]

    operations = [
        migrations.CreateModel(
            name="Suppression",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("address_hash", models.CharField(max_length=64, unique=True, verbose_name="hashed address")),
                (
                    "reason",
                    models.CharField(
                        choices=[("bounce", "Hard bounce"), ("complaint", "Complaint (reported as spam)")],
                        max_length=10,
                        verbose_name="reason",
                    ),
                ),
                ("provider", models.CharField(blank=True, max_length=40, verbose_name="email service")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="suppressed at")),
                (
                    "subscriber",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="suppressions",
                        to="subscriptions.subscriber",
                    ),
                ),
            ],
            options={"verbose_name": "suppressed address", "verbose_name_plural": "suppressed addresses"},
        ),
    ]
