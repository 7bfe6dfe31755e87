"""The diplomatic timeline: dated events and the representatives of each country in the other."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks.struct_block import StructBlockValidationError

from bilateral.facts.blocks.timeline import TimelineEventBlock

from .helpers import block_text, clean_block, reading_text, render_block


def event(kind, date=None, description=""):
    return {
        "type": "event",
        "value": {"date": date or {"year": 1991, "month": 12, "day": 27}, "kind": kind, "description": description},
    }


def representative(
    direction="lithuania_in_partner",
    first=True,
    since_restoration=True,
    role="charge_daffaires_ai",
    name="Alfonsas Augulis",
    period=None,
):
    return {
        "type": "representative",
        "value": {
            "period": period or {"year": 1993, "end_year": 1994},
            "direction": direction,
            "first": first,
            "since_restoration": since_restoration,
            "role": role,
            "name": name,
        },
    }



SEED = {
    "heading": "",
    "items": [
        event("recognition_de_jure", {"year": 1991, "month": 12, "day": 27}),
        event("diplomatic_relations", {"year": 1992, "month": 12, "day": 30}),
        representative("lithuania_in_partner", True, True, "charge_daffaires_ai", "Alfonsas Augulis"),
        representative("partner_in_lithuania", True, False, "charge_daffaires_ai", "Vladimir Sčastnyj"),
    ],
}


class TestLithuanian:
    def test_seed_timeline(self, lithuanian, belarus):
        text = block_text("timeline", SEED, belarus)
        assert text == (
            "1991 m. gruodžio 27 d. Baltarusija pripažino Lietuvos nepriklausomybę de jure. "
            "1992 m. gruodžio 30 d. užmegzti diplomatiniai santykiai. "
            "1993–1994 m. pirmasis Lietuvos atstovas Baltarusijoje po nepriklausomybės atkūrimo buvo "
            "laikinasis reikalų patikėtinis Alfonsas Augulis. "
            "1993–1994 m. pirmasis Baltarusijos atstovas Lietuvoje buvo laikinasis reikalų patikėtinis "
            "Vladimir Sčastnyj."
        )

    def test_one_list_item_per_line_in_order(self, lithuanian, belarus):
        html = render_block("timeline", SEED, belarus)
        assert html.count("<li>") == 4
        assert html.index("1991-12-27") < html.index("1992-12-30") < html.index("1993–1994 m.")
        assert '<span class="date">1993–1994 m.</span>' in html

    def test_no_heading_unless_given(self, lithuanian, belarus):
        assert "<h2>" not in render_block("timeline", SEED, belarus)
        html = render_block("timeline", dict(SEED, heading="Diplomatiniai santykiai"), belarus)
        assert "<h2>Diplomatiniai santykiai</h2>" in html

    def test_other_event_uses_its_description(self, lithuanian, belarus):
        text = block_text(
            "timeline",
            {"items": [event("other", {"year": 1995, "month": 2, "day": 6}, "pasirašyta valstybės sienos sutartis.")]},
            belarus,
        )
        assert "1995 m. vasario 6 d. pasirašyta valstybės sienos sutartis." in text

    @pytest.mark.parametrize(
        "direction, first, since, expected",
        [
            (
                "lithuania_in_partner",
                True,
                True,
                "pirmasis Lietuvos atstovas Baltarusijoje po nepriklausomybės atkūrimo buvo",
            ),
            ("lithuania_in_partner", True, False, "pirmasis Lietuvos atstovas Baltarusijoje buvo"),
            ("lithuania_in_partner", False, False, "m. Lietuvos atstovas Baltarusijoje buvo"),
            (
                "lithuania_in_partner",
                False,
                True,
                "m. Lietuvos atstovas Baltarusijoje po nepriklausomybės atkūrimo buvo",
            ),
            ("partner_in_lithuania", True, False, "pirmasis Baltarusijos atstovas Lietuvoje buvo"),
            (
                "partner_in_lithuania",
                True,
                True,
                "pirmasis Baltarusijos atstovas Lietuvoje po nepriklausomybės atkūrimo buvo",
            ),
            ("partner_in_lithuania", False, False, "m. Baltarusijos atstovas Lietuvoje buvo"),
        ],
    )
    def test_representative_sentences(self, lithuanian, belarus, direction, first, since, expected):
        text = block_text("timeline", {"items": [representative(direction, first, since)]}, belarus)
        assert expected in text
        if not first:
            assert "pirmasis" not in text

    @pytest.mark.parametrize(
        "role, words",
        [
            ("charge_daffaires_ai", "buvo laikinasis reikalų patikėtinis Jonas Jonaitis."),
            ("charge_daffaires", "buvo reikalų patikėtinis Jonas Jonaitis."),
            ("ambassador", "buvo nepaprastasis ir įgaliotasis ambasadorius Jonas Jonaitis."),
            ("consul_general", "buvo generalinis konsulas Jonas Jonaitis."),
        ],
    )
    def test_roles(self, lithuanian, belarus, role, words):
        text = block_text("timeline", {"items": [representative(role=role, name="Jonas Jonaitis")]}, belarus)
        assert words in text

    def test_representative_dated_by_a_day(self, lithuanian, belarus):
        text = block_text(
            "timeline",
            {"items": [representative(period={"year": 1993, "month": 3, "day": 1})]},
            belarus,
        )
        assert text.startswith("1993 m. kovo 1 d. pirmasis Lietuvos atstovas Baltarusijoje")

    def test_changing_a_date_changes_the_sentence(self, lithuanian, belarus):
        text = block_text(
            "timeline", {"items": [event("diplomatic_relations", {"year": 1992, "month": 11})]}, belarus
        )
        assert text == "1992 m. lapkričio mėn. užmegzti diplomatiniai santykiai."


class TestEnglish:
    def test_seed_timeline(self, english, belarus):
        text = reading_text("timeline", SEED, belarus)
        assert "On Dec. 27, 1991, Belarus recognised the independence of Lithuania de jure." in text
        assert "On Dec. 30, 1992, diplomatic relations were established." in text
        assert (
            "In 1993–1994, the first representative of Lithuania in Belarus after the restoration of "
            "independence was chargé d'affaires a.i. Alfonsas Augulis." in text
        )
        assert "In 1993–1994, the first representative of Belarus in Lithuania was chargé d'affaires a.i. Vladimir Sčastnyj." in text

    def test_not_the_first(self, english, belarus):
        text = block_text(
            "timeline", {"items": [representative(first=False, since_restoration=False, role="ambassador")]}, belarus
        )
        assert "the representative of Lithuania in Belarus was ambassador extraordinary and plenipotentiary" in text


class TestClean:
    def test_optional_lists_may_be_left_out(self, lithuanian, belarus):
        # Blocks stored before a list existed, or written by hand, leave it out: it starts empty.
        value = {key: field for key, field in SEED.items() if key != "sources"}
        clean_block("timeline", value)
        assert "Šaltiniai" not in block_text("timeline", value, belarus)

    def test_seed_value_passes(self, belarus):
        value = clean_block("timeline", SEED)
        assert len(value["items"]) == 4

    def test_other_event_with_description_passes(self):
        block = TimelineEventBlock()
        value = block.clean(block.to_python(event("other", description="pasirašyta sutartis.")["value"]))
        assert value["description"] == "pasirašyta sutartis."

    def test_other_event_without_description_fails(self):
        block = TimelineEventBlock()
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(block.to_python(event("other")["value"]))
        assert list(caught.value.block_errors) == ["description"]

    def test_other_event_without_description_message(self, lithuanian):
        block = TimelineEventBlock()
        with pytest.raises(StructBlockValidationError) as caught:
            block.clean(block.to_python(event("other")["value"]))
        assert caught.value.block_errors["description"].messages == ["Aprašykite įvykį."]

    def test_other_event_without_description_fails_inside_the_timeline(self):
        with pytest.raises(ValidationError):
            clean_block("timeline", {"items": [event("other")]})

    @pytest.mark.parametrize("kind", ["recognition_de_jure", "diplomatic_relations"])
    def test_known_events_need_no_description(self, kind):
        block = TimelineEventBlock()
        value = block.clean(block.to_python(event(kind)["value"]))
        assert value["kind"] == kind

    def test_event_needs_its_date(self):
        with pytest.raises(ValidationError):
            clean_block("timeline", {"items": [event("diplomatic_relations", {"year": None})]})

    def test_bad_date_fails_inside_the_timeline(self):
        with pytest.raises(ValidationError):
            clean_block("timeline", {"items": [event("diplomatic_relations", {"year": 1992, "day": 30})]})

    def test_unknown_role_fails(self):
        with pytest.raises(ValidationError):
            clean_block("timeline", {"items": [representative(role="pope")]})
