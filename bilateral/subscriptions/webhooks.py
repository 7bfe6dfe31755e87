"""The email service's tracking webhook (django-anymail): bounces and complaints reach suppression.

Only the service named by ANYMAIL_ESP answers, at /anymail/<service>/tracking/; anymail's own view
checks the request (basic auth with ANYMAIL_WEBHOOK_SECRET, and the service's signature where it
signs, as Mailgun does) and answers 400 to a forged one before any event is read.
"""

from anymail import urls as anymail_urls
from django.conf import settings
from django.http import Http404
from django.urls import path
from django.views.decorators.csrf import csrf_exempt

TRACKING_VIEWS = {
    pattern.name.removesuffix("_tracking_webhook"): pattern.callback
    for pattern in anymail_urls.urlpatterns
    if pattern.name and pattern.name.endswith("_tracking_webhook")
}


@csrf_exempt  # the email service posts with no cookie; anymail's view checks its credentials instead
def tracking_webhook(request, esp):
    if not settings.ANYMAIL_ESP or esp != settings.ANYMAIL_ESP or esp not in TRACKING_VIEWS:
        raise Http404("No such webhook")
    return TRACKING_VIEWS[esp](request)


urlpatterns = [path("<slug:esp>/tracking/", tracking_webhook, name="anymail_tracking")]
