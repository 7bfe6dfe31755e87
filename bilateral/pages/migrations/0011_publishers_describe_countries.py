"""Publishers may add and correct countries (the "Šalys" snippets) and so add a partner country
(pages/new_country.py): the portal is run by its publishers, not by a superuser."""

from django.db import migrations

PUBLISHERS = "Publikuotojai"
COUNTRY_PERMISSIONS = {"add_country": "Can add country", "change_country": "Can change country",
                       "view_country": "Can view country"}


def let_publishers_describe_countries(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    country_type, _created = ContentType.objects.get_or_create(app_label="facts", model="country")
    publishers, _created = Group.objects.get_or_create(name=PUBLISHERS)
    for codename, name in COUNTRY_PERMISSIONS.items():
        permission, _created = Permission.objects.get_or_create(
            content_type=country_type, codename=codename, defaults={"name": name}
        )
        publishers.permissions.add(permission)


def forget(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=PUBLISHERS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="facts"))


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0010_without_wagtails_default_groups"),
        ("facts", "0002_country_name_forms"),
    ]

    operations = [migrations.RunPython(let_publishers_describe_countries, forget)]
