"""The demarcation of the border on the water: buoys, the water stretch, lakes and ponds, the last mark."""

import pytest

from .demarcation_values import names, with_
from .helpers import FIGURES, block_text


class TestBuoysAndWaters:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (1, "ženklina 1 plūduras 32 kilometrų ilgio"),
            (2, "ženklina 2 plūdurai 32 kilometrų ilgio"),
            (10, "ženklina 10 plūdurų 32 kilometrų ilgio"),
            (11, "ženklina 11 plūdurų 32 kilometrų ilgio"),
            (21, "ženklina 21 plūduras 32 kilometrų ilgio"),
            (22, "ženklina 22 plūdurai 32 kilometrų ilgio"),
        ],
    )
    def test_buoys(self, lithuanian, belarus, figure, expected):
        assert expected in block_text("demarcation", with_(buoys_count=figure), belarus)

    @pytest.mark.parametrize("buoys", [0, None])
    def test_no_buoys_no_buoy_sentence(self, lithuanian, belarus, buoys):
        text = block_text("demarcation", with_(buoys_count=buoys), belarus)
        assert "ženklina" not in text
        assert "2 specialieji." in text

    @pytest.mark.parametrize(
        "figure, expected",
        [
            (1, "71 plūduras 1 kilometro ilgio pasienio vandenų atkarpoje:"),
            (2, "71 plūduras 2 kilometrų ilgio pasienio vandenų atkarpoje:"),
            (10, "71 plūduras 10 kilometrų ilgio pasienio vandenų atkarpoje:"),
            (11, "71 plūduras 11 kilometrų ilgio pasienio vandenų atkarpoje:"),
            (21, "71 plūduras 21 kilometro ilgio pasienio vandenų atkarpoje:"),
            (22, "71 plūduras 22 kilometrų ilgio pasienio vandenų atkarpoje:"),
        ],
    )
    def test_stretch_of_border_waters(self, lithuanian, belarus, figure, expected):
        assert expected in block_text("demarcation", with_(water_stretch_km=str(figure)), belarus)

    @pytest.mark.parametrize(
        "stretch, expected",
        [
            ("1.5", "71 plūduras 1,5 kilometro ilgio pasienio vandenų atkarpoje:"),
            ("32.25", "71 plūduras 32,25 kilometro ilgio pasienio vandenų atkarpoje:"),
            ("32.000", "71 plūduras 32 kilometrų ilgio pasienio vandenų atkarpoje:"),
        ],
    )
    def test_fractional_stretch(self, lithuanian, belarus, stretch, expected):
        assert expected in block_text("demarcation", with_(water_stretch_km=stretch), belarus)

    @pytest.mark.parametrize("stretch", ["0", None])
    def test_no_stretch(self, lithuanian, belarus, stretch):
        text = block_text("demarcation", with_(water_stretch_km=stretch), belarus)
        assert "ženklina 71 plūduras: Dubo, Grūdos" in text
        assert "atkarpoje" not in text

    @pytest.mark.parametrize("figure", [figure for figure in FIGURES if figure])
    def test_lakes_one_or_several(self, lithuanian, belarus, figure):
        lakes = names("Ež", figure)
        text = block_text("demarcation", with_(lakes=lakes, ponds=[]), belarus)
        if figure == 1:
            assert "pasienio vandenų atkarpoje: Ež1 ežere." in text
        else:
            # Named, not counted: 21 lakes are still "ežeruose", not the singular of the numeral 21.
            listed = "%s ir %s" % (", ".join(lakes[:-1]), lakes[-1])
            assert "pasienio vandenų atkarpoje: %s ežeruose." % listed in text

    @pytest.mark.parametrize("figure", [figure for figure in FIGURES if figure])
    def test_ponds_one_or_several(self, lithuanian, belarus, figure):
        ponds = names("Tv", figure)
        text = block_text("demarcation", with_(lakes=[], ponds=ponds), belarus)
        if figure == 1:
            assert "pasienio vandenų atkarpoje: Tv1 tvenkinyje." in text
        else:
            listed = "%s ir %s" % (", ".join(ponds[:-1]), ponds[-1])
            assert "pasienio vandenų atkarpoje: %s tvenkiniuose." % listed in text

    def test_one_lake_and_one_pond(self, lithuanian, belarus):
        text = block_text("demarcation", with_(lakes=["Gilutės"], ponds=["Purvėnų"]), belarus)
        assert "atkarpoje: Gilutės ežere, Purvėnų tvenkinyje." in text

    def test_lakes_without_ponds_end_with_ir(self, lithuanian, belarus):
        text = block_text("demarcation", with_(lakes=["Dubo", "Grūdos", "Drūkšių"], ponds=[]), belarus)
        assert "atkarpoje: Dubo, Grūdos ir Drūkšių ežeruose." in text

    def test_no_water_bodies(self, lithuanian, belarus):
        text = block_text("demarcation", with_(lakes=[], ponds=[]), belarus)
        assert "ženklina 71 plūduras 32 kilometrų ilgio pasienio vandenų atkarpoje." in text


class TestLastMark:
    @pytest.mark.parametrize(
        "kind, place, place_kind, expected",
        [
            ("buoy", "Gilutės", "lake", "ženklas – plūduras Gilutės ežere."),
            ("buoy", "Purvėnų", "pond", "ženklas – plūduras Purvėnų tvenkinyje."),
            ("post", "", "lake", "ženklas – stulpas."),
            ("buoy", "", "lake", "ženklas – plūduras."),
        ],
    )
    def test_last_mark(self, lithuanian, belarus, kind, place, place_kind, expected):
        text = block_text(
            "demarcation",
            with_(last_mark_kind=kind, last_mark_water_body=place, last_mark_water_body_kind=place_kind),
            belarus,
        )
        assert "pastatytas paskutinis Lietuvos ir Baltarusijos valstybės sienos " + expected in text

    def test_no_last_mark(self, lithuanian, belarus):
        text = block_text("demarcation", with_(last_mark_kind="", marking_note=""), belarus)
        assert "2006 m. kovo 10 d. baigta ženklinti Lietuvos ir Baltarusijos valstybės siena. Bendras" in text
        assert "pastatytas" not in text

    def test_note_without_final_stop_gets_one(self, lithuanian, belarus):
        text = block_text("demarcation", with_(marking_note="Lietuva baigė anksčiau"), belarus)
        assert "plūduras Gilutės ežere. Lietuva baigė anksčiau. Bendras" in text
