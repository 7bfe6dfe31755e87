"""The name forms the preview and the coming sentences need: instrumental, official nominative, English
official name; the ISO code checked against the standard. The seed's countries get their forms here."""

from django.db import migrations, models

import bilateral.facts.country_codes

SEEDED_FORMS = {
    "LT": ("Lietuva", "Lietuvos Respublika", "Republic of Lithuania"),
    "BY": ("Baltarusija", "Baltarusijos Respublika", "Republic of Belarus"),
    "PL": ("Lenkija", "Lenkijos Respublika", "Republic of Poland"),
    "LV": ("Latvija", "Latvijos Respublika", "Republic of Latvia"),
    "RU": ("Rusija", "Rusijos Federacija", "Russian Federation"),
}


def fill_seeded_forms(apps, schema_editor):
    Country = apps.get_model("facts", "Country")
    for code, (instrumental, official, official_en) in SEEDED_FORMS.items():
        Country.objects.filter(iso_code=code, name_instrumental="").update(
            name_instrumental=instrumental, official_name=official, official_name_en=official_en
        )


class Migration(migrations.Migration):
    dependencies = [("facts", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="country",
            name="name_instrumental",
            field=models.CharField(
                default="", help_text="Baltarusija: „santykiai su …“", max_length=100, verbose_name="name (instrumental)"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="country",
            name="official_name",
            field=models.CharField(
                default="", help_text="Baltarusijos Respublika", max_length=150, verbose_name="official name (nominative)"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="country",
            name="official_name_en",
            field=models.CharField(
                default="", help_text="Republic of Belarus", max_length=150, verbose_name="official name in English"
            ),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name="country",
            name="iso_code",
            field=models.CharField(
                error_messages={"unique": "A country with this code already exists."},
                help_text="For example BY, LV.",
                max_length=2,
                unique=True,
                validators=[bilateral.facts.country_codes.validate_iso_code],
                verbose_name="ISO 3166-1 alpha-2 code",
            ),
        ),
        migrations.RunPython(fill_seeded_forms, migrations.RunPython.noop),
    ]
