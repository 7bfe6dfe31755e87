"""Search test helpers: run a search through the site, add pages as an editor would."""

from bs4 import BeautifulSoup

from bilateral.pages.models import SectionPage


def search(client, query, prefix=""):
    """Through the search of the language `prefix` names ("" Lithuanian, "/en" English), at its address."""
    path = {"/en": "/en/search/", "/pl": "/pl/szukaj/"}.get(prefix, f"{prefix}/paieska/")
    response = client.get(path, {"q": query})
    return response, BeautifulSoup(response.content, "html.parser")


def result_titles(soup):
    return [" ".join(h2.get_text(" ").split()) for h2 in soup.select(".search-results h2")]


def summary(soup):
    element = soup.select_one(".search-summary")
    return " ".join(element.get_text(" ").split()) if element else ""


def add_section(country_page, title, slug, html=""):
    """A published section page; `html` becomes a prose block."""
    body = [("prose", html)] if html else []
    page = country_page.add_child(instance=SectionPage(title=title, slug=slug, body=body))
    page.save_revision().publish()
    return page
