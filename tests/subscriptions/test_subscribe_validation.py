"""Bad input to the subscription form: a clear Lithuanian message, 4xx, nothing stored, nothing sent."""

import pytest
from bs4 import BeautifulSoup
from django.test import Client

from bilateral.subscriptions.models import ConsentRecord, Subscriber, Subscription

from .helpers import SUBSCRIBE_URL, captcha, error_summary, form_data, subscribe, text
from .subscribe_fixtures import clean_cache, mailbox, site  # noqa: F401

pytestmark = pytest.mark.django_db

LONG_EMAIL = "a" * 64 + "@" + ".".join(["b" * 60] * 4) + ".lt"  # 312 characters


def assert_nothing_happened(mailbox):
    assert Subscriber.objects.count() == Subscription.objects.count() == ConsentRecord.objects.count() == 0
    assert mailbox.messages == []


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param({"email": ""}, "Įveskite savo el. pašto adresą.", id="missing-email"),
        pytest.param(
            {"email": "skaitytojas.example.lt"},
            "Įveskite tinkamo formato el. pašto adresą, pvz., vardas@example.com.",
            id="malformed",
        ),
        pytest.param(
            {"email": "skaitytojas@@example.lt"},
            "Įveskite tinkamo formato el. pašto adresą, pvz., vardas@example.com.",
            id="two-at-signs",
        ),
        pytest.param(
            {"email": LONG_EMAIL}, "El. pašto adresas turi būti ne ilgesnis kaip 254 simbolių.", id="over-long"
        ),
        pytest.param(
            {"email": "skaitytojas@example.lt\r\nBcc: auka@example.com"},
            "El. pašto adresas turi būti vienoje eilutėje, be eilučių lūžių.",
            id="crlf-header-injection",
        ),
        pytest.param(
            {"email": "skaitytojas@example.lt\nBcc: auka@example.com"},
            "El. pašto adresas turi būti vienoje eilutėje, be eilučių lūžių.",
            id="lf-header-injection",
        ),
        pytest.param(
            {"email": "skaitytojas@example.lt\r\n"},
            "El. pašto adresas turi būti vienoje eilutėje, be eilučių lūžių.",
            id="trailing-crlf",
        ),
        pytest.param({"consent": None}, "Pažymėkite langelį, kad sutinkate, jog saugotume jūsų el. pašto adresą.", id="no-consent"),
        pytest.param({"scope": "galaktika"}, "Pasirinkite, ką sekti, iš pateiktų galimybių.", id="unknown-scope"),
        pytest.param({"scope": None}, "Pasirinkite, ką sekti.", id="missing-scope"),
        pytest.param({"frequency": "hourly"}, "Pasirinkite, kaip dažnai, iš pateiktų galimybių.", id="unknown-frequency"),
    ],
)
def test_bad_input_gets_a_clear_message(client, seeded, mailbox, overrides, message):
    response = subscribe(client, seeded, **overrides)
    assert response.status_code == 400
    assert message in error_summary(response), error_summary(response)
    assert message in text(response)
    assert_nothing_happened(mailbox)


def test_the_form_keeps_what_the_reader_typed(client, seeded, mailbox):
    response = subscribe(client, seeded, email="skaitytojas@@example.lt", scope="country", frequency="weekly")
    assert response.status_code == 400
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.title.get_text().startswith("Klaida: Naujienlaiškio prenumerata")
    form = soup.find("form", attrs={"action": SUBSCRIBE_URL})
    email = form.find("input", attrs={"name": "email"})
    assert email["value"] == "skaitytojas@@example.lt"
    assert email["aria-invalid"] == "true"
    assert email["aria-describedby"] == "subscription-email-error"
    assert soup.find(id="subscription-email-error")
    assert form.find("input", attrs={"name": "scope", "checked": True})["value"] == "country"
    assert form.find("input", attrs={"name": "frequency", "checked": True})["value"] == "weekly"
    assert form.find("input", attrs={"name": "consent"}).has_attr("checked")
    assert form.find("input", attrs={"name": "page"})["value"] == str(seeded.pk)
    # The error summary comes first and links to the field.
    summary = soup.select_one(".govuk-error-summary")
    assert summary.find_next("form") == form
    assert [a["href"] for a in summary.select("a")] == ["#subscription-email"]
    # The choices still belong to the page the reader was on.
    assert form.find("input", attrs={"name": "scope", "value": "page"})


def test_a_page_id_that_is_not_a_live_page_leaves_only_the_whole_portal(client, seeded, mailbox):
    response = subscribe(client, seeded, page="999999")
    assert response.status_code == 400
    response = subscribe(client, seeded, page="9" * 40)
    assert response.status_code == 400
    assert "Pasirinkite, ką sekti, iš pateiktų galimybių." in error_summary(response)
    assert_nothing_happened(mailbox)
    assert subscribe(client, seeded, page="not-a-number", scope="site").status_code == 302
    assert Subscription.objects.get().scope == "site"


def test_a_missing_csrf_token_is_refused_with_a_clear_message(seeded, mailbox):
    client = Client(enforce_csrf_checks=True)
    response = client.post(SUBSCRIBE_URL, form_data(seeded, client))
    assert response.status_code == 403
    assert "Formos nepavyko išsiųsti" in text(response)
    assert "atnaujinkite puslapį" in text(response)
    assert_nothing_happened(mailbox)


def test_with_its_csrf_token_the_form_goes_through(seeded, mailbox):
    client = Client(enforce_csrf_checks=True)
    client.get(seeded.url)
    # The footer form's script fetches its token when the reader starts filling it in.
    token = client.get("/prenumerata/zetonas/").json()["csrfToken"]
    response = client.post(SUBSCRIBE_URL, {**form_data(seeded, client), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert len(mailbox.messages) == 1


def test_only_post_and_get_are_allowed(client, seeded):
    assert client.put(SUBSCRIBE_URL).status_code == 405
    assert client.post("/prenumerata/captcha/").status_code == 405


def test_double_submit_makes_one_pending_subscription_and_respects_the_rate_limit(client, seeded, mailbox):
    answers = [subscribe(client, seeded, frequency=frequency) for frequency in ("immediate", "daily", "weekly", "daily")]
    # Every answer is the same, whether an email went out or not.
    assert [response.status_code for response in answers] == [302] * 4
    assert len({response["Location"] for response in answers}) == 1
    assert Subscriber.objects.count() == 1
    assert Subscription.objects.count() == 1
    assert ConsentRecord.objects.count() == 1
    # Three confirmation emails a day to one address, not four.
    assert len(mailbox.to("skaitytojas@example.lt")) == 3 == len(mailbox.messages)
    # The links of all three emails confirm the one pending row (the first to be used wins).
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None and subscription.frequency == "weekly"


def test_the_same_form_sent_twice_is_refused_the_second_time(client, seeded, mailbox):
    data = form_data(seeded, client)
    assert client.post(SUBSCRIBE_URL, data).status_code == 302
    again = client.post(SUBSCRIBE_URL, data)
    assert again.status_code == 400
    assert "Šis patikros atsakymas jau panaudotas. Dar kartą pažymėkite „Aš nesu robotas“." in error_summary(again)
    assert Subscription.objects.count() == 1
    assert len(mailbox.messages) == 1


def test_too_many_requests_from_one_address(client, seeded, mailbox, settings):
    settings.SUBSCRIPTIONS_RATE_LIMITS = {"address": (2, 3600)}
    for number in (1, 2):
        assert subscribe(client, seeded, email=f"skaitytojas{number}@example.lt").status_code == 302
    response = subscribe(client, seeded, email="skaitytojas3@example.lt", frequency="daily")
    assert response.status_code == 429
    assert "Iš jūsų tinklo gauta per daug prenumeratos užklausų. Bandykite dar kartą po valandos." in text(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "email"})["value"] == "skaitytojas3@example.lt"
    assert soup.find("input", attrs={"name": "frequency", "checked": True})["value"] == "daily"
    assert len(mailbox.messages) == 2
    assert not Subscriber.objects.filter(email="skaitytojas3@example.lt").exists()
    # Another network is not held back.
    other = Client(REMOTE_ADDR="192.0.2.7")
    assert subscribe(other, seeded, email="skaitytojas3@example.lt").status_code == 302
    assert len(mailbox.messages) == 3


def test_an_address_is_stored_lower_case_and_once(client, seeded, mailbox):
    assert subscribe(client, seeded, email="Skaitytojas@Example.LT").status_code == 302
    assert subscribe(client, seeded, email="skaitytojas@example.lt", scope="site").status_code == 302
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["skaitytojas@example.lt"]
    assert Subscription.objects.count() == 2


def test_when_the_mail_server_is_down_the_reader_is_told_and_keeps_the_form(client, seeded, mailbox):
    mailbox.stop()
    response = subscribe(client, seeded, frequency="weekly")
    mailbox.start()
    assert response.status_code == 503
    assert "Šiuo metu nepavyko išsiųsti patvirtinimo laiško" in text(response)
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("input", attrs={"name": "email"})["value"] == "skaitytojas@example.lt"
    assert mailbox.messages == []


def test_captcha_answers_are_single_use_even_for_a_fresh_challenge(client, seeded, mailbox):
    first = captcha(client)
    second = captcha(client)
    assert first != second
    assert subscribe(client, seeded, captcha=first).status_code == 302
    assert subscribe(client, seeded, captcha=second, scope="site").status_code == 302
    assert len(mailbox.messages) == 2
