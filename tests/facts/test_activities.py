"""Activities of cooperation: accreditations and activities, dated or not, with counted outcomes."""

import pytest
from django.core.exceptions import ValidationError

from .helpers import FIGURES, block_text, clean_block, lithuanian_parts, reading_text, render_block

NATO_TEXT = "Lietuvos Respublikos ambasada Baltarusijoje yra paskirta NATO kontaktine ambasada (angl. CPE)."
VISITS_TEXT = (
    "Organizuojami pažintiniai vizitai į Lietuvą Baltarusijos gynybos ministerijos atstovams. "
    "Taip siekiama supažindinti su pasikeitimais Lietuvai tapus NATO nare."
)


SEED = {
    "heading": "",
    "items": [
        {
            "type": "accreditation",
            "value": {
                "date": {"year": 2004},
                "direction": "lithuania_in_partner",
                "position": "gynybos atašė",
                "rank": "plk.lt.",
                "name": "A.Danėnas",
            },
        },
        {
            "type": "accreditation",
            "value": {
                "date": {"year": 2006},
                "direction": "partner_in_lithuania",
                "position": "gynybos, karo ir karinių oro pajėgų atašė",
                "rank": "plk.",
                "name": "S.Griščenko",
            },
        },
        {
            "type": "activity",
            "value": {"date": {"year": 2004, "month": 9, "day": 1}, "since": True, "text": NATO_TEXT},
        },
        {"type": "activity", "value": {"text": "Keičiamasi informacija su NATO pareigūnais."}},
        {"type": "activity", "value": {"text": VISITS_TEXT, "outcome_count": 11, "outcome_kind": "visit"}},
        {
            "type": "activity",
            "value": {
                "text": "Tarpininkaujama organizuojant apsilankymus NATO būstinėje.",
                "outcome_count": 5,
                "outcome_kind": "visit",
            },
        },
    ],
}


def activity(text="Rengiamos konsultacijos.", **fields):
    return {"items": [{"type": "activity", "value": dict(text=text, **fields)}]}


class TestSeed:
    def test_lines(self, lithuanian, belarus):
        text = block_text("activities", SEED, belarus)
        assert text.startswith("Bendradarbiavimas gynybos srityje ")
        assert "2004 m. akredituotas Lietuvos Respublikos gynybos atašė Baltarusijoje plk.lt. A. Danėnas." in text
        assert (
            "2006 m. akredituotas Baltarusijos Respublikos gynybos, karo ir karinių oro pajėgų atašė Lietuvoje "
            "plk. S. Griščenko." in text
        )
        assert "Nuo 2004 m. rugsėjo 1 d. " + NATO_TEXT in text
        assert "Keičiamasi informacija su NATO pareigūnais." in text
        assert "Taip siekiama supažindinti su pasikeitimais Lietuvai tapus NATO nare (įvyko 11 vizitų)." in text
        assert "apsilankymus NATO būstinėje (įvyko 5 vizitai)." in text

    def test_one_list_item_per_line(self, lithuanian, belarus):
        html = render_block("activities", SEED, belarus)
        assert html.count("<li>") == 6

    def test_changing_the_outcome_changes_the_form(self, lithuanian, belarus):
        value = dict(SEED, items=[dict(item) for item in SEED["items"]])
        value["items"][4] = {
            "type": "activity",
            "value": {"text": VISITS_TEXT, "outcome_count": 21, "outcome_kind": "visit"},
        }
        text = block_text("activities", value, belarus)
        assert "Lietuvai tapus NATO nare (įvyko 21 vizitas)." in text
        assert "(įvyko 11 vizitų)" not in text

    def test_own_heading(self, lithuanian, belarus):
        text = block_text("activities", dict(SEED, heading="Karinis bendradarbiavimas"), belarus)
        assert text.startswith("Karinis bendradarbiavimas 2004 m. akredituotas")


class TestOutcomes:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "(įvyko 0 vizitų)"),
            (1, "(įvyko 1 vizitas)"),
            (2, "(įvyko 2 vizitai)"),
            (10, "(įvyko 10 vizitų)"),
            (11, "(įvyko 11 vizitų)"),
            (21, "(įvyko 21 vizitas)"),
            (22, "(įvyko 22 vizitai)"),
        ],
    )
    def test_visits(self, lithuanian, belarus, figure, expected):
        text = block_text("activities", activity(outcome_count=figure, outcome_kind="visit"), belarus)
        assert "Rengiamos konsultacijos %s." % expected in text

    @pytest.mark.parametrize(
        "kind, forms",
        [
            ("meeting", ["susitikimų", "susitikimas", "susitikimai", "susitikimų", "susitikimų", "susitikimas", "susitikimai"]),
            ("event", ["renginių", "renginys", "renginiai", "renginių", "renginių", "renginys", "renginiai"]),
            ("seminar", ["seminarų", "seminaras", "seminarai", "seminarų", "seminarų", "seminaras", "seminarai"]),
        ],
    )
    @pytest.mark.parametrize("index", range(len(FIGURES)))
    def test_other_kinds(self, lithuanian, belarus, kind, forms, index):
        figure = FIGURES[index]
        text = block_text("activities", activity(outcome_count=figure, outcome_kind=kind), belarus)
        assert "Rengiamos konsultacijos (įvyko %s %s)." % (figure, forms[index]) in text

    def test_no_outcome_without_a_kind(self, lithuanian, belarus):
        text = block_text("activities", activity(outcome_count=3, outcome_kind=""), belarus)
        assert text.endswith("Rengiamos konsultacijos.")
        assert "įvyko" not in text

    def test_no_outcome_without_a_count(self, lithuanian, belarus):
        text = block_text("activities", activity(outcome_count=None, outcome_kind="visit"), belarus)
        assert "įvyko" not in text

    @pytest.mark.parametrize("text", ["Rengiamos konsultacijos", "Rengiamos konsultacijos.", "Rengiamos konsultacijos. "])
    def test_one_full_stop_after_the_outcome(self, lithuanian, belarus, text):
        rendered = block_text("activities", activity(text, outcome_count=2, outcome_kind="seminar"), belarus)
        assert rendered.endswith("Rengiamos konsultacijos (įvyko 2 seminarai).")

    @pytest.mark.parametrize("text", ["Rengiamos konsultacijos", "Rengiamos konsultacijos."])
    def test_one_full_stop_without_an_outcome(self, lithuanian, belarus, text):
        assert block_text("activities", activity(text), belarus).endswith("Rengiamos konsultacijos.")


class TestDates:
    def test_since_a_day(self, lithuanian, belarus):
        text = block_text(
            "activities", activity(date={"year": 2004, "month": 9, "day": 1}, since=True), belarus
        )
        assert text.endswith("Nuo 2004 m. rugsėjo 1 d. Rengiamos konsultacijos.")

    def test_since_a_year(self, lithuanian, belarus):
        text = block_text("activities", activity(date={"year": 2004}, since=True), belarus)
        assert text.endswith("Nuo 2004 m. Rengiamos konsultacijos.")

    def test_dated_not_since(self, lithuanian, belarus):
        text = block_text("activities", activity(date={"year": 2004, "month": 9}), belarus)
        assert text.endswith("2004 m. rugsėjo mėn. Rengiamos konsultacijos.")

    def test_since_without_a_date_is_undated(self, lithuanian, belarus):
        text = block_text("activities", activity(date={"year": None}, since=True), belarus)
        assert text.endswith("srityje Rengiamos konsultacijos.")
        assert "Nuo" not in text

    def test_dated_with_an_outcome(self, lithuanian, belarus):
        text = block_text(
            "activities",
            activity(date={"year": 2004}, since=True, outcome_count=1, outcome_kind="meeting"),
            belarus,
        )
        assert text.endswith("Nuo 2004 m. Rengiamos konsultacijos (įvyko 1 susitikimas).")


class TestAccreditation:
    def test_without_a_rank(self, lithuanian, belarus):
        value = {
            "items": [
                {
                    "type": "accreditation",
                    "value": {
                        "date": {"year": 2010, "month": 5, "day": 3},
                        "direction": "lithuania_in_partner",
                        "position": "gynybos atašė",
                        "rank": "",
                        "name": "J.Jonaitis",
                    },
                }
            ]
        }
        text = block_text("activities", value, belarus)
        assert "2010 m. gegužės 3 d. akredituotas Lietuvos Respublikos gynybos atašė Baltarusijoje J. Jonaitis." in text


class TestEnglish:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "(0 visits took place)"),
            (1, "(1 visit took place)"),
            (2, "(2 visits took place)"),
            (21, "(21 visits took place)"),
        ],
    )
    def test_visits_with_translated_text(self, english, belarus, figure, expected):
        value = activity("Consultations are held.", outcome_count=figure, outcome_kind="visit")
        text = block_text("activities", value, belarus, free_text_language="en")
        assert "Consultations are held %s." % expected in text

    def test_seed_text_is_lithuanian_whole(self, english, belarus):
        """The seed's free text is Lithuanian: every item is its Lithuanian sentence, marked lang="lt"."""
        parts = lithuanian_parts(render_block("activities", SEED, belarus))
        text = reading_text("activities", SEED, belarus)
        assert text.startswith("Cooperation in the field of defence ")
        assert len(parts) == len(SEED["items"])
        assert "2004 m. akredituotas Lietuvos Respublikos gynybos atašė Baltarusijoje plk.lt. A. Danėnas." in parts
        assert (
            "2006 m. akredituotas Baltarusijos Respublikos gynybos, karo ir karinių oro pajėgų atašė "
            "Lietuvoje plk. S. Griščenko." in parts
        )
        assert "Nuo 2004 m. rugsėjo 1 d. " + NATO_TEXT in parts
        assert "(įvyko 11 vizitų)." in text
        for slip in ("gynybos atašė of", "Since Sept. 1, 2004", "visits took place"):
            assert slip not in text

    def test_seed_translated_reads_english(self, english, belarus):
        value = {"items": [dict(SEED["items"][0], value=dict(SEED["items"][0]["value"], position="defence attaché",
                                                              rank="Lt. Col."))]}
        text = reading_text("activities", value, belarus, free_text_language="en")
        assert "In 2004, the defence attaché of the Republic of Lithuania in Belarus, Lt. Col. A. Danėnas, was accredited." in text
        assert 'lang="lt"' not in render_block("activities", value, belarus, free_text_language="en")


class TestClean:
    def test_optional_lists_may_be_left_out(self, lithuanian, belarus):
        # Blocks stored before a list existed, or written by hand, leave it out: it starts empty.
        value = {key: field for key, field in SEED.items() if key != "sources"}
        clean_block("activities", value)
        assert "Šaltiniai" not in block_text("activities", value, belarus)

    def test_seed_value_passes(self):
        value = clean_block("activities", SEED)
        assert [item.block_type for item in value["items"]] == ["accreditation"] * 2 + ["activity"] * 4

    def test_undated_activity_passes(self):
        value = clean_block("activities", activity())
        assert value["items"][0].value["date"].is_empty

    @pytest.mark.parametrize("figure", FIGURES)
    def test_figures_pass(self, figure):
        clean_block("activities", activity(outcome_count=figure, outcome_kind="visit"))

    def test_negative_outcome_fails(self):
        with pytest.raises(ValidationError):
            clean_block("activities", activity(outcome_count=-1, outcome_kind="visit"))

    def test_text_is_required(self):
        with pytest.raises(ValidationError):
            clean_block("activities", activity(text=""))

    def test_accreditation_needs_its_date(self):
        value = {
            "items": [
                {
                    "type": "accreditation",
                    "value": {
                        "date": {"year": None},
                        "direction": "lithuania_in_partner",
                        "position": "gynybos atašė",
                        "rank": "",
                        "name": "J.Jonaitis",
                    },
                }
            ]
        }
        with pytest.raises(ValidationError):
            clean_block("activities", value)

    def test_bad_activity_date_fails(self):
        with pytest.raises(ValidationError):
            clean_block("activities", activity(date={"year": 2004, "day": 1}))
