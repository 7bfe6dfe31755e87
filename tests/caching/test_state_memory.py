"""Warm hits without a round trip (bilateral/caching/state_memory.py, APP_CACHE_STATE_SECONDS): each
process answers its own copy in the content state it read for the scope less than the window ago.
Another process's publication is then seen after the window at most; this process's own at once; a
refresh through the proxy and every render read the state afresh."""

from bilateral.caching.response_cache import REFRESHING
from bilateral.caching.state_memory import state_memory

from .helpers import COUNTRY, SECTION, WINDOW, publish_title

NEW_TITLE = "Politinis ir diplomatinis bendradarbiavimas"
NEW_HEADING = f'<h1 class="govuk-heading-xl">{NEW_TITLE}</h1>'


def publish_in_another_process(page, title):
    """A publication this process did not make: the shared cache has the new state, this process's
    memory is as it was (its own publications forget what they change)."""
    remembered = dict(state_memory.states)
    publish_title(page, title)
    state_memory.states = remembered


def test_within_the_window_a_hit_is_the_process_copy_and_after_it_the_new_page(client, seeded, clock):
    assert client.get(SECTION)["X-App-Cache"] == "miss"
    assert client.get(SECTION)["X-App-Cache"] == "hit"
    publish_in_another_process(seeded, NEW_TITLE)

    clock.now += WINDOW - 1
    previous = client.get(SECTION)
    assert previous["X-App-Cache"] == "hit"
    assert NEW_HEADING not in previous.content.decode(), "within the window the shared cache was not asked"

    clock.now += 2
    fresh = client.get(SECTION)
    assert fresh["X-App-Cache"] == "miss"
    assert NEW_HEADING in fresh.content.decode()
    assert fresh["ETag"] != previous["ETag"]
    assert client.get(SECTION)["X-App-Cache"] == "hit"


def test_a_process_sees_its_own_publication_at_once(client, seeded, clock):
    client.get(SECTION)
    assert client.get(SECTION)["X-App-Cache"] == "hit"
    publish_title(seeded, NEW_TITLE)
    response = client.get(SECTION)
    assert response["X-App-Cache"] == "miss"
    assert NEW_HEADING in response.content.decode()


def test_a_refresh_through_the_proxy_reads_the_state_afresh(client, seeded, clock):
    client.get(SECTION)
    publish_in_another_process(seeded, NEW_TITLE)
    assert NEW_HEADING not in client.get(SECTION).content.decode()
    # Only the value nginx sets on a refresh that carried the secret counts.
    assert NEW_HEADING not in client.get(SECTION, headers={"X-Bilateral-Refreshing": "yes"}).content.decode()
    refreshed = client.get(SECTION, **{REFRESHING: "1"})
    assert refreshed.status_code == 200
    assert NEW_HEADING in refreshed.content.decode()
    # The state it read is the one this process remembers from then on.
    assert NEW_HEADING in client.get(SECTION).content.decode()


def test_a_page_this_process_has_no_copy_of_is_rendered_in_the_current_state(client, seeded, clock):
    """A render never uses the remembered state: what it stores, and its ETag, are the current ones."""
    client.get(SECTION)
    publish_in_another_process(seeded, NEW_TITLE)
    country = client.get(COUNTRY)  # the same scope, not yet served by this process
    assert country["X-App-Cache"] == "miss"
    assert NEW_TITLE in country.content.decode()
    assert client.get(COUNTRY)["X-App-Cache"] == "hit"
    # …and the section's own copy, of the state before, is not answered any more either.
    section = client.get(SECTION)
    assert section["X-App-Cache"] == "miss"
    assert NEW_HEADING in section.content.decode()


def test_without_a_window_every_hit_reads_the_state(client, seeded, settings):
    settings.APP_CACHE_STATE_SECONDS = 0
    client.get(SECTION)
    publish_in_another_process(seeded, NEW_TITLE)
    assert state_memory.states == {}
    assert NEW_HEADING in client.get(SECTION).content.decode()
