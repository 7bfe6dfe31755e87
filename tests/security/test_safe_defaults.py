"""Safe by default: the WSGI and ASGI entry points (what a bare `gunicorn bilateral.wsgi` loads) take the
production settings, which refuse to start without their secrets; only manage.py defaults to development."""

import subprocess
import sys

import pytest

from .test_headers import BASE_DIR, production_env

ENTRY_POINTS = ["bilateral.wsgi", "bilateral.asgi"]
PROBE = (
    "import {module}; from django.conf import settings; "
    "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.SECRET_KEY.startswith('dev-only'))"
)


def import_entry_point(module, env):
    return subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )


@pytest.mark.parametrize("module", ENTRY_POINTS)
@pytest.mark.parametrize(
    "missing, message",
    [
        ("SECRET_KEY", "ImproperlyConfigured: SECRET_KEY must be set to a random string of 50 or more characters."),
        ("ALTCHA_HMAC_SECRET", "ImproperlyConfigured: ALTCHA_HMAC_SECRET must be set"),
    ],
)
def test_an_entry_point_without_settings_and_a_secret_refuses_to_start(module, missing, message, tmp_path):
    env = production_env(BILATERAL_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE=None, **{missing: None})
    result = import_entry_point(module, env)
    assert result.returncode != 0
    assert message in result.stderr


@pytest.mark.parametrize("module", ENTRY_POINTS)
def test_an_entry_point_with_its_secrets_runs_the_production_settings(module, tmp_path):
    env = production_env(BILATERAL_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE=None)
    result = import_entry_point(module, env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["bilateral.settings.production", "False", "False"]


def test_manage_py_alone_still_means_development(tmp_path):
    env = production_env(BILATERAL_VAR_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE=None, SECRET_KEY=None)
    probe = "from django.conf import settings; print(settings.SETTINGS_MODULE, settings.DEBUG)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", probe],
        cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-2:] == ["bilateral.settings.dev", "True"]
