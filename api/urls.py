"""REST API v1 (design/api-v1.md). Routes are added by the API module."""

urlpatterns: list = []
