"""Signed tokens in the links of our emails: for what, whom (by random key), and how old.

A token names its purpose, so a confirmation link cannot serve to unsubscribe and back. Its readable
part holds the subscriber's random link key and nothing else about them: no id, no hash of the
address (a forwarded link must not confirm a guessed address). Each purpose has its own lifetime.
"""

from django.core import signing

CONFIRM, UNSUBSCRIBE, MANAGE = "confirm", "unsubscribe", "manage"
DAY = 24 * 3600
CONFIRMATION_MAX_AGE = 7 * DAY
MANAGE_MAX_AGE = 7 * DAY
# Mail providers offer the one-click unsubscribe of old emails too: it keeps working for a year.
UNSUBSCRIBE_MAX_AGE = 365 * DAY
MAX_AGE = {CONFIRM: CONFIRMATION_MAX_AGE, MANAGE: MANAGE_MAX_AGE, UNSUBSCRIBE: UNSUBSCRIBE_MAX_AGE}


class InvalidToken(Exception):
    """The link was tampered with, is for another purpose, or is malformed."""


class ExpiredToken(InvalidToken):
    """The link was genuine but is too old."""


class _SignedAt(signing.TimestampSigner):
    """Stamps a given time instead of now (a batch of emails shares one signing time)."""

    def __init__(self, *, at, **kwargs):
        super().__init__(**kwargs)
        self.at = at

    def timestamp(self):
        return signing.b62_encode(int(self.at.timestamp()))


def _salt(purpose):
    return f"bilateral.subscriptions.{purpose}"


def make_token(purpose, *, signed_at, **payload):
    return _SignedAt(salt=_salt(purpose), at=signed_at).sign_object(payload, compress=True)


def read_token(purpose, token, *, any_age=False, grace=0):
    """The payload of a genuine token of this purpose within its lifetime, lengthened by `grace`
    seconds (or of any age, to fill in a form again from an expired link); raises ExpiredToken or
    InvalidToken."""
    try:
        max_age = None if any_age else MAX_AGE[purpose] + grace
        return signing.loads(token, salt=_salt(purpose), max_age=max_age)
    except signing.SignatureExpired as error:
        raise ExpiredToken(str(error)) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise InvalidToken(str(error)) from error


def read_link_key(purpose, token):
    """The link key a genuine, unexpired token of this purpose carries (no database needed)."""
    key = read_token(purpose, token).get("k")
    if not isinstance(key, str) or not key:
        raise InvalidToken("no link key")
    return key
