"""Euroregions: the counted introduction and the member bodies grouped by country."""

import pytest
from django.core.exceptions import ValidationError

from .helpers import block_text, clean_block, render_block

COUNTRIES = [
    ("LT", "Lietuva", "Lietuvos", "Lietuvoje", "Lietuvos Respublikos", "Lithuania"),
    ("PL", "Lenkija", "Lenkijos", "Lenkijoje", "Lenkijos Respublikos", "Poland"),
    ("LV", "Latvija", "Latvijos", "Latvijoje", "Latvijos Respublikos", "Latvia"),
    ("RU", "Rusija", "Rusijos", "Rusijoje", "Rusijos Federacijos", "Russia"),
]


SEED = {
    "heading": "",
    "euroregions": [
        {
            "name": "Nemunas",
            "member_groups": [
                {"country": "LT", "members": ["Alytaus ir Marijampolės apskritys"]},
                {"country": "PL", "members": ["Palenkės vaivadija"]},
                {"country": "BY", "members": ["Gardino sritis", "Gardino savivaldybė"]},
                {"country": "RU", "members": ["Kaliningrado sritis", "Černiachovsko savivaldybė"]},
            ],
        },
        {
            "name": "Ežerų kraštas",
            "member_groups": [
                {
                    "country": "LT",
                    "members": [
                        "Ignalinos rajono, Švenčionių rajono, Utenos rajono, Visagino miesto, Zarasų rajono "
                        "savivaldybių tarybos"
                    ],
                },
                {"country": "BY", "members": ["Braslavo, Glubokoje, Miorų, Pastovių, Verchnedvinsko rajonų deputatų tarybos"]},
                {
                    "country": "LV",
                    "members": [
                        "Daugpilio miesto, Daugpilio rajono, Kraslavos rajono, Preilių rajono, Rezeknės rajono tarybos",
                        "Rezeknės miesto dūma",
                    ],
                },
            ],
        },
    ],
}


@pytest.fixture
def countries(belarus):
    from bilateral.facts.models import Country

    for iso_code, name, genitive, locative, official, name_en in COUNTRIES:
        Country.objects.get_or_create(
            iso_code=iso_code,
            defaults=dict(
                name=name,
                name_genitive=genitive,
                name_locative=locative,
                official_name_genitive=official,
                name_en=name_en,
            ),
        )
    return belarus


def euroregions(count, country="BY"):
    return {
        "euroregions": [
            {"name": "E%d" % number, "member_groups": [{"country": country, "members": ["Gardino sritis"]}]}
            for number in range(1, count + 1)
        ]
    }


class TestSeed:
    def test_intro(self, lithuanian, countries):
        text = block_text("euroregions", SEED, countries)
        assert text.startswith(
            "Euroregionai Šiuo metu įkurti du euroregionai, kurių veikloje dalyvauja Baltarusijos ir Lietuvos "
            "savivaldybės:"
        )

    def test_items(self, lithuanian, countries):
        text = block_text("euroregions", SEED, countries)
        assert (
            "Euroregionas „Nemunas“. Euroregiono veikloje dalyvauja Lietuvos Alytaus ir Marijampolės apskritys, "
            "Lenkijos Palenkės vaivadija, Baltarusijos Gardino sritis bei Gardino savivaldybė ir Rusijos "
            "Kaliningrado sritis bei Černiachovsko savivaldybė;" in text
        )
        assert (
            "Euroregionas „Ežerų kraštas“. Euroregiono veikloje dalyvauja Lietuvos Ignalinos rajono, Švenčionių "
            "rajono, Utenos rajono, Visagino miesto, Zarasų rajono savivaldybių tarybos, Baltarusijos Braslavo, "
            "Glubokoje, Miorų, Pastovių, Verchnedvinsko rajonų deputatų tarybos ir Latvijos Daugpilio miesto, "
            "Daugpilio rajono, Kraslavos rajono, Preilių rajono, Rezeknės rajono tarybos bei Rezeknės miesto "
            "dūma." in text
        )

    def test_one_list_item_per_euroregion(self, lithuanian, countries):
        html = render_block("euroregions", SEED, countries)
        assert html.count("<li>Euroregionas") == 2

    def test_country_not_in_the_database_names_the_members_only(self, lithuanian, belarus):
        text = block_text("euroregions", SEED, belarus)
        assert (
            "Euroregiono veikloje dalyvauja Alytaus ir Marijampolės apskritys, Palenkės vaivadija, "
            "Baltarusijos Gardino sritis bei Gardino savivaldybė ir Kaliningrado sritis bei Černiachovsko "
            "savivaldybė;" in text
        )

    def test_own_heading(self, lithuanian, countries):
        text = block_text("euroregions", dict(SEED, heading="Bendradarbiavimas regionuose"), countries)
        assert text.startswith("Bendradarbiavimas regionuose Šiuo metu")


class TestIntro:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (0, "Šiuo metu įkurta 0 euroregionų, kurių veikloje"),
            (1, "Šiuo metu įkurtas vienas euroregionas, kurio veikloje"),
            (2, "Šiuo metu įkurti du euroregionai, kurių veikloje"),
            (10, "Šiuo metu įkurta 10 euroregionų, kurių veikloje"),
            (11, "Šiuo metu įkurta 11 euroregionų, kurių veikloje"),
            (21, "Šiuo metu įkurtas 21 euroregionas, kurio veikloje"),
            (22, "Šiuo metu įkurti 22 euroregionai, kurių veikloje"),
        ],
    )
    def test_count(self, lithuanian, belarus, figure, expected):
        text = block_text("euroregions", euroregions(figure), belarus)
        assert expected + " dalyvauja Baltarusijos ir Lietuvos savivaldybės:" in text
        assert text.count("Euroregionas „") == figure

    @pytest.mark.parametrize(
        "figure, word",
        [(3, "trys"), (4, "keturi"), (5, "penki"), (6, "šeši"), (7, "septyni"), (8, "aštuoni"), (9, "devyni")],
    )
    def test_small_counts_in_words(self, lithuanian, belarus, figure, word):
        text = block_text("euroregions", euroregions(figure), belarus)
        assert "Šiuo metu įkurti %s euroregionai, kurių veikloje" % word in text

    def test_adding_a_euroregion_changes_the_form(self, lithuanian, countries):
        value = {"euroregions": SEED["euroregions"] + euroregions(1)["euroregions"]}
        text = block_text("euroregions", value, countries)
        assert "Šiuo metu įkurti trys euroregionai, kurių veikloje" in text
        value = {"euroregions": SEED["euroregions"][:1]}
        text = block_text("euroregions", value, countries)
        assert "Šiuo metu įkurtas vienas euroregionas, kurio veikloje" in text


class TestItems:
    def test_last_item_ends_with_a_full_stop_the_others_with_a_semicolon(self, lithuanian, belarus):
        html = render_block("euroregions", euroregions(3), belarus)
        assert "<li>Euroregionas „E1“. Euroregiono veikloje dalyvauja Baltarusijos Gardino sritis;</li>" in html
        assert "<li>Euroregionas „E2“. Euroregiono veikloje dalyvauja Baltarusijos Gardino sritis;</li>" in html
        assert "<li>Euroregionas „E3“. Euroregiono veikloje dalyvauja Baltarusijos Gardino sritis.</li>" in html

    def test_members_of_one_country_joined_by_bei(self, lithuanian, belarus):
        value = {
            "euroregions": [
                {
                    "name": "Nemunas",
                    "member_groups": [{"country": "BY", "members": ["Gardino sritis", "Gardino savivaldybė", "Lydos rajonas"]}],
                }
            ]
        }
        text = block_text("euroregions", value, belarus)
        assert "dalyvauja Baltarusijos Gardino sritis, Gardino savivaldybė bei Lydos rajonas." in text

    def test_member_names_are_escaped(self, lithuanian, belarus):
        value = {"euroregions": [{"name": "A & B", "member_groups": [{"country": "BY", "members": ["<b>X</b>"]}]}]}
        html = render_block("euroregions", value, belarus)
        assert "„A &amp; B“" in html
        assert "&lt;b&gt;X&lt;/b&gt;" in html


class TestEnglish:
    @pytest.mark.parametrize(
        "figure, expected",
        [
            (1, "At present one euroregion has been established in whose activities"),
            (2, "At present two euroregions have been established in whose activities"),
            (11, "At present 11 euroregions have been established in whose activities"),
            (21, "At present 21 euroregions have been established in whose activities"),
        ],
    )
    def test_intro(self, english, belarus, figure, expected):
        text = block_text("euroregions", euroregions(figure), belarus)
        assert expected + " municipalities of Belarus and Lithuania take part:" in text

    def test_seed(self, english, countries):
        text = block_text("euroregions", SEED, countries)
        assert text.startswith("Euroregions At present two euroregions have been established")
        # The member bodies are Lithuanian free text: each euroregion is its Lithuanian sentence.
        assert (
            "Euroregionas „Nemunas“. Euroregiono veikloje dalyvauja Lietuvos Alytaus ir Marijampolės apskritys, "
            "Lenkijos Palenkės vaivadija" in text
        )
        assert "Lithuania Alytaus" not in text and "Taking part" not in text


class TestClean:
    def test_optional_lists_may_be_left_out(self, lithuanian, countries):
        # Blocks stored before a list existed, or written by hand, leave it out: it starts empty.
        value = {key: field for key, field in SEED.items() if key != "sources"}
        clean_block("euroregions", value)
        assert "Šaltiniai" not in block_text("euroregions", value, countries)

    def test_seed_value_passes(self, countries):
        value = clean_block("euroregions", SEED)
        assert [euroregion["name"] for euroregion in value["euroregions"]] == ["Nemunas", "Ežerų kraštas"]

    def test_country_must_exist(self, countries):
        with pytest.raises(ValidationError):
            clean_block("euroregions", euroregions(1, country="XX"))

    def test_country_choices_come_from_the_database(self, belarus, request):
        with pytest.raises(ValidationError):
            clean_block("euroregions", euroregions(1, country="LV"))
        request.getfixturevalue("latvia")  # only now in the database
        clean_block("euroregions", euroregions(1, country="LV"))

    def test_name_is_required(self, countries):
        value = euroregions(1)
        value["euroregions"][0]["name"] = ""
        with pytest.raises(ValidationError):
            clean_block("euroregions", value)
