"""URL patterns of portal.pengajuan (joined into portal.urls under the 'portal' namespace)."""

urlpatterns: list = []
