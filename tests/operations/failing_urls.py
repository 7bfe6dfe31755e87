"""A view that fails, for the error-report test only."""

from django.urls import path


def fail(request):
    raise RuntimeError("A deliberate failure for the error-report test")


urlpatterns = [path("boom/", fail)]
