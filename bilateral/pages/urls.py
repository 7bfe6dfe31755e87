"""Site-wide public URLs of the pages app that are not pages themselves (feeds, sitemap, robots)."""

urlpatterns = []
