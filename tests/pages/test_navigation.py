"""Home → partner countries → Baltarusija → its sections, with breadcrumbs and the stamp."""

import pytest
from bs4 import BeautifulSoup

SECTION_URL = "/salys/baltarusija/politinis-bendradarbiavimas/"


def soup_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def link_texts(element):
    return {a.get_text(strip=True): a["href"] for a in element.find_all("a")}


@pytest.mark.django_db
def test_home_links_to_the_countries(client, seeded):
    main = soup_of(client, "/").find("main")
    links = link_texts(main)
    assert links["Baltarusija"] == "/salys/baltarusija/"
    assert links["Visos šalys partnerės"] == "/salys/"


@pytest.mark.django_db
def test_country_list_links_to_each_country(client, seeded):
    soup = soup_of(client, "/salys/")
    assert soup.find("h1").get_text(strip=True) == "Šalys partnerės"
    assert link_texts(soup.find("main"))["Baltarusija"] == "/salys/baltarusija/"


@pytest.mark.django_db
def test_country_page_lists_its_sections(client, seeded):
    soup = soup_of(client, "/salys/baltarusija/")
    sections = soup.find("ul", class_="section-summaries")
    assert link_texts(sections) == {"Politinis bendradarbiavimas": SECTION_URL}


@pytest.mark.django_db
def test_section_page_has_breadcrumbs_navigation_and_stamp(client, seeded):
    soup = soup_of(client, SECTION_URL)
    crumbs = soup.find("nav", class_="breadcrumbs")
    assert [li.get_text(strip=True) for li in crumbs.find_all("li")] == [
        "Dvišaliai santykiai",
        "Šalys partnerės",
        "Baltarusija",
        "Politinis bendradarbiavimas",
    ]
    assert crumbs.find("li", attrs={"aria-current": "page"}).get_text(strip=True) == "Politinis bendradarbiavimas"
    current = soup.find("nav", class_="section-nav").find("a", attrs={"aria-current": "page"})
    assert current["href"] == SECTION_URL
    stamp = soup.find(class_="stamp")
    assert " ".join(stamp.get_text(" ").split()) == "Sukurta 2014.05.09 / Atnaujinta 2020.03.30 14:11"
    times = [time["datetime"] for time in stamp.find_all("time")]
    assert times == ["2014-05-09T09:00:00+03:00", "2020-03-30T14:11:00+03:00"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/salys/", "/salys/baltarusija/", SECTION_URL])
def test_every_page_has_one_main_one_h1_skip_link_and_lang(client, seeded, url):
    soup = soup_of(client, url)
    assert soup.html["lang"] == "lt"
    assert len(soup.find_all("main")) == 1
    assert len(soup.find_all("h1")) == 1
    skip = soup.find("a", class_="skip-link")
    assert skip["href"] == "#main" and soup.find(id="main").name == "main"
    assert soup.find("footer") is not None


@pytest.mark.django_db
def test_the_stamp_moves_with_a_major_change(client, seeded):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    seeded.last_major_change_at = datetime(2021, 1, 2, 3, 4, tzinfo=ZoneInfo("Europe/Vilnius"))
    seeded.save(update_fields=["last_major_change_at"])
    stamp = soup_of(client, SECTION_URL).find(class_="stamp")
    assert "Atnaujinta 2021.01.02 03:04" in " ".join(stamp.get_text(" ").split())


@pytest.mark.django_db
def test_unknown_page_is_404(client, seeded):
    assert client.get("/salys/nera-tokios/").status_code == 404
