"""The footer's links to the general pages (accessibility statement, privacy notice, contacts, about)
of the reader's language. Every page shows them and they rarely change, so each process keeps them
(bilateral/process_copies.py) until a general page is published, unpublished, moved or deleted."""

from django.utils import translation

from bilateral import process_copies

from .general import FOOTER_ORDER, GeneralPage


def footer_links(request=None):
    language = translation.get_language() or ""
    return process_copies.process_copy(f"footer-links:{language}", lambda: look_up_footer_links(language, request))


def look_up_footer_links(language, request=None):
    """(title, address) of the first live general page of each footer role, in footer order (one query)."""
    pages = (
        GeneralPage.objects.live()
        .filter(locale__language_code=language)
        .exclude(footer_role="")
        .order_by("path")
        .only("title", "footer_role", "url_path", "path")
    )
    first_of_role = {}
    for page in pages:
        first_of_role.setdefault(page.footer_role, page)
    return [
        (first_of_role[role].title, first_of_role[role].get_url(request))
        for role in FOOTER_ORDER
        if role in first_of_role
    ]


def forget_footer_links(sender=None, **kwargs):
    """Connected to a general page's publication, unpublication, move and deletion (pages/apps.py):
    every process drops its copies."""
    process_copies.changed()
