"""Production: gunicorn behind a caching reverse proxy, PostgreSQL, Redis. Every secret and address
comes from the environment (README, "Configuration"); `manage.py check --deploy` gives no warnings."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F401,F403
from .base import DATABASES, LOG_LEVEL, MIDDLEWARE
from .environment import env
from .observability import logging_config

DEBUG = False

# One JSON object a line for the log collector (LOG_FORMAT=text for reading by eye); errors reported
# as "production" unless SENTRY_ENVIRONMENT says otherwise (staging …).
LOGGING = logging_config(env.str("LOG_FORMAT", default="json"), LOG_LEVEL)
SENTRY_ENVIRONMENT = env.str("SENTRY_ENVIRONMENT", default="production")

# gunicorn's sync workers keep their database connection between requests (a new PostgreSQL
# connection costs a page several milliseconds); a connection that died is noticed and replaced
# (conn_health_checks in base.py). DB_CONN_MAX_AGE=0 opens one per request again.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)

SECRET_KEY = env.str("SECRET_KEY", default="")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be set to a random string of 50 or more characters.")

# Static files: hashed, compressed names served by WhiteNoise from gunicorn (the proxy caches them).
# WhiteNoise right after SecurityMiddleware, as it asks (static answers get its headers too).
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE = [*MIDDLEWARE[:_after_security], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[_after_security:]]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "bilateral.static_storage.StaticFilesStorage"},
}

# Uploaded media (Wagtail images and documents) on S3-compatible storage when a bucket is named, so
# that app servers on several machines share them (README, "Running on several machines"); otherwise
# MEDIA_ROOT on this machine. boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY itself.
AWS_STORAGE_BUCKET_NAME = env.str("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env.str("AWS_S3_ENDPOINT_URL", default="") or None  # e.g. MinIO, Ceph, a cloud's S3
    AWS_S3_REGION_NAME = env.str("AWS_S3_REGION_NAME", default="") or None
    AWS_S3_CUSTOM_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
    # Plain URLs by default: signed ones expire, and pages holding them are kept by the proxy.
    AWS_QUERYSTRING_AUTH = env.bool("AWS_QUERYSTRING_AUTH", default=False)
    AWS_S3_FILE_OVERWRITE = False  # as on disk: a second "report.pdf" gets a new name
    AWS_DEFAULT_ACL = None  # the bucket's own policy decides

# --- Transport and browser security (check --deploy gives no warnings) ---------------------------
# TLS ends in front of the caching proxy, which passes X-Forwarded-Proto on; a request that arrived
# over http is redirected to https. The local stack (`make prod`, deploy/prod.py; tests/proxy) speaks
# plain http on loopback and sets SECURE_SSL_REDIRECT=0; nothing else may.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = 365 * 24 * 3600  # one year: the minimum the HSTS preload list accepts
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
# Cookies only over https, never readable from page scripts (the subscription form and the Wagtail
# admin take their CSRF token from the page or from /prenumerata/zetonas/, not from the cookie).
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
# base.py sets the rest for every environment: CSP (frame-ancestors 'none'), X-Frame-Options DENY,
# nosniff, Referrer-Policy, Cross-Origin-Opener-Policy.

# Secrets with no fallback here. The captcha's HMAC secret is its own, so that it can be rotated
# without logging every editor out (base.py derives one from SECRET_KEY for development only).
ALTCHA_HMAC_SECRET = env.str("ALTCHA_HMAC_SECRET", default="") or env.str("ALTCHA_HMAC_KEY", default="")
if len(ALTCHA_HMAC_SECRET) < 32:
    raise ImproperlyConfigured("ALTCHA_HMAC_SECRET must be set to a random string of 32 or more characters.")
# REDIS_URL is not required: without it the cache (captcha replay store, rate limits) is the
# database's cache table, which every gunicorn worker shares too, only slower. Set it in production.
