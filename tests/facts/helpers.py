"""Render a fact block from raw data the way a page does, and read its text."""

from bs4 import BeautifulSoup

from bilateral.facts.blocks import SectionBodyBlock

FIGURES = [0, 1, 2, 10, 11, 21, 22]


def render_block(block_type, raw_value, country=None):
    block = SectionBodyBlock().child_blocks[block_type]
    value = block.to_python(raw_value)
    return block.render(value, context={"country": country})


def block_text(block_type, raw_value, country=None):
    """The block's prose: its text without its pictures (each a <figure>, tested in tests/pictures)."""
    soup = BeautifulSoup(render_block(block_type, raw_value, country), "html.parser")
    for figure in soup.find_all("figure"):
        figure.decompose()
    return " ".join(soup.get_text(" ").split())


def clean_block(block_type, raw_value):
    block = SectionBodyBlock().child_blocks[block_type]
    return block.clean(block.to_python(raw_value))


BLOCK_ELEMENTS = ["p", "li", "h2", "h3", "ul", "ol", "div", "section"]


def reading_text(block_type, raw_value, country=None):
    """The block's prose as it reads: inline elements (a <time>, a <span lang>) joined to their words
    without the separator block_text puts around every element ("1991 ," would be a false slip)."""
    soup = BeautifulSoup(render_block(block_type, raw_value, country), "html.parser")
    for figure in soup.find_all("figure"):
        figure.decompose()
    for element in soup.find_all(BLOCK_ELEMENTS):
        element.insert(0, " ")
        element.append(" ")
    return " ".join(soup.get_text("").split())
