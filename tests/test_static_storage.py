"""The production static storage gives each file's address once per process: the same addresses as
WhiteNoise's storage, an unknown file still refused, and a new manifest's addresses after collectstatic."""

import json

import pytest
from django.test import override_settings
from whitenoise.storage import CompressedManifestStaticFilesStorage

from bilateral.static_storage import StaticFilesStorage


def write_manifest(directory, paths):
    (directory / "staticfiles.json").write_text(json.dumps({"paths": paths, "version": "1.1", "hash": "x"}))


@pytest.fixture
def static_root(tmp_path):
    write_manifest(tmp_path, {"site.css": "site.1234.css", "a b.js": "a b.5678.js"})
    return tmp_path


def test_addresses_are_whitenoises(static_root):
    ours = StaticFilesStorage(location=static_root, base_url="/static/")
    theirs = CompressedManifestStaticFilesStorage(location=static_root, base_url="/static/")
    for _ in range(2):
        for name in ("site.css", "a b.js"):
            assert ours.url(name) == theirs.url(name)
    assert ours.url("site.css") == "/static/site.1234.css"
    assert ours.known_urls


def test_an_unknown_file_is_refused_every_time(static_root):
    storage = StaticFilesStorage(location=static_root, base_url="/static/")
    for _ in range(2):
        with pytest.raises(ValueError):
            storage.url("missing.css")


def test_with_debug_the_plain_name(static_root):
    storage = StaticFilesStorage(location=static_root, base_url="/static/")
    assert storage.url("site.css") == "/static/site.1234.css"
    with override_settings(DEBUG=True):
        assert storage.url("site.css") == "/static/site.css"


def test_collectstatic_forgets_the_addresses(static_root, tmp_path_factory):
    source = tmp_path_factory.mktemp("source")
    (source / "site.css").write_text("body { color: black }")
    storage = StaticFilesStorage(location=static_root, base_url="/static/")
    assert storage.url("site.css") == "/static/site.1234.css"
    with open(source / "site.css", "rb") as file:
        storage.save("site.css", file)
    list(storage.post_process({"site.css": (storage, "site.css")}))
    assert storage.url("site.css") != "/static/site.1234.css"
    assert storage.url("site.css").startswith("/static/site.")
