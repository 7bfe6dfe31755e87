"""Latvia as an editor would describe it, and the admin user who does."""

LATVIA = {
    "iso_code": "LV",
    "name": "Latvija",
    "name_genitive": "Latvijos",
    "name_instrumental": "Latvija",
    "name_locative": "Latvijoje",
    "official_name": "Latvijos Respublika",
    "official_name_genitive": "Latvijos Respublikos",
    "name_en": "Latvia",
    "official_name_en": "Republic of Latvia",
    "name_pl": "Łotwa",
    "name_pl_genitive": "Łotwy",
    "name_pl_instrumental": "Łotwą",
    "name_pl_locative": "na Łotwie",
    "official_name_pl": "Republika Łotewska",
    "official_name_pl_genitive": "Republiki Łotewskiej",
}

ESTONIA = {
    "iso_code": "EE",
    "name": "Estija",
    "name_genitive": "Estijos",
    "name_instrumental": "Estija",
    "name_locative": "Estijoje",
    "official_name": "Estijos Respublika",
    "official_name_genitive": "Estijos Respublikos",
    "name_en": "Estonia",
    "official_name_en": "Republic of Estonia",
}

SNIPPETS = "/admin/snippets/facts/country/"


def lithuanian_admin(client, django_user_model):
    """A superuser whose admin speaks Lithuanian, as the editors' does."""
    from wagtail.users.models import UserProfile

    user = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "lt"
    profile.save()
    client.force_login(user)
    return user
