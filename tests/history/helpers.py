"""Publishing section-page changes the way the editor does, for the history, feed and head tests."""

from bilateral.pages.models import SectionPage

SECTION_URL = "/salys/baltarusija/politinis-bendradarbiavimas/"
COUNTRY_URL = "/salys/baltarusija/"
HISTORY_URL = SECTION_URL + "istorija/"
COMPARE_URL = HISTORY_URL + "palyginti/"


def set_block_value(page, block_type, **values):
    body = list(page.body.raw_data)
    for block in body:
        if block["type"] == block_type:
            block["value"].update(values)
    page.body = body


def publish(page, kind, note="", **demarcation):
    """Publish a new revision of the page as a major or minor change; returns the revision."""
    page = SectionPage.objects.get(pk=page.pk)
    if demarcation:
        set_block_value(page, "demarcation", **demarcation)
    page.change_kind = kind
    page.change_note = note
    revision = page.save_revision()
    revision.publish()
    return revision


def save_draft(page, **demarcation):
    page = SectionPage.objects.get(pk=page.pk)
    set_block_value(page, "demarcation", **demarcation)
    return page.save_revision()
