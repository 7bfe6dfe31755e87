"""Pictures from the facts: inline SVG drawn on the server, each with its title, description and a table
of the same figures. Every picture is a <figure class="picture">: an illustration of the block's text,
which text extraction of the prose (search, the seed fidelity test) leaves out."""

from django.conf import settings


def pictures_drawn():
    """False only where the benchmarks measure what the pictures cost (bench/stock.py flips
    FACT_PICTURES in one process): readers always get them."""
    return getattr(settings, "FACT_PICTURES", True)
