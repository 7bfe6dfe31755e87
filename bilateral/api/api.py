"""The read-only open-data API: one NinjaAPI, its resources, and 400 for every bad parameter."""

from ninja import NinjaAPI, Swagger
from ninja.errors import ValidationError

from . import countries, facts, index, pages

class AccessibleSwagger(Swagger):
    """Swagger UI from ninja's bundled static files ("ninja" is in INSTALLED_APPS), no validator badge:
    the docs page makes no request to a third party. Our page around it gives it a language, a main
    landmark, the title and description in the page's outline and colours with enough contrast; without
    deep links an operation's summary button holds no link (a link inside a button is unreachable by
    keyboard); the schemas are not listed apart (each operation shows its own)."""

    template = "api/docs.html"


api = NinjaAPI(
    title="Bilateral open data",
    version="1",
    description=(
        "Read-only data of Lithuania's bilateral-relations pages: countries, section pages and their facts. "
        "`as_of=YYYY-MM-DD` shows what was published at the end of that day (Europe/Vilnius)."
    ),
    urls_namespace="api",
    docs=AccessibleSwagger(settings={"validatorUrl": None, "deepLinking": False, "defaultModelsExpandDepth": -1}),
)
api.add_router("", index.router)
api.add_router("", countries.router)
api.add_router("", pages.router)
api.add_router("", facts.router)


@api.exception_handler(ValidationError)
def bad_parameters(request, exc):
    """Ninja answers 422 by default; a malformed query parameter is a bad request."""
    return api.create_response(request, {"detail": exc.errors}, status=400)
