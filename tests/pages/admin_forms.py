"""Build the POST data of Wagtail's page editor from plain values, as the browser would send it."""

import datetime

from wagtail import blocks


def block_form_data(block, value, prefix):
    """Flatten one block value into the editor's form fields under `prefix`."""
    if isinstance(block, blocks.StreamBlock):
        items = list(value or [])
        data = {f"{prefix}-count": str(len(items))}
        for index, item in enumerate(items):
            child_type, child_value = (item["type"], item["value"]) if isinstance(item, dict) else item
            data.update(
                {
                    f"{prefix}-{index}-type": child_type,
                    f"{prefix}-{index}-deleted": "",
                    f"{prefix}-{index}-order": str(index),
                    f"{prefix}-{index}-id": item.get("id", "") if isinstance(item, dict) else "",
                }
            )
            data.update(block_form_data(block.child_blocks[child_type], child_value, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.ListBlock):
        items = list(value or [])
        data = {f"{prefix}-count": str(len(items))}
        for index, item in enumerate(items):
            item_id = ""
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item_id, item = item.get("id", ""), item["value"]  # the stored form of a list item
            data.update(
                {f"{prefix}-{index}-deleted": "", f"{prefix}-{index}-order": str(index), f"{prefix}-{index}-id": item_id}
            )
            data.update(block_form_data(block.child_block, item, f"{prefix}-{index}-value"))
        return data
    if isinstance(block, blocks.StructBlock):
        data = {}
        for name, child in block.child_blocks.items():
            data.update(block_form_data(child, (value or {}).get(name), f"{prefix}-{name}"))
        return data
    if isinstance(block, blocks.BooleanBlock):
        return {prefix: "on"} if value else {}
    if isinstance(block, blocks.RichTextBlock):
        import json

        text = value or ""
        return {prefix: json.dumps({"blocks": [{"key": "a", "type": "unstyled", "text": text, "depth": 0,
                                                "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}})}
    if value is None:
        return {prefix: ""}
    if isinstance(value, datetime.date):
        return {prefix: value.isoformat()}
    return {prefix: str(value)}


def section_page_form_data(page_fields, raw_body, action=None, **extra):
    from bilateral.facts.blocks import SectionBodyBlock

    data = {
        "title": page_fields["title"],
        "slug": page_fields["slug"],
        "change_kind": page_fields.get("change_kind", ""),
        "change_note": page_fields.get("change_note", ""),
        "seo_title": "",
        "search_description": "",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    data.update(block_form_data(SectionBodyBlock(), raw_body, "body"))
    if action:
        data[action] = action
    data.update(extra)
    return data
