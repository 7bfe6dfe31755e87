"""The footer form on every public page, and the whole double opt-in with a real SMTP server."""

import hashlib

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.staticfiles import finders

from bilateral.subscriptions.consent import CONSENT_TEXT_VERSION
from bilateral.subscriptions.models import ConsentRecord, Subscriber, Subscription

from .subscribe_fixtures import clean_cache, mailbox, site  # noqa: F401
from .helpers import SUBSCRIBE_URL, bodies, confirm_path, links, one_click_path, subscribe, text

pytestmark = pytest.mark.django_db

EMAIL = "skaitytojas@example.lt"


def footer(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find("footer")


def scope_labels(form):
    return {radio["value"]: form.find("label", attrs={"for": radio["id"]}).get_text(strip=True)
            for radio in form.select("input[name=scope]")}


def test_the_section_page_footer_has_the_form_with_the_seed_lines(client, seeded):
    form_footer = footer(client.get(seeded.url))
    footer_text = form_footer.get_text("\n")
    assert "Naujienlaiškio prenumerata" in footer_text
    assert "Captcha" in footer_text

    form = form_footer.find("form")
    assert form["method"] == "post" and form["action"] == SUBSCRIBE_URL
    # No CSRF token in the (cached) page: form.js fetches it from this address (tests/caching/).
    assert not form.find("input", attrs={"name": "csrfmiddlewaretoken"})
    assert form["data-csrf-token-url"] == "/prenumerata/zetonas/"
    # Every field has a label; the radios and the captcha are grouped under a legend.
    email = form.find("input", attrs={"name": "email"})
    assert form.find("label", attrs={"for": email["id"]}).get_text(strip=True) == "El. pašto adresas"
    legends = [legend.get_text(strip=True) for legend in form.find_all("legend")]
    assert legends == ["Ką sekti", "Kaip dažnai", "Captcha"]
    for control in form.select("input[type=radio], input[type=checkbox]"):
        assert form.find("label", attrs={"for": control["id"]}), control
    # This page is the default; its country and the whole portal are the other choices.
    assert scope_labels(form) == {
        "page": "Šį puslapį (Politinis bendradarbiavimas)",
        "country": "Šią šalį (Baltarusija)",
        "site": "Visą portalą",
    }
    assert form.find("input", attrs={"name": "scope", "checked": True})["value"] == "page"
    frequencies = {radio["value"] for radio in form.select("input[name=frequency]")}
    assert frequencies == {"immediate", "daily", "weekly"}
    assert form.find("input", attrs={"name": "frequency", "checked": True})["value"] == "immediate"
    consent = form.find("input", attrs={"name": "consent"})
    assert "el. pašto adresą" in form.find("label", attrs={"for": consent["id"]}).get_text()


def test_the_captcha_challenge_is_fetched_at_run_time_and_the_widget_is_ours(client, seeded):
    form_footer = footer(client.get(seeded.url))
    widget = form_footer.find("altcha-widget")
    # The page names the endpoint; no challenge (nor its signature) is baked into the HTML.
    assert widget["challenge"] == "/prenumerata/captcha/"
    assert "signature" not in str(form_footer)
    assert widget["language"] == "lt"
    scripts = [script["src"] for script in form_footer.find_all("script")]
    assert all(src.startswith("/static/") for src in scripts), scripts
    for src in scripts:
        assert finders.find(src.removeprefix(settings.STATIC_URL)), f"{src} is not among our static files"


@pytest.mark.parametrize(
    ("url", "scopes"),
    [
        pytest.param("/", {"site": "Visą portalą"}, id="home"),
        pytest.param("/salys/", {"site": "Visą portalą"}, id="country-list"),
        pytest.param(
            "/salys/baltarusija/", {"country": "Šią šalį (Baltarusija)", "site": "Visą portalą"}, id="country"
        ),
    ],
)
def test_other_pages_offer_only_the_sensible_choices(client, seeded, url, scopes):
    form = footer(client.get(url)).find("form")
    assert scope_labels(form) == scopes
    assert form.find("input", attrs={"name": "scope", "checked": True})["value"] == next(iter(scopes))


def test_happy_path_subscribe_confirm(client, seeded, mailbox):
    response = subscribe(client, seeded, frequency="daily")
    assert response.status_code == 302
    sent = client.get(response["Location"])
    assert sent.status_code == 200
    assert "Jei adresas teisingas, išsiuntėme laišką" in text(sent)

    subscriber = Subscriber.objects.get(email=EMAIL)
    subscription = subscriber.subscriptions.get()
    assert (subscription.scope, subscription.page_id, subscription.frequency) == ("page", seeded.pk, "daily")
    assert subscription.confirmed_at is None and subscriber.confirmed_at is None
    consent = ConsentRecord.objects.get(subscriber=subscriber)
    assert consent.consent_text_version == CONSENT_TEXT_VERSION
    assert consent.client_address_hash == hashlib.sha256(f"{settings.SECRET_KEY}:127.0.0.1".encode()).hexdigest()
    assert consent.given_at is not None

    # One email, plain text and HTML, Lithuanian, absolute https links, RFC 8058 headers.
    [message] = mailbox.to(EMAIL)
    assert len(mailbox.messages) == 1
    assert message["Subject"] == "Patvirtinkite naujienlaiškio prenumeratą"
    plain, html = bodies(message)
    assert "Patvirtinti prenumeratą" in plain and "Patvirtinti prenumeratą" in html
    assert "Politinis bendradarbiavimas (Baltarusija)" in plain and "Kasdienė santrauka" in plain
    assert 'lang="lt"' in html
    path = confirm_path(message)
    assert f'href="https://bilateral.example{path}"' in html
    assert all(link.startswith("/prenumerata/") for link in links(message))
    list_unsubscribe = str(message["List-Unsubscribe"]).strip()
    assert list_unsubscribe.startswith("<https://bilateral.example/prenumerata/atsisakyti/")
    assert list_unsubscribe.endswith(">") and "mailto:" not in list_unsubscribe, "no mailbox reads a mailto:"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert one_click_path(message).startswith("/prenumerata/atsisakyti/")

    # Opening the link confirms nothing: it shows one button.
    page = client.get(path)
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    [button] = soup.find("main").find_all("button")
    assert button.get_text(strip=True) == "Patvirtinti prenumeratą"
    assert button.find_parent("form")["method"] == "post"
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None

    confirmed = client.post(path)
    assert confirmed.status_code == 200
    assert "Prenumerata patvirtinta" in text(confirmed)
    subscription.refresh_from_db()
    subscriber.refresh_from_db()
    assert subscription.confirmed_at is not None and subscriber.confirmed_at is not None
    assert subscription.frequency == "daily" and subscription.confirm_nonce == ""
    assert len(mailbox.messages) == 1, "confirming sends nothing more"


@pytest.mark.parametrize(
    ("scope", "expected"),
    [("country", ("country", None, "country_page")), ("site", ("site", None, None))],
)
def test_following_the_country_or_the_whole_portal(client, seeded, mailbox, scope, expected):
    assert subscribe(client, seeded, scope=scope, frequency="weekly").status_code == 302
    subscription = Subscription.objects.get()
    assert subscription.scope == expected[0]
    assert subscription.page_id is None
    if expected[2]:
        assert subscription.country_page == seeded.country_page
    else:
        assert subscription.country_page_id is None
    plain, _html = bodies(mailbox.to(EMAIL)[0])
    assert ("Šalis: Baltarusija" if scope == "country" else "Visas portalas") in plain
    assert "Savaitinė santrauka" in plain


def test_the_form_has_its_own_page_too(client, seeded):
    response = client.get(SUBSCRIBE_URL, {"page": seeded.pk})
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.find("h1").get_text(strip=True) == "Naujienlaiškio prenumerata"
    assert len(soup.find_all("form", attrs={"action": SUBSCRIBE_URL})) == 1, "the footer does not repeat the form"


def test_an_existing_confirmed_subscription_is_untouched_by_a_new_submission(client, seeded, mailbox):
    from django.utils import timezone

    confirmed_at = timezone.now().replace(microsecond=0)
    subscriber = Subscriber.objects.create(email=EMAIL, confirmed_at=confirmed_at)
    kept = Subscription.objects.create(
        subscriber=subscriber, scope="page", page=seeded, frequency="weekly", confirmed_at=confirmed_at
    )
    site_wide = Subscription.objects.create(subscriber=subscriber, scope="site", frequency="daily", confirmed_at=confirmed_at)

    response = subscribe(client, seeded, frequency="immediate")
    assert response.status_code == 302
    assert "Jei adresas teisingas" in text(client.get(response["Location"]))

    kept.refresh_from_db()
    site_wide.refresh_from_db()
    assert (kept.frequency, kept.confirmed_at) == ("weekly", confirmed_at)
    assert (site_wide.frequency, site_wide.confirmed_at) == ("daily", confirmed_at)
    assert Subscription.objects.count() == 2 and Subscriber.objects.count() == 1
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed_at

    # The change waits for the owner of the mailbox: only their confirmation applies it.
    [message] = mailbox.to(EMAIL)
    assert client.post(confirm_path(message)).status_code == 200
    kept.refresh_from_db()
    assert (kept.frequency, kept.confirmed_at) == ("immediate", confirmed_at)
