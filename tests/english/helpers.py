"""The English seed pages and their Lithuanian originals, as readers get them."""

import re

from bs4 import BeautifulSoup

LT_SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"
EN_SECTION = "/en/countries/belarus/political-cooperation/"
PAIRS = [
    ("/", "/en/"),
    ("/salys/", "/en/countries/"),
    ("/salys/baltarusija/", "/en/countries/belarus/"),
    (LT_SECTION, EN_SECTION),
    ("/prieinamumas/", "/en/accessibility/"),
    ("/privatumas/", "/en/privacy/"),
    ("/kontaktai/", "/en/contacts/"),
    ("/apie/", "/en/about/"),
]
DATE = re.compile(r"\b(\d{4})[.\-/](\d{2})[.\-/](\d{2})\b")  # the stamp: 2014.05.09 or 2014-05-09
NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def soup_of(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return BeautifulSoup(response.content, "html.parser")


def main_text(soup):
    return " ".join(soup.find("main").get_text(" ").split())


def figures(text):
    """Every number, decimal separators made one ("678,819" = "678.819"), a stamp date as its parts."""
    text = DATE.sub(lambda match: " ".join(match.groups()), text)
    return sorted(number.replace(",", ".") for number in NUMBER.findall(text))
