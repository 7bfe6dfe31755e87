"""Fuzzing with Hypothesis: whatever a client sends in the subscription form, the links from emails,
search, ?as_of=, the history comparison and the API's query parameters, the answer is a 200 or a
4xx, never a 5xx (Django's test client would also raise any exception a view lets through)."""

from urllib.parse import quote

from hypothesis import HealthCheck, given, settings, strategies as st

from tests.subscriptions.subscribe_fixtures import clean_cache  # noqa: F401 (autouse fixture)

SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# Any text a form or a URL can carry: every Unicode category but lone surrogates (which UTF-8
# cannot encode, so no client can send them), NUL and other control characters included.
any_character = st.characters(blacklist_categories=("Cs",))
short_text = st.text(any_character, max_size=40)
long_text = st.builds(lambda text, times: text * times, st.text(any_character, min_size=1, max_size=8), st.integers(500, 3000))
tricky_text = st.sampled_from(
    [
        "",
        "\x00",
        "a\x00b",
        "1" * 400,
        "-1",
        "0",
        "9" * 30,
        "1e309",
        "NaN",
        "2020-02-30",
        "0000-00-00",
        "9999-12-31",
        "-0001-01-01",
        "2024-1-1",
        "2020-01-01T25:61",
        "null",
        "[]",
        "{}",
        "' OR 1=1 --",
        "<script>window.__xss=1</script>",
        "%00",
        "../../etc/passwd",
        "ą\u0301",
        "\ufeff",
        "\u202e",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ]
)
field_value = st.one_of(short_text, long_text, tricky_text)


def assert_not_a_server_error(response, what):
    assert response.status_code == 200 or 400 <= response.status_code < 500, f"{what}: {response.status_code}"


@FUZZ
@given(
    email=field_value,
    scope=field_value,
    frequency=field_value,
    consent=field_value,
    page=field_value,
    captcha=field_value,
    form_path=st.sampled_from(["/prenumerata/", "/en/subscribe/"]),
)
def test_subscription_form_fields(client, seeded, email, scope, frequency, consent, page, captcha, form_path):
    data = {"email": email, "scope": scope, "frequency": frequency, "consent": consent, "page": page, "captcha": captcha}
    response = client.post(form_path, data)
    assert_not_a_server_error(response, f"POST {form_path}")
    assert response.status_code == 400  # no made-up captcha answer gets through
    form = client.get(form_path, {"page": page})
    assert_not_a_server_error(form, f"GET {form_path}?page=")


@FUZZ
@given(
    token=field_value,
    link=st.sampled_from(["patvirtinti/{}/", "atsisakyti/{}/", "tvarkyti/{}/", "tvarkyti/{}/duomenys.json", "tvarkyti/{}/istrinti/"]),
    method=st.sampled_from(["get", "post"]),
)
def test_links_from_emails(client, seeded, token, link, method):
    path = "/prenumerata/" + link.format(quote(token, safe=""))
    response = getattr(client, method)(path)
    assert_not_a_server_error(response, f"{method.upper()} {path[:80]}")


@FUZZ
@given(query=field_value, page=field_value, search_path=st.sampled_from(["/paieska/", "/en/search/"]))
def test_search_query(client, seeded, query, page, search_path):
    response = client.get(search_path, {"q": query, "page": page})
    assert_not_a_server_error(response, "search")


@FUZZ
@given(as_of=field_value, path=st.sampled_from(["/", SECTION, SECTION + "istorija/", "/salys/baltarusija/"]))
def test_as_of_on_pages(client, seeded, as_of, path):
    response = client.get(path, {"as_of": as_of})
    assert_not_a_server_error(response, f"{path}?as_of=")


@FUZZ
@given(a=field_value, b=field_value)
def test_history_comparison_parameters(client, seeded, a, b):
    response = client.get(SECTION + "istorija/palyginti/", {"a": a, "b": b})
    assert_not_a_server_error(response, "history comparison")


API_PARAMETERS = {
    "/api/countries": ["language", "limit", "offset"],
    "/api/pages": ["country", "language", "as_of", "limit", "offset"],
    "/api/facts": ["type", "country", "language", "fact", "as_of", "limit", "offset"],
    "/api/facts.csv": ["type", "country", "language", "fact", "as_of"],
    "/api/": [],  # the index: nothing to fuzz
}


@st.composite
def api_requests(draw):
    path = draw(st.sampled_from(sorted(path for path, names in API_PARAMETERS.items() if names)))
    names = draw(st.lists(st.sampled_from(API_PARAMETERS[path]), unique=True, min_size=1))
    return path, {name: draw(field_value) for name in names}


@FUZZ
@given(request=api_requests())
def test_api_query_parameters(client, seeded, request):
    path, parameters = request
    response = client.get(path, parameters)
    assert_not_a_server_error(response, f"{path} {sorted(parameters)}")
    if response.status_code >= 400 and path != "/api/facts.csv":
        assert response["Content-Type"].startswith("application/json")


def test_the_openapi_schema_lists_exactly_the_parameters_fuzzed_here(client, seeded):
    schema = client.get("/api/openapi.json").json()
    listed = {
        path: sorted(parameter["name"] for parameter in operation.get("parameters", []))
        for path, operations in schema["paths"].items()
        for operation in operations.values()
    }
    assert listed == {path: sorted(names) for path, names in API_PARAMETERS.items()}


@FUZZ
@given(
    header=st.sampled_from(["HTTP_ACCEPT_LANGUAGE", "HTTP_X_FORWARDED_FOR", "HTTP_IF_NONE_MATCH", "HTTP_COOKIE"]),
    # What an HTTP server passes on: Latin-1 text without control characters.
    value=st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=300)
    | tricky_text.filter(lambda text: all(32 <= ord(character) < 256 for character in text)),
)
def test_request_headers(client, seeded, header, value):
    response = client.get(SECTION, **{header: value})
    if response.status_code == 304:
        # Not modified is the right answer to an If-None-Match that matches: "*" (any current copy) or
        # a list holding the page's ETag (RFC 9110, 13.1.2).
        assert header == "HTTP_IF_NONE_MATCH", header
        etag = client.get(SECTION)["ETag"]
        tags = {tag.strip().removeprefix("W/") for tag in value.split(",")}
        assert value.strip() == "*" or etag.removeprefix("W/") in tags, value
        return
    assert_not_a_server_error(response, header)
