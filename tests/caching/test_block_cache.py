"""Rendered fact blocks kept per page revision and language (bilateral/caching/block_cache.py)."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context
from django.utils import translation
from wagtail.models import PageLogEntry

from bilateral.caching.block_cache import block_cache_key
from bilateral.pages.models import SectionPage

from .helpers import SECTION, block_templates, rendered_templates


def render(page, rf, language="lt", path=SECTION, **query):
    """The page as Wagtail serves it (page.serve inside the on_serve_page hooks, which add `?as_of=`),
    without the middleware and its response cache."""
    from wagtail import hooks
    from wagtail.views import serve_chain

    request = rf.get(path, query)
    request.user = AnonymousUser()
    serve = serve_chain
    for hook in reversed(hooks.get_hooks("on_serve_page")):
        serve = hook(serve)
    with translation.override(language):
        response = serve(page, request, (), {})
        response.render()
    return response.content.decode()


def block_count(page):
    return len(page.body)


@pytest.fixture
def section(seeded):
    page = SectionPage.objects.get(pk=seeded.pk)
    assert block_count(page) >= 3
    return page


def test_each_block_is_rendered_once_per_revision(section, rf):
    with rendered_templates() as first:
        html = render(section, rf)
    assert len(block_templates(first)) == block_count(section)
    with rendered_templates() as second:
        again = render(SectionPage.objects.get(pk=section.pk), rf)
    assert block_templates(second) == []
    assert again == html
    assert "base.html" in second, "the page itself is rendered; only its blocks come from the cache"


def test_a_new_revision_renders_its_blocks_again(section, rf):
    render(section, rf)
    section.search_description = "Nauja revizija"  # a revision is recorded only for changed content
    section.save_revision().publish()
    section = SectionPage.objects.get(pk=section.pk)
    with rendered_templates() as names:
        render(section, rf)
    assert len(block_templates(names)) == block_count(section)


def test_english_and_lithuanian_are_kept_apart(section, rf):
    lithuanian = render(section, rf, "lt")
    with rendered_templates() as names:
        english = render(section, rf, "en")
    assert len(block_templates(names)) == block_count(section)
    assert english != lithuanian
    with rendered_templates() as names:
        assert render(section, rf, "lt") == lithuanian
    assert block_templates(names) == []


def test_keys_name_page_revision_block_and_language(section, rf):
    request = rf.get(SECTION)
    block = section.body[0]
    context = {"request": request, "page": section, "country": section.country_page.country}
    with translation.override("lt"):
        lithuanian = block_cache_key(Context(context), block)
    with translation.override("en"):
        english = block_cache_key(Context(context), block)
    assert lithuanian != english
    for part in (str(section.pk), str(section.live_revision_id), block.id):
        assert f":{part}:" in lithuanian
    older = block_cache_key(Context({**context, "rendered_revision_id": section.live_revision_id - 1}), block)
    assert older != lithuanian


def test_a_country_rename_renders_the_sentences_again(section, rf):
    before = render(section, rf)
    country = section.country_page.country
    country.name_genitive = "Gudijos"
    country.save()
    with rendered_templates() as names:
        after = render(SectionPage.objects.get(pk=section.pk), rf)
    assert len(block_templates(names)) == block_count(section)
    assert "Gudijos" in after and "Gudijos" not in before


def test_the_page_as_of_a_day_is_keyed_by_the_revision_it_shows(section, rf):
    old_heading = "Senas istorijos pavadinimas"
    section.body[0].value["heading"] = old_heading
    revision = section.save_revision()
    revision.publish()
    # The page log says when a revision went live: this one on 2021-05-01, the next one today.
    PageLogEntry.objects.filter(revision=revision, action="wagtail.publish").update(
        timestamp=datetime.datetime(2021, 5, 1, tzinfo=datetime.UTC)
    )
    section = SectionPage.objects.get(pk=section.pk)
    section.body[0].value["heading"] = "Naujas pavadinimas"
    section.save_revision().publish()
    section = SectionPage.objects.get(pk=section.pk)
    today = render(section, rf)
    assert "Naujas pavadinimas" in today
    past = render(section, rf, as_of="2021-06-01")
    assert old_heading in past
    assert "Naujas pavadinimas" not in past
    # Rendered twice: the second time from the cache, still the old revision.
    with rendered_templates() as names:
        assert render(section, rf, as_of="2021-06-01") == past
    assert block_templates(names) == []


def test_a_preview_of_an_unsaved_change_is_never_taken_from_the_cache(section, rf):
    render(section, rf)  # the live revision's blocks are now cached
    section.body[0].value["heading"] = "Neišsaugotas bloko pavadinimas"
    with rendered_templates() as names:
        response = section.make_preview_request()
    assert response.status_code == 200
    assert "Neišsaugotas bloko pavadinimas" in response.content.decode()
    assert len(block_templates(names)) == block_count(section), "every block rendered afresh"
    # …and the preview left nothing behind for readers.
    with rendered_templates() as names:
        live = render(SectionPage.objects.get(pk=section.pk), rf)
    assert block_templates(names) == []
    assert "Neišsaugotas" not in live
