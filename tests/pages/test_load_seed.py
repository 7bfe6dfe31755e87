import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from bilateral.facts.models import Country
from bilateral.pages.models import CountryPage, HomePage, SectionPage


@pytest.mark.django_db
def test_load_seed_builds_the_tree():
    call_command("load_seed", stdout=open("/dev/null", "w"))
    home = HomePage.objects.get(locale__language_code="lt")
    assert home.get_site().root_page_id == home.pk
    belarus = CountryPage.objects.get(slug="baltarusija")
    assert belarus.country.iso_code == "BY"
    section = SectionPage.objects.get(slug="politinis-bendradarbiavimas")
    assert section.get_parent().pk == belarus.pk
    assert [block.block_type for block in section.body] == [
        "timeline",
        "border_crossings",
        "demarcation",
        "euroregions",
        "activities",
    ]
    assert section.live


@pytest.mark.django_db
def test_second_run_changes_nothing(capsys):
    call_command("load_seed")
    before = (
        Page.objects.count(),
        Revision.objects.count(),
        Country.objects.count(),
        list(SectionPage.objects.values_list("latest_revision_id", "first_published_at", "last_major_change_at")),
    )
    capsys.readouterr()
    call_command("load_seed")
    after = (
        Page.objects.count(),
        Revision.objects.count(),
        Country.objects.count(),
        list(SectionPage.objects.values_list("latest_revision_id", "first_published_at", "last_major_change_at")),
    )
    assert after == before
    assert "0 change(s)" in capsys.readouterr().out


@pytest.mark.django_db
def test_seed_keeps_its_own_history(seeded):
    from zoneinfo import ZoneInfo

    vilnius = ZoneInfo("Europe/Vilnius")
    assert seeded.first_published_at.astimezone(vilnius).strftime("%Y.%m.%d") == "2014.05.09"
    assert seeded.last_major_change_at.astimezone(vilnius).strftime("%Y.%m.%d %H:%M") == "2020.03.30 14:11"


@pytest.mark.django_db
def test_ensure_admin_creates_one_administrator_once(monkeypatch, capsys):
    from django.contrib.auth import get_user_model

    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("ensure_admin")
    first = capsys.readouterr().out
    assert "Password:" in first and "/admin/" in first
    call_command("ensure_admin")
    assert capsys.readouterr().out == ""
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_ensure_admin_takes_the_password_from_the_environment(monkeypatch, capsys):
    from django.contrib.auth import authenticate

    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-test-password")
    call_command("ensure_admin")
    assert "a-long-test-password" not in capsys.readouterr().out
    assert authenticate(username="admin", password="a-long-test-password") is not None
