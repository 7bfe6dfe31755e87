"""The WSGI entry point (gunicorn). Production settings unless told otherwise: a bare
`gunicorn bilateral.wsgi` must never run with DEBUG on or a development key, so it refuses to start
without SECRET_KEY (bilateral/settings/production.py). Development runs through manage.py."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bilateral.settings.production")
application = get_wsgi_application()
