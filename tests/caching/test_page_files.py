"""Published pages as files (bilateral/caching/page_files.py): which answers are written, where, how,
and how they are removed. Through nginx: tests/proxy/test_page_files.py."""

import os
import stat
import time

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from bilateral.caching import page_files
from bilateral.caching.http_cache import PRIVATE, PUBLIC, SHARED_MAX_AGE
from bilateral.caching.scopes import current_state
from bilateral.subscriptions.scheduler import tick

pytestmark = pytest.mark.django_db

SECTION = "/salys/baltarusija/politinis-bendradarbiavimas/"


@pytest.fixture
def pages_dir(settings, tmp_path):
    settings.PAGE_FILES_DIR = str(tmp_path / "pages")
    return tmp_path / "pages"


def page_response(content=b"<!DOCTYPE html><p>Puslapis</p>", cache_control=PUBLIC, status=200,
                  content_type="text/html; charset=utf-8"):  # fmt: skip
    response = HttpResponse(content, status=status, content_type=content_type)
    response["Cache-Control"] = cache_control
    return response


def served(path, response, made_in="current", method="get", marked=True, **extra):
    """The middleware around a view that answers `response`, made in the scope's current content
    state (or in `made_in`)."""
    headers = {page_files.MARK: "1"} if marked else {}
    request = getattr(RequestFactory(), method)(path, **headers, **extra)

    def view(request):
        request.content_generation = current_state(request.path_info) if made_in == "current" else made_in
        return response

    return page_files.PageFileMiddleware(view)(request)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "index.html"),
        (SECTION, "salys/baltarusija/politinis-bendradarbiavimas/index.html"),
        ("/salys/šiaurės-šalys/", "salys/šiaurės-šalys/index.html"),
        ("/robots.txt", None),
        ("/salys/../etc/", None),
        ("/salys/./x/", None),
        ("/salys//x/", None),
        ("/.git/", None),
        ("salys/", None),
        ("/a\0b/", None),
    ],
)
def test_a_page_address_has_one_file_and_nothing_else_has_any(tmp_path, path, expected):
    found = page_files.file_for(path, tmp_path)
    assert found == (tmp_path / expected if expected else None)


def test_a_readers_public_page_is_written_readable_by_nginx(pages_dir):
    response = served(SECTION, page_response())
    assert response.status_code == 200
    written = pages_dir / "salys/baltarusija/politinis-bendradarbiavimas/index.html"
    assert written.read_bytes() == response.content
    assert stat.S_IMODE(written.stat().st_mode) == 0o644
    assert stat.S_IMODE(written.parent.stat().st_mode) & 0o005 == 0o005
    assert os.listdir(written.parent) == ["index.html"], "no temporary file is left behind"


def test_a_new_page_replaces_the_old_file(pages_dir):
    served(SECTION, page_response(b"<p>senas</p>"))
    served(SECTION, page_response(b"<p>naujas</p>"))
    assert (pages_dir / SECTION.strip("/") / "index.html").read_bytes() == b"<p>naujas</p>"


@pytest.mark.parametrize(
    "case",
    [
        {"marked": False},
        {"method": "head"},
        {"QUERY_STRING": "as_of=2024-01-01"},
        {"response": page_response(cache_control=PRIVATE)},
        {"response": page_response(status=404)},
        {"response": page_response(content_type="application/atom+xml")},
        {"made_in": "a state before a publication"},
        {"made_in": None},
    ],
    ids=["not asked", "HEAD", "query", "private", "404", "feed", "published meanwhile", "state unknown"],
)
def test_nothing_else_is_written(pages_dir, case):
    case = dict(case)
    response = case.pop("response", page_response())
    served(SECTION, response, **case)
    assert not pages_dir.exists() or list(pages_dir.rglob("*")) == []


def test_an_answer_with_a_cookie_is_not_written(pages_dir):
    response = page_response()
    response.set_cookie("csrftoken", "x")
    served(SECTION, response)
    assert not pages_dir.exists() or list(pages_dir.rglob("*")) == []


def test_nothing_is_written_without_a_directory(settings, tmp_path):
    settings.PAGE_FILES_DIR = ""
    assert served(SECTION, page_response()).status_code == 200
    page_files.remove([SECTION])
    page_files.remove_all()


def test_a_page_that_cannot_be_written_is_served_all_the_same(pages_dir, caplog):
    pages_dir.parent.joinpath("pages").write_text("not a directory")
    assert served(SECTION, page_response()).status_code == 200
    assert "Couldn't write the page file" in caplog.text


def test_removing_takes_the_addresses_as_the_proxy_keys_them(pages_dir):
    for path in (SECTION, "/salys/šiaurės-šalys/", "/salys/latvija/"):
        served(path, page_response())
    page_files.remove([SECTION + "?as_of=2024-01-01", "/salys/%C5%A1iaur%C4%97s-%C5%A1alys/", "/api/pages"])
    assert (pages_dir / SECTION.strip("/") / "index.html").exists(), "an address with a query has no file"
    assert not (pages_dir / "salys/šiaurės-šalys/index.html").exists()
    page_files.remove([SECTION, SECTION])
    assert not (pages_dir / SECTION.strip("/") / "index.html").exists()
    assert (pages_dir / "salys/latvija/index.html").exists()


def test_removing_all_leaves_an_empty_directory(pages_dir):
    for path in (SECTION, "/salys/latvija/", "/"):
        served(path, page_response())
    page_files.remove_all()
    assert pages_dir.is_dir() and list(pages_dir.iterdir()) == []
    assert [path.name for path in pages_dir.parent.iterdir()] == ["pages"]


def age(path, seconds):
    """Makes the file look last written `seconds` ago."""
    moment = time.time() - seconds
    os.utime(path, (moment, moment))


def test_the_sweep_removes_a_file_before_it_outlives_the_proxys_copy(pages_dir):
    for path in (SECTION, "/salys/latvija/", "/"):
        served(path, page_response())
    # Swept every hour: a file that could reach a day before the next sweep goes now.
    age(pages_dir / SECTION.strip("/") / "index.html", SHARED_MAX_AGE - page_files.SWEEP_EVERY + 60)
    age(pages_dir / "index.html", SHARED_MAX_AGE - page_files.SWEEP_EVERY - 60)

    assert page_files.sweep() == {"old": 1, "abandoned": 0, "removed_directories": 0}
    assert not (pages_dir / SECTION.strip("/") / "index.html").exists()
    assert (pages_dir / "index.html").exists() and (pages_dir / "salys/latvija/index.html").exists()


def test_the_sweep_removes_what_a_dead_writer_or_an_interrupted_removal_left(pages_dir):
    served(SECTION, page_response())
    folder = pages_dir / SECTION.strip("/")
    abandoned, writing = folder / "index.html.0123456789abcdef.tmp", folder / "index.html.fedcba9876543210.tmp"
    abandoned.write_bytes(b"<p>half")
    writing.write_bytes(b"<p>half")
    age(abandoned, page_files.ABANDONED_AFTER + 60)
    left = pages_dir.parent / ".pages-removed-0123456789abcdef"
    (left / "salys").mkdir(parents=True)
    (left / "salys" / "index.html").write_bytes(b"<p>old")

    assert page_files.sweep() == {"old": 0, "abandoned": 1, "removed_directories": 1}
    assert not abandoned.exists() and writing.exists(), "a write under way keeps its file"
    assert not left.exists()
    assert (folder / "index.html").exists()


def test_nothing_is_swept_without_a_directory(settings, tmp_path):
    settings.PAGE_FILES_DIR = ""
    assert page_files.sweep() == {"old": 0, "abandoned": 0, "removed_directories": 0}


def test_the_scheduler_sweeps_every_hour_and_not_every_minute(pages_dir):
    served(SECTION, page_response())
    target = pages_dir / SECTION.strip("/") / "index.html"
    age(target, SHARED_MAX_AGE)

    tick(purge=False)
    assert target.exists()
    summary = tick(purge=True)
    assert not target.exists()
    assert summary["hourly"]["bilateral.caching.page_files.sweep_every_hour"]["old"] == 1
