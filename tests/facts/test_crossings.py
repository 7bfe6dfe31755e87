"""Border crossing points: counts by kind and regime, and the planned changes, with plural forms."""

import pytest
from django.core.exceptions import ValidationError

from .helpers import FIGURES, block_text, clean_block


SEED = {
    "heading": "",
    "points": [
        {"kind": "rail", "regime": "international", "count": 2},
        {"kind": "road", "regime": "international", "count": 4},
        {"kind": "road", "regime": "local", "count": 11},
    ],
    "planned": [
        {"action": "upgrade", "count": 2, "kind": "road", "regime": "international", "condition": "įrengus infrastruktūrą"},
        {"action": "open", "count": 1, "kind": "river", "regime": "international", "condition": ""},
    ],
}


def points(*entries, planned=()):
    return {
        "points": [{"kind": kind, "regime": regime, "count": count} for kind, regime, count in entries],
        "planned": list(planned),
    }


def change(action, count, kind, regime="international", condition=""):
    return {"action": action, "count": count, "kind": kind, "regime": regime, "condition": condition}


class TestSeed:
    def test_seed_sentences(self, lithuanian, belarus):
        text = block_text("border_crossings", SEED, belarus)
        assert text.startswith("Sienos perėjimo punktai ")
        assert (
            "Tarp Lietuvos ir Baltarusijos veikia 6 tarptautiniai sienos perėjimo punktai "
            "(2 geležinkelių, 4 autokelių) ir 11 autokelių vietinio eismo režimu veikiančių kontrolės punktų. "
            "Ateityje numatyta 2 autokelių vietinio eismo režimo kontrolės punktams, įrengus infrastruktūrą, "
            "suteikti tarptautinių kontrolės punktų statusą, taip pat atidaryti tarptautinį 1 upių "
            "pasienio kontrolės punktą." in text
        )

    def test_own_heading(self, lithuanian, belarus):
        text = block_text("border_crossings", dict(SEED, heading="Pasienio punktai"), belarus)
        assert text.startswith("Pasienio punktai Tarp Lietuvos")

    def test_changing_a_figure_changes_the_sentence(self, lithuanian, belarus):
        value = dict(SEED, points=[dict(point) for point in SEED["points"]])
        value["points"][1]["count"] = 19  # road international: 2 + 19 = 21
        value["points"][2]["count"] = 21  # road local
        text = block_text("border_crossings", value, belarus)
        assert "veikia 21 tarptautinis sienos perėjimo punktas (2 geležinkelių, 19 autokelių)" in text
        assert "ir 21 autokelių vietinio eismo režimu veikiantis kontrolės punktas." in text

    def test_no_points_no_existing_sentence(self, lithuanian, belarus):
        text = block_text("border_crossings", points(planned=[change("open", 1, "road")]), belarus)
        assert "Tarp Lietuvos" not in text
        assert "Ateityje numatyta atidaryti tarptautinį 1 autokelių pasienio kontrolės punktą." in text

    def test_no_planned_changes_no_planned_sentence(self, lithuanian, belarus):
        text = block_text("border_crossings", points(("road", "international", 4)), belarus)
        assert text.endswith("veikia 4 tarptautiniai autokelių sienos perėjimo punktai.")
        assert "Ateityje" not in text


class TestInternational:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "0 tarptautinių autokelių sienos perėjimo punktų"),
            (1, "1 tarptautinis autokelių sienos perėjimo punktas"),
            (2, "2 tarptautiniai autokelių sienos perėjimo punktai"),
            (10, "10 tarptautinių autokelių sienos perėjimo punktų"),
            (11, "11 tarptautinių autokelių sienos perėjimo punktų"),
            (21, "21 tarptautinis autokelių sienos perėjimo punktas"),
            (22, "22 tarptautiniai autokelių sienos perėjimo punktai"),
        ],
    )
    def test_one_kind(self, lithuanian, belarus, figure, expected):
        text = block_text("border_crossings", points(("road", "international", figure)), belarus)
        assert "Tarp Lietuvos ir Baltarusijos veikia %s." % expected in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "0 tarptautinių sienos perėjimo punktų (0 geležinkelių, 0 upių)"),
            (1, "1 tarptautinis sienos perėjimo punktas (1 geležinkelių, 0 upių)"),
            (2, "2 tarptautiniai sienos perėjimo punktai (2 geležinkelių, 0 upių)"),
            (10, "10 tarptautinių sienos perėjimo punktų (10 geležinkelių, 0 upių)"),
            (11, "11 tarptautinių sienos perėjimo punktų (11 geležinkelių, 0 upių)"),
            (21, "21 tarptautinis sienos perėjimo punktas (21 geležinkelių, 0 upių)"),
            (22, "22 tarptautiniai sienos perėjimo punktai (22 geležinkelių, 0 upių)"),
        ],
    )
    def test_several_kinds_agree_with_the_total(self, lithuanian, belarus, figure, expected):
        text = block_text(
            "border_crossings", points(("rail", "international", figure), ("river", "international", 0)), belarus
        )
        assert "veikia %s." % expected in text

    @pytest.mark.parametrize(
        "rail, road, expected",
        [
            (1, 0, "1 tarptautinis sienos perėjimo punktas (1 geležinkelių, 0 autokelių)"),
            (20, 1, "21 tarptautinis sienos perėjimo punktas (20 geležinkelių, 1 autokelių)"),
            (1, 1, "2 tarptautiniai sienos perėjimo punktai (1 geležinkelių, 1 autokelių)"),
            (5, 5, "10 tarptautinių sienos perėjimo punktų (5 geležinkelių, 5 autokelių)"),
            (10, 1, "11 tarptautinių sienos perėjimo punktų (10 geležinkelių, 1 autokelių)"),
            (21, 1, "22 tarptautiniai sienos perėjimo punktai (21 geležinkelių, 1 autokelių)"),
        ],
    )
    def test_the_total_not_the_parts_governs_the_form(self, lithuanian, belarus, rail, road, expected):
        text = block_text(
            "border_crossings", points(("rail", "international", rail), ("road", "international", road)), belarus
        )
        assert "veikia %s." % expected in text

    @pytest.mark.parametrize("kind, attribute", [("road", "autokelių"), ("rail", "geležinkelių"), ("river", "upių")])
    def test_kinds(self, lithuanian, belarus, kind, attribute):
        text = block_text("border_crossings", points((kind, "international", 1)), belarus)
        assert "veikia 1 tarptautinis %s sienos perėjimo punktas." % attribute in text


class TestStatedTotals:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (6, "veikia 6 tarptautiniai sienos perėjimo punktai (2 geležinkelių, 4 autokelių)"),
            (21, "veikia 21 tarptautinis sienos perėjimo punktas (2 geležinkelių, 4 autokelių)"),
            (11, "veikia 11 tarptautinių sienos perėjimo punktų (2 geležinkelių, 4 autokelių)"),
        ],
    )
    def test_the_stated_international_total_governs_the_sentence(self, lithuanian, belarus, figure, expected):
        text = block_text("border_crossings", dict(SEED, international_total=figure), belarus)
        assert expected in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (1, "ir 1 autokelių vietinio eismo režimu veikiantis kontrolės punktas."),
            (22, "ir 22 autokelių vietinio eismo režimu veikiantys kontrolės punktai."),
        ],
    )
    def test_the_stated_local_total_governs_the_sentence(self, lithuanian, belarus, figure, expected):
        text = block_text("border_crossings", dict(SEED, local_total=figure), belarus)
        assert expected in text


class TestLocal:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "0 autokelių vietinio eismo režimu veikiančių kontrolės punktų"),
            (1, "1 autokelių vietinio eismo režimu veikiantis kontrolės punktas"),
            (2, "2 autokelių vietinio eismo režimu veikiantys kontrolės punktai"),
            (10, "10 autokelių vietinio eismo režimu veikiančių kontrolės punktų"),
            (11, "11 autokelių vietinio eismo režimu veikiančių kontrolės punktų"),
            (21, "21 autokelių vietinio eismo režimu veikiantis kontrolės punktas"),
            (22, "22 autokelių vietinio eismo režimu veikiantys kontrolės punktai"),
        ],
    )
    def test_one_kind(self, lithuanian, belarus, figure, expected):
        text = block_text("border_crossings", points(("road", "local", figure)), belarus)
        assert "Tarp Lietuvos ir Baltarusijos veikia %s." % expected in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "0 vietinio eismo režimu veikiančių kontrolės punktų (0 autokelių, 0 geležinkelių)"),
            (1, "1 vietinio eismo režimu veikiantis kontrolės punktas (1 autokelių, 0 geležinkelių)"),
            (2, "2 vietinio eismo režimu veikiantys kontrolės punktai (2 autokelių, 0 geležinkelių)"),
            (10, "10 vietinio eismo režimu veikiančių kontrolės punktų (10 autokelių, 0 geležinkelių)"),
            (11, "11 vietinio eismo režimu veikiančių kontrolės punktų (11 autokelių, 0 geležinkelių)"),
            (21, "21 vietinio eismo režimu veikiantis kontrolės punktas (21 autokelių, 0 geležinkelių)"),
            (22, "22 vietinio eismo režimu veikiantys kontrolės punktai (22 autokelių, 0 geležinkelių)"),
        ],
    )
    def test_several_kinds(self, lithuanian, belarus, figure, expected):
        text = block_text("border_crossings", points(("road", "local", figure), ("rail", "local", 0)), belarus)
        assert "veikia %s." % expected in text

    def test_international_and_local_joined_by_ir(self, lithuanian, belarus):
        text = block_text(
            "border_crossings", points(("road", "international", 1), ("rail", "local", 2)), belarus
        )
        assert (
            "veikia 1 tarptautinis autokelių sienos perėjimo punktas ir "
            "2 geležinkelių vietinio eismo režimu veikiantys kontrolės punktai." in text
        )


class TestPlanned:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "0 autokelių vietinio eismo režimo kontrolės punktų suteikti tarptautinių kontrolės punktų statusą"),
            (1, "1 autokelių vietinio eismo režimo kontrolės punktui suteikti tarptautinio kontrolės punkto statusą"),
            (2, "2 autokelių vietinio eismo režimo kontrolės punktams suteikti tarptautinių kontrolės punktų statusą"),
            (10, "10 autokelių vietinio eismo režimo kontrolės punktų suteikti tarptautinių kontrolės punktų statusą"),
            (11, "11 autokelių vietinio eismo režimo kontrolės punktų suteikti tarptautinių kontrolės punktų statusą"),
            (21, "21 autokelių vietinio eismo režimo kontrolės punktui suteikti tarptautinio kontrolės punkto statusą"),
            (22, "22 autokelių vietinio eismo režimo kontrolės punktams suteikti tarptautinių kontrolės punktų statusą"),
        ],
    )
    def test_upgrade_takes_the_dative(self, lithuanian, belarus, figure, expected):
        text = block_text("border_crossings", points(planned=[change("upgrade", figure, "road")]), belarus)
        assert "Ateityje numatyta %s." % expected in text

    def test_upgrade_with_a_condition(self, lithuanian, belarus):
        text = block_text(
            "border_crossings",
            points(planned=[change("upgrade", 1, "rail", condition="įrengus infrastruktūrą")]),
            belarus,
        )
        assert (
            "Ateityje numatyta 1 geležinkelių vietinio eismo režimo kontrolės punktui, įrengus infrastruktūrą, "
            "suteikti tarptautinio kontrolės punkto statusą." in text
        )

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "atidaryti 0 tarptautinių upių pasienio kontrolės punktų"),
            (1, "atidaryti tarptautinį 1 upių pasienio kontrolės punktą"),
            (2, "atidaryti 2 tarptautinius upių pasienio kontrolės punktus"),
            (10, "atidaryti 10 tarptautinių upių pasienio kontrolės punktų"),
            (11, "atidaryti 11 tarptautinių upių pasienio kontrolės punktų"),
            (21, "atidaryti tarptautinį 21 upių pasienio kontrolės punktą"),
            (22, "atidaryti 22 tarptautinius upių pasienio kontrolės punktus"),
        ],
    )
    def test_open_international_takes_the_accusative(self, lithuanian, belarus, figure, expected):
        text = block_text("border_crossings", points(planned=[change("open", figure, "river")]), belarus)
        assert "Ateityje numatyta %s." % expected in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "atidaryti 0 autokelių vietinio eismo kontrolės punktų"),
            (1, "atidaryti 1 autokelių vietinio eismo kontrolės punktą"),
            (2, "atidaryti 2 autokelių vietinio eismo kontrolės punktus"),
            (10, "atidaryti 10 autokelių vietinio eismo kontrolės punktų"),
            (11, "atidaryti 11 autokelių vietinio eismo kontrolės punktų"),
            (21, "atidaryti 21 autokelių vietinio eismo kontrolės punktą"),
            (22, "atidaryti 22 autokelių vietinio eismo kontrolės punktus"),
        ],
    )
    def test_open_local_takes_the_accusative(self, lithuanian, belarus, figure, expected):
        text = block_text(
            "border_crossings", points(planned=[change("open", figure, "road", regime="local")]), belarus
        )
        assert "Ateityje numatyta %s." % expected in text

    def test_open_with_a_condition(self, lithuanian, belarus):
        text = block_text(
            "border_crossings",
            points(planned=[change("open", 2, "rail", condition="gavus finansavimą")]),
            belarus,
        )
        assert "Ateityje numatyta atidaryti, gavus finansavimą, 2 tarptautinius geležinkelių pasienio kontrolės punktus." in text

    def test_several_changes_joined(self, lithuanian, belarus):
        text = block_text(
            "border_crossings",
            points(planned=[change("upgrade", 2, "road"), change("open", 1, "river"), change("open", 3, "rail", regime="local")]),
            belarus,
        )
        assert (
            "Ateityje numatyta 2 autokelių vietinio eismo režimo kontrolės punktams suteikti tarptautinių kontrolės "
            "punktų statusą, taip pat atidaryti tarptautinį 1 upių pasienio kontrolės punktą, taip pat "
            "atidaryti 3 geležinkelių vietinio eismo kontrolės punktus." in text
        )


class TestEnglish:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "0 international road border crossing points"),
            (1, "1 international road border crossing point"),
            (2, "2 international road border crossing points"),
            (21, "21 international road border crossing points"),
        ],
    )
    def test_international(self, english, belarus, figure, expected):
        text = block_text("border_crossings", points(("road", "international", figure)), belarus)
        assert "Between Lithuania and Belarus there operate %s." % expected in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (1, "1 rail checkpoint operating under the local border traffic regime"),
            (2, "2 rail checkpoints operating under the local border traffic regime"),
        ],
    )
    def test_local(self, english, belarus, figure, expected):
        text = block_text("border_crossings", points(("rail", "local", figure)), belarus)
        assert "there operate %s." % expected in text

    def test_seed(self, english, belarus):
        text = block_text("border_crossings", SEED, belarus)
        assert text.startswith("Border crossing points ")
        assert (
            "Between Lithuania and Belarus there operate 6 international border crossing points (2 rail, 4 road) "
            "and 11 road checkpoints operating under the local border traffic regime." in text
        )
        # The condition ("įrengus infrastruktūrą") is Lithuanian free text: the planned sentence is Lithuanian.
        assert "Ateityje numatyta 2 autokelių vietinio eismo režimo kontrolės punktams, įrengus infrastruktūrą" in text
        assert "checkpoints, įrengus" not in text
        translated = dict(SEED, planned=[dict(SEED["planned"][0], condition="once the infrastructure is built"),
                                         SEED["planned"][1]])
        text = block_text("border_crossings", translated, belarus, free_text_language="en")
        assert "In the future it is planned to give 2 road local border traffic checkpoints" in text
        assert "and also to open 1 international river border checkpoint." in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (1, "to give 1 road local border traffic checkpoint the status of an international checkpoint"),
            (2, "to give 2 road local border traffic checkpoints the status of international checkpoints"),
        ],
    )
    def test_upgrade(self, english, belarus, figure, expected):
        text = block_text("border_crossings", points(planned=[change("upgrade", figure, "road")]), belarus)
        assert expected in text


class TestClean:
    def test_optional_lists_may_be_left_out(self, lithuanian, belarus):
        # Blocks stored before a list existed, or written by hand, leave it out: it starts empty.
        value = {key: field for key, field in SEED.items() if key not in ("sources", "planned")}
        assert list(clean_block("border_crossings", value)["planned"]) == []
        text = block_text("border_crossings", value, belarus)
        assert "Šaltiniai" not in text
        assert "Ateityje" not in text
        assert text.endswith("veikiančių kontrolės punktų.")

    def test_seed_value_passes(self):
        value = clean_block("border_crossings", SEED)
        assert [point["count"] for point in value["points"]] == [2, 4, 11]

    @pytest.mark.parametrize("figure", FIGURES)
    def test_figures_pass(self, figure):
        clean_block("border_crossings", points(("road", "international", figure), planned=[change("open", figure, "road")]))

    def test_negative_count_fails(self):
        with pytest.raises(ValidationError):
            clean_block("border_crossings", points(("road", "international", -1)))

    def test_unknown_kind_fails(self):
        with pytest.raises(ValidationError):
            clean_block("border_crossings", points(("air", "international", 1)))
