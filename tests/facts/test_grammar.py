"""The formatting helpers fact sentences are made of: figures, number words, lengths, lists."""

from decimal import Decimal

import pytest

from bilateral.facts.grammar import (
    format_number,
    is_whole,
    join_list,
    kilometres,
    number_in_words,
    strip_final_stop,
)

from .helpers import FIGURES


class TestFormatNumber:
    def test_lithuanian_decimal_comma(self, lithuanian):
        assert format_number(Decimal("678.819")) == "678,819"

    def test_english_decimal_point(self, english):
        assert format_number(Decimal("678.819")) == "678.819"

    @pytest.mark.parametrize(
        "value, expected",
        [
            (Decimal("12.5"), "12,5"),
            (Decimal("12.50"), "12,50"),
            (Decimal("0.125"), "0,125"),
            (1.5, "1,5"),
        ],
    )
    def test_decimals_keep_the_precision_they_were_entered_with(self, lithuanian, value, expected):
        assert format_number(value) == expected

    @pytest.mark.parametrize(
        "value", [Decimal("380"), Decimal("380.000"), Decimal("380.0"), 380]
    )
    def test_whole_numbers_have_no_decimals(self, lithuanian, value):
        assert format_number(value) == "380"

    @pytest.mark.parametrize("language", ["lt", "en"])
    def test_four_digit_figures_are_not_grouped(self, language):
        from django.utils import translation

        with translation.override(language):
            assert format_number(1955) == "1955"
            assert format_number(Decimal("1955")) == "1955"
            assert format_number(12345) == "12345"

    @pytest.mark.parametrize("figure", FIGURES)
    def test_small_figures_as_digits(self, lithuanian, figure):
        assert format_number(figure) == str(figure)

    @pytest.mark.parametrize("language", ["lt", "en", "pl"])
    def test_a_decimal_is_written_as_number_format_writes_it(self, language):
        from django.utils import formats, translation

        values = ["54.2836", "-0.5", "0.000", "-12.50", "1E+3", "1.5E-7", "678.819", "1" * 199 + ".5",
                  "1" * 250 + ".5"]
        with translation.override(language):
            for value in map(Decimal, values):
                if value == value.to_integral_value():
                    continue  # whole numbers are written as integers (above)
                assert format_number(value) == formats.number_format(value, use_l10n=True), value

    def test_none_is_empty(self, lithuanian):
        assert format_number(None) == ""


class TestNumberInWords:
    @pytest.mark.parametrize(
        "count, word",
        [
            (1, "vienas"),
            (2, "du"),
            (3, "trys"),
            (4, "keturi"),
            (5, "penki"),
            (6, "šeši"),
            (7, "septyni"),
            (8, "aštuoni"),
            (9, "devyni"),
        ],
    )
    def test_lithuanian_words_below_ten(self, lithuanian, count, word):
        assert number_in_words(count) == word

    @pytest.mark.parametrize("count, word", [(1, "one"), (2, "two"), (9, "nine")])
    def test_english_words_below_ten(self, english, count, word):
        assert number_in_words(count) == word

    @pytest.mark.parametrize("count", [0, 10, 11, 21, 22, 1955])
    def test_other_counts_as_digits(self, lithuanian, count):
        assert number_in_words(count) == str(count)


class TestKilometres:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "0 kilometrų"),
            (1, "1 kilometro"),
            (2, "2 kilometrų"),
            (10, "10 kilometrų"),
            (11, "11 kilometrų"),
            (21, "21 kilometro"),
            (22, "22 kilometrų"),
        ],
    )
    def test_lithuanian_genitive_by_figure(self, lithuanian, figure, expected):
        assert kilometres(figure) == expected
        assert kilometres(Decimal(figure)) == expected

    @pytest.mark.parametrize(
        "value, expected",
        [
            (Decimal("32"), "32 kilometrų"),
            (Decimal("32.000"), "32 kilometrų"),
            (Decimal("31.0"), "31 kilometro"),
            ("32", "32 kilometrų"),
        ],
    )
    def test_whole_decimals_count_as_whole(self, lithuanian, value, expected):
        assert kilometres(value) == expected

    @pytest.mark.parametrize(
        "value, expected",
        [
            (Decimal("1.5"), "1,5 kilometro"),
            (Decimal("0.5"), "0,5 kilometro"),
            (Decimal("32.25"), "32,25 kilometro"),
            (Decimal("21.5"), "21,5 kilometro"),
        ],
    )
    def test_fractions_take_the_genitive_singular(self, lithuanian, value, expected):
        assert kilometres(value) == expected

    @pytest.mark.parametrize(
        "value, expected",
        [
            (1, "1 kilometre"),
            (2, "2 kilometres"),
            (21, "21 kilometres"),
            (0, "0 kilometres"),
            (Decimal("1.5"), "1.5 kilometres"),
        ],
    )
    def test_english(self, english, value, expected):
        assert kilometres(value) == expected


class TestIsWhole:
    @pytest.mark.parametrize("value", [0, 1, 22, Decimal("32"), Decimal("32.000"), "380"])
    def test_whole(self, value):
        assert is_whole(value)

    @pytest.mark.parametrize("value", [Decimal("1.5"), Decimal("678.819"), "0.001"])
    def test_not_whole(self, value):
        assert not is_whole(value)


class TestJoinList:
    @pytest.mark.parametrize(
        "items, expected",
        [
            ([], ""),
            (["Dubo"], "Dubo"),
            (["Dubo", "Grūdos"], "Dubo ir Grūdos"),
            (["Dubo", "Grūdos", "Drūkšių"], "Dubo, Grūdos ir Drūkšių"),
            (["Dubo", "", None, "Grūdos"], "Dubo ir Grūdos"),
            (["", "Dubo"], "Dubo"),
        ],
    )
    def test_lithuanian_ir_before_the_last(self, lithuanian, items, expected):
        assert join_list(items) == expected

    def test_english_and(self, english):
        assert join_list(["a", "b", "c"]) == "a, b and c"

    def test_own_conjunction(self, lithuanian):
        assert join_list(["Gardino sritis", "Gardino savivaldybė"], conjunction="bei") == (
            "Gardino sritis bei Gardino savivaldybė"
        )


class TestStripFinalStop:
    @pytest.mark.parametrize(
        "text, expected",
        [
            ("Tai pirmoji siena.", "Tai pirmoji siena"),
            ("Tai pirmoji siena", "Tai pirmoji siena"),
            ("  Tai pirmoji siena .  ", "Tai pirmoji siena"),
            ("angl. CPE", "angl. CPE"),
            ("", ""),
            (None, ""),
        ],
    )
    def test_strips_one_final_stop(self, text, expected):
        assert strip_final_stop(text) == expected
