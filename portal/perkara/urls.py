"""URL patterns of portal.perkara (joined into portal.urls under the 'portal' namespace)."""

urlpatterns: list = []
