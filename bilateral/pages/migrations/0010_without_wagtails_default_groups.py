"""Wagtail's default "Editors" and "Moderators" groups go: they held add/change/publish rights on the
whole tree, beside our roles, whose rights are per country (bilateral/pages/roles.py). Their members
lose nothing they should have: a user gets a role group and their countries' groups."""

from django.db import migrations

WAGTAIL_DEFAULT_GROUPS = ["Editors", "Moderators"]


def remove_default_groups(apps, schema_editor):
    # Their page, collection and site permissions go with them (foreign keys, on delete cascade).
    apps.get_model("auth", "Group").objects.filter(name__in=WAGTAIL_DEFAULT_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0009_crossing_point_records"),
        # After every Wagtail migration that gives these groups rights (the newest of each app).
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(remove_default_groups, migrations.RunPython.noop)]
