"""Folding, query checking and snippets on their own."""

from bilateral.search.folding import fold, fold_with_origins, terms
from bilateral.search.query import parse
from bilateral.search.snippets import highlighted, snippet


def test_fold_removes_case_and_lithuanian_diacritics():
    assert fold("ĄČĘĖĮŠŲŪŽ ąčęėįšųūž GILUTĖS") == "aceeisuuz aceeisuuz gilutes"


def test_fold_keeps_track_of_where_each_character_came_from():
    text = "e\u0307Ž"  # a decomposed ė, then Ž
    folded, origins = fold_with_origins(text)
    assert folded == "ez" and origins == [0, 2]


def test_terms_keep_figures_and_drop_punctuation():
    assert terms("Sienos, ŽENKLAI! 678,819 km; sienos") == ["sienos", "zenklai", "678,819", "km"]
    assert terms("'; DROP--") == ["drop"]
    assert terms("!!! … ") == []


def test_parse_tells_empty_long_and_wordless_apart():
    assert parse("").is_empty and not parse("").error
    assert parse("x" * 201).error and parse("x" * 200).terms == ["x" * 200]
    assert parse("?!").error
    assert parse("a\x00b").text == "ab"


def test_snippet_marks_stems_and_escapes():
    text = "Pastatytas <paskutinis> sienos ženklas & kiti ženklų"
    html = snippet(text, ["zenklai"])
    assert html == "Pastatytas &lt;paskutinis&gt; sienos <mark>ženklas</mark> &amp; kiti <mark>ženklų</mark>"


def test_snippet_is_cut_around_the_match():
    text = ("žodis " * 100) + "Gilutės ežere " + ("kitas " * 100)
    html = snippet(text, ["gilutes"])
    assert html.startswith("… ") and html.endswith(" …")
    assert "<mark>Gilutės</mark>" in html and len(html) < 300


def test_figures_match_either_decimal_separator_but_not_inside_other_figures():
    assert highlighted("678.819 km, 1678,8190", ["678,819"]) == "<mark>678.819</mark> km, 1678,8190"


def test_a_title_with_no_match_is_only_escaped():
    assert highlighted("A & B", ["zzz"]) == "A &amp; B"


def test_the_folded_copy_is_plain_words():
    from bilateral.search.folding import folded_words

    assert folded_words("<script>Gilutės</script> 678,819 km.") == "script gilutes script 678,819 km"
