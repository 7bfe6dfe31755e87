"""The site's search backend: Wagtail's database backend, tuned on PostgreSQL so that a query over
thousands of pages is answered from the GIN index (bilateral/search/migrations/0002).

Each language is stemmed by its own text-search configuration: English pages are indexed and searched
with PostgreSQL's 'english', Polish ones with 'pl_unaccent' (unaccent, then 'simple': PostgreSQL
has no Polish stemmer), everything else with SEARCH_CONFIG (Lithuanian, 'lt_unaccent').

On SQLite (and any other database) it is Wagtail's database backend unchanged: its FTS5 table has one
tokenizer (unicode61, no stemming) for every entry, so the same Snowball stemmers run in Python
instead (stemming.py); the folded copy of the text (search_folded) is what makes "gilutes" find
"Gilutės" in both."""

import copy
from collections import defaultdict
from contextlib import contextmanager

from django.contrib.postgres.search import SearchRank
from django.db import connection, transaction
from django.utils.translation import get_language
from modelsearch.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not
from wagtail.search.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    if connection.vendor != "postgresql":
        return database_backend(params)
    return SitePostgresSearchBackend(params)


# PostgreSQL's text-search configuration per language of the site; a language not listed uses the
# backend's SEARCH_CONFIG (Lithuanian stemming after unaccent, bilateral/search/migrations/0001).
# PostgreSQL has no Polish stemmer: Polish is 'simple' after unaccent (migrations/0005), so "Białoruś"
# finds "bialorus" and each inflected form finds itself.
LANGUAGE_CONFIGS = {"en": "english", "pl": "pl_unaccent"}


def config_for(language, default):
    return LANGUAGE_CONFIGS.get((language or "").split("-")[0], default)


def locale_codes():
    from wagtail.models import Locale

    return dict(Locale.objects.values_list("pk", "language_code"))


class SitePostgresIndex(PostgresIndex):
    """Index entries built with the configuration of their page's language."""

    def add_items(self, model, objs):
        codes = locale_codes() if any(hasattr(obj, "locale_id") for obj in objs) else {}
        by_config = defaultdict(list)
        for obj in objs:
            by_config[config_for(codes.get(getattr(obj, "locale_id", None)), self.backend.config)].append(obj)
        # Wagtail's indexer reads the configuration from the backend: each group gets a copy with its own.
        backend = self.backend
        try:
            for config, group in by_config.items():
                self.backend = copy.copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend


class SiteSearchQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        """The query is stemmed as the pages it searches were: in the reader's language (the search
        view looks only among the pages of the active locale)."""
        return config_for(get_language(), backend.config)

    def _build_rank_expression(self, vectors, config):
        """One ts_rank per vector (title, body) for the whole query, instead of Wagtail's one per
        term and vector multiplied together: ranking reads every match's body vector, so with three
        terms that was six ranks over each of hundreds of large vectors. The order is the same in
        kind: title matches weigh most (title_norm), then how well the body matches."""
        query = self.build_tsquery(self.query, config=config)
        rank = None
        for vector, boost in vectors:
            term = SearchRank(vector, query, weights=self.sql_weights) * boost
            rank = term if rank is None else rank + term
        return rank

    def search(self, config, start, stop, score_field=None, backend=None):
        """As Wagtail's, but the matched vector (`title || body`) is an alias, not an annotation: as
        an annotation it was also selected, concatenated and sent back for every match."""
        match_all = isinstance(self.query, MatchAll) or (
            isinstance(self.query, Not) and isinstance(self.query.subquery, MatchAll)
        )
        if match_all or isinstance(self.query, Fuzzy):
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        vectors = self.get_search_vectors(search_query)
        combined = vectors[0][0]
        for vector, _boost in vectors[1:]:
            combined = combined._combine(vector, "||", False)
        queryset = self.queryset.alias(_vector_=combined).filter(_vector_=search_query)
        rank = self._build_rank_expression(vectors, config)
        return self._apply_ordering_and_scoring(queryset, rank, start, stop, score_field)


@contextmanager
def index_scans_preferred():
    """The planner prices `(title || body) @@ query` at two operators a row and so reads the whole
    index table when a word is on many pages; in truth each row costs a de-TOAST of two large
    vectors, and the GIN index (which needs no recheck) is 10–20× faster. Seq scans stay possible
    (this only makes them look expensive), for this one statement's transaction only."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('enable_seqscan'), set_config('enable_seqscan', 'off', true)")
        previous = cursor.fetchone()[0]
        yield
        # On an error, the rollback (of the transaction or savepoint) undoes the setting anyway.
        cursor.execute("SELECT set_config('enable_seqscan', %s, true)", [previous])


class SiteSearchResults(PostgresSearchResults):
    def _do_search(self):
        with index_scans_preferred():
            return super()._do_search()

    def _do_count(self):
        with index_scans_preferred():
            return super()._do_count()


class SitePostgresSearchBackend(PostgresSearchBackend):
    index_class = SitePostgresIndex
    query_compiler_class = SiteSearchQueryCompiler
    results_class = SiteSearchResults
