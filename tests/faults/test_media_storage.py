"""Production settings: media on S3-compatible storage only when a bucket is named (README,
"Running on several machines"); on disk otherwise, where `manage.py backup` archives them."""

import subprocess
import sys

from .processes import BASE_DIR, process_env

PROBE = (
    "import django; django.setup();"
    "from django.core.files.storage import default_storage as s;"
    "print(type(s._wrapped if hasattr(s, '_wrapped') else s).__name__, getattr(s, 'bucket_name', '-'),"
    " getattr(s, 'endpoint_url', '-'))"
)


def production_storage(**env):
    environment = process_env(
        "sqlite:///unused.sqlite3",
        DJANGO_SETTINGS_MODULE="bilateral.settings.production",
        SECRET_KEY="k" * 64,
        ALTCHA_HMAC_SECRET="h" * 40,
        **env,
    )
    for name in ("AWS_STORAGE_BUCKET_NAME", "AWS_S3_ENDPOINT_URL"):
        if name not in env:
            environment.pop(name, None)
    result = subprocess.run([sys.executable, "-c", PROBE], cwd=BASE_DIR, env=environment, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_media_go_to_the_named_s3_bucket():
    assert production_storage(AWS_STORAGE_BUCKET_NAME="bilateral-media", AWS_S3_ENDPOINT_URL="http://127.0.0.1:9000") == [
        "S3Storage", "bilateral-media", "http://127.0.0.1:9000"
    ]


def test_without_a_bucket_media_stay_on_disk():
    assert production_storage()[0] == "FileSystemStorage"
