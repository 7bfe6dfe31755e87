"""For generated facts of every block type: the block rendered, then imported, gives the same fields,
in Lithuanian and in English."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.utils import translation

from bilateral.facts.blocks import SectionBodyBlock
from bilateral.facts.blocks.parsing import Paragraph
from bilateral.imports.reading import paragraphs_from_html
from bilateral.imports.structuring import structure

from .facts import stored

EXAMPLES = settings(
    max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow]
)
LETTERS = "abcdefghijklmnoprstuvyząčęėįšųūž"
# Words of four letters or more: the short words the sentences are joined with ("ir", "bei") are
# never among them.
word = st.text(alphabet=LETTERS, min_size=4, max_size=9)
name = st.lists(word.map(str.capitalize), min_size=1, max_size=3).map(" ".join)
phrase = st.lists(word, min_size=1, max_size=4).map(" ".join)
sentence = st.lists(word, min_size=2, max_size=6).map(lambda words: " ".join(words).capitalize() + ".")
heading = st.one_of(st.just(""), name)
year = st.integers(1000, 2999)


@st.composite
def fuzzy_date(draw):
    start = draw(year)
    precision = draw(st.sampled_from(["day", "month", "year", "range"]))
    if precision == "range":
        return {"year": start, "end_year": draw(st.integers(start, 2999))}
    value = {"year": start}
    if precision in ("day", "month"):
        value["month"] = draw(st.integers(1, 12))
    if precision == "day":
        value["day"] = draw(st.integers(1, 28))
    return value


def decimal_km():
    return st.decimals(min_value=0, max_value=5000, places=3, allow_nan=False, allow_infinity=False)


event = st.fixed_dictionaries(
    {"date": fuzzy_date(), "kind": st.sampled_from(["recognition_de_jure", "diplomatic_relations"])}
)
representative = st.fixed_dictionaries(
    {
        "period": fuzzy_date(),
        "direction": st.sampled_from(["lithuania_in_partner", "partner_in_lithuania"]),
        "first": st.booleans(),
        "since_restoration": st.booleans(),
        "role": st.sampled_from(["charge_daffaires_ai", "charge_daffaires", "ambassador", "consul_general"]),
        "name": name,
    }
)
timeline = st.fixed_dictionaries(
    {
        "heading": heading,
        "items": st.lists(
            st.one_of(
                event.map(lambda value: {"type": "event", "value": value}),
                representative.map(lambda value: {"type": "representative", "value": value}),
            ),
            min_size=1,
            max_size=4,
        ),
    }
)


@st.composite
def regime_points(draw, regime):
    kinds = draw(st.lists(st.sampled_from(["road", "rail", "river"]), unique=True, max_size=3))
    points = [{"kind": kind, "regime": regime, "count": draw(st.integers(1, 60))} for kind in kinds]
    total = sum(point["count"] for point in points)
    if len(points) > 1:
        total = draw(st.one_of(st.just(total), st.integers(1, 200)))  # a stated total may disagree
    return points, (total if points else None)


@st.composite
def crossings(draw):
    international, international_total = draw(regime_points("international"))
    local, local_total = draw(regime_points("local"))
    if not international and not local:
        international, international_total = [{"kind": "road", "regime": "international", "count": 3}], 3
    change = st.one_of(
        st.fixed_dictionaries(
            {"action": st.just("upgrade"), "regime": st.just("international")},
        ),
        st.fixed_dictionaries({"action": st.just("open"), "regime": st.sampled_from(["international", "local"])}),
    ).flatmap(
        lambda fixed: st.fixed_dictionaries(
            {
                **{key: st.just(value) for key, value in fixed.items()},
                "count": st.integers(1, 30),
                "kind": st.sampled_from(["road", "rail", "river"]),
                "condition": st.one_of(st.just(""), phrase),
            }
        )
    )
    return {
        "heading": draw(heading),
        "points": international + local,
        "international_total": international_total,
        "local_total": local_total,
        "planned": draw(st.lists(change, max_size=3)),
    }


# A lake or pond as stored before its nominative existed (a plain genitive) or as the editor stores it
# now: the Lithuanian page writes the genitive either way (the nominative is not read back).
water_body = st.one_of(
    name,
    st.fixed_dictionaries({"genitive": name, "nominative": st.one_of(st.just(""), name), "source_url": st.just("")}),
)


@st.composite
def demarcation(draw):
    value = {
        "heading": draw(heading),
        "treaty_title": draw(name),
        "treaty_signed": draw(fuzzy_date()),
        "marking_completed": draw(fuzzy_date()),
        "marking_note": draw(st.one_of(st.just(""), sentence)),
        "total_length_km": draw(decimal_km()),
        "marks_declared_total": draw(st.integers(0, 5000)),
        "marks": [
            {"mark_type": mark_type, "count": draw(st.integers(0, 2000))}
            for mark_type in draw(
                st.lists(st.sampled_from(["land", "watercourses", "transitional", "special"]), unique=True)
            )
        ],
    }
    if draw(st.booleans()):
        value["last_mark_kind"] = draw(st.sampled_from(["buoy", "post"]))
        if draw(st.booleans()):
            value["last_mark_water_body"] = draw(name)
            value["last_mark_water_body_kind"] = draw(st.sampled_from(["lake", "pond"]))
    if draw(st.booleans()):
        value["land_length_km"], value["water_length_km"] = draw(decimal_km()), draw(decimal_km())
    if draw(st.booleans()):
        value["buoys_count"] = draw(st.integers(1, 300))
        value["water_stretch_km"] = draw(st.one_of(st.none(), decimal_km().filter(lambda km: km > 0)))
        value["lakes"] = draw(st.lists(water_body, max_size=4))
        value["ponds"] = draw(st.lists(water_body, max_size=4))
    if draw(st.booleans()):
        value["final_documents_signed"] = draw(fuzzy_date())
        value["final_documents_note"] = draw(st.one_of(st.just(""), sentence))
        # Free text between the figures and the final documents: told apart only by where it stands.
        value["funding_note"] = draw(st.one_of(st.just(""), sentence))
    return value


@st.composite
def euroregions(draw):
    def euroregion():
        groups = st.lists(st.sampled_from(["LT", "BY", "PL", "LV", "RU"]), min_size=1, max_size=4, unique=True)
        return st.fixed_dictionaries(
            {
                "name": name,
                "member_groups": groups.flatmap(
                    lambda codes: st.tuples(
                        *[
                            st.fixed_dictionaries(
                                {"country": st.just(code), "members": st.lists(phrase, min_size=1, max_size=2)}
                            )
                            for code in codes
                        ]
                    ).map(list)
                ),
            }
        )

    return {"heading": draw(heading), "euroregions": draw(st.lists(euroregion(), min_size=1, max_size=4))}


accreditation = st.fixed_dictionaries(
    {
        "date": fuzzy_date(),
        "direction": st.sampled_from(["lithuania_in_partner", "partner_in_lithuania"]),
        "position": phrase,
        "rank": st.one_of(st.just(""), st.sampled_from(["plk.", "plk.lt.", "mjr.", "kpt."])),
        "name": name,
    }
)


@st.composite
def activity(draw):
    value = {"text": draw(sentence)}
    if draw(st.booleans()):
        value["date"] = draw(fuzzy_date())
        value["since"] = draw(st.booleans())
    if draw(st.booleans()):
        value["outcome_count"] = draw(st.integers(0, 500))
        value["outcome_kind"] = draw(st.sampled_from(["visit", "meeting", "event", "seminar"]))
    return value


activities = st.fixed_dictionaries(
    {
        "heading": heading,
        "items": st.lists(
            st.one_of(
                accreditation.map(lambda value: {"type": "accreditation", "value": value}),
                activity().map(lambda value: {"type": "activity", "value": value}),
            ),
            min_size=1,
            max_size=4,
        ),
    }
)


def render_then_import(block_type, raw, country, language="lt"):
    """The block as a reader's page in `language` shows it (its pictures left out: a figure is
    self-contained and repeats the text's figures), read back by the import in that language. The
    free text is taken to be in the page's language (an English page typed in English)."""
    with translation.override(language):
        value = SectionBodyBlock().to_python([{"type": block_type, "value": raw}])
        html = value[0].render(context={"country": country, "free_text_language": language})
        soup = BeautifulSoup(html, "html.parser")
        for figure in soup.find_all("figure"):
            figure.decompose()
        paragraphs = [Paragraph("Skyrius", Paragraph.HEADING), *paragraphs_from_html(str(soup))]
        return structure(paragraphs, country.forms(language)), html


def without_water_body_names(raw):
    """An English page names a lake either in its nominative (no genitive) or inside a sentence written
    whole in Lithuanian (the genitive; the English import reads English sentences only): neither gives
    back both forms, so the English round trip names no lake or pond (docs/adr/0019)."""
    raw = dict(raw, lakes=[], ponds=[])
    if raw.get("last_mark_water_body"):
        raw.update(last_mark_water_body="", last_mark_water_body_kind="lake")
    return raw


def assert_round_trip(block_type, raw, country, language="lt"):
    if block_type == "demarcation" and language != "lt":
        raw = without_water_body_names(raw)
    block = SectionBodyBlock().child_blocks[block_type]
    block.clean(block.to_python(raw))  # a value the editor could save
    result, html = render_then_import(block_type, raw, country, language)
    assert len(result.body) == 1
    expected = stored([{"type": block_type, "value": raw}])
    assert stored(result.body) == expected, html


@pytest.fixture
def partner(seeded):
    return seeded.country_page.country


STRATEGIES = {
    "timeline": timeline,
    "border_crossings": crossings(),
    "demarcation": demarcation(),
    "euroregions": euroregions(),
    "activities": activities,
}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["lt", "en"])
@pytest.mark.parametrize("block_type", list(STRATEGIES))
def test_render_then_import_gives_the_same_fields(block_type, language, partner):
    @EXAMPLES
    @given(raw=STRATEGIES[block_type])
    def round_trip(raw):
        assert_round_trip(block_type, raw, partner, language)

    round_trip()


@pytest.mark.django_db
def test_the_comparison_can_fail(partner, lithuanian):
    """A figure changed after rendering is not the figure imported."""
    raw = {
        "heading": "",
        "items": [{"type": "event", "value": {"date": {"year": 1991}, "kind": "diplomatic_relations"}}],
    }
    result, _html = render_then_import("timeline", raw, partner)
    raw["items"][0]["value"]["date"]["year"] = 1992
    assert stored(result.body) != stored([{"type": "timeline", "value": raw}])
