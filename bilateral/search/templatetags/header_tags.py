"""The header's language switch: the same page in the other languages."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from bilateral.pages.addresses import live_translations, page_url

register = template.Library()


def live_translation(page, code):
    """The page's live version in that language, from the versions the head's <link>s were made of."""
    for translation in live_translations(page):
        if translation.locale.language_code == code:
            return translation
    return None


def translated_page_url(request, page, code):
    """The page's live translation's address; None where the page does not exist in that language
    (the switch then leaves the language out rather than sending the reader elsewhere)."""
    translation = live_translation(page, code)
    return page_url(translation, request) if translation is not None else None


@register.simple_tag(takes_context=True)
def language_links(context):
    """[{code, name, url}] for each language other than the current one that the page exists in."""
    request = context.get("request")
    page = context.get("page")
    current = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        if isinstance(page, Page):
            url = translated_page_url(request, page, code)
        elif request is not None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = None
        if url:
            links.append({"code": code, "name": get_language_info(code)["name_local"], "url": url})
    return links
