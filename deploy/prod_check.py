"""`make prod-check`: with `make prod` running, what readers get through the proxy, checked.

Usage: python deploy/prod_check.py [http://127.0.0.1:8080]. Prints one line per check; exits 1 if any
fails. Public pages, feeds and the API come from the cache on the second request (X-Cache: HIT); the
admin and the subscription pages never do; a static file is hashed, compressed and kept for a year.
"""

import re
import sys
from urllib.error import HTTPError
from urllib.request import Request, urlopen

PUBLIC = ["/", "/salys/", "/en/", "/atnaujinimai.atom", "/api/countries", "/sitemap.xml"]
PRIVATE = ["/admin/login/", "/prenumerata/"]


def fetch(base, path, headers=None):
    request = Request(base + path, headers=headers or {})
    try:
        with urlopen(request, timeout=30) as response:  # noqa: S310 - the address given
            return response.status, response.headers, response.read()
    except HTTPError as error:
        return error.code, error.headers, error.read()


def main(base):
    failures = 0

    def check(ok, what):
        nonlocal failures
        failures += not ok
        print(("ok    " if ok else "FAIL  ") + what)

    for path in PUBLIC:
        fetch(base, path)
        status, headers, _body = fetch(base, path)
        check(status == 200 and headers.get("X-Cache") == "HIT", f"{path}: {status}, X-Cache {headers.get('X-Cache')}")
    for path in PRIVATE:
        fetch(base, path)
        status, headers, _body = fetch(base, path)
        check(headers.get("X-Cache") != "HIT", f"{path}: {status}, never cached (X-Cache {headers.get('X-Cache')})")
    _status, _headers, body = fetch(base, "/")
    match = re.search(rb'/static/[\w/.-]+\.[0-9a-f]{12}\.css', body)
    check(match is not None, "the home page links a hashed stylesheet")
    if match:
        status, headers, _body = fetch(base, match.group().decode(), {"Accept-Encoding": "gzip"})
        check(
            status == 200 and headers.get("Content-Encoding") == "gzip" and "immutable" in headers.get("Cache-Control", ""),
            f"{match.group().decode()}: {headers.get('Content-Encoding')}, {headers.get('Cache-Control')}",
        )
    _status, headers, _body = fetch(base, "/", {"Cookie": "sessionid=x"})
    check(headers.get("X-Cache") == "PASS", f"/ with a session cookie: X-Cache {headers.get('X-Cache')}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1].rstrip("/") if len(sys.argv) > 1 else "http://127.0.0.1:8080"))
