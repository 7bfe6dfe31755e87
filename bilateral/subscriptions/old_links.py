"""Links in emails sent before link keys: {"s": subscriber id, "e": 16 hex of SHA-256 of the address}.

Such links are no longer made. Their one-click unsubscribe keeps working (mail providers offer it
on old emails and do not retry a failure); an old manage link counts as expired, so the reader gets
the form for a new one. Remove this module a year after link keys were deployed.
"""

import hashlib

from .models import Subscriber
from .tokens import MANAGE, ExpiredToken, InvalidToken, read_token


def address_tag(email):
    return hashlib.sha256(email.strip().lower().encode()).hexdigest()[:16]


def old_link_subscriber(purpose, token, problem):
    """The subscriber an old-style link names (None if gone); raises `problem` for any other token."""
    try:
        payload = read_token(purpose, token, any_age=True)
    except InvalidToken:
        raise problem from None
    if "k" in payload or "s" not in payload:
        raise problem
    if purpose == MANAGE:
        raise ExpiredToken("a manage link made before link keys")
    subscriber = Subscriber.objects.filter(pk=payload["s"]).first()
    if subscriber is None or address_tag(subscriber.email) != payload.get("e"):
        return None
    return subscriber
