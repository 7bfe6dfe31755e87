"""`manage.py generate_demo`: published, searchable demo pages and confirmed readers who all follow
one page, idempotent, --reset, and clear refusals of bad arguments."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from bilateral.demo.pages import demo_country_pages, demo_sections, target_page
from bilateral.pages.models import MajorChange, SectionPage
from bilateral.search.views import search_pages
from bilateral.demo.subscribers import demo_subscribers
from bilateral.subscriptions.fanout import fan_out_change
from bilateral.subscriptions.models import COUNTRY, PAGE, SITE, Subscription
from bilateral.subscriptions.outbox_models import OutboxMessage


def generate(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("generate_demo", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


@pytest.fixture
def demo(db):
    return generate("--pages", "5", "--subscribers", "50")


def test_it_makes_live_section_pages_with_revisions(demo):
    pages = demo_sections()
    assert pages.count() == 5
    assert demo_country_pages().count() == 1
    for page in pages:
        assert page.live and page.live_revision_id is not None
        assert page.revisions.count() == 1
        assert page.body.raw_data, page.title
    assert "Pages: 5 created" in demo[0]


def test_the_pages_are_varied_and_readers_can_find_them(demo):
    texts = [page.search_text() for page in SectionPage.objects.filter(pk__in=demo_sections().values("pk"))]
    assert len(set(texts)) == 5
    assert all("Lietuvos" in text for text in texts)
    page = demo_sections().order_by("path").last()
    surname = next(word for word in page.search_text().replace(".", " ").split() if word.endswith(("as", "is", "ys")) and word[0].isupper())
    with translation.override("lt"):
        found = list(search_pages([surname.lower()]))
    assert page.pk in {result.pk for result in found}, surname


def test_every_reader_is_confirmed_and_one_change_of_the_target_reaches_all(demo):
    readers = demo_subscribers()
    assert readers.count() == 50
    assert not readers.filter(confirmed_at__isnull=True).exists()
    scopes = set(Subscription.objects.filter(subscriber__in=readers).values_list("scope", flat=True))
    assert scopes == {SITE, COUNTRY, PAGE}

    target = target_page()
    target.change_kind, target.change_note = "major", "Demonstracinis pakeitimas"
    revision = target.save_revision()
    revision.publish()  # the test settings run the fan-out task at once
    change = MajorChange.objects.get(revision=revision)
    fan_out_change(change.pk)  # a repeat adds nothing
    assert OutboxMessage.objects.filter(change=change).count() == 50


def test_a_second_run_adds_nothing_and_reset_starts_again(demo):
    out, _err = generate("--pages", "5", "--subscribers", "50")
    assert "Pages: 0 created" in out and "Subscribers: 0 created" in out
    assert demo_sections().count() == 5 and demo_subscribers().count() == 50

    out, _err = generate("--reset", "--pages", "3", "--subscribers", "20")
    assert "Removed 50 demo subscribers" in out
    assert demo_sections().count() == 3 and demo_subscribers().count() == 20


@pytest.mark.parametrize(
    "args, message",
    [
        (["--pages", "many"], "argument --pages: must be a whole number, not “many”"),
        (["--pages", "-1"], "argument --pages: must be between 0 and 100,000, not -1"),
        (["--subscribers", "1e9"], "argument --subscribers: must be a whole number"),
        (["--pages", "0", "--subscribers", "10"], "Subscribers need a demo page to follow"),
    ],
)
def test_bad_arguments_are_refused_with_a_clear_message(db, args, message):
    with pytest.raises(CommandError) as refused:
        generate(*args)
    assert message in str(refused.value)
    assert demo_subscribers().count() == 0
