"""The environment as the settings read it: django-environ, with one rule for every boolean and a
clear error for a value that is not one (README, "Configuration").

django-environ alone takes any word it does not know as "false", so a typo such as
SECURE_SSL_REDIRECT=ture would quietly turn a protection off; here it stops the start instead.
"""

import environ
from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = ("1", "true", "yes", "on")
FALSE_WORDS = ("0", "false", "no", "off", "")


class Environment(environ.Env):
    def bool(self, var, default=environ.Env.NOTSET):
        if var not in self.ENVIRON:
            return super().bool(var, default=default)
        word = self.ENVIRON[var].strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ImproperlyConfigured(
            f"{var}={self.ENVIRON[var]!r} is not a boolean: use 1, true, yes or on; 0, false, no, off or empty."
        )

    def list(self, var, default=environ.Env.NOTSET):
        """Words separated by commas; spaces around them ignored ("a, b" is ["a", "b"]), empty ones dropped."""
        return [item.strip() for item in super().list(var, default=default) if item.strip()]

    def site_url(self, var, default=environ.Env.NOTSET):
        """An http(s) address with a host and nothing after it but a path, without its final slash."""
        address = self.url(var, default=default)
        if address.scheme not in ("http", "https") or not address.hostname or address.query or address.fragment:
            raise ImproperlyConfigured(f"{var}={address.geturl()!r} is not a site address such as https://bilateral.example")
        return address.geturl().rstrip("/")

    def get_value(self, var, cast=None, default=environ.Env.NOTSET, parse_default=False):
        try:
            return super().get_value(var, cast=cast, default=default, parse_default=parse_default)
        except ValueError as error:  # e.g. int("ten"): say which variable
            raise ImproperlyConfigured(f"{var}={self.ENVIRON.get(var)!r}: {error}") from error


env = Environment()
