"""Lithuanian-aware folding: case and diacritics removed, so "GILUTES" finds "Gilutės" (and, for the
Polish pages, "bialorus" finds "Białoruś")."""

import re
import unicodedata
from functools import lru_cache

# A figure keeps its decimal separator ("678,819"); everything else splits on non-letters.
TERM = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+")


# Letters whose diacritic is part of the letter (Unicode gives them no decomposition); PostgreSQL's
# unaccent folds them the same way.
STROKED = {"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o"}


@lru_cache(maxsize=4096)
def fold_char(char):
    """'Ė' → 'e', 'ž' → 'z', 'ł' → 'l', 'ß' → 'ss'; a lone combining mark → ''."""
    if char in STROKED:
        return STROKED[char]
    decomposed = unicodedata.normalize("NFD", char)
    return "".join(part for part in decomposed if not unicodedata.combining(part)).casefold()


def one_to_one_table(text):
    """A str.translate table folding `text`, if every character of it folds to exactly one
    character (Lithuanian and most Latin text does); else None."""
    table = {}
    for char in set(text):
        folded = fold_char(char)
        if len(folded) != 1:
            return None
        if folded != char:
            table[ord(char)] = folded
    return table


def fold(text):
    table = one_to_one_table(text)
    if table is not None:
        return text.translate(table)
    return "".join(fold_char(char) for char in text)


def fold_with_origins(text):
    """The folded text and, for each of its characters, the index of the character it came from.

    Character by character only when some character folds to none or several ('ß', a lone
    combining mark); otherwise one translate() of the whole text, each character its own origin."""
    table = one_to_one_table(text)
    if table is not None:
        return text.translate(table), range(len(text))
    chars, origins = [], []
    for index, char in enumerate(text):
        for folded in fold_char(char):
            chars.append(folded)
            origins.append(index)
    return "".join(chars), origins


def terms(text):
    """The folded words and figures of a query, in order, without repeats."""
    return list(dict.fromkeys(TERM.findall(fold(text))))


def folded_words(text):
    """The folded words and figures of a text, space-separated: the folded copy search indexes
    (markup-like text such as "<script>" becomes plain words every backend tokenises alike)."""
    return " ".join(TERM.findall(fold(text)))
