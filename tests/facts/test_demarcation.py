"""The demarcation of the border: treaty, marking, lengths, border marks, buoys and water bodies."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from .demarcation_values import SEED, with_
from .helpers import FIGURES, block_text, clean_block, reading_text, render_block


class TestSeed:
    def test_marking_paragraph(self, lithuanian, belarus):
        text = block_text("demarcation", SEED, belarus)
        assert text.startswith("Sienos demarkavimas ")
        assert (
            "Įgyvendinant 1995 m. vasario 6 d. pasirašytą Lietuvos–Baltarusijos sutartį "
            "„Dėl Lietuvos ir Baltarusijos valstybių sienos“, 2006 m. kovo 10 d. baigta ženklinti Lietuvos ir "
            "Baltarusijos valstybės siena, pastatytas paskutinis Lietuvos ir Baltarusijos valstybės sienos "
            "ženklas – plūduras Gilutės ežere. Lietuva jau anksčiau buvo užbaigusi fizinį valstybės sienos "
            "žymėjimą." in text
        )
        assert "žymėjimą.." not in text

    def test_figures_paragraph(self, lithuanian, belarus):
        text = block_text("demarcation", SEED, belarus)
        assert (
            "Bendras Lietuvos ir Baltarusijos valstybės sienos ilgis yra 678,819 km, iš jų – 380 km sausuma, "
            "299 km vandeniu. Iš viso įrengti 1955 valstybės sienos ženklai, iš jų 1246 sausumoje, 457 palei "
            "upes, upelius ir melioracijos griovius, 93 pereinamieji ir 2 specialieji. Valstybės sieną, "
            "einančią vandens telkiniais, ežerais ir tvenkiniais, ženklina 71 plūduras 32 kilometrų ilgio "
            "pasienio vandenų atkarpoje: Dubo, Grūdos, Drūkšių, Apvardų, Prūto, Gilutės, Raukėtos, Tverečiaus "
            "ežeruose, Purvėnų, Jurgionių ir Tausiūnų tvenkiniuose." in text
        )

    def test_funding_and_final_documents(self, lithuanian, belarus):
        text = block_text("demarcation", SEED, belarus)
        assert (
            "Lietuvos atliekami demarkavimo darbai buvo finansuojami valstybės biudžeto lėšomis, didžioji dalis "
            "Baltarusijos atliekamų darbų – ES lėšomis." in text
        )
        assert (
            "2007 m. vasario 2 d. pasirašyti baigiamieji Lietuvos Respublikos–Baltarusijos Respublikos sienos "
            "demarkavimo dokumentai. Tai pirmoji baigta demarkuoti rytinė išorinė ES siena." in text
        )

    def test_changing_the_declared_total_changes_the_form(self, lithuanian, belarus):
        text = block_text("demarcation", with_(marks_declared_total=1951), belarus)
        assert "Iš viso įrengtas 1951 valstybės sienos ženklas, iš jų" in text
        text = block_text("demarcation", with_(marks_declared_total=1960), belarus)
        assert "Iš viso įrengta 1960 valstybės sienos ženklų, iš jų" in text

    def test_changing_the_buoys_changes_the_form(self, lithuanian, belarus):
        assert "ženklina 72 plūdurai 32 kilometrų" in block_text("demarcation", with_(buoys_count=72), belarus)
        assert "ženklina 70 plūdurų 32 kilometrų" in block_text("demarcation", with_(buoys_count=70), belarus)


class TestLengths:
    def test_total_only(self, lithuanian, belarus):
        text = block_text("demarcation", with_(land_length_km=None, water_length_km=None), belarus)
        assert "Bendras Lietuvos ir Baltarusijos valstybės sienos ilgis yra 678,819 km. Iš viso" in text
        assert "sausuma" not in text

    def test_land_without_water_gives_the_total_only(self, lithuanian, belarus):
        text = block_text("demarcation", with_(water_length_km=None), belarus)
        assert "sienos ilgis yra 678,819 km. Iš viso" in text

    @pytest.mark.parametrize(
        "total, land, water, expected",
        [
            ("679", "380", "299", "ilgis yra 679 km, iš jų – 380 km sausuma, 299 km vandeniu."),
            ("679.000", "380.000", "299.0", "ilgis yra 679 km, iš jų – 380 km sausuma, 299 km vandeniu."),
            ("678.8", "379.5", "299.3", "ilgis yra 678,8 km, iš jų – 379,5 km sausuma, 299,3 km vandeniu."),
            ("1.5", "0.5", "1", "ilgis yra 1,5 km, iš jų – 0,5 km sausuma, 1 km vandeniu."),
            ("1955", "1955", "0", "ilgis yra 1955 km, iš jų – 1955 km sausuma, 0 km vandeniu."),
        ],
    )
    def test_decimals_kept_whole_numbers_without(self, lithuanian, belarus, total, land, water, expected):
        text = block_text(
            "demarcation", with_(total_length_km=total, land_length_km=land, water_length_km=water), belarus
        )
        assert expected in text

    def test_english_decimal_point(self, english, belarus):
        text = block_text("demarcation", SEED, belarus)
        assert (
            "The total length of the state border of Lithuania and Belarus is 678.819 km, "
            "of which – 380 km by land, 299 km by water." in text
        )


class TestMarks:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "Iš viso įrengta 0 valstybės sienos ženklų"),
            (1, "Iš viso įrengtas 1 valstybės sienos ženklas"),
            (2, "Iš viso įrengti 2 valstybės sienos ženklai"),
            (10, "Iš viso įrengta 10 valstybės sienos ženklų"),
            (11, "Iš viso įrengta 11 valstybės sienos ženklų"),
            (21, "Iš viso įrengtas 21 valstybės sienos ženklas"),
            (22, "Iš viso įrengti 22 valstybės sienos ženklai"),
        ],
    )
    def test_declared_total(self, lithuanian, belarus, figure, expected):
        text = block_text("demarcation", with_(marks_declared_total=figure), belarus)
        assert expected + ", iš jų 1246 sausumoje" in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "Iš viso įrengta 0 valstybės sienos ženklų, iš jų 0 sausumoje."),
            (1, "Iš viso įrengtas 1 valstybės sienos ženklas, iš jų 1 sausumoje."),
            (2, "Iš viso įrengti 2 valstybės sienos ženklai, iš jų 2 sausumoje."),
            (10, "Iš viso įrengta 10 valstybės sienos ženklų, iš jų 10 sausumoje."),
            (11, "Iš viso įrengta 11 valstybės sienos ženklų, iš jų 11 sausumoje."),
            (21, "Iš viso įrengtas 21 valstybės sienos ženklas, iš jų 21 sausumoje."),
            (22, "Iš viso įrengti 22 valstybės sienos ženklai, iš jų 22 sausumoje."),
        ],
    )
    def test_total_summed_when_not_declared(self, lithuanian, belarus, figure, expected):
        text = block_text(
            "demarcation",
            with_(marks_declared_total=None, marks=[{"mark_type": "land", "count": figure}]),
            belarus,
        )
        assert expected in text

    def test_summed_total_of_several_types(self, lithuanian, belarus):
        text = block_text(
            "demarcation",
            with_(
                marks_declared_total=None,
                marks=[{"mark_type": "land", "count": 10}, {"mark_type": "watercourses", "count": 11}],
            ),
            belarus,
        )
        assert (
            "Iš viso įrengtas 21 valstybės sienos ženklas, iš jų 10 sausumoje ir 11 palei upes, upelius ir "
            "melioracijos griovius." in text
        )

    def test_no_marks_by_type(self, lithuanian, belarus):
        text = block_text("demarcation", with_(marks=[]), belarus)
        assert "Iš viso įrengti 1955 valstybės sienos ženklai. Valstybės sieną" in text

    @pytest.mark.parametrize(
        "figure, transitional, special",
        [
            (0, "0 pereinamųjų", "0 specialiųjų"),
            (1, "1 pereinamasis", "1 specialusis"),
            (2, "2 pereinamieji", "2 specialieji"),
            (10, "10 pereinamųjų", "10 specialiųjų"),
            (11, "11 pereinamųjų", "11 specialiųjų"),
            (21, "21 pereinamasis", "21 specialusis"),
            (22, "22 pereinamieji", "22 specialieji"),
        ],
    )
    def test_transitional_and_special(self, lithuanian, belarus, figure, transitional, special):
        text = block_text(
            "demarcation",
            with_(
                marks=[
                    {"mark_type": "land", "count": figure},
                    {"mark_type": "watercourses", "count": figure},
                    {"mark_type": "transitional", "count": figure},
                    {"mark_type": "special", "count": figure},
                ]
            ),
            belarus,
        )
        assert (
            ", iš jų %(n)s sausumoje, %(n)s palei upes, upelius ir melioracijos griovius, %(t)s ir %(s)s."
            % {"n": figure, "t": transitional, "s": special}
            in text
        )


class TestOptionalParagraphs:
    def test_no_final_documents(self, lithuanian, belarus):
        text = block_text("demarcation", with_(final_documents_signed=None, final_documents_note=""), belarus)
        assert "baigiamieji" not in text

    def test_final_documents_without_note(self, lithuanian, belarus):
        text = block_text("demarcation", with_(final_documents_note=""), belarus)
        assert (
            "2007 m. vasario 2 d. pasirašyti baigiamieji Lietuvos Respublikos–Baltarusijos Respublikos "
            "sienos demarkavimo dokumentai." in text
        )
        assert "Tai pirmoji" not in text

    def test_no_funding(self, lithuanian, belarus):
        text = block_text("demarcation", with_(funding_note=""), belarus)
        assert "finansuojami" not in text


class TestEnglish:
    def test_seed(self, english, belarus):
        text = reading_text("demarcation", SEED, belarus)
        assert text.startswith("Demarcation of the border ")
        assert "The total length of the state border of Lithuania and Belarus is 678.819 km" in text
        assert "In total 1955 state border marks have been installed, of which 1246 on land" in text
        assert "93 transitional and 2 special." in text
        assert (
            "On Feb. 2, 2007, the final documents of the demarcation of the Republic of Lithuania–Republic of "
            "Belarus border were signed." in text
        )
        # The lakes are stored in the Lithuanian genitive: those sentences are Lithuanian, whole.
        assert "plūduras Gilutės ežere" in text and "ženklina 71 plūduras" in text
        for slip in ("lake Gilutės", "lakes Dubo", "ponds Purvėnų"):
            assert slip not in text

    @pytest.mark.parametrize(
        "figure, marks, buoys",
        [
            (1, "In total 1 state border mark has been installed", "marked by 1 buoy"),
            (2, "In total 2 state border marks have been installed", "marked by 2 buoys"),
            (21, "In total 21 state border marks have been installed", "marked by 21 buoys"),
        ],
    )
    def test_english_plural(self, english, belarus, figure, marks, buoys):
        value = with_(marks_declared_total=figure, buoys_count=figure, lakes=[], ponds=[])
        text = block_text("demarcation", value, belarus)
        assert marks in text
        assert buoys in text

    def test_one_lake(self, english, belarus):
        html = render_block("demarcation", with_(lakes=["Gilutės"], ponds=[], water_stretch_km="1"), belarus)
        assert '1 kilometro ilgio pasienio vandenų atkarpoje: Gilutės ežere.</span>' in html
        assert "in lake" not in html


class TestClean:
    def test_optional_lists_may_be_left_out(self, lithuanian, belarus):
        # Blocks stored before a list existed, or written by hand, leave it out: it starts empty.
        value = {key: field for key, field in SEED.items() if key not in ("sources", "marks", "lakes", "ponds")}
        cleaned = clean_block("demarcation", value)
        assert (list(cleaned["marks"]), list(cleaned["lakes"]), list(cleaned["ponds"])) == ([], [], [])
        text = block_text("demarcation", value, belarus)
        assert "Šaltiniai" not in text
        assert "Iš viso įrengti 1955 valstybės sienos ženklai. Valstybės sieną" in text
        assert "ženklina 71 plūduras 32 kilometrų ilgio pasienio vandenų atkarpoje." in text

    def test_seed_value_passes(self):
        value = clean_block("demarcation", SEED)
        assert value["total_length_km"] == Decimal("678.819")
        assert value["marks_declared_total"] == 1955

    def test_without_optional_parts_passes(self):
        value = clean_block(
            "demarcation",
            {
                "treaty_title": "Sutartis",
                "treaty_signed": {"year": 1995},
                "marking_completed": {"year": 2006},
                "total_length_km": "678.819",
                "marks": [],
                "lakes": [],
                "ponds": [],
            },
        )
        assert value["final_documents_signed"].is_empty

    @pytest.mark.parametrize("figure", FIGURES)
    def test_figures_pass(self, figure):
        clean_block(
            "demarcation",
            with_(marks_declared_total=figure, buoys_count=figure, marks=[{"mark_type": "special", "count": figure}]),
        )

    def test_treaty_date_is_required(self):
        with pytest.raises(ValidationError):
            clean_block("demarcation", with_(treaty_signed={"year": None}))

    def test_negative_length_fails(self):
        with pytest.raises(ValidationError):
            clean_block("demarcation", with_(total_length_km="-1"))

    def test_too_many_decimals_fail(self):
        with pytest.raises(ValidationError):
            clean_block("demarcation", with_(total_length_km="678.8191"))

    def test_negative_marks_fail(self):
        with pytest.raises(ValidationError):
            clean_block("demarcation", with_(marks=[{"mark_type": "land", "count": -1}]))

    def test_impossible_final_documents_date_fails(self):
        with pytest.raises(ValidationError):
            clean_block("demarcation", with_(final_documents_signed={"year": 2007, "month": 2, "day": 30}))
