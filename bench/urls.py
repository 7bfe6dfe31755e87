"""The portal's URLs plus one minimal view for the gunicorn benchmark (bench/gunicorn.py): it returns
the bytes of the file BENCH_BYTES_FILE (the seed page as the portal serves it), read once, so that
gunicorn + Django answering with those bytes is what the real, cached page is compared with. Only
with the bench settings modules; never in production URLs."""

import os
from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse
from django.urls import path

from bilateral.urls import urlpatterns as portal_urlpatterns


@lru_cache(maxsize=1)
def page_bytes():
    return Path(os.environ["BENCH_BYTES_FILE"]).read_bytes()


def same_bytes(request):
    return HttpResponse(page_bytes(), content_type="text/html; charset=utf-8")


urlpatterns = [path("__bench__/same-bytes/", same_bytes), *portal_urlpatterns]
