"""Request and response details that depend on how the portal is deployed (behind proxies, in frames)."""

import ipaddress

from csp.constants import HEADER, SELF
from django.conf import settings


def client_ip(request):
    """The reader's address, for rate limits and the admin login lockout.

    REMOTE_ADDR is the last hop. Behind TRUSTED_PROXY_COUNT proxies of our own, each appends the
    address it received the request from to X-Forwarded-For, so the client is the entry that many
    places from the right; anything further left was written by the client and is not trusted.
    Without trusted proxies (the default) or with a header too short or malformed, REMOTE_ADDR counts.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxy_count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if proxy_count <= 0:
        return remote_addr
    forwarded = [entry.strip() for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxy_count:
        return remote_addr
    candidate = forwarded[-proxy_count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote_addr


class FrameAncestorsMiddleware:
    """Lets a view that allows same-origin framing (X-Frame-Options: SAMEORIGIN, as Wagtail's page
    preview does for the editor's preview panel) be framed under the CSP too: frame-ancestors 'none'
    would otherwise override that header in every browser. Every other response stays unframeable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.get("X-Frame-Options", "").upper() == "SAMEORIGIN":
            replace = dict(getattr(response, "_csp_replace", None) or {})
            replace["frame-ancestors"] = [SELF]
            response._csp_replace = replace
            # Wagtail renders a preview through the whole middleware stack once more, so the page
            # inside may already carry the policy with frame-ancestors 'none': let it be set anew.
            if HEADER in response:
                del response[HEADER]
        return response
