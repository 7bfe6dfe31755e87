"""An editor typing a section's facts into Wagtail's StreamField editor, field by field, as a person
would: open what is collapsed, add list items and blocks with their buttons, fill or choose each value.

Driven by the block definitions (struct, list, stream, field), so any block's value can be typed; the
form's field names follow Wagtail's prefixes ("body-2-value-marks-0-value-count").
"""

import re
from decimal import Decimal

from playwright.sync_api import expect
from wagtail import blocks

# The collapsed panels around an element, outermost first: the toggles a person clicks to reach it.
COLLAPSED_AROUND = """
(element) => {
  const toggles = [];
  for (let node = element.parentElement; node; node = node.parentElement) {
    if (!node.id) continue;
    const toggle = document.querySelector(`button[aria-controls="${node.id}"][aria-expanded="false"]`);
    if (toggle) toggles.unshift(toggle.getAttribute("aria-controls"));
  }
  return toggles;
}
"""


def is_empty(value):
    return value is None or value == "" or value == [] or value is False


def reveal(page, locator):
    """Open the collapsed panels around a field, outermost first, with the clicks a person makes."""
    for controlled in locator.evaluate(COLLAPSED_AROUND):
        toggle = page.locator(f'button[aria-controls="{controlled}"]')
        if toggle.get_attribute("aria-expanded") == "false":
            toggle.click()
            expect(toggle).to_have_attribute("aria-expanded", "true")


def container(page, prefix):
    """The element holding a list's or a stream's items (found by its hidden item count)."""
    return page.locator(f'input[name="{prefix}-count"]').locator("xpath=ancestor::*[@data-contentpath][1]")


def item_count(page, prefix):
    return int(page.locator(f'input[name="{prefix}-count"]').input_value())


def add_list_item(page, prefix):
    """Append an item: the list's last "Add" button follows its last item (nested lists' come before)."""
    before = item_count(page, prefix)
    button = container(page, prefix).locator("[data-streamfield-list-add]").last
    reveal(page, button)
    button.click()
    expect(page.locator(f'input[name="{prefix}-count"]')).to_have_value(str(before + 1))


def add_stream_child(page, prefix, label):
    """Append a block to a stream: its last "+" and the block's type from the chooser."""
    before = item_count(page, prefix)
    # Hidden until its block is opened, so found by its class rather than by its accessible name.
    button = container(page, prefix).locator("button.c-sf-add-button:not([data-streamfield-list-add])").last
    reveal(page, button)
    button.click()
    option = page.get_by_role("option", name=label, exact=True)
    option.click()
    expect(option).to_be_hidden()
    expect(page.locator(f'input[name="{prefix}-count"]')).to_have_value(str(before + 1))


def type_field(page, name, value):
    field = page.locator(f'[name="{name}"]').first
    reveal(page, field)
    tag = field.evaluate("(element) => element.tagName.toLowerCase() + ':' + (element.type || '')")
    if tag.startswith("select"):
        field.select_option(value=str(value))
    elif tag == "input:checkbox":
        field.set_checked(bool(value))
    else:
        field.fill(str(value))


def type_value(page, prefix, block, value):
    """Type a block's value into the fields under `prefix`, skipping what is empty (left as it is)."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if not is_empty(value.get(name)):
                type_value(page, f"{prefix}-{name}", child, value[name])
    elif isinstance(block, blocks.ListBlock):
        present = item_count(page, prefix)
        for index, item in enumerate(value):
            if index >= present:
                add_list_item(page, prefix)
            type_value(page, f"{prefix}-{index}-value", block.child_block, item)
    elif isinstance(block, blocks.StreamBlock):
        present = item_count(page, prefix)
        for index, item in enumerate(value):
            if index >= present:
                add_stream_child(page, prefix, str(block.child_blocks[item["type"]].label))
            type_value(page, f"{prefix}-{index}-value", block.child_blocks[item["type"]], item["value"])
    else:
        type_field(page, prefix, value)


def comparable(raw):
    """A stream's stored form without the ids Wagtail gives each block and item, and with what a form
    and a data file write differently made one: an empty choice ("" or None), an unticked box (False or
    None), a decimal (text or not)."""
    if isinstance(raw, list):
        return [comparable(item) for item in raw]
    if isinstance(raw, dict):
        return {key: comparable(value) for key, value in raw.items() if key != "id"}
    if raw == "" or raw is False:
        return None
    if isinstance(raw, Decimal):
        return str(raw)
    return raw


def stored_form(stream_block, raw):
    """The stored form of a stream given as raw data: what the database would hold, without ids."""
    value = stream_block.to_python(raw)
    list(value)  # a stream converts its children lazily and writes unconverted ones back as they came
    return comparable(stream_block.get_prep_value(value))


def title_field(page):
    return page.get_by_role("textbox", name=re.compile(r"^(Title|Pavadinimas)\*?$"))

