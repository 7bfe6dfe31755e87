"""Render a fact block from raw data the way a page does, and read its text."""

from bs4 import BeautifulSoup

from bilateral.facts.blocks import SectionBodyBlock

FIGURES = [0, 1, 2, 10, 11, 21, 22]


def render_block(block_type, raw_value, country=None, **context):
    """`context` as a page passes it, e.g. free_text_language="en" for a block whose free text is English."""
    block = SectionBodyBlock().child_blocks[block_type]
    value = block.to_python(raw_value)
    return block.render(value, context={"country": country, **context})


def block_text(block_type, raw_value, country=None, **context):
    """The block's prose: its text without its pictures (each a <figure>, tested in tests/pictures)."""
    soup = BeautifulSoup(render_block(block_type, raw_value, country, **context), "html.parser")
    for figure in soup.find_all("figure"):
        figure.decompose()
    return " ".join(soup.get_text(" ").split())


def clean_block(block_type, raw_value):
    block = SectionBodyBlock().child_blocks[block_type]
    return block.clean(block.to_python(raw_value))


BLOCK_ELEMENTS = ["p", "li", "h2", "h3", "ul", "ol", "div", "section"]


def reading_text(block_type, raw_value, country=None, **context):
    """The block's prose as it reads: inline elements (a <time>, a <span lang>) joined to their words
    without the separator block_text puts around every element ("1991 ," would be a false slip)."""
    soup = BeautifulSoup(render_block(block_type, raw_value, country, **context), "html.parser")
    for figure in soup.find_all("figure"):
        figure.decompose()
    for element in soup.find_all(BLOCK_ELEMENTS):
        element.insert(0, " ")
        element.append(" ")
    return " ".join(soup.get_text("").split())


def lithuanian_parts(html):
    """The text of every element marked lang="lt", one string each."""
    soup = BeautifulSoup(str(html), "html.parser")
    return [" ".join(element.get_text("").split()) for element in soup.find_all(lang="lt")]
