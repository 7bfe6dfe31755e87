"""The ASGI entry point, with the same safe default as bilateral/wsgi.py: production settings."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bilateral.settings.production")
application = get_asgi_application()
