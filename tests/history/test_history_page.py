"""The public "Atnaujinimų istorija" of a section page: major changes only, newest first, linked from the page."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from bilateral.pages.models import MajorChange

from .helpers import HISTORY_URL, SECTION_URL, publish


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.django_db
def test_history_lists_the_major_changes_newest_first_and_not_the_minor_one(client, seeded):
    publish(seeded, "major", "Patikslintas sienos ženklų skaičius", marks_declared_total=1951)
    publish(seeded, "minor", "ši pastaba neskelbiama", marks_declared_total=1952)
    publish(seeded, "major", "Atnaujinti plūdurų duomenys", buoys_count=72)
    main = soup_of(client, HISTORY_URL).find("main")
    assert main.h1.get_text(strip=True) == "Atnaujinimų istorija"
    items = main.select(".history-list__item")
    notes = [item.select_one(".history-list__note").get_text(strip=True) for item in items]
    assert notes == ["Atnaujinti plūdurų duomenys", "Patikslintas sienos ženklų skaičius"]
    assert "ši pastaba neskelbiama" not in main.get_text()
    assert [item["id"] for item in items] == [
        f"pakeitimas-{change.pk}" for change in MajorChange.objects.order_by("-published_at")
    ]
    # Each change links to the comparison with the version published just before it.
    assert all(item.find("a", href=lambda href: href and "palyginti/?a=" in href) for item in items)


@pytest.mark.django_db
def test_history_times_are_in_vilnius_time(client, seeded):
    publish(seeded, "major", "Pirmas", marks_declared_total=1951)
    change = MajorChange.objects.get()
    item = soup_of(client, HISTORY_URL).select_one(".history-list__item")
    local = timezone.localtime(change.published_at)
    assert item.find("time").get_text(strip=True) == local.strftime("%Y.%m.%d %H:%M")
    assert item.find("time")["datetime"] == local.isoformat()


@pytest.mark.django_db
def test_history_without_major_changes_says_so(client, seeded):
    main = soup_of(client, HISTORY_URL).find("main")
    assert "Esminių pakeitimų dar neužregistruota." in main.get_text()
    assert main.select(".history-list__item") == []
    assert "Paskelbta tik viena šio puslapio versija" in main.get_text()


@pytest.mark.django_db
def test_section_page_links_its_history_near_the_stamp(client, seeded):
    article = soup_of(client, SECTION_URL).find("article")
    stamp = article.find(class_="stamp")
    link = stamp.find_next_sibling("p").find("a")
    assert link.get_text(strip=True) == "Atnaujinimų istorija"
    assert link["href"] == HISTORY_URL
    # The stamp itself is unchanged by the link.
    assert " ".join(stamp.get_text(" ").split()) == "Sukurta 2014.05.09 / Atnaujinta 2020.03.30 14:11"


@pytest.mark.django_db
def test_history_offers_only_published_versions_to_compare(client, seeded):
    publish(seeded, "major", "Pirmas", marks_declared_total=1951)
    draft = seeded.save_revision()
    form = soup_of(client, HISTORY_URL).find("form", class_="history-form")
    options = {option["value"] for option in form.select("select[name=a] option")}
    assert len(options) == 2 and str(draft.pk) not in options
    labels = [option.get_text(strip=True) for option in form.select("select[name=a] option")]
    assert labels[0].endswith("– Pirmas")
    # The seed's first version counts from the page's first publication, not from when the seed was loaded.
    assert labels[1].startswith("2014.05.09 ")
    assert form.find("label", attrs={"for": "history-a"}).get_text(strip=True) == "Ankstesnė versija"
    assert form.find("label", attrs={"for": "history-b"}).get_text(strip=True) == "Vėlesnė versija"


@pytest.mark.django_db
def test_a_minor_correction_is_named_in_the_pages_language(client, seeded):
    publish(seeded, "minor", marks_declared_total=1951)
    form = soup_of(client, HISTORY_URL).find("form", class_="history-form")
    labels = [option.get_text(strip=True) for option in form.select("select[name=a] option")]
    assert labels[0].endswith("– smulkus pataisymas")


@pytest.mark.django_db
def test_history_of_an_unpublished_page_is_not_found(client, seeded):
    seeded.unpublish()
    assert client.get(HISTORY_URL).status_code == 404
