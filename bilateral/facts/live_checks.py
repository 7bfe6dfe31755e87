"""The fact checks while the editor types: the block's form fields in, the checks' warnings out.

The page editor's script (facts/static/facts/live-checks.js) posts one fact block's fields as the
editor's form holds them (the names Wagtail gives them, under the block's prefix, ``body-2-value``);
the block reads them back as Wagtail does when the page is saved (``value_from_datadict``), cleans
them as for a draft (required fields may be empty) and the same checks as on saving and publishing
(``checks.check_block``) answer. Nothing is saved. One source of the rules: the browser has none.
"""

import copy
import re

from django.core.exceptions import ValidationError
from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .blocks import SectionBodyBlock
from .blocks.base import FactBlock
from .checks import check_block

PREFIX = re.compile(r"^[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*-value$")


def fact_block_types():
    """The block types the checks read (fact blocks; prose has no figures)."""
    return [name for name, block in SectionBodyBlock.base_blocks.items() if isinstance(block, FactBlock)]


class Unreadable(Exception):
    """The posted fields are not a block's form (a list without its count, an order that is no number)."""


def block_value(block, data, prefix):
    """The block's value from the posted fields, cleaned as a draft's; None if a field cannot be read
    (a letter in a number, an impossible day: the field's own validation says so on saving)."""
    try:
        value = block.value_from_datadict(data, {}, prefix)
    except (KeyError, ValueError, TypeError) as error:
        raise Unreadable from error
    block.defer_required_validation()
    try:
        return block.clean(value)
    except ValidationError:
        return None
    finally:
        block.restore_deferred_validation()


def warning_json(warning):
    return {"field": warning.field, "rule": warning.rule, "message": warning.message, "figures": warning.figures}


@require_POST
def check_view(request):
    """POST block_type, prefix and the block's fields; answers {"warnings": [...], "readable": bool}."""
    block_type = request.POST.get("block_type", "")
    prefix = request.POST.get("prefix", "")
    if block_type not in fact_block_types():
        return JsonResponse({"error": _("Unknown kind of fact block.")}, status=400)
    if not PREFIX.match(prefix):
        return JsonResponse({"error": _("The block's field prefix is missing or malformed.")}, status=400)
    # A copy of its own for each request: deferring validation changes the block, whose instances the
    # page model shares, and a publication in another thread must not see its fields made optional.
    block = copy.deepcopy(SectionBodyBlock.base_blocks[block_type])
    try:
        value = block_value(block, request.POST, prefix)
    except Unreadable:
        return JsonResponse({"error": _("The block's fields are incomplete: reload the editor.")}, status=400)
    if value is None:
        return JsonResponse({"warnings": [], "readable": False})
    warnings = check_block(block_type, value, complete_only=False)
    return JsonResponse({"warnings": [warning_json(warning) for warning in warnings], "readable": True})
