"""A URL configuration other than the site's, for tests/pages/test_url_prefixes.py."""

from django.http import HttpResponse
from django.urls import include, path

facts = ([path("facts/", lambda request: HttpResponse(), name="facts")], "api")
urlpatterns = [path("other/", include(facts))]
