"""The static files' storage in production: WhiteNoise's hashed, compressed names, with each file's
address worked out once per process. A page asks for eight (`{% static %}`, the captcha's scripts) and
each took some fifty microseconds (the manifest's name, urljoin, quoting); the manifest does not
change while a process serves pages, and collectstatic forgets the addresses after writing a new one.
(docs/adr/0026-chrome-without-repeated-work.md)"""

from django.conf import settings
from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_urls = {}

    def url(self, name, force=False):
        # DEBUG is part of the key: with it, Django's storage answers the unhashed name.
        key = (name, force, settings.DEBUG)
        try:
            return self.known_urls[key]
        except KeyError:
            address = self.known_urls[key] = super().url(name, force)
            return address

    def post_process(self, *args, **kwargs):
        try:
            yield from super().post_process(*args, **kwargs)
        finally:
            self.known_urls.clear()
