#!/usr/bin/env python
"""An editor's effort for the whole seed section, counted in Chromium: from the country's page in the
admin to the first saved draft, every fact of data/seed typed by hand. Prints the clicks and the fields
given a value (the counter of tests/browser/effort.py), and checks that the saved draft holds exactly the
seed's facts (exit 1 if not).

    .venv/bin/python bench/editor_effort.py [--seed-file data/seed/belarus.yaml]

Runs on a scratch SQLite database under var/bench/ (made afresh), with the development server.
"""

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BASE_DIR, PYTHON, free_port, result, setup_django, wait_for_port  # noqa: E402

PASSWORD = "bench-effort-42"
TITLE = "Politinis ir gynybos bendradarbiavimas"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def prepare(environment):
    for arguments in (["migrate", "--noinput", "-v0"], ["createcachetable"], ["load_seed"]):
        subprocess.run([PYTHON, "manage.py", *arguments], cwd=BASE_DIR, env=environment, check=True,
                       stdout=subprocess.DEVNULL)


def make_publisher():
    """A Belarus publisher whose admin speaks English, as in the editor-flow test."""
    from django.contrib.auth.models import Group, User
    from wagtail.users.models import UserProfile

    user = User.objects.create_user("publikuotoja", "publikuotoja@example.com", PASSWORD)
    user.groups.add(*Group.objects.filter(name__in=["Publikuotojai", "Publikuotojai: Baltarusija"]))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


def type_the_section(base_url, country_pk, body):
    from django.utils import translation
    from playwright.sync_api import sync_playwright

    from bench.editor_typing import title_field, type_value
    from bilateral.pages.models import SectionPage
    from tests.browser.effort import count_effort, effort

    stream = SectionPage._meta.get_field("body").stream_block
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.set_default_timeout(30_000)
        page.goto(base_url + "/admin/login/")
        page.get_by_label(re.compile("Vartotojo vardas|Username")).fill("publikuotoja")
        page.get_by_label(re.compile("Slaptažodis|Password")).fill(PASSWORD)
        with page.expect_navigation():
            page.get_by_role("button", name=re.compile("Prisijungti|Sign in")).click()
        count_effort(page)
        page.goto(f"{base_url}/admin/pages/{country_pk}/")
        with page.expect_navigation():
            page.get_by_role("link", name="Add child page").first.click()
        with page.expect_navigation():
            page.get_by_role("link", name=re.compile(r"^\s*Section page")).first.click()
        title_field(page).fill(TITLE)
        with translation.override("en"):  # the block types' names as this editor's admin shows them
            type_value(page, "body", stream, body)
        with page.expect_navigation():
            page.get_by_role("navigation", name="Actions (footer)").get_by_role("button", name="Save draft").click()
        clicks, fields = effort(page)
        browser.close()
    return clicks, fields


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed-file", default=str(BASE_DIR / "data" / "seed" / "belarus.yaml"))
    args = parser.parse_args()
    database = BASE_DIR / "var" / "bench" / "editor-effort.sqlite3"
    database.parent.mkdir(parents=True, exist_ok=True)
    database.unlink(missing_ok=True)
    url = f"sqlite:///{database}"
    port = free_port()
    environment = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "bilateral.settings.dev",
                   "SITE_URL": f"http://127.0.0.1:{port}", "DJANGO_ALLOW_ASYNC_UNSAFE": "true"}
    prepare(environment)
    setup_django(url, settings="bilateral.settings.dev", DJANGO_ALLOW_ASYNC_UNSAFE="true")
    import yaml

    from bench.editor_typing import stored_form
    from bilateral.pages.models import CountryPage, SectionPage

    make_publisher()
    (section,) = yaml.safe_load(Path(args.seed_file).read_text(encoding="utf-8"))["sections"]
    country = CountryPage.objects.get(slug="baltarusija", locale__language_code="lt")
    server = subprocess.Popen([PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                              cwd=BASE_DIR, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port, [("runserver", server)])
        clicks, fields = type_the_section(f"http://127.0.0.1:{port}", country.pk, section["body"])
    finally:
        server.terminate()
        server.wait(timeout=20)
    stream = SectionPage._meta.get_field("body").stream_block
    draft = SectionPage.objects.get(title=TITLE).get_latest_revision_as_object()
    same = stored_form(stream, draft.body.raw_data) == stored_form(stream, section["body"])
    print(f"The whole seed section by hand: {clicks} clicks, {fields} fields; the draft holds the seed's facts: {same}")
    result(clicks=clicks, fields=fields, same_facts=same)
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
