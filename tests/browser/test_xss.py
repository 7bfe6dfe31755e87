"""A corpus of classic XSS payloads in everything an editor or a reader can type, rendered in Chromium:
none of them runs (no `window.__xss`, no dialog) and none even reaches the page as markup (no CSP
violation: the policy would block it, but escaping must have stopped it before that)."""

import json
from urllib.parse import quote

import pytest
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.models import PageLogEntry

from bilateral.facts.blocks.prose import ProseBlock
from bilateral.pages.models import SectionPage
from bilateral.subscriptions.links import subscriber_token
from bilateral.subscriptions.models import Subscriber, Subscription
from bilateral.subscriptions.tokens import MANAGE

from .conftest import COUNTRY_PATH, HOME_PATH, SECTION_PATH
from .test_csp import RECORD_VIOLATIONS_JS

pytestmark = pytest.mark.browser

# Each payload, if it ever ran, would set window.__xss or open a dialog.
PAYLOADS = [
    "<script>window.__xss=1</script>",
    "<img src=x onerror=window.__xss=2>",
    "<svg onload=window.__xss=3>",
    "<svg><script>window.__xss=4</script></svg>",
    '"><script>window.__xss=5</script>',
    "'><img src=x onerror=alert(6)>",
    '" autofocus onfocus="window.__xss=7" x="',
    "' autofocus onfocus='window.__xss=8' x='",
    "</textarea><script>window.__xss=9</script>",
    "</title><script>window.__xss=10</script>",
    "</style><img src=x onerror=window.__xss=11>",
    "</script><script>window.__xss=12</script>",
    '<a href="javascript:window.__xss=13">spausti</a>',
    "javascript:window.__xss=14",
    '<iframe src="javascript:window.__xss=15"></iframe>',
    "<body onload=window.__xss=16>",
    "<details open ontoggle=window.__xss=17>",
    "<input autofocus onfocus=window.__xss=18>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=19>",
    "{{ 7|add:42 }}{% now 'Y' %}${window.__xss=20}#{7*7}",
    "\uff1cscript\uff1ewindow.__xss=21\uff1c/script\uff1e",
    "<scr\u200bipt>window.__xss=22</script>",
    "\u202e<img src=x onerror=window.__xss=23>",
    "<![CDATA[<script>window.__xss=24</script>]]>",
    "<!--<img src=x onerror=window.__xss=25>-->",
    '<object data="data:text/html,<script>parent.__xss=26</script>"></object>',
    '<base href="https://evil.example/">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=27">',
]

# Installed before the page's own scripts: payloads that call alert() are noted too.
HOOKS_JS = RECORD_VIOLATIONS_JS + "window.alert = window.confirm = window.prompt = () => { window.__xss = 'dialog'; };"


def payload(number):
    return PAYLOADS[number % len(PAYLOADS)]


class Watch:
    """Everything a payload could do in the browser: set window.__xss, open a dialog, violate the CSP."""

    def __init__(self, page):
        self.page = page
        self.dialogs = []
        page.add_init_script(HOOKS_JS)
        page.on("dialog", self.dialog)

    def dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def visit(self, url, status=200):
        response = self.page.goto(url, wait_until="networkidle")
        assert response.status == status, url
        self.assert_nothing_ran(url)
        return response

    def assert_nothing_ran(self, where):
        for frame in self.page.frames:
            assert frame.evaluate("() => window.__xss") is None, f"a payload ran on {where}"
            assert frame.evaluate("() => window.__cspViolations || []") == [], f"CSP violation on {where}"
        assert self.dialogs == [], f"dialog on {where}"


def editor_rich_text(texts, pasted_html):
    """Rich text as the editor saves it: typed text, and pasted HTML after Wagtail's own filtering."""
    converter = ContentstateConverter(ProseBlock().features)
    typed = {
        "blocks": [
            {"key": f"k{index}", "type": "unstyled", "depth": 0, "text": text, "inlineStyleRanges": [], "entityRanges": []}
            for index, text in enumerate(texts)
        ],
        "entityMap": {},
    }
    html = converter.to_database_format(json.dumps(typed))
    converted = 0
    for fragment in pasted_html:
        try:
            pasted = converter.from_database_format(f"<p>{fragment}</p>")
        except AssertionError:  # Wagtail's parser refuses badly nested markup: nothing is saved
            continue
        html += converter.to_database_format(pasted)
        converted += 1
    assert converted >= len(pasted_html) // 3
    return html


def fill_text_fields(value, counter):
    """Every free-text field of a fact block gets a payload (choices, dates and figures stay valid)."""
    text_fields = {
        "name", "heading", "treaty_title", "marking_note", "last_mark_water_body", "condition", "position",
        "rank", "text", "title",
    }
    if isinstance(value, dict):
        for key, item in value.items():
            if key in text_fields and isinstance(item, str):
                value[key] = payload(next(counter))
            elif key == "members" or key == "lakes":
                for member in item:
                    member["value"] = payload(next(counter))
            else:
                fill_text_fields(item, counter)
    elif isinstance(value, list):
        for item in value:
            fill_text_fields(item, counter)


def numbers():
    number = 0
    while True:
        yield number
        number += 1


def publish_payloads(section):
    section = SectionPage.objects.get(pk=section.pk)
    body = list(section.body.raw_data)
    counter = numbers()
    for block in body:
        fill_text_fields(block["value"], counter)
        if "sources" in block["value"]:
            block["value"]["sources"] = [
                {"type": "item", "value": {"title": payload(next(counter)), "date": None,
                                           "url": 'https://example.com/?q="><script>window.__xss=30</script>'}}
            ]
    body.append({"type": "prose", "value": editor_rich_text(PAYLOADS, PAYLOADS)})
    section.body = body
    section.search_description = payload(5)
    section.change_kind = "major"
    section.change_note = "".join(PAYLOADS[:6])
    revision = section.save_revision()
    revision.publish()
    return revision


@pytest.fixture
def published(site_url, seeded):
    first = PageLogEntry.objects.filter(page_id=seeded.pk, action="wagtail.publish").earliest("timestamp").revision
    second = publish_payloads(seeded)
    return first, second


def test_payloads_in_the_editors_fields_do_not_run(page, site_url, published):
    watch = Watch(page)
    first, second = published
    section = watch.visit(site_url + SECTION_PATH)
    text = page.locator("main").inner_text()
    # They are shown as the text they are (escaped), and nothing was evaluated as a template.
    assert "<svg onload=window.__xss=3>" in text
    assert "{{ 7|add:42 }}{% now 'Y' %}" in text
    assert "'unsafe-inline'" not in section.headers["content-security-policy"]
    for path in (
        HOME_PATH,
        COUNTRY_PATH,
        SECTION_PATH + "istorija/",
        SECTION_PATH + f"istorija/palyginti/?a={first.pk}&b={second.pk}",
        "/paieska/?q=" + quote("svg onload"),
        "/paieska/?q=" + quote(PAYLOADS[0]),
        "/en" + SECTION_PATH.replace("salys/baltarusija/politinis-bendradarbiavimas", "countries/belarus/political-cooperation"),
    ):
        response = page.goto(site_url + path, wait_until="networkidle")
        assert response.status in (200, 404), path
        watch.assert_nothing_ran(path)
    # The feeds: the browser shows them as XML; the note must be escaped text there too.
    for feed in ("/atnaujinimai.atom", SECTION_PATH + "atnaujinimai.atom"):
        xml = watch.visit(site_url + feed).text()
        assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in xml  # the change note, escaped
        assert "<script" not in xml and "<img" not in xml


def submit_email(page, site_url, email):
    """The footer form sent with `email` as typed (the browser's own submit, without the captcha's
    onsubmit: the answer is the error page that echoes the address)."""
    page.goto(site_url + SECTION_PATH, wait_until="networkidle")
    page.locator("#subscription-email").fill(email)
    page.locator("#subscription-consent").check(force=True)
    # The footer form of a (cacheable) page fetches its CSRF token once the reader starts using it.
    page.wait_for_function(
        "() => document.querySelector('form.subscription__form input[name=csrfmiddlewaretoken]')?.value"
    )
    with page.expect_navigation():
        page.evaluate("() => HTMLFormElement.prototype.submit.call(document.querySelector('form.subscription__form'))")


def test_payloads_typed_into_the_subscription_form_do_not_run(page, site_url, seeded):
    watch = Watch(page)
    for email in PAYLOADS[:8] + ['"<script>window.__xss=31</script>"@example.lt', "a@b.lt<img src=x onerror=window.__xss=32>"]:
        submit_email(page, site_url, email)
        assert page.locator("#subscription-email").input_value() == email.strip()
        watch.assert_nothing_ran(f"the form's answer to {email!r}")


def test_a_quoted_address_with_markup_is_shown_safely_on_the_manage_page(page, site_url, seeded):
    """A quoted local part may hold almost anything and is still a valid address (RFC 5321)."""
    email = '"<img src=x onerror=window.__xss=33>"@example.lt'
    subscriber = Subscriber.objects.create(email=email, language="lt")
    Subscription.objects.create(subscriber=subscriber, scope="site", frequency="immediate")
    watch = Watch(page)
    watch.visit(site_url + f"/prenumerata/tvarkyti/{subscriber_token(MANAGE, subscriber)}/")
    assert email in page.locator("main").inner_text()
    watch.visit(site_url + f"/prenumerata/tvarkyti/{quote(PAYLOADS[0], safe='')}/", status=404)
