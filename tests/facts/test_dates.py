"""Fuzzy dates: a day, a month, a year or a span of years, in words and for machines."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from bilateral.facts.blocks.dates import DAY, MONTH, YEAR, YEAR_RANGE, FuzzyDateBlock

from .helpers import block_text, reading_text, render_block

DAY_DATE = {"year": 1995, "month": 2, "day": 6}
MONTH_DATE = {"year": 1991, "month": 8}
YEAR_DATE = {"year": 2004}
RANGE_DATE = {"year": 1993, "end_year": 1994}


def fuzzy(raw, required=True):
    return FuzzyDateBlock(required=required).to_python(raw)


def clean(raw, required=True):
    block = FuzzyDateBlock(required=required)
    return block.clean(block.to_python(raw))


def clean_errors(raw, required=True):
    with pytest.raises(StructBlockValidationError) as caught:
        clean(raw, required=required)
    return caught.value.block_errors


class TestLithuanian:
    @pytest.mark.parametrize(
        "raw, expected",
        [
            (DAY_DATE, "1995 m. vasario 6 d."),
            ({"year": 1991, "month": 12, "day": 27}, "1991 m. gruodžio 27 d."),
            (MONTH_DATE, "1991 m. rugpjūčio mėn."),
            (YEAR_DATE, "2004 m."),
            (RANGE_DATE, "1993–1994 m."),
        ],
    )
    def test_in_words(self, lithuanian, raw, expected):
        assert str(fuzzy(raw)) == expected

    @pytest.mark.parametrize(
        "month, genitive",
        list(
            enumerate(
                [
                "sausio",
                "vasario",
                "kovo",
                "balandžio",
                "gegužės",
                "birželio",
                "liepos",
                "rugpjūčio",
                "rugsėjo",
                "spalio",
                "lapkričio",
                "gruodžio",
                ],
                start=1,
            )
        ),
    )
    def test_month_names_take_the_genitive(self, lithuanian, month, genitive):
        assert str(fuzzy({"year": 2000, "month": month})) == "2000 m. %s mėn." % genitive
        assert str(fuzzy({"year": 2000, "month": month, "day": 1})) == "2000 m. %s 1 d." % genitive

    def test_month_given_as_text_from_a_form(self, lithuanian):
        value = fuzzy({"year": 1991, "month": "8"})
        assert value["month"] == 8
        assert str(value) == "1991 m. rugpjūčio mėn."

    def test_empty_date_is_empty_text(self, lithuanian):
        value = fuzzy({}, required=False)
        assert value.is_empty
        assert str(value) == ""
        assert value.as_html() == ""
        assert value.iso() == ""
        assert value.first_day() is None
        assert value.last_day() is None

    def test_activity_since_a_day(self, lithuanian, belarus):
        text = block_text(
            "activities",
            {
                "items": [
                    {
                        "type": "activity",
                        "value": {
                            "date": {"year": 2004, "month": 9, "day": 1},
                            "since": True,
                            "text": "Lietuvos Respublikos ambasada Baltarusijoje yra paskirta NATO kontaktine ambasada (angl. CPE).",
                        },
                    }
                ]
            },
            belarus,
        )
        assert (
            "Nuo 2004 m. rugsėjo 1 d. Lietuvos Respublikos ambasada Baltarusijoje yra paskirta "
            "NATO kontaktine ambasada (angl. CPE)." in text
        )


class TestEnglish:
    @pytest.mark.parametrize(
        "raw, expected",
        [
            (DAY_DATE, "Feb. 6, 1995"),
            ({"year": 1991, "month": 12, "day": 27}, "Dec. 27, 1991"),
            (MONTH_DATE, "August 1991"),
            (YEAR_DATE, "2004"),
            (RANGE_DATE, "1993–1994"),
        ],
    )
    def test_in_words(self, english, raw, expected):
        assert str(fuzzy(raw)) == expected

    def test_activity_since_a_day(self, english, belarus):
        text = reading_text(
            "activities",
            {
                "items": [
                    {
                        "type": "activity",
                        "value": {"date": {"year": 2004, "month": 9, "day": 1}, "since": True, "text": "X."},
                    }
                ]
            },
            belarus,
            free_text_language="en",
        )
        assert "Since Sept. 1, 2004, X." in text


class TestPrecisionAndIso:
    @pytest.mark.parametrize(
        "raw, precision, iso",
        [
            (DAY_DATE, DAY, "1995-02-06"),
            (MONTH_DATE, MONTH, "1991-08"),
            ({"year": 1991, "month": 12}, MONTH, "1991-12"),
            (YEAR_DATE, YEAR, "2004"),
            (RANGE_DATE, YEAR_RANGE, "1993/1994"),
        ],
    )
    def test_precision_and_iso(self, raw, precision, iso):
        value = fuzzy(raw)
        assert value.precision == precision
        assert value.iso() == iso
        assert not value.is_empty

    @pytest.mark.parametrize(
        "raw, first, last",
        [
            (DAY_DATE, datetime.date(1995, 2, 6), datetime.date(1995, 2, 6)),
            (MONTH_DATE, datetime.date(1991, 8, 1), datetime.date(1991, 8, 31)),
            ({"year": 2000, "month": 2}, datetime.date(2000, 2, 1), datetime.date(2000, 2, 29)),
            ({"year": 1991, "month": 2}, datetime.date(1991, 2, 1), datetime.date(1991, 2, 28)),
            ({"year": 1991, "month": 4}, datetime.date(1991, 4, 1), datetime.date(1991, 4, 30)),
            ({"year": 1991, "month": 12}, datetime.date(1991, 12, 1), datetime.date(1991, 12, 31)),
            (YEAR_DATE, datetime.date(2004, 1, 1), datetime.date(2004, 12, 31)),
            (RANGE_DATE, datetime.date(1993, 1, 1), datetime.date(1994, 12, 31)),
        ],
    )
    def test_first_and_last_day(self, raw, first, last):
        value = fuzzy(raw)
        assert value.first_day() == first
        assert value.last_day() == last

    def test_html_time_element_where_html_can_say_the_precision(self, lithuanian):
        assert fuzzy(DAY_DATE).as_html() == '<time datetime="1995-02-06">1995 m. vasario 6 d.</time>'
        assert fuzzy(MONTH_DATE).as_html() == '<time datetime="1991-08">1991 m. rugpjūčio mėn.</time>'
        assert fuzzy(YEAR_DATE).as_html() == '<time datetime="2004">2004 m.</time>'
        assert fuzzy(RANGE_DATE).as_html() == '<span class="date">1993–1994 m.</span>'

    def test_timeline_renders_the_html_date(self, lithuanian, belarus):
        html = render_block(
            "timeline",
            {"items": [{"type": "event", "value": {"date": DAY_DATE, "kind": "diplomatic_relations"}}]},
            belarus,
        )
        assert '<time datetime="1995-02-06">1995 m. vasario 6 d.</time>' in html


class TestClean:
    @pytest.mark.parametrize(
        "raw",
        [
            DAY_DATE,
            MONTH_DATE,
            YEAR_DATE,
            RANGE_DATE,
            {"year": 1993, "end_year": 1993},
            {"year": 2024, "month": 2, "day": 29},
            {"year": 1991, "month": 12, "day": 31},
        ],
    )
    def test_valid_dates_pass(self, raw):
        value = clean(raw)
        assert value["year"] == raw["year"]
        assert not value.is_empty

    def test_cleaned_value_renders(self, lithuanian):
        assert str(clean(DAY_DATE)) == "1995 m. vasario 6 d."
        assert str(clean(MONTH_DATE)) == "1991 m. rugpjūčio mėn."

    def test_day_without_month(self):
        errors = clean_errors({"year": 1995, "day": 6})
        assert list(errors) == ["month"]

    def test_range_with_month(self):
        errors = clean_errors({"year": 1993, "month": 2, "end_year": 1994})
        assert list(errors) == ["end_year"]

    def test_range_with_month_and_day(self):
        errors = clean_errors({"year": 1993, "month": 2, "day": 6, "end_year": 1994})
        assert list(errors) == ["end_year"]

    def test_range_ending_before_it_starts(self):
        errors = clean_errors({"year": 1994, "end_year": 1993})
        assert list(errors) == ["end_year"]

    @pytest.mark.parametrize(
        "raw",
        [
            {"year": 1995, "month": 2, "day": 31},
            {"year": 1995, "month": 2, "day": 30},
            {"year": 2023, "month": 2, "day": 29},
            {"year": 1995, "month": 4, "day": 31},
        ],
    )
    def test_no_such_day(self, raw):
        errors = clean_errors(raw)
        assert list(errors) == ["day"]

    def test_errors_in_lithuanian(self, lithuanian):
        def message(raw, required=True):
            (error,) = clean_errors(raw, required=required).values()
            return error.messages[0]

        assert message({"year": 1995, "day": 6}) == "Nurodžius dieną, reikia nurodyti ir mėnesį."
        assert message({"year": 1993, "month": 2, "end_year": 1994}) == (
            "Metų laikotarpiui mėnuo ir diena nenurodomi."
        )
        assert message({"year": 1994, "end_year": 1993}) == "Laikotarpis negali baigtis anksčiau, nei prasideda."
        assert message({"year": 1995, "month": 2, "day": 31}) == "Tokios dienos tą mėnesį nėra."
        assert message({"month": 2}, required=False) == "Įrašykite metus."
        assert message({"month": 2}) == "Šis laukas yra privalomas."

    def test_errors_in_english(self, english):
        (error,) = clean_errors({"year": 1995, "day": 6}).values()
        assert error.messages == ["A day needs its month."]

    @pytest.mark.parametrize("year", [999, 3000])
    def test_year_out_of_range(self, year):
        assert "year" in clean_errors({"year": year})

    def test_day_out_of_range(self):
        assert "day" in clean_errors({"year": 1995, "month": 2, "day": 32})

    def test_required_date_needs_its_year(self):
        assert "year" in clean_errors({})
        assert "year" in clean_errors({"year": None})

    def test_optional_date_may_be_empty(self):
        value = clean({}, required=False)
        assert value.is_empty

    def test_optional_date_with_a_month_but_no_year(self):
        errors = clean_errors({"month": 2}, required=False)
        assert list(errors) == ["year"]

    def test_an_optional_date_does_not_make_the_others_optional(self):
        # Child blocks are declared on the class and shared: making one date's year optional
        # must not relax a required date elsewhere (treaty signed, timeline dates).
        FuzzyDateBlock(required=False)
        required = FuzzyDateBlock()
        assert required.child_blocks["year"].required
        with pytest.raises(StructBlockValidationError):
            required.clean(required.to_python({}))
        optional = FuzzyDateBlock(required=False)
        assert not optional.child_blocks["year"].required
        assert optional.child_blocks["year"].name == "year"

    def test_required_dates_inside_fact_blocks_stay_required(self):
        from bilateral.facts.blocks import SectionBodyBlock

        body = SectionBodyBlock()
        treaty_signed = body.child_blocks["demarcation"].child_blocks["treaty_signed"]
        final_documents = body.child_blocks["demarcation"].child_blocks["final_documents_signed"]
        activity_date = (
            body.child_blocks["activities"].child_blocks["items"].child_blocks["activity"].child_blocks["date"]
        )
        event_date = body.child_blocks["timeline"].child_blocks["items"].child_blocks["event"].child_blocks["date"]
        assert treaty_signed.child_blocks["year"].required
        assert event_date.child_blocks["year"].required
        assert not final_documents.child_blocks["year"].required
        assert not activity_date.child_blocks["year"].required
        with pytest.raises(ValidationError):
            event_date.clean(event_date.to_python({}))
        assert final_documents.clean(final_documents.to_python({})).is_empty
