"""URL patterns of portal.publik (joined into portal.urls under the 'portal' namespace)."""

urlpatterns: list = []
