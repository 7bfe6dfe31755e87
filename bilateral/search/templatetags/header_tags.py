"""The header's language switch: the same page in the other languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Locale, Page, Site

register = template.Library()


def translated_page_url(request, page, locale):
    """The page's live translation, or else the home page in that language."""
    translation = page.get_translation_or_none(locale)
    if translation is None or not translation.live:
        site = Site.find_for_request(request) if request else None
        root = site.root_page if site else None
        translation = root.get_translation_or_none(locale) if root else None
        if translation is None or not translation.live:
            return None
    return translation.get_url(request)


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, name, url}] for each language other than the current one that has a page to go to."""
    request = context.get("request")
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if isinstance(page, Page):
            locale = Locale.objects.filter(language_code=code).first()
            url = translated_page_url(request, page, locale) if locale else None
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        if url:
            links.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return links
