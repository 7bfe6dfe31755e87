"""A page's place in the tree, looked up once per render: its ancestors with their view restrictions
and, for a section page, its country's sections and its language versions, all in one query."""

from django.contrib.contenttypes.models import ContentType
from django.conf import settings
from django.db.models import Case, Exists, F, OuterRef, Q, Subquery, When
from django.utils.functional import cached_property
from wagtail.models import Page, PageViewRestriction

from .addresses import in_private_section, keep_translations
from .prefixes import prefix_end, starting_with
from .query_memo import fetch


def lineage_pages(condition, **annotations):
    """The pages of a lineage query: each with its locale and whether it has a view restriction of
    its own, ordered by path, with the query's other annotations."""
    restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
    pages = Page.objects.filter(condition).select_related("locale").order_by("path")
    return pages.annotate(has_view_restriction=Exists(restricted), **annotations)


def restriction_holder(page):
    """The page whose view restrictions apply to it: an alias follows its source (as Wagtail does)."""
    while page.alias_of_id:
        page = page.alias_of
    return page


class AncestorsOnce:
    """What a page render asks about the page's place in the tree, looked up once per page instance:
    its ancestors (the breadcrumbs, the feed links and the view restrictions all need them) and its
    view restrictions (read by Wagtail's serve hook and again by the cache policy,
    http_cache.is_restricted). Derived querysets (.filter(), .order_by(), as the admin uses) still
    query afresh, except when the lineage query found no restriction at all (see below)."""

    @cached_property
    def lineage(self):
        """The ancestors, root first, then the page itself as stored (if it is), each marked
        `has_view_restriction`: nearly every page has no restriction above it, and knowing that from
        this one query spares every render the query of its restrictions."""
        paths = self.lineage_paths()
        return [page for page in self.lineage_rows if page.path in paths]

    def lineage_paths(self):
        last = len(self.path) if self.pk else len(self.path) - self.steplen
        return {self.path[:end] for end in range(self.steplen, last + 1, self.steplen)}

    def fetched_with_lineage(self):
        """The values by which other pages the render needs are found in the lineage's one query
        (lineage_query's `also`), or None."""
        return None

    @cached_property
    def lineage_rows(self):
        """The lineage and the pages of fetched_with_lineage(), by path, in one query (its SQL
        compiled once per shape, query_memo.py)."""
        also = self.fetched_with_lineage() or {}
        return fetch(Page, type(self).lineage_query, paths=sorted(self.lineage_paths()), **also)

    @classmethod
    def lineage_query(cls, paths, **also):
        """The lineage query, built from its values only (query_memo reuses its SQL)."""
        condition = Q(path__in=paths)
        if also:
            condition |= cls.fetched_with_lineage_condition(**also)
        return lineage_pages(condition, **cls.lineage_annotations(bool(also), also.get("source_language")))

    @classmethod
    def fetched_with_lineage_condition(cls, **also):
        raise NotImplementedError

    @classmethod
    def lineage_annotations(cls, with_others, source_language=None):
        return {}

    @cached_property
    def ancestor_pages(self):
        """The ancestors, root first (Page.get_ancestors() as a list)."""
        return [page for page in self.lineage if page.pk != self.pk]

    def get_view_restrictions(self):
        """As Page.get_view_restrictions(), from the lineage, and the same queryset each time."""
        if "_view_restrictions" not in self.__dict__:
            self.__dict__["_view_restrictions"] = self.lineage_view_restrictions()
        return self.__dict__["_view_restrictions"]

    def lineage_view_restrictions(self):
        lineage = [self, *self.ancestor_pages]
        if not any(page.alias_of_id for page in lineage) and not any(
            page.has_view_restriction for page in self.lineage
        ):
            # An alias is restricted by its source's restrictions, which the lineage does not show.
            return PageViewRestriction.objects.none()
        holders = {restriction_holder(page).pk for page in lineage}
        return PageViewRestriction.objects.filter(page_id__in=holders)


def source_title(source_language):
    """For a page queryset: the title of each page's version in the source language (a title still the
    same is not translated yet: public_meta.title_lang marks it)."""
    sources = Page.objects.filter(translation_key=OuterRef("translation_key"), locale__language_code=source_language)
    return Subquery(sources.values("title")[:1])


def is_source(page):
    """Whether the page is in the site's own language, the source of its translations (asked by a
    render's lineage here, light to import; pages/translations.py uses the same)."""
    return page.locale.language_code == settings.LANGUAGE_CODE


def with_source_titles(pages, page):
    """The queryset of pages shown in `page`'s navigation, each with its source title where `page` is a
    translation (on a source page nothing is marked, and nothing is asked)."""
    if is_source(page):
        return pages
    return pages.annotate(source_title=source_title(settings.LANGUAGE_CODE))


def typed_from_row(model, row, prefix):
    """The page as its own type from a Page row of a lineage query, its own columns annotated on the
    row with this prefix; with the row's locale and view restriction mark."""
    own = {field.attname for field in own_fields(model)}
    fields = model._meta.concrete_fields
    values = [getattr(row, f"{prefix}{field.attname}" if field.attname in own else field.attname)
              if not field.primary_key else row.pk for field in fields]
    page = model.from_db(row._state.db, [field.attname for field in fields], values)
    page._state.fields_cache["locale"] = row.locale
    page.has_view_restriction = row.has_view_restriction
    return page


def own_fields(model):
    """A page type's own columns (not Page's, not the link to its Page row)."""
    return [field for field in model._meta.local_concrete_fields if not field.remote_field or not field.primary_key]


class SectionSurroundings(AncestorsOnce):
    """A section page's lineage query also brings what its render shows around it, its parent (the
    country page) as its own type included."""

    @classmethod
    def parent_type(cls):
        """The page type of the parent whose own columns the lineage query joins in, or None."""
        return None

    def fetched_with_lineage(self):
        """With the ancestors: the live sections of its country (the section navigation) and its live
        language versions (the head and the language switch, addresses.live_translations); on a
        translation, each with its source's title (`source_title`: a title still the same is not
        translated yet, and is marked with the source's language, title_lang)."""
        if not self.pk or self.depth < 2:
            return None
        parent_path = self.path[: -self.steplen]
        also = {"parent_path": parent_path, "parent_path_end": prefix_end(parent_path), "depth": self.depth,
                "pk": self.pk, "section_type_id": ContentType.objects.get_for_model(type(self)).pk,
                "translation_key": self.translation_key}
        if not is_source(self):
            also["source_language"] = settings.LANGUAGE_CODE
        return also

    @classmethod
    def fetched_with_lineage_condition(cls, parent_path, parent_path_end, depth, pk, section_type_id,
                                       translation_key, source_language=None):
        sections = starting_with("path", parent_path, parent_path_end) & Q(
            depth=depth, live=True, content_type=section_type_id)
        return sections | (Q(translation_key=translation_key, live=True) & ~Q(pk=pk))

    @classmethod
    def lineage_annotations(cls, with_others, source_language=None):
        if not with_others:
            return {}
        annotations = {"is_private": in_private_section()}
        if source_language:
            annotations["source_title"] = source_title(source_language)
        model = cls.parent_type()
        if model is not None:
            link = model._meta.model_name  # Page's reverse link to the page type's own row
            annotations.update({f"parent_{field.attname}": F(f"{link}__{field.attname}") for field in own_fields(model)})
        return annotations

    def typed_parent(self):
        """The parent as its own type (parent_type()), built from its row in the lineage query, or None
        (no such row, or a parent of another type)."""
        model = self.parent_type()
        if model is None or self.fetched_with_lineage() is None:
            return None
        parent_path = self.path[: -self.steplen]
        row = next((page for page in self.lineage_rows if page.path == parent_path), None)
        if row is None or row.content_type_id != ContentType.objects.get_for_model(model).pk:
            return None
        return typed_from_row(model, row, "parent_")

    @classmethod
    def at_address(cls, root, slugs, language):
        """The page of this type at these slugs below `root` in `language` (the root's own), its
        lineage_rows found with it: both in one query, where finding the page first and then its
        surroundings took two (the request's address names the page and all its ancestors); or None."""
        url_path = root.url_path + "".join(f"{slug}/" for slug in slugs)
        parts = url_path.strip("/").split("/")
        url_paths = ["/", *("/%s/" % "/".join(parts[:end]) for end in range(1, len(parts) + 1))]
        page_type_id = ContentType.objects.get_for_model(cls).pk
        rows = fetch(Page, cls.at_address_query, url_paths=url_paths, url_path=url_path,
                     parent_url_path=url_paths[-2], parent_url_path_end=prefix_end(url_paths[-2]),
                     depth=root.depth + len(slugs), section_type_id=page_type_id,
                     locale_id=root.locale_id, language=language)
        row = next((page for page in rows if page.url_path == url_path), None)
        if (row is None or row.content_type_id != page_type_id or row.locale_id != root.locale_id
                or row.locale.language_code != language):
            return None
        page = typed_from_row(cls, row, "own_")
        page.__dict__["lineage_rows"] = page.with_translations_kept(rows)
        return page

    @classmethod
    def at_address_query(cls, url_paths, url_path, parent_url_path, parent_url_path_end, depth, section_type_id,
                         locale_id, language):
        """lineage_query's pages found by their addresses (`url_paths`: the page's and its ancestors'),
        its own columns on its own row; the siblings by their addresses' range (prefixes.py). Every
        reader of lineage_rows picks its rows by path, depth and translation key."""
        page = Page.objects.filter(url_path=url_path, locale_id=locale_id, locale__language_code=language)
        condition = (
            Q(url_path__in=url_paths)
            | (starting_with("url_path", parent_url_path, parent_url_path_end)
               & Q(depth=depth, live=True, content_type=section_type_id))
            | (Q(translation_key=Subquery(page.values("translation_key")[:1]), live=True) & ~Q(url_path=url_path))
        )
        link = cls._meta.model_name
        own = {f"own_{field.attname}": Case(When(url_path=url_path, then=F(f"{link}__{field.attname}")))
               for field in own_fields(cls)}
        return lineage_pages(condition, **cls.lineage_annotations(True), **own)

    @cached_property
    def lineage_rows(self):
        rows = super().lineage_rows
        return self.with_translations_kept(rows) if self.fetched_with_lineage() is not None else rows

    def with_translations_kept(self, rows):
        keep_translations(self, [row for row in rows if row.translation_key == self.translation_key
                                 and row.pk != self.pk and row.live])
        return rows

    def sibling_sections(self):
        """As CountryPage.sections() (the parent's live sections, generic pages), from the lineage's query."""
        if self.fetched_with_lineage() is None:
            return self.country_page.sections()
        section_type = ContentType.objects.get_for_model(type(self))
        parent_path = self.path[: -self.steplen]
        return [page for page in self.lineage_rows if page.depth == self.depth and page.path.startswith(parent_path)
                and page.live and page.content_type_id == section_type.pk]
