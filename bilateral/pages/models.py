"""The page tree: home → countries → a country → its sections."""

from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Revision
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.countries import country_by_pk
from bilateral.facts.pictures.key_figures import key_figures

from .addresses import slug_of
from .forms import SectionPageForm
from .general import GeneralPage, title_language  # noqa: F401 (GeneralPage: a page type of this app)
from .lineage import AncestorsOnce, SectionSurroundings, with_source_titles
from .panels import FactChecksPanel, ThisChangePanel, TranslationsPanel
from .publishing import MAJOR, MINOR
from .revisions import RecordsOnlyChanges
from .summaries import first_sentence

# A section page's history addresses, each language in its own words (translated URL patterns).
HISTORY_PATH = _("history/")
COMPARE_PATH = _("history/compare/")

CHANGE_KIND_CHOICES = [
    (MAJOR, _("Major change: the public is told, “Atnaujinta” moves")),
    (MINOR, _("Minor change (a typo): the stamp stays, nobody is told")),
]


class RouteToTypedChild:
    """Routing one step down in one query: the child is fetched as its own type (the page type its
    parent allows) with what its page needs joined in, where Wagtail fetches a generic page and then
    its specific one. A child of another type (never created through the admin) is still found by
    Wagtail's own routing."""

    def typed_children(self):
        raise NotImplementedError

    def prepared_child(self, child):
        return child

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        child = self.typed_children().filter(slug=path_components[0]).first()
        if child is None:
            return super().route(request, path_components)
        child._cached_parent_obj = self  # as Wagtail does: get_parent() needs no query
        return self.prepared_child(child).route(request, path_components[1:])


class HomePage(AncestorsOnce, RouteToTypedChild, Page):
    """The portal's front page."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pages.CountryIndexPage", "pages.GeneralPage"]
    parent_page_types = ["wagtailcore.Page"]
    max_count = None

    class Meta:
        verbose_name = _("home page")

    def typed_children(self):
        return CountryIndexPage.objects.child_of(self).select_related("locale")

    def route(self, request, path_components):
        # Country pages are two steps down (/salys/<country>/…), and nearly every request is for one of
        # them or their sections: the country page is found by its address in one query, where going
        # step by step fetches the list page first.
        if len(path_components) >= 2:
            country_page = self.country_page_at(path_components[:2])
            if country_page is not None:
                return country_page.route(request, path_components[2:])
        return super().route(request, path_components)

    def country_page_at(self, slugs):
        url_path = self.url_path + "".join(f"{slug}/" for slug in slugs)
        from .routing import first_at_address  # (routing imports Wagtail's views: not before the models)
        return first_at_address(CountryPage, url_path, "locale", "country")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["country_index"] = CountryIndexPage.objects.child_of(self).live().first()
        countries = countries_with_last_update(self)
        context["countries"] = countries
        context["major_changes"] = with_their_countries(latest_major_changes(self), countries)
        return context


class CountryIndexPage(AncestorsOnce, RouteToTypedChild, Page):
    """The list of partner countries."""

    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["pages.CountryPage"]
    parent_page_types = ["pages.HomePage"]

    class Meta:
        verbose_name = _("country list")

    def typed_children(self):
        return CountryPage.objects.child_of(self).select_related("locale", "country")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["countries"] = CountryPage.objects.child_of(self).live().order_by("title")
        return context


class CountryPage(AncestorsOnce, RouteToTypedChild, Page):
    """A partner country's section of the portal; its children are the section pages."""

    country = models.ForeignKey(
        "facts.Country", on_delete=models.PROTECT, related_name="pages", verbose_name=_("country")
    )
    intro = RichTextField(blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("country"), FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    subpage_types = ["pages.SectionPage", "pages.GeneralPage"]
    parent_page_types = ["pages.CountryIndexPage"]

    class Meta:
        verbose_name = _("country page")

    def typed_children(self):
        return SectionPage.objects.child_of(self).select_related("locale")

    def prepared_child(self, child):
        child.__dict__["country_page"] = self  # SectionPage.country_page, known here without a query
        return child

    def sections(self):
        """The live sections, for the section navigation: generic pages, since only their titles and
        addresses are shown (a section's own columns, its whole body, are not fetched)."""
        return with_source_titles(Page.objects.child_of(self).live().type(SectionPage), self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["country"] = self.country
        context["sections"] = self.sections()
        context["country_page"] = self
        context["section_summaries"] = with_source_titles(SectionPage.objects.child_of(self).live().order_by("path"), self)
        context["key_figures"] = self.key_figures()
        return context

    def words_in(self, language):
        """The page's title and address in another language: its country's name there."""
        name = self.country.forms(language)["nominative"]
        return {self.title: name, self.slug: slug_of(name)}

    def key_figures(self):
        """The key figures of all the live sections, each linking to its block on its section page."""
        sections = SectionPage.objects.child_of(self).live().order_by("path")
        return key_figures((section.url, block) for section in sections for block in section.body)


class SectionPage(RecordsOnlyChanges, SectionSurroundings, RoutablePageMixin, Page):
    """A section of a country (politics, economy …): its body is typed fact blocks."""

    # Collapsed when the editor opens (a section with every block is 18,000 px long): the editor opens
    # the block to edit (pages/one-block-open.js closes the others).
    body = StreamField(SectionBodyBlock(), verbose_name=_("body"), collapsed=True)
    last_major_change_at = models.DateTimeField(
        _("last major change"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Shown as “Atnaujinta”; only a major change moves it."),
    )
    change_kind = models.CharField(
        _("kind of change"), max_length=10, choices=CHANGE_KIND_CHOICES, blank=True
    )
    change_note = models.TextField(
        _("public change note"),
        blank=True,
        max_length=1000,
        help_text=_("Required for a major change: what changed, in a sentence readers will see."),
    )
    # Written by the search app when the page is saved (bilateral/search/signals.py), for the search
    # index and the result snippets: the body's fact blocks rendered to plain text once, and the title
    # and that text folded (case and diacritics removed). None until the page's next save or
    # `manage.py store_search_text`; pages themselves know nothing of search.
    search_body = models.TextField(null=True, blank=True, editable=False)
    search_folded = models.TextField(null=True, blank=True, editable=False)
    # Written when a translation is published (pages/translations.py, store_text_origins): which of
    # its free-text values were still the source's text then. A reader's render reads it here instead
    # of wagtail-localize's segments (three queries). None on source pages and in revisions.
    published_text_origins = models.JSONField(null=True, blank=True, editable=False)

    base_form_class = SectionPageForm
    content_panels = [
        FactChecksPanel(heading=_("Fact checks")),
        TranslationsPanel(heading=_("Translations")),
        *Page.content_panels,
        FieldPanel("body"),
        ThisChangePanel(heading=_("This change")),
    ]
    # The rendered sentences, not the raw block values, are what readers search for; the folded
    # copy lets any backend match "GILUTES" to "Gilutės".
    search_fields = Page.search_fields + [
        index.SearchField("search_text"),
        index.SearchField("search_text_folded"),
    ]
    subpage_types = []
    parent_page_types = ["pages.CountryPage"]
    # What a translation has of its own (wagtail-localize): the title, the address, the search texts and
    # the body's free text (its figures, dates and kinds are synchronised from the source by the
    # body's segments: only text blocks are segments). The publish dialog's answer is not translated:
    # a translation's publication is the source's change carried over (pages/translations.py).
    translatable_fields = [
        TranslatableField("title"),
        TranslatableField("slug"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("body"),
    ]

    class Meta:
        verbose_name = _("section page")

    def with_content_json(self, content):
        """A revision never carries the stamp back: only the publishing of a major change moves it."""
        page = super().with_content_json(content)
        page.last_major_change_at = self.last_major_change_at
        # What a revision would carry is another publication's: its texts are read from the segments.
        page.published_text_origins = None
        return page

    @classmethod
    def parent_type(cls):
        return CountryPage

    @cached_property
    def country_page(self):
        """Asked by the page's context, its feed links and its subscription form: looked up once, with
        the page's surroundings (lineage.py) where they are looked up, its country from the countries
        kept in the process (facts/countries.py)."""
        country_page = self.typed_parent()
        if country_page is None:
            return CountryPage.objects.ancestor_of(self).first()
        country = country_by_pk(country_page.country_id)
        if country is not None:
            country_page.country = country
        return country_page

    def search_text(self):
        """The body's sentences and figures as readers see them, in the page's language."""
        return self.search_body or ""

    def search_text_folded(self):
        return self.search_folded or ""

    def summary(self):
        """One line for the country page's list of sections: the page's search description, or the
        first sentence of its text."""
        if self.search_description:
            return self.search_description
        return first_sentence(self.search_body or "")

    @property
    def created_at(self):
        return self.first_published_at

    @property
    def updated_at(self):
        return self.last_major_change_at or self.first_published_at

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        country_page = self.country_page
        context["country_page"] = country_page
        context["country"] = country_page.country if country_page else None
        context["sections"] = self.sibling_sections() if country_page else []
        context["key_figures"] = key_figures(("", block) for block in self.body)
        context.update(self.free_text_context())
        context["title_lang"] = title_language(self, context["free_text_origins"])
        return context

    def free_text_context(self):
        """What the fact blocks need to write each free-text value in its language: the page's, or the
        source's where the value is not translated yet (pages/translations.py)."""
        from .translations import origins_of_texts

        return {"free_text_language": self.locale.language_code, "free_text_origins": origins_of_texts(self)}

    def get_cached_paths(self):
        """The addresses a publication changes, for the caching proxy's purge (caching/cache_purge.py),
        in the page's own language ("istorija/", "history/")."""
        with translation.override(self.locale.language_code):
            return ["/", str(HISTORY_PATH), str(COMPARE_PATH), "atnaujinimai.atom"]

    # The page's history has these addresses, in the page's language (translated URL patterns:
    # "istorija/", "history/"); the history app answers them, and `?as_of=YYYY-MM-DD` on the page
    # itself (bilateral/history/wagtail_hooks.py). Without that app there is no history.
    @path(HISTORY_PATH, name="history")
    def history_view(self, request):
        raise Http404

    @path(COMPARE_PATH, name="compare")
    def compare_view(self, request):
        raise Http404

    # The English history's former addresses (Lithuanian words) move permanently to the English ones.
    # Under Lithuanian the routes above answer these addresses first.
    @path("istorija/", name="moved_history")
    def moved_history_view(self, request):
        return moved_subpage(self, request, "history")

    @path("istorija/palyginti/", name="moved_compare")
    def moved_compare_view(self, request):
        return moved_subpage(self, request, "compare")


class MajorChange(models.Model):
    """A major change that went live: the public history of a section page."""

    page = models.ForeignKey(SectionPage, on_delete=models.CASCADE, related_name="major_changes")
    revision = models.OneToOneField(Revision, on_delete=models.PROTECT, related_name="major_change")
    note = models.TextField(_("note"))
    published_at = models.DateTimeField(_("published at"), db_index=True)

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("major change")
        verbose_name_plural = _("major changes")

    def __str__(self):
        return f"{self.page.title}: {self.note}"


def moved_subpage(page, request, name):
    """301 from a former address of one of the page's own subpages to its present one, query kept."""
    url = page.url + page.reverse_subpage(name)
    query = request.META.get("QUERY_STRING", "")
    return HttpResponsePermanentRedirect(url + ("?" + query if query else ""))


def countries_with_last_update(home):
    """The live country pages under the home page, each with `last_update`: when the latest of its
    live sections last changed (a major change, or first publication)."""
    countries = list(CountryPage.objects.descendant_of(home).live().order_by("title"))
    sections = list(
        SectionPage.objects.descendant_of(home).live().values_list("path", "last_major_change_at", "first_published_at")
    )
    for country in countries:
        dates = [
            changed or first
            for path, changed, first in sections
            if path.startswith(country.path) and (changed or first)
        ]
        country.last_update = max(dates, default=None)
    return countries


def with_their_countries(changes, countries):
    """Each change marked with the country page it belongs to (`change.country_page`), from the list."""
    for change in changes:
        change.country_page = next((c for c in countries if change.page.path.startswith(c.path)), None)
    return changes


LATEST_CHANGES = 5


def latest_major_changes(home, limit=LATEST_CHANGES):
    """The latest major changes of the public sections under the home page (what the feeds carry)."""
    sections = SectionPage.objects.live().public().descendant_of(home)
    return list(
        MajorChange.objects.filter(page__in=sections)
        .select_related("page")
        .order_by("-published_at", "-pk")[:limit]
    )
