"""Shared by the app-cache tests: addresses of the seed, counting rendered templates, publishing."""

import contextlib

from django.test.signals import template_rendered

SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"
EN_SECTION = "/en/countries/belarus/political-cooperation/"
COUNTRY = "/salys/baltarusija/"
COUNTRY_INDEX = "/salys/"
HOME = "/"
# The state memory's window in the tests that turn it on (conftest.clock).
WINDOW = 30


@contextlib.contextmanager
def rendered_templates():
    """The names of the templates rendered inside the block (Django's test instrumentation sends
    template_rendered for each one)."""
    names = []

    def record(sender, template, context, **kwargs):
        names.append(template.name)

    template_rendered.connect(record)
    try:
        yield names
    finally:
        template_rendered.disconnect(record)


def block_templates(names):
    return [name for name in names if name and name.startswith("blocks/") and name.endswith("_block.html")]


def publish_title(page, title):
    page.title = title
    page.save_revision().publish()
    page.refresh_from_db()
    return page
