"""Published pages as files, which the caching proxy on this machine serves as static files.

A cached page through nginx's cache costs nginx about three times the work of a static file (its
cache key, the shared zone, parsing the stored headers: bench/RESULTS.md), so a page address is first
looked up as a file in PAGE_FILES_DIR (deploy/nginx/proxy.conf, docs/adr/0033-published-pages-as-files.md):

- **Written** here, as the answer leaves the app, when nginx marks the request as a reader's public
  GET of a page address (`X-Bilateral-Page-File: 1`: no query string, no session, not a subscription
  or admin address), the answer is a public page (`Cache-Control` of http_cache.PUBLIC, 200, HTML),
  and its scope's content state is still the one it was made in. The task workers' refresh after a
  publication is such a request too, so the new page is written in place of the old one: written
  beside it, then renamed over it, so a reader gets either the old file or the new one, whole.
- **Removed** by the task workers with the proxy's copies of the same addresses (cache_purge.py):
  exactly the purged addresses' files, or all of them when every scope is purged or the address
  index is unavailable. Nothing lists the files to decide what to remove.
- **Swept** every hour by the scheduler (sweep): a file is removed before it is a day old, the time
  the proxy keeps a cached copy (s-maxage). A purge can miss a file (its task lost, its address gone
  from the index with Redis's data or with its scope's expiry), and a file, unlike a cached copy, has
  no lifetime of its own: without the sweep such a file would be served until its scope's next
  publication, or for ever; with it, no longer than the cached copy would have been.

The proxy's headers for these files are the app's for a public page (tests/proxy/test_page_files.py).
A proxy on another machine finds no files and answers from its cache as before.
"""

import logging
import os
import secrets
import shutil
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings

from .http_cache import PUBLIC, SHARED_MAX_AGE
from .scopes import current_state

logger = logging.getLogger(__name__)

MARK = "HTTP_X_BILATERAL_PAGE_FILE"
FILE_NAME = "index.html"
TEMPORARY_SUFFIX = ".tmp"
SWEEP_EVERY = 60 * 60
# Swept every hour, a file older than this is removed before it is older than the proxy keeps a copy.
OLDEST_KEPT = SHARED_MAX_AGE - SWEEP_EVERY
# A write takes milliseconds: a temporary file this old was left by a process that died writing it.
ABANDONED_AFTER = 60 * 60


def directory():
    """PAGE_FILES_DIR, or None where pages are not written as files."""
    configured = getattr(settings, "PAGE_FILES_DIR", "")
    return Path(configured) if configured else None


def file_for(path, root):
    """The file of a page address (a decoded path such as "/salys/baltarusija/"), as nginx looks it up
    (`${uri}index.html` under its root); None for anything that is not a plain page address."""
    if not path.startswith("/") or not path.endswith("/") or "\0" in path:
        return None
    parts = path.strip("/").split("/") if path != "/" else []
    if any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        return None
    return root.joinpath(*parts, FILE_NAME)


def wanted(request, response):
    """A reader's public page that the proxy asked to have as a file."""
    return (
        request.META.get(MARK) == "1"
        and request.method == "GET"
        and not request.META.get("QUERY_STRING")
        and response.status_code == 200
        and response.get("Cache-Control") == PUBLIC
        and response.get("Content-Type", "").startswith("text/html")
        and not response.cookies
        and not getattr(response, "streaming", False)
    )


def still_current(request):
    """The page's scope is still in the content state the answer was made in (read afresh): a
    publication during a slow render must not leave that render's old page behind as a file, which
    nothing would replace until the next publication (the refresh after it is already written)."""
    made_in = getattr(request, "content_generation", None)
    return made_in is not None and current_state(request.path_info) == made_in


def write(target, content):
    """Written beside the old file and renamed over it: readers get one or the other, whole. Readable
    by nginx's workers, which may run as another user."""
    target.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
    temporary = target.with_name(f"{FILE_NAME}.{secrets.token_hex(8)}{TEMPORARY_SUFFIX}")
    try:
        with open(temporary, "wb") as stream:
            stream.write(content)
        temporary.chmod(0o644)
        os.replace(temporary, target)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def remove(addresses):
    """The files of these addresses (as the proxy's cache keys them: percent-encoded, maybe with a
    query string, which no file has)."""
    root = directory()
    if root is None:
        return
    for address in addresses:
        parts = urlsplit(address)
        target = None if parts.query else file_for(unquote(parts.path), root)
        if target is not None:
            try:
                target.unlink(missing_ok=True)
            except OSError as error:
                logger.error("Couldn't remove the page file %s: %s", target, error)


def remove_all():
    """Every file at once: the directory is renamed away (readers find no files from that moment and
    are answered from the proxy's cache) and then deleted."""
    root = directory()
    if root is None or not root.exists():
        return
    gone = root.with_name(f"{removed_prefix(root)}{secrets.token_hex(8)}")
    try:
        root.rename(gone)
        root.mkdir(mode=0o755)
    except OSError as error:
        logger.error("Couldn't remove the page files in %s: %s", root, error)
        return
    shutil.rmtree(gone, ignore_errors=True)


def removed_prefix(root):
    return f".{root.name}-removed-"


def sweep():
    """Removes the files older than OLDEST_KEPT, temporary files a write abandoned, and directories
    remove_all renamed away and could not delete; returns how many of each. Run every hour by the
    scheduler (sweep_every_hour); it reads the files' directory, as nothing on a reader's or a
    publication's way does."""
    root = directory()
    swept = {"old": 0, "abandoned": 0, "removed_directories": 0}
    if root is None:
        return swept
    now = time.time()
    for folder, _, names in os.walk(root):
        for name in names:
            if name == FILE_NAME:
                swept["old"] += remove_if_older(Path(folder, name), now - OLDEST_KEPT)
            elif name.endswith(TEMPORARY_SUFFIX):
                swept["abandoned"] += remove_if_older(Path(folder, name), now - ABANDONED_AFTER)
    for leftover in root.parent.glob(f"{removed_prefix(root)}*"):
        shutil.rmtree(leftover, ignore_errors=True)
        swept["removed_directories"] += 1
    return swept


def remove_if_older(path, limit):
    """1 if the file was last written before `limit` (seconds since the epoch) and is now removed."""
    try:
        if path.stat().st_mtime >= limit:
            return 0
        # A file written anew since the stat goes too: harmless, its next reader's answer writes it.
        path.unlink()
    except FileNotFoundError:  # replaced or removed meanwhile
        return 0
    except OSError as error:
        logger.error("Couldn't sweep the page file %s: %s", path, error)
        return 0
    return 1


def sweep_every_hour(sender, **kwargs):
    """Receiver of operations.periodic.hour_passed."""
    return sweep()


class PageFileMiddleware:
    """Writes the page's file on its way out (see the module's docstring); a page is served all the
    same if the file cannot be written."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if wanted(request, response):
            root = directory()
            target = file_for(request.path, root) if root is not None else None
            if target is not None and still_current(request):
                try:
                    write(target, response.content)
                except OSError as error:
                    logger.error("Couldn't write the page file %s: %s", target, error)
        return response
