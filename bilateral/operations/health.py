"""/healthz (the process answers) and /readyz (what the portal needs to do its work), for load
balancers and monitoring.

Answered by a middleware at the top of the chain, before host validation, the https redirect,
sessions and the page caches: a probe by address over plain http gets its answer, and /healthz
touches neither the database nor the cache. Both are `no-store`, and the proxy passes them through
(deploy/nginx/proxy.conf). A small view rather than a health-check framework: five checks.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.http import JsonResponse
from django.utils import timezone

from .heartbeat import SCHEDULER, WORKER, last_beat

logger = logging.getLogger(__name__)

OK, FAIL = "ok", "fail"


class CheckFailed(Exception):
    pass


def max_age(name):
    """READYZ_SCHEDULER_MAX_AGE, READYZ_WORKER_MAX_AGE, READYZ_OUTBOX_MAX_AGE (settings/observability.py)."""
    return getattr(settings, f"READYZ_{name.upper()}_MAX_AGE")


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return {}


def check_cache():
    cache, nonce = caches["default"], uuid.uuid4().hex
    cache.set("bilateral:readyz", nonce, 60)
    if cache.get("bilateral:readyz") != nonce:
        # The default cache degrades quietly when Redis is away (operations/cache.py).
        raise CheckFailed("the cache did not keep a value")
    return {}


def age_within(moment, limit, what):
    if moment is None:
        raise CheckFailed(f"no {what} yet")
    age = (timezone.now() - moment).total_seconds()
    details = {"age_seconds": round(age), "max_age_seconds": limit}
    if age > limit:
        raise CheckFailed(f"{what} too old", details)
    return details


def check_heartbeat(name):
    return age_within(last_beat(name), max_age(name), "heartbeat")


def oldest_due_outbox_row(now):
    """When the longest-waiting due row became due: pending ones, and claims whose lease ran out."""
    from bilateral.subscriptions.outbox_models import PENDING, SENDING, OutboxMessage

    pending = OutboxMessage.objects.filter(status=PENDING, next_attempt_at__lte=now).order_by("next_attempt_at")
    abandoned = OutboxMessage.objects.filter(status=SENDING, lease_until__lt=now).order_by("lease_until")
    moments = [
        pending.values_list("next_attempt_at", flat=True).first(),
        abandoned.values_list("lease_until", flat=True).first(),
    ]
    return min((moment for moment in moments if moment), default=None)


def check_outbox():
    oldest = oldest_due_outbox_row(timezone.now())
    if oldest is None:
        return {"age_seconds": 0, "max_age_seconds": max_age("outbox")}
    return age_within(oldest, max_age("outbox"), "due row")


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    SCHEDULER: lambda: check_heartbeat(SCHEDULER),
    WORKER: lambda: check_heartbeat(WORKER),
    "outbox": check_outbox,
}


def run_check(name, check):
    try:
        return {"status": OK, **check()}
    except CheckFailed as failure:
        problem, *details = failure.args
        return {"status": FAIL, "problem": problem, **(details[0] if details else {})}
    except Exception as error:  # the check's own dependency is down: that is its answer
        logger.warning("Readiness check %s failed: %s", name, error)
        # The class only: the message may name hosts and ports, and this answer is public.
        return {"status": FAIL, "problem": type(error).__name__}


def readiness():
    results = {name: run_check(name, check) for name, check in CHECKS.items()}
    failed = [name for name, result in results.items() if result["status"] != OK]
    return {"status": FAIL if failed else OK, "failed": failed, "checks": results}


def answer(body, status):
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def healthz():
    return answer({"status": OK}, 200)


def readyz():
    body = readiness()
    return answer(body, 503 if body["failed"] else 200)


ENDPOINTS = {"/healthz": healthz, "/readyz": readyz}


class HealthCheckMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        endpoint = ENDPOINTS.get(request.path_info)
        return endpoint() if endpoint else self.get_response(request)
