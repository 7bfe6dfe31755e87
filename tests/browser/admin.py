"""The editor's hands in Chromium: people and their roles, the StreamField editor's parts, saving and
publishing, axe over our panels. Shared by the admin flows' tests."""

import re

from django.contrib.auth.models import Group
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from bilateral.pages.models import CountryPage

from .conftest import inject_axe
from .test_accessibility import describe_violations

PASSWORD = "slapta-frazė-42"


def make_user(django_user_model, username, *group_names):
    """A user in the given groups whose admin speaks English (the public pages stay Lithuanian)."""
    user = django_user_model.objects.create_user(username, f"{username}@example.com", PASSWORD)
    groups = Group.objects.filter(name__in=group_names)
    assert groups.count() == len(group_names), f"missing groups among {group_names}"
    user.groups.add(*groups)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def belarus_page():
    return CountryPage.objects.get(slug="baltarusija", locale__language_code="lt")


def log_in(page, site_url, username):
    page.goto(site_url + "/admin/login/")
    # Before logging in the admin speaks the site's language (lt); Wagtail leaves some labels English.
    page.get_by_label(re.compile(r"Vartotojo vardas|Username")).fill(username)
    page.get_by_label(re.compile(r"Slaptažodis|Password")).fill(PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name=re.compile(r"Prisijungti|Sign in")).click()
    expect(page).to_have_url(site_url + "/admin/")


def exactly(label):
    """A label as Wagtail renders it: the text, a "*" when required, whitespace around."""
    return re.compile(r"^\s*" + re.escape(label) + r"\s*\*?\s*$")


def block(scope, label):
    """A block in the StreamField editor: a <section> named by its type's label (then its title)."""
    return scope.get_by_role("region", name=re.compile("^" + re.escape(label) + r"(?!\w)"))


def child(scope, name):
    """A field of a struct block, by its name (Wagtail's data-contentpath)."""
    return scope.locator(f"[data-contentpath='{name}']").first


def insert_block(page, add_button, label):
    """Click a "+" of a stream and choose the block type from the chooser."""
    add_button.click()
    option = page.get_by_role("option", name=label, exact=True)
    option.click()
    expect(option).to_be_hidden()


def opened(section):
    """A block of the page body, expanded if it is collapsed (the body's blocks open collapsed)."""
    toggle = section.locator(":scope > .w-panel__header > button[data-panel-toggle]")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    return section


def top_level_toggles(page):
    return page.locator(
        "#body-root [data-streamfield-child]:not([data-streamfield-child] *) > section > "
        ".w-panel__header > button[data-panel-toggle]"
    )


def footer_actions(page):
    return page.get_by_role("navigation", name="Actions (footer)")


def submit(page, button):
    """Submit the editor with one of its buttons; return when the answer and its requests are done."""
    with page.expect_navigation():
        button.click()
    # The editor pings the server as it opens: let that finish before the test reads the database.
    page.wait_for_load_state("networkidle")


def save_draft(page):
    submit(page, footer_actions(page).get_by_role("button", name="Save draft"))


def more_actions(page):
    """Open the footer's dropdown of further actions and return the footer."""
    footer = footer_actions(page)
    toggle = footer.get_by_role("button", name="More actions")
    if toggle.get_attribute("aria-expanded") != "true":
        toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    return footer


def fact_checks(page):
    return page.locator("#fact-checks")


def this_change(page):
    """The publish dialog: the kind of change, its note and the confirmation of the warnings."""
    return page.locator("#change-dialog")


def open_publish_dialog(page, action_label):
    """Choose a publishing action in the footer: it asks in a dialog instead of submitting."""
    more_actions(page).get_by_role("button", name=re.compile("^" + re.escape(action_label))).click()
    expect(this_change(page)).to_be_visible()
    return this_change(page)


def axe_violations(locator, axe_js):
    """axe-core over one element only: our panels, not Wagtail's admin around them."""
    page = locator.page
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        inject_axe(page, axe_js)
    results = locator.evaluate("async (el) => await axe.run(el, {resultTypes: ['violations']})")
    assert results["passes"] or results["violations"], "axe checked nothing"
    return results["violations"]


def assert_no_violations(locator, axe_js, where):
    violations = axe_violations(locator, axe_js)
    assert violations == [], f"axe-core: {len(violations)} violation(s) in {where}:\n{describe_violations(violations)}"


def assert_public_page_passes_axe(page, url, axe_js):
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    inject_axe(page, axe_js)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert results["passes"] or results["violations"]
    assert results["violations"] == [], f"{url}:\n{describe_violations(results['violations'])}"


def add_list_item(scope, item_label):
    """Append an item to a list block (its last "Add" button) and return the new item."""
    before = block(scope, item_label).count()
    scope.get_by_role("button", name="Add", exact=True).last.click()
    expect(block(scope, item_label)).to_have_count(before + 1)
    return block(scope, item_label).last


def fill_date(scope, year):
    scope.get_by_label(exactly("Year")).fill(str(year))
