"""Template tags of the public pages' head and links: {% head_meta as meta %}, {% section_history_url page %},
{% page_url page %}, {% address "name" %}, {% stamp page %}, {{ page|title_lang }},
{{ downloads|download_rows }}, {{ key_figures|key_figures_html }},
{{ section|summary_lang:page }}."""

from django import template
from django.conf import settings
from django.utils import formats
from django.utils.html import conditional_escape, escape
from django.utils.safestring import mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, pgettext

from bilateral.url_prefixes import reverse_once, subpage_address

from ..addresses import page_url as address_of

register = template.Library()


@register.simple_tag(takes_context=True)
def page_url(context, page):
    """{% pageurl page %} with the language prefix reversed once per process (pages/addresses.py)."""
    return address_of(page, context.get("request"))


@register.filter
def title_lang(page):
    """' lang="lt"' for another page's title in a translation's navigation that is still its source's
    (not translated yet: the lineage query brings the source's title, lineage.py), else "". The page's
    own title is told by its text origins (the context's `title_lang`)."""
    source_title = getattr(page, "source_title", None)
    if source_title is None or page.title != source_title:
        return ""
    return mark_safe(' lang="%s"' % settings.LANGUAGE_CODE)


@register.simple_tag
def address(viewname):
    """{% url viewname %} of an address without arguments, reversed once per process (url_prefixes.py)."""
    return reverse_once(viewname)


@register.simple_tag(takes_context=True)
def head_meta(context):
    from ..head import head_meta as build

    return build(context)


@register.simple_tag(takes_context=True)
def section_history_url(context, page):
    """The address of the page's update history, or "" for a page not yet on the site (a preview)."""
    url = address_of(page, context.get("request")) if page is not None and page.pk else None
    if not url or not hasattr(page, "reverse_subpage"):
        return ""
    return url + subpage_address(page, "history")


@register.simple_tag(takes_context=True)
def footer_links(context):
    """(title, address) of the general pages the footer links, in the reader's language."""
    from ..footer import footer_links as look_up

    return look_up(context.get("request"))


@register.simple_tag(takes_context=True)
def page_downloads(context, page):
    """The section's fact blocks as CSV and JSON, as shown (`as_of` a past day: as they were then)."""
    from ..data import fact_downloads

    language = page.locale.language_code if page.locale_id else ""
    return fact_downloads(page, language, context.get("as_of"))


@register.simple_tag(takes_context=True)
def country_data(context, country_page):
    """The country's facts as CSV and JSON, or None for a page without a country."""
    from ..data import country_downloads

    country = getattr(country_page, "country", None)
    if country is None:
        return None
    return country_downloads(country, country_page.locale.language_code)


@register.simple_tag
def stamp(page):
    """The page's "Sukurta … / Atnaujinta …" line. Written here, not in a template: its four date
    filters (each converting the time to the local zone again) were a fiftieth of an uncached render;
    the same conversion and formats as `|date`."""
    parts = []
    if page.created_at:
        parts.append(stamp_part(gettext("Created"), page.created_at, pgettext("stamp date format", "Y-m-d")))
    if page.updated_at:
        parts.append(stamp_part(gettext("Updated"), page.updated_at,
                                pgettext("stamp date and time format", "Y-m-d H:i")))
    return mark_safe('<p class="stamp">%s</p>' % " / ".join(parts))


def stamp_part(label, moment, text_format):
    local = template_localtime(moment)
    # local.isoformat() is what the "c" date format writes (DateFormat.c), without parsing a format.
    return '%s <time datetime="%s">%s</time>' % (
        escape(label), escape(local.isoformat()), escape(formats.date_format(local, text_format)))


DOWNLOAD_ROW = (
    '<div class="govuk-summary-list__row"><dt class="govuk-summary-list__key">%(heading)s</dt>\n'
    '      <dd class="govuk-summary-list__value"><a href="%(csv)s" type="text/csv" download>CSV'
    '<span class="govuk-visually-hidden">: %(heading)s</span></a>, <a href="%(json)s" type="application/json">'
    'JSON<span class="govuk-visually-hidden">: %(heading)s</span></a></dd></div>'
)


@register.filter
def download_rows(downloads):
    """The "Data" list's rows, one per fact block (`page_downloads`), written here rather than in a
    template loop (five look-ups a row)."""
    return mark_safe("\n    ".join(DOWNLOAD_ROW % {name: conditional_escape(str(item[name])) for name in ("heading", "csv", "json")}
                                    for item in downloads))


@register.filter(name="key_figures_html")
def key_figures_html_filter(figures):
    """The page's key figures (facts/pictures/key_figures.py), written there rather than in a template loop."""
    from bilateral.facts.pictures.key_figures import key_figures_html

    return key_figures_html(figures)


@register.filter
def summary_lang(section, page):
    """' lang="lt"' for a section's one-line summary on a translated country page (`page`) where the
    summary is still the source's text (its search description, or its first sentence written whole in
    the source's language: the text origins stored at publication say so), else ""."""
    from ..lineage import is_source
    from ..translations import origins_of_texts

    if page is None or not getattr(page, "locale_id", None) or is_source(page):
        return ""
    summary = section.summary()
    if summary and origins_of_texts(section).is_untranslated(summary):
        return mark_safe(' lang="%s"' % settings.LANGUAGE_CODE)
    return ""
