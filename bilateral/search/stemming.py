"""Stemming where the database has none (SQLite): the same Snowball algorithms PostgreSQL's
configurations use (backend.LANGUAGE_CONFIGS and SEARCH_CONFIG), applied in Python.

On PostgreSQL nothing here is used: its text-search configurations stem the index and the query. On
SQLite, whose FTS5 table has one tokenizer without stemming for every language, a section page's
folded copy (search_folded) also holds the stems of its words, and each term of a query matches
itself or its stem, so that "establishing" finds "established" on an English page and "sienai" finds
"sienos" on a Lithuanian one, as on PostgreSQL. Words are folded before they are stemmed, as
'lt_unaccent' unaccents before its Lithuanian stemmer. Polish has no stemmer on either database.
On SQLite only section pages (the facts' text) carry stems; general and country pages match their
words as written."""

import snowballstemmer
from django.db import connection
from modelsearch.query import And, Or, PlainText

ALGORITHMS = {"en": "english", "lt": "lithuanian"}


def database_stems():
    return connection.vendor == "postgresql"


def algorithm_for(language):
    return ALGORITHMS.get((language or "").split("-")[0])


def stems(words, language):
    """Each word's stem, in order (the words themselves for a language without a stemmer)."""
    algorithm = algorithm_for(language)
    if algorithm is None:
        return list(words)
    # A new stemmer each time: a Snowball stemmer keeps state while it works, and threads may share a module.
    return snowballstemmer.stemmer(algorithm).stemWords(list(words))


def with_stems(folded_text, language):
    """The folded text, followed by the stems that differ from its words (SQLite only)."""
    if database_stems():
        return folded_text
    words = folded_text.split()
    extra = dict.fromkeys(stem for word, stem in zip(words, stems(words, language)) if stem != word)
    return " ".join([folded_text, *extra]) if extra else folded_text


def backend_query(terms, language):
    """What the backend is asked for: every term must match. Where the database stems, the terms as
    typed (folded); where it does not, each term or its stem: section pages hold their words' stems,
    other pages (general pages, country pages) only their words."""
    if database_stems():
        return " ".join(terms)
    alternatives = []
    for term, stem in zip(terms, stems(terms, language)):
        alternatives.append(PlainText(term) if stem == term else Or([PlainText(term), PlainText(stem)]))
    return alternatives[0] if len(alternatives) == 1 else And(alternatives)
