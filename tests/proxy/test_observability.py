"""Through the real nginx and gunicorn: the health endpoints pass the proxy and are never kept, and one
request id runs from the proxy through gunicorn's access log and the app's JSON log lines."""

import json
import re

import pytest
from django.core.cache import caches

from bilateral.operations.heartbeat import SCHEDULER, WORKER, beat
from bilateral.operations.processes import stop_groups
from tests.faults.processes import wait_for

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def json_lines(stack):
    text = (stack.log_dir / "gunicorn.log").read_text(errors="replace")
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def lines_with(stack, request_id, loggers):
    """The app's and gunicorn's lines for one request, once each of `loggers` has written one."""

    def found():
        lines = [line for line in json_lines(stack) if line.get("request_id") == request_id]
        return lines if loggers <= {line["logger"] for line in lines} else None

    return wait_for(found, timeout=30, what=f"log lines of {loggers} for request {request_id}")


def test_health_endpoints_pass_the_proxy_and_are_never_kept(stack):
    answers = [stack.get("/healthz") for _ in range(2)]
    assert [answer.status for answer in answers] == [200, 200]
    assert all(json.loads(answer.text) == {"status": "ok"} for answer in answers)
    assert [answer.cache for answer in answers] == ["MISS", "MISS"]
    assert answers[1].headers["Cache-Control"] == "no-store"

    not_ready = stack.get("/readyz")
    assert not_ready.status == 503  # no scheduler or worker runs in this stack
    body = json.loads(not_ready.text)
    assert body["failed"] == [SCHEDULER, WORKER]
    assert body["checks"]["database"] == body["checks"]["cache"] == {"status": "ok"}

    beat(SCHEDULER)  # as the scheduler and the worker would, into the stack's database cache
    beat(WORKER)
    stack.sync()
    ready = [stack.get("/readyz") for _ in range(2)]
    assert [answer.status for answer in ready] == [200, 200]
    assert [answer.cache for answer in ready] == ["MISS", "MISS"]

    gunicorn = stack.processes[-1]
    stop_groups([gunicorn])
    assert stack.get("/healthz").status == 502  # no kept copy stands in for a dead app
    caches["default"].clear()


def test_one_request_id_from_the_proxy_through_gunicorn_and_the_app(stack):
    missing = stack.get("/no-such-page/")
    assert missing.status == 404
    request_id = missing.headers["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", request_id)  # nginx's $request_id

    lines = lines_with(stack, request_id, {"django.request", "gunicorn.access"})
    by_logger = {line["logger"]: line for line in lines}
    assert by_logger["django.request"]["message"] == "Not Found: /no-such-page/"
    assert by_logger["django.request"]["level"] == "WARNING"
    assert '"GET /no-such-page/ HTTP/1.1" 404' in by_logger["gunicorn.access"]["message"]
    assert all(line["time"] and line["level"] for line in lines)

    # A copy from the cache names no request of its own (nothing logs it, and making an id was a sixth
    # of nginx's work for a hit), never the stored one; it echoes an id given in front of the proxy.
    kept = stack.get("/no-such-page/")
    assert kept.cache == "HIT"
    assert "X-Request-ID" not in kept.headers
    given = stack.get("/no-such-page/", X_Request_ID="lb-7f3a.2")
    assert given.cache == "HIT" and given.headers["X-Request-ID"] == "lb-7f3a.2"
    forged = stack.get("/no-such-page/", X_Request_ID="a b")
    assert forged.cache == "HIT" and "X-Request-ID" not in forged.headers


def test_an_id_given_in_front_of_the_proxy_is_kept_and_a_forged_one_replaced(stack):
    given = stack.get("/healthz", X_Request_ID="lb-7f3a.1")
    assert given.headers["X-Request-ID"] == "lb-7f3a.1"
    lines_with(stack, "lb-7f3a.1", {"gunicorn.access"})

    forged = stack.get("/healthz", X_Request_ID="a b\\nc")
    assert re.fullmatch(r"[0-9a-f]{32}", forged.headers["X-Request-ID"])
