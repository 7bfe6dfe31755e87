"""Pictures rendered from raw block values, and read as XML and as HTML."""

import re
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup

from tests.facts.helpers import render_block

SVG = "{http://www.w3.org/2000/svg}"


def figures(block_type, raw_value, country=None):
    soup = BeautifulSoup(render_block(block_type, raw_value, country), "html.parser")
    return soup.find_all("figure")


def only_figure(block_type, raw_value, country):
    (figure,) = figures(block_type, raw_value, country)
    return figure


def parsed_svg(figure):
    """The figure's SVG parsed as XML: it must be well-formed."""
    return ET.fromstring(str(figure.find("svg")))


def svg_texts(root):
    return [" ".join("".join(element.itertext()).split()) for element in root.iter(SVG + "text")]


def table_cells(figure):
    return [" ".join(cell.get_text(" ").split()) for cell in figure.find("table").find_all(["th", "td"])]


def assert_titled(root):
    """A <title> and a <desc>, both named by aria-labelledby."""
    title, desc = root.find(SVG + "title"), root.find(SVG + "desc")
    assert title is not None and title.text and desc is not None and desc.text
    assert root.get("role") == "img"
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]


def numbers(text):
    return re.findall(r"\d[\d\s,.]*\d|\d", text)
