"""URL patterns of portal.akun (joined into portal.urls under the 'portal' namespace)."""

urlpatterns: list = []
