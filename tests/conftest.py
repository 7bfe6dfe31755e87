import pytest
from django.utils import translation

from bilateral.pages.seed import load_seed


@pytest.fixture
def seeded(db):
    """The seed content loaded as `make run` loads it; returns the section page."""
    from bilateral.pages.models import SectionPage

    load_seed(report=lambda message: None)
    return SectionPage.objects.get(slug="politinis-bendradarbiavimas")


@pytest.fixture
def belarus(db):
    from bilateral.facts.models import Country

    country, _created = Country.objects.get_or_create(
        iso_code="BY",
        defaults=dict(
            name="Baltarusija",
            name_genitive="Baltarusijos",
            name_locative="Baltarusijoje",
            official_name_genitive="Baltarusijos Respublikos",
            name_en="Belarus",
        ),
    )
    return country


@pytest.fixture
def lithuanian():
    with translation.override("lt"):
        yield


@pytest.fixture
def english():
    with translation.override("en"):
        yield


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on loopback; Django's email goes to it for the test's duration."""
    from .smtp import SmtpServer

    server = SmtpServer().start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 5
    yield server
    server.stop()
