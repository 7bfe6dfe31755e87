"""Errors to Sentry when SENTRY_DSN is set (sentry-sdk with its Django integration); without it
nothing is initialised and nothing leaves the machine."""

from django.conf import settings

from .logs import current_request_id


def tag_request_id(event, hint):
    """An error report names the request id, as the log lines around it do."""
    request_id = current_request_id()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def start_error_reports():
    if not settings.SENTRY_DSN:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=settings.SENTRY_DSN,
        integrations=[DjangoIntegration()],
        # No personal data (readers' addresses, cookies, user names): the SDK's default, stated by
        # leaving out send_default_pii, which sentry-sdk 2.75 deprecates in favour of data_collection.
        environment=settings.SENTRY_ENVIRONMENT,
        release=settings.SENTRY_RELEASE or None,
        before_send=tag_request_id,
    )
    return True
