"""Settings shared by every environment; each value that differs between machines comes from
the environment (see README, "Configuration")."""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

from django.utils.translation import gettext_lazy as _

# Logs, error reports, health endpoints and their thresholds (LOGGING, SENTRY_*, READYZ_*).
from .observability import *  # noqa: F401,F403
from .observability import OBSERVABILITY_MIDDLEWARE
from .environment import env

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = Path(env.str("BILATERAL_VAR_DIR", default=str(BASE_DIR / "var")))


def default_site_url(environ):
    """Without SITE_URL: the address `make run` serves on (its HOST and PORT)."""
    host = environ.get("HOST") or "127.0.0.1"
    if host == "0.0.0.0":  # every interface: this machine's readers use loopback
        host = "127.0.0.1"
    return f"http://{host}:{environ.get('PORT') or '8000'}"


SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = False
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# The one public address of the site: every absolute URL the portal writes (API, feeds, sitemap,
# canonical and hreflang links, emails) starts with it, whatever Host a request came with.
SITE_URL = env.site_url("SITE_URL", default=default_site_url(os.environ))

INSTALLED_APPS = [
    "bilateral.pages",
    "bilateral.caching",
    "bilateral.history",
    "bilateral.facts",
    "bilateral.subscriptions",
    "bilateral.api",
    "bilateral.search",
    "bilateral.operations",
    "bilateral.demo",
    "bilateral.imports",
    "wagtail.contrib.redirects",
    # Not "wagtail.contrib.frontend_cache": its signal handlers would purge a published page at once,
    # in the editor's request; bilateral/caching/cache_purge.py refreshes it instead (its backends and
    # utilities are used all the same).
    # Translations: wagtail-localize keeps each page's translations in step with the Lithuanian source
    # (docs/adr/0015-one-set-of-facts-in-every-language.md); its locales app replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "altcha_django",
    "anymail",
    "csp",
    "axes",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    *OBSERVABILITY_MIDDLEWARE,
    "django.middleware.security.SecurityMiddleware",
    # Caching inside the app (bilateral/caching/http_cache.py, response_cache.py): a 304 when the reader
    # has the page already; a stored public page for anonymous readers, before the costly parts; then
    # Cache-Control, ETag and Vary set on what the inner middleware and the view produced.
    # First: records the addresses the caching proxy may keep, by scope (caching/proxy_index.py).
    "bilateral.caching.proxy_index.ProxyIndexMiddleware",
    # …and writes a reader's public page as a file for the proxy, when it asks (caching/page_files.py).
    "bilateral.caching.page_files.PageFileMiddleware",
    "bilateral.caching.http_cache.ConditionalGetMiddleware",
    "bilateral.caching.response_cache.ResponseCacheMiddleware",
    "bilateral.caching.http_cache.CachePolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    # Listed after CSPMiddleware so that it sees the view's response first (see bilateral/http.py).
    "bilateral.http.FrameAncestorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A database error in a view or its template becomes a 503 page, not a 500 (operations/outage.py).
    "bilateral.operations.outage.DatabaseOutageMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "bilateral.urls"
WSGI_APPLICATION = "bilateral.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

def sqlite_options():
    """The embedded SQLite shared by `make run`'s web server, task worker and scheduler: in WAL mode
    readers never wait for a writer; a writer waits up to 20 s for another (busy timeout) instead of
    failing with "database is locked"; and each transaction takes the write lock when it begins
    (IMMEDIATE), since a transaction that reads and then writes cannot wait for the lock, only fail."""
    return {
        "init_command": "PRAGMA journal_mode=WAL",
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
    }


if not env.str("DATABASE_URL", default=""):
    VAR_DIR.mkdir(parents=True, exist_ok=True)

DATABASES = {"default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'bilateral.sqlite3'}")}
DATABASES["default"].update(
    CONN_MAX_AGE=env.int("DB_CONN_MAX_AGE", default=0),
    # A kept connection that died with the database is replaced, not reused: no restart needed.
    CONN_HEALTH_CHECKS=True,
)
if DATABASES["default"]["ENGINE"].endswith("postgresql") and env.bool("DB_PREPARED_STATEMENTS", default=True):
    # Parameters bound by the server, so that psycopg prepares a statement it has run a few times on a
    # connection: a page's queries are the same on every request, and PostgreSQL then skips parsing
    # and planning them. DB_PREPARED_STATEMENTS=0 behind a pooler in transaction mode (PgBouncer),
    # where a prepared statement may not be on the next transaction's server connection.
    DATABASES["default"].setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(sqlite_options())
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: Lithuanian first, English second, Polish third; the same facts feed all three.
LANGUAGE_CODE = "lt"
LANGUAGES = [("lt", _("Lithuanian")), ("en", _("English")), ("pl", _("Polish"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# A translation deleted (or stopped) leaves its Translation disabled, not removed: the page is not
# translated into that language again of its own accord (pages/translations.py: untranslated_locales),
# and the texts translated so far come back if an editor translates it again.
WAGTAILLOCALIZE_DISABLE_ON_DELETE = True
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["bilateral.formats"]
TIME_ZONE = "Europe/Vilnius"
USE_I18N = True
USE_TZ = True

STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

WAGTAIL_SITE_NAME = "Bilateral"
WAGTAILADMIN_BASE_URL = SITE_URL
# Wagtail's database backend; on PostgreSQL tuned to answer from the GIN index (bilateral/search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "bilateral.search.backend"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Created by bilateral/search's migration: unaccent, then Lithuanian stemming.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "lt_unaccent"
# The caching reverse proxies (deploy/nginx/proxy.conf) to purge when pages change, comma-separated
# (one per proxy machine); unset, nothing is purged (development, tests without a proxy). See
# bilateral/caching/cache_purge.py.
FRONTEND_CACHE_URLS = [url.rstrip("/") for url in env.list("FRONTEND_CACHE_URL", default=[])]
if FRONTEND_CACHE_URLS:
    WAGTAILFRONTENDCACHE = {
        f"proxy{number}": {"BACKEND": "bilateral.caching.cache_purge.NginxBackend", "LOCATION": url}
        for number, url in enumerate(FRONTEND_CACHE_URLS, start=1)
    }
# The secret of the refresh header the task workers send through the proxy (deploy/nginx/proxy.conf
# takes a refresh only with it): unset, a publication purges its pages instead of refreshing them.
PROXY_REFRESH_SECRET = env.str("PROXY_REFRESH_SECRET", default="")
# The proxy's address index keeps this many addresses per scope (caching/proxy_index.py).
PROXY_INDEX_MAX_PER_SCOPE = env.int("PROXY_INDEX_MAX_PER_SCOPE", default=100_000)
# Where the app writes published pages as files for the proxy on this machine to serve (its
# PAGES_DIR, deploy/prod.py), and the task workers replace or remove them: caching/page_files.py.
# Unset, nothing is written.
PAGE_FILES_DIR = env.str("PAGE_FILES_DIR", default="")
# Each language version is its own page with its own address: purge only the addresses given.
WAGTAILFRONTENDCACHE_LANGUAGES = []
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


# One cache shared by every process (the subscription captcha's replay store needs that):
# the database in the embedded default, Redis (django-redis) when REDIS_URL is set.
def cache_settings(redis_url):
    """"default" degrades when Redis is away: django-redis ignores (and logs) the connection error, so
    reads miss, writes are dropped and pages are still served. "captcha" is the same store but strict,
    so the captcha refuses an answer it cannot mark as used (subscriptions/forms.py)."""
    if not redis_url:
        database = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "bilateral_cache"}
        return {"default": database, "captcha": database}

    def redis(ignore_exceptions):
        # Short timeouts: an unreachable Redis must cost a page a second at most, not hang it.
        options = {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1, "IGNORE_EXCEPTIONS": ignore_exceptions}
        config = env.cache_url_config(redis_url, backend="django_redis.cache.RedisCache")
        return {**config, "OPTIONS": {**config.get("OPTIONS", {}), **options}}

    return {"default": redis(ignore_exceptions=True), "captcha": redis(ignore_exceptions=False)}


# Each error the degrading cache ignores is logged here (bilateral/operations/cache.py: at most one a
# minute per process, an outage would otherwise log every cache call of every page).
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "bilateral.operations.cache"


REDIS_URL = env.str("REDIS_URL", default="")
CACHES = cache_settings(REDIS_URL)
# Unsubscribes accepted while the database is down (bilateral/subscriptions/journal.py) wait in this
# Redis list, or, when Redis is down too or unset, as files in this machine's spool directory.
SUBSCRIPTIONS_UNSUBSCRIBE_JOURNAL_KEY = "bilateral:unsubscribe-journal"
SUBSCRIPTIONS_UNSUBSCRIBE_SPOOL_DIR = Path(env.str("UNSUBSCRIBE_SPOOL_DIR", default=str(VAR_DIR / "spool" / "unsubscribe")))
# Rendered pages and fact blocks, and the content generation they are keyed by
# (bilateral/caching/content_generation.py): the shared cache.
RENDERED_PAGES_CACHE = "default"
# Seconds a process answers a warm page from its own copy in the content state it last read for the
# page's scope, without asking the shared cache (bilateral/caching/state_memory.py): after another
# process's publication a reader may get the previous copy for at most this long. 0: ask every time.
# The task workers wait as long before they purge the proxy (cache_purge.py): set it alike for both.
APP_CACHE_STATE_SECONDS = env.float("APP_CACHE_STATE_SECONDS", default=1.0)

# ALTCHA proof-of-work captcha on the subscription form (altcha-django). The HMAC secret comes from
# the environment; without it one is derived from SECRET_KEY so development works out of the box.
ALTCHA_HMAC_SECRET = (
    env.str("ALTCHA_HMAC_SECRET", default="")
    or env.str("ALTCHA_HMAC_KEY", default="")
    or hashlib.sha256(f"altcha:{SECRET_KEY}".encode()).hexdigest()
)
# About 256 PBKDF2 tries of 5000 rounds: roughly a second in a browser, one derivation to verify.
ALTCHA_CHALLENGE = {"algorithm": "PBKDF2/SHA-256", "cost": 5000, "key_prefix": "00", "expires_seconds": 600}
# The subscription form names its own challenge URL (/prenumerata/captcha/): challenges are fetched
# at run time, never baked into (cached) HTML.
ALTCHA_WIDGET_CHALLENGE_MODE = "auto"
ALTCHA_WIDGET_JS_SOURCE = "vendored"  # served from our static files: no third-party request
ALTCHA_CACHE_ALIAS = "captcha"  # the replay store: the shared cache above, never degraded
ALTCHA_REPLAY_PROTECTION = True
# A form sent without its CSRF token (e.g. a stale page) gets a plain-language page, not Django's.
CSRF_FAILURE_VIEW = "bilateral.subscriptions.views.csrf_failure"

# Content-Security-Policy (django-csp), the same in development, tests and production, so the browser
# tests catch a violation. No 'unsafe-inline' anywhere: scripts and styles are static files (the
# ALTCHA widget's CSS too, see bilateral/subscriptions/altcha_css.py). The Wagtail admin runs under
# it as well; only its page preview may be framed by the admin itself (bilateral/http.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        # The captcha solves its proof of work in Web Workers started from blob: URLs.
        "worker-src": ["'self'", "blob:"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# The admin's user avatars would otherwise come from gravatar.com: a third-party request per editor.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Nor does the dashboard ask releases.wagtail.org for new versions (upgrades follow requirements.txt).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# The client's address behind our own reverse proxies: how many of them append to X-Forwarded-For
# (0: trust only REMOTE_ADDR). Read by bilateral.http.client_ip for rate limits and the login lockout.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Admin sign-in lockout (django-axes), for the Wagtail admin and django-admin alike: 5 failures for one
# user name from one address lock that pair out for 15 minutes (HTTP 429, bilateral/lockout.py).
# Attempts are kept in the database, which every process shares.
AUTHENTICATION_BACKENDS = [
    "bilateral.lockout.LoginLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "bilateral.http.client_ip"
AXES_LOCKOUT_CALLABLE = "bilateral.lockout.lockout_response"
AXES_VERBOSE = False


def email_settings(url):
    """EMAIL_URL: smtp://user:pass@host:port or smtps://… ; unset, emails are printed to the terminal."""
    from urllib.parse import unquote, urlsplit

    if not url:
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    parts = urlsplit(url)
    if parts.scheme not in ("smtp", "smtps"):
        raise ValueError(f"EMAIL_URL must start with smtp:// or smtps://, not {parts.scheme}://")
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname or "127.0.0.1",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_USE_TLS": "tls=1" in (parts.query or ""),
        "EMAIL_TIMEOUT": 10,
    }


def anymail_settings(esp, environ):
    """ANYMAIL_ESP (mailgun, postmark, sendgrid, brevo …): send through that email service's API with
    django-anymail instead of SMTP, and take its bounce and complaint webhooks. Every ANYMAIL_*
    variable becomes the Django setting anymail reads (ANYMAIL_MAILGUN_API_KEY,
    ANYMAIL_MAILGUN_WEBHOOK_SIGNING_KEY …). ANYMAIL_WEBHOOK_SECRET (user:password, the webhooks' basic
    auth) is required: a webhook anyone could call would let them suppress any address."""
    from importlib.util import find_spec

    from django.core.exceptions import ImproperlyConfigured

    if not esp:
        return {"ANYMAIL_ESP": ""}
    if not esp.isidentifier() or find_spec(f"anymail.backends.{esp}") is None:
        raise ImproperlyConfigured(f"ANYMAIL_ESP: django-anymail has no email service called {esp!r}.")
    if ":" not in environ.get("ANYMAIL_WEBHOOK_SECRET", ""):
        raise ImproperlyConfigured("ANYMAIL_ESP needs ANYMAIL_WEBHOOK_SECRET (user:password) for its webhooks.")
    values = {name: value for name, value in environ.items() if name.startswith("ANYMAIL_")}
    return {**values, "ANYMAIL_ESP": esp, "EMAIL_BACKEND": f"anymail.backends.{esp}.EmailBackend"}


globals().update(email_settings(env.str("EMAIL_URL", default="")))
globals().update(anymail_settings(env.str("ANYMAIL_ESP", default="").strip().lower(), os.environ))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Bilateral <noreply@localhost>")
# The mailto: of List-Unsubscribe, only where a person or a process reads that mailbox; unset, emails
# offer the one-click https address alone.
SUBSCRIPTIONS_UNSUBSCRIBE_MAILTO = env.str("UNSUBSCRIBE_MAILTO", default="").strip()

