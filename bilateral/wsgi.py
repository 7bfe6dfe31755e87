"""The WSGI entry point (gunicorn). Production settings unless told otherwise: a bare
`gunicorn bilateral.wsgi` must never run with DEBUG on or a development key, so it refuses to start
without SECRET_KEY (bilateral/settings/production.py). Development runs through manage.py.

Warm hits that Django has answered from a process copy are answered again in front of it
(bilateral/caching/fast_hits.py, ADR 0030)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bilateral.settings.production")
django_application = get_wsgi_application()

from bilateral.caching.fast_hits import FastHits  # noqa: E402 - needs the settings set up above

application = FastHits(django_application)
