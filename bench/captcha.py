#!/usr/bin/env python
"""Captcha benchmark (not a test): ALTCHA answers through the subscription form's own captcha field
(SubscriptionForm's ReplayCheckedAltchaField: altcha-django's verifier, then the replay store in the
"captcha" cache, Redis when REDIS_URL is set).

1. µs per verification of a valid, fresh solution (signature, proof of work, recorded as used), and
   of the verifier alone on a valid solution (no replay store), over many repetitions.
2. A flood of 10,000 forged and replayed answers: bad signature, wrong number, expired, malformed
   base64/JSON, and valid answers used again. Every one must be refused.

    REDIS_URL=redis://127.0.0.1:6379/15 .venv/bin/python bench/captcha.py
"""

import argparse
import base64
import json
import random
import sys
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import database_url, percentile, result, setup_django  # noqa: E402

FLOOD = 10_000
KINDS = ["bad signature", "wrong number", "expired", "malformed", "replayed"]


def solve(challenge_dict):
    from altcha import Challenge, Payload, solve_challenge

    challenge = Challenge.from_dict(challenge_dict)
    return Payload(challenge, solve_challenge(challenge)).to_base64()


def our_challenge(**options):
    """A challenge as our endpoint makes it (our key, our cost), optionally with another expiry."""
    from altcha_django.challenge import build_challenge

    return build_challenge(**options).to_dict()


def captcha_field():
    from bilateral.subscriptions.forms import SubscriptionForm

    return SubscriptionForm().fields["captcha"]


def refused(field, payload):
    """(refused?, code) through the form field's clean(), as the form validates it."""
    from django.core.exceptions import ValidationError

    try:
        field.clean(payload)
    except ValidationError as error:
        return True, error.code
    return False, "accepted"


def bad_signature(valid, rng):
    decoded = json.loads(base64.b64decode(valid))
    signature = decoded["challenge"]["signature"]
    position = rng.randrange(len(signature))
    flipped = "0" if signature[position] != "0" else "1"
    decoded["challenge"]["signature"] = signature[:position] + flipped + signature[position + 1 :]
    return base64.b64encode(json.dumps(decoded).encode()).decode()


def wrong_number(challenge, rng):
    from altcha import Challenge, Payload, Solution

    solution = Solution(counter=rng.randrange(10**6), derived_key=f"{rng.getrandbits(256):064x}")
    return Payload(Challenge.from_dict(challenge), solution).to_base64()


def malformed(rng):
    shapes = [
        lambda: "".join(rng.choice("abc!@#$%^&*()") for _ in range(rng.randint(1, 80))),  # not base64
        lambda: base64.b64encode(b"not json " + rng.randbytes(16)).decode(),  # base64, not JSON
        lambda: base64.b64encode(json.dumps({"challenge": None}).encode()).decode(),  # JSON, wrong shape
        lambda: base64.b64encode(json.dumps([1, 2, 3]).encode()).decode(),
        lambda: base64.b64encode(json.dumps({"algorithm": "SHA-256", "number": 5}).encode()).decode(),  # v1 shape
        lambda: "=" * rng.randint(1, 8),
    ]
    return rng.choice(shapes)()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--valid", type=int, default=20, help="fresh valid solutions to verify (each costs a solve)")
    parser.add_argument("--repeat", type=int, default=300, help="verifier-only repetitions on a valid solution")
    parser.add_argument("--flood", type=int, default=FLOOD)
    args = parser.parse_args()
    setup_django(database_url(args.database_url))
    from altcha_django.verifiers import resolve_verifier
    from django.conf import settings

    rng = random.Random(2026)
    field = captcha_field()
    started = time.perf_counter()
    valid = [solve(our_challenge()) for _ in range(args.valid)]
    print(f"solved {len(valid)} fresh challenges (cost {settings.ALTCHA_CHALLENGE['cost']}, the reader's work) "
          f"in {time.perf_counter() - started:.1f} s")

    first_use = []
    for payload in valid:
        began = time.perf_counter()
        is_refused, code = refused(field, payload)
        first_use.append((time.perf_counter() - began) * 1e6)
        if is_refused:
            raise SystemExit(f"A valid, fresh solution was refused ({code}): the benchmark is broken.")
    verifier = resolve_verifier(None)
    alone = []
    for _ in range(args.repeat):
        began = time.perf_counter()
        assert verifier.verify(valid[0]).verified
        alone.append((time.perf_counter() - began) * 1e6)
    print(f"valid solution, first use through the form field (verify + record in the replay store): "
          f"median {percentile(first_use, 0.5):,.0f} µs over {len(first_use)}; "
          f"verifier alone: median {percentile(alone, 0.5):,.0f} µs over {len(alone)}")

    challenges = [our_challenge() for _ in range(50)]
    past = datetime.now(tz=timezone.utc) - timedelta(minutes=1)
    expired_challenges = [our_challenge(expires_at=past) for _ in range(50)]
    makers = {
        "bad signature": lambda: bad_signature(rng.choice(valid), rng),
        "wrong number": lambda: wrong_number(rng.choice(challenges), rng),
        "expired": lambda: wrong_number(rng.choice(expired_challenges), rng),
        "malformed": lambda: malformed(rng),
        "replayed": lambda: rng.choice(valid),
    }
    flood = [(kind, makers[kind]()) for kind in (KINDS[index % len(KINDS)] for index in range(args.flood))]
    rng.shuffle(flood)
    refused_count, codes, accepted = 0, Counter(), Counter()
    began = time.perf_counter()
    for kind, payload in flood:
        is_refused, code = refused(field, payload)
        refused_count += is_refused
        codes[code] += 1
        if not is_refused:
            accepted[kind] += 1
    elapsed = time.perf_counter() - began
    print(f"flood: {len(flood):,} forged and replayed answers ({', '.join(KINDS)}: {len(flood) // len(KINDS):,} each) "
          f"in {elapsed:.1f} s ({elapsed / len(flood) * 1e6:,.0f} µs each): refused {refused_count:,} of {len(flood):,}; "
          f"codes {dict(codes)}" + (f"; ACCEPTED {dict(accepted)}" if accepted else ""))
    result(valid_first_use_us=round(percentile(first_use, 0.5)), verifier_alone_us=round(percentile(alone, 0.5)),
           flood=len(flood), refused=refused_count, codes=dict(codes), accepted=dict(accepted),
           replay_store=settings.CACHES.get(getattr(settings, "ALTCHA_CACHE_ALIAS", "default"), {}).get("BACKEND", ""),
           passed=refused_count == len(flood))


if __name__ == "__main__":
    main()
