"""?as_of= on a section page: the revision live that day, with a notice; clear 400 and 404 pages."""

import pytest
from django.utils import timezone
from wagtail.models import Locale

from .conftest import NEW_CROSSINGS, OLD_CROSSINGS

pytestmark = pytest.mark.django_db

NOTICE = "Rodoma, kaip puslapis atrodė 2020 m. birželio 1 d."


def get(client, page, query=""):
    response = client.get(page.url + query)
    return response, response.content.decode()


def test_today_the_page_shows_the_new_figure(client, two_versions):
    response, html = get(client, two_versions)
    assert response.status_code == 200
    assert NEW_CROSSINGS in html and OLD_CROSSINGS not in html
    assert "as-of-notice" not in html


def test_an_earlier_day_shows_the_old_figure_with_a_notice(client, two_versions):
    response, html = get(client, two_versions, "?as_of=2020-06-01")
    assert response.status_code == 200
    assert OLD_CROSSINGS in html and NEW_CROSSINGS not in html
    assert NOTICE in html
    # The notice comes before the stamp and links to the current version.
    assert html.index(NOTICE) < html.index('class="stamp"')
    assert f'<a href="{two_versions.url}">Žiūrėti dabartinę versiją</a>' in html
    assert response["X-Robots-Tag"] == "noindex"


def test_today_as_of_shows_the_new_figure(client, two_versions):
    _response, html = get(client, two_versions, f"?as_of={timezone.localdate().isoformat()}")
    assert NEW_CROSSINGS in html


def test_the_past_version_links_to_its_own_data(client, two_versions):
    _response, html = get(client, two_versions, "?as_of=2020-06-01")
    assert "&amp;as_of=2020-06-01" in html


def test_before_the_first_publication_is_a_404_with_a_message(client, two_versions):
    response, html = get(client, two_versions, "?as_of=2014-05-08")
    assert response.status_code == 404
    assert "2014 m. gegužės 8 d. šis puslapis dar nebuvo paskelbtas" in html
    assert "pirmą kartą jis paskelbtas 2014 m. gegužės 9 d." in html
    assert OLD_CROSSINGS not in html and NEW_CROSSINGS not in html


MALFORMED = ["", "2019-02-30", "20190101", "2019-1-1", "yesterday", "2019-01-01T00:00", "٢٠١٩-٠١-٠١", "2019-01-01\x00"]


def test_a_malformed_date_is_a_400_in_lithuanian(client, seeded):
    for value in MALFORMED:
        response = client.get(seeded.url, {"as_of": value})
        html = response.content.decode()
        assert response.status_code == 400, value
        assert "Neteisinga data" in html
        assert "Datą rašykite formatu MMMM-MM-DD, pavyzdžiui, 2019-01-01." in html


def test_the_english_page_says_so_in_english(client, seeded):
    english = seeded.get_translation(Locale.objects.get(language_code="en"))
    response, html = get(client, english, "?as_of=2020-06-01")
    assert response.status_code == 200
    assert "Shown as the page looked on June 1, 2020." in html
