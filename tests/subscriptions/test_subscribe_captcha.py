"""ALTCHA: missing, forged, expired and replayed answers are refused; one answer is good once, across processes."""

import base64
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from altcha import Challenge, Payload, Solution
from bs4 import BeautifulSoup
from django.conf import settings
from django.db import connection

from bilateral.subscriptions.models import Subscriber

from .helpers import CAPTCHA_URL, captcha, error_summary, expired_captcha, forged_captcha, subscribe, text
from .subscribe_fixtures import clean_cache, mailbox, site  # noqa: F401

pytestmark = pytest.mark.django_db

BASE_DIR = Path(__file__).resolve().parents[2]
AGAIN = "pažymėkite „Aš nesu robotas“"


def wrong_counter(client):
    """A genuine challenge with a made-up answer."""
    challenge = Challenge.from_dict(client.get(CAPTCHA_URL).json())
    return Payload(challenge, Solution(counter=7, derived_key="00" * 32)).to_base64()


def tampered_cost(client):
    """A genuine answer whose challenge was edited afterwards (cheaper work): the signature no longer fits."""
    decoded = json.loads(base64.b64decode(captcha(client)))
    decoded["challenge"]["parameters"]["cost"] = 1
    return base64.b64encode(json.dumps(decoded).encode()).decode()


@pytest.mark.parametrize(
    ("make_answer", "message"),
    [
        pytest.param(lambda client: None, "Atlikite patikrą: pažymėkite „Aš nesu robotas“", id="missing"),
        pytest.param(lambda client: "", "Atlikite patikrą: pažymėkite „Aš nesu robotas“", id="empty"),
        pytest.param(lambda client: "not base64 at all!", "Patikros atsakymas netinkamas.", id="garbage"),
        pytest.param(lambda client: forged_captcha(), "Patikros atsakymas netinkamas.", id="forged-signature"),
        pytest.param(wrong_counter, "Patikros atsakymas netinkamas.", id="wrong-solution"),
        pytest.param(tampered_cost, "Patikros atsakymas netinkamas.", id="tampered-challenge"),
        pytest.param(lambda client: expired_captcha(), "Patikros galiojimas baigėsi (ji galioja 10 minučių).", id="expired"),
    ],
)
def test_a_bad_captcha_is_refused_and_the_form_is_kept(client, seeded, mailbox, make_answer, message):
    answer = make_answer(client)
    overrides = {"captcha": answer} if answer is not None else {"captcha": None}
    response = subscribe(client, seeded, frequency="weekly", **overrides)
    assert response.status_code == 400
    [error] = error_summary(response)
    assert error.startswith(message) and AGAIN in error, error
    assert message in text(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert [a["href"] for a in soup.select(".govuk-error-summary a")] == ["#captcha-field"]
    assert soup.find("input", attrs={"name": "email"})["value"] == "skaitytojas@example.lt"
    assert soup.find("input", attrs={"name": "frequency", "checked": True})["value"] == "weekly"
    assert soup.find("altcha-widget")["challenge"] == CAPTCHA_URL, "a fresh captcha to solve"
    assert not Subscriber.objects.exists()
    assert mailbox.messages == []


def test_the_challenge_endpoint(client):
    response = client.get(CAPTCHA_URL)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    challenge = response.json()
    parameters = challenge["parameters"]
    assert parameters["algorithm"] == "PBKDF2/SHA-256" and parameters["keyPrefix"] == "00"
    assert challenge["signature"]
    # Valid for ten minutes at most.
    assert 0 < parameters["expiresAt"] - time.time() <= 600
    # Every request gets a new challenge.
    assert client.get(CAPTCHA_URL).json()["parameters"]["nonce"] != parameters["nonce"]


def test_the_english_challenge_endpoint_exists_too(client):
    assert client.get("/en/subscribe/captcha/").status_code == 200


VERIFY_SCRIPT = """
import sys
import django
django.setup()
from django.core.exceptions import ValidationError
from bilateral.subscriptions.forms import SubscriptionForm
try:
    SubscriptionForm().fields["captcha"].clean(sys.argv[1])
    print("accepted")
except ValidationError as error:
    print(error.code)
"""


def shared_database_url(tmp_path):
    """A database both processes open: this run's PostgreSQL test database, or a fresh SQLite file."""
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
        return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}", False
    return f"sqlite:///{tmp_path / 'shared.sqlite3'}", True


def run_django(env, *args):
    result = subprocess.run(
        [sys.executable, *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_one_answer_is_accepted_once_across_two_processes(client, tmp_path):
    """Two separate Django processes share the replay store (the database cache, or Redis):
    the second to see an answer refuses it."""
    database_url, needs_cache_table = shared_database_url(tmp_path)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bilateral.settings.test",
        "DATABASE_URL": database_url,
        "SECRET_KEY": settings.SECRET_KEY,
    }
    if needs_cache_table and not os.environ.get("REDIS_URL"):
        run_django(env, "manage.py", "createcachetable")
    answer = captcha(client)

    first = run_django(env, "-c", VERIFY_SCRIPT, answer)
    second = run_django(env, "-c", VERIFY_SCRIPT, answer)
    assert (first, second) == ("accepted", "replayed")
    # A different answer is still good in the second process: it is the answer that is spent.
    assert run_django(env, "-c", VERIFY_SCRIPT, captcha(client)) == "accepted"
