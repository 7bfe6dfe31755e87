"""Comparing two published versions: both rendered side by side, changes marked in words, bad choices 4xx."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageLogEntry

from bilateral.history.comparison import word_diff
from bilateral.pages.models import SectionPage

from .helpers import COMPARE_URL, publish, save_draft


def compare(client, a, b, status=200):
    response = client.get(COMPARE_URL, {"a": a, "b": b})
    assert response.status_code == status
    return BeautifulSoup(response.content, "html.parser").find("main")


def changed_rows(main):
    return main.select("tr.compare__row--changed")


def first_revision(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action="wagtail.publish").earliest("timestamp").revision


@pytest.mark.django_db
def test_a_changed_figure_is_marked_removed_and_added(client, seeded):
    before = first_revision(seeded)
    after = publish(seeded, "major", "Patikslintas ženklų skaičius", marks_declared_total=1951)
    main = compare(client, before.pk, after.pk)
    rows = changed_rows(main)
    assert len(rows) == 1
    old_cell, new_cell = rows[0].find_all("td")
    # The figure and the words whose form follows it ("įrengti … ženklai" → "įrengtas … ženklas").
    assert [d.get_text() for d in old_cell.find_all("del")] == ["pašalinta: įrengti 1955", "pašalinta: ženklai"]
    assert [i.get_text() for i in new_cell.find_all("ins")] == ["pridėta: įrengtas 1951", "pridėta: ženklas"]
    assert old_cell.find("del").find(class_="visually-hidden").get_text() == "pašalinta: "
    # Both versions are shown in full, side by side.
    headers = [th.get_text(" ", strip=True) for th in main.select("thead th")]
    assert headers[0].startswith("Ankstesnė versija") and headers[1].startswith("Vėlesnė versija")
    assert "Patikslintas ženklų skaičius" in headers[1]
    assert "Iš viso įrengti 1955 valstybės sienos ženklai" in old_cell.get_text().replace("pašalinta: ", "")
    assert "Iš viso įrengtas 1951 valstybės sienos ženklas" in new_cell.get_text().replace("pridėta: ", "")
    assert "Skiriasi 1 vieta." in main.get_text()


@pytest.mark.django_db
def test_the_order_of_the_choice_does_not_matter(client, seeded):
    before = first_revision(seeded)
    after = publish(seeded, "major", "Pirmas", marks_declared_total=1951)
    main = compare(client, after.pk, before.pk)
    old_cell, new_cell = changed_rows(main)[0].find_all("td")
    assert "1955" in old_cell.find("del").get_text() and "1951" in new_cell.find("ins").get_text()


@pytest.mark.django_db
def test_a_text_change_is_marked(client, seeded):
    before = first_revision(seeded)
    after = publish(
        seeded,
        "major",
        "Patikslintas finansavimas",
        funding_note="Lietuvos atliekami demarkavimo darbai buvo finansuojami ES lėšomis.",
        final_documents_note="",
    )
    main = compare(client, before.pk, after.pk)
    deleted = " ".join(d.get_text() for d in main.find_all("del"))
    inserted = " ".join(i.get_text() for i in main.find_all("ins"))
    assert "valstybės biudžeto lėšomis, didžioji dalis Baltarusijos atliekamų darbų –" in deleted
    assert "Tai pirmoji baigta demarkuoti rytinė išorinė ES siena." in deleted
    assert "pridėta:" not in inserted or "valstybės biudžeto" not in inserted
    unchanged = [row for row in main.select("tbody tr") if "compare__row--changed" not in row.get("class", [])]
    assert any("Dėl Lietuvos ir Baltarusijos valstybių sienos" in row.get_text() for row in unchanged)


@pytest.mark.django_db
def test_identical_versions_say_they_do_not_differ(client, seeded):
    before = first_revision(seeded)
    after = publish(seeded, "minor")
    main = compare(client, before.pk, after.pk)
    assert "Šios dvi versijos nesiskiria." in main.get_text()
    assert changed_rows(main) == [] and main.find("del") is None and main.find("ins") is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query, status, message",
    [
        ({}, 400, "Pasirinkite dvi paskelbtas šio puslapio versijas"),
        ({"a": "x", "b": "1"}, 400, "Pasirinkite dvi paskelbtas šio puslapio versijas"),
        ({"a": "1.5", "b": ""}, 400, "Pasirinkite dvi paskelbtas šio puslapio versijas"),
        ({"a": "999999999", "b": "FIRST"}, 404, "Šis puslapis neturi paskelbtos versijos tokiu numeriu."),
        ({"a": "99999999999999999999999", "b": "FIRST"}, 404, "Šis puslapis neturi paskelbtos versijos"),
        ({"a": "FIRST", "b": "FIRST"}, 400, "Pasirinkite dvi skirtingas versijas."),
    ],
)
def test_bad_choices_are_refused_in_lithuanian(client, seeded, query, status, message):
    first = str(first_revision(seeded).pk)
    query = {key: first if value == "FIRST" else value for key, value in query.items()}
    response = client.get(COMPARE_URL, query)
    assert response.status_code == status
    main = BeautifulSoup(response.content, "html.parser").find("main")
    assert message in main.find(role="alert").get_text()


@pytest.mark.django_db
def test_an_unpublished_draft_cannot_be_compared(client, seeded):
    before = first_revision(seeded)
    draft = save_draft(seeded, marks_declared_total=1000)
    main = compare(client, before.pk, draft.pk, status=404)
    assert "1000" not in main.get_text()


@pytest.mark.django_db
def test_a_revision_of_another_page_cannot_be_compared(client, seeded):
    before = first_revision(seeded)
    country_page = seeded.get_parent()
    other_revision = PageLogEntry.objects.filter(page_id=country_page.pk, action="wagtail.publish").first().revision
    compare(client, before.pk, other_revision.pk, status=404)


@pytest.mark.django_db
def test_a_merely_scheduled_revision_cannot_be_compared(client, seeded):
    from datetime import timedelta

    from django.utils import timezone

    before = first_revision(seeded)
    page = SectionPage.objects.get(pk=seeded.pk)
    page.go_live_at = timezone.now() + timedelta(days=1)
    page.change_kind, page.change_note = "major", "Rytoj"
    scheduled = page.save_revision()
    scheduled.publish()
    assert PageLogEntry.objects.filter(revision=scheduled, action="wagtail.publish.schedule").exists()
    compare(client, before.pk, scheduled.pk, status=404)


def test_word_diff_marks_only_the_changed_words():
    old, new = word_diff("Iš viso 1955 valstybės ženklai, iš jų 93", "Iš viso 1951 valstybės ženklas, iš jų 93")
    assert str(old).count("<del>") == 2 and str(old).startswith("Iš viso <del>") and str(old).endswith(", iš jų 93")
    assert '<ins><span class="visually-hidden">pridėta: </span>1951</ins> valstybės <ins>' in str(new)


def test_word_diff_joins_neighbouring_changed_words():
    old, new = word_diff("a b c d", "a x y d")
    assert str(old).count("<del>") == 1 and "b c</del>" in str(old)
    assert str(new).count("<ins>") == 1 and "x y</ins>" in str(new)


def test_word_diff_escapes_html():
    old, new = word_diff("<b>1</b>", "<b>2</b>")
    assert "<b>" not in str(old) and "&lt;b&gt;" in str(new)
