"""The footer's subscription form is written once per language with the page's parts left as slots
(bilateral/subscriptions/footer.py): filled in, it must be what the template writes with the page's
own form, on every kind of page, in every language."""

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from bilateral.pages.models import CountryPage, SectionPage
from bilateral.subscriptions.footer import PAGE_SLOT, SCOPE_SLOT, footer_form_html, form_context
from bilateral.subscriptions.forms import SubscriptionForm
from bilateral.subscriptions.targets import target_for


def written_by_the_template(page):
    return render_to_string("subscriptions/form.html", form_context(SubscriptionForm(target=target_for(page))))


def pages_of_every_kind(language):
    section = SectionPage.objects.get(slug__in=["politinis-bendradarbiavimas", "political-cooperation",
                                               "wspolpraca-polityczna"], locale__language_code=language)
    country = CountryPage.objects.get(locale__language_code=language, slug__in=["baltarusija", "belarus", "bialorus"])
    return [section, country, country.get_parent().specific, None]


@pytest.mark.parametrize("language", ["lt", "en", "pl"])
def test_the_footer_form_is_what_the_template_writes_for_each_page(seeded, language):
    with translation.override(language):
        for page in pages_of_every_kind(language):
            footer = footer_form_html(page)
            assert footer == written_by_the_template(page), page
            assert PAGE_SLOT not in footer and SCOPE_SLOT not in footer
            if page is not None:
                assert f'name="page" value="{page.pk}"' in footer


def test_a_title_is_escaped_and_a_new_one_shows_at_once(seeded):
    seeded.title = 'Nauja <b>"antraštė"</b>'
    with translation.override("lt"):
        footer = footer_form_html(seeded)
        assert footer == written_by_the_template(seeded)
        assert "Nauja &lt;b&gt;&quot;antraštė&quot;&lt;/b&gt;" in footer
        assert footer.count('type="radio"') == 3 + 3  # this page, its country, the portal; three frequencies


def test_the_languages_frames_do_not_mix(seeded):
    with translation.override("en"):
        english = footer_form_html(seeded)
    with translation.override("lt"):
        lithuanian = footer_form_html(seeded)
    assert "Newsletter subscription" in english and "Naujienlaiškio prenumerata" in lithuanian
    assert "Newsletter subscription" not in lithuanian
