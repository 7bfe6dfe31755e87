"""Fact block values in one comparable form: as stored, without ids, figures as text."""

from decimal import Decimal

from bilateral.facts.blocks import SectionBodyBlock

# What the old page never said and the seed's data adds from other sources: no import can bring it.
# A lake's nominative is not in the Lithuanian text either (its sentence has the genitive).
NOT_ON_THE_PAGE = ("records", "sources", "nominative", "source_url", "last_mark_water_body_nominative",
                   "last_mark_water_body_source_url")


def comparable(value):
    if isinstance(value, dict):
        if set(value) >= {"type", "value"} and value.get("type") == "item":
            return comparable(value["value"])  # a ListBlock's item
        return {key: comparable(item) for key, item in value.items() if key != "id" and key not in NOT_ON_THE_PAGE}
    if isinstance(value, list):
        return [comparable(item) for item in value]
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    # A field left empty: null where the seed leaves it out, "" (or false) where the editor's form or
    # an import gives it (pages/revisions.py compares revisions so too).
    return "" if value is None or value is False else value


def stored(raw_body):
    """The body as the editor would store it (seed.stored_form), every field present."""
    block = SectionBodyBlock()
    value = block.to_python(raw_body)
    list(value)
    return comparable(block.get_prep_value(value))
