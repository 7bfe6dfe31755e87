"""GET /api/: where the API's parts are, so that a reader (or a program) starting at /api/ finds them."""

from django.urls import reverse
from ninja import Router, Schema

router = Router(tags=["index"])

RESOURCES = [
    ("countries", "Countries, by ISO code, with the address of their pages"),
    ("pages", "Section pages, their stamps and the address of their facts"),
    ("facts", "Facts of the section pages, typed, with their figures and sources"),
    ("facts_csv", "The same facts as CSV, one row per fact"),
]


class Link(Schema):
    name: str
    url: str
    description: str


class ApiIndex(Schema):
    title: str
    docs: str
    openapi: str
    resources: list[Link]


@router.get("/", response=ApiIndex, operation_id="index", summary="Index")
def index(request):
    """The documentation, the OpenAPI schema and each resource, as absolute addresses."""
    from .api import api

    def absolute(name):
        return request.build_absolute_uri(reverse(f"api:{name}"))

    return {
        "title": api.title,
        "docs": absolute("openapi-view"),
        "openapi": absolute("openapi-json"),
        "resources": [
            {"name": name.replace("_", "."), "url": absolute(name), "description": description}
            for name, description in RESOURCES
        ],
    }
