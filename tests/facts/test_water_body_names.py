"""Lakes and ponds by their Lithuanian names: the genitive in the Lithuanian sentence, the nominative
(marked lang="lt") in the English and Polish ones, and the whole sentence in Lithuanian, marked, while
a name it needs has no nominative (docs/adr/0019). Values stored before the nominative existed (plain
strings) still load and render."""

from bilateral.facts.blocks import SectionBodyBlock
from tests.polish.conftest import belarus_pl, polish  # noqa: F401 (the fixtures: Polish locale and forms)

from .demarcation_values import SEED, WIKIPEDIA, with_, with_nominatives
from .helpers import block_text, lithuanian_parts, render_block

# A pond with both forms, for the pond's own phrase (test names, not the seed's).
POND = {"genitive": "Tvenkinio1", "nominative": "Tvenkinys1", "source_url": ""}
MARKED = '<span lang="lt">%s</span>'


def marked(*names):
    return [MARKED % name for name in names]


class TestEnglish:
    def test_lakes_by_their_nominatives_inside_the_english_sentence(self, english, belarus):
        html = str(render_block("demarcation", with_nominatives(), belarus))
        assert (
            "is marked by 71 buoys in a 32 kilometres long stretch of border waters: in lakes %s, %s and %s."
            % tuple(marked("Drūkšiai", "Apvardai", "Prūtas"))
        ) in html
        assert "was placed – a buoy in lake %s." % MARKED % "Prūtas" in html
        assert "ežer" not in block_text("demarcation", with_nominatives(), belarus)

    def test_lakes_then_ponds(self, english, belarus):
        html = str(render_block("demarcation", with_nominatives(ponds=[POND]), belarus))
        assert "in lakes %s, %s, %s, in pond %s." % tuple(marked("Drūkšiai", "Apvardai", "Prūtas", "Tvenkinys1")) in html

    def test_one_nominative_missing_keeps_the_sentence_lithuanian_whole(self, english, belarus):
        lakes = [*with_nominatives()["lakes"], {"genitive": "Gilutės", "nominative": "", "source_url": ""}]
        html = str(render_block("demarcation", with_nominatives(lakes=lakes), belarus))
        assert (
            "ženklina 71 plūduras 32 kilometrų ilgio pasienio vandenų atkarpoje: "
            "Drūkšių, Apvardų, Prūto ir Gilutės ežeruose."
        ) in lithuanian_parts(html)[-3]
        assert "Drūkšiai" not in html and "in lakes" not in html
        # The marking sentence names only Prūtas, whose nominative is known: English.
        assert "a buoy in lake %s." % MARKED % "Prūtas" in html

    def test_the_last_marks_lake_without_nominative_keeps_its_sentence_lithuanian(self, english, belarus):
        value = with_nominatives(last_mark_water_body="Gilutės", last_mark_water_body_nominative="")
        marking = [part for part in lithuanian_parts(render_block("demarcation", value, belarus)) if "Įgyvendinant" in part]
        assert marking and marking[0].endswith("plūduras Gilutės ežere.")

    def test_a_name_is_escaped(self, english, belarus):
        lakes = [{"genitive": "A<b>", "nominative": "A<b>nom", "source_url": ""}]
        html = str(render_block("demarcation", with_nominatives(lakes=lakes), belarus))
        assert "in lake %s." % MARKED % "A&lt;b&gt;nom" in html and "<b>" not in html


class TestPolish:
    def test_lakes_by_their_nominatives_inside_the_polish_sentence(self, polish, belarus_pl):
        html = str(render_block("demarcation", with_nominatives(ponds=[POND]), belarus_pl))
        assert (
            "na odcinku wód granicznych o długości 32 kilometrów: na jeziorach %s, %s, %s, na stawie %s."
            % tuple(marked("Drūkšiai", "Apvardai", "Prūtas", "Tvenkinys1"))
        ) in html
        assert "– boja na jeziorze %s." % MARKED % "Prūtas" in html

    def test_the_last_pair_is_joined_with_i(self, polish, belarus_pl):
        html = str(render_block("demarcation", with_nominatives(), belarus_pl))
        assert "na jeziorach %s, %s i %s." % tuple(marked("Drūkšiai", "Apvardai", "Prūtas")) in html

    def test_one_nominative_missing_keeps_the_sentence_lithuanian_whole(self, polish, belarus_pl):
        html = str(render_block("demarcation", with_nominatives(ponds=["Purvėnų"]), belarus_pl))
        assert "Drūkšių, Apvardų, Prūto ežeruose, Purvėnų tvenkinyje." in " ".join(lithuanian_parts(html))
        assert "na jeziorach" not in html


class TestLithuanian:
    def test_the_genitives_whatever_the_nominatives(self, lithuanian, belarus):
        text = block_text("demarcation", with_nominatives(ponds=[POND]), belarus)
        assert "atkarpoje: Drūkšių, Apvardų, Prūto ežeruose, Tvenkinio1 tvenkinyje." in text
        assert "plūduras Prūto ežere." in text
        assert 'lang="' not in str(render_block("demarcation", with_nominatives(), belarus))


class TestOldValues:
    """Pages stored before the nominative existed hold each name as a plain string: the genitive."""

    STORED = [{"type": "item", "value": "Dubo", "id": "a"}, {"type": "item", "value": "Grūdos", "id": "b"}]

    def test_plain_strings_render_as_before(self, lithuanian, belarus):
        text = block_text("demarcation", with_(lakes=["Dubo", "Grūdos"], ponds=["Purvėnų"]), belarus)
        assert "atkarpoje: Dubo, Grūdos ežeruose, Purvėnų tvenkinyje." in text

    def test_plain_strings_in_english_make_a_lithuanian_sentence(self, english, belarus):
        html = str(render_block("demarcation", SEED, belarus))
        assert any(part.endswith("Purvėnų, Jurgionių ir Tausiūnų tvenkiniuose.") for part in lithuanian_parts(html))
        assert "in lakes" not in html and "lake Gilutės" not in html

    def test_stored_list_items_load_as_water_bodies_without_nominative(self):
        block = SectionBodyBlock().child_blocks["demarcation"]
        value = block.to_python(with_(lakes=self.STORED, ponds=["Purvėnų"]))
        assert [dict(lake) for lake in value["lakes"]] == [
            {"genitive": "Dubo", "nominative": "", "source_url": ""},
            {"genitive": "Grūdos", "nominative": "", "source_url": ""},
        ]
        stored = block.get_prep_value(value)
        assert [item["value"] for item in stored["lakes"]] == [
            {"genitive": "Dubo", "nominative": "", "source_url": ""},
            {"genitive": "Grūdos", "nominative": "", "source_url": ""},
        ]
        assert [item["id"] for item in stored["lakes"]] == ["a", "b"]
        assert not value["last_mark_water_body_nominative"] and value["last_mark_water_body"] == "Gilutės"

    def test_new_values_are_stored_with_their_source(self):
        block = SectionBodyBlock().child_blocks["demarcation"]
        stored = block.get_prep_value(block.to_python(with_nominatives()))
        assert stored["lakes"][0]["value"] == {"genitive": "Drūkšių", "nominative": "Drūkšiai", "source_url": WIKIPEDIA}
        assert stored["last_mark_water_body_nominative"] == "Prūtas"

    def test_an_old_and_a_new_value_are_cleaned_alike(self, lithuanian):
        block = SectionBodyBlock().child_blocks["demarcation"]
        old = block.clean(block.to_python(with_(lakes=["Dubo"], ponds=[])))
        new = block.clean(block.to_python(with_(lakes=[{"genitive": "Dubo"}], ponds=[])))
        assert block.get_prep_value(old)["lakes"][0]["value"] == block.get_prep_value(new)["lakes"][0]["value"]
