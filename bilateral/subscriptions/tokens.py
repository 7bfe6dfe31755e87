"""Signed tokens in the links of our emails: who, for what, and how old.

A token names its purpose, so a confirmation link cannot serve to unsubscribe and back.
"""

from django.core import signing

CONFIRM, UNSUBSCRIBE, MANAGE = "confirm", "unsubscribe", "manage"
CONFIRMATION_MAX_AGE = 7 * 24 * 3600


class InvalidToken(Exception):
    """The link was tampered with, is for another purpose, or is malformed."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is too old."""


class _SignedAt(signing.TimestampSigner):
    """Stamps a fixed time instead of now, so a link that never expires is the same in every email."""

    def __init__(self, *, at, **kwargs):
        super().__init__(**kwargs)
        self.at = at

    def timestamp(self):
        return signing.b62_encode(int(self.at.timestamp()))


def make_token(purpose, subscriber_id, *, signed_at=None, **payload):
    salt = f"bilateral.subscriptions.{purpose}"
    if signed_at is not None:
        return _SignedAt(salt=salt, at=signed_at).sign_object({"s": subscriber_id, **payload}, compress=True)
    return signing.dumps({"s": subscriber_id, **payload}, salt=salt, compress=True)


def read_token(purpose, token, max_age=None):
    """The payload of a genuine token of this purpose; raises ExpiredToken or InvalidToken."""
    try:
        return signing.loads(token, salt=f"bilateral.subscriptions.{purpose}", max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken(str(error)) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidToken(str(error)) from error
