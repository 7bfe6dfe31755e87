"""The one "Data" place of a page: each fact block of a section as CSV and JSON (the API's addresses),
or a country's facts as a whole, instead of a download link under every block."""

from urllib.parse import urlencode

from bilateral.facts.blocks.base import FactBlock
from bilateral.url_prefixes import reverse_once


def fact_downloads(page, language, as_of=None):
    """[{heading, csv, json}] for each fact block of the section, in body order."""
    to_addresses = api_addresses()
    downloads = []
    for block in page.body:
        if not isinstance(block.block, FactBlock) or not block.id:
            continue
        query = {"fact": block.id, "language": language, **({"as_of": as_of.isoformat()} if as_of else {})}
        downloads.append({"heading": block_heading(block), **to_addresses(query)})
    return downloads


def country_downloads(country, language):
    """{csv, json} of every fact of the country's published sections."""
    return api_addresses()({"country": country.iso_code, "language": language})


def api_addresses():
    """query → {csv, json}, the API's two addresses with the query (looked up once for all the
    blocks: even reverse_once reads three thread-locals)."""
    csv_address, json_address = reverse_once("api:facts_csv"), reverse_once("api:facts")

    def addresses(query):
        query_string = urlencode(query)
        return {"csv": f"{csv_address}?{query_string}", "json": f"{json_address}?{query_string}"}

    return addresses


def block_heading(block):
    """The heading the block shows, else its kind's standard heading, else the kind's name."""
    return block.value.get("heading") or str(block.block.default_heading or block.block.label)
