"""The editor's whole path in Chromium: a new section page with every fact block, checks, publishing."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import WorkflowState

from bilateral.pages.models import MajorChange, SectionPage

from .admin import (
    add_list_item,
    assert_no_violations,
    assert_public_page_passes_axe,
    belarus_page,
    block,
    child,
    exactly,
    fact_checks,
    fill_date,
    insert_block,
    log_in,
    make_user,
    more_actions,
    open_publish_dialog,
    opened,
    save_draft,
    submit,
    this_change,
    top_level_toggles,
)
from .conftest import COUNTRY_PATH, HOME_PATH
from .effort import count_effort, effort

pytestmark = pytest.mark.browser

TITLE = "Ekonominis bendradarbiavimas"
SLUG = "ekonominis-bendradarbiavimas"
NOTE = "Pridėtas ekonominio bendradarbiavimo skyrius."
PROSE = "Ekonominiai ryšiai plėtojami nuo 1992 metų."
MARKS_FIGURES = "Border marks by type: 10 + 5 = 15, declared total 20"


# --- the StreamField editor ------------------------------------------------------------------------


def template_block(page, label):
    """One of the blocks a new section starts with (pages/section_template.py), opened."""
    return opened(block(page.locator("#body-root"), label).first)


def append_top_level_block(page, label):
    body = page.locator("#body-root")
    before = block(body, label).count()
    # The stream's last "+" follows its last block, after every nested stream's "+".
    insert_block(page, body.get_by_role("button", name="Insert a block").last, label)
    expect(block(body, label)).to_have_count(before + 1)
    return block(body, label).last


def add_timeline(page):
    timeline = template_block(page, "Diplomatic timeline")
    insert_block(page, timeline.get_by_role("button", name="Insert a block").first, "Event")
    event = block(timeline, "Event")
    fill_date(child(event, "date"), 1992)
    event.get_by_label(exactly("Event")).select_option(label="Diplomatic relations established")


def fill_crossing_points(item, kind, count):
    item.get_by_label(exactly("Kind")).select_option(label=kind)
    item.get_by_label(exactly("Regime")).select_option(label="International")
    item.get_by_label(exactly("Number of points")).fill(str(count))


def add_border_crossings(page):
    crossings = template_block(page, "Border crossing points")
    points = child(crossings, "points")
    # The list starts empty.
    fill_crossing_points(add_list_item(points, "Crossing points"), "Road", 4)
    fill_crossing_points(add_list_item(points, "Crossing points"), "Rail", 2)
    crossings.get_by_label(exactly("International points in total (as stated)")).fill("6")


def add_demarcation(page, declared_marks):
    demarcation = template_block(page, "Demarcation of the border")
    demarcation.get_by_label(exactly("Treaty title")).fill("Lietuvos ir Baltarusijos sienos sutartis")
    fill_date(child(demarcation, "treaty_signed"), 1995)
    fill_date(child(demarcation, "marking_completed"), 2007)
    demarcation.get_by_label(exactly("Total length, km")).fill("679")
    marks = child(demarcation, "marks")
    for mark_type, count in (("On land", 10), ("Special", 5)):
        item = add_list_item(marks, "Border marks")
        item.get_by_label(exactly("Type")).select_option(label=mark_type)
        item.get_by_label(exactly("Number of marks")).fill(str(count))
    demarcation.get_by_label(exactly("Border marks in total (as declared)")).fill(str(declared_marks))


def fill_member_group(item, country, member):
    item.get_by_label(exactly("Country")).select_option(label=country)
    # A list of plain text fields: each item is named by the heading "Member body", its input is unlabelled.
    block(item, "Member body").first.get_by_role("textbox").fill(member)


def add_euroregions(page):
    euroregions = template_block(page, "Euroregions")
    euroregion = block(euroregions, "Euroregion").first  # the list starts with one empty euroregion
    euroregion.get_by_label(exactly("Name")).fill("Nemunas")
    groups = child(euroregion, "member_groups")
    fill_member_group(block(groups, "Members from one country").first, "Baltarusija", "Gardino sritis")
    fill_member_group(add_list_item(groups, "Members from one country"), "Lietuva", "Alytaus apskritis")


def add_activities(page):
    activities = template_block(page, "Activities")
    insert_block(page, activities.get_by_role("button", name="Insert a block").first, "Activity")
    block(activities, "Activity").get_by_label(exactly("What is done")).fill("Vykdomi bendri pasieniečių mokymai")


def add_prose(page):
    prose = append_top_level_block(page, "Text")
    editor = prose.get_by_role("textbox")
    editor.click()
    editor.press_sequentially(PROSE)
    # Draftail writes its hidden input a moment after the typing: saving before that loses the text.
    expect(prose.locator("input[type=hidden]")).to_have_value(re.compile(re.escape(PROSE)))


# --- the tests ---------------------------------------------------------------------------------------


def test_publisher_creates_checks_and_publishes_a_section(admin_page, site_url, django_user_model, axe_js):
    page = admin_page
    make_user(django_user_model, "publikuotoja", "Publikuotojai", "Publikuotojai: Baltarusija")
    country = belarus_page()
    log_in(page, site_url, "publikuotoja")

    # Add child page → Section page (a country page also takes general pages). From here on the
    # clicks and the fields given a value are counted (README, "Editors").
    count_effort(page)
    page.goto(site_url + f"/admin/pages/{country.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="Add child page").first.click()
    with page.expect_navigation():
        page.get_by_role("link", name=re.compile(r"^\s*Section page")).first.click()
    expect(page).to_have_url(re.compile(rf"/admin/pages/add/pages/sectionpage/{country.pk}/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Section page")

    # The section starts from the template: the usual fact blocks, empty and collapsed.
    expect(top_level_toggles(page)).to_have_count(5)
    for toggle in top_level_toggles(page).all():
        expect(toggle).to_have_attribute("aria-expanded", "false")

    page.get_by_role("textbox", name=re.compile(r"^Title\*?$")).fill(TITLE)
    add_timeline(page)
    add_border_crossings(page)
    add_demarcation(page, declared_marks=15)
    add_euroregions(page)
    add_activities(page)
    add_prose(page)
    # Only the block being edited is open.
    expect(top_level_toggles(page).and_(page.locator("[aria-expanded='true']"))).to_have_count(1)

    # A first draft whose figures add up: the checks have nothing to say.
    save_draft(page)
    clicks, fields = effort(page)
    print(f"\nEditor effort, a section with every fact block from the template: {clicks} clicks, {fields} fields")
    expect(page).to_have_url(re.compile(r"/admin/pages/\d+/edit/"))
    new_page = SectionPage.objects.get(slug=SLUG)
    assert new_page.get_parent().pk == country.pk and not new_page.live
    assert [b.block_type for b in new_page.get_latest_revision_as_object().body] == [
        "timeline",
        "border_crossings",
        "demarcation",
        "euroregions",
        "activities",
        "prose",
    ]
    expect(fact_checks(page)).to_contain_text("The fact checks found no problems")

    # Now the marks by type no longer add up to the declared total.
    demarcation = opened(block(page.locator("#body-root"), "Demarcation of the border"))
    demarcation.get_by_label(exactly("Border marks in total (as declared)")).fill("20")
    # Warned beside the field as it is typed, before saving.
    live = demarcation.locator("[data-contentpath='marks_declared_total'] [data-live-fact-warnings]")
    expect(live).to_contain_text(MARKS_FIGURES)
    save_draft(page)
    draft = SectionPage.objects.get(pk=new_page.pk).get_latest_revision_as_object()
    marks = [b.value for b in draft.body if b.block_type == "demarcation"][0]
    assert [mark["count"] for mark in marks["marks"]] == [10, 5] and marks["marks_declared_total"] == 20
    warning = fact_checks(page).locator("li[data-rule='demarcation.marks_total']")
    expect(warning).to_have_count(1)
    expect(warning).to_contain_text("The border marks by type do not add up to the declared total.")
    expect(warning.locator(".fact-checks__figures")).to_have_text(f"({MARKS_FIGURES})")
    expect(fact_checks(page).locator("li")).to_have_count(1)
    assert_no_violations(fact_checks(page), axe_js, "the fact-checks panel (with a warning)")

    # Publishing asks, in its dialog, major or minor (no empty option); the note is for a major change.
    dialog = open_publish_dialog(page, "Publish")
    expect(dialog.locator("input[name='change_kind']")).to_have_count(2)
    expect(dialog.get_by_label(exactly("Public change note"))).to_be_hidden()
    dialog.get_by_label(re.compile(r"^\s*Minor change")).check()
    expect(dialog.get_by_label(exactly("Public change note"))).to_be_hidden()
    dialog.get_by_label(re.compile(r"^\s*Major change")).check()
    dialog.get_by_label(exactly("Public change note")).fill(NOTE)
    assert_no_violations(this_change(page), axe_js, "the publish dialog")
    # First it asks to confirm the warnings.
    submit(page, dialog.get_by_role("button", name="Publish", exact=True))
    confirm_label = exactly("I have checked the figures: publish them as they are")
    confirm = this_change(page).get_by_label(confirm_label)
    confirm_errors = (
        this_change(page).locator("[data-field-wrapper]").filter(has=page.get_by_label(confirm_label))
    ).locator("[data-field-errors]")
    expect(confirm_errors).to_contain_text("The fact checks warn")
    expect(confirm_errors).to_contain_text(MARKS_FIGURES)
    assert not SectionPage.objects.get(pk=new_page.pk).live
    assert_no_violations(fact_checks(page), axe_js, "the fact-checks panel (publishing refused)")
    # The refused publication opens the dialog again, with its error.
    expect(this_change(page)).to_be_visible()
    assert_no_violations(this_change(page), axe_js, "the publish dialog (with the error)")

    # Ticked: it goes live as it is, marks and all.
    expect(this_change(page).get_by_label(re.compile(r"^\s*Major change"))).to_be_checked()
    expect(this_change(page).get_by_label(exactly("Public change note"))).to_have_value(NOTE)
    confirm.check()
    day_before = timezone.localdate()
    submit(page, this_change(page).get_by_role("button", name="Publish", exact=True))
    day_after = timezone.localdate()
    expect(page).to_have_url(re.compile(rf"/admin/pages/{country.pk}/"))

    published = SectionPage.objects.get(pk=new_page.pk)
    assert published.live and not published.has_unpublished_changes
    change = MajorChange.objects.get(page=published)
    assert change.note == NOTE
    assert change.revision_id == published.live_revision_id
    assert published.last_major_change_at == change.published_at
    demarcation_value = [b.value for b in published.body if b.block_type == "demarcation"][0]
    assert demarcation_value["marks_declared_total"] == 20  # published as it is, never "fixed"

    # The public page: Lithuanian, the new content, no change note, "Atnaujinta" today.
    section_url = f"{site_url}{COUNTRY_PATH}{SLUG}/"
    response = page.goto(section_url)
    assert response.status == 200
    article = page.locator("article.section-page")
    expect(page.locator("h1")).to_have_text(TITLE)
    for text in ("Nemunas", "Gardino sritis", "Alytaus apskritis", "Vykdomi bendri pasieniečių mokymai", PROSE):
        expect(article).to_contain_text(text)
    expect(article).not_to_contain_text(NOTE)
    stamp = article.locator(".stamp").inner_text()
    updated = re.search(r"Atnaujinta (\d{4}\.\d{2}\.\d{2}) \d{2}:\d{2}", stamp)
    assert updated and updated.group(1) in {f"{day:%Y.%m.%d}" for day in (day_before, day_after)}, stamp

    # The country page lists it; axe finds nothing on home, country and the new section.
    page.goto(site_url + COUNTRY_PATH)
    expect(page.get_by_role("link", name=TITLE).first).to_have_attribute("href", re.compile(SLUG))
    for url in (site_url + HOME_PATH, site_url + COUNTRY_PATH, section_url):
        assert_public_page_passes_axe(page, url, axe_js)


def test_editor_cannot_publish_but_can_submit_for_review(admin_page, site_url, django_user_model, seeded):
    page = admin_page
    editor = make_user(django_user_model, "redaktore", "Redaktoriai", "Redaktoriai: Baltarusija")
    live_revision_id = seeded.live_revision_id
    log_in(page, site_url, "redaktore")
    page.goto(site_url + f"/admin/pages/{seeded.pk}/edit/")

    footer = more_actions(page)
    expect(footer.get_by_role("button", name="Save draft")).to_be_visible()
    expect(footer.get_by_role("button", name=re.compile("Submit to Peržiūra: Baltarusija"))).to_be_visible()
    expect(footer.get_by_role("button", name=re.compile("Publish"))).to_have_count(0)
    expect(page.locator("button[name='action-publish']")).to_have_count(0)

    # Instead the editor submits the change for review, asked the same question; nothing goes live.
    dialog = open_publish_dialog(page, "Submit to Peržiūra: Baltarusija")
    dialog.get_by_label(re.compile(r"^\s*Minor change")).check()
    dialog.get_by_label(exactly("I have checked the figures: publish them as they are")).check()
    submit(page, dialog.get_by_role("button", name="Submit for review", exact=True))
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(seeded.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS and state.requested_by == editor
    assert state.workflow.name == "Peržiūra: Baltarusija"
    assert SectionPage.objects.get(pk=seeded.pk).live_revision_id == live_revision_id
    assert MajorChange.objects.count() == 0
