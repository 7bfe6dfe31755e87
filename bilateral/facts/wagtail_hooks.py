from wagtail.snippets.models import register_snippet

from .views import CountryViewSet

register_snippet(CountryViewSet)
