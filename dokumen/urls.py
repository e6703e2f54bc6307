"""Document downloads and public verification. Routes are added by the document module."""

urlpatterns: list = []
