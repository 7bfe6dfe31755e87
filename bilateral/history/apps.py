from django.apps import AppConfig


class HistoryConfig(AppConfig):
    """The public history of the pages: "Atnaujinimų istorija", the comparison of two published
    versions, a page as it was on a day (`?as_of=`) and the Atom feeds of major changes. It reads
    pages (their revisions and MajorChange records); pages know nothing of it: they name the
    addresses (SectionPage's routes) and this app answers them (wagtail_hooks.py)."""

    name = "bilateral.history"
    label = "history"
    verbose_name = "History"
