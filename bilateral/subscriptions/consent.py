"""The consent text the reader agrees to, versioned: each ConsentRecord names the version it saw."""

from django.utils.translation import gettext_lazy as _

# Change the version whenever the text changes, so old records keep pointing at what was shown.
CONSENT_TEXT_VERSION = "2026-1"
CONSENT_TEXT = _(
    "I agree that the Ministry of Foreign Affairs keeps my email address to send me the updates I chose. "
    "I can unsubscribe, download or erase my data at any time through the link in every email."
)
