"""English sentences get what the Lithuanian ones get: every date precision, 0, 1, 2 and 21 of each
counted thing, and the slips the English pages had ("completed on 1999", "Republic of Lithuania -
Latvia", "August 1991 Latvia recognised")."""

import pytest

from .helpers import reading_text
from .test_crossings import change, points
from .test_demarcation import SEED as DEMARCATION
from .test_timeline import event, representative

COUNTS = [0, 1, 2, 21]
DATES = [
    ({"year": 2006, "month": 3, "day": 10}, "on March 10, 2006", "On March 10, 2006, "),
    ({"year": 1999, "month": 8}, "in August 1999", "In August 1999, "),
    ({"year": 1999}, "in 1999", "In 1999, "),
    ({"year": 1993, "end_year": 1994}, "in 1993–1994", "In 1993–1994, "),
]
# Only the figures and dates: free text stays out, so these sentences are English throughout.
LATVIAN_BORDER = dict(
    DEMARCATION,
    treaty_title="Dėl Lietuvos ir Latvijos valstybių sienos",
    last_mark_kind="",
    marking_note="",
    funding_note="",
    final_documents_note="",
    lakes=[],
    ponds=[],
)


def demarcation(**changes):
    return dict(LATVIAN_BORDER, **changes)


class TestDatesInsideSentences:
    @pytest.mark.parametrize("raw, adverbial, _opening", DATES)
    def test_marking_completed(self, english, latvia, raw, adverbial, _opening):
        text = reading_text("demarcation", demarcation(marking_completed=raw), latvia)
        assert f"the marking of the state border of Lithuania and Latvia was completed {adverbial}." in text

    @pytest.mark.parametrize("raw, adverbial, _opening", DATES)
    def test_treaty_signed(self, english, latvia, raw, adverbial, _opening):
        text = reading_text("demarcation", demarcation(treaty_signed=raw), latvia)
        assert f"signed {adverbial}, the marking" in text

    def test_no_year_after_on(self, english, latvia):
        text = reading_text("demarcation", demarcation(marking_completed={"year": 1999}), latvia)
        assert "on 1999" not in text and "completed in 1999." in text

    @pytest.mark.parametrize("raw, _adverbial, opening", DATES)
    def test_final_documents(self, english, latvia, raw, _adverbial, opening):
        text = reading_text("demarcation", demarcation(final_documents_signed=raw), latvia)
        assert (
            opening + "the final documents of the demarcation of the Republic of Lithuania–Republic of Latvia "
            "border were signed." in text
        )

    @pytest.mark.parametrize("raw, _adverbial, opening", DATES)
    def test_recognition(self, english, latvia, raw, _adverbial, opening):
        text = reading_text("timeline", {"items": [event("recognition_de_jure", date=raw)]}, latvia)
        assert opening + "Latvia recognised the independence of Lithuania de jure." in text

    def test_in_before_a_month(self, english, latvia):
        text = reading_text("timeline", {"items": [event("recognition_de_jure", date={"year": 1991, "month": 8})]}, latvia)
        assert text.startswith("In August 1991, Latvia recognised")

    @pytest.mark.parametrize("raw, _adverbial, opening", DATES)
    def test_representative(self, english, latvia, raw, _adverbial, opening):
        value = {"items": [representative("partner_in_lithuania", since_restoration=False, period=raw)]}
        text = reading_text("timeline", value, latvia)
        assert opening + "the first representative of Latvia in Lithuania was chargé d'affaires a.i." in text

    @pytest.mark.parametrize("raw, _adverbial, opening", DATES)
    def test_relations(self, english, latvia, raw, _adverbial, opening):
        text = reading_text("timeline", {"items": [event("diplomatic_relations", date=raw)]}, latvia)
        assert opening + "diplomatic relations were established." in text


class TestCountryNames:
    def test_the_partners_official_name_where_the_official_name_is_meant(self, english, latvia):
        text = reading_text("demarcation", LATVIAN_BORDER, latvia)
        assert "Republic of Lithuania–Republic of Latvia border" in text
        assert "Republic of Lithuania - Latvia" not in text and "Republic of Lithuania–Latvia" not in text

    def test_en_dash_between_the_names_of_the_treaty(self, english, latvia):
        text = reading_text("demarcation", LATVIAN_BORDER, latvia)
        assert "In implementation of the Lithuania–Latvia treaty" in text
        assert " - " not in text


class TestCounts:
    @pytest.mark.parametrize("count", COUNTS)
    def test_international_points(self, english, latvia, count):
        text = reading_text("border_crossings", points(("road", "international", count)), latvia)
        noun = "point" if count == 1 else "points"
        assert f"there operate {count} international road border crossing {noun}." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_local_points(self, english, latvia, count):
        text = reading_text("border_crossings", points(("rail", "local", count)), latvia)
        noun = "checkpoint" if count == 1 else "checkpoints"
        assert f"{count} rail {noun} operating under the local border traffic regime." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_planned_points(self, english, latvia, count):
        text = reading_text("border_crossings", points(planned=[change("open", count, "river")]), latvia)
        noun = "checkpoint" if count == 1 else "checkpoints"
        assert f"In the future it is planned to open {count} international river border {noun}." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_upgraded_points(self, english, latvia, count):
        text = reading_text("border_crossings", points(planned=[change("upgrade", count, "road")]), latvia)
        if count == 1:
            assert "to give 1 road local border traffic checkpoint the status of an international checkpoint." in text
        else:
            assert f"to give {count} road local border traffic checkpoints the status of international checkpoints." in text

    @pytest.mark.parametrize("count", COUNTS)
    def test_border_marks(self, english, latvia, count):
        marks = [{"mark_type": "transitional", "count": count}, {"mark_type": "special", "count": count}]
        text = reading_text("demarcation", demarcation(marks=marks, marks_declared_total=count), latvia)
        noun = "mark has" if count == 1 else "marks have"
        assert f"In total {count} state border {noun} been installed, of which {count} transitional and {count} special." in text

    @pytest.mark.parametrize("count", [1, 2, 21])
    def test_buoys(self, english, latvia, count):
        text = reading_text("demarcation", demarcation(buoys_count=count, water_stretch_km=str(count)), latvia)
        buoys = "buoy" if count == 1 else "buoys"
        kilometres = "kilometre" if count == 1 else "kilometres"
        assert f"is marked by {count} {buoys} in a {count} {kilometres} long stretch of border waters." in text

    def test_no_buoys_no_sentence(self, english, latvia):
        text = reading_text("demarcation", demarcation(buoys_count=0), latvia)
        assert "buoy" not in text

    @pytest.mark.parametrize("count, words", [(1, "one euroregion has"), (2, "two euroregions have"), (21, "21 euroregions have")])
    def test_euroregions(self, english, latvia, count, words):
        value = {"euroregions": [{"name": "E%d" % number, "member_groups": []} for number in range(count)]}
        text = reading_text("euroregions", value, latvia)
        assert f"At present {words} been established in whose activities municipalities of Latvia" in text

    @pytest.mark.parametrize("count", COUNTS)
    @pytest.mark.parametrize("kind, one, many", [("visit", "visit", "visits"), ("meeting", "meeting", "meetings"),
                                                 ("event", "event", "events"), ("seminar", "seminar", "seminars")])
    def test_outcomes(self, english, latvia, count, kind, one, many):
        value = {"items": [{"type": "activity", "value": {"text": "Consultations are held.", "outcome_count": count,
                                                           "outcome_kind": kind}}]}
        text = reading_text("activities", value, latvia, free_text_language="en")
        assert f"Consultations are held ({count} {one if count == 1 else many} took place)." in text
